// What every browser test file shares: one harness (server and chromium) per
// file, started before its tests and closed after them, and the helpers that
// wait for the page and compare it with the API. Facts come from the API.
import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import { exitUnlessBrowser, startHarness } from './harness.mjs';

exitUnlessBrowser();

export let h;  // the harness of this test file
before(async () => { h = await startHarness(); }, { timeout: 240_000 });
afterEach(async () => { await h?.closePages(); });
after(async () => { await h?.close(); });

export const TEST = { timeout: 60_000 };
export const enc = encodeURIComponent;

export async function open(path, options) {
  const page = await h.newPage(options);
  await page.goto(h.baseUrl + path);
  return page;
}

export async function search(q, extra = '') {
  const { status, body } = await h.api(`/api/v1/search?q=${enc(q)}${extra}`);
  assert.equal(status, 200, `API search ${q}: ${JSON.stringify(body)}`);
  return body;
}

// Waits for a visible `selector`; fails naming it.
export async function shows(page, selector) {
  try {
    return await page.waitForSelector(selector, { state: 'visible' });
  } catch {
    assert.fail(`no visible ${selector} on ${page.url()}`);
  }
}

// Waits until `fn(arg)`, run in the page, is truthy; fails with `what`.
export async function until(page, what, fn, arg) {
  try {
    await page.waitForFunction(fn, arg);
  } catch {
    assert.fail(`${what} (on ${page.url()})`);
  }
}

export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Waits for `selector`'s text to contain `text` (a string or a RegExp).
export async function expectText(page, selector, text) {
  await shows(page, selector);
  const pattern = text instanceof RegExp ? text : new RegExp(escapeRegExp(text));
  try {
    await page.waitForFunction(([s, source, flags]) =>
      new RegExp(source, flags).test(document.querySelector(s)?.textContent ?? ''),
    [selector, pattern.source, pattern.flags]);
  } catch {
    const actual = await page.textContent(selector).catch(() => null);
    assert.fail(`${selector} should contain ${pattern}; it is ${JSON.stringify(actual)}`);
  }
}

// #status shows the total `n` as en-US formats it ("1,234"), a whole number.
export const expectTotal = (page, n) =>
  expectText(page, '#status', new RegExp(`(^|[^\\d,])${n.toLocaleString('en-US')}(?![\\d,])`));

export async function waitForQuery(page, what, predicate) {
  try {
    await page.waitForURL((url) => predicate(url.searchParams));
  } catch {
    assert.fail(`the URL should ${what}; it is ${page.url()}`);
  }
}

export const queryOf = (page) => new URL(page.url()).searchParams.get('q');
export const filtersOf = (page) => new URL(page.url()).searchParams.getAll('filter');
// The API parameters of the page's search: q and its filters.
export const apiQueryOf = (page) => `${enc(queryOf(page) ?? '')}${filtersOf(page).map((f) => `&filter=${enc(f)}`).join('')}`;

// The hits shown: data-id, the speaker's data-person, the time's datetime.
export function hitsOf(page) {
  return page.$$eval('#hits li.hit', (items) => items.map((item) => ({
    id: item.dataset.id,
    person: item.querySelector('.speaker')?.dataset.person,
    time: [...item.querySelectorAll('time')].find((t) => !t.closest('.context'))
      ?.getAttribute('datetime'),
  })));
}

export function expectNoErrors(page, allowed = []) {
  const errors = page.errors.filter((e) => !allowed.some((pattern) => pattern.test(e)));
  assert.deepEqual(errors, [], 'errors in the page');
}

// Clicks the first person facet value; returns that person.
export async function clickPersonFacet(page) {
  const button = await shows(page, '#facets .facet[data-field="person"] button.facet-value');
  const person = await button.getAttribute('data-value');
  assert.ok(person, 'the person facet value has a data-value');
  await button.click();
  await waitForQuery(page, `gain the filter from:${person}`,
    (p) => p.getAll('filter').includes(`from:${person}`));
  return person;
}

export const firstHitId = (page) => page.$eval('#hits li.hit', (item) => item.dataset.id);
export const stemOf = (id) => id.slice(0, id.lastIndexOf('#'));
export const lineOf = (id) => Number(id.slice(id.lastIndexOf('#') + 1));
