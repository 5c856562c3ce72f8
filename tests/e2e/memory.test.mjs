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
    // Waited for, not read at once: on a loaded machine the last batch's
    // bands can take longer than moveSliders waits for each batch.
    const drawn = await page.waitForFunction(() => /runs/.test(document.getElementById('bands-note')?.textContent ?? ''), null, { timeout: 60_000 }).then(() => true, () => false);
    assert.ok(drawn, 'the last scenario\'s bands are drawn (within a minute)');
  });
});

// A link copied, a scenario file opened: each waits for a promise of the
// browser's (the clipboard's write, the file's text), as does each message
// file the page fetches. Those waits are futures that let go of their
// callbacks once settled. A leak grows with every copy and file, while
// caches, compiled code and the allocator's first pages are taken in the
// first few hundred; so the memory is read after 1,000 of each and again
// after 3,000 more. Over those 3,000 the JS heap may grow at most 5% and
// the wasm memory at most two 64 KiB pages (about 22 bytes a copy and
// file). The wasm memory grows in jumps: the allocator takes pages only
// when its free space runs out, and runs of 5,000 flat were seen to end
// in one jump of two pages, so a span of one page over 1,000 failed on a
// loaded machine by chance. A leak of the size the hand-made callbacks had
// (+33% JS, +8% wasm per 1,000) fails both limits several times over.
// Every copy and every file is awaited until it has settled, so no write
// still in flight is counted. (A message file is fetched once per
// language and pack, through the same wait, so it cannot be repeated
// here.)
const WASM_PAGE = 65_536;
const WASM_PAGES = 2;
const ROUNDS = 3;
test(`JS heap grows at most ${BUDGET_PERCENT}% and wasm memory at most ${WASM_PAGES} pages over ${ROUNDS * 1000} link copies and ${ROUNDS * 1000} opened scenario files after the first 1000 of each`, { timeout: 600_000 }, async () => {
  const app = await openApp(browser, server, {}, () => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
    // Counts the clipboard writes asked for and settled, so the test can
    // wait for every one of them (the app's code is not touched).
    window.__writes = { asked: 0, settled: 0 };
    const write = Clipboard.prototype.writeText;
    Clipboard.prototype.writeText = function (text) {
      window.__writes.asked++;
      const p = write.call(this, text);
      p.then(() => { window.__writes.settled++; }, () => { window.__writes.settled++; });
      return p;
    };
  });
  try {
    const { page, context } = app;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await waitForCharts(page);
    await page.locator('#copy-link').waitFor();
    const cdp = await context.newCDPSession(page);
    // `count` copies, each awaited until its write has settled and the page
    // has had a turn to say how it went.
    const copy = (count) => page.evaluate(async (count) => {
      for (let i = 0; i < count; i++) {
        const before = window.__writes.asked;
        document.getElementById('copy-link').click();
        const start = performance.now();
        while (window.__writes.asked === before || window.__writes.settled < window.__writes.asked) {
          if (performance.now() - start > 5_000) throw new Error(`copy ${i} did not settle`);
          await new Promise((r) => setTimeout(r, 0));
        }
        await new Promise((r) => setTimeout(r, 0));
      }
      if (!document.querySelector('.share [role=status]')?.textContent) throw new Error('the page did not say the link was copied');
    }, count);
    // `count` files opened, each awaited until the page says it opened it.
    const open = (count, from) => page.evaluate(async ([count, from]) => {
      for (let i = from; i < from + count; i++) {
        // Looked up each time: the page may have built it anew.
        const input = document.getElementById('load-file');
        const name = `file ${i}`;
        const text = JSON.stringify({ format: 'talentflow-scenario', name, settings: { visa_restrictions: 20 + (i % 50) } });
        const files = new DataTransfer();
        files.items.add(new File([text], `${i}.json`, { type: 'application/json' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        const start = performance.now();
        while (!document.getElementById('keep-message')?.textContent.includes(`“${name}”`)) {
          if (performance.now() - start > 5_000) throw new Error(`${name} was not opened`);
          await new Promise((r) => setTimeout(r, 0));
        }
      }
    }, [count, from]);
    await copy(1000);
    await open(1000, 0);
    const first = await memoryUsage(cdp, page);
    assert.ok(Number.isFinite(first.wasm) && first.wasm > 0, 'the wasm memory is measured');
    for (let r = 1; r <= ROUNDS; r++) {
      await copy(1000);
      await open(1000, r * 1000);
    }
    const last = await memoryUsage(cdp, page);
    const mb = (b) => (b / 1e6).toFixed(3);
    const js = (100 * (last.js - first.js)) / first.js;
    const wasm = last.wasm - first.wasm;
    console.log(`copies and files: JS heap ${mb(first.js)} -> ${mb(last.js)} MB (${js.toFixed(1)}%), wasm ${mb(first.wasm)} -> ${mb(last.wasm)} MB (+${wasm} bytes)`);
    assert.ok(js <= BUDGET_PERCENT, `JS heap grew ${js.toFixed(1)}% over ${ROUNDS * 1000} copies and files`);
    assert.ok(wasm <= WASM_PAGES * WASM_PAGE, `wasm memory grew ${wasm} bytes over ${ROUNDS * 1000} copies and files`);
    assert.deepEqual(app.problems, [], 'no errors on the page');
  } finally {
    await app.context.close();
  }
});
