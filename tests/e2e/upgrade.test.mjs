// Carrying a selection forward: a Navigator layer made on the sample's release 0.9, dropped on
// the viewer showing 1.0, opens the upgrade page; some changed techniques are accepted and
// some skipped with the mouse, a reload resumes the review from the address, and "Use this
// selection" makes the result the working selection. A pasted layer or a share link made on 0.9
// starts the same review; a layer of a release the viewer lacks, or of a newer one, only warns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useViewer, openViewer, screenshot, framesLater, pressButton, pasteLayer } from './browser.mjs';

const env = useViewer();

const state = (page) => page.evaluate(() => window.disarm.state());
const until = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 5000 });
const tall = { width: 1280, height: 1500 };

// A layer as this viewer writes one on the sample's 0.9: our record of the release in its metadata.
function layerMadeOn(version, techniques) {
  return JSON.stringify({
    name: 'Seen in the spring campaign',
    versions: { attack: '1', navigator: '4.9.1', layer: '4.5' },
    domain: 'disarm-v1.6',
    description: 'Written by the upgrade test.',
    techniques: techniques.map((t) => ({ enabled: true, ...t })),
    metadata: [
      { name: 'framework', value: 'Sample framework (DISARM-shaped)' },
      { name: 'release', value: version },
    ],
  });
}

// On 0.9: T0002 as it stays, T0016 renamed in 1.0, T0086 reworded, T0146 moved, T0045 removed.
const springLayer = layerMadeOn('0.9', [
  { techniqueID: 'T0002', score: 10, comment: 'planning seen' },
  { techniqueID: 'T0016', score: 70, comment: 'bait headlines on two sites' },
  { techniqueID: 'T0086', comment: 'edited photos' },
  { techniqueID: 'T0146' },
  { techniqueID: 'T0045', score: 40, comment: 'by text message' },
]);

// A real drop of a file onto the canvas.
async function dropFile(page, name, text) {
  const transfer = await page.evaluateHandle(({ name, text }) => {
    const t = new DataTransfer();
    t.items.add(new File([text], name, { type: 'application/json' }));
    return t;
  }, { name, text });
  await page.dispatchEvent('#canvas', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('#canvas', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer: transfer });
  return page.evaluate(() => window.disarm.dataSettled());
}

const decisions = (s) => Object.fromEntries(s.upgrade.changed.map((c) => [c.id, c.decision]));

test('an old layer is upgraded: some changes accepted, some skipped, resumed after a reload, then used', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/matrix/red', tall);
  const [, result] = await dropFile(page, 'spring-0.9.json', springLayer);
  assert.equal(result.ok, true);
  assert.match(result.message, /made on release 0\.9: review what changed in 1\.0 to carry its 5 techniques forward/);
  await until(page, () => window.disarm.state().upgrade !== undefined);
  let s = await state(page);
  assert.match(s.route, /^#\/upgrade\/0\.9\?sel=[A-Za-z0-9_-]+$/);
  assert.equal(s.upgrade.problem, '');
  assert.deepEqual(s.upgrade.carried, ['T0002']);
  assert.deepEqual(s.upgrade.removed, ['T0045']);
  assert.deepEqual(decisions(s), { T0016: 'not yet reviewed', T0146: 'not yet reviewed', T0086: 'not yet reviewed' });
  assert.equal(s.upgrade.to_review, 3);
  assert.equal(s.upgrade.reviewed, 0);
  assert.equal(s.selection.count, 0, 'nothing is selected until the result is used');
  await screenshot(page, 'upgrade-light');
  // Decisions replace the history entry rather than adding one each: back leaves the review.
  const entries = s.history.size;

  await pressButton(page, 'Accept T0016');
  await until(page, () => window.disarm.state().upgrade?.reviewed === 1);
  await pressButton(page, 'Skip T0146');
  await until(page, () => window.disarm.state().upgrade?.reviewed === 2);
  s = await state(page);
  assert.deepEqual(decisions(s), { T0016: 'accepted', T0146: 'skipped', T0086: 'not yet reviewed' });
  assert.match(s.route, /&ok=T0016&skip=T0146$/);
  // The count is on the page, not only in the state.
  await until(page, () => document.getElementById('page-text').textContent.includes('Reviewed 2 of 3 changed techniques'));
  assert.equal(s.history.size, entries);

  await page.reload();
  await page.waitForFunction(() => window.disarm && window.disarm.state, null, { timeout: 30000 });
  await page.evaluate(() => window.disarm.ready);
  await until(page, () => window.disarm.state().upgrade !== undefined);
  s = await state(page);
  assert.deepEqual(decisions(s), { T0016: 'accepted', T0146: 'skipped', T0086: 'not yet reviewed' }, 'kept over a reload');
  assert.equal(s.upgrade.reviewed, 2);

  // Per group: every description change accepted at once.
  await pressButton(page, 'Accept all description');
  await until(page, () => window.disarm.state().upgrade?.reviewed === 3);
  await screenshot(page, 'upgrade-all-reviewed');
  await pressButton(page, 'Use this selection (3 techniques)');
  await until(page, () => window.disarm.state().route === '#/matrix/red');
  s = await state(page);
  assert.deepEqual(s.selection.items, [
    { id: 'T0002', score: 10, comment: 'planning seen' },
    { id: 'T0016', score: 70, comment: 'bait headlines on two sites' },
    { id: 'T0086', score: null, comment: 'edited photos' },
  ]);
  assert.match(s.selection.notice, /Carried 3 techniques forward from 0\.9 to 1\.0: 1 unchanged, 2 changed and accepted\. Left out: 1 changed \(skipped or not reviewed\), 1 no longer in 1\.0\./);
  await screenshot(page, 'upgrade-result-matrix');
  assert.deepEqual(errors, []);
});

