// Where a first visit's main-thread time goes after the wasm arrives, on
// the newsroom budgets' phone network (150 ms round trip, 1.6 Mbit/s,
// CPU 4x slower; a new browser profile each visit). Traces each visit
// with Chromium's tracing and prints, for the page and the embed:
//
// - when the wasm arrived and when a chart was first drawn by the app;
// - the main thread's busy time between the two;
// - of that, the time spent compiling wasm functions on their first call
//   (Chromium compiles a module's functions lazily, on the main thread,
//   the first time each runs: `wasm.CompileLazy`), and how many;
// - and the time spent on styles and layout (the first layout of a page
//   in a new renderer loads its fonts).
//
// A figure per change that the wall-clock budgets (tests/e2e/bench.mjs,
// section 5) cannot resolve under a shared machine's noise: CPU time on
// the main thread moves far less with the load than the times do.
// Reports only; never fails.
//
// Env: DIST_DIR (default dist), VISITS (default 3).
import { DIST, PHONE_NETWORK, launchBrowser, recordDrawing, startFileServer } from './support/app.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const VISITS = Number(process.env.VISITS || 3);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };

const server = await startFileServer(DIST, { compress: 'gzip' });
const browser = await launchBrowser();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'first-visit-'));
try {
  for (const [what, query, viewport] of [['the page', '', { width: 1280, height: 900 }], ['the embed', '?layout=embed', { width: 412, height: 860 }]]) {
    const rows = [];
    for (let v = 0; v < VISITS; v++) {
      const context = await browser.newContext({ viewport, locale: 'en-US' });
      const page = await context.newPage();
      await page.addInitScript(recordDrawing);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PHONE_NETWORK });
      const file = path.join(tmp, `trace-${v}.json`);
      await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.wasm', 'blink.user_timing'] });
      await page.goto(server.url + query, { waitUntil: 'commit' });
      await page.waitForFunction(() => (window.__draws || []).length > 0 && !document.documentElement.classList.contains('loading'), null, { timeout: 60_000, polling: 50 });
      const { firstDraw, wasmEnd } = await page.evaluate(() => {
        const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
        return { firstDraw: window.__draws[0], wasmEnd: wasm ? wasm.responseEnd : NaN };
      });
      await browser.stopTracing();
      await context.close();

      const events = JSON.parse(fs.readFileSync(file, 'utf8')).traceEvents;
      fs.rmSync(file);
      const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith('http'));
      const compiles = events.filter((e) => e.name === 'wasm.CompileLazy');
      if (!nav || !compiles.length) throw new Error('the trace has no navigation or no wasm compilation on first call');
      const main = `${compiles[0].pid}:${compiles[0].tid}`;
      const at = (e) => (e.ts - nav.ts) / 1000;
      const onMain = (e) => `${e.pid}:${e.tid}` === main && e.ph === 'X';
      const inWindow = (e) => onMain(e) && at(e) >= wasmEnd && at(e) <= firstDraw;
      // The main thread's tasks, clipped to the window, nested ones counted once.
      const tasks = events.filter((e) => e.name === 'RunTask' && onMain(e) && at(e) + e.dur / 1000 > wasmEnd && at(e) < firstDraw)
        .map((e) => [Math.max(at(e), wasmEnd), Math.min(at(e) + e.dur / 1000, firstDraw)])
        .sort((a, b) => a[0] - b[0]);
      let busy = 0;
      let until = -Infinity;
      for (const [start, end] of tasks) {
        if (end > until) { busy += end - Math.max(start, until); until = end; }
      }
      const lazy = compiles.filter(inWindow);
      const layout = events.filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && inWindow(e));
      rows.push({
        wasmEnd,
        firstDraw,
        busy,
        lazy: lazy.reduce((n, e) => n + e.dur / 1000, 0),
        functions: lazy.length,
        layout: layout.reduce((n, e) => n + e.dur / 1000, 0),
      });
    }
    const m = (k) => median(rows.map((r) => r[k]));
    console.log(`${what} (median of ${VISITS}): the wasm arrived at ${m('wasmEnd').toFixed(0)} ms, the app first drew at ${m('firstDraw').toFixed(0)} ms; `
      + `main thread busy ${m('busy').toFixed(0)} ms in between, of which compiling wasm functions on their first call ${m('lazy').toFixed(0)} ms (${m('functions')} functions), styles and layout ${m('layout').toFixed(0)} ms`);
    for (const r of rows) console.log(`   visit: arrived ${r.wasmEnd.toFixed(0)}, drew ${r.firstDraw.toFixed(0)}, busy ${r.busy.toFixed(0)}, first-call compiling ${r.lazy.toFixed(0)} ms (${r.functions}), styles and layout ${r.layout.toFixed(0)} ms`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
  await browser.close();
  await server.stop();
}
