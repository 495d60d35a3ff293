// The formats of the page's Download (server/web/export_format.js), without
// a browser: CSV cells as RFC 4180 and spreadsheets need them, JSON Lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, csvOf, jsonLinesOf, kCsvColumns } from '../../server/web/export_format.js';

test('CSV cells: quoted when they hold a comma, quote or line break; formulas defused', () => {
  const cases = [
    ['plain', 'plain'],
    ['', ''],
    [null, ''],
    [42, '42'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "\"'\rCR\""],
    ['=HYPERLINK("http://x", "y")', '"\'=HYPERLINK(""http://x"", ""y"")"'],
    ['a=b+c', 'a=b+c'],
    [' =x', ' =x'],
  ];
  for (const [value, want] of cases) assert.equal(csvCell(value), want, JSON.stringify(value));
});

const record = {
  id: 'meetings/tc/2020/tc.2020-05-14-15.00#7', time: '2020-05-14T15:03:00Z', meeting: 'tc',
  channel: '#openstack-tc', speaker: 'gmann', person: 'gmann', kind: 'action', item: 'action',
  owners: ['gmann', 'ttx'], status: 'open', evidence: [], topic: 'Gate, "health"',
  text: '#action gmann, ttx to fix\nit', path: 'meetings/tc/2020/tc.2020-05-14-15.00.log.txt', line: 7,
  url: 'https://meetings.opendev.org/x#l-7',
  vote: { question: 'Ship it?', options: ['Yes', 'No'], results: [{ option: 'Yes', votes: 5 }, { option: 'No', votes: 1 }] },
};

test('a CSV: the header, a row per record, CRLF line ends', () => {
  const csv = csvOf([record, { ...record, id: 'x#1', vote: null, owners: [], speaker: null, text: '-1' }]);
  const lines = csv.split('\r\n');
  assert.equal(lines[0], kCsvColumns.join(','));
  assert.equal(lines.at(-1), '', 'the last row ends with CRLF');
  assert.equal(lines[1], [
    record.id, record.time, 'tc', '#openstack-tc', 'gmann', 'gmann', 'action', 'action', 'gmann ttx', 'open',
    '"Gate, ""health"""', '"#action gmann, ttx to fix\nit"', 'Ship it? Yes 5 · No 1', record.url,
  ].join(','));
  assert.equal(lines[2], ['x#1', record.time, 'tc', '#openstack-tc', '', 'gmann', 'action', 'action', '', 'open',
    '"Gate, ""health"""', "'-1", '', record.url].join(','));
});

test('JSON Lines: one record a line, every field of the record, no more', () => {
  const hit = { ...record, snippet: '<mark>fix</mark>', score: 3.5, collapsed: 0, context: { before: [], after: [] } };
  const text = jsonLinesOf([hit, hit]);
  const lines = text.split('\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[2], '');
  assert.deepEqual(JSON.parse(lines[0]), record);
});
