// The analyst's workflow with real mouse clicks: highlight what an incident used, build a
// selection in the matrix, keep it over a reload, share it as a link, export it as an ATT&CK
// Navigator layer and import it again, and print an incident as a handout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useViewer, openViewer, screenshot, root, framesLater, screenPixels, countNear, pressButton, pasteLayer } from './browser.mjs';

const env = useViewer();

const state = (page) => page.evaluate(() => window.disarm.state());
const selectedIds = async (page) => (await state(page)).selection.items.map((i) => i.id);
const until = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 5000 });

async function clickAt(page, rect, modifiers = []) {
  const [x, y, w, h] = rect;
  for (const key of modifiers) await page.keyboard.down(key);
  await page.mouse.move(x + w / 2, y + h / 2);
  await page.mouse.down();
  await page.mouse.up();
  for (const key of modifiers) await page.keyboard.up(key);
}

// A matrix cell: the widest drawn link to the technique (the panel lists its ID as a link too).
async function cellRect(page, id) {
  const links = (await state(page)).links.filter((l) => l.target === id);
  assert.ok(links.length > 0, `${id} is on screen`);
  return links.reduce((a, b) => (b.rect[2] > a.rect[2] ? b : a)).rect;
}

// Pixels of the highlight's blue (Okabe-Ito, kHighlightColour) on a cell's left edge, where its
// outline runs outside the cell.
async function outlinePixels(page, [x, y, w, h]) {
  return countNear(await screenPixels(page, { x: x - 3, y: y + h * 0.4, width: 6, height: h * 0.5 }), [0, 114, 178], 30);
}

// Pixels of the selection's orange (kSelectedColour) in a cell: its badge and outline.
async function badgePixels(page, [x, y, w, h]) {
  return countNear(await screenPixels(page, { x, y, width: w, height: h }), [230, 159, 0], 30);
}

// The classes of the print view's matrix cell for technique `id`.
function cellClasses(html, id) {
  const cells = [...html.matchAll(/<td class="([^"]*)">((?:(?!<\/td>)[\s\S])*)<\/td>/g)];
  const cell = cells.find((c) => c[2].includes(`<a href="#/${id}">`));
  assert.ok(cell, `the print view has a cell for ${id}`);
  return cell[1].split(' ');
}

const layerOf = (techniques) =>
  JSON.stringify({ name: 'test', versions: { layer: '4.5' }, domain: 'DISARM', techniques });

test('an incident lights up its techniques in the matrix; the highlight is in the route and clears in one click', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/I00001');
  await pressButton(page, 'Show in matrix (3 techniques)');
  await until(page, () => window.disarm.route() === '#/matrix/red?hl=I00001');
  let s = await state(page);
  assert.deepEqual(s.highlight.ids, ['T0088.001', 'T0146', 'T0154.002']);
  assert.equal(s.highlight.label, 'I00001 Cloned voice in a school dispute');
  // The sub-techniques it used are unfolded, so every highlighted cell is on screen.
  for (const id of s.highlight.ids) await cellRect(page, id);
  // And each is drawn with the blue outline: read where the viewer says the cell is.
  await framesLater(page);
  for (const id of s.highlight.ids)
    assert.ok(await outlinePixels(page, await cellRect(page, id)) > 40, `${id} has the highlight outline`);
  assert.equal(await outlinePixels(page, await cellRect(page, 'T0002')), 0, 'T0002 is not outlined');

  // "Show only these" narrows the matrix to them (and their parents), and back.
  const all = s.matrix.shown;
  await pressButton(page, 'Show only these');
  await until(page, () => window.disarm.state().matrix.only_highlighted);
  assert.equal((await state(page)).matrix.shown, 5, 'three techniques and the two parents of the sub-techniques');
  await pressButton(page, 'Show all techniques');
  await until(page, (n) => window.disarm.state().matrix.shown === n, all);

  await pressButton(page, 'Clear highlight');
  await until(page, () => window.disarm.route() === '#/matrix/red');
  assert.equal((await state(page)).highlight, undefined);
  await page.goBack();
  await until(page, () => window.disarm.route() === '#/matrix/red?hl=I00001');
  assert.equal((await state(page)).highlight.count, 3);

  // A search: every technique it finds.
  await page.evaluate(() => window.disarm.navigate('#/search?q=synthetic'));
  await pressButton(page, 'Show matches in matrix');
  await until(page, () => window.disarm.route() === '#/matrix/red?hl=search:synthetic');
  s = await state(page);
  // Read off the sample by hand: the techniques whose own text has "synthetic" are
  //   T0086      "Make synthetic images"                  (its name)
  //   T0086.002  "Make synthetic images of real people"   (its name)
  //   T0088      "Make synthetic audio"                   (its name)
  // No other technique has the word, a longer word it starts, or a word two edits from it.
  // I00002's evidence quote for T0154.002 has "synthetic" too, but a quote is its incident's
  // text, and a search highlight lights techniques only.
  assert.deepEqual([...s.highlight.ids].sort(), ['T0086', 'T0086.002', 'T0088']);
  assert.deepEqual(errors, []);
});

