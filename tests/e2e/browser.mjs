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
  const png = await page.screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const seen = new Set();
    const data = g.getImageData(0, 0, c.width, c.height).data;
    for (let y = 0; y < c.height; y += 3)
      for (let x = 0; x < c.width; x += 3) {
        const i = (y * c.width + x) * 4;
        seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
    return seen.size;
  }, png.toString('base64'));
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
