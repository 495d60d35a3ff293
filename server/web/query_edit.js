// Edits of a query string made by clicks (a facet, a histogram bar, a
// suggestion): the query language is the page's one filter state, so a click
// writes the term a person could have typed.

// `field:value`, quoted when the value is not one plain token.
export function term(field, value) {
  const plain = /^[\p{L}\p{N}_.\-|]+$/u.test(value);
  return `${field}:${plain ? value : `"${value.replaceAll('"', '')}"`}`;
}

// q with the term added (once).
export function withTerm(q, field, value) {
  const t = term(field, value);
  const words = q.trim().split(/\s+/);
  if (words.includes(t)) return q.trim();
  return q.trim() ? `${q.trim()} ${t}` : t;
}

// q with its date:, after:, before: and on: terms replaced by date:range.
export function withDate(q, range) {
  const kept = q.trim().split(/\s+/).filter((w) => w && !/^(date|after|before|on):/i.test(w));
  return [...kept, `date:${range}`].join(' ');
}

// The single year a query is limited to by a date: term ("date:2020",
// "date:2020-05"), or null.
export function yearOf(q) {
  const m = /(?:^|\s)date:(\d{4})(?:-\d{2})?(?=\s|$)/i.exec(q);
  return m ? m[1] : null;
}

// The field:value word around the caret, for completion: {field, prefix,
// start, end} or null. Completion knows person, meeting and channel.
const kCompletedFields = {from: 'person', speaker: 'person', meeting: 'meeting', channel: 'channel', in: 'channel'};
export function fieldAtCaret(q, caret) {
  const start = q.lastIndexOf(' ', caret - 1) + 1;
  let end = q.indexOf(' ', caret);
  if (end < 0) end = q.length;
  const m = /^-?(\w+):"?([^"\s]*)$/.exec(q.slice(start, end));
  if (!m || !kCompletedFields[m[1].toLowerCase()]) return null;
  return {field: kCompletedFields[m[1].toLowerCase()], name: m[1], prefix: m[2], start, end};
}
