// A reader opens the page: the three charts are drawn at once, each with a
// one-line summary, and stay sharp on high-DPI screens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHARTS, launchBrowser, openApp, startServer, waitForCharts } from './support/app.mjs';

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

describe('opening the page', () => {
  test('all three charts are drawn and each has a one-line summary', { timeout: 60_000 }, async () => {
    const { context, page } = await openApp(browser, server);
    try {
      for (const chart of CHARTS) {
        const canvas = page.getByRole('img', { name: chart.name });
        assert.equal(await canvas.count(), 1, `one image named ${chart.name} (the #${chart.id} canvas)`);
        assert.equal(await canvas.evaluate((el) => `${el.tagName}#${el.id}`), `CANVAS#${chart.id}`);
        assert.ok(await canvas.isVisible(), `${chart.id} is visible`);
      }
      // Polls until drawn: fails if any canvas stays blank or any summary empty.
      await waitForCharts(page);
      const state = await page.evaluate((ids) => ids.map((id) => ({
        id,
        ink: window.__probe.ink(id),
        summary: document.getElementById(`${id}-summary`).textContent.trim(),
      })), CHARTS.map((c) => c.id));
      for (const { id, ink, summary } of state) {
        assert.ok(ink.share > 0.005, `${id}: more than 0.5% of the pixels drawn (got ${(ink.share * 100).toFixed(2)}%)`);
        assert.ok(ink.colours >= 3, `${id}: at least 3 colours (axes, curve, baseline), got ${ink.colours}`);
        assert.match(summary, /\d/, `${id}-summary states a figure: "${summary}"`);
      }
    } finally {
      await context.close();
    }
  });
});

describe('high-DPI screens', () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 780 }]) {
    test(`at ${viewport.width} px wide and devicePixelRatio 2 each canvas has twice its CSS size in pixels`, { timeout: 60_000 }, async () => {
      const { context, page } = await openApp(browser, server, { viewport, deviceScaleFactor: 2 });
      try {
        await waitForCharts(page);
        const ids = CHARTS.map((c) => c.id);
        // The app may size its canvases after layout settles: poll, then report.
        const sharp = () => page.evaluate((ids) => ids.map((id) => {
          const c = document.getElementById(id);
          const r = c.getBoundingClientRect();
          return { id, backing: [c.width, c.height], css: [r.width, r.height], dpr: window.devicePixelRatio };
        }), ids);
        await page.waitForFunction((ids) => ids.every((id) => {
          const c = document.getElementById(id);
          const r = c.getBoundingClientRect();
          return Math.abs(c.width - r.width * 2) <= 1 && Math.abs(c.height - r.height * 2) <= 1;
        }), ids, { timeout: 5_000, polling: 100 }).catch(() => {});
        for (const s of await sharp()) {
          assert.equal(s.dpr, 2);
          assert.ok(s.css[0] > 0 && s.css[1] > 0, `${s.id} has a CSS size`);
          assert.ok(Math.abs(s.backing[0] - s.css[0] * 2) <= 1, `${s.id}: backing width ${s.backing[0]} should be 2 x CSS width ${s.css[0]}`);
          assert.ok(Math.abs(s.backing[1] - s.css[1] * 2) <= 1, `${s.id}: backing height ${s.backing[1]} should be 2 x CSS height ${s.css[1]}`);
        }
      } finally {
        await context.close();
      }
    });
  }
});
