// Comparison: pin up to three scenarios, see them on every chart with a
// legend entry each, switch between levels and difference from the
// baseline; all of it survives a reload through the address.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHARTS, chartHashes, launchBrowser, openApp, startServer, waitForCharts, waitForRedraw } from './support/app.mjs';
import { pickPreset, settledQuery } from './support/scenarios.mjs';

let server;
let browser;
let app;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  app = await openApp(browser, server);
  await waitForCharts(app.page);
});
after(async () => {
  await app?.context.close();
  await browser?.close();
  await server?.stop();
});

test('three pins at most, each drawn on every chart and named in every legend', { timeout: 90_000 }, async () => {
  const { page } = app;
  const names = ['Full decoupling', 'An open door', 'China reaches compute parity'];
  for (const [i, name] of names.entries()) {
    await pickPreset(page, name);
    await page.waitForFunction((n) => document.getElementById('preset-status').textContent.trim() === n, name);
    const before = await chartHashes(page);
    await page.locator('#pin').click();
    await page.waitForFunction((n) => document.querySelectorAll('#pinned li').length === n, i + 1);
    await waitForRedraw(page, before);
  }
  await pickPreset(page, 'China funding surge');
  assert.ok(await page.locator('#pin').isDisabled(), 'a fourth pin is refused');
  for (const chart of CHARTS) {
    const legend = await page.locator(`#${chart.id} ~ .legend .legend-pin`).allTextContents();
    assert.deepEqual(legend, names.map((n, i) => `Pinned ${'ABC'[i]}: ${n}`), chart.id);
  }
  const query = await settledQuery(page);
  assert.match(query, /pin=decoupling&pin=open_door&pin=compute_parity/);
  await page.locator('#pinned li').nth(1).locator('button').click();
  await page.waitForFunction(() => document.querySelectorAll('#pinned li').length === 2);
  assert.ok(await page.locator('#pin').isEnabled());
  assert.match(await settledQuery(page), /pin=decoupling&pin=compute_parity/);
});

test('levels and difference from the baseline; the view survives a reload', { timeout: 90_000 }, async () => {
  const { page } = app;
  const before = await chartHashes(page);
  await page.locator('#view-difference').click();
  await waitForRedraw(page, before);
  assert.equal(await page.locator('#view-difference').getAttribute('aria-pressed'), 'true');
  for (const chart of CHARTS) {
    const legend = await page.locator(`#${chart.id} ~ .legend`).textContent();
    assert.match(legend, /zero line/, chart.id);
    assert.doesNotMatch(legend, /Observed/, `${chart.id}: observed levels are not drawn as differences`);
  }
  const query = await settledQuery(page);
  assert.match(query, /view=diff/);
  const diffPixels = await chartHashes(page);
  await page.reload();
  await waitForCharts(page);
  assert.equal(await page.locator('#pinned li').count(), 2);
  assert.equal(await page.locator('#view-difference').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await chartHashes(page), diffPixels, 'the same pictures after a reload');
  await page.locator('#view-level').click();
  await waitForRedraw(page, diffPixels);
  assert.doesNotMatch(await settledQuery(page), /view=/);
  assert.deepEqual(app.problems, []);
});
