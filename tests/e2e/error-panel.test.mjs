// "A panic is a bug: the page must never go blank." If the app ever hits an
// internal error, the reader gets a panel saying so, in the page's
// language, with a link that reloads the same scenario; the charts they
// were looking at stay on the page.
//
// The error is raised by `raise_internal_error_for_tests`, which only the
// test build has (`TEST_HOOKS=1 scripts/build.sh`, target/hooks-dist/: the
// release build's code plus the cargo feature `test-hooks`); the release
// build must not have it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHARTS, HOOKS_DIST, MAIN_SLIDERS, launchBrowser, mainSlider, openApp, startServer, waitForCharts, waitForRedraw, chartHashes } from './support/app.mjs';

let server;
let release;
let browser;
before(async () => {
  server = await startServer(HOOKS_DIST);
  release = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await release?.stop();
});

test('the release build has none of the test build\'s hooks', async () => {
  const { context, page } = await openApp(browser, release);
  try {
    await waitForCharts(page);
    const exported = await page.evaluate(() => Object.keys(window.wasmBindings));
    assert.ok(exported.includes('query_csv'), `the release build's own functions are there: ${exported}`);
    for (const hook of ['raise_internal_error_for_tests', 'model_run_time_ms']) {
      assert.ok(!exported.includes(hook), `${hook} is not in the release build`);
    }
  } finally {
    await context.close();
  }
});

test('an internal error shows a panel with a reload link to the same scenario, and the page stays', async () => {
  const { context, page } = await openApp(browser, server);
  try {
    await waitForCharts(page);
    // Move away from the baseline so that the scenario is in the address.
    const before = await chartHashes(page);
    await mainSlider(page, MAIN_SLIDERS[0]).focus();
    await page.keyboard.press('End');
    await waitForRedraw(page, before);
    await page.waitForFunction(() => location.search.includes('visa_restrictions='), null, { timeout: 5_000 });
    const address = page.url();

    const thrown = await page.evaluate(() => {
      try {
        window.wasmBindings.raise_internal_error_for_tests();
        return null;
      } catch (e) {
        return String(e);
      }
    });
    assert.ok(thrown, 'the error reaches the caller');

    const panel = page.getByRole('alert').filter({ hasText: /went wrong/i });
    await panel.waitFor({ timeout: 5_000 });
    assert.match(await panel.innerText(), /address/i, 'the panel says the scenario is kept');
    const link = panel.getByRole('link', { name: /reload/i });
    assert.equal(await link.getAttribute('href'), address, 'the reload link is the current scenario');
    for (const c of CHARTS) {
      assert.ok(await page.getByRole('img', { name: c.name }).isVisible(), `${c.id} is still on the page`);
    }

    await link.click();
    await page.waitForFunction(() => typeof window.wasmBindings === 'object' && window.wasmBindings !== null, null, { timeout: 20_000 });
    await waitForCharts(page);
    assert.equal(await page.locator('#error-panel').count(), 0, 'after reloading, no panel');
    assert.equal(await mainSlider(page, MAIN_SLIDERS[0]).inputValue(), await mainSlider(page, MAIN_SLIDERS[0]).evaluate((el) => el.max), 'the scenario came back');
  } finally {
    await context.close();
  }
});
