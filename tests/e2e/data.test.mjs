// Other data than the built-in: ?data=URL (same origin, cross-origin with and without CORS,
// a 404, broken JSON), files dropped on the page (a snapshot, upstream's STIX bundle when
// ../shared/disarm has it, a broken file, a Navigator layer) and the About page's "Open file…".
// Load times by drop are printed, not asserted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openViewer, root, screenshot, viewerDir, framesLater, pointTo } from './browser.mjs';
import { startServer } from '../../scripts/static_server.mjs';

const stixPath = path.resolve(root, '../shared/disarm/generated_files/DISARM_STIX/DISARM.json');
const pagesDir = path.resolve(root, '../shared/disarm/generated_pages');
const disarmCli = path.join(root, 'build/native/shell/disarm');
const sample = JSON.parse(fs.readFileSync(path.join(root, 'data/sample/snapshot.json'), 'utf8'));

// Another snapshot: the sample renamed, with a technique the built-in data lacks.
const other = structuredClone(sample);
other.provenance.name = 'Another framework (test)';
other.provenance.source = 'a test of ?data=';
other.objects.push({ id: 'T0999', kind: 'technique', name: 'Only in the other data', summary: 'Added by the test.' });
const otherText = JSON.stringify(other);
const brokenText = otherText.slice(0, 900);  // cut mid-document

const env = {};
before(async () => {
  // The viewer with the test's files beside it, so ?data= can fetch them from the same origin.
  env.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disarm-data-test-'));
  fs.cpSync(viewerDir, env.dir, { recursive: true });
  const files = path.join(env.dir, 'test-data');
  fs.mkdirSync(files);
  fs.writeFileSync(path.join(files, 'other.json'), otherText);
  fs.writeFileSync(path.join(files, 'broken.json'), brokenText);
  env.server = await startServer(env.dir, 0);
  env.cors = await startServer(files, 0, '127.0.0.1', { cors: true });
  env.noCors = await startServer(files, 0);
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  for (const s of [env.server, env.cors, env.noCors]) await s?.close();
  if (env.dir) fs.rmSync(env.dir, { recursive: true, force: true });
});

async function open(query = '', fragment = '') {
  return openViewer(env.browser, env.server.url + query + fragment);
}

// Runs `action`, which should open the page's file picker, and chooses `file` in it. The
// signal is the click on the picker's <input type=file>: Playwright's own file chooser
// interception is switched on asynchronously, and no wait for it is sure to be long enough.
async function chooseFile(page, action, file) {
  await page.evaluate(() => {
    window.pickerClicked = new Promise((resolve) => document.addEventListener('click', (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'file') resolve(e.target);
    }, true));
  });
  await action();
  const picker = await page.evaluateHandle(() => window.pickerClicked);
  await picker.asElement().setInputFiles(file);
}

async function settled(page) {
  return page.evaluate(() => window.disarm.dataSettled());
}

// A click as a person makes it: the pointer arrives (ImGui sees the hover), then presses.
async function clickRect(page, [x, y, w, h]) {
  await pointTo(page, x + w / 2, y + h / 2);
  await page.mouse.down();
  await page.mouse.up();
}

// A real drop: the events carry a DataTransfer holding a File made in the page from the bytes.
async function dropFile(page, name, bytes, shot) {
  const transfer = await page.evaluateHandle(({ name, b64 }) => {
    const raw = atob(b64);
    const data = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; ++i) data[i] = raw.charCodeAt(i);
    const t = new DataTransfer();
    t.items.add(new File([data], name, { type: 'application/json' }));
    return t;
  }, { name, b64: Buffer.from(bytes).toString('base64') });
  await page.dispatchEvent('#canvas', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('#canvas', 'dragover', { dataTransfer: transfer });
  const overlay = await page.evaluate(() => getComputedStyle(document.getElementById('drop-target')).display);
  if (shot) await screenshot(page, shot);
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer: transfer });
  const [, result] = await settled(page);
  return { overlay, result };
}

