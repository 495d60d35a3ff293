// Moving around the page: the query kept across views, Back to where one
// was, focus where the eye goes, the keyboard, pages past the last.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  TEST, expectNoErrors, expectText, h, open, search, shows, until, waitForQuery,
} from './session.mjs';

// The focused element: its id, the data-id of the hit or line it is (in),
// and whether it is (in) a context list.
const focusOf = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return {
    tag: a?.tagName.toLowerCase(), id: a?.id || null,
    hit: a?.closest('li.hit')?.dataset.id ?? null, isHit: a?.matches('li.hit') ?? false,
    inContext: Boolean(a?.closest('.context')), target: a?.matches('#log-lines li.target') ?? false,
  };
});

async function focusIs(page, what, predicate, arg) {
  try {
    await page.waitForFunction(predicate, arg);
  } catch {
    assert.fail(`the focus should be on ${what}; it is on ${JSON.stringify(await focusOf(page))}`);
  }
}

const statusFocused = () => document.activeElement?.id === 'status';

test('the query stays in the box across views: log, series, person, decisions, back to search', TEST, async () => {
  const page = await open('/?q=upgrade');
  const keeps = async (where) => assert.equal(await page.inputValue('#q'), 'upgrade', `#q in ${where}`);
  await page.locator('#hits li.hit[data-id^="meetings/"] a.open-log').first().click();
  await shows(page, '#log-view #log-lines li.target');
  await keeps('the log view');
  await page.click('#series-nav a[href^="/?view=series"]');
  await expectText(page, '#series-view h2', 'Meetings of');
  await keeps('the series view');
  await page.goBack();
  await shows(page, '#log-lines li.target');
  await keeps('the log view, after Back');
  await page.click('#log-lines li.target a.speaker');
  await shows(page, '#person-view h2');
  await keeps('the person view');
  await page.click('nav a[data-nav-view="decisions"]');
  await shows(page, '#decisions-view');
  await keeps('the decisions view');
  await page.click('nav a[data-nav-view="search"]');
  await waitForQuery(page, 'search upgrade again', (p) => p.get('q') === 'upgrade' && !p.get('view'));
  await shows(page, '#hits li.hit');
  await keeps('the results');
  expectNoErrors(page);
});

test('Back restores the scroll position, the opened contexts and the hit one left from', TEST, async () => {
  const page = await open('/?q=upgrade');
  await shows(page, '#hits li.hit');
  const ids = await page.$$eval('#hits li.hit', (all) => all.map((li) => li.dataset.id));
  assert.ok(ids.length >= 12, 'a full page of hits');
  const hit = (k) => page.locator(`#hits li.hit[data-id="${ids[k]}"]`);
  await hit(2).locator('button.expand').click();
  await shows(page, `#hits li.hit[data-id="${ids[2]}"] .context .context-line`);
  const leaving = ids.findLastIndex((id) => id.startsWith('meetings/'));
  assert.ok(leaving > 8, 'a hit in a meeting log far down the page');
  await hit(leaving).evaluate((li) => li.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(300);  // the page records where it is on scroll
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(y > 500, `scrolled down (${y})`);
  await hit(leaving).locator('a.open-log').click();
  await shows(page, '#log-lines li.target');
  await page.goBack();
  await until(page, `the context of hit ${ids[2]} should show again`, (id) =>
    document.querySelector(`#hits li.hit[data-id="${id}"] .context .context-line`), ids[2]);
  assert.equal(await hit(2).locator('button.expand').getAttribute('aria-expanded'), 'true');
  await until(page, `the page should be scrolled to ${y} again`, (want) =>
    Math.abs(window.scrollY - want) <= 2, y);
  await focusIs(page, `the hit ${ids[leaving]}`,
    (id) => document.activeElement?.closest('li.hit')?.dataset.id === id, ids[leaving]);
  expectNoErrors(page);
});

test('focus follows the action: the context shown, the results after Next, a bar or a facet, the log line', TEST, async () => {
  const page = await open('/?q=upgrade');
  const first = await shows(page, '#hits li.hit');
  const id = await first.getAttribute('data-id');
  await first.$eval('button.expand', (b) => b.click());
  await focusIs(page, 'the context shown', (hit) =>
    document.activeElement?.closest('.context') && document.activeElement.closest('li.hit').dataset.id === hit, id);

  await page.click('#pages a[rel="next"]');
  await waitForQuery(page, 'go to page 2', (p) => p.get('page') === '2');
  await focusIs(page, '#status after Next', statusFocused);

  const bar = page.locator('#histogram button.bar:not(:disabled)').first();
  const range = await bar.getAttribute('data-range');
  await bar.click();
  await waitForQuery(page, `gain date:${range}`, (p) => p.getAll('filter').includes(`date:${range}`));
  await focusIs(page, '#status after a histogram bar', statusFocused);

  await page.click('#facets .facet[data-field="person"] button.facet-value');
  await waitForQuery(page, 'gain a person', (p) => p.getAll('filter').some((f) => f.startsWith('from:')));
  await focusIs(page, '#status after a facet', statusFocused);

  await page.locator('#hits li.hit a.open-log').first().click();
  await shows(page, '#log-lines li.target');
  await focusIs(page, 'the log line opened', () => document.activeElement?.matches('#log-lines li.target'));
  expectNoErrors(page);
});

// Presses Tab until `done` holds in the page; the number of presses, or null past `most`.
async function tabsUntil(page, done, most) {
  for (let n = 1; n <= most; ++n) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(done)) return n;
  }
  return null;
}

