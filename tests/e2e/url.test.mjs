// A link carries the whole state: every setting round-trips through the
// address; a damaged address gives a notice and a working page; dragging
// does not flood the history.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAIN_SLIDERS, dragSlider, launchBrowser, mainSlider, openApp, runCli, startServer, waitForCharts } from './support/app.mjs';
import { pageCsv, realProblems, settledQuery } from './support/scenarios.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(query) {
  const app = await openApp(browser, server);
  await app.page.goto(`${server.url}?${query}`);
  await app.page.waitForFunction(() => typeof window.wasmBindings === 'object' && window.wasmBindings !== null);
  await waitForCharts(app.page);
  return app;
}

const VERSION = '1.3.0';
const FULL = [
  'visa_restrictions=61', 'china_ai_funding=3.3', 'compute_ratio=13', 'scrutiny_climate=55', 'us_research_funding=0.85',
  'pay_gap=4.5', 'ecosystem_loop=1.4', 'policy_start_year=2031', 'preset=decoupling', 'pin=open_door',
  'pin=visa_restrictions:70,compute_ratio:40', 'view=diff', `v=${VERSION}`,
].join('&');

describe('the whole state in the address', () => {
  test('every setting round-trips: the page opened with a full link rewrites the same link', { timeout: 60_000 }, async () => {
    const app = await open(FULL);
    try {
      assert.equal(await settledQuery(app.page), FULL);
      assert.equal(await app.page.locator('#param-visa_restrictions-value').textContent(), '61%');
      assert.equal(await app.page.locator('#param-policy_start_year-value').textContent(), '2031');
      assert.match(await app.page.locator('#preset-status').textContent(), /Full decoupling \(modified\)/);
      assert.equal(await app.page.locator('#pinned li').count(), 2);
      assert.equal(await app.page.locator('#view-difference').getAttribute('aria-pressed'), 'true');
      assert.equal(await app.page.locator('#notices').count(), 0, 'no notice for a clean link');
      const cli = await runCli(['run', '--query', FULL]);
      assert.ok(cli.stdout === await pageCsv(app.page), 'the CLI agrees with the page for the full link');
      assert.deepEqual(realProblems(app), []);
    } finally {
      await app.context.close();
    }
  });

  test('the baseline has only the model version in its address; a drag writes its value without adding history entries', { timeout: 60_000 }, async () => {
    const app = await openApp(browser, server);
    try {
      await waitForCharts(app.page);
      assert.equal(await settledQuery(app.page), `v=${VERSION}`);
      const length = await app.page.evaluate(() => history.length);
      await dragSlider(app.page, mainSlider(app.page, MAIN_SLIDERS[0]), 0.8);
      const query = await settledQuery(app.page);
      assert.match(query, /^visa_restrictions=\d+&v=/);
      assert.equal(await app.page.evaluate(() => history.length), length, 'replaceState, not pushState');
      await app.page.reload();
      await waitForCharts(app.page);
      assert.equal(await settledQuery(app.page), query, 'a reload restores the same state');
    } finally {
      await app.context.close();
    }
  });
});

// Each damaged address: the page works (charts drawn, sliders in range,
// no errors), a notice says what was mended, and the address is mended.
const DAMAGED = [
  { query: 'visa_restrictions=1000', notice: /outside its range/, fixed: 'visa_restrictions=90' },
  { query: 'visa_restrictions=-5', notice: /outside its range/, fixed: 'visa_restrictions=0' },
  { query: 'compute_ratio=abc', notice: /not a number/, fixed: `v=${VERSION}` },
  { query: 'compute_ratio=', notice: /not a number/, fixed: `v=${VERSION}` },
  { query: 'china_ai_funding=NaN', notice: /not a number/, fixed: `v=${VERSION}` },
  { query: 'utm_source=newsletter', notice: /Ignored “utm_source”/, fixed: `v=${VERSION}` },
  { query: 'v=0.0.1&visa_restrictions=40', notice: /model 0\.0\.1/, fixed: 'visa_restrictions=40' },
  { query: 'preset=no_such_story', notice: /Ignored preset=no_such_story/, fixed: `v=${VERSION}` },
  { query: 'pin=nonsense:1', notice: /Ignored “nonsense”/, fixed: 'pin=today' },
  { query: 'pin=today&pin=open_door&pin=decoupling&pin=compute_parity', notice: /Only 3 scenarios/, fixed: 'pin=today&pin=open_door&pin=decoupling' },
  { query: 'view=sideways', notice: /Ignored view=sideways/, fixed: `v=${VERSION}` },
  { query: 'layout=poster', notice: /Ignored layout=poster/, fixed: `v=${VERSION}` },
  { query: 'only=beta_pay', notice: /Ignored only=beta_pay/, fixed: `v=${VERSION}` },
  { query: '%E0%A4%A=%%%&&=&visa_restrictions=5%30', notice: /Ignored/, fixed: 'visa_restrictions=50' },
];

describe('damaged addresses', () => {
  for (const { query, notice, fixed } of DAMAGED) {
    test(`?${query}: a notice, a working page and a mended address`, { timeout: 60_000 }, async () => {
      const app = await open(query);
      try {
        const text = await app.page.locator('#notices').textContent();
        assert.match(text, notice);
        const mended = await settledQuery(app.page);
        assert.ok(mended.startsWith(fixed) || mended.includes(fixed), `${mended} carries ${fixed}`);
        const ranges = await app.page.evaluate(() => [...document.querySelectorAll('input[type=range]')].every((i) => Number(i.value) >= Number(i.min) && Number(i.value) <= Number(i.max)));
        assert.ok(ranges, 'every slider inside its track');
        await app.page.locator('#notices-dismiss').click();
        assert.equal(await app.page.locator('#notices').count(), 0, 'the notice can be dismissed');
        const cli = await runCli(['run', '--query', query]);
        assert.equal(cli.status, 0, 'the CLI mends the same link');
        assert.ok(cli.stdout === await pageCsv(app.page), 'and gives the same numbers');
        assert.deepEqual(realProblems(app), []);
      } finally {
        await app.context.close();
      }
    });
  }
});
