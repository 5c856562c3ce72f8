// Memory under many slider moves: a reader can move sliders for a long
// time on a phone. After the first 100 moves (caches, compiled code,
// first allocations), the JS heap and the wasm memory may grow by at most
// 5% over 2,000 more moves, each measured after a forced garbage
// collection. Unlike a time, this does not depend on the machine's load.
// (scripts/bench.sh measures 10,000 moves and prints every 1,000.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAIN_SLIDERS, launchBrowser, mainSlider, memoryUsage, moveSliders, openApp, startServer, waitForCharts } from './support/app.mjs';

const BUDGET_PERCENT = 5;

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

/**
 * Opens the page at `query`, moves its main sliders 100 times, then `moves`
 * more, and checks that the JS heap and the wasm memory grew at most
 * BUDGET_PERCENT in between (`options`: see moveSliders), then runs
 * `check(page)` if given.
 */
async function growthOverMoves(query, moves, options = {}, check = null) {
  // The wasm memory is reached through Trunk's start event.
  const app = await openApp(browser, { url: `${server.url}${query}` }, {}, () => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  try {
    const { page, context } = app;
    await waitForCharts(page);
    const handles = [];
    for (const s of MAIN_SLIDERS) handles.push(await mainSlider(page, s).elementHandle());
    const cdp = await context.newCDPSession(page);
    await moveSliders(page, handles, 100, options);
    const first = await memoryUsage(cdp, page);
    assert.ok(Number.isFinite(first.wasm) && first.wasm > 0, 'the wasm memory is measured');
    await moveSliders(page, handles, moves, { ...options, offset: 100 });
    const last = await memoryUsage(cdp, page);
    const growth = (a, b) => (100 * (b - a)) / a;
    const js = growth(first.js, last.js);
    const wasm = growth(first.wasm, last.wasm);
    console.log(`${query || 'no query'}: JS heap ${(first.js / 1e6).toFixed(2)} -> ${(last.js / 1e6).toFixed(2)} MB (${js.toFixed(1)}%), wasm ${(first.wasm / 1e6).toFixed(2)} -> ${(last.wasm / 1e6).toFixed(2)} MB (${wasm.toFixed(1)}%)`);
    assert.ok(js <= BUDGET_PERCENT, `JS heap grew ${js.toFixed(1)}%`);
    assert.ok(wasm <= BUDGET_PERCENT, `wasm memory grew ${wasm.toFixed(1)}%`);
    if (check) await check(page);
    assert.deepEqual(app.problems, [], 'no errors on the page');
  } finally {
    await app.context.close();
  }
}

test(`JS heap and wasm memory grow at most ${BUDGET_PERCENT}% over 2000 slider moves after the first 100`, { timeout: 180_000 }, async () => {
  await growthOverMoves('', 2000);
});

// With the uncertainty bands on, each scenario's 200 draws are computed in
// slices and the last builder is kept for the next (its draws' years
// before 2027): that memory is taken once, not again for every move.
test(`with bands on, JS heap and wasm memory grow at most ${BUDGET_PERCENT}% over 500 slider moves after the first 100, the bands drawn after every 10`, { timeout: 240_000 }, async () => {
  await growthOverMoves('?bands=1', 500, { waitForBands: true }, async (page) => {
    assert.ok(await page.evaluate(() => /runs/.test(document.getElementById('bands-note')?.textContent ?? '')), 'the last scenario\'s bands are drawn');
  });
});
