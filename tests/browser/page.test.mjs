// The search page (server/web/) in headless chromium, over a real server on
// data/sample plus one hostile meeting (harness.mjs). Facts come from the API.
// Run: node tests/browser/run.mjs (or ctest -R browser).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  TEST, apiQueryOf, clickPersonFacet, enc, expectNoErrors, expectText, expectTotal, filtersOf,
  firstHitId, h, hitsOf, lineOf, open, queryOf, search, shows, stemOf, until, waitForQuery,
} from './session.mjs';

test('a. /?q=upgrade shows hits, marks and the total', TEST, async () => {
  const api = await search('upgrade', '&per_page=1');
  assert.ok(api.total.value > 0, 'the sample has "upgrade"');
  const page = await open('/?q=upgrade');
  await shows(page, '#hits li.hit');
  assert.ok(await page.locator('#hits li.hit .snippet mark').count() > 0, 'no .snippet mark');
  await expectTotal(page, api.total.value);
  assert.equal(await page.isVisible('#lenient'), false, '#lenient shown for a plain query');
  assert.equal(await page.isVisible('#error'), false, '#error shown for a good query');
  await h.screenshot(page, 'search-results');
  expectNoErrors(page);
});

test('b. typing a query and Enter searches and sets ?q=', TEST, async () => {
  const page = await open('/');
  await page.fill('#q', 'privsep');
  await page.press('#q', 'Enter');
  await waitForQuery(page, 'have q=privsep', (p) => p.get('q') === 'privsep');
  await shows(page, '#hits li.hit');
  const marks = await page.$$eval('#hits .snippet mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.some((m) => /privsep/i.test(m)), `marks: ${marks}`);
  expectNoErrors(page);
});

test('c. a person facet narrows to that person', TEST, async () => {
  const page = await open('/?q=upgrade');
  const person = await clickPersonFacet(page);
  await until(page, `every hit's .speaker[data-person] should be ${person}`, (p) => {
    const hits = [...document.querySelectorAll('#hits li.hit')];
    return hits.length > 0 &&
      hits.every((hit) => hit.querySelector('.speaker')?.dataset.person === p);
  }, person);
  for (const hit of await hitsOf(page)) assert.equal(hit.person, person, hit.id);
  assert.equal(queryOf(page), 'upgrade', 'the query text is the user\'s, untouched');
  const api = (await h.api(`/api/v1/search?q=${apiQueryOf(page)}&per_page=1`)).body;
  await expectTotal(page, api.total.value);
  // The filter shows, and removing it gives the whole results back.
  const chip = await shows(page, `#active-filters button.filter[data-filter="from:${person}"]`);
  await chip.click();
  await waitForQuery(page, 'lose the filter', (p) => p.getAll('filter').length === 0);
  await expectTotal(page, (await search('upgrade', '&per_page=1')).total.value);
  expectNoErrors(page);
});

test('c2. a facet clicked on an OR query filters all of it', TEST, async () => {
  const q = 'release OR upgrade';
  const page = await open(`/?q=${enc(q)}`);
  const button = await shows(page, '#facets .facet[data-field="meeting"] button.facet-value');
  const meeting = await button.getAttribute('data-value');
  await button.click();
  await waitForQuery(page, `gain the filter meeting:${meeting}`,
    (p) => p.getAll('filter').includes(`meeting:${meeting}`));
  const api = await search(`(${q}) meeting:${meeting}`, '&per_page=1');
  await expectTotal(page, api.total.value);
  await until(page, `every hit should be from ${meeting}`, (m) => {
    const hits = [...document.querySelectorAll('#hits li.hit')];
    return hits.length > 0 && hits.every((hit) => hit.querySelector('.meeting')?.textContent === m);
  }, meeting);
  expectNoErrors(page);
});

test('d. expanding a hit shows its context, in order, from its log', TEST, async () => {
  const page = await open('/?q=upgrade');
  const hit = await shows(page, '#hits li.hit');
  const id = await hit.getAttribute('data-id');
  const record = (await h.api(`/api/v1/records/${enc(id)}?context=1`)).body;
  await (await shows(page, '#hits li.hit button.expand')).click();
  await shows(page, '#hits li.hit .context .context-line');
  const lines = await hit.$$eval('.context .context-line', (items) => items.map((item) => ({
    id: item.dataset.id,
    time: item.querySelector('time')?.getAttribute('datetime'),
  })));
  for (const line of lines) {
    assert.ok(line.id?.startsWith(`${stemOf(id)}#`), `${line.id} is not from ${stemOf(id)}`);
    assert.ok(line.time, `.context-line ${line.id} has no time[datetime]`);
  }
  const times = lines.map((line) => line.time);
  assert.deepEqual(times, [...times].sort(), 'context lines out of time order');
  const numbers = lines.map((line) => lineOf(line.id));
  if (record.context.before.length) {
    assert.ok(numbers.some((n) => n < lineOf(id)), 'no line before the hit');
  }
  if (record.context.after.length) {
    assert.ok(numbers.some((n) => n > lineOf(id)), 'no line after the hit');
  }
  expectNoErrors(page);
});

test('e. open-log shows the meeting with the line in view', TEST, async () => {
  const page = await open('/?q=upgrade');
  await shows(page, '#hits li.hit');
  const hit = page.locator('#hits li.hit[data-id^="meetings/"]').first();
  const id = await hit.getAttribute('data-id');
  await hit.locator('a.open-log').click();
  await waitForQuery(page, `have view=log&id=${id}`,
    (p) => p.get('view') === 'log' && p.get('id') === id);
  await shows(page, '#log-view');
  const target = await shows(page, '#log-lines li.target');
  assert.equal(await target.getAttribute('data-id'), id);
  const record = (await h.api(`/api/v1/records/${enc(id)}`)).body;
  const text = record.text.replace(/^#\w+ /, '');  // "#topic Upgrades" may show as "Upgrades"
  assert.ok((await target.textContent()).includes(text), `the target line shows ${text}`);
  await until(page, '#log-lines li.target should be scrolled into view', () => {
    const box = document.querySelector('#log-lines li.target').getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
  });
  assert.ok(await page.locator('#minutes').count() > 0, 'no #minutes for a meetings/ log');
  await h.screenshot(page, 'log-view');
  expectNoErrors(page);
});

test('f. back and forward restore the query and its results', TEST, async () => {
  const page = await open('/');
  await page.fill('#q', 'privsep');
  await page.press('#q', 'Enter');
  await waitForQuery(page, 'have q=privsep', (p) => p.get('q') === 'privsep');
  await shows(page, '#hits li.hit');
  const firstBefore = await firstHitId(page);
  const person = await clickPersonFacet(page);
  await until(page, `hits should be narrowed to ${person}`, (p) =>
    document.querySelector('#hits li.hit .speaker')?.dataset.person === p, person);
  const firstAfter = await firstHitId(page);
  const state = ([q, first]) => document.querySelector('#q').value === q &&
    document.querySelector('#hits li.hit')?.dataset.id === first;
  await page.goBack();
  await until(page, `Back should restore q=privsep in #q and its first hit ${firstBefore}`,
    state, ['privsep', firstBefore]);
  assert.equal(queryOf(page), 'privsep');
  assert.deepEqual(filtersOf(page), []);
  await page.goForward();
  await until(page, `Forward should restore the filter from:${person} and its first hit ${firstAfter}`,
    state, ['privsep', firstAfter]);
  assert.deepEqual(filtersOf(page), [`from:${person}`]);
  expectNoErrors(page);
});

test('g. a phone-sized viewport has hits and no horizontal scrolling', TEST, async () => {
  const page = await open('/?q=upgrade', { viewport: { width: 390, height: 844 } });
  await shows(page, '#hits li.hit');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth + 1, `scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
  await h.screenshot(page, 'mobile');
  expectNoErrors(page);
});

test('h. hostile log text stays text, in hits and in the log view', TEST, async () => {
  const api = await search('injected');
  const hostile = api.hits.find((hit) => hit.id.startsWith('meetings/pwn/'));
  assert.ok(hostile, 'the API finds the hostile line');
  const page = await open('/?q=injected');
  const hit = await shows(page, `#hits li.hit[data-id="${hostile.id}"]`);
  assert.ok((await hit.$eval('.snippet', (s) => s.textContent)).includes('<script>'),
    'the snippet should show <script> as text');
  await page.waitForTimeout(500);
  const injected = (scope) => page.evaluate((s) => ({
    pwned: typeof window.pwned,
    elements: document.querySelectorAll(`${s} img, ${s} script, img[onerror], img[src="x"]`).length,
    bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
  }), scope);
  assert.deepEqual(await injected('#hits'), { pwned: 'undefined', elements: 0, bold: 0 });

  await hit.$eval('a.open-log', (a) => a.click());
  await shows(page, '#log-view #log-lines li');
  await page.waitForTimeout(500);
  assert.deepEqual(await injected('#log-view'), { pwned: 'undefined', elements: 0, bold: 0 });
  const lines = await page.$$eval('#log-lines li', (items) => items.map((li) => li.textContent));
  assert.ok(lines.some((l) => l.includes('<script>window.pwned=1</script>')), 'the <script> line');
  assert.ok(lines.some((l) => l.includes('<b>bold</b> topic')), 'the #topic <b>bold</b> line');
  expectNoErrors(page);
});

test('i. no results says so, and how fresh the index is', TEST, async () => {
  const none = await search('zzzqqqnotaword');
  assert.equal(none.total.value, 0);
  const page = await open('/?q=zzzqqqnotaword');
  await expectText(page, '#status', 'No results');
  await expectText(page, '#status', 'logs up to');
  assert.equal(await page.getAttribute('#status time', 'datetime'), none.logs_until);
  assert.equal(await page.locator('#hits li.hit').count(), 0);
  expectNoErrors(page);
});

test('j. an unbalanced query shows #lenient', TEST, async () => {
  assert.equal((await search('(privsep', '&per_page=1')).query.lenient, true);
  const page = await open('/?q=%28privsep');
  await shows(page, '#lenient');
  await shows(page, '#hits li.hit');
  expectNoErrors(page);
});

test('k. an API error is shown in #error', TEST, async () => {
  const { status, body } = await h.api('/api/v1/search?q=x&page=999999');
  assert.equal(status, 400);
  const page = await open('/?q=x&page=999999');
  await expectText(page, '#error', body.error.message);
  assert.equal(await page.getAttribute('#error', 'role'), 'alert');
  expectNoErrors(page, [/Failed to load resource: .* status of 400/]);
});

test('l. did-you-mean offers the right word and searches it', TEST, async () => {
  const word = 'upgrade';
  assert.ok((await search(word, '&per_page=1')).total.value > 0);
  const typo = word.slice(0, 4) + word.slice(3);  // upgrrade
  const suggestion = (await search(typo, '&per_page=1')).did_you_mean;
  assert.equal(suggestion, word, `the API's did_you_mean for ${typo}`);
  const page = await open(`/?q=${typo}`);
  const link = await shows(page, '#did-you-mean a');
  assert.ok((await link.textContent()).includes(word));
  await link.click();
  await waitForQuery(page, `have q=${word}`, (p) => p.get('q') === word);
  await shows(page, '#hits li.hit');
  assert.equal(await page.inputValue('#q'), word);
  expectNoErrors(page);
});

test('m. the decisions view is a timeline: years, meetings with chairs, items in line order', TEST, async () => {
  const api = (await h.api('/api/v1/decisions?per_page=50')).body;
  assert.ok(api.meetings.length > 0);
  const page = await open('/?view=decisions');
  await shows(page, '#decisions-view .timeline-year article.decision-meeting li.decision');
  const years = await page.$$eval('#decisions-view .timeline-year', (all) => all.map((y) => ({
    year: y.querySelector('h3')?.textContent ?? null,
    meetings: [...y.querySelectorAll('article.decision-meeting')].map((m) => ({
      log: m.dataset.log,
      h4: m.querySelector('h4')?.textContent ?? '',
      ids: [...m.querySelectorAll('li.decision')].map((li) => li.dataset.id),
      badges: [...m.querySelectorAll('li.decision')].map((li) => li.querySelector('.badge')?.textContent),
    })),
  })));
  // Year headings, newest first, each once; meetings under their start's year.
  const headings = years.map((y) => y.year);
  assert.deepEqual(headings, [...new Set(headings)].sort().reverse());
  const shown = years.flatMap((y) => y.meetings.map((m) => ({...m, year: y.year})));
  assert.deepEqual(shown.map((m) => m.log), api.meetings.map((m) => m.log));
  shown.forEach((m, k) => {
    const want = api.meetings[k];
    assert.equal(m.year, want.start.slice(0, 4), `${m.log} under ${m.year}`);
    assert.ok(m.h4.includes(want.meeting) && m.h4.includes(want.start.slice(0, 10)), m.h4);
    if (want.chairs.length) assert.ok(m.h4.includes(`${want.chairs.join(', ')}`) && /chairs?: /.test(m.h4), m.h4);
    assert.deepEqual(m.ids, want.decisions.map((d) => d.id), `${m.log}: items in line order`);
    assert.ok(m.badges.every((b) => b !== undefined), `li.decision without .badge: ${m.log}`);
  });
  await h.screenshot(page, 'decisions-view');
  expectNoErrors(page);
});

test('m2. the decisions box asks about a subject, oldest first, votes with their results', TEST, async () => {
  const api = (await h.api(`/api/v1/decisions?q=${enc('ptg is:vote')}&sort=oldest&per_page=50`)).body;
  assert.ok(api.meetings.length > 0, 'the sample has votes about the PTG');
  const page = await open('/?view=decisions');
  await shows(page, '#decisions-q');
  await page.fill('#decisions-q', 'ptg is:vote');
  await page.selectOption('#decisions-sort', 'oldest');
  await waitForQuery(page, 'have sort=oldest', (p) => p.get('sort') === 'oldest');
  await page.click('#decisions-search button[type=submit]');
  await waitForQuery(page, 'have view=decisions&q=ptg is:vote',
    (p) => p.get('view') === 'decisions' && p.get('q') === 'ptg is:vote' && p.get('sort') === 'oldest');
  await expectText(page, '#decisions-view [role=status]', `${api.total.value} decisions`);
  const first = api.meetings[0].decisions[0];
  const item = page.locator(`#decisions-view li.decision[data-id="${first.id}"]`);
  await item.waitFor();
  assert.equal(await item.locator('.vote-result .question').textContent(), first.vote.question);
  const results = first.vote.results.map((r) => `${r.option} ${r.votes}`).join(' · ') || 'no votes';
  assert.equal(await item.locator('.vote-result .results').textContent(), results);
  const headings = await page.$$eval('.timeline-year > h3', (all) => all.map((x) => x.textContent));
  assert.deepEqual(headings, [...new Set(headings)].sort(), 'oldest years first');
  expectNoErrors(page);
});

test('m4. a vote found by its question shows the question and result in the hit', TEST, async () => {
  const body = await search('is:vote ptg');
  assert.ok(body.hits.length > 0, 'the sample has a vote about the PTG');
  const page = await open(`/?q=${enc('is:vote ptg')}`);
  for (const hit of body.hits) {
    const item = page.locator(`#hits li.hit[data-id="${hit.id}"]`);
    await item.waitFor();
    assert.equal(await item.locator('.vote-result .question').textContent(), hit.vote.question);
    const results = hit.vote.results.map((r) => `${r.option} ${r.votes}`).join(' · ') || 'no votes';
    assert.equal(await item.locator('.vote-result .results').textContent(), results);
  }
  expectNoErrors(page);
});

test('m3. the log view shows the minutes as MeetBot writes them', TEST, async () => {
  const api = (await h.api(`/api/v1/search?q=${enc('is:vote ptg')}`)).body;
  const vote = api.hits.find((hit) => hit.path.startsWith('meetings/'));
  assert.ok(vote, 'a vote in a meeting log');
  const stem = vote.id.slice(0, vote.id.lastIndexOf('#'));
  const parts = stem.split('/');
  const meeting = (await h.api(`/api/v1/meetings/${parts[1]}/${parts[3]}`)).body;
  const page = await open(`/?view=log&id=${enc(vote.id)}`);
  await shows(page, '#minutes .minutes-topics');
  assert.equal(await page.locator('#log-lines li.target .vote-result .question').textContent(),
    vote.vote.question, 'the #endvote line shows its question');
  const topics = await page.$$eval('#minutes .minutes-topic > .topic-title', (all) => all.map((a) => a.textContent));
  assert.deepEqual(topics, meeting.items.filter((i) => i.type === 'TOPIC').map((i) => i.text));
  const voteItem = page.locator(`#minutes .minutes-topic li.item.vote[data-line="${vote.line}"]`);
  assert.equal(await voteItem.locator('.vote-result .question').textContent(), vote.vote.question);
  const actions = meeting.items.filter((i) => i.type === 'ACTION');
  assert.equal(await page.locator('#minutes .action-items > li').count(), actions.length);
  const statuses = await page.$$eval('#minutes .action-items > li .badge.status', (all) => all.map((b) => b.textContent));
  assert.deepEqual(statuses, actions.map((a) => a.status), 'each action item says its status');
  const owners = new Set(actions.flatMap((a) => a.owners));
  for (const nick of owners) {
    assert.equal(await page.locator(`#minutes .actions-by-person > li[data-nick="${nick}"] li`).count(),
      actions.filter((a) => a.owners.includes(nick)).length, `actions of ${nick}`);
  }
  assert.equal(await page.locator('#minutes .people > li').count(), meeting.people.length);
  expectNoErrors(page);
});

test('m5. a consensus found in the conversation is marked apart, in the decisions view and the log view', TEST, async () => {
  const api = (await h.api(`/api/v1/decisions?q=${enc('is:consensus privsep')}&per_page=50`)).body;
  assert.ok(api.total.value > 0, 'the sample has consensus about privsep');
  const page = await open(`/?view=decisions&q=${enc('is:consensus privsep')}`);
  await expectText(page, '#decisions-view [role=status]', `${api.total.value} decisions`);
  const first = api.meetings[0].decisions[0];
  assert.equal(first.item, 'consensus');
  const item = page.locator(`#decisions-view li.decision[data-id="${first.id}"]`);
  await item.waitFor();
  assert.equal(await item.locator('.badge.consensus').textContent(), 'consensus');
  assert.match(await item.locator('.badge.consensus').getAttribute('title'), /found in the conversation/);
  assert.equal(await item.locator('a.supporters').textContent(), `+1 ${first.supporters.join(', ')}`);

  // The log view lists it under the minutes, apart from MeetBot's items.
  const log = await open(`/?view=log&id=${enc(first.id)}`);
  await shows(log, '#minutes .consensus-items');
  const listed = await log.$$eval('#minutes .consensus-items > li', (all) => all.map((li) => li.dataset.line));
  assert.ok(listed.includes(String(first.line)), `listed lines ${listed}, want ${first.line}`);
  assert.equal(await log.locator('#minutes .minutes-topics li.item.consensus').count(), 0,
    'not mixed into the minutes');
  expectNoErrors(page);
  expectNoErrors(log);
});

test('n. the person view shows activity and action items', TEST, async () => {
  const { status, body } = await h.api('/api/v1/people/gmann');
  assert.equal(status, 200, 'gmann is in the sample');
  const page = await open('/?view=person&person=gmann');
  await expectText(page, '#person-view h2', 'gmann');
  await shows(page, '#person-activity .bar');
  const expected = body.action_items.length;
  await until(page, `#person-actions should have ${expected} li`, (n) =>
    document.querySelectorAll('#person-actions > li').length === n, expected);
  // Each item with its ledger status as a badge, in the API's order (open ones first).
  const statuses = await page.$$eval('#person-actions > li', (lis) => lis.map((li) => li.dataset.status));
  assert.deepEqual(statuses, body.action_items.map((a) => a.status));
  const firstOther = statuses.findIndex((s) => s !== 'open');
  assert.ok(firstOther === -1 || statuses.slice(firstOther).every((s) => s !== 'open'), statuses.join());
  assert.equal(await page.locator('#person-actions > li .badge.status').count(), expected);
  await h.screenshot(page, 'person-view');
  // A meeting of theirs opens their lines there: the person and the meeting
  // as filters, the query box left empty for words.
  const meeting = body.per_meeting[0].value;
  await page.click(`#person-meetings a:text-is("${meeting}")`);
  await waitForQuery(page, `filter by gmann in ${meeting}`, (p) =>
    p.getAll('filter').join(' ') === `from:gmann meeting:${meeting}` && !p.get('q'));
  const api = (await h.api(`/api/v1/search?filter=from:gmann&filter=meeting:${enc(meeting)}&per_page=1`)).body;
  assert.equal(api.total.value, body.per_meeting[0].count, 'the meeting facet of the person page');
  await expectTotal(page, api.total.value);
  assert.equal(await page.inputValue('#q'), '');
  expectNoErrors(page);
});

test('o. completing from:gm offers gmann', TEST, async () => {
  const suggest = (await h.api('/api/v1/suggest?field=person&prefix=gm')).body;
  assert.equal(suggest.values[0]?.value, 'gmann');
  const page = await open('/');
  await page.locator('#q').pressSequentially('from:gm', { delay: 50 });
  // The first option (what ArrowDown picks) is gmann, in whichever list
  // came last: a list arriving after the ArrowDown keeps the choice.
  await shows(page, '#completions [role=option]:first-child:has-text("gmann")');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await until(page, '#q should get from:gmann', () =>
    document.querySelector('#q').value.includes('from:gmann'));
  expectNoErrors(page);
});

test('p. the / key focuses the search box', TEST, async () => {
  const page = await open('/?q=upgrade');
  await shows(page, '#hits li.hit');
  await page.evaluate(() => document.activeElement?.blur());
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'q');
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', '#q not focused');
  assert.equal(await page.inputValue('#q'), 'upgrade', 'the / was typed into #q');
  expectNoErrors(page);
});

test('q. a histogram bar narrows to its dates', TEST, async () => {
  const api = await search('upgrade', '&per_page=1&facets=year,month');
  const counts = new Map([...api.facets.year, ...api.facets.month].map((f) => [f.value, f.count]));
  const page = await open('/?q=upgrade');
  await shows(page, '#histogram button.bar');
  const ranges = await page.$$eval('#histogram button.bar',
    (bars) => bars.map((b) => b.dataset.range));
  const range = ranges.find((r) => counts.get(r) > 0);
  assert.ok(range, `no bar with hits among data-range ${ranges.join(' ')}`);
  await page.click(`#histogram button.bar[data-range="${range}"]`);
  await waitForQuery(page, 'gain a date: filter', (p) => p.getAll('filter').includes(`date:${range}`));
  assert.equal(queryOf(page), 'upgrade');
  await until(page, `every hit should be in ${range}`, (r) => {
    const times = [...document.querySelectorAll('#hits li.hit time')]
      .filter((t) => !t.closest('.context'));
    return times.length > 0 && times.every((t) => t.getAttribute('datetime').startsWith(r));
  }, range);
  const hits = await hitsOf(page);
  for (const hit of hits) assert.ok(hit.time.startsWith(range), `${hit.id} at ${hit.time}`);
  // Within the year, a bar per month with the API's month counts; a month's
  // bar narrows again.
  const inYear = await search(`upgrade date:${range}`, '&per_page=1&facets=month');
  const months = new Map(inYear.facets.month.map((f) => [f.value, f.count]));
  await until(page, 'twelve month bars', () =>
    document.querySelectorAll('#histogram button.bar').length === 12);
  const bars = await page.$$eval('#histogram button.bar',
    (all) => all.map((b) => [b.dataset.range, b.getAttribute('aria-label')]));
  for (const [month, label] of bars) {
    const count = months.get(month) ?? 0;
    assert.match(label, new RegExp(`^${month}: ${count.toLocaleString('en-US')} hits$`), label);
  }
  const month = bars.map(([m]) => m).find((m) => (months.get(m) ?? 0) > 0);
  assert.ok(month, 'a month with hits');
  await page.click(`#histogram button.bar[data-range="${month}"]`);
  await waitForQuery(page, `have the filter date:${month} alone`,
    (p) => p.getAll('filter').join(' ') === `date:${month}`);
  await until(page, `every hit should be in ${month}`, (m) => {
    const times = [...document.querySelectorAll('#hits li.hit time')].filter((t) => !t.closest('.context'));
    return times.length > 0 && times.every((t) => t.getAttribute('datetime').startsWith(m));
  }, month);
  expectNoErrors(page);
});

test('r. bots and channel events are hidden, said so, and a button shows them', TEST, async () => {
  const hidden = await search('"meeting ended"', '&per_page=1');
  assert.equal(hidden.total.value, 0);
  assert.ok(hidden.hidden.value > 0, 'the sample has MeetBot replies after #endmeeting');
  const shown = await search('"meeting ended"', '&per_page=1&include=bots,events');
  const page = await open('/?q=%22meeting+ended%22');
  await expectText(page, '#status', 'No results');
  await expectText(page, '#hidden-lines',
    `${hidden.hidden.value.toLocaleString('en-US')} lines of bots and channel events hidden`);
  await page.click('#toggle-hidden');
  await waitForQuery(page, 'ask for bots and events', (p) => p.get('include') === 'bots,events');
  await expectTotal(page, shown.total.value);
  const texts = await page.$$eval('#hits li.hit', (all) => all.map((li) => li.textContent));
  assert.ok(texts.length > 0);
  for (const text of texts) assert.match(text, /Meeting ended/i);
  assert.equal(await page.getAttribute('#toggle-hidden', 'aria-pressed'), 'true');
  // Back hides them again.
  await page.goBack();
  await expectText(page, '#status', 'No results');
  expectNoErrors(page);
});

test('s. Subscribe offers the Atom feed of the query shown, search and decisions', TEST, async () => {
  const page = await open('/?q=privsep&filter=meeting%3Atc');
  const link = await shows(page, '#status a#subscribe');
  assert.equal(await link.textContent(), 'Subscribe (Atom)');
  const href = await link.getAttribute('href');
  assert.equal(href, '/feeds/search.atom?q=privsep&filter=meeting%3Atc');
  assert.equal(await page.getAttribute('head link[rel="alternate"][type="application/atom+xml"]', 'href'), href);
  const feed = await fetch(h.baseUrl + href);
  assert.equal(feed.status, 200);
  assert.equal(feed.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
  assert.match(await feed.text(), /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  // The browser itself follows it (not a view of the page).
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().includes('/feeds/search.atom') && r.isNavigationRequest()),
    link.click(),
  ]);
  assert.equal(new URL(request.url()).search, '?q=privsep&filter=meeting%3Atc');

  const decisions = await open('/?view=decisions&q=privsep');
  const other = await shows(decisions, '#decisions-view a#subscribe');
  assert.equal(await other.getAttribute('href'), '/feeds/decisions.atom?q=privsep');
  expectNoErrors(decisions);
});