test('select three techniques by clicking, reload, the selection is still there', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/matrix/red');
  assert.equal((await state(page)).selection.count, 0);
  // Ctrl+click selects without leaving the matrix.
  assert.equal(await badgePixels(page, await cellRect(page, 'T0049')), 0, 'no badge before it is selected');
  await clickAt(page, await cellRect(page, 'T0049'), ['Control']);
  await until(page, () => window.disarm.state().selection.count === 1);
  // The selected cell gets its orange badge and outline, where the viewer says the cell is.
  await framesLater(page);
  assert.ok(await badgePixels(page, await cellRect(page, 'T0049')) > 60, 'T0049 has the selected badge');
  await clickAt(page, await cellRect(page, 'T0002'), ['Control']);
  await until(page, () => window.disarm.state().selection.count === 2);
  assert.equal((await state(page)).route, '#/matrix/red', 'Ctrl+click does not open the page');
  // Select mode: a plain click selects.
  await pressButton(page, 'Select mode');
  await until(page, () => window.disarm.state().matrix.select_mode);
  await clickAt(page, await cellRect(page, 'T0086'));
  await until(page, () => window.disarm.state().selection.count === 3);
  // ...and a second plain click unselects, then selects again.
  await clickAt(page, await cellRect(page, 'T0086'));
  await until(page, () => window.disarm.state().selection.count === 2);
  await clickAt(page, await cellRect(page, 'T0086'));
  await until(page, () => window.disarm.state().selection.count === 3);
  assert.deepEqual(await selectedIds(page), ['T0002', 'T0049', 'T0086']);
  // A score from the panel.
  await pressButton(page, 'Add score');
  await until(page, () => window.disarm.state().selection.items[0].score === 50);
  await screenshot(page, 'selection-select-mode');
  await page.keyboard.press('Escape');
  await until(page, () => !window.disarm.state().matrix.select_mode);

  await page.reload();
  await page.evaluate(() => window.disarm.ready);
  assert.deepEqual(await selectedIds(page), ['T0002', 'T0049', 'T0086']);
  assert.equal((await state(page)).selection.items[0].score, 50);
  assert.deepEqual(errors, []);
});

