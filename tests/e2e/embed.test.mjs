// Embed mode: the viewer at 480x320 in a course page's iframe, driven by postMessage from an
// allowed origin, deaf to a foreign one, with minimal chrome and a way out to the full viewer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, viewerDir, screenshot, screenshotDir, distinctColours, routeIs } from './browser.mjs';
import { startHosts } from './embed_host.mjs';

let browser, sites;
before(async () => {
  sites = await startHosts(viewerDir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await sites?.close();
});

// Opens host.html on `hostSite` with the viewer in an iframe; returns the page, the frame and
// the console errors of both.
async function openHost(hostSite, query, fragment = '#/T0154.002', size = [480, 320]) {
  const page = await browser.newPage({ viewport: { width: 560, height: 420 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(hostSite.url + 'host.html');
  const src = `${sites.viewer.url}index.html?${query}${fragment}`;
  await page.evaluate(([s, w, h]) => window.embed(s, w, h), [src, ...size]);
  const frame = await (await page.waitForSelector('#embed')).contentFrame();
  await frame.waitForFunction(() => window.disarm && window.disarm.state, null, { timeout: 30000 });
  await frame.evaluate(() => window.disarm.ready);
  return { page, frame, errors };
}

const received = (page) => page.evaluate(() => window.received.filter((m) => m.data !== 'test:probe-back'));

// The positive signal for "nothing happened": the host sends a probe after its messages, and
// the frame answers it to the host. Messages from one window to another arrive in order, so
// once the answer is back the viewer has handled all the host sent before, and whatever it
// posted in reply has arrived.
async function roundTrip(page, frame, origin) {
  const before = await page.evaluate(() => window.received.filter((m) => m.data === 'test:probe-back').length);
  await frame.evaluate(() => {
    if (window.probing) return;
    window.probing = true;
    window.addEventListener('message', (e) => { if (e.data === 'test:probe') parent.postMessage('test:probe-back', '*'); });
  });
  await page.evaluate((o) => window.send('test:probe', o), origin);
  await page.waitForFunction((n) => window.received.filter((m) => m.data === 'test:probe-back').length > n, before);
}
const shownIds = async (page) => (await received(page)).filter((m) => m.data.type === 'disarm:shown').map((m) => m.data.id);

test('an allowed host drives the embed by postMessage and hears what it shows', async () => {
  const { page, frame, errors } = await openHost(sites.host, `embed=1&host=${sites.host.origin}`);
  const state = await frame.evaluate(() => window.disarm.state());
  assert.equal(state.embed, true);
  assert.equal(state.page.id, 'T0154.002');
  assert.equal(state.search_box.rect[2], 0, 'no search box in the embed');
  assert.deepEqual(await frame.evaluate(() => [innerWidth, innerHeight]), [480, 320]);

  // The first page is announced once ready, to the host's origin only.
  await page.waitForFunction(() => window.received.some((m) => m.data.type === 'disarm:shown'));
  const first = (await received(page))[0];
  assert.equal(first.origin, sites.viewer.origin);
  assert.deepEqual(first.data, { type: 'disarm:shown', route: '#/T0154.002', id: 'T0154.002',
                                 title: 'T0154.002 AI media service \u2013 DISARM' });
  await screenshot(page, 'embed-host-480x320');
  await (await page.$('#embed')).screenshot({ path: path.join(screenshotDir, 'embed-480x320.png') });

  await page.evaluate((o) => window.send({ type: 'disarm:navigate', route: '#/T0086' }, o), sites.viewer.origin);
  await frame.waitForFunction(() => window.disarm.route() === '#/T0086');
  await page.waitForFunction(() => window.received.some((m) => m.data.id === 'T0086'));
  const shown = (await received(page)).find((m) => m.data.id === 'T0086').data;
  assert.deepEqual(shown, { type: 'disarm:shown', route: '#/T0086', id: 'T0086', title: 'T0086 Make synthetic images \u2013 DISARM' });

  // A bare ID works too, and a matrix page has no id.
  await page.evaluate((o) => window.send({ type: 'disarm:navigate', route: 'I00001' }, o), sites.viewer.origin);
  await frame.waitForFunction(() => window.disarm.route() === '#/I00001');
  await page.evaluate((o) => window.send({ type: 'disarm:navigate', route: '#/matrix/red' }, o), sites.viewer.origin);
  await page.waitForFunction(() => window.received.some((m) => m.data.route === '#/matrix/red'));
  assert.equal((await received(page)).find((m) => m.data.route === '#/matrix/red').data.id, null);

  // Asked which page is shown, the viewer answers.
  const before = (await received(page)).length;
  await page.evaluate((o) => window.send({ type: 'disarm:state' }, o), sites.viewer.origin);
  await page.waitForFunction((n) => window.received.length > n, before);
  assert.equal((await received(page))[before].data.route, '#/matrix/red');

  // Garbage is ignored without a word.
  for (const junk of [null, 'disarm:navigate', 42, [], {}, { type: 7 }, { type: 'disarm:navigate' },
                      { type: 'disarm:navigate', route: 5 }, { type: 'disarm:navigate', route: '' },
                      { type: 'disarm:navigate', route: '#/' + 'x'.repeat(5000) }, { type: 'disarm:frob' }])
    await page.evaluate(([m, o]) => window.send(m, o), [junk, sites.viewer.origin]);
  await roundTrip(page, frame, sites.viewer.origin);
  assert.equal(await frame.evaluate(() => window.disarm.route()), '#/matrix/red');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page from another origin is not obeyed, nor told anything', async () => {
  // Embedded by the foreign origin, but only the course's origin is allowed.
  const { page, frame, errors } = await openHost(sites.foreign, `embed=1&host=${sites.host.origin}`);
  await page.evaluate((o) => window.send({ type: 'disarm:navigate', route: '#/T0086' }, o), sites.viewer.origin);
  await page.evaluate((o) => window.send({ type: 'disarm:state' }, o), sites.viewer.origin);
  await roundTrip(page, frame, sites.viewer.origin);
  assert.equal(await frame.evaluate(() => window.disarm.route()), '#/T0154.002');
  assert.deepEqual(await received(page), [], 'the viewer posts nothing to an origin it does not trust');
  // The viewer itself still navigates by its own links and API.
  await frame.evaluate(() => window.disarm.navigate('#/T0088'));
  await frame.waitForFunction(() => window.disarm.route() === '#/T0088');
  await roundTrip(page, frame, sites.viewer.origin);
  assert.deepEqual(await received(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('without ?host= only the viewer\'s own origin is obeyed', async () => {
  const same = await openHost(sites.viewer, 'embed=1');
  assert.equal(await same.page.evaluate(() => document.activeElement === document.body), true,
               'the embed takes no focus from its host page as it starts');
  await same.page.evaluate((o) => window.send({ type: 'disarm:navigate', route: '#/C00012' }, o), sites.viewer.origin);
  await same.frame.waitForFunction(() => window.disarm.route() === '#/C00012');
  await same.page.waitForFunction(() => window.received.some((m) => m.data.id === 'C00012'));
  assert.deepEqual(same.errors, []);
  await same.page.close();

  const other = await openHost(sites.host, 'embed=1');
  await other.page.evaluate((o) => window.send({ type: 'disarm:navigate', route: '#/C00012' }, o), sites.viewer.origin);
  await roundTrip(other.page, other.frame, sites.viewer.origin);
  assert.equal(await other.frame.evaluate(() => window.disarm.route()), '#/T0154.002');
  assert.deepEqual(await shownIds(other.page), []);
  assert.deepEqual(other.errors, []);
  await other.page.close();
});

test('links navigate inside the embed; "Open in full viewer" opens the full page in a new tab', async () => {
  const { page, frame, errors } = await openHost(sites.host, `embed=1&host=${sites.host.origin}`);
  const box = await (await page.$('#embed')).boundingBox();
  const click = async (link) => {
    const [x, y, w, h] = link.rect;
    await page.mouse.move(box.x + x + w / 2, box.y + y + h / 2);
    // A person's pointer rests on a link before pressing: the viewer notes what is under the
    // pointer when it draws, and the page opens an external link from that note.
    await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.mouse.down();
    await page.mouse.up();
  };
  const links = await frame.evaluate(() => window.disarm.links());
  const parent = links.find((l) => l.target === 'T0154');
  assert.ok(parent, 'the parent technique is linked on screen');
  await click(parent);
  await routeIs(frame, '#/T0154');
  await page.waitForFunction(() => window.received.some((m) => m.data.id === 'T0154'));

  const open = (await frame.evaluate(() => window.disarm.links())).find((l) => l.external && l.target.includes('#/T0154'));
  assert.ok(open, 'the full-viewer link is on screen');
  assert.equal(open.target, `${sites.viewer.url}index.html#/T0154`);
  const popup = page.context().waitForEvent('page');
  await click(open);
  const full = await popup;
  await full.waitForFunction(() => window.disarm && window.disarm.state, null, { timeout: 30000 });
  await full.evaluate(() => window.disarm.ready);
  const state = await full.evaluate(() => window.disarm.state());
  assert.equal(state.embed, false);
  assert.equal(state.route, '#/T0154');
  assert.ok(state.search_box.rect[2] > 0, 'the full viewer has its search box');
  await full.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the embed follows its iframe\'s size', async () => {
  const { page, frame, errors } = await openHost(sites.host, 'embed=1');
  const canvasSize = () => frame.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.deepEqual(await canvasSize(), [480, 320]);
  await page.evaluate(() => { const f = document.getElementById('embed'); f.width = 360; f.height = 240; });
  await frame.waitForFunction(() => document.getElementById('canvas').width === 360);
  assert.deepEqual(await canvasSize(), [360, 240]);
  await page.evaluate(() => { const f = document.getElementById('embed'); f.width = 520; f.height = 380; });
  await frame.waitForFunction(() => document.getElementById('canvas').height === 380);
  assert.deepEqual(await canvasSize(), [520, 380]);
  assert.ok((await distinctColours(page)) > 20, 'the resized embed still draws');
  await screenshot(page, 'embed-resized');
  assert.deepEqual(errors, []);
  await page.close();
});