test('t. the series page lists a series by year with decisions and action items', TEST, async () => {
  const api = (await h.api('/api/v1/meetings/tc')).body;
  assert.ok(api.meetings.length > 2);
  const page = await open('/?view=series&meeting=tc');
  await expectText(page, '#series-view h2', 'Meetings of tc');
  await expectText(page, '#series-view [role="status"]', `${api.count} meetings`);
  await shows(page, '#series-note');
  const years = await page.$$eval('#series-view .series-year h3', (all) =>
    all.map((h3) => h3.firstChild.textContent));
  assert.deepEqual(years, [...new Set(api.meetings.map((m) => m.start.slice(0, 4)))]);
  const shown = await page.$$eval('#series-view li.series-meeting', (all) => all.map((li) => ({
    id: li.dataset.id,
    decisions: li.querySelector('.decisions').textContent,
    actions: li.querySelector('.actions').textContent,
    open: li.querySelector('.open-actions a')?.textContent ?? null,
  })));
  assert.deepEqual(shown.map((m) => m.id), api.meetings.map((m) => m.id));
  api.meetings.forEach((m, i) => {
    assert.match(shown[i].decisions, new RegExp(`^${m.decisions} decisions?$`));
    assert.match(shown[i].actions, new RegExp(`^${m.action_items} action items?$`));
    assert.equal(shown[i].open, m.open_actions ? `${m.open_actions} open` : null, m.id);
  });
  await h.screenshot(page, 'series-view');

  // A meeting's open action items: the link finds exactly them.
  const withOpen = api.meetings.find((m) => m.open_actions > 0);
  assert.ok(withOpen, 'a tc meeting of the sample with an open action item');
  await page.click(`li.series-meeting[data-id="${withOpen.id}"] .open-actions a`);
  await waitForQuery(page, 'search the open action items', (p) => (p.get('q') || '').startsWith('is:open'));
  await expectText(page, '#status', new RegExp(`^${withOpen.open_actions} hits? `));
  await page.goBack();
  await expectText(page, '#series-view h2', 'Meetings of tc');

  // The newest meeting's log: previous, the series, and no next.
  await page.click('#series-latest');
  await shows(page, '#log-view #series-nav');
  assert.equal(await page.$('#series-nav a[rel="next"]'), null);
  await expectText(page, '#series-nav .end', 'Next meeting');
  await page.click('#series-nav a[rel="prev"]');
  await waitForQuery(page, 'open the previous meeting', (p) => p.get('id') === api.meetings[1].id);
  await shows(page, '#series-nav a[rel="next"]');
  await page.click('#series-nav a[href^="/?view=series"]');
  await expectText(page, '#series-view h2', 'Meetings of tc');
  expectNoErrors(page);
});