test('a share link opens the same selection in a new browser, and keeps the reader\'s own', async () => {
  const { page } = await openViewer(env.browser, env.server.url + '#/matrix/red');
  const message = await page.evaluate(
    (layer) => window.disarm.importLayer(layer),
    layerOf([
      { techniqueID: 'T0154.002', score: 90, comment: 'Voice clone, I00001 — "quoted" & more', enabled: true },
      { techniqueID: 'T0049', comment: 'línea 1\nline 2', enabled: true },
      { techniqueID: 'T0086.002', score: 0, enabled: true },
    ]));
  assert.match(message, /Imported 3 techniques/);
  const shared = (await state(page)).selection.items;
  const link = await page.evaluate(() => window.disarm.shareLink());
  // It names the release it was made on, even the default, so it reads the same IDs later.
  assert.match(link, /#\/1\.0\/matrix\/red\?sel=[A-Za-z0-9_-]+$/);
  console.log(`share link for 3 techniques with comments: ${link.length - env.server.url.length} characters after the address`);

  // The panel's button copies the same link.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await pressButton(page, 'Copy share link');
  await page.waitForFunction(async (l) => (await navigator.clipboard.readText()) === l, link, { timeout: 5000 });

  // A new page is a new browser context: its storage is empty.
  const other = await openViewer(env.browser, link);
  assert.deepEqual((await state(other.page)).selection.items, shared);
  assert.equal((await state(other.page)).route, '#/matrix/red', 'the code leaves the address once opened');
  await until(other.page, () => window.disarm.state().buttons.some((b) => b.label === 'Copy share link'));
  await screenshot(other.page, 'selection-shared-link');

  // A reader with a selection of their own gets the link's, and theirs back with Restore.
  const reader = await openViewer(env.browser, env.server.url + '#/T0002');
  await pressButton(reader.page, 'Add to selection');
  await until(reader.page, () => window.disarm.state().selection.count === 1);
  await reader.page.evaluate((l) => { location.href = l; }, link);
  await until(reader.page, () => window.disarm.state().selection.count === 3);
  let s = await state(reader.page);
  assert.deepEqual(s.selection.items, shared);
  assert.equal(s.selection.previous, 1);
  assert.match(s.selection.notice, /Your own selection \(1 technique\) is kept/);
  await pressButton(reader.page, 'Restore previous (1)');
  await until(reader.page, () => window.disarm.state().selection.count === 1);
  assert.deepEqual(await selectedIds(reader.page), ['T0002']);
  // Going back to the link's entry does not open its selection again.
  await reader.page.goBack();
  await until(reader.page, () => window.disarm.route() === '#/T0002');
  assert.deepEqual(await selectedIds(reader.page), ['T0002']);
});

// A layer as DISARM's Navigator (disarm-navigator-mv) saves one from its v1.6 domain: a tactic
// on each entry, the score a number, every member its serializer writes.
const navigatorLayer = JSON.stringify({
  name: 'Seen before the vote',
  versions: { attack: '1', navigator: '5.1.0', layer: '4.5' },
  domain: 'disarm-v1.6',
  description: 'Saved by the Navigator.',
  filters: { platforms: ['Windows', 'Linux', 'Mac'] },
  sorting: 0,
  layout: { layout: 'side', aggregateFunction: 'average', showID: false, showName: true },
  hideDisabled: false,
  techniques: [
    { techniqueID: 'T0088.001', tactic: 'develop-content', score: 80, color: '', comment: 'voice clone',
      enabled: true, metadata: [], links: [], showSubtechniques: false },
    { techniqueID: 'T0146', tactic: 'establish-assets', color: '#e60d0d', comment: '', enabled: true,
      metadata: [], links: [], showSubtechniques: false },
    { techniqueID: 'T0002', tactic: 'plan-objectives', color: '', comment: '', enabled: false,
      metadata: [], links: [], showSubtechniques: false },
  ],
  gradient: { colors: ['#ff6666ff', '#ffe766ff', '#8ec843ff'], minValue: 0, maxValue: 100 },
  legendItems: [],
  metadata: [],
  links: [],
  showTacticRowBackground: false,
  tacticRowBackground: '#dddddd',
  selectTechniquesAcrossTactics: true,
  selectSubtechniquesWithParent: false,
  selectVisibleTechniques: false,
}, null, '\t');

test('a layer saved by DISARM\'s Navigator opens in the selection panel, and says it was made on another release', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/matrix/red');
  // The sample as release 1.7, so that a 1.6 layer is from another release.
  const sample = JSON.parse(fs.readFileSync(path.join(root, 'data/sample/snapshot.json'), 'utf8'));
  sample.release = { framework: 'DISARM Red/Blue 1.x', version: '1.7' };
  const opened = await page.evaluate((text) => window.disarm.load(text, 'sample-1.7.json'), JSON.stringify(sample));
  assert.equal(opened.ok, true);

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'disarm-layer-')), 'navigator-layer.json');
  fs.writeFileSync(file, navigatorLayer);
  await pressButton(page, 'Selection (0)');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), pressButton(page, 'Import layer file…')]);
  await chooser.setFiles(file);
  await until(page, () => window.disarm.state().selection.count === 2);
  const s = await state(page);
  assert.deepEqual(s.selection.items, [
    { id: 'T0088.001', score: 80, comment: 'voice clone' },
    { id: 'T0146', score: null, comment: '' },
  ]);
  assert.match(s.selection.notice, /Imported 2 techniques from the layer\. This layer was made on DISARM Red\/Blue 1\.x, version 1\.6, not on DISARM Red\/Blue 1\.x, version 1\.7, which is shown/);
  await framesLater(page);
  await screenshot(page, 'selection-navigator-layer');

  // Exported again, it is for Navigator's 1.7 domain and records 1.7.
  const again = JSON.parse(await page.evaluate(() => window.disarm.layerJson()));
  assert.equal(again.domain, 'disarm-v1.7');
  assert.equal(again.versions.attack, '1');
  assert.deepEqual(again.metadata.filter((m) => m.name === 'framework' || m.name === 'release'),
                   [{ name: 'framework', value: 'DISARM Red/Blue 1.x' }, { name: 'release', value: '1.7' }]);
  assert.deepEqual(errors, []);
});

