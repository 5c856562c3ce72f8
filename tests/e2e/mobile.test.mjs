// A reader on a phone (360 CSS px wide): nothing scrolls sideways and the
// sliders and charts are on screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHARTS, MAIN_SLIDERS, launchBrowser, mainSlider, openApp, startServer, waitForCharts } from './support/app.mjs';

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

test('on a 360 px wide phone the page does not scroll sideways and sliders and charts fit the screen', { timeout: 60_000 }, async () => {
  const { context, page } = await openApp(browser, server, {
    viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  try {
    await waitForCharts(page);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    }));
    assert.equal(innerWidth, 360, 'the layout viewport stays 360 px wide (a width=device-width viewport meta, and nothing wider than the screen making the phone zoom out)');
    assert.ok(scrollWidth <= 360, `document scrollWidth ${scrollWidth} <= 360`);

    const visibleInWidth = async (locator, what) => {
      await locator.scrollIntoViewIfNeeded();
      assert.ok(await locator.isVisible(), `${what} is visible`);
      const box = await locator.boundingBox();
      assert.ok(box && box.width > 0 && box.height > 0, `${what} has a size`);
      assert.ok(box.x >= 0 && box.x + box.width <= 360 + 0.5, `${what} lies within the 360 px screen (x ${box.x.toFixed(1)}, width ${box.width.toFixed(1)})`);
    };
    for (const s of MAIN_SLIDERS) await visibleInWidth(mainSlider(page, s), `the ${s.name} slider`);
    for (const c of CHARTS) await visibleInWidth(page.getByRole('img', { name: c.name }), `the ${c.id} chart`);
  } finally {
    await context.close();
  }
});