test('?data= with a same-origin snapshot shows it, and the route the URL names', async () => {
  const { page, errors } = await open('?data=test-data/other.json', '#/T0999');
  await settled(page);
  const state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.framework.name, 'Another framework (test)');
  assert.match(state.framework.source, /test-data\/other\.json \(from a test of \?data=\)$/);
  assert.equal(state.framework.licence, sample.provenance.licence);
  assert.equal(state.data.type, 'snapshot');
  // T0999 was not found in the built-in data; shown again once the other data is in.
  assert.equal(state.route, '#/T0999');
  assert.equal(state.page.id, 'T0999');
  const notice = await page.evaluate(() => window.disarm.dataNotice());
  assert.equal(notice.kind, 'done');
  assert.match(notice.text, /^Opened .*other\.json: a DISARM snapshot, 40 objects\./);
  assert.deepEqual(errors, []);
  await page.close();
});

test('?data= says it is loading while it loads', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route('**/test-data/other.json', async (route) => { await gate; await route.continue(); });
  await page.goto(env.server.url + '?data=test-data/other.json');
  await page.waitForFunction(() => window.disarm && window.disarm.dataNotice, null, { timeout: 30000 });
  await page.evaluate(() => window.disarm.ready);
  const notice = await page.evaluate(() => window.disarm.dataNotice());
  assert.equal(notice.kind, 'loading');
  assert.match(notice.text, /^Loading data from http:\/\/127\.0\.0\.1:\d+\/test-data\/other\.json…/);
  // Meanwhile the built-in data is shown, not a blank canvas.
  assert.equal((await page.evaluate(() => window.disarm.state())).framework.name, sample.provenance.name);
  await screenshot(page, 'data-url-loading');
  release();
  await settled(page);
  assert.equal((await page.evaluate(() => window.disarm.state())).framework.name, 'Another framework (test)');
  await page.close();
});

test('?data= from another origin that allows it (CORS)', async () => {
  const { page } = await open('?data=' + encodeURIComponent(env.cors.url + 'other.json'));
  await settled(page);
  const state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.framework.name, 'Another framework (test)');
  assert.equal(state.data.opened, env.cors.url + 'other.json');
  await page.close();
});

async function expectFailure(query, pattern, shot) {
  const { page } = await open(query);
  await settled(page);
  const notice = await page.evaluate(() => window.disarm.dataNotice());
  assert.equal(notice.kind, 'error');
  assert.match(notice.text, pattern);
  assert.match(notice.text, /The built-in data is shown instead\.$/);
  // The banner is on the page, over a canvas that still draws the built-in data.
  const banner = await page.evaluate(() => {
    const b = document.getElementById('data-banner');
    return { text: b.textContent, role: b.getAttribute('role'), shown: getComputedStyle(b).display !== 'none' };
  });
  assert.ok(banner.shown);
  assert.equal(banner.role, 'alert');
  assert.ok(banner.text.includes(notice.text));
  const state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.framework.name, sample.provenance.name);
  assert.equal(state.data.opened, '');
  assert.equal(state.route, '#/');
  if (shot) await screenshot(page, shot);
  return page;
}

test('?data= that is not there: the URL and the HTTP status, and the built-in data', async () => {
  const page = await expectFailure('?data=test-data/missing.json',
                                   /^The data at http:\/\/127\.0\.0\.1:\d+\/test-data\/missing\.json could not be loaded: the server answered HTTP 404/,
                                   'data-url-404');
  // Dismissed, the message goes and the viewer carries on.
  await page.click('#data-banner button');
  assert.equal(await page.evaluate(() => window.disarm.dataNotice()), null);
  await page.close();
});

test('?data= with broken JSON: where the parser stopped', async () => {
  const page = await expectFailure('?data=test-data/broken.json',
                                   /broken\.json could not be opened: line 1, column 901: invalid JSON/, 'data-url-broken');
  await page.close();
});

