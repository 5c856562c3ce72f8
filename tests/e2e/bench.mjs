// Browser benchmarks of the release build, run by scripts/bench.sh. They
// print figures and compare them with the budgets of docs/benchmarks.md;
// they never fail a test run (timings on a shared machine are noisy).
//
// Env: DIST_DIR, HOOKS_DIST_DIR (the test build, whose model_run_time_ms
// times the model in wasm), RUNS_BIN (the native `runs` example, for the wasm/native
// ratios: run alternately with the page's runs, so both see the same
// load), MOVES (default 200), MEMORY_MOVES (default 10000), VISITS (first
// visits per figure on the phone's network, default 5), ONLY_NETWORK=1
// (only the phone's network figures, section 5), BROTLI=1 (those visits
// once more served Brotli-compressed, for comparison), COMPARE_DIST=<dir>
// (those visits once more to another build, in turn, for comparison).

import { execFileSync } from 'node:child_process';
import { CHARTS, DIST, HOOKS_DIST, MAIN_SLIDERS, PHONE_NETWORK, launchBrowser, startFileServer, mainSlider, memoryUsage, moveSliders, openApp, recordDrawing, redrawLatencies, startServer, waitForCharts } from './support/app.mjs';

const MOVES = Number(process.env.MOVES || 200);
const MEMORY_MOVES = Number(process.env.MEMORY_MOVES || 10000);
const RUNS_BIN = process.env.RUNS_BIN;
// Milliseconds per native run of the same workload (NaN without RUNS_BIN).
const nativeMs = (full) => {
  if (!RUNS_BIN) return NaN;
  const out = execFileSync(RUNS_BIN, full ? ['2000', 'full'] : ['2000']).toString();
  return Number(out.match(/native_ms_per_run ([0-9.]+)/)[1]);
};

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round((s.length - 1) * q))];
};
const fmt = (x, unit = 'ms') => `${x.toFixed(2)} ${unit}`;
const rows = [];
const report = (what, figure, budget, ok) => {
  rows.push({ what, figure, budget, ok });
  console.log(`${ok === null ? '  ' : ok ? 'ok' : '!!'} ${what}: ${figure} (budget: ${budget})`);
};

const ONLY_NETWORK = process.env.ONLY_NETWORK === '1';

