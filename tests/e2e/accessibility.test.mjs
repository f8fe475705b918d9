// Accessibility, text entry and touch: the hidden HTML mirror of each page, keyboard
// navigation to links, typing accents, CJK and pasted text through the <input> over the
// search box, and a phone (390x844, touch) that can search, scroll and open a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useViewer, openViewer, screenshot, framesLater, Recorder, routeIs } from './browser.mjs';

const env = useViewer();

const state = (page) => page.evaluate(() => window.disarm.state());
const mirrorHeading = (page, text) =>
  page.waitForFunction((t) => document.querySelector('#page-text h1')?.textContent === t, text, { timeout: 5000 });
const inputFocused = (page) =>
  page.waitForFunction(() => document.activeElement?.id === 'search-input', null, { timeout: 5000 });

function centre(rect) {
  return [rect[0] + rect[2] / 2, rect[1] + rect[3] / 2];
}

test('the hidden mirror holds the page title and its links, and follows navigation', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/T0086');
  await mirrorHeading(page, 'Make synthetic images');
  const hrefs = await page.$$eval('#page-text a', (as) => as.map((a) => a.getAttribute('href')));
  for (const href of ['#/TA06', '#/T0086.002', '#/T0086.003']) assert.ok(hrefs.includes(href), href);
  // Hidden from sight, not from screen readers: not display:none, clipped to a pixel.
  const box = await page.$eval('#page-text', (el) => {
    const style = getComputedStyle(el);
    return { display: style.display, width: el.getBoundingClientRect().width, text: el.innerText.length };
  });
  assert.notEqual(box.display, 'none');
  assert.ok(box.width <= 1, 'visually hidden');
  await page.waitForFunction(() => document.getElementById('page-announce').textContent.includes('T0086'));

  // A link clicked on the canvas rebuilds the mirror.
  const link = (await state(page)).links.find((l) => l.target === 'T0086.002');
  await page.mouse.click(...centre(link.rect));
  await routeIs(page, '#/T0086.002');
  const title = (await state(page)).page.title;
  await mirrorHeading(page, title);
  await page.waitForFunction((t) => document.getElementById('page-announce').textContent.includes(t), title);

  // A link followed in the mirror (as a screen reader does) moves the viewer; while the
  // keyboard is inside it, the mirror shows as a panel.
  await page.focus('#page-text a[href="#/T0086"]');
  await screenshot(page, 'a11y-mirror-panel');
  await page.keyboard.press('Enter');
  await routeIs(page, '#/T0086');
  await mirrorHeading(page, 'Make synthetic images');

  // The matrix and search pages are mirrored too.
  await page.evaluate(() => window.disarm.navigate('#/matrix/red'));
  await mirrorHeading(page, 'Red framework: techniques by tactic');
  assert.ok(await page.$('#page-text h3 a[href="#/TA06"]'));
  await page.evaluate(() => window.disarm.navigate('#/search?q=synthetic'));
  await mirrorHeading(page, 'Search: synthetic');
  assert.ok(await page.$('#page-text ol li a[href="#/T0086"]'));
  assert.deepEqual(errors, []);
});

test('the keyboard reaches the links on a page and Enter opens one', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/T0086');
  await page.focus('#canvas');
  const seen = [];
  for (let i = 0; i < 20 && !seen.includes('T0086.002'); ++i) {
    const frames = (await state(page)).frames;
    await page.keyboard.press('Tab');
    // Tabbing through the search box lands in its <input>: Tab leaves it again. Each press
    // is drawn before the next, so the focus read is the one this press made.
    await page.waitForFunction((f) => window.disarm.state().frames >= f + 3, frames);
    const s = await state(page);
    if (s.keyboard_link) seen.push(s.keyboard_link);
  }
  assert.ok(seen.includes('T0086.002'), `Tab reached the sub-technique link (saw ${seen.join(', ')})`);
  await screenshot(page, 'a11y-keyboard-link');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.disarm.state().route === '#/T0086.002', null, { timeout: 5000 })
    .catch(async (e) => {
      const s = await state(page);
      throw new Error(`Enter did not open the link: ${JSON.stringify([s.route, s.keyboard_link, s.search_box])} ` +
                      `focus on ${await page.evaluate(() => document.activeElement.id)}: ${e.message}`);
    });
  assert.deepEqual(errors, []);
});

test('a reference reached by Tab opens in a new tab with Enter', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const refused = new Recorder();
  await context.route((url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost', (r) => {
    refused.push(r.request().url());
    return r.abort();
  });
  const page = await context.newPage();
  await page.goto(env.server.url + '#/I00001');
  await page.evaluate(() => window.disarm.ready);
  await page.focus('#canvas');
  let focused = '';
  for (let i = 0; i < 30 && !focused.startsWith('https://'); ++i) {
    const frames = (await state(page)).frames;
    await page.keyboard.press('Tab');
    await page.waitForFunction((f) => window.disarm.state().frames >= f + 3, frames);
    focused = (await state(page)).keyboard_link;
  }
  assert.ok(focused.startsWith('https://'), 'Tab reached a reference');
  const popup = context.waitForEvent('page', { timeout: 5000 });
  await page.keyboard.press('Enter');
  await popup;
  await refused.waitFor((url) => url === focused);
  assert.deepEqual(refused.items, [focused]);
  assert.equal((await state(page)).route, '#/I00001');
  await context.close();
});

