// The files of the results' Download: JSON Lines (a record a line, as the
// API gives it) and CSV (RFC 4180: comma-separated, CRLF line ends, a cell
// quoted when it holds a comma, a quote or a line break, its quotes
// doubled). A cell that starts with = + - @, a tab or a carriage return is
// led by an apostrophe, so that a spreadsheet shows it instead of running
// it as a formula ("+1" is common on IRC; "=HYPERLINK(…)" is an attack).
// No DOM: tests/browser/export_format.test.mjs runs it in Node.

// What a search adds to a record; the rest is the record (openapi.yaml's Record).
const kSearchOnly = ['snippet', 'score', 'context', 'collapsed'];

export function recordOf(hit) {
  const record = {...hit};
  for (const field of kSearchOnly) delete record[field];
  return record;
}

export const jsonLinesOf = (hits) => hits.map((hit) => `${JSON.stringify(recordOf(hit))}\n`).join('');

export const kCsvColumns = ['id', 'time', 'meeting', 'channel', 'speaker', 'person', 'kind', 'item', 'owners',
                            'status', 'topic', 'text', 'vote', 'url'];

// "Ship it? Yes 5 · No 1", as the page shows a vote.
function voteText(vote) {
  if (!vote) return '';
  const results = vote.results.length ? vote.results.map((r) => `${r.option} ${r.votes}`).join(' · ') : 'no votes';
  return `${vote.question} ${results}`;
}

export function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(hit) {
  return kCsvColumns.map((column) => {
    if (column === 'owners') return csvCell(hit.owners.join(' '));
    if (column === 'vote') return csvCell(voteText(hit.vote));
    return csvCell(hit[column]);
  }).join(',');
}

export const csvOf = (hits) => [kCsvColumns.join(','), ...hits.map(csvRow)].map((row) => `${row}\r\n`).join('');
