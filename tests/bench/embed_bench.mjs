// The embed's first-frame time (printed, not asserted): from the host page creating the
// iframe (?embed=1, 480x320) to the host hearing the viewer's first "disarm:shown", which
// the viewer posts once its first frame is drawn and it takes input.
// usage: node tests/bench/embed_bench.mjs VIEWER_DIR   (see scripts/bench_embed)
import { launch } from '../e2e/browser.mjs';
import { startHosts } from '../e2e/embed_host.mjs';

const sites = await startHosts(process.argv[2]);
const browser = await launch();
const runs = [];
for (let i = 0; i < 7; ++i) {
  const page = await browser.newPage({ viewport: { width: 560, height: 420 } });
  await page.goto(sites.host.url + 'host.html');
  const src = `${sites.viewer.url}index.html?embed=1&host=${sites.host.origin}#/T0154.002`;
  await page.evaluate((s) => window.embed(s, 480, 320), src);
  await page.waitForFunction(() => window.received.some((m) => m.data.type === 'disarm:shown'), null, { timeout: 60000 });
  runs.push(await page.evaluate(() => window.received.find((m) => m.data.type === 'disarm:shown').at - window.createdAt));
  await page.close();
}
runs.sort((a, b) => a - b);
console.log(`embed first frame (iframe created to viewer ready), ${runs.length} runs: ` +
            `best ${runs[0].toFixed(0)} ms, median ${runs[runs.length >> 1].toFixed(0)} ms, worst ${runs[runs.length - 1].toFixed(0)} ms`);
await browser.close();
await sites.close();