test('the upgrade page in the dark theme, from window.disarm.importLayer', async () => {
  const page = await env.browser.newPage({ viewport: tall, colorScheme: 'dark' });
  await page.goto(env.server.url + '#/matrix/red');
  await page.waitForFunction(() => window.disarm && window.disarm.state, null, { timeout: 30000 });
  await page.evaluate(() => window.disarm.ready);
  const message = await page.evaluate((l) => window.disarm.importLayer(l), springLayer);
  assert.match(message, /made on release 0\.9/);
  await until(page, () => window.disarm.state().upgrade !== undefined);
  await pressButton(page, 'Accept T0016');
  await until(page, () => window.disarm.state().upgrade?.reviewed === 1);
  assert.equal((await state(page)).theme, 'dark');
  await screenshot(page, 'upgrade-dark');
});

test('a 0.9 layer pasted into the selection panel starts the same review', async () => {
  const { page, errors } = await openViewer(env.browser, env.server.url + '#/matrix/red');
  await pressButton(page, 'Selection (0)');
  await pasteLayer(page, springLayer);
  await until(page, () => window.disarm.state().upgrade !== undefined);
  const s = await state(page);
  assert.match(s.route, /^#\/upgrade\/0\.9\?sel=/);
  assert.equal(s.upgrade.to_review, 3);
  assert.equal(s.selection.count, 0);
  assert.deepEqual(errors, []);
});

test('a share link made on 0.9 starts the same review; a stale address says what is wrong', async () => {
  const { page: maker } = await openViewer(env.browser, env.server.url + '#/0.9/matrix/red');
  await maker.evaluate((l) => window.disarm.importLayer(l), springLayer);
  const link = await maker.evaluate(() => window.disarm.shareLink());
  assert.match(link, /#\/0\.9\/matrix\/red\?sel=/);

  const { page, errors } = await openViewer(env.browser, link, tall);
  await until(page, () => window.disarm.state().upgrade !== undefined);
  let s = await state(page);
  assert.match(s.route, /^#\/upgrade\/0\.9\?sel=/);
  assert.equal(s.upgrade.to_review, 3);

  // A decision for a technique not under review, and a release the viewer lacks.
  await page.evaluate((r) => window.disarm.navigate(r), s.route + '&ok=T0002,T0016');
  await until(page, () => window.disarm.state().upgrade?.notes.length === 1);
  s = await state(page);
  assert.match(s.upgrade.notes[0], /T0002.* not among the changed techniques/);
  assert.equal(decisions(s).T0016, 'accepted');
  await page.evaluate(() => window.disarm.navigate('#/upgrade/0.5?sel=AQ'));
  await until(page, () => window.disarm.state().upgrade?.problem !== '');
  assert.match((await state(page)).upgrade.problem, /holds no release .0\.5.\. It holds 1\.0, 0\.9/);
  await screenshot(page, 'upgrade-problem');
  assert.deepEqual(errors, []);
});

test('a layer of a release the viewer lacks, or of a newer one, is imported with a warning, as before', async () => {
  const { page } = await openViewer(env.browser, env.server.url + '#/matrix/red');
  const message = await page.evaluate((l) => window.disarm.importLayer(l),
    layerMadeOn('0.5', [{ techniqueID: 'T0002' }]));
  assert.match(message, /Imported 1 technique from the layer\. This layer was made on .*0\.5/);
  await framesLater(page);
  const s = await state(page);
  assert.equal(s.upgrade, undefined);
  assert.equal(s.route, '#/matrix/red');
  assert.deepEqual(s.selection.items.map((i) => i.id), ['T0002']);

  // Made on 1.0, opened while 0.9 is shown: nothing to carry forward, so today's warning.
  await page.evaluate(() => window.disarm.navigate('#/0.9/matrix/red'));
  await until(page, () => window.disarm.state().release.key === '0.9');
  const newer = await page.evaluate((l) => window.disarm.importLayer(l), layerMadeOn('1.0', [{ techniqueID: 'T0016' }]));
  assert.match(newer, /Imported 1 technique from the layer\. This layer was made on .*1\.0, not on .*0\.9/);
  await framesLater(page);
  assert.equal((await state(page)).upgrade, undefined);
});
