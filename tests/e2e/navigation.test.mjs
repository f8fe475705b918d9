// An analyst's path through the viewer with real mouse and keyboard: search, open a result,
// follow a link inside an evidence quote, go back two ways, reload a deep link, use the matrix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useViewer, openViewer, screenshot, routeIs } from './browser.mjs';

const env = useViewer();

const state = (page) => page.evaluate(() => window.disarm.state());

// Clicks the centre of the first drawn link to `target` (an object ID or URL).
async function clickLink(page, target, where = () => true) {
  const links = (await state(page)).links.filter((l) => l.target === target && where(l));
  assert.ok(links.length > 0, `a link to ${target} is on screen`);
  const [x, y, w, h] = links[0].rect;
  await page.mouse.move(x + w / 2, y + h / 2);
  await page.mouse.down();
  await page.mouse.up();
}

test('search by keyboard: / focuses, typing shows hits, Enter opens the first', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url);
  await page.keyboard.press('/');
  await page.waitForFunction(() => window.disarm.state().search_box.focused);
  await page.keyboard.type('deepfake', { delay: 15 });
  await routeIs(page, '#/search?q=deepfake');
  const s = await state(page);
  assert.ok(s.search.total > 0);
  assert.equal(s.search_box.text, 'deepfake');
  const first = s.search.hits[0];
  await screenshot(page, 'search-deepfake');
  await page.keyboard.press('Enter');
  await routeIs(page, '#/' + first.id);
  assert.equal((await state(page)).page.id, first.id);
  // Typing made one history entry, not one per key: back returns to the start page.
  assert.equal((await state(page)).history.size, 3);
  assert.deepEqual(errors, []);
});

test('arrows move the selection through the results', async () => {
  const { page } = await openViewer(env.browser, env.server.url + '#/search?q=synthetic');
  const before = await state(page);
  assert.ok(before.search.total >= 2);
  await page.mouse.click(before.search_box.rect[0] + 20, before.search_box.rect[1] + 10);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => window.disarm.state().search.selected === 1);
  const second = (await state(page)).search.hits[1];
  await page.keyboard.press('Enter');
  await routeIs(page, '#/' + second.id);
});

test('a link inside an evidence quote opens its technique; Alt+Left and the browser go back', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/T0154.002');
  // T0086.002 is named only inside an incident's quote on this page.
  await clickLink(page, 'T0086.002');
  await routeIs(page, '#/T0086.002');
  await screenshot(page, 'followed-quote-link');

  await page.keyboard.press('Alt+ArrowLeft');
  await routeIs(page, '#/T0154.002');
  await page.keyboard.press('Alt+ArrowRight');
  await routeIs(page, '#/T0086.002');
  await page.goBack();
  await routeIs(page, '#/T0154.002');
  assert.equal(page.url(), env.server.url + '#/T0154.002');
  assert.deepEqual(errors, []);
});

test('a deep link survives a reload, and an unknown ID gets suggestions', async () => {
  const { page } = await openViewer(env.browser, env.server.url + '#/i00001');
  assert.equal((await state(page)).route, '#/I00001', 'the address is made canonical');
  await page.reload();
  await page.evaluate(() => window.disarm.ready);
  const s = await state(page);
  assert.equal(s.page.id, 'I00001');
  assert.equal(s.page.references, 1);

  await page.evaluate(() => window.disarm.navigate('#/T0155'));
  await routeIs(page, '#/T0155');
  assert.equal((await state(page)).page.not_found, 'T0155');
  assert.ok((await state(page)).links.some((l) => l.target === 'T0154'), 'suggests the nearest IDs');
  await screenshot(page, 'not-found');
});

test('the red matrix: a click on a cell opens the technique', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/matrix/red');
  const s = await state(page);
  assert.equal(s.matrix.side, 'red');
  await screenshot(page, 'matrix-red');
  await clickLink(page, 'T0049');
  await routeIs(page, '#/T0049');
  assert.deepEqual(errors, []);
});

test('an idle viewer draws no frames', async () => {
  const { page } = await openViewer(env.browser, env.server.url + '#/matrix/red');
  await page.waitForFunction(() => window.disarm.state().frame_loop === 'paused');
  const before = (await state(page)).frames;
  // Sixty of the browser's own animation frames: a viewer that kept drawing would have drawn
  // in them.
  await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const tick = () => (++n >= 60 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }));
  assert.equal((await state(page)).frames, before);
  assert.equal((await state(page)).frame_loop, 'paused');
});

test('the start page lists every kind; a click opens its list', async () => {
  const { page } = await openViewer(env.browser, env.server.url);
  await clickLink(page, '#/kind/technique');
  await routeIs(page, '#/kind/technique');
  const s = await state(page);
  assert.equal(s.kind_list.kind, 'technique');
  assert.ok(s.kind_list.ids.includes('T0154.002'));
  await screenshot(page, 'kind-list');
});
