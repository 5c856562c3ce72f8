// Shared by the browser end-to-end tests: serves the release build (dist/)
// on localhost, launches the system Chromium through playwright-core, opens
// the app and gives the tests a few probes into the page.
//
// Env: DIST_DIR (default <repo>/dist), TALENTFLOW_BIN (default
// <repo>/target/release/talentflow), CHROMIUM (default: `which chromium`).

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = path.resolve(process.env.DIST_DIR || path.join(ROOT, 'dist'));
// The test build (`TEST_HOOKS=1 scripts/build.sh`): the same app with the
// functions only tests call (feature `test-hooks`), never shipped.
export const HOOKS_DIST = path.resolve(process.env.HOOKS_DIST_DIR || path.join(ROOT, 'target/hooks-dist'));
export const CLI_BIN = path.resolve(process.env.TALENTFLOW_BIN || path.join(ROOT, 'target/release/talentflow'));

/** The three headline sliders, as a reader finds them: by their labels. */
export const MAIN_SLIDERS = [
  { key: 'visa_restrictions', name: 'visa restrictions', label: /visa/i },
  { key: 'china_ai_funding', name: 'China AI funding', label: /funding/i },
  { key: 'compute_ratio', name: 'US:China compute ratio', label: /compute/i },
];

/**
 * The visible slider whose label matches (advanced sliders such as "US
 * research funding" are folded away in <details id="advanced">).
 */
export function mainSlider(page, slider) {
  return page.getByLabel(slider.label).filter({ visible: true });
}

/** The three charts, as assistive technology finds them: role img + name. */
export const CHARTS = [
  { id: 'chart-retention', name: /^Retention/ },
  { id: 'chart-inflow', name: /^Inflow/ },
  { id: 'chart-where', name: /^Where they work/ },
];

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Serves `dir` with python3's http.server on a free localhost port.
 * Resolves once the server answers; `stop()` ends that process by its pid.
 */
export async function startServer(dir = DIST) {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run scripts/build.sh first`);
  }
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', '--directory', dir, '--bind', '127.0.0.1', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`http.server exited: ${stderr}`);
    try {
      const res = await fetch(`${origin}/`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      proc.kill('SIGTERM');
      throw new Error(`http.server did not answer on ${origin}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    url: `${origin}/`,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Serves `dir` from Node on a free localhost port, as a host would: with
 * `compress` 'gzip', gzip-compressed when the browser accepts it; with
 * 'br', Brotli (quality 11, as a host precompresses) when the browser
 * accepts that, else gzip; with `cors`, `Access-Control-Allow-Origin: *`
 * (what a host must send for an iframe sandboxed without
 * allow-same-origin, whose fetches come from an opaque origin).
 */
export async function startFileServer(dir = DIST, { compress = null, cors = false } = {}) {
  const root = path.resolve(dir);
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.ftl': 'text/plain; charset=utf-8' };
  const compressors = {
    br: (body) => zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: (body) => zlib.gzipSync(body, { level: 9 }),
  };
  const offered = compress === 'br' ? ['br', 'gzip'] : compress === 'gzip' ? ['gzip'] : [];
  // Every file compressed before the first request, as a host precompresses
  // (Brotli at quality 11 takes seconds for the wasm): by encoding and file.
  const cache = new Map();
  for (const rel of readdirSync(root, { recursive: true })) {
    const file = path.join(root, rel);
    if (statSync(file).isDirectory()) continue;
    for (const encoding of offered) cache.set(`${encoding} ${file}`, compressors[encoding](readFileSync(file)));
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const file = path.join(root, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1)));
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
    if (cors) headers['Access-Control-Allow-Origin'] = '*';
    const accepts = req.headers['accept-encoding'] || '';
    const encoding = offered.find((e) => new RegExp(`\\b${e}\\b`).test(accepts));
    if (encoding) headers['Content-Encoding'] = encoding;
    res.writeHead(200, headers);
    // (A file written after the start, by a test, is compressed now.)
    res.end(encoding ? cache.get(`${encoding} ${file}`) ?? compressors[encoding](readFileSync(file)) : readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const origin = `http://127.0.0.1:${port}`;
      resolve({ origin, url: `${origin}/`, stop: () => new Promise((r) => server.close(r)) });
    });
  });
}

/**
 * A phone's network as PageSpeed models it (150 ms round trip, 1.6 Mbit/s
 * down, 750 kbit/s up), for CDP `Network.emulateNetworkConditions`: the
 * newsroom budgets' network, with the CPU slowed 4x.
 */
