// Memory under many slider moves: a reader can move sliders for a long
// time on a phone. After the first 100 moves (caches, compiled code,
// first allocations), the JS heap and the wasm memory may grow by at most
// 5% over 2,000 more moves, each measured after a forced garbage
// collection. Unlike a time, this does not depend on the machine's load.
// (scripts/bench.sh measures 10,000 moves and prints every 1,000.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAIN_SLIDERS, launchBrowser, mainSlider, openApp, startServer, waitForCharts } from './support/app.mjs';

const MOVES = 2000;
const BUDGET_PERCENT = 5;

let server;
let browser;
let app;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The wasm memory is reached through Trunk's start event.
  app = await openApp(browser, server, {}, () => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  await waitForCharts(app.page);
});
after(async () => {
  await app?.context.close();
  await browser?.close();
  await server?.stop();
});

test(`JS heap and wasm memory grow at most ${BUDGET_PERCENT}% over ${MOVES} slider moves after the first 100`, { timeout: 180_000 }, async () => {
  const { page, context } = app;
  const handles = [];
  for (const s of MAIN_SLIDERS) handles.push(await mainSlider(page, s).elementHandle());
  const cdp = await context.newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? NaN);
    return { js: heap.usedSize, wasm };
  };
  // Moves in batches of 10, a frame after each so the charts are redrawn.
  const move = (count, offset) => page.evaluate(async ([els, count, offset]) => {
    for (let i = offset; i < offset + count; i++) {
      const el = els[i % els.length];
      const min = Number(el.min);
      const max = Number(el.max);
      el.value = String(min + ((max - min) * ((i * 37) % 101)) / 100);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      if (i % 10 === 9) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
  }, [handles, count, offset]);
  await move(100, 0);
  const first = await measure();
  assert.ok(Number.isFinite(first.wasm) && first.wasm > 0, 'the wasm memory is measured');
  await move(MOVES, 100);
  const last = await measure();
  const growth = (a, b) => (100 * (b - a)) / a;
  const js = growth(first.js, last.js);
  const wasm = growth(first.wasm, last.wasm);
  console.log(`JS heap ${(first.js / 1e6).toFixed(2)} -> ${(last.js / 1e6).toFixed(2)} MB (${js.toFixed(1)}%), wasm ${(first.wasm / 1e6).toFixed(2)} -> ${(last.wasm / 1e6).toFixed(2)} MB (${wasm.toFixed(1)}%)`);
  assert.ok(js <= BUDGET_PERCENT, `JS heap grew ${js.toFixed(1)}%`);
  assert.ok(wasm <= BUDGET_PERCENT, `wasm memory grew ${wasm.toFixed(1)}%`);
  assert.deepEqual(app.problems, [], 'no errors on the page');
});

// With the uncertainty bands on, each scenario's 200 draws are computed in
// slices and the last builder is kept for the next (its draws' years
// before 2027): that memory is taken once, not again for every move.
test(`with bands on, JS heap and wasm memory grow at most ${BUDGET_PERCENT}% over 500 slider moves after the first 100, the bands drawn after every 10`, { timeout: 240_000 }, async () => {
  const banded = await openApp(browser, { url: `${server.url}?bands=1` }, {}, () => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  try {
    const { page, context } = banded;
    await waitForCharts(page);
    const handles = [];
    for (const s of MAIN_SLIDERS) handles.push(await mainSlider(page, s).elementHandle());
    const cdp = await context.newCDPSession(page);
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? NaN);
      return { js: heap.usedSize, wasm };
    };
    // Ten moves, then wait until that scenario's bands are drawn.
    const move = (count, offset) => page.evaluate(async ([els, count, offset]) => {
      const drawn = () => /runs/.test(document.getElementById('bands-note')?.textContent ?? '');
      for (let i = offset; i < offset + count; i++) {
        const el = els[i % els.length];
        const min = Number(el.min);
        const max = Number(el.max);
        el.value = String(min + ((max - min) * ((i * 37) % 101)) / 100);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        if (i % 10 === 9) {
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const start = performance.now();
          while (!drawn() && performance.now() - start < 10_000) await new Promise((r) => setTimeout(r, 5));
        }
      }
    }, [handles, count, offset]);
    await move(100, 0);
    const first = await measure();
    assert.ok(Number.isFinite(first.wasm) && first.wasm > 0, 'the wasm memory is measured');
    await move(500, 100);
    const last = await measure();
    const growth = (a, b) => (100 * (b - a)) / a;
    const js = growth(first.js, last.js);
    const wasm = growth(first.wasm, last.wasm);
    console.log(`with bands: JS heap ${(first.js / 1e6).toFixed(2)} -> ${(last.js / 1e6).toFixed(2)} MB (${js.toFixed(1)}%), wasm ${(first.wasm / 1e6).toFixed(2)} -> ${(last.wasm / 1e6).toFixed(2)} MB (${wasm.toFixed(1)}%)`);
    assert.ok(await page.evaluate(() => /runs/.test(document.getElementById('bands-note')?.textContent ?? '')), 'the last scenario\'s bands are drawn');
    assert.ok(js <= BUDGET_PERCENT, `JS heap grew ${js.toFixed(1)}%`);
    assert.ok(wasm <= BUDGET_PERCENT, `wasm memory grew ${wasm.toFixed(1)}%`);
    assert.deepEqual(banded.problems, [], 'no errors on the page');
  } finally {
    await banded.context.close();
  }
});
