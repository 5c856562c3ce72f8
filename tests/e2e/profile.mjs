// Profiles slider moves in headless Chromium (run by scripts/profile.sh on
// a build that keeps function names) and prints the time per move of the
// parts of a redraw and of the functions under them. Reports only.
//
// Env: DIST_DIR (a named build), MOVES (default 200).
import { MAIN_SLIDERS, launchBrowser, mainSlider, openApp, recordDrawing, redrawLatencies, startServer, waitForCharts } from './support/app.mjs';

const MOVES = Number(process.env.MOVES || 200);
const server = await startServer();
const browser = await launchBrowser();
try {
  const { context, page } = await openApp(browser, server, {}, recordDrawing);
  await waitForCharts(page);
  const handles = [];
  for (const s of MAIN_SLIDERS) handles.push(await mainSlider(page, s).elementHandle());
  await redrawLatencies(page, handles, 30);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const latencies = await redrawLatencies(page, handles, MOVES);
  const { profile } = await cdp.send('Profiler.stop');
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.round((latencies.length - 1) * p)];
  console.log(`${latencies.length} moves while profiling: input to every chart redrawn, median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms`);

  // Time per move of each function, counting a sample once per function
  // on its stack (inclusive), and of each function at the top (self).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const inclusive = new Map();
  const self = new Map();
  const name = (id) => (byId.get(id).callFrame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}/g, '');
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000 / latencies.length;
    self.set(name(id), (self.get(name(id)) || 0) + ms);
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) seen.add(name(x));
    for (const n of seen) inclusive.set(n, (inclusive.get(n) || 0) + ms);
  });
  const show = (title, map, filter, count) => {
    console.log(`\n${title}`);
    for (const [n, ms] of [...map.entries()].filter(([n]) => filter.test(n)).sort((a, b) => b[1] - a[1]).slice(0, count)) {
      console.log(`${ms.toFixed(3).padStart(8)} ms  ${n.slice(0, 150)}`);
    }
  };
  show('the parts of a redraw (ms per move, inclusive):', inclusive, /run_scheduler|RenderRunner as|RenderedRunner as|::view$|Reconcilable for yew::virtual_dom::vraw|engine::simulate$|draw_chart_compared$|draw_tornado/, 12);
  show('the app\'s and the model\'s functions (ms per move, inclusive):', inclusive, /^<?talentflow/, 25);
  show('the most time by itself (ms per move, self):', self, /^(?!\((idle|program|root)\))/, 25);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
