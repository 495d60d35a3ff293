// Edits made by clicks. A clicked facet or histogram bar becomes a filter
// of the page's state (the URL's `filter`), sent to the API apart from q
// (server/openapi.yaml), so that it restricts the whole query; links to a
// person's or a meeting's search write the term a person could have typed.

// `field:value`, quoted when the value is not one plain token.
export function term(field, value) {
  const plain = /^[\p{L}\p{N}_.\-|#]+$/u.test(value);
  return `${field}:${plain ? value : `"${value.replaceAll('"', '')}"`}`;
}

// The filters with field:value added (once).
export function withFilter(filters, field, value) {
  const f = term(field, value);
  return filters.includes(f) ? filters : [...filters, f];
}

// The filters with their date filters replaced by date:range.
export function withDateFilter(filters, range) {
  return [...filters.filter((f) => !/^(date|after|before|on):/i.test(f)), `date:${range}`];
}

// The filters without `filter`.
export const withoutFilter = (filters, filter) => filters.filter((f) => f !== filter);

// The single year the query or the filters limit to ("date:2020",
// "date:2020-05"), or null.
export function yearOf(q, filters = []) {
  for (const text of [q, ...filters]) {
    const m = /(?:^|\s)date:(\d{4})(?:-\d{2})?(?=\s|$)/i.exec(text);
    if (m) return m[1];
  }
  return null;
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
