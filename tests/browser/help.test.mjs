// Learning the query language on the page: the help view (from README's
// table), the clickable hints under the box, what the page says of an
// unknown field and of a query that finds nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './harness.mjs';
import {
  TEST, enc, expectNoErrors, expectText, expectTotal, open, search, shows, until, waitForQuery,
} from './session.mjs';

// The first column of README's query-language table: what one may type.
function readmeSyntax() {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Query language'));
  const rows = section.split('\n').slice(1).filter((l) => l.startsWith('| `'));
  assert.ok(rows.length >= 10, 'README has the query-language table');
  return rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
}

test('the help view has every field and operator of README\'s table, and its examples run', TEST, async () => {
  const syntax = readmeSyntax();
  const fields = [...new Set(syntax.flatMap((s) => [...s.matchAll(/(?:^|\s)-?(\w+):/g)].map((m) => `${m[1]}:`)))];
  const operators = [...new Set(syntax.flatMap((s) => s.match(/\b(OR|AND|NOT)\b/g) || []))];
  assert.ok(fields.length >= 10 && operators.length === 3, `${fields} ${operators}`);
  const page = await open('/?view=help');
  await shows(page, '#help-view h2');
  const codes = await page.$$eval('#help-view code', (all) => all.map((c) => c.textContent));
  for (const field of fields) {
    assert.ok(codes.some((c) => c.split(/\s+/).some((w) => w.replace(/^-/, '').startsWith(field))),
      `the help view shows ${field}`);
  }
  for (const op of operators) assert.ok(codes.some((c) => c.includes(op)), `the help view shows ${op}`);
  for (const mark of ['"', '*', '-', '..']) {
    assert.ok(codes.some((c) => c.includes(mark)), `the help view shows ${mark}`);
  }
  // Every example is a link that runs it.
  const examples = await page.$$eval('#help-view a.example', (all) => all.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.ok(examples.length >= fields.length, `${examples.length} examples`);
  for (const [text, href] of examples) {
    const url = new URL(href, 'http://page');
    assert.deepEqual([url.pathname, [...url.searchParams]], ['/', [['q', text]]], href);
  }
  const [example] = examples.find(([text]) => text.startsWith('from:'));
  const api = await search(example, '&per_page=1');
  await page.locator('#help-view').getByRole('link', { name: example, exact: true }).click();
  await waitForQuery(page, `run ${example}`, (p) => p.get('q') === example);
  assert.equal(await page.inputValue('#q'), example);
  await expectTotal(page, api.total.value);
  await page.goBack();
  await shows(page, '#help-view');
  expectNoErrors(page);
});

test('the hints under the box insert their example into it, one Tab stop for all', TEST, async () => {
  const page = await open('/');
  await shows(page, '#hints button');
  await page.click('#hints button:text-is("is:agreed")');
  assert.equal(await page.inputValue('#q'), 'is:agreed ');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q', 'back in the box to go on typing');
  await page.keyboard.type('privsep');
  await page.click('#hints button:text-is("date:2020-05..2020-06")');
  assert.equal(await page.inputValue('#q'), 'is:agreed privsep date:2020-05..2020-06 ');
  // A field's hint offers its values.
  await page.click('#hints button:text-is("from:")');
  assert.equal(await page.inputValue('#q'), 'is:agreed privsep date:2020-05..2020-06 from:');
  await shows(page, '#completions [role=option]');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await waitForQuery(page, 'run it', (p) => p.get('q') === 'is:agreed privsep date:2020-05..2020-06');
  // The answer in: its arrival moves the focus to the status line.
  await until(page, 'the answer arrives', () =>
    !(document.querySelector('#status')?.textContent ?? 'Searching').includes('Searching'));
  // A toolbar: Tab reaches its first hint, arrows the others.
  await page.focus('#search button[type=submit]');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.closest('#hints') && document.activeElement.textContent);
  assert.ok(first, 'Tab from the Search button reaches the hints');
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement.textContent);
  assert.notEqual(second, first, 'ArrowRight moves to the next hint');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => Boolean(document.activeElement.closest('#hints'))), false,
    'Tab leaves the hints');
  expectNoErrors(page);
});

