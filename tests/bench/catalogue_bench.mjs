// The catalogue of releases in headless Chromium, printed, not asserted (issue 12's figures):
// the size of what the hosted page sends (raw and gzip), the offline file's size, wasm memory
// after load and after every release was shown, and the time from asking for another release
// to the next frame drawn, for each release in turn (its snapshot parsed on first use, then
// shown again from memory).
// usage: node tests/bench/catalogue_bench.mjs VIEWER_DIR OFFLINE_FILE
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, openViewer } from '../e2e/browser.mjs';
import { startServer } from '../../scripts/static_server.mjs';

const [viewerDir, offlineFile] = process.argv.slice(2);
if (!viewerDir || !offlineFile) {
  console.error('usage: node tests/bench/catalogue_bench.mjs VIEWER_DIR OFFLINE_FILE');
  process.exit(2);
}

const kb = (n) => (n / 1024).toFixed(0) + ' KB';
let raw = 0;
let gzip = 0;
for (const name of ['index.html', 'disarm_viewer.js', 'disarm_viewer.wasm', ...fs.readdirSync(viewerDir).filter((f) => f.endsWith('.js') && f !== 'disarm_viewer.js')]) {
  const data = fs.readFileSync(path.join(viewerDir, name));
  raw += data.length;
  gzip += zlib.gzipSync(data, { level: 9 }).length;
}
console.log(`hosted page: ${kb(raw)} raw, ${kb(gzip)} gzip in all (target: gzip <= 1229 KB)`);
const offline = fs.statSync(offlineFile).size;
console.log(`offline file: ${(offline / 1048576).toFixed(2)} MB raw (target: <= 3 MB)`);

const server = await startServer(viewerDir, 0);
const browser = await launch();
try {
  const { page } = await openViewer(browser, server.url + '#/T0015');
  const state = () => page.evaluate(() => window.disarm.state());
  const first = await state();
  console.log(`releases: ${first.catalogue.map((e) => e.key).join(', ')} (default ${first.release.default})`);
  console.log(`wasm memory after load: ${(first.wasm_memory / 1048576).toFixed(1)} MiB (target: <= 48 MiB)`);
  // Time from navigate() to the next frame the viewer draws: the switch as a reader sees it.
  const switchTo = (hash) =>
    page.evaluate(async (h) => {
      const before = window.disarm.state().frames;
      const start = performance.now();
      window.disarm.navigate(h);
      const parsed = performance.now() - start;
      while (window.disarm.state().frames <= before) await new Promise((r) => requestAnimationFrame(r));
      return { parsed, frame: performance.now() - start };
    }, hash);
  for (const round of ['first time', 'again']) {
    for (const e of first.catalogue) {
      const t = await switchTo(`#/${e.key}/matrix/red`);
      console.log(`switch to ${e.key.padEnd(18)} (${round}): ${t.frame.toFixed(0)} ms to the next frame, ${t.parsed.toFixed(0)} ms of it before drawing (target: <= 100 ms)`);
    }
  }
  const last = await state();
  console.log(`wasm memory after showing every release: ${(last.wasm_memory / 1048576).toFixed(1)} MiB (target: <= 48 MiB)`);
} finally {
  await browser.close();
  await server.close();
}
