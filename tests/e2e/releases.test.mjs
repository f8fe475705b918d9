// Every DISARM release in ../shared/disarm (when it is there), imported by `disarm import` and
// opened with ?data=: its matrix and one object page, in the release's own words, with
// screenshots (screenshots/release-*.png) to look at. Skipped without the upstream data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openViewer, root, screenshot, viewerDir } from './browser.mjs';
import { startServer } from '../../scripts/static_server.mjs';

const shared = path.resolve(root, '../shared/disarm');
const disarmCli = path.join(root, 'build/native/shell/disarm');

// name, input, the object page to show, the words its matrix and page must use.
const releases = [
  { name: '1.6', input: 'generated_pages', object: 'T0016', framework: 'DISARM Red/Blue 1.x', kind: 'Technique' },
  { name: '1.4', input: 'releases/1.4/generated_pages', object: 'T0015', framework: 'DISARM Red/Blue 1.x', kind: 'Technique' },
  { name: '1.7-stix', input: 'releases/1.7-stix/DISARM.json', object: 'TA06', framework: 'DISARM Red/Blue 1.x', kind: 'Tactic' },
  { name: '2.0-observations', input: 'releases/2.0-observations/generated_pages', object: 'T0097', framework: 'DISARM 2.0 Observations', kind: 'Technique' },
  { name: '2.0-assessments', input: 'releases/2.0-assessments/generated_pages', object: 'A0001.001', framework: 'DISARM 2.0 Assessments', kind: 'Assessment' },
].filter((r) => fs.existsSync(path.join(shared, r.input)));

const env = {};
before(async () => {
  if (!releases.length) return;
  env.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disarm-releases-test-'));
  fs.cpSync(viewerDir, env.dir, { recursive: true });
  fs.mkdirSync(path.join(env.dir, 'releases'));
  for (const r of releases)
    execFileSync(disarmCli, ['import', path.join(shared, r.input), '-o', path.join(env.dir, 'releases', r.name + '.json')],
      { stdio: 'ignore' });
  env.server = await startServer(env.dir, 0);
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
  if (env.dir) fs.rmSync(env.dir, { recursive: true, force: true });
});

// Two frames later the canvas shows the page the state describes.
async function drawn(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function openRelease(r, fragment) {
  const { page, errors } = await openViewer(env.browser, `${env.server.url}?data=releases/${r.name}.json${fragment}`,
    { width: 1400, height: 900 });
  await page.evaluate(() => window.disarm.dataSettled());
  return { page, errors };
}

for (const r of releases) {
  test(`release ${r.name}: its matrix and ${r.object}, in its own words`, async () => {
    let { page, errors } = await openRelease(r, '#/matrix/red');
    let state = await page.evaluate(() => window.disarm.state());
    assert.equal(state.release.framework, r.framework);
    assert.ok(state.matrix, 'the matrix is shown');
    await drawn(page);
    await screenshot(page, `release-${r.name}-matrix`);
    const mirror = await page.evaluate(() => document.body.innerText);
    if (r.framework === 'DISARM 2.0 Assessments') {
      assert.match(mirror, /assessments by category/i);
      assert.doesNotMatch(mirror, /techniques by tactic/i);
    }
    await page.evaluate((id) => window.disarm.navigate('#/' + id), r.object);
    await page.waitForFunction((id) => window.disarm.state().page?.id === id, r.object);
    state = await page.evaluate(() => window.disarm.state());
    assert.equal(state.page.kind_label, r.kind);
    await drawn(page);
    await screenshot(page, `release-${r.name}-object`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
