// The viewer in a real browser: it starts, draws, takes typed input, and stays crisp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useViewer, openViewer, screenshot, distinctColours, screenPixels, countNear } from './browser.mjs';

const env = useViewer();

test('the viewer starts, draws the framework, and filters as the user types', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url);
  const state = await page.evaluate(() => window.disarm.state());
  assert.ok(state.framework.objects > 0, 'a framework is loaded');
  assert.ok(state.framework.licence, 'the licence is known');
  assert.equal(state.overview.shown, state.framework.objects, 'no filter: every object listed');

  // Click into the filter box where the viewer says it is, and type like a person.
  const [x, y, w, h] = state.overview.filter_rect;
  await page.mouse.click(x + w / 2, y + h / 2);
  await page.waitForFunction(() => window.disarm.state().overview.filter_focused);
  await page.keyboard.type('T0154', { delay: 20 });
  await page.waitForFunction(() => window.disarm.state().overview.filter === 'T0154');
  const filtered = await page.evaluate(() => window.disarm.state().overview);
  assert.ok(filtered.shown >= 1 && filtered.shown < state.framework.objects, `filter narrows the list (${filtered.shown})`);

  await screenshot(page, 'viewer-filtered');
  assert.ok((await distinctColours(page)) > 20, 'the canvas shows more than a blank colour');

  // Each listed object's row is its link.
  const row = (await page.evaluate(() => window.disarm.links())).find((l) => l.target === 'T0154');
  assert.ok(row, 'the T0154 row is a link');
  await page.mouse.click(row.rect[0] + row.rect[2] - 4, row.rect[1] + row.rect[3] / 2);
  await page.waitForFunction(() => window.disarm.route() === '#/T0154');
  assert.deepEqual(errors, []);
});

test('on a high-DPI screen the canvas is drawn at device resolution', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url, { width: 800, height: 600 }, 2);
  const state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.scale, 2);
  const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.deepEqual(size, [1600, 1200]);
  await screenshot(page, 'viewer-hidpi');
  assert.deepEqual(errors, []);
});

test('on a high-DPI screen a click lands on the link drawn under it', async () => {
  // A link far from the canvas's corner: were mouse positions taken in CSS pixels while the
  // viewer draws in device pixels, the click would land at half its place, on another link.
  for (const ratio of [2, 3]) {
    const { page, errors } = await openViewer(env.browser, env.server.url + '#/matrix/red', { width: 900, height: 700 }, ratio);
    const links = (await page.evaluate(() => window.disarm.links())).filter((l) => !l.external && l.rect[1] > 250);
    assert.ok(links.length > 0, `links drawn below 250 px at ratio ${ratio}`);
    const far = links.reduce((a, b) => (b.rect[0] + b.rect[1] > a.rect[0] + a.rect[1] ? b : a));
    await page.mouse.click(far.rect[0] + far.rect[2] / 2, far.rect[1] + far.rect[3] / 2);
    await page.waitForFunction((t) => window.disarm.route() === '#/' + t, far.target);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the theme follows the system setting, also when it changes', async () => {
  const page = await env.browser.newPage({ colorScheme: 'dark' });
  await page.goto(env.server.url + '#/T0154.002');
  await page.waitForFunction(() => window.disarm && window.disarm.state);
  await page.evaluate(() => window.disarm.ready);
  assert.equal((await page.evaluate(() => window.disarm.state())).theme, 'dark');
  await screenshot(page, 'theme-dark');
  // Most of the page is the dark theme's background (theme.cpp: 0.11, 0.12, 0.14), not the light one's.
  const [width, height] = await page.evaluate(() => [innerWidth, innerHeight]);
  const region = { x: 0, y: 0, width, height };
  let pixels = await screenPixels(page, region, 4);
  const all = Math.ceil(width / 4) * Math.ceil(height / 4);
  assert.ok(countNear(pixels, [28, 31, 36], 6) > all / 2, 'the page is drawn dark');
  assert.ok(countNear(pixels, [250, 250, 247], 4) < all / 100, 'with no light background');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => window.disarm.state().theme === 'light');
  await page.waitForFunction(() => window.disarm.state().frame_loop === 'paused');
  pixels = await screenPixels(page, region, 4);
  assert.ok(countNear(pixels, [250, 250, 247], 6) > all / 2, 'then light');
});