export const PHONE_NETWORK = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

export function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * An init script (for openApp's `initScript`) that stamps, in
 * `window.__draws`, the time of every 2D drawing call on any canvas (and,
 * if a script before it made `window.__drawsOn` an array, the canvas's id
 * and the time there); in
 * `window.__inputAt`, the start of each input event (capture phase on
 * window: before any app handler); and keeps the wasm instance in
 * `window.__wasm`.
 */
export function recordDrawing() {
  window.__draws = [];
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['stroke', 'fill', 'fillRect', 'strokeRect', 'fillText', 'clearRect', 'drawImage', 'putImageData']) {
    const orig = proto[name];
    proto[name] = function (...args) {
      const t = performance.now();
      window.__draws.push(t);
      window.__drawsOn?.push([this.canvas.id, t]);
      return orig.apply(this, args);
    };
  }
  window.addEventListener('input', () => { window.__inputAt = performance.now(); }, true);
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
}

/**
 * Moves the given range inputs `moves` times in turn, one move per two
 * frames, and returns each move's time from its `input` event to the last
 * canvas drawing call it caused, in ms (needs `recordDrawing`).
 */
export function redrawLatencies(page, handles, moves) {
  return page.evaluate(async ([els, moves]) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const out = [];
    for (let i = 0; i < moves; i++) {
      const el = els[i % els.length];
      const min = Number(el.min);
      const max = Number(el.max);
      el.value = String(min + ((max - min) * ((i * 37) % 101)) / 100);
      window.__draws.length = 0;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      const t0 = window.__inputAt;
      const draws = window.__draws.filter((d) => d >= t0);
      if (draws.length) out.push(draws[draws.length - 1] - t0);
    }
    return out;
  }, [handles, moves]);
}

/**
 * Moves the given range inputs `count` times in turn (move `offset` first),
 * in batches of ten, each batch followed by a frame so that the charts are
 * redrawn. After each batch it empties `window.__draws` if recorded (the
 * recorder's list, not the page's, would otherwise grow), and with
 * `waitForBands` waits (up to 30 s) until the bands' note says they are
 * drawn.
 */
export function moveSliders(page, handles, count, { offset = 0, waitForBands = false } = {}) {
  return page.evaluate(async ([els, count, offset, waitForBands]) => {
    const bandsDrawn = () => /runs/.test(document.getElementById('bands-note')?.textContent ?? '');
    for (let i = offset; i < offset + count; i++) {
      const el = els[i % els.length];
      const min = Number(el.min);
      const max = Number(el.max);
      el.value = String(min + ((max - min) * ((i * 37) % 101)) / 100);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      if (i % 10 === 9) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        if (window.__draws) window.__draws.length = 0;
        const start = performance.now();
        while (waitForBands && !bandsDrawn() && performance.now() - start < 30_000) {
          await new Promise((r) => setTimeout(r, 5));
        }
      }
    }
  }, [handles, count, offset, waitForBands]);
}

/**
 * The page's JS heap and wasm memory in bytes, after a forced garbage
 * collection (`cdp`: a CDP session of the page; the wasm memory is reached
 * through Trunk's start event, as `recordDrawing` keeps it).
 */
export async function memoryUsage(cdp, page) {
  // Twice, a turn apart: what the first collection finalizes (the wasm
  // closures' finalizers, promise reactions) is freed by the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? NaN);
  return { js: heap.usedSize, wasm };
}

// Installed into every page before the app's own scripts run.
function probeScript() {
  window.__probe = {
    // FNV-1a over the canvas pixels: equal hashes = identical pictures.
    hash(id) {
      const c = document.getElementById(id);
      if (!c || !c.width || !c.height) return 'none';
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const words = new Uint32Array(data.buffer, data.byteOffset, data.byteLength >> 2);
      let h = 0x811c9dc5;
      for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 16777619);
      return `${c.width}x${c.height}:${(h >>> 0).toString(16)}`;
    },
    // How much is drawn: the share of pixels that differ from the corner
    // (background) pixel, and how many distinct colours there are.
    ink(id) {
      const c = document.getElementById(id);
      if (!c || !c.width || !c.height) return { share: 0, colours: 0 };
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const words = new Uint32Array(data.buffer, data.byteOffset, data.byteLength >> 2);
      const bg = words[0];
      let inked = 0;
      const colours = new Set();
      for (let i = 0; i < words.length; i++) {
        if (words[i] !== bg) inked++;
        if (colours.size < 64) colours.add(words[i]);
      }
      return { share: inked / words.length, colours: colours.size };
    },
  };
}

