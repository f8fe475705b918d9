// The page's Content-Security-Policy is in force and the viewer lives within it: no
// violation while it starts and is used, while eval and requests to other sites are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useViewer, loadViewer, framesLater } from './browser.mjs';

const env = useViewer();

// Records every CSP violation the page reports, from its first script on.
async function openRecording(url) {
  const page = await env.browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, errors: await loadViewer(page, url) };
}

test('the viewer starts and runs within its Content-Security-Policy', async () => {
  const { page, errors } = await openRecording(env.server.url + '#/matrix/red');
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(policy, /'unsafe-eval'/);
  for (const route of ['#/T0154.002', '#/search?q=voice', '#/matrix/blue', '#/about'])
    await page.evaluate((r) => window.disarm.navigate(r), route);
  await page.mouse.move(300, 300);
  // Every page drawn, then a task of the page's own: a violation's event, queued as a task
  // when it happened, has been dispatched by then.
  await framesLater(page);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the policy refuses eval and requests to other sites', async () => {
  const { page } = await openRecording(env.server.url);
  const result = await page.evaluate(async () => {
    // Later, in a task of the page's own: DevTools lets code it evaluates itself use eval.
    const evalResult = await new Promise((resolve) => setTimeout(() => {
      try {
        resolve(String(window.eval('1 + 1')));
      } catch (e) {
        resolve('refused');
      }
    }));
    let fetchResult;
    try {
      await fetch('http://127.0.0.2:9/data.json');
      fetchResult = 'fetched';
    } catch (e) {
      fetchResult = 'refused';
    }
    await new Promise((resolve) => setTimeout(resolve, 200));  // violation events are queued tasks
    return { evalResult, fetchResult, violations: window.cspViolations };
  });
  assert.equal(result.evalResult, 'refused');
  assert.equal(result.fetchResult, 'refused');
  assert.ok(result.violations.some((v) => v.startsWith('script-src')), result.violations.join(', '));
  assert.ok(result.violations.some((v) => v.startsWith('connect-src')), result.violations.join(', '));
  await page.close();
});
