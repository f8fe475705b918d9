// What a first-time user tripped on (issue 15): a key lost after "/", result rows with a blank
// second line, a legend that keys nothing on the blue matrix, and a 480x320 embed spent on
// controls. Each test here failed before its fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useViewer, openViewer, screenshot, screenPixels, inkedPixels, root } from './browser.mjs';

const env = useViewer();

test('keys typed in the frame of the "/" that opens the search box all arrive, in order', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/T0154.002');
  // Dispatched in one task, so the viewer sees them in one frame: "/" goes down, "d" goes down
  // and types while "/" is still held, "/" comes up, then "e" types, all before the box has
  // the focus. Like a real key, each goes to the focused element and bubbles up to the window.
  // The browser's own keys then type the rest into the box.
  await page.evaluate(() => {
    const key = (type, name, code, keyCode) => (document.activeElement || document.body).dispatchEvent(new KeyboardEvent(type, {
      key: name, code, keyCode, which: keyCode, charCode: type === 'keypress' ? name.charCodeAt(0) : 0,
      bubbles: true, cancelable: true,
    }));
    key('keydown', '/', 'Slash', 191);
    key('keydown', 'd', 'KeyD', 68);
    key('keypress', 'd', 'KeyD', 100);
    key('keyup', '/', 'Slash', 191);
    key('keydown', 'e', 'KeyE', 69);
    key('keypress', 'e', 'KeyE', 101);
    key('keyup', 'd', 'KeyD', 68);
    key('keyup', 'e', 'KeyE', 69);
  });
  await page.waitForFunction(() => document.activeElement?.id === 'search-input');
  await page.keyboard.type('ep fak');
  await page.waitForFunction(() => window.disarm.state().search_box.text.endsWith('fak'));
  assert.equal((await page.evaluate(() => window.disarm.state())).search_box.text, 'deep fak');
  assert.equal(await page.$eval('#search-input', (el) => el.value), 'deep fak');
  await page.waitForFunction(() => window.disarm.route() === '#/search?q=deep+fak');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a result matched by its name shows the opening words of its summary on its second line', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/search?q=AI%20media');
  const hit = (await page.evaluate(() => window.disarm.state())).search.hits[0];
  assert.equal(hit.id, 'T0154.002');
  assert.equal(hit.field_kind, 'name', 'the match is in the name: nothing of it for the second line');
  const row = (await page.evaluate(() => window.disarm.links())).find((l) => l.target === 'T0154.002');
  const [x, y, w, h] = row.rect;
  // The second line: the lower part of the row, from where the ID starts.
  const line = await screenPixels(page, { x: x + w * 0.25, y: y + h * 0.55, width: w * 0.5, height: h * 0.3 });
  const ink = inkedPixels(line);
  await screenshot(page, 'search-name-hit');
  assert.ok(ink > 150, `the second line has text (${ink} inked pixels)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the blue matrix of data that links no counter to an incident keys no incident colours', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/matrix/blue');
  // The sample links one counter to an incident, so its blue matrix keys two colours.
  assert.match(await page.evaluate(() => window.disarm.printHtml()), /seen in no incident<\/li>\n.*seen in 1 incident/);
  const snapshot = JSON.parse(fs.readFileSync(path.join(root, 'data/sample/snapshot.json'), 'utf8'));
  snapshot.relations = snapshot.relations.filter((r) => r.type !== 'counter-incident');
  const opened = await page.evaluate((text) => window.disarm.load(text, 'no-counter-incidents.json'),
                                     JSON.stringify(snapshot));
  assert.equal(opened.ok, true, opened.message);
  await page.waitForFunction(() => window.disarm.state().data.opened === 'no-counter-incidents.json');
  // Now every counter has the one colour: no "seen in no incident" key, in print or on screen.
  const print = await page.evaluate(() => window.disarm.printHtml());
  assert.match(print, /<h1>Blue framework: counters by tactic<\/h1>/);
  assert.doesNotMatch(print, /no incident/);
  assert.doesNotMatch(print, /<h2>Legend<\/h2>/);
  await page.waitForFunction(() => window.disarm.state().matrix?.legend_levels === 0);
  await screenshot(page, 'blue-without-incidents');
  // The red matrix of the same data still keys its colours.
  await page.evaluate(() => window.disarm.navigate('#/matrix/red'));
  await page.waitForFunction(() => window.disarm.state().matrix?.side === 'red' &&
                                   window.disarm.state().matrix.legend_levels >= 2);
  assert.deepEqual(errors, []);
  await page.close();
});

// A course page's embed: 480x320, ?embed=1.
async function openEmbed(fragment) {
  return openViewer(env.browser, env.server.url + 'index.html?embed=1' + fragment, { width: 480, height: 320 });
}
const buttonLabels = (page) => page.evaluate(() => window.disarm.state().buttons.map((b) => b.label));

async function openMenu(page) {
  const menu = (await page.evaluate(() => window.disarm.state().buttons)).find((b) => b.label.startsWith('Menu'));
  assert.ok(menu, 'the embed bar has a menu');
  const [x, y, w, h] = menu.rect;
  await page.mouse.click(x + w / 2, y + h / 2);
  await page.waitForFunction(() => window.disarm.state().buttons.length > 1);
}

test('a 480x320 embed of the red matrix shows rows of techniques, its controls behind one menu', async () => {
  const { page, errors } = await openEmbed('#/matrix/red');
  const links = await page.evaluate(() => window.disarm.links());
  // Techniques whose cell is wholly in the frame, above the data credit. The sample's first
  // three tactics hold one, one and two (unfolded: more) techniques.
  const inView = links.filter((l) => /^T\d{4}/.test(l.target) && l.rect[1] >= 0 && l.rect[1] + l.rect[3] <= 270);
  await screenshot(page, 'embed-480x320-red');
  const ids = inView.map((l) => l.target);
  assert.ok(inView.length >= 4, `techniques of three tactics in view (${ids})`);
  assert.ok(new Set(inView.map((l) => l.rect[0])).size >= 3, `in three columns (${ids})`);
  assert.ok(new Set(inView.map((l) => l.rect[1])).size >= 2, `in two rows or more (${ids})`);
  assert.deepEqual(await buttonLabels(page), ['Menu \u25BE'], 'no analyst control outside the menu');
  await openMenu(page);
  const inMenu = await buttonLabels(page);
  for (const label of ['Select mode', 'Selection (0)', 'Print']) assert.ok(inMenu.includes(label), `the menu has ${label}`);
  await screenshot(page, 'embed-480x320-red-menu');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a 480x320 embed of the blue matrix shows rows of counters', async () => {
  const { page, errors } = await openEmbed('#/matrix/blue');
  const links = await page.evaluate(() => window.disarm.links());
  const inView = links.filter((l) => /^C\d{5}/.test(l.target) && l.rect[1] >= 0 && l.rect[1] + l.rect[3] <= 270);
  await screenshot(page, 'embed-480x320-blue');
  assert.ok(inView.length >= 1, `counters in view (${inView.map((l) => l.target)})`);
  assert.deepEqual(await buttonLabels(page), ['Menu \u25BE']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a 480x320 embed of an object page starts with its title; its actions are in the menu', async () => {
  const { page, errors } = await openEmbed('#/T0154.002');
  await screenshot(page, 'embed-480x320-object');
  assert.deepEqual(await buttonLabels(page), ['Menu \u25BE'], 'no action buttons above the title');
  await openMenu(page);
  const inMenu = await buttonLabels(page);
  for (const label of ['Copy ID', 'Copy link', 'Show in matrix', 'Add to selection', 'Print'])
    assert.ok(inMenu.includes(label), `the menu has ${label}`);
  await screenshot(page, 'embed-480x320-object-menu');
  // A menu item acts: the technique is added to the selection.
  const add = (await page.evaluate(() => window.disarm.state().buttons)).find((b) => b.label === 'Add to selection');
  await page.mouse.click(add.rect[0] + add.rect[2] / 2, add.rect[1] + add.rect[3] / 2);
  await page.waitForFunction(() => window.disarm.state().selection.items.some((i) => i.id === 'T0154.002'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a 480x320 embed of a search shows its results first', async () => {
  const { page, errors } = await openEmbed('#/search?q=fake');
  await screenshot(page, 'embed-480x320-search');
  const rows = (await page.evaluate(() => window.disarm.links())).filter((l) => /^I\d{5}/.test(l.target));
  assert.ok(rows.length >= 2, 'both results are drawn');
  assert.ok(rows.every((r) => r.rect[1] + r.rect[3] <= 270), 'and wholly in view');
  assert.deepEqual(await buttonLabels(page), ['Menu \u25BE']);
  await openMenu(page);
  assert.ok((await buttonLabels(page)).includes('Show matches in matrix'));
  assert.deepEqual(errors, []);
  await page.close();
});
