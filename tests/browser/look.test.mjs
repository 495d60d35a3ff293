// How the page looks: light and dark (prefers-color-scheme) with readable
// contrast, tap targets a finger can hit on a phone, the log's minutes a tap
// away, and screenshots of every view in both schemes at both sizes
// (EAVESEARCH_ARTIFACTS).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST, enc, expectNoErrors, h, open, shows } from './session.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

// The views: a name, the URL, what shows once it is drawn, and what to do then.
async function views() {
  const vote = (await h.api(`/api/v1/search?q=${enc('is:vote ptg')}`)).body.hits.find((hit) => hit.path.startsWith('meetings/'));
  assert.ok(vote, 'a vote in a meeting log');
  return [
    { name: 'search-results', path: '/?q=upgrade', ready: '#hits li.hit' },
    { name: 'zero-results', path: `/?q=${enc('upgrade may 2020')}`, ready: '#suggestions li' },
    { name: 'log-with-minutes', path: `/?view=log&id=${enc(vote.id)}`, ready: '#minutes .minutes-topics' },
    { name: 'person', path: '/?view=person&person=gmann', ready: '#person-actions li' },
    { name: 'series', path: '/?view=series&meeting=tc', ready: 'li.series-meeting' },
    { name: 'decisions', path: '/?view=decisions', ready: 'li.decision' },
    { name: 'help', path: '/?view=help', ready: '#help-view a.example' },
    { name: 'shortcuts', path: '/?q=upgrade', ready: '#hits li.hit', then: async (page) => {
      await page.keyboard.press('?');
      await shows(page, 'dialog#shortcuts[open]');
    } },
  ];
}

async function openView(view, options) {
  const page = await open(view.path, options);
  await shows(page, view.ready);
  if (view.then) await view.then(page);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

// Every visible text whose contrast with what is behind it is below WCAG's
// AA (4.5:1; 3:1 for large text), as {text, ratio, color, background}.
function lowContrast() {
  const rgba = (css) => {
    const [r, g, b, a = 1] = css.match(/[\d.]+/g).map(Number);
    return { r, g, b, a };
  };
  const over = (top, below) => ({
    r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a),
    b: top.b * top.a + below.b * (1 - top.a), a: 1,
  });
  const backgroundOf = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c.a > 0) layers.push(c);
      if (c.a === 1) break;
    }
    return layers.reduceRight((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 });
  };
  const luminance = ({ r, g, b }) => {
    const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const failures = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    if (element.closest('button:disabled, .visually-hidden, [aria-hidden=true]')) continue;
    const box = element.getBoundingClientRect();
    if (box.right <= 0 || box.width === 0) continue;  // the skip link until focused
    const modal = document.querySelector('dialog[open]');
    if (modal && !modal.contains(element)) continue;  // behind the modal's backdrop
    const style = getComputedStyle(element);
    const background = backgroundOf(element);
    const color = over(rgba(style.color), background);
    const [light, dark] = [luminance(color), luminance(background)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      failures.push({ text: node.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100,
        color: style.color, background: `rgb(${background.r}, ${background.g}, ${background.b})` });
    }
  }
  return failures;
}

for (const scheme of ['light', 'dark']) {
  test(`${scheme}: every view follows the colour scheme, its text readable (WCAG AA)`, { ...TEST, timeout: 120_000 }, async () => {
    for (const view of await views()) {
      const page = await openView(view, { colorScheme: scheme });
      const canvas = await page.evaluate(() => {
        const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
        return (r + g + b) / 3;
      });
      if (scheme === 'dark') assert.ok(canvas < 64, `${view.name}: a dark background (${canvas})`);
      else assert.ok(canvas > 192, `${view.name}: a light background (${canvas})`);
      assert.deepEqual(await page.evaluate(lowContrast), [], `${view.name} (${scheme}): text below AA contrast`);
      expectNoErrors(page);
      await page.context().close();
    }
  });
}

// Every visible a, button, input, select, summary and [role=button] smaller
// than 24x24 CSS px (WCAG 2.5.8); a radio or checkbox in a label counts as its label.
function smallTargets() {
  const small = [];
  for (const e of document.querySelectorAll('a, button, input, select, textarea, summary, [role=button]')) {
    if (!e.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const target = e.matches('input[type=radio], input[type=checkbox]') && e.closest('label') || e;
    const box = target.getBoundingClientRect();
    if (box.width === 0 || box.right <= 0) continue;  // not drawn, or the skip link until focused
    if (box.width < 24 || box.height < 24) {
      small.push(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${e.className}` : ''} ` +
        `"${e.textContent.trim().slice(0, 20)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}

test('phone: every tap target of every view is at least 24x24 px', { ...TEST, timeout: 120_000 }, async () => {
  const report = [];
  let counted = 0;
  for (const view of await views()) {
    const page = await openView(view, { viewport: PHONE });
    // Facets and the like open too: their targets count.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    counted += await page.evaluate(() => document.querySelectorAll('a, button, input, select, summary, [role=button]').length);
    for (const small of await page.evaluate(smallTargets)) report.push(`${view.name}: ${small}`);
    await page.context().close();
  }
  assert.ok(counted > 300, `${counted} targets counted`);
  assert.deepEqual(report, [], 'tap targets under 24x24 px');
});

test('phone: a meeting log links to its minutes at the top', TEST, async () => {
  const [, , log] = await views();
  const page = await openView(log, { viewport: PHONE });
  const link = await shows(page, '#log-view a#to-minutes');
  assert.equal(await link.textContent(), 'Minutes ↓');
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await link.boundingBox();
  assert.ok(box.y + box.height <= PHONE.height, `the link is on the first screen (${box.y})`);
  const before = await page.evaluate(() => document.querySelector('#minutes').getBoundingClientRect().top);
  assert.ok(before > 2 * PHONE.height, `the minutes come after the lines (${before})`);
  await link.click();
  await page.waitForFunction(() => {
    const top = document.querySelector('#minutes').getBoundingClientRect().top;
    return top >= -1 && top < 100;
  });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'minutes');
  assert.equal(new URL(page.url()).hash, '', 'the URL stays the view\'s');
  // Beside the lines on a wide screen, where no link is needed.
  const wide = await openView(log, { viewport: DESKTOP });
  assert.equal(await wide.isVisible('#to-minutes'), false);
  expectNoErrors(page);
});

test('screenshots of every view, light and dark, desktop and phone', { ...TEST, timeout: 240_000 }, async () => {
  for (const view of await views()) {
    for (const colorScheme of ['light', 'dark']) {
      for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
        const page = await openView(view, { viewport, colorScheme });
        await h.screenshot(page, `${view.name}.${colorScheme}.${size}`);
        expectNoErrors(page);
        await page.context().close();
      }
    }
  }
});