test('?data= from another origin that does not allow it: says CORS may be why', async () => {
  const page = await expectFailure('?data=' + encodeURIComponent(env.noCors.url + 'other.json'), /\(CORS\)/);
  await page.close();
});

test('?data= of 100 MB is refused by its declared size, naming the limit, and not downloaded', async () => {
  // A server that declares 100 MB and sends only the start of it: the viewer must judge the
  // file by its Content-Length, or the test would hang waiting for the rest.
  const huge = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(100 << 20),
                         'Access-Control-Allow-Origin': '*' });
    res.write('{"format": "disarm-snapshot", ');
  });
  await new Promise((resolve) => huge.listen(0, '127.0.0.1', resolve));
  try {
    const url = 'http://127.0.0.1:' + huge.address().port + '/huge.json';
    const page = await expectFailure('?data=' + encodeURIComponent(url),
                                     /huge\.json could not be opened: the file is 100\.0 MB, more than the 32 MB the viewer opens: .*memory/,
                                     'data-url-too-large');
    await page.close();
  } finally {
    huge.closeAllConnections();
    huge.close();
  }
});

test('a file over the size limit is refused by its size, with the limit named, and the data stays', async () => {
  const { page, errors } = await open();
  const result = await page.evaluate(() => window.disarm.load(new Uint8Array((32 << 20) + 1), 'big.json'));
  assert.equal(result.ok, false);
  assert.match(result.message, /^big\.json could not be opened: the file is 32\.0 MB, more than the 32 MB the viewer opens/);
  assert.equal((await page.evaluate(() => window.disarm.state())).framework.name, sample.provenance.name);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a dropped STIX bundle replaces the data; a page it lacks is not found', async (t) => {
  if (!fs.existsSync(stixPath)) return t.skip('no upstream STIX bundle at ' + stixPath);
  const { page, errors } = await open('', '#/I00002');
  const { overlay, result } = await dropFile(page, 'DISARM.json', fs.readFileSync(stixPath), 'data-drop-target');
  assert.equal(overlay, 'flex');
  assert.equal(result.ok, true, result.message);
  assert.equal(result.type, 'stix-bundle');
  let state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.framework.name, 'DISARM Framework');
  assert.equal(state.framework.source, 'DISARM.json');
  assert.equal(state.framework.licence, 'CC BY-SA 4.0');
  assert.equal(state.framework.objects, 16 + 391);
  // The incident the page showed is not in a bundle: the not-found page, not a stale page.
  assert.deepEqual(state.page, { not_found: 'I00002' });
  assert.match((await page.evaluate(() => window.disarm.dataNotice())).text,
               /^Opened DISARM\.json: a STIX 2\.1 bundle, 407 objects\. A STIX bundle holds tactics and techniques only\.$/);
  console.log(`figure: STIX bundle (${fs.statSync(stixPath).size} bytes) by drop: ` +
              `${result.total_ms.toFixed(0)} ms from drop to shown, ${result.ms.toFixed(0)} ms in the viewer`);

  await page.evaluate(() => window.disarm.navigate('#/T0085.001'));
  state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.page.id, 'T0085.001');
  const hits = await page.evaluate(() => window.disarm.search('T0085'));
  assert.ok(hits.length > 1);
  await page.mouse.move(5, 5);
  await screenshot(page, 'data-stix-technique');
  await page.evaluate(() => window.disarm.navigate('#/matrix/red'));
  state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.matrix.shown, 391);
  await screenshot(page, 'data-stix-matrix');
  await page.evaluate(() => window.disarm.navigate('#/about'));
  await screenshot(page, 'data-stix-about');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a dropped full snapshot (upstream\'s pages imported), timed', async (t) => {
  if (!fs.existsSync(pagesDir) || !fs.existsSync(disarmCli)) return t.skip('no upstream pages or no built disarm CLI');
  const full = path.join(env.dir, 'disarm-full.json');
  execFileSync(disarmCli, ['import', pagesDir, '-o', full], { stdio: 'ignore' });
  const { page } = await open();
  const { result } = await dropFile(page, 'disarm-full.json', fs.readFileSync(full));
  assert.equal(result.ok, true, result.message);
  const state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.framework.name, 'DISARM Framework');
  assert.ok(state.framework.objects > 800);
  console.log(`figure: full snapshot (${fs.statSync(full).size} bytes) by drop: ` +
              `${result.total_ms.toFixed(0)} ms from drop to shown, ${result.ms.toFixed(0)} ms in the viewer`);
  await page.close();
});

