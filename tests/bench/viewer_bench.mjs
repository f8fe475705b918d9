// The viewer's figures in headless Chromium (printed, not asserted): time from page load
// to the first interactive frame, CPU time per frame on the Red matrix and on the longest
// incident page, frames drawn while idle, and wasm memory after load.
// usage: node tests/bench/viewer_bench.mjs VIEWER_DIR   (see scripts/bench_viewer)
import { launch, openViewer } from '../e2e/browser.mjs';
import { startServer } from '../../scripts/static_server.mjs';

const dir = process.argv[2];
const server = await startServer(dir, 0);
const browser = await launch();
const state = (page) => page.evaluate(() => window.disarm.state());

// Page load to ready, best and median of several cold loads.
const loads = [];
for (let i = 0; i < 5; ++i) {
  const { page } = await openViewer(browser, server.url);
  loads.push(await page.evaluate(() => performance.now()));
  await page.close();
}
loads.sort((a, b) => a - b);

const { page } = await openViewer(browser, server.url);
const first = await state(page);
console.log(`data: ${first.framework.name}, ${first.framework.objects} objects`);
console.log(`load to first interactive frame: best ${loads[0].toFixed(0)} ms, median ${loads[2].toFixed(0)} ms`);
console.log(`wasm memory after load: ${(first.wasm_memory / 1048576).toFixed(1)} MiB`);

// Frames while the mouse moves over a page: each mouse move draws frames.
async function frameCost(route, label) {
  await page.evaluate((r) => window.disarm.navigate(r), route);
  await page.waitForTimeout(300);
  const before = (await state(page)).frame_ms;
  for (let i = 0; i < 60; ++i) await page.mouse.move(200 + (i % 30) * 20, 200 + (i % 7) * 30);
  await page.waitForTimeout(300);
  const after = (await state(page)).frame_ms;
  const n = after.count - before.count;
  console.log(`${label}: ${n} frames, ${((after.total - before.total) / n).toFixed(2)} ms CPU per frame ` +
              `(${((after.ui_total - before.ui_total) / n).toFixed(2)} ms of it building the UI)`);
}
await frameCost('#/matrix/red', 'red matrix');
// The incident with the most cited techniques.
await page.evaluate(() => window.disarm.navigate('#/kind/incident'));
const incidents = (await state(page)).kind_list.ids;
let longestId = incidents[0], most = -1;
for (const id of incidents) {
  await page.evaluate((r) => window.disarm.navigate(r), '#/' + id);
  const p = (await state(page)).page;
  if (p && p.citations > most) { most = p.citations; longestId = id; }
}
await frameCost('#/' + longestId, `longest incident page (${longestId}, ${most} techniques)`);

await page.mouse.move(5, 5);
await page.waitForTimeout(500);
const idle0 = (await state(page)).frame_ms.count;
await page.waitForTimeout(5000);
const idle1 = (await state(page)).frame_ms.count;
console.log(`frames drawn in 5 idle seconds: ${idle1 - idle0}`);

await browser.close();
await server.close();