test('export a layer, clear, import it again through the file picker: the same selection', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/matrix/red?hl=I00001');
  await page.evaluate(
    (layer) => window.disarm.importLayer(layer),
    layerOf([
      { techniqueID: 'T0088.001', score: 75, comment: 'clone', enabled: true },
      { techniqueID: 'T0146', enabled: true },
      { techniqueID: 'T0154.002', score: 10, comment: 'service', enabled: true },
    ]));
  const before = (await state(page)).selection.items;
  await screenshot(page, 'selection-matrix-highlight');

  const [download] = await Promise.all([page.waitForEvent('download'), pressButton(page, 'Download layer')]);
  assert.equal(download.suggestedFilename(), 'disarm-selection-layer.json');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'disarm-layer-')), 'layer.json');
  await download.saveAs(file);
  const layer = JSON.parse(fs.readFileSync(file, 'utf8'));
  // The built-in sample is release 1.0 of its own framework: Navigator has no domain before 1.6,
  // so the layer is for 1.6's, and records the sample's own release.
  assert.equal(layer.domain, 'disarm-v1.6');
  assert.deepEqual(layer.versions, { attack: '1', navigator: '4.9.1', layer: '4.5' });
  assert.deepEqual(layer.metadata.find((m) => m.name === 'framework'),
    { name: 'framework', value: 'Sample framework (DISARM-shaped)' });
  assert.deepEqual(layer.metadata.find((m) => m.name === 'release'), { name: 'release', value: '1.0' });
  assert.deepEqual(layer.techniques.map((t) => t.techniqueID), ['T0088.001', 'T0146', 'T0154.002']);
  assert.equal(layer.techniques[0].score, 75);
  assert.equal(layer.techniques[0].comment, 'clone');
  assert.equal(fs.readFileSync(file, 'utf8'), await page.evaluate(() => window.disarm.layerJson()));

  await pressButton(page, 'Clear');
  await until(page, () => window.disarm.state().selection.count === 0);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), pressButton(page, 'Import layer file…')]);
  await chooser.setFiles(file);
  await until(page, () => window.disarm.state().selection.count === 3);
  assert.deepEqual((await state(page)).selection.items, before);
  assert.match((await state(page)).selection.notice, /Imported 3 techniques from the layer/);

  // IDs the framework does not know are named.
  const message = await page.evaluate(
    (l) => window.disarm.importLayer(l),
    layerOf([{ techniqueID: 'T0049', enabled: true }, { techniqueID: 'T9999', enabled: true }, { techniqueID: 'X1', enabled: true }]));
  assert.match(message, /Imported 1 technique from the layer\. Not in this framework, left out: T9999, X1\./);
  assert.match(await page.evaluate(() => window.disarm.importLayer('{not json')), /could not be imported/);
  assert.deepEqual(await selectedIds(page), ['T0049'], 'a bad layer changes nothing');

  // Paste: the layer's text into the panel's box, as the page's paste event delivers it.
  await pasteLayer(page, layerOf([{ techniqueID: 'T0002', score: 33, comment: 'pasted', enabled: true }]));
  await until(page, () => window.disarm.state().selection.items[0]?.id === 'T0002');
  assert.deepEqual((await state(page)).selection.items, [{ id: 'T0002', score: 33, comment: 'pasted' }]);
  assert.equal((await state(page)).selection.previous, 1, 'the replaced selection is kept for Restore');

  // CSV and Markdown of the selection.
  const csv = await page.evaluate(() => window.disarm.exportText('csv'));
  assert.equal(csv, 'ID,Name,Tactic,Score,Comment,Incidents\r\nT0002,Back a state message,TA01 Set the plan,33,pasted,0\r\n');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), pressButton(page, 'Download CSV')]);
  assert.equal(csvDownload.suggestedFilename(), 'disarm-selection.csv');
  assert.match(await page.evaluate(() => window.disarm.exportText('markdown')), /^\| ID \| Name \| Tactic/);
  assert.deepEqual(errors, []);
});