const VISITS = Number(process.env.VISITS || 5);
const server = await startServer();
const hooksServer = await startServer(HOOKS_DIST);
const browser = await launchBrowser();
try {
  // 1. The model in wasm, against the native figure: in the test build,
  // the release build's code with `model_run_time_ms` added.
  if (!ONLY_NETWORK) {
    const { context: hooksContext, page: hooksPage } = await openApp(browser, hooksServer);
    await waitForCharts(hooksPage);
    // A slider move's run (the history before the policy start is
    // remembered), then a full run from the burn-in (an uncertainty draw).
    // Five repetitions each, native and wasm in turn; the ratio compares
    // the fastest of each, since on a busy machine the fastest repetition
    // is the one least disturbed.
    for (const [full, what] of [[false, 'one model run in wasm (slider moves)'], [true, 'one full model run in wasm (from the burn-in)']]) {
      await hooksPage.evaluate((full) => window.wasmBindings.model_run_time_ms(50, full), full);
      const wasm = [];
      const native = [];
      for (let i = 0; i < 5; i++) {
        native.push(nativeMs(full));
        wasm.push(await hooksPage.evaluate((full) => window.wasmBindings.model_run_time_ms(300, full), full));
      }
      const us = (ms) => `${(ms * 1000).toFixed(0)} us`;
      const ratio = Math.min(...wasm) / Math.min(...native);
      report(what, `fastest of 5: ${us(Math.min(...wasm))} (median ${us(quantile(wasm, 0.5))}); native ${us(Math.min(...native))} (median ${us(quantile(native, 0.5))}); ratio ${ratio.toFixed(2)}`, 'at most 3x native', Number.isFinite(ratio) ? ratio <= 3 : null);
    }
    await hooksContext.close();
  }
  if (!ONLY_NETWORK) {
    const { context, page } = await openApp(browser, server, {}, recordDrawing);
    await waitForCharts(page);

    // 2. Slider input to every chart redrawn.
    const handles = [];
    for (const s of MAIN_SLIDERS) handles.push(await mainSlider(page, s).elementHandle());
    const latencies = await redrawLatencies(page, handles, MOVES);
    const p50 = quantile(latencies, 0.5);
    const p95 = quantile(latencies, 0.95);
    report(`slider input to every chart redrawn, ${latencies.length} moves`, `median ${fmt(p50)}, p95 ${fmt(p95)}`, 'p95 at most 8 ms', p95 <= 8);

    // 3. Memory after many moves: wasm memory and JS heap, after a GC.
    const cdp = await context.newCDPSession(page);
    const measure = () => memoryUsage(cdp, page);
    const move = (count) => moveSliders(page, handles, count);
    await move(100);
    const m100 = await measure();
    const marks = [];
    for (let done = 0; done < MEMORY_MOVES; done += 1000) {
      await move(Math.min(1000, MEMORY_MOVES - done));
      const m = await measure();
      marks.push(`${done + Math.min(1000, MEMORY_MOVES - done)}: ${(m.js / 1e6).toFixed(2)}/${(m.wasm / 1e6).toFixed(2)}`);
    }
    console.log(`   JS heap/wasm memory (MB) by moves after the first 100: ${marks.join(', ')}`);
    const mEnd = await measure();
    const growth = (a, b) => (100 * (b - a)) / a;
    report(`memory after ${MEMORY_MOVES} more moves`, `JS heap ${(m100.js / 1e6).toFixed(2)} -> ${(mEnd.js / 1e6).toFixed(2)} MB (${growth(m100.js, mEnd.js).toFixed(1)}%), wasm ${(m100.wasm / 1e6).toFixed(2)} -> ${(mEnd.wasm / 1e6).toFixed(2)} MB (${growth(m100.wasm, mEnd.wasm).toFixed(1)}%)`, 'each grows at most 5% after the first 100 moves', growth(m100.js, mEnd.js) <= 5 && growth(m100.wasm, mEnd.wasm) <= 5);
    await context.close();
  }

  // 4. Navigation to the first chart drawn, CPU slowed 4 times: a first
  // visit (a new browser profile each time: nothing cached, no compiled
  // code kept, no service worker), a return visit (the same profile,
  // after one visit) and, for information, a first visit on a phone's
  // network. Times are from navigation start to the first drawing
  // call on one of the three charts, and to the last drawing call on them
  // once drawing has gone quiet for 500 ms (the three charts stand).
  if (!ONLY_NETWORK) {
    const chartIds = CHARTS.map((c) => c.id);
    // Watched through the DevTools protocol alone: Playwright's own waiting
    // helpers evaluate its injected script (about 80 ms at 4x) on the
    // page's main thread while the page starts, which a reader never pays.
    const visit = async (page, cdp) => {
      const read = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
      const onCharts = `(window.__drawsOn || []).filter(([c]) => ${JSON.stringify(chartIds)}.includes(c))`;
      await page.goto(server.url, { waitUntil: 'commit' });
      const started = Date.now();
      while ((await read(`new Set(${onCharts}.map(([c]) => c)).size`)) < chartIds.length) {
        if (Date.now() - started > 30_000) throw new Error('the charts were not drawn within 30 s');
        await new Promise((r) => setTimeout(r, 50));
      }
      for (let last = -1; ;) {
        await new Promise((r) => setTimeout(r, 500));
        const n = await read('window.__drawsOn.length');
        if (n === last) break;
        last = n;
      }
      const on = await read(`${onCharts}.map(([, t]) => t)`);
      return { first: Math.min(...on), all: Math.max(...on) };
    };
    // A browser of its own, so that the thousands of moves above (whose
    // renderer may still be winding down) do not share its processes.
    const navBrowser = await launchBrowser();
    const open = async (network) => {
      const context = await navBrowser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(() => { window.__drawsOn = []; });
      await page.addInitScript(recordDrawing);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      if (network) {
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
      }
      return { context, page, cdp };
    };
    const first = [];
    const again = [];
    for (let i = 0; i < 5; i++) {
      const { context, page, cdp } = await open();
      first.push(await visit(page, cdp));
      again.push(await visit(page, cdp));
      await context.close();
    }
    // A phone's network: Chromium DevTools' "Fast 4G" (165 ms of latency,
    // 9 Mbit/s down and 1.5 Mbit/s up, at 90% of their nominal rates).
    const fast4g = { latency: 165, downloadThroughput: (9e6 / 8) * 0.9, uploadThroughput: (1.5e6 / 8) * 0.9 };
    const onPhoneNetwork = [];
    for (let i = 0; i < 5; i++) {
      const { context, page, cdp } = await open(fast4g);
      onPhoneNetwork.push(await visit(page, cdp));
      await context.close();
    }
    await navBrowser.close();
    for (const [what, times, budgeted] of [['first visit', first, true], ['return visit', again, true], ['first visit on a 4G network ("Fast 4G")', onPhoneNetwork, false]]) {
      const firstDraw = quantile(times.map((t) => t.first), 0.5);
      report(`navigation to the first chart drawn, CPU slowed 4x, ${what} (median of 5)`, `${fmt(firstDraw)} (all three charts drawn ${fmt(quantile(times.map((t) => t.all), 0.5))})`, budgeted ? 'at most 1000 ms' : 'none: the budget is set without a network', budgeted ? firstDraw <= 1000 : null);
    }
  }

  // 5. A first visit on a phone's network as PageSpeed models it (150 ms
  // round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4x), for the
  // page (1280 x 900) and the embed (412 x 860, a phone): the time from
  // navigation to a chart on the first screen (the prerendered SVG, or
  // an app canvas drawn, inside the viewport: stamped in the animation
  // frame that paints it) and to the sliders driving the charts (a slider
  // moved every 50 ms from the start; the time of the first chart drawing
  // that follows a move). A new browser profile each visit: nothing cached.
  {
    // Served as a real host serves it, compressed (gzip): python's
    // http.server sends every file as is, which on this network would
    // measure the bytes of the raw wasm, not a reader's.
    // With BROTLI=1, the same visits once more served Brotli-compressed, as
    // most CDNs serve it: for comparison only (the budgets are judged on
    // gzip, the encoding every host offers).
    const gzipServer = await startFileServer(DIST, { compress: 'gzip' });
    const brotliServer = process.env.BROTLI === '1' ? await startFileServer(DIST, { compress: 'br' }) : null;
    // With COMPARE_DIST=<dir>, the same visits to another build (served
    // gzip) in turn with these: a change's effect as a ratio taken under
    // the same load (comparison only).
    const compareServer = process.env.COMPARE_DIST ? await startFileServer(process.env.COMPARE_DIST, { compress: 'gzip' }) : null;
    const netBrowser = await launchBrowser();
    const visit = async (query, viewport, server) => {
      const context = await netBrowser.newContext({ viewport, locale: 'en-US' });
      const page = await context.newPage();
      await page.addInitScript(() => { window.__drawsOn = []; });
      await page.addInitScript(recordDrawing);
      await page.addInitScript(() => {
        // The first frame that paints a chart inside the viewport.
        const inView = (el) => {
          if (!el || !el.checkVisibility()) return false;
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0;
        };
        const look = (t) => {
          const svg = [...document.querySelectorAll('#prerender .chart-svg')].find(inView);
          const canvas = [...document.querySelectorAll('canvas[id^="chart-"]')].find((c) => inView(c) && (window.__drawsOn || []).some(([id]) => id === c.id));
          if (svg || canvas) {
            window.__chartOnScreen = { at: performance.now(), frame: t, by: svg ? 'prerendered SVG' : 'app canvas' };
            return;
          }
          requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PHONE_NETWORK });
      const read = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
      await page.goto(server.url + query, { waitUntil: 'commit' });
      const started = Date.now();
      // Move a main slider every 50 ms until a chart is drawn after a move.
      const tryMove = `(() => {
        const s = document.querySelector('input[type=range]:not(:disabled)');
        if (!s || !window.__drawsOn) return null;
        s.value = String(Number(s.value) === Number(s.max) ? s.min : s.max);
        const at = performance.now();
        s.dispatchEvent(new Event('input', { bubbles: true }));
        return at;
      })()`;
      let moved = [];
      let driven = null;
      while (driven === null) {
        if (Date.now() - started > 60_000) throw new Error('the sliders did not drive the charts within 60 s');
        const at = await read(tryMove);
        if (at !== null) moved.push(at);
        if (moved.length) {
          driven = await read(`(() => { const first = ${Math.min(...(moved.length ? moved : [0]))}; const d = (window.__drawsOn || []).find(([id, t]) => id.startsWith('chart-') && t >= first); return d ? d[1] : null; })()`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      const chart = await read('window.__chartOnScreen');
      const wasm = await read(`(() => { const e = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm')); return e ? { start: e.startTime, end: e.responseEnd } : null; })()`);
      const transfer = await read(`performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).reduce((n, r) => n + (r.transferSize || 0), 0)`);
      await context.close();
      return { chart: chart?.at ?? NaN, by: chart?.by ?? 'none', driven, wasm, transfer };
    };
    const layouts = [['the page', '', { width: 1280, height: 900 }], ['the embed', '?layout=embed', { width: 412, height: 860 }]];
    const servers = [
      [gzipServer, '', true],
      ...(brotliServer ? [[brotliServer, ' served Brotli (comparison only)', false]] : []),
      ...(compareServer ? [[compareServer, ` of ${process.env.COMPARE_DIST} (comparison only)`, false]] : []),
    ];
    const runs = [];
    for (const [layout, query, viewport] of layouts) {
      // In turn, visit by visit, so that every server sees the same load.
      const visits = servers.map(() => []);
      for (let i = 0; i < VISITS; i++) {
        for (let k = 0; k < servers.length; k++) visits[k].push(await visit(query, viewport, servers[k][0]));
      }
      servers.forEach(([, label, judged], k) => runs.push([layout + label, judged, visits[k]]));
    }
    for (const [what, judged, visits] of runs) {
      const chart = quantile(visits.map((v) => v.chart), 0.5);
      const driven = quantile(visits.map((v) => v.driven), 0.5);
      const wasmStart = quantile(visits.map((v) => v.wasm?.start ?? NaN), 0.5);
      const wasmEnd = quantile(visits.map((v) => v.wasm?.end ?? NaN), 0.5);
      report(`phone network (150 ms RTT, 1.6 Mbit/s, CPU 4x), ${what}: a chart on the first screen (median of ${VISITS})`, `${fmt(chart)} (by ${visits[0].by})`, 'at most 1000 ms', judged ? chart <= 1000 : null);
      report(`phone network, ${what}: the sliders drive the charts (median of ${VISITS})`, `${fmt(driven)}; the wasm requested at ${fmt(wasmStart)}, arrived at ${fmt(wasmEnd)}; ${(visits[0].transfer / 1000).toFixed(1)} kB transferred`, 'at most 2500 ms', judged ? driven <= 2500 : null);
    }
    await netBrowser.close();
    await gzipServer.stop();
    await brotliServer?.stop();
    await compareServer?.stop();
  }
} finally {
  await browser.close();
  await server.stop();
  await hooksServer.stop();
}
const failed = rows.filter((r) => r.ok === false).length;
console.log(`\n${rows.length} figures, ${failed} over budget`);
