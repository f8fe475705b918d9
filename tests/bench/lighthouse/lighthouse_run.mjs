// Lighthouse (mobile preset, its default) on one address, in Debian's Chromium with the
// browser tests' flags: what a web engineer's first check of the viewer says. For
// tests/bench/viewer_bench.mjs; needs this folder's npm packages (scripts/bench_viewer).
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../../e2e/browser.mjs';

// Audits that matter for loading, named when they fail.
const WATCHED = [
  'render-blocking-resources',
  'uses-text-compression',
  'uses-passive-event-listeners',
  'unused-javascript',
  'uses-long-cache-ttl',
  'total-byte-weight',
  'bootup-time',
  'mainthread-work-breakdown',
  'font-display',
];

export async function runLighthouse(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const { categories, audits } = result.lhr;
    const scores = {};
    for (const [id, c] of Object.entries(categories)) scores[id] = Math.round(c.score * 100);
    const flagged = [];
    for (const id of WATCHED) {
      const a = audits[id];
      if (!a || a.score === null || a.score >= 0.9) continue;
      const saving = a.details && a.details.overallSavingsBytes ? `, ${(a.details.overallSavingsBytes / 1024).toFixed(0)} KB saving` : '';
      // Where, for the audits that name places (a script, a listener's source line).
      const where = ((a.details && a.details.items) || []).slice(0, 4).map((item) => {
        const s = item.source;
        if (s && s.url) return `${s.url.split('/').pop()}:${s.line + 1}`;
        return item.url ? item.url.split('/').pop() : '';
      }).filter(Boolean);
      flagged.push(`${a.title}${a.displayValue ? ` (${a.displayValue}` + saving + ')' : ''}` +
                   (where.length ? `: ${where.join(', ')}` : ''));
    }
    for (const [id, a] of Object.entries(audits))
      if (a.score === 0 && a.scoreDisplayMode === 'binary' && !WATCHED.includes(id)) flagged.push(a.title);
    // A metric Lighthouse could not compute (its trace engine sometimes finds no largest
    // contentful paint) is null, with its reason in `problems`, and scores the category 0.
    const metric = (id) => (audits[id] && typeof audits[id].numericValue === 'number' ? audits[id].numericValue : null);
    const problems = ['total-blocking-time', 'interactive', 'first-contentful-paint', 'largest-contentful-paint']
      .filter((id) => metric(id) === null)
      .map((id) => `${id}: ${(audits[id] && audits[id].errorMessage) || 'not measured'}`);
    // The element Lighthouse took for the largest paint: the loading screen's title, or
    // something later that outgrew it.
    const lcpItems = (audits['largest-contentful-paint-element'] || {}).details;
    const lcpNode = lcpItems && lcpItems.items && lcpItems.items[0] && lcpItems.items[0].items
      ? lcpItems.items[0].items[0].node : null;
    return {
      scores,
      lcpElement: lcpNode ? `${lcpNode.selector} ("${lcpNode.nodeLabel}")` : null,
      tbt: metric('total-blocking-time'),
      tti: metric('interactive'),
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      problems,
      flagged,
    };
  } finally {
    await chrome.kill();
  }
}
