// Releases side by side: the viewer's catalogue (the sample's releases 1.0 and 0.9 in the
// default build), its picker driven with the mouse, addresses that name a release, back and
// forward across releases, and an address whose release the viewer does not hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useViewer, openViewer, screenshot, pressButton, routeIs } from './browser.mjs';

const env = useViewer();

const state = (page) => page.evaluate(() => window.disarm.state());


test('the catalogue holds both sample releases, and the address without one shows the default', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/T0016');
  const s = await state(page);
  assert.deepEqual(s.catalogue.map((e) => e.key), ['1.0', '0.9']);
  assert.equal(s.release.key, '1.0');
  assert.equal(s.release.default, '1.0');
  assert.equal(s.page.title, 'Write clickbait');
  // Only the release shown was read.
  assert.deepEqual(s.catalogue.map((e) => e.loaded), [true, false]);
  assert.deepEqual(errors, []);
});

test('the picker shows the page in another release; back and forward cross releases', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/T0016');
  await pressButton(page, 'Release');
  await page.waitForFunction(() => window.disarm.state().buttons.some((b) => b.label === 'Release 0.9'));
  await screenshot(page, 'release-picker-open');
  await pressButton(page, 'Release 0.9');
  await routeIs(page, '#/0.9/T0016');
  let s = await state(page);
  assert.equal(s.release.key, '0.9');
  assert.equal(s.release.version, '0.9');
  assert.equal(s.page.title, 'Write bait headlines');  // its name in 0.9
  await screenshot(page, 'release-0.9-T0016');

  // So do the hidden mirror's, which a screen reader follows.
  await page.waitForFunction(() => document.querySelector('#page-text h1')?.textContent === 'Write bait headlines');
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('#page-text a')].map((a) => a.getAttribute('href')));
  const internal = hrefs.filter((h) => h.startsWith('#/'));
  assert.ok(internal.length > 0, 'the mirror has links into the viewer');
  assert.deepEqual(internal.filter((h) => !h.startsWith('#/0.9/')), [], 'every one in 0.9');

  // Links inside a release stay in it.
  await page.evaluate(() => window.disarm.navigate('#/0.9/T0045'));
  await routeIs(page, '#/0.9/T0045');
  assert.equal((await state(page)).page.title, 'Spread a rumour by text message');

  await page.goBack();
  await routeIs(page, '#/0.9/T0016');
  await page.goBack();
  await routeIs(page, '#/T0016');
  s = await state(page);
  assert.equal(s.release.key, '1.0');
  assert.equal(s.page.title, 'Write clickbait');
  await page.goForward();
  await routeIs(page, '#/0.9/T0016');
  assert.equal((await state(page)).page.title, 'Write bait headlines');

  // Reload keeps the release.
  await page.reload();
  await page.waitForFunction(() => window.disarm && window.disarm.state);
  await page.evaluate(() => window.disarm.ready);
  await routeIs(page, '#/0.9/T0016');
  assert.equal((await state(page)).release.key, '0.9');
  assert.deepEqual(errors, []);
});

test('a technique removed in 1.0 is missing there and present in 0.9', async () => {
  const { page } = await openViewer(env.browser, env.server.url + '#/T0045');
  assert.equal((await state(page)).page.not_found, 'T0045');
  await page.evaluate(() => window.disarm.navigate('#/0.9/T0045'));
  await routeIs(page, '#/0.9/T0045');
  assert.equal((await state(page)).page.id, 'T0045');
});

test('an address naming a release the viewer lacks says so and lists those it holds', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/9.9/T0016');
  const s = await state(page);
  assert.equal(s.page.not_found, '9.9');
  await page.waitForFunction(() => document.getElementById('page-text').textContent.includes('holds no release'));
  const mirror = await page.evaluate(() => document.getElementById('page-text').textContent);
  assert.match(mirror, /holds no release .9\.9.\. It holds 1\.0, 0\.9\./);
  await screenshot(page, 'release-not-held');
  assert.deepEqual(errors, []);
});

test('the About page names the default release, in both themes', async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    await page.goto(env.server.url + '#/0.9/about');
    await page.waitForFunction(() => window.disarm && window.disarm.state);
    await page.evaluate(() => window.disarm.ready);
    const s = await state(page);
    assert.equal(s.release.key, '0.9');
    assert.ok(s.buttons.some((b) => b.label.startsWith('1.0 (Sample framework')));
    await screenshot(page, `release-about-${scheme}`);
    await page.close();
  }
});