test('an unknown field is named, with the words searched and a link to help', TEST, async () => {
  const api = await search('foo:bar', '&per_page=1');
  assert.deepEqual(api.query.unknown_fields, ['foo']);
  const page = await open('/?q=foo%3Abar');
  await expectText(page, '#unknown-fields', 'foo: is not a field — searched for the words foo bar');
  await page.click('#unknown-fields a[href="/?view=help"]');
  await shows(page, '#help-view');
  assert.equal(await page.inputValue('#q'), 'foo:bar', 'the query stays in the box');
  const plain = await open('/?q=from%3Agmann+upgrade');
  await shows(plain, '#hits li.hit');
  assert.equal(await plain.locator('#unknown-fields').count(), 0, 'no notice for known fields');
  expectNoErrors(page);
});

// A date read from words, a word no line has, a person nobody is: each
// finds nothing on the sample, and each has a near query that does.
for (const q of ['upgrade may 2020', 'privsep zzqqx', 'from:gman']) {
  test(`a query that finds nothing offers the nearest that do: ${q}`, TEST, async () => {
    const api = await search(q, '&per_page=1');
    assert.equal(api.total.value, 0);
    assert.ok(api.suggestions.length > 0, `the API suggests something for ${q}`);
    const page = await open(`/?q=${enc(q)}`);
    await expectText(page, '#status', 'No results');
    await shows(page, '#suggestions li');
    const shown = await page.$$eval('#suggestions li', (all) => all.map((li) => ({
      q: li.querySelector('a').textContent, href: li.querySelector('a').getAttribute('href'), text: li.textContent,
    })));
    assert.equal(shown.length, api.suggestions.length);
    api.suggestions.forEach((s, k) => {
      assert.equal(shown[k].q, s.q);
      assert.equal(shown[k].href, `/?q=${enc(s.q)}`);
      assert.ok(shown[k].text.includes(s.why), `${shown[k].text} says ${s.why}`);
      const count = `${s.total.exact ? '' : 'about '}${s.total.value.toLocaleString('en-US')} hit`;
      assert.ok(shown[k].text.includes(count), `${shown[k].text} says ${count}`);
    });
    await page.click('#suggestions li:first-child a');
    await waitForQuery(page, `run ${api.suggestions[0].q}`, (p) => p.get('q') === api.suggestions[0].q);
    await expectTotal(page, api.suggestions[0].total.value);
    assert.equal(await page.inputValue('#q'), api.suggestions[0].q);
    expectNoErrors(page);
  });
}

test('a query that finds nothing and has no near query still leads somewhere: the help', TEST, async () => {
  const api = await search('privsep tc may 2020', '&per_page=1');
  assert.deepEqual([api.total.value, api.suggestions], [0, []], 'nothing near it on the sample');
  const page = await open(`/?q=${enc('privsep tc may 2020')}`);
  await expectText(page, '#status', 'No results');
  await page.click('#zero-help a');
  await shows(page, '#help-view a.example');
  assert.equal(await page.inputValue('#q'), 'privsep tc may 2020');
  expectNoErrors(page);
});

test('did-you-mean still shows beside the suggestions', TEST, async () => {
  const api = await search('upgrrade', '&per_page=1');
  assert.equal(api.did_you_mean, 'upgrade');
  const page = await open('/?q=upgrrade');
  await shows(page, '#did-you-mean a');
  await until(page, 'the suggestions or their absence settle', () =>
    !document.querySelector('#status')?.textContent.includes('Searching'));
  assert.equal(await page.locator('#suggestions li').count(), api.suggestions.length);
  expectNoErrors(page);
});
