// Taking the results away: Download writes every hit of the query shown
// (its q, filters, order) as JSON Lines or CSV, read here as a reader would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { TEST, enc, expectNoErrors, h, open, shows } from './session.mjs';

// Every hit of a search, read from the API 100 at a time.
async function allHits(params) {
  const hits = [];
  for (let page = 1; page <= 100; ++page) {
    const { status, body } = await h.api(`/api/v1/search?${params}&per_page=100&page=${page}`);
    assert.equal(status, 200, JSON.stringify(body));
    hits.push(...body.hits);
    if (hits.length >= body.total.value || !body.hits.length) {
      assert.equal(hits.length, body.total.value, 'the API gave every hit');
      return hits;
    }
  }
  assert.fail('more than 10,000 hits');
}

// A record as the API gives it, without what belongs to the search (its
// snippet markup, score, context, collapsed count).
function recordOf(hit) {
  const { snippet, score, context, collapsed, ...record } = hit;
  return record;
}

// RFC 4180: rows of cells; quoted cells may hold commas, quotes ("") and newlines.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; ++i; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; ++i; }
    else cell += c;
  }
  assert.equal(quoted, false, 'a quote left open');
  assert.equal(cell + row.join(''), '', 'the last row ends with CRLF');
  return rows;
}

// What a spreadsheet must show of a cell: text starting with = + - @ (a
// formula) led by an apostrophe.
const safe = (text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

async function download(page, format) {
  if (!await page.$('#download[open]')) await page.click('#download summary');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`#download button[data-format="${format}"]`)]);
  assert.equal(await file.failure(), null);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('Download gives every hit of the query shown, in its order, as JSON Lines and CSV', { ...TEST, timeout: 120_000 }, async () => {
  const params = `q=${enc('+1')}&sort=oldest`;
  const hits = await allHits(params);
  assert.ok(hits.length > 100, 'more than one page of the API');
  const page = await open(`/?${params}`);
  await shows(page, '#hits li.hit');

  const jsonl = await download(page, 'jsonl');
  assert.match(jsonl.name, /^eavesearch-.*\.jsonl$/);
  assert.ok(jsonl.text.endsWith('\n'));
  const records = jsonl.text.slice(0, -1).split('\n').map((line) => JSON.parse(line));
  assert.equal(records.length, hits.length);
  records.forEach((r, k) => assert.deepEqual(r, recordOf(hits[k]), `line ${k + 1}`));
  await shows(page, '#download-status');
  assert.match(await page.textContent('#download-status'), new RegExp(`${hits.length} hits`));

  const csv = await download(page, 'csv');
  assert.match(csv.name, /^eavesearch-.*\.csv$/);
  const [header, ...rows] = parseCsv(csv.text);
  assert.deepEqual(header, ['id', 'time', 'meeting', 'channel', 'speaker', 'person', 'kind', 'item', 'owners',
    'status', 'topic', 'text', 'vote', 'url']);
  assert.equal(rows.length, hits.length);
  const column = (name) => header.indexOf(name);
  rows.forEach((row, k) => {
    assert.equal(row.length, header.length, `row ${k + 1}`);
    assert.equal(row[column('id')], hits[k].id);
    assert.equal(row[column('text')], safe(hits[k].text), hits[k].id);
    assert.equal(row[column('speaker')], safe(hits[k].speaker ?? ''));
    assert.equal(row[column('owners')], hits[k].owners.join(' '));
  });
  assert.ok(rows.some((row) => row[column('text')].startsWith("'+")), 'a line starting with + was defused');
  expectNoErrors(page);
});

test('a CSV of hostile text keeps it as text: quotes, commas and markup in one cell', TEST, async () => {
  const hits = await allHits('q=injected');
  const hostile = hits.find((hit) => hit.text.includes('<script>'));
  assert.ok(hostile && hostile.text.includes('"'), 'the hostile line has quotes');
  const page = await open('/?q=injected');
  await shows(page, '#hits li.hit');
  const csv = await download(page, 'csv');
  assert.ok(csv.text.includes(`"${hostile.text.replaceAll('"', '""')}"`), 'the quoted cell');
  const [header, ...rows] = parseCsv(csv.text);
  const row = rows.find((r) => r[0] === hostile.id);
  assert.equal(row[header.indexOf('text')], hostile.text);
  expectNoErrors(page);
});