test('accents, CJK, Backspace and paste reach the search box through the input', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.url);
  await page.evaluate(() => window.disarm.ready);

  const box = (await state(page)).search_box.rect;
  await page.mouse.click(box[0] + 30, box[1] + box[3] / 2);
  await inputFocused(page);
  // The input lies exactly over the viewer's box.
  const placed = await page.$eval('#search-input', (el) => {
    const r = el.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height];
  });
  placed.forEach((v, i) => assert.ok(Math.abs(v - box[i]) < 1, `input rect ${placed} over box ${box}`));

  await page.keyboard.type('café');
  await page.waitForFunction(() => window.disarm.state().search_box.text === 'café');
  await routeIs(page, '#/search?q=caf%C3%A9');
  await screenshot(page, 'a11y-input-over-field');
  // Each character once: the viewer's own box did not take the keys too.
  assert.equal((await page.$eval('#search-input', (el) => el.value)), 'café');

  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => window.disarm.state().search_box.text === 'caf');
  // An input method's composition: its intermediate states stay in the input, and the
  // committed text arrives whole.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'に', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
  await page.waitForFunction(() => document.getElementById('search-input').value === 'cafにほ');
  await framesLater(page);
  assert.equal((await state(page)).search_box.text, 'caf');
  await cdp.send('Input.insertText', { text: '日本' });
  await page.waitForFunction(() => window.disarm.state().search_box.text === 'caf日本');

  await page.keyboard.press('Escape');
  await page.waitForFunction(() => window.disarm.state().search_box.text === '');
  await page.evaluate(() => navigator.clipboard.writeText('synthetic images'));
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => window.disarm.state().search_box.text === 'synthetic images');
  await routeIs(page, '#/search?q=synthetic+images');
  const s = await state(page);
  assert.ok(s.search.total > 0);
  assert.equal(s.search.hits[0].id, 'T0086');

  // Enter opens the selected hit and hands the keyboard back to the canvas.
  await page.keyboard.press('Enter');
  await routeIs(page, '#/T0086');
  await page.waitForFunction(() => getComputedStyle(document.getElementById('search-input')).display === 'none');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
  assert.equal((await state(page)).search_box.focused, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 390x844 touch phone can search, scroll and open a page', async () => {
  const context = await env.browser.newContext({
    viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.url);
  await page.evaluate(() => window.disarm.ready);
  await screenshot(page, 'a11y-phone-start');

  // The top bar fits: the search box and the three tabs are all on screen.
  let s = await state(page);
  const box = s.search_box.rect;
  assert.ok(box[0] >= 0 && box[0] + box[2] <= 390, `search box ${box} within 390 px`);
  assert.ok(box[2] >= 200, 'the search box is wide enough to use');

  await page.touchscreen.tap(box[0] + 40, box[1] + box[3] / 2);
  await inputFocused(page);
  await page.keyboard.type('incident');
  await routeIs(page, '#/search?q=incident');
  await screenshot(page, 'a11y-phone-search');

  // Open the first result with a tap.
  await page.evaluate(() => document.activeElement.blur());
  s = await state(page);
  const first = s.search.hits[0];
  const link = s.links.find((l) => l.target === first.id);
  assert.ok(link, 'the first hit is drawn');
  await page.touchscreen.tap(...centre(link.rect));
  await routeIs(page, '#/' + first.id);

  // A long list (the start page's every object) scrolls with a finger drag, which opens nothing.
  await page.evaluate(() => window.disarm.navigate('#/'));
  await routeIs(page, '#/');
  await framesLater(page);
  const before = (await state(page)).scroll;
  const cdp = await context.newCDPSession(page);
  const drag = async (from, to) => {
    const point = (y) => [{ x: 200, y }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
    for (let y = from - 10; y >= to; y -= 30) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  await drag(700, 300);
  await page.waitForFunction((b) => window.disarm.state().scroll > b + 100, before, { timeout: 5000 });
  assert.equal((await state(page)).route, '#/');
  await screenshot(page, 'a11y-phone-scrolled');

  // A tapped reference opens in a new tab (nothing is fetched: other hosts are refused).
  const refused = new Recorder();
  await context.route((url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost', (r) => {
    refused.push(r.request().url());
    return r.abort();
  });
  await page.evaluate(() => window.disarm.navigate('#/I00001'));
  await routeIs(page, '#/I00001');
  await framesLater(page);
  const top = (await state(page)).scroll;
  await drag(700, 200);
  await page.waitForFunction((t) => window.disarm.state().scroll > t, top, { timeout: 5000 });
  await framesLater(page);
  const reference = (await state(page)).links.find((l) => l.external && l.rect[1] > 0 && l.rect[1] + l.rect[3] < 800);
  assert.ok(reference, 'a reference link is drawn');
  const popup = context.waitForEvent('page', { timeout: 5000 });
  await page.touchscreen.tap(...centre(reference.rect));
  await popup;
  await refused.waitFor((url) => url === reference.target);
  assert.deepEqual(refused.items, [reference.target]);
  assert.equal((await state(page)).route, '#/I00001');

  // A page's buttons wrap rather than run off a phone's edge: a technique page and the matrix.
  for (const route of ['#/T0154.002', '#/matrix/red']) {
    await page.evaluate((r) => window.disarm.navigate(r), route);
    await routeIs(page, route);
    await framesLater(page);
    const buttons = (await state(page)).buttons;
    assert.ok(buttons.length >= 3, `${route} draws its buttons`);
    for (const b of buttons) assert.ok(b.rect[0] + b.rect[2] <= 390, `${route}: "${b.label}" ends at ${b.rect[0] + b.rect[2]} px`);
  }
  await screenshot(page, 'a11y-phone-matrix');
  assert.deepEqual(errors, []);
  await context.close();
});