/**
 * Opens the app in a new browser context (with an optional script run in
 * the page before the app's own) and waits until the wasm has
 * started (window.wasmBindings). Records console errors, page errors,
 * failed requests and every requested URL.
 */
export async function openApp(browser, server, contextOptions = {}, initScript = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.addInitScript(probeScript);
  if (initScript) await page.addInitScript(initScript);
  await page.goto(server.url);
  await page.waitForFunction(() => typeof window.wasmBindings === 'object' && window.wasmBindings !== null, null, { timeout: 20_000 });
  await waitForText(page);
  return { context, page, problems, requests };
}

/**
 * Waits until the page's message file has arrived (or failed): index.html
 * shows its loading line, `<html class="loading">`, until then.
 */
export async function waitForText(page) {
  await page.waitForFunction(() => !document.documentElement.classList.contains('loading'), null, { timeout: 20_000 });
}

/** Waits until every chart has something drawn and every summary has text. */
export async function waitForCharts(page, timeout = 15_000) {
  await page.waitForFunction((ids) => ids.every((id) => {
    const ink = window.__probe.ink(id);
    const summary = document.getElementById(`${id}-summary`);
    return ink.share > 0.005 && ink.colours >= 3 && summary && summary.textContent.trim().length > 0;
  }), CHARTS.map((c) => c.id), { timeout, polling: 100 });
}

/** Pixel hashes of the three charts, keyed by canvas id. */
export function chartHashes(page) {
  return page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, window.__probe.hash(id)])), CHARTS.map((c) => c.id));
}

/** Text of the three one-line summaries, keyed by canvas id. */
export function summaries(page) {
  return page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, document.getElementById(`${id}-summary`)?.textContent.trim() ?? null])), CHARTS.map((c) => c.id));
}

/** Waits until the combined chart pixels differ from `before`; returns the new hashes. */
export async function waitForRedraw(page, before, timeout = 5_000) {
  const ids = CHARTS.map((c) => c.id);
  await page.waitForFunction(([ids, before]) => ids.some((id) => window.__probe.hash(id) !== before[id]), [ids, before], { timeout, polling: 'raf' });
  return chartHashes(page);
}

/** Every range input and output value on the page, keyed by id. */
export function controlState(page) {
  return page.evaluate(() => ({
    sliders: Object.fromEntries([...document.querySelectorAll('input[type=range]')].map((i) => [i.id, i.value])),
    outputs: Object.fromEntries([...document.querySelectorAll('output')].map((o) => [o.id, o.textContent.trim()])),
  }));
}

/**
 * Drags a range input with the mouse from its thumb to `toFraction` of the
 * track, in several moves (as a finger would), and releases it.
 */
export async function dragSlider(page, locator, toFraction) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('slider has no bounding box (not visible?)');
  const from = await locator.evaluate((el) => (Number(el.value) - Number(el.min || 0)) / ((Number(el.max || 100) - Number(el.min || 0)) || 1));
  // A native range thumb is about 16 px wide; its centre travels from
  // 8 px to width-8 px.
  const x = (f) => box.x + 8 + Math.max(0, Math.min(1, f)) * (box.width - 16);
  const y = box.y + box.height / 2;
  await page.mouse.move(x(from), y);
  await page.mouse.down();
  const steps = 8;
  for (let i = 1; i <= steps; i++) await page.mouse.move(x(from + ((toFraction - from) * i) / steps), y);
  await page.mouse.up();
}

/** Runs the talentflow CLI; resolves to { status, stdout, stderr }. */
export function runCli(args) {
  return new Promise((resolve, reject) => {
    const proc = spawn(CLI_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    proc.stdout.on('data', (d) => out.push(d));
    proc.stderr.on('data', (d) => err.push(d));
    proc.on('error', reject);
    proc.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** `--set key=value` flags for a settings object. */
export function setFlags(settings) {
  return Object.entries(settings).flatMap(([k, v]) => ['--set', `${k}=${v}`]);
}

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, no newlines in fields needed). */
export function parseCsv(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line) continue;
    const fields = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
        else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { fields.push(cur); cur = ''; }
      else cur += ch;
    }
    fields.push(cur);
    rows.push(fields);
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

export function readRepoFile(rel) {
  return readFileSync(path.join(ROOT, rel), 'utf8');
}
