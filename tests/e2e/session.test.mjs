// A reader's whole visit: nothing goes wrong in the console, and the page
// asks nothing of anyone but the server it came from (nothing is sent
// anywhere, and it works on a closed school network).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAIN_SLIDERS, dragSlider, launchBrowser, mainSlider, openApp, startServer, waitForCharts, waitForRedraw, chartHashes,
} from './support/app.mjs';

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

test('a whole session: no console or page errors, and every request goes to the page\'s own server', { timeout: 90_000 }, async () => {
  const { context, page, problems, requests } = await openApp(browser, server);
  try {
    await waitForCharts(page);
    for (const slider of MAIN_SLIDERS) {
      const input = mainSlider(page, slider);
      const pixels = await chartHashes(page);
      await dragSlider(page, input, 0.95);
      await waitForRedraw(page, pixels);
      await dragSlider(page, input, 0.05);
    }
    const advanced = page.locator('details#advanced');
    if (await advanced.count()) {
      if (!(await advanced.evaluate((d) => d.open))) await advanced.locator('summary').click();
      const sliders = advanced.locator('input[type=range]');
      for (let i = 0; i < await sliders.count(); i++) {
        await sliders.nth(i).focus();
        await page.keyboard.press('End');
        await page.keyboard.press('Home');
      }
    }
    await page.locator('button#reset').click();
    // Follow every in-page link (sections, how-it-works) that stays on this page.
    const links = await page.locator('a[href^="#"]').all();
    for (const a of links.slice(0, 20)) if (await a.isVisible()) await a.click();
    // The model's CSV from the page's own API, as a reader's console would.
    await page.evaluate(() => window.wasmBindings.scenario_csv({ visa_restrictions: 60 }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

    assert.deepEqual(problems, [], 'console errors, page errors, failed or refused requests');
    assert.ok(requests.length > 0, 'requests were recorded');
    const foreign = requests.filter((u) => {
      const url = new URL(u);
      if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
      return url.origin !== server.origin;
    });
    assert.deepEqual(foreign, [], `requests that left ${server.origin}`);
  } finally {
    await context.close();
  }
});
