// Where a first visit's main-thread time goes after the wasm arrives, on
// the newsroom budgets' phone network (150 ms round trip, 1.6 Mbit/s,
// CPU 4x slower; a new browser profile each visit). Traces each visit
// with Chromium's tracing and prints, for the page and the embed:
//
// - when the wasm arrived and when a chart was first drawn by the app;
// - the main thread's busy time between the two;
// - of that, the time spent compiling wasm functions on their first call
//   (Chromium compiles a module's functions lazily, on the main thread,
//   the first time each runs: `wasm.CompileLazy`), how many, and their
//   code's size in the module (a figure that moves only with the build);
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

// The size in bytes of each function's body in the module, by function
// index (imported functions first, as the trace counts them).
function codeSizes(bytes) {
  let at = 8;
  const skip = (n) => { at += n; };
  const u32 = () => { let v = 0; let shift = 0; let b; do { b = bytes[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return v; };
  const skipLimits = () => { const flags = u32(); u32(); if (flags & 1) u32(); };
  let imported = 0;
  const sizes = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = u32();
    const end = at + size;
    if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        skip(u32()); skip(u32()); // module and field names
        const kind = bytes[at++];
        if (kind === 0) { u32(); imported++; } else if (kind === 1) { at++; skipLimits(); } else if (kind === 2) skipLimits(); else if (kind === 3) at += 2; else if (kind === 4) { at++; u32(); }
      }
    } else if (id === 10) {
      const n = u32();
      for (let i = 0; i < n; i++) { const body = u32(); sizes.set(imported + i, body); skip(body); }
    }
    at = end;
  }
  return sizes;
}
const wasmFile = fs.readdirSync(DIST).find((f) => f.endsWith('.wasm'));
const sizes = codeSizes(fs.readFileSync(path.join(DIST, wasmFile)));

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
        code: lazy.reduce((n, e) => n + (sizes.get(e.args?.func_index) ?? 0), 0) / 1000,
        layout: layout.reduce((n, e) => n + e.dur / 1000, 0),
      });
    }
    const m = (k) => median(rows.map((r) => r[k]));
    console.log(`${what} (median of ${VISITS}): the wasm arrived at ${m('wasmEnd').toFixed(0)} ms, the app first drew at ${m('firstDraw').toFixed(0)} ms; `
      + `main thread busy ${m('busy').toFixed(0)} ms in between, of which compiling wasm functions on their first call ${m('lazy').toFixed(0)} ms (${m('functions')} functions, ${m('code').toFixed(1)} kB of code), styles and layout ${m('layout').toFixed(0)} ms`);
    for (const r of rows) console.log(`   visit: arrived ${r.wasmEnd.toFixed(0)}, drew ${r.firstDraw.toFixed(0)}, busy ${r.busy.toFixed(0)}, first-call compiling ${r.lazy.toFixed(0)} ms (${r.functions}, ${r.code.toFixed(1)} kB), styles and layout ${r.layout.toFixed(0)} ms`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
  await browser.close();
  await server.stop();
}
