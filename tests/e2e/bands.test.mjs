// Uncertainty bands: the switch shades 50% and 90% ranges around every
// curve, the address keeps it, the bands belong to the scenario on screen
// (recomputed after a slider moves, never left around another curve), and
// the exported CSV carries exactly the band columns of
// `talentflow run --draws 200 --seed 1`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  CHARTS, MAIN_SLIDERS, chartHashes, launchBrowser, mainSlider, openApp, runCli, startServer,
  waitForCharts, waitForRedraw,
} from './support/app.mjs';
import { settledQuery } from './support/scenarios.mjs';

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

async function downloadedText(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync(await download.path(), 'utf8');
}

const bandsReady = (page) => page.waitForFunction(() => {
  const note = document.getElementById('bands-note');
  return note && /runs/.test(note.textContent);
}, null, { timeout: 20_000 });

test('the switch shades every chart with the bands and the address keeps it', { timeout: 90_000 }, async () => {
  const app = await openApp(browser, server);
  try {
    const { page } = app;
    await waitForCharts(page);
    const plain = await chartHashes(page);
    await page.locator('#show-bands').check();
    await bandsReady(page);
    const shaded = await waitForRedraw(page, plain, 10_000);
    for (const chart of CHARTS) assert.notEqual(shaded[chart.id], plain[chart.id], `${chart.id} shows bands`);
    assert.match(await settledQuery(page), /(^|&)bands=1(&|$)/);
    assert.match(await page.locator('#bands-note').textContent(), /200 runs/);

    // A reload keeps them on, and draws the same pixels.
    await page.reload();
    await waitForCharts(page);
    assert.ok(await page.locator('#show-bands').isChecked());
    await bandsReady(page);
    await page.waitForFunction((want) => Object.entries(want).every(([id, h]) => window.__probe.hash(id) === h), shaded, { timeout: 10_000 });

    await page.locator('#show-bands').uncheck();
    await page.waitForFunction((want) => Object.entries(want).every(([id, h]) => window.__probe.hash(id) === h), plain, { timeout: 10_000 });
    assert.doesNotMatch(await settledQuery(page), /bands=/);
    assert.deepEqual(app.problems, []);
  } finally {
    await app.context.close();
  }
});

test('after a slider moves the bands are recomputed for the new scenario, never left around another curve', { timeout: 90_000 }, async () => {
  const app = await openApp(browser, server);
  try {
    const { page } = app;
    await waitForCharts(page);
    await page.locator('#show-bands').check();
    await bandsReady(page);
    const before = await chartHashes(page);
    const slider = mainSlider(page, MAIN_SLIDERS[0]);
    await slider.focus();
    await page.keyboard.press('End');
    // The central curve moves at once; until the new bands are ready the
    // note says so and no band is drawn.
    await page.waitForFunction(() => /Computing/.test(document.getElementById('bands-note')?.textContent ?? ''), null, { timeout: 5_000 })
      .catch(() => { /* the bands may already be ready on a fast machine */ });
    await bandsReady(page);
    const after = await waitForRedraw(page, before);
    // The bands shown are those of the scenario now on screen: the same
    // pixels as opening its address afresh.
    const query = await settledQuery(page);
    const fresh = await openApp(browser, server);
    try {
      await fresh.page.goto(`${server.url}?${query}`);
      await waitForCharts(fresh.page);
      await bandsReady(fresh.page);
      await fresh.page.waitForFunction((want) => Object.entries(want).every(([id, h]) => window.__probe.hash(id) === h), await chartHashes(page), { timeout: 10_000 });
    } finally {
      await fresh.context.close();
    }
    assert.ok(after);
  } finally {
    await app.context.close();
  }
});

test('the exported CSV with bands is exactly talentflow run --draws 200 --seed 1', { timeout: 90_000 }, async () => {
  const app = await openApp(browser, server);
  try {
    const { page } = app;
    await page.goto(`${server.url}?visa_restrictions=45&compute_ratio=20&bands=1`);
    await waitForCharts(page);
    await bandsReady(page);
    // A few quick moves: each scenario's draws take over the last ones'
    // years before 2027, some of them abandoned part of the way through.
    const slider = mainSlider(page, MAIN_SLIDERS[0]);
    await slider.focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft']) await page.keyboard.press(key);
    const query = await settledQuery(page);
    assert.match(query, /visa_restrictions=47(&|$)/);
    await bandsReady(page);
    const text = await downloadedText(page, () => page.locator('#download-csv').click());
    const body = text.split('\n').filter((l) => !l.startsWith('# ')).join('\n');
    const cli = await runCli(['run', '--query', query, '--draws', '200', '--seed', '1']);
    assert.equal(cli.status, 0, cli.stderr);
    const header = body.split('\n')[0];
    assert.match(header, /cohort2019_in_us_p05,cohort2019_in_us_p25,cohort2019_in_us_p50,cohort2019_in_us_p75,cohort2019_in_us_p95/);
    assert.ok(body === cli.stdout, 'the browser\'s bands equal the command line\'s for the same draws and seed');
  } finally {
    await app.context.close();
  }
});
