// Shared set-up of the browser tests: Debian's Chromium through playwright-core (it never
// downloads a browser), a loopback server for the built viewer, and screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/static_server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const viewerDir = process.env.DISARM_VIEWER_DIR || path.join(root, 'build/web/web');
export const screenshotDir = path.join(here, 'screenshots');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

export async function serveViewer() {
  if (!fs.existsSync(path.join(viewerDir, 'disarm_viewer.wasm')))
    throw new Error(`${viewerDir} has no built viewer: build the web preset first`);
  return startServer(viewerDir, 0);
}

// Opens the viewer and waits for window.disarm.ready. Collects page errors for the caller.
export async function openViewer(browser, url, viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1) {
  const page = await browser.newPage({ viewport, deviceScaleFactor });
  return { page, errors: await loadViewer(page, url) };
}

// Loads the viewer into a page the caller set up, and waits for it to be ready. Returns the
// page errors and console errors, collected from then on.
export async function loadViewer(page, url) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.disarm && window.disarm.state, null, { timeout: 30000 });
  await page.evaluate(() => window.disarm.ready);
  return errors;
}

export async function screenshot(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, name + '.png');
  await page.screenshot({ path: file });
  return file;
}

// Counts distinct colours on a coarse grid of the canvas: a blank page has one or two.
export async function distinctColours(page) {
  const seen = new Set();
  for (const row of await screenPixels(page, undefined, 3)) for (const p of row) seen.add(p.join());
  return seen.size;
}

// Wakes the viewer and waits until it has drawn `count` more frames. Whatever it was sent
// before has been applied and drawn by then: the positive signal a check that something did
// not happen waits for, in place of a fixed sleep.
export async function framesLater(page, count = 3) {
  const start = await page.evaluate(() => window.disarm.state().frames);
  await page.evaluate(() => window.disarmPage.module().ccall('disarm_api_wake', null, [], []));
  await page.waitForFunction((f) => window.disarm.state().frames >= f, start + count);
}

// Moves the pointer and waits for a frame drawn with it there, so ImGui has seen the hover
// before a press, as it would under a person's hand.
export async function pointTo(page, x, y) {
  const start = await page.evaluate(() => window.disarm.state().frames);
  await page.mouse.move(x, y);
  await page.waitForFunction((f) => window.disarm.state().frames >= f, start + 2);
}

// Waits until the viewer shows `route` and has drawn it: what a frame drew (its links and
// buttons) belongs to the page it drew, and a click in it may already have opened the next.
// `where` is a page or an embed's frame.
export async function routeIs(where, route) {
  await where.waitForFunction((r) => {
    const s = window.disarm.state();
    return s.route === r && s.drawn_route === r;
  }, route, { timeout: 5000 });
}

// Presses the button the viewer drew with `label` (window.disarm.state().buttons) as a person
// does: once it is on screen and has stayed put for two frames (a change made through the API,
// an import or a notice, may move it in the next frame), the pointer arrives, then presses.
export async function pressButton(page, label) {
  const buttonRect = (l) => JSON.stringify(window.disarm.state().buttons.find((b) => b.label === l)?.rect ?? null);
  await page.waitForFunction((l) => window.disarm.state().buttons.some((b) => b.label === l), label, { timeout: 5000 });
  let rect = await page.evaluate(buttonRect, label);
  for (let i = 0; i < 20; ++i) {
    await framesLater(page, 2);
    const again = await page.evaluate(buttonRect, label);
    if (again === rect) break;
    rect = again;
  }
  const [x, y, w, h] = JSON.parse(rect);
  await pointTo(page, x + w / 2, y + h / 2);
  await page.mouse.down();
  await page.mouse.up();
}

// Pastes a layer's text into the selection panel's box (the panel open), as the page's paste
// event delivers it, and imports it.
export async function pasteLayer(page, text) {
  await pressButton(page, 'Paste layer JSON\u2026');
  await pressButton(page, 'Layer JSON box');
  await page.waitForFunction(() => window.disarm.state().typing, null, { timeout: 5000 });
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
  await pressButton(page, 'Import');
}

// What event handlers record (refused requests, messages), with a wait for an entry that
// resolves when the handler records it: no polling.
export class Recorder {
  constructor() {
    this.items = [];
    this.waiters = [];
  }
  push(item) {
    this.items.push(item);
    this.waiters = this.waiters.filter((w) => !(w.match(item) && (w.resolve(item), true)));
  }
  waitFor(match, timeout = 5000) {
    const found = this.items.find(match);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Recorder: no matching entry in time')), timeout);
      this.waiters.push({ match, resolve: (item) => { clearTimeout(timer); resolve(item); } });
    });
  }
}

// The screen's pixels in `clip` (CSS pixels: {x, y, width, height}; the whole page when
// undefined), every `step`th in each direction, as rows of [r, g, b]: for checks that read
// what is drawn where the viewer says it drew something.
export async function screenPixels(page, clip, step = 1) {
  const png = await page.screenshot({ clip });
  return page.evaluate(async ([b64, step]) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, c.width, c.height).data;
    const rows = [];
    for (let y = 0; y < c.height; y += step) {
      const row = [];
      for (let x = 0; x < c.width; x += step) {
        const i = (y * c.width + x) * 4;
        row.push([data[i], data[i + 1], data[i + 2]]);
      }
      rows.push(row);
    }
    return rows;
  }, [png.toString('base64'), step]);
}

// How many pixels are within `tolerance` (per channel) of `colour`.
export function countNear(rows, colour, tolerance = 24) {
  let n = 0;
  for (const row of rows)
    for (const p of row) if (p.every((v, i) => Math.abs(v - colour[i]) <= tolerance)) ++n;
  return n;
}

// How many pixels differ clearly from the region's most common colour (its background): ink.
export function inkedPixels(rows) {
  const counts = new Map();
  for (const row of rows) for (const p of row) counts.set(p.join(), (counts.get(p.join()) || 0) + 1);
  const background = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
  let n = 0;
  for (const row of rows)
    for (const p of row) if (p.reduce((sum, v, i) => sum + Math.abs(v - background[i]), 0) > 90) ++n;
  return n;
}

// One browser and one server for a test file, started before its tests and closed after:
// `const env = useViewer();` then `env.browser` and `env.server` inside the tests.
export function useViewer() {
  const env = {};
  before(async () => {
    env.server = await serveViewer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