test('the changes page: counts by group, a filter, links into each release, and its layer export', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/T0016');
  // From the release picker, as a reader would find it.
  await pressButton(page, 'Release');
  await page.waitForFunction(() => window.disarm.state().buttons.some((b) => b.label === 'What changed'));
  await pressButton(page, 'What changed');
  await routeIs(page, '#/changes');
  let s = await state(page);
  assert.equal(s.changes.from, '0.9');
  assert.equal(s.changes.to, '1.0');
  assert.equal(s.changes.counts.added, 1);
  assert.equal(s.changes.counts.removed, 1);
  assert.equal(s.changes.counts.renamed, 1);
  assert.equal(s.changes.counts.moved, 1);
  assert.ok(s.changes.counts.description >= 1);
  assert.ok(s.changes.counts.relations >= 1);
  await screenshot(page, 'changes-all');

  await pressButton(page, 'Moved 1');
  await routeIs(page, '#/changes/0.9..1.0?show=moved');
  assert.deepEqual((await state(page)).changes.shown, ['T0146']);
  await pressButton(page, 'Removed 1');
  await routeIs(page, '#/changes/0.9..1.0?show=removed');
  // A removed technique links to its last version, in the older release.
  const link = (await state(page)).links.find((l) => l.target === '#/0.9/T0045');
  assert.ok(link, 'a link to T0045 in 0.9');
  const [x, y, w, h] = link.rect;
  await page.mouse.move(x + w / 2, y + h / 2);
  await page.mouse.down();
  await page.mouse.up();
  await routeIs(page, '#/0.9/T0045');
  assert.equal((await state(page)).page.title, 'Spread a rumour by text message');
  await page.goBack();
  await routeIs(page, '#/changes/0.9..1.0?show=removed');

  const layer = JSON.parse(await page.evaluate(() => window.disarm.exportText('changes_layer')));
  const colours = Object.fromEntries(layer.techniques.map((t) => [t.techniqueID, t.color]));
  assert.ok(colours['T0088.001'], 'the added technique is coloured');
  assert.ok(colours['T0146'], 'the moved technique is coloured');
  assert.notEqual(colours['T0088.001'], colours['T0146']);
  assert.match(layer.description, /T0045/);  // removed: named, as it cannot be coloured
  const markdown = await page.evaluate(() => window.disarm.exportText('changes_markdown'));
  assert.match(markdown, /T0016/);
  assert.deepEqual(errors, []);
});

test('the changes page in the dark theme, with its word diff', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await page.goto(env.server.url + '#/changes/0.9..1.0?show=description');
  await page.waitForFunction(() => window.disarm && window.disarm.state);
  await page.evaluate(() => window.disarm.ready);
  const s = await state(page);
  assert.ok(s.changes.shown.includes('T0086'));
  await screenshot(page, 'changes-description-dark');
  await page.close();
});

test('the history page and the matrix overlay in the dark theme', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await page.goto(env.server.url + '#/history/T0016');
  await page.waitForFunction(() => window.disarm && window.disarm.state);
  await page.evaluate(() => window.disarm.ready);
  let s = await state(page);
  assert.equal(s.theme, 'dark');
  assert.deepEqual(s.history_page.releases.map((r) => r.key), ['1.0', '0.9']);
  await screenshot(page, 'history-T0016-dark');
  await page.evaluate(() => window.disarm.navigate('#/matrix/red?since=0.9'));
  await routeIs(page, '#/matrix/red?since=0.9');
  s = await state(page);
  assert.equal(s.matrix.changes.since, '0.9');
  await screenshot(page, 'matrix-changes-since-dark');
  await page.close();
});

test('an object in every release: from its page, and from the address of a removed one', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/T0016');
  await pressButton(page, 'In other releases');
  await routeIs(page, '#/history/T0016');
  let s = await state(page);
  assert.deepEqual(s.history_page.releases.map((r) => [r.key, r.name, r.changes]),
    [['1.0', 'Write clickbait', ['name']], ['0.9', 'Write bait headlines', []]]);
  await screenshot(page, 'history-T0016');

  // A removed technique's address in the newest release: not found, with the way to its last version.
  await page.evaluate(() => window.disarm.navigate('#/T0045'));
  await routeIs(page, '#/T0045');
  await pressButton(page, 'Look for it in the other releases');
  await routeIs(page, '#/history/T0045');
  s = await state(page);
  assert.deepEqual(s.history_page.releases.map((r) => [r.key, r.holds, r.changes]),
    [['1.0', false, ['removed']], ['0.9', true, []]]);
  const link = s.links.find((l) => l.target === '#/0.9/T0045');
  assert.ok(link, 'a link to its last version');
  assert.deepEqual(errors, []);
});

test('the matrix marks what changed since an older release, chosen from its toolbar', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/matrix/red');
  await pressButton(page, 'Changes since');
  await page.waitForFunction(() => window.disarm.state().buttons.some((b) => b.label === 'Since 0.9'));
  await pressButton(page, 'Since 0.9');
  await routeIs(page, '#/matrix/red?since=0.9');
  const s = await state(page);
  assert.equal(s.matrix.changes.since, '0.9');
  assert.deepEqual(Object.keys(s.matrix.changes.marked).sort(), ['T0016', 'T0049.001', 'T0086', 'T0086.002', 'T0088', 'T0088.001', 'T0146']);
  assert.equal(s.matrix.changes.removed, 1);
  // A folded parent counts the sub-techniques under it that changed.
  assert.deepEqual(s.matrix.changes.below, { T0049: 1, T0086: 1, T0088: 1 });
  await screenshot(page, 'matrix-changes-since');
  await pressButton(page, 'List the changes');
  await routeIs(page, '#/changes/0.9..1.0');
  assert.deepEqual(errors, []);
});
