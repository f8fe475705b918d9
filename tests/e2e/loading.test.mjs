// How the page loads: the server compresses and revalidates as a real host does, the page's
// scripts do not block rendering, and window.disarm.state() says where start-up time went.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useViewer, openViewer, distinctColours } from './browser.mjs';

const env = useViewer();

test('the server sends compressed files with an ETag, and 304 when the copy is current', async () => {
  const url = env.server.url + 'disarm_viewer.wasm';
  const raw = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
  const bytes = new Uint8Array(await raw.arrayBuffer());
  assert.equal(raw.headers.get('content-encoding'), null);
  assert.deepEqual([...bytes.slice(0, 4)], [0, 0x61, 0x73, 0x6d], 'a wasm module');

  for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip']]) {
    const r = await fetch(url, { headers: { 'Accept-Encoding': accept } });
    assert.equal(r.headers.get('content-encoding'), encoding);
    assert.equal(r.headers.get('vary'), 'Accept-Encoding');
    assert.equal(r.headers.get('cache-control'), 'no-cache');
    // fetch inflates the body: the same bytes arrive, in fewer on the wire.
    const body = new Uint8Array(await r.arrayBuffer());
    assert.equal(body.length, bytes.length);
    assert.ok(Number(r.headers.get('content-length')) < bytes.length * 0.7, `${encoding} is smaller`);
    const again = await fetch(url, { headers: { 'Accept-Encoding': accept, 'If-None-Match': r.headers.get('etag') } });
    assert.equal(again.status, 304);
  }
  const png = await fetch(env.server.url + 'nothing-here.png');
  assert.equal(png.status, 404);
});

test('scripts are deferred, and state() reports each start-up phase', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url);
  const blocking = await page.evaluate(() =>
    [...document.querySelectorAll('script[src]')].filter((s) => !s.defer && !s.async).map((s) => s.src));
  assert.deepEqual(blocking, []);
  const { startup } = await page.evaluate(() => window.disarm.state());
  for (const phase of ['scripts_at_ms', 'loader_js_ms', 'fetch_ms', 'compile_ms', 'instantiate_ms', 'context_ms',
                       'parse_ms', 'index_ms', 'fonts_ms', 'gl_objects_ms', 'first_ui_ms', 'first_frame_ms',
                       'ready_at_ms'])
    assert.ok(Number.isFinite(startup[phase]) && startup[phase] >= 0, `${phase}: ${startup[phase]}`);
  assert.ok(startup.ready_at_ms >= startup.scripts_at_ms, 'ready comes after the scripts start');
  assert.ok(startup.atlas[0] > 0 && startup.atlas[1] > 0, 'the font atlas has a size');
  assert.deepEqual(errors, []);
});

test('the first frames only lay out; ready comes with the first picture on the canvas', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(env.server.url + '#/T0001');
  await page.waitForFunction(() => window.disarm && window.disarm.state);
  // At ready, before any further frame: the picture is already there, not a blank canvas.
  const atReady = await page.evaluate(() => window.disarm.ready.then(() => window.disarm.state()));
  assert.equal(atReady.frame_ms.layout_only, 2, 'two frames laid out without drawing');
  assert.ok(atReady.frames > atReady.frame_ms.layout_only, 'and a frame was drawn before ready');
  assert.ok(atReady.startup.first_frame_ms > 0, 'the first frame shown is timed');
  assert.ok(await distinctColours(page) > 4, 'the canvas shows the page');
  await page.close();
});