test('a dropped broken file: a message, and the data stays; a dropped layer becomes the selection', async () => {
  const { page, errors } = await open('', '#/T0049');
  let { result } = await dropFile(page, 'broken.json', brokenText);
  assert.equal(result.ok, false);
  assert.equal(result.location, 'line 1, column 901');
  let notice = await page.evaluate(() => window.disarm.dataNotice());
  assert.equal(notice.kind, 'error');
  assert.match(notice.text, /^broken\.json could not be opened: line 1, column 901: invalid JSON.*The data shown is unchanged\.$/);
  let state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.framework.name, sample.provenance.name);
  assert.equal(state.page.id, 'T0049');
  await screenshot(page, 'data-drop-broken');

  const layer = { name: 'mine', domain: 'DISARM', versions: { layer: '4.5' }, techniques: [{ techniqueID: 'T0049' }] };
  ({ result } = await dropFile(page, 'layer.json', JSON.stringify(layer)));
  assert.equal(result.type, 'navigator-layer');
  assert.equal(result.ok, true);
  notice = await page.evaluate(() => window.disarm.dataNotice());
  assert.equal(notice.kind, 'done');
  assert.match(notice.text, /^layer\.json: /);
  state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.route, '#/matrix/red');
  assert.deepEqual(state.selection.items.map((i) => i.id), ['T0049']);
  assert.equal(state.framework.name, sample.provenance.name, 'a layer does not replace the data');

  ({ result } = await dropFile(page, 'notes.json', '{"hello": "world"}'));
  assert.match(result.message, /not a DISARM snapshot, STIX 2\.1 bundle or Navigator layer/);
  state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.framework.name, sample.provenance.name);
  assert.deepEqual(errors, []);
  await page.close();
});

test('About: "Open file…" opens the picker; the chosen file is shown, and the built-in data comes back', async () => {
  const { page } = await open('', '#/about');
  await page.mouse.move(5, 5);
  let state = await page.evaluate(() => window.disarm.state());
  assert.ok(state.about.open_file_rect[2] > 0);
  await chooseFile(page, () => clickRect(page, state.about.open_file_rect),
                   { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(otherText) });
  await settled(page);
  state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.framework.name, 'Another framework (test)');
  assert.equal(state.framework.source, 'other.json (from a test of ?data=)');
  assert.equal(state.route, '#/about');
  await framesLater(page);
  await screenshot(page, 'data-about-opened');

  // window.disarm.load takes text too.
  const result = await page.evaluate((text) => window.disarm.load(text, 'again.json'), otherText);
  assert.equal(result.ok, true);
  state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.data.opened, 'again.json');

  // Back to the data built into the viewer, once About is drawn over the new data.
  await framesLater(page);
  state = await page.evaluate(() => window.disarm.state());
  assert.ok(state.about.builtin_rect[2] > 0);
  await clickRect(page, state.about.builtin_rect);
  await page.waitForFunction((name) => window.disarm.state().framework.name === name, sample.provenance.name,
                            { timeout: 5000 });
  state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.data.opened, '');
  assert.equal(state.framework.source, sample.provenance.source);
  await page.close();
});

test('Ctrl+O opens the file picker from any page', async () => {
  const { page } = await open('', '#/T0049');
  await chooseFile(page, () => page.keyboard.press('Control+O'),
                   { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(otherText) });
  await settled(page);
  const state = await page.evaluate(() => window.disarm.state());
  assert.equal(state.framework.name, 'Another framework (test)');
  assert.equal(state.page.id, 'T0049');
  await page.close();
});