test('the print view of an incident holds its references; the matrix print marks highlight and selection', async () => {
  const snapshot = JSON.parse(fs.readFileSync(path.join(root, 'data/sample/snapshot.json'), 'utf8'));
  const incident = snapshot.objects.find((o) => o.id === 'I00001');
  assert.ok(incident.references.length > 0);
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/I00001');
  const html = await page.evaluate(() => window.disarm.printHtml());
  assert.match(html, /^<!DOCTYPE html>/i);
  for (const ref of incident.references) {
    assert.ok(html.includes(ref.title.replace(/&/g, '&amp;')), `the print view has "${ref.title}"`);
    assert.ok(html.includes(ref.url), `and its address ${ref.url}`);
  }
  // The Print button puts the same document in the print frame.
  await pressButton(page, 'Print');
  await until(page, () => document.getElementById('disarm-print')?.srcdoc.length > 0);
  assert.equal(await page.evaluate(() => document.getElementById('disarm-print').srcdoc), html);
  // Ctrl+P gives the same print view, not the canvas; keys are back on the canvas once the
  // print dialog is done with.
  await until(page, () => document.activeElement?.id === 'canvas');
  await page.evaluate(() => { document.getElementById('disarm-print').srcdoc = ''; });
  await page.keyboard.press('Control+P');
  await until(page, () => document.getElementById('disarm-print')?.srcdoc.length > 0);
  assert.equal(await page.evaluate(() => document.getElementById('disarm-print').srcdoc), html);
  // The browser's own print prints the page's text in place of the canvas.
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => ({
    canvas: getComputedStyle(document.getElementById('canvas')).display,
    text: document.getElementById('page-text').getBoundingClientRect().height,
    title: document.querySelector('#page-text h1')?.textContent,
  }));
  await page.emulateMedia({ media: 'screen' });
  assert.equal(printed.canvas, 'none');
  assert.ok(printed.text > 100, `the page's text is laid out for print (${printed.text}px high)`);
  assert.match(printed.title, /Cloned voice/);

  await page.evaluate(() => window.disarm.navigate('#/T0049'));
  await pressButton(page, 'Add to selection');
  await until(page, () => window.disarm.state().selection.items.some((i) => i.id === 'T0049'));
  await page.evaluate(() => window.disarm.navigate('#/matrix/red?hl=I00001'));
  const matrix = await page.evaluate(() => window.disarm.printHtml());
  // Each technique's own table cell, never the legend's keys (which carry the same classes).
  assert.ok(cellClasses(matrix, 'T0146').includes('highlight'), 'T0146 is marked highlighted');
  assert.ok(!cellClasses(matrix, 'T0146').includes('selected'));
  assert.ok(cellClasses(matrix, 'T0049').includes('selected'), 'T0049 is marked selected');
  assert.ok(!cellClasses(matrix, 'T0049').includes('highlight'));
  assert.deepEqual(errors, []);

  // What a printer gets, as a page of its own.
  const sheet = await env.browser.newPage({ viewport: { width: 900, height: 1000 } });
  await sheet.setContent(html);
  await screenshot(sheet, 'print-incident');
  await sheet.setViewportSize({ width: 1280, height: 900 });
  await sheet.setContent(matrix);
  await screenshot(sheet, 'print-matrix');
});
