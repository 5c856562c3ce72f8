// What drives the results, in the release build: the evidence ledger lists
// every parameter of the model's table (read from crates/model/src/params.rs,
// not typed here), moving a slider brings a "why did it change" sentence that
// names it (and resetting hides it), and the sensitivity (tornado) chart is
// drawn and named for assistive technology.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAIN_SLIDERS, dragSlider, launchBrowser, mainSlider, openApp, readRepoFile, startServer, waitForCharts } from './support/app.mjs';

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

/** Every parameter key of the PARAMS table, in table order. */
function paramKeys() {
  const src = readRepoFile('crates/model/src/params.rs');
  const start = src.indexOf('pub const PARAMS');
  assert.ok(start >= 0, 'PARAMS table found');
  const table = src.slice(start, src.indexOf('];', start));
  const keys = [...table.matchAll(/row\(ParamId::\w+,\s*"([a-z0-9_]+)"/g)].map((m) => m[1]);
  assert.ok(keys.length > 10, 'the table has rows');
  return keys;
}

test('the evidence ledger lists every parameter of the table, with its kind, range and sources', { timeout: 60_000 }, async () => {
  const keys = paramKeys();
  const { context, page, problems } = await openApp(browser, server);
  try {
    await waitForCharts(page);
    const ledger = page.locator('details#ledger');
    assert.equal(await ledger.count(), 1, 'there is a <details id="ledger">');
    assert.equal(await ledger.evaluate((d) => d.open), false, 'folded at first');
    assert.equal(await ledger.locator('tbody tr').count(), 0, 'its table is not built while folded');
    await ledger.locator('summary').click();
    assert.equal(await ledger.evaluate((d) => d.open), true, 'opens');
    await ledger.locator('tbody tr').first().waitFor();
    const rowKeys = await ledger.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.key));
    assert.deepEqual(rowKeys, keys, 'one row per parameter, in table order');
    const visa = ledger.locator('tr[data-key="visa_restrictions"]');
    assert.match(await visa.textContent(), /US visa restrictions.*Policy lever/);
    const href = await visa.locator('a').first().getAttribute('href');
    assert.match(href, /^#fact-/);
    assert.equal(await page.locator(href).count(), 1, `${href} is an entry of the Sources section`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('moving the visa slider brings a sentence naming visa restrictions; reset hides it', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp(browser, server);
  try {
    await waitForCharts(page);
    const why = page.locator('#why-changed');
    assert.equal(await why.count(), 0, 'nothing to explain at the baseline');
    await dragSlider(page, mainSlider(page, MAIN_SLIDERS[0]), 0.8);
    await why.waitFor({ state: 'visible', timeout: 10_000 });
    const sentences = await why.locator('li').allTextContents();
    assert.equal(sentences.length, 3, 'one sentence per headline outcome');
    assert.match(sentences[0], /^Share of the 2019 cohort still in the US in 2035: \d+%, against \d+% at baseline \(.*percentage points\)\. Mostly from: US visa restrictions/);
    assert.ok(sentences.some((s) => /US visa restrictions/.test(s)));
    await page.locator('#reset').click();
    await why.waitFor({ state: 'detached', timeout: 5_000 });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the sensitivity chart is drawn, named and summarised, and follows the scenario', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp(browser, server);
  try {
    await waitForCharts(page);
    const canvas = page.getByRole('img', { name: /^Sensitivity/ });
    assert.equal(await canvas.count(), 1, 'a canvas with role img named "Sensitivity…"');
    await canvas.scrollIntoViewIfNeeded();
    const inkOf = () => page.evaluate(() => {
      const c = document.getElementById('chart-tornado');
      if (!c || !c.width || !c.height) return 0;
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) inked++;
      return inked / (d.length / 4);
    });
    await page.waitForFunction(() => Number(document.getElementById('chart-tornado')?.dataset.rows) > 0, null, { timeout: 10_000 });
    await page.waitForFunction(() => {
      const c = document.getElementById('chart-tornado');
      return c && c.width > 0;
    });
    const ink = await inkOf();
    assert.ok(ink > 0.02, `the tornado has ink (${ink})`);
    const summary = page.locator('#chart-tornado-summary');
    const before = await summary.textContent();
    assert.match(before, /^Share of the 2019 cohort still in the US in 2035 with your settings: \d+%\. It moves most with .+% to \d+%/);
    // China's funding (the second headline slider) moves the cohort's share in
    // 2035 by points; visa restrictions act mostly on newcomers, and move it
    // by less than the summary's rounding.
    await dragSlider(page, mainSlider(page, MAIN_SLIDERS[1]), 0.9);
    await page.waitForFunction((b) => document.getElementById('chart-tornado-summary')?.textContent !== b, before, { timeout: 10_000 });

    // Another outcome and year: the ranking, the name and the units follow.
    await page.locator('#tornado-outcome').selectOption({ label: 'New Chinese students starting US graduate school' });
    await page.locator('#tornado-year').selectOption('2050');
    await page.waitForFunction(() => /^New Chinese students starting US graduate school in 2050 with your settings: [\d,]+ a year\. It moves most with .+ a year to [\d,]+ a year/
      .test(document.getElementById('chart-tornado-summary')?.textContent ?? ''), null, { timeout: 10_000 });
    assert.match(await canvas.getAttribute('aria-label'), /^Sensitivity chart\. New Chinese students starting US graduate school in 2050:/);
    assert.ok(await inkOf() > 0.02, 'redrawn with ink');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