test('the first facet is at most 10 Tabs away, and the skip link leads into the results', TEST, async () => {
  const page = await open('/?q=upgrade');
  await shows(page, '#facets button.facet-value');
  const onFacet = () => document.activeElement === document.querySelector('#facets button.facet-value');
  const tabs = await tabsUntil(page, onFacet, 100);
  assert.ok(tabs !== null && tabs <= 10, `Tabs to the first facet: ${tabs ?? 'more than 100'}`);

  await page.reload();
  await shows(page, '#facets button.facet-value');
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => ({
    text: document.activeElement.textContent, visible: document.activeElement.getBoundingClientRect().left >= 0,
  }));
  assert.deepEqual(skip, { text: 'Skip to the results', visible: true });
  await page.keyboard.press('Enter');
  await until(page, 'the skip link moves the focus into the results',
    () => document.querySelector('#view').contains(document.activeElement));
  const after = await tabsUntil(page, onFacet, 10);
  assert.ok(after !== null && after <= 3, `Tabs from the results to the first facet: ${after}`);
  expectNoErrors(page);
});

test('keys: j and k move between hits, o and Enter open the log, ? shows the shortcuts, none while typing', TEST, async () => {
  const page = await open('/?q=upgrade');
  await shows(page, '#hits li.hit');
  const ids = await page.$$eval('#hits li.hit', (all) => all.map((li) => li.dataset.id));
  const current = () => page.evaluate(() => document.activeElement?.matches('li.hit') ?
    document.activeElement.dataset.id : null);
  for (const [key, want] of [['j', 0], ['j', 1], ['j', 2], ['k', 1], ['k', 0], ['k', 0]]) {
    await page.keyboard.press(key);
    assert.equal(await current(), ids[want], `after ${key}`);
  }
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the current hit shows');
  await page.keyboard.press('j');
  await page.keyboard.press('o');
  await waitForQuery(page, `open the log at ${ids[1]}`, (p) => p.get('view') === 'log' && p.get('id') === ids[1]);
  await shows(page, '#log-lines li.target');

  await page.goBack();
  await shows(page, '#hits li.hit');
  await page.keyboard.press('j');
  const chosen = await current();
  assert.ok(chosen, 'j chose a hit');
  await page.keyboard.press('Enter');
  await waitForQuery(page, `open the log at ${chosen}`, (p) => p.get('view') === 'log' && p.get('id') === chosen);
  await page.goBack();
  await shows(page, '#hits li.hit');

  await page.keyboard.press('?');
  const dialog = await shows(page, 'dialog#shortcuts[open]');
  for (const key of ['j', 'k', 'o', '/', '?', 'Esc']) {
    assert.ok((await dialog.textContent()).includes(key), `the shortcuts name ${key}`);
  }
  await page.keyboard.press('Escape');
  await until(page, 'Esc closes the shortcuts', () => !document.querySelector('dialog#shortcuts').open);

  const url = page.url();
  await page.click('#q');
  await page.keyboard.type(' j?ok');
  assert.equal(await page.inputValue('#q'), 'upgrade j?ok', 'the keys were typed');
  assert.equal(await page.evaluate(() => document.querySelector('dialog#shortcuts').open), false);
  assert.equal(page.url(), url);
  expectNoErrors(page);
});

test('a page past the last says so and links to the last page', TEST, async () => {
  const api = await search('upgrade', '&per_page=1');
  const last = Math.ceil(Math.min(api.total.value, 10_000) / 20);
  assert.ok(last < 500);
  const page = await open('/?q=upgrade&page=500');
  await expectText(page, '#past-end', `Page 500 is past the last page (${last})`);
  assert.equal(await page.locator('text=/Page 500 of/').count(), 0, 'no "Page 500 of …"');
  await page.click('#past-end a');
  await waitForQuery(page, `go to page ${last}`, (p) => p.get('page') === String(last));
  await shows(page, '#hits li.hit');
  await expectText(page, '#pages', `Page ${last} of ${last}`);
  expectNoErrors(page);
});

test('the decisions view says so of a page past its last too', TEST, async () => {
  const api = (await h.api('/api/v1/decisions?per_page=50')).body;
  const last = Math.ceil(Math.min(api.total.value, 10_000) / 50);
  const page = await open(`/?view=decisions&page=${last + 3}`);
  await expectText(page, '#past-end', `Page ${last + 3} is past the last page (${last})`);
  expectNoErrors(page);
});
