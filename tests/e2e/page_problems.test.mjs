// When the browser lacks what the viewer needs, the page says so in plain HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useViewer, screenshot } from './browser.mjs';

const env = useViewer();

async function problemText(init) {
  const page = await env.browser.newPage();
  await page.addInitScript(init);
  await page.goto(env.server.url);
  await page.waitForSelector('#problem', { state: 'visible', timeout: 10000 });
  const text = await page.textContent('#problem');
  const ready = await page.evaluate(() => window.disarm.ready.then(() => 'resolved', (e) => 'rejected: ' + e.message));
  return { page, text, ready };
}

test('without WebGL2 the page explains, and ready rejects', async () => {
  const { page, text, ready } = await problemText(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  assert.match(text, /WebGL2/);
  assert.match(ready, /^rejected: .*WebGL2/);
  await screenshot(page, 'problem-no-webgl2');
});

test('without WebAssembly the page explains', async () => {
  const { text, ready } = await problemText(() => { delete window.WebAssembly; });
  assert.match(text, /WebAssembly/);
  assert.match(ready, /^rejected/);
});

test('a missing wasm file is reported, not a blank canvas', async () => {
  const page = await env.browser.newPage();
  await page.route('**/disarm_viewer.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(env.server.url);
  await page.waitForSelector('#problem', { state: 'visible', timeout: 10000 });
  assert.match(await page.textContent('#problem'), /could not be loaded.*HTTP 404/);
});
