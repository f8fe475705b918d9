// The offline bundle (disarm bundle): one HTML file opened from file:// with every request
// outside it blocked. It must start, search, open deep links and draw matrices, and attempt
// no request but the file itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, root, viewerDir, screenshot, distinctColours } from './browser.mjs';

const disarm = process.env.DISARM_SHELL || path.join(root, 'build/native/shell/disarm');
const skip = fs.existsSync(disarm) ? false : `no ${disarm}: build the native preset first`;

let browser, temp, bundle, fileUrl;
before(async () => {
  if (skip) return;
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'disarm-bundle-'));
  bundle = path.join(temp, 'disarm.html');
  const out = execFileSync(disarm, ['bundle', '-o', bundle, '--viewer', viewerDir], { encoding: 'utf8' });
  console.log(out.trim());
  fileUrl = pathToFileURL(bundle).href;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

// A context where only the bundle's own file may load, recording every request attempted.
async function offlineContext() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const attempted = [];
  context.on('request', (r) => attempted.push(r.url()));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.split(/[?#]/)[0] === fileUrl ? route.continue() : route.abort('internetdisconnected');
  });
  await context.setOffline(true);
  return { context, attempted };
}

async function open(context, fragment = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(fileUrl + fragment);
  await page.waitForFunction(() => window.disarm && window.disarm.state, null, { timeout: 30000 });
  await page.evaluate(() => window.disarm.ready);
  return { page, errors };
}

const state = (page) => page.evaluate(() => window.disarm.state());

test('the bundle works from file:// with the network off and fetches nothing', { skip }, async () => {
  const { context, attempted } = await offlineContext();
  const { page, errors } = await open(context);
  const first = await state(page);
  assert.ok(first.framework.objects > 0, 'the embedded framework is loaded');
  assert.ok(first.framework.licence, 'its licence is known');

  // Search through the API and by typing into the search box.
  const hits = await page.evaluate(() => window.disarm.search('clone voice'));
  assert.equal(hits[0].id, 'T0088.001');
  await page.keyboard.press('/');
  await page.waitForFunction(() => window.disarm.state().search_box.focused);
  await page.keyboard.type('synthetic', { delay: 15 });
  await page.waitForFunction(() => window.disarm.state().route === '#/search?q=synthetic');
  const search = (await state(page)).search;
  assert.ok(search.total > 0, 'typed search finds results');
  assert.ok(search.hits.some((h) => h.id === 'T0086'));
  await screenshot(page, 'bundle-search');

  // Pages and matrices.
  await page.evaluate(() => window.disarm.navigate('#/I00001'));
  await page.waitForFunction(() => window.disarm.state().page?.id === 'I00001');
  await page.evaluate(() => window.disarm.navigate('#/matrix/red'));
  await page.waitForFunction(() => window.disarm.state().matrix?.shown > 0);
  assert.ok((await distinctColours(page)) > 20, 'the matrix is drawn');
  await screenshot(page, 'bundle-matrix');

  // A deep link into the file, loaded fresh.
  const deep = await open(context, '#/T0154.002');
  assert.equal((await state(deep.page)).page.id, 'T0154.002');
  await screenshot(deep.page, 'bundle-deep-link');

  const elsewhere = attempted.filter((u) => u.split('#')[0] !== fileUrl);
  assert.deepEqual(elsewhere, [], 'no request outside the file was attempted');
  assert.ok(attempted.length >= 2, `the file's own loads are seen (${attempted.length})`);
  assert.deepEqual(errors, [], 'no console errors, so no Content-Security-Policy violation');
  assert.deepEqual(deep.errors, []);
  await context.close();
});

test('the bundle embeds too, and its "Open in full viewer" opens the file itself', { skip }, async () => {
  const { context, attempted } = await offlineContext();
  const { page, errors } = await open(context, '?embed=1#/T0154.002');
  const s = await state(page);
  assert.equal(s.embed, true);
  const link = s.links.find((l) => l.external);
  assert.equal(link.target, fileUrl + '#/T0154.002');
  const popup = context.waitForEvent('page');
  const [x, y, w, h] = link.rect;
  await page.mouse.move(x + w / 2, y + h / 2);
  await page.mouse.down();
  await page.mouse.up();
  const full = await popup;
  await full.waitForFunction(() => window.disarm && window.disarm.state, null, { timeout: 30000 });
  await full.evaluate(() => window.disarm.ready);
  assert.equal((await state(full)).embed, false);
  assert.equal((await state(full)).route, '#/T0154.002');
  assert.deepEqual(attempted.filter((u) => u.split(/[?#]/)[0] !== fileUrl), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged bundle says so on the page', { skip }, async () => {
  const damaged = path.join(temp, 'damaged.html');
  const html = fs.readFileSync(bundle, 'utf8').replace('id="disarm-wasm">', 'id="disarm-wasm">!!');
  fs.writeFileSync(damaged, html);
  const page = await browser.newPage();
  await page.goto(pathToFileURL(damaged).href);
  await page.waitForFunction(() => document.getElementById('problem').style.display === 'block', null, { timeout: 30000 });
  const text = await page.textContent('#problem-text');
  assert.match(text, /^The viewer could not be loaded: /);
  await page.close();
});

test('the bundle carries every release: another release and the changes page work offline', { skip }, async () => {
  const { context, attempted } = await offlineContext();
  const { page, errors } = await open(context, '#/0.9/T0016');
  let s = await state(page);
  assert.deepEqual(s.catalogue.map((e) => e.key), ['1.0', '0.9']);
  assert.equal(s.release.key, '0.9');
  assert.equal(s.page.title, 'Write bait headlines');
  await page.evaluate(() => window.disarm.navigate('#/changes/0.9..1.0'));
  await page.waitForFunction(() => window.disarm.state().route === '#/changes/0.9..1.0');
  s = await state(page);
  assert.equal(s.changes.counts.removed, 1);
  await screenshot(page, 'bundle-changes-offline');
  assert.deepEqual(attempted.filter((u) => u.split(/[?#]/)[0] !== fileUrl), []);
  assert.deepEqual(errors, []);
  await context.close();
});
