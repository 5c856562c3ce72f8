// Browser benchmark of the uncertainty bands, run by scripts/bench.sh:
// with the bands on, (1) slider input to every chart's central curve
// redrawn, while the draws of earlier moves are still running (budget: p95
// at most 8 ms, as without bands), and (2) the time from the last of a run
// of moves to the new bands drawn (budget: 100 ms). Prints figures; never
// fails (timings on a shared machine are noisy).
//
// Env: DIST_DIR, MOVES (default 200), SETTLES (default 20).

import { MAIN_SLIDERS, launchBrowser, mainSlider, openApp, recordDrawing, redrawLatencies, startServer, waitForCharts } from './support/app.mjs';

const MOVES = Number(process.env.MOVES || 200);
const SETTLES = Number(process.env.SETTLES || 20);
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round((s.length - 1) * q))];
};
const fmt = (x) => `${x.toFixed(2)} ms`;
const report = (what, figure, budget, ok) => console.log(`${ok ? 'ok' : '!!'} ${what}: ${figure} (budget: ${budget})`);

const server = await startServer();
const browser = await launchBrowser();
try {
  const { page } = await openApp(browser, server, {}, recordDrawing);
  await page.goto(`${server.url}?bands=1`);
  await waitForCharts(page);
  await page.waitForFunction(() => /runs/.test(document.getElementById('bands-note')?.textContent ?? ''), null, { timeout: 20_000 });
  const handles = [];
  for (const s of MAIN_SLIDERS) handles.push(await mainSlider(page, s).elementHandle());

  // 1. Input to the central curves redrawn, one move per frame, with the
  // bands' slices running between them. A move's own bands can be drawn
  // within the two frames it waits (each draw reuses its years before
  // 2027): drawing calls made once the note says the bands are drawn are
  // the bands', not the central curve's, and are not recorded.
  await page.evaluate(() => {
    const push = window.__draws.push;
    const note = () => document.getElementById('bands-note')?.textContent ?? '';
    window.__draws.push = function (t) {
      return /runs/.test(note()) ? this.length : push.call(this, t);
    };
  });
  const latencies = await redrawLatencies(page, handles, MOVES);
  report(`with bands on, slider input to every central curve redrawn, ${latencies.length} moves`,
    `median ${fmt(quantile(latencies, 0.5))}, p95 ${fmt(quantile(latencies, 0.95))}`, 'p95 at most 8 ms', quantile(latencies, 0.95) <= 8);

  // 2. From the last move of a short drag to its bands on the charts.
  const settle = await page.evaluate(async ([els, settles]) => {
    const note = () => document.getElementById('bands-note')?.textContent ?? '';
    const out = [];
    for (let k = 0; k < settles; k++) {
      const el = els[k % els.length];
      const min = Number(el.min);
      const max = Number(el.max);
      let last = 0;
      for (let i = 0; i < 5; i++) {
        el.value = String(min + ((max - min) * (((k * 5 + i) * 41) % 101)) / 100);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        last = performance.now();
        await new Promise((r) => requestAnimationFrame(r));
      }
      // Wait for the note to say the bands of this scenario are drawn.
      await new Promise((resolve) => {
        const check = () => {
          if (/runs/.test(note())) resolve();
          else setTimeout(check, 1);
        };
        check();
      });
      out.push(performance.now() - last);
      await new Promise((r) => setTimeout(r, 50));
    }
    return out;
  }, [handles, SETTLES]);
  report(`with bands on, last move to bands drawn, ${settle.length} drags`,
    `median ${fmt(quantile(settle, 0.5))}, p95 ${fmt(quantile(settle, 0.95))}`, 'at most 100 ms', quantile(settle, 0.95) <= 100);
} finally {
  await browser.close();
  await server.stop();
}
