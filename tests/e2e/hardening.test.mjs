// A public embed is loaded inside pages and security policies we do not
// control: the release build must run under a strict Content Security
// Policy, inside a sandboxed iframe, offline once loaded, and without
// cookies. Served here by a small Node server that can send headers.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { DIST, CHARTS, launchBrowser, openApp, waitForCharts, chartHashes, waitForRedraw, mainSlider, MAIN_SLIDERS } from './support/app.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/**
 * Serves DIST on a free localhost port with the policy as a header.
 * `overrides` maps a path to a function returning replacement text, so a
 * test can serve a changed file (a "new deploy").
 */
function startServer() {
  const overrides = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/hostile.html') {
      // A host page that embeds the compact layout with the host script,
      // then misbehaves (the test drives it).
      res.writeHead(200, { 'Content-Type': TYPES['.html'] });
      res.end('<!doctype html><title>hostile host</title><link rel="icon" href="data:,"><iframe id="embed" sandbox="allow-scripts" src="/index.html?layout=embed" width="360" height="300"></iframe><script src="/embed.js"></script>');
      return;
    }
    if (url.pathname === '/host.html') {
      // A hostile-ish host page: the app in the strictest useful sandbox.
      res.writeHead(200, { 'Content-Type': TYPES['.html'] });
      res.end('<!doctype html><title>host</title><link rel="icon" href="data:,"><iframe id="embed" sandbox="allow-scripts" src="/index.html" width="400" height="900"></iframe>');
      return;
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.join(DIST, rel);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    const body = overrides.has(url.pathname) ? overrides.get(url.pathname)(readFileSync(file, 'utf8')) : readFileSync(file);
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Content-Security-Policy': POLICY,
      // A sandboxed iframe has an opaque origin: its module script and wasm
      // fetches are cross-origin and need CORS (docs/hosting.md).
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const origin = `http://127.0.0.1:${port}`;
      resolve({ origin, url: `${origin}/`, overrides, stop: () => new Promise((r) => server.close(r)) });
    });
  });
}

// Records policy violations from the first script on.
function watchViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
}

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

test('the built page has no inline script or style, so a strict policy can hold', () => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length >= 1, 'index.html loads the app with a script');
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc=/, `every script is a file: ${attrs}`);
    assert.equal(body.trim(), '', 'no inline script body');
  }
  assert.doesNotMatch(html, /<style\b|\sstyle=/, 'no inline style');
  assert.match(html, /http-equiv="Content-Security-Policy"/, 'the policy ships inside the page for hosts that cannot set headers');
});

test('the app runs and redraws under the strict Content Security Policy', async () => {
  const { context, page, problems } = await openApp(browser, server, {}, watchViolations);
  try {
    await waitForCharts(page);
    const before = await chartHashes(page);
    const slider = mainSlider(page, MAIN_SLIDERS[0]);
    await slider.focus();
    await page.keyboard.press('End');
    await waitForRedraw(page, before);
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations, [], 'no policy violations');
    assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  } finally {
    await context.close();
  }
});

test('no cookie is ever set', async () => {
  const { context, page } = await openApp(browser, server);
  try {
    await waitForCharts(page);
    await mainSlider(page, MAIN_SLIDERS[1]).focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.cookie), '');
    assert.deepEqual(await context.cookies(), []);
  } finally {
    await context.close();
  }
});

test('once loaded, the page works offline: reload without a network, charts and sliders still work', async () => {
  const { context, page } = await openApp(browser, server);
  try {
    await waitForCharts(page);
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    const cached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).length))));
    assert.ok(cached.length === 1 && cached[0] >= 5, `one cache holding the bundle, got ${JSON.stringify(cached)}`);

    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => typeof window.wasmBindings === 'object' && window.wasmBindings !== null, null, { timeout: 20_000 });
    await waitForCharts(page);
    const before = await chartHashes(page);
    await mainSlider(page, MAIN_SLIDERS[2]).focus();
    await page.keyboard.press('Home');
    await waitForRedraw(page, before);
  } finally {
    await context.setOffline(false);
    await context.close();
  }
});

test('a new deploy replaces the offline copy and its cache', async () => {
  const { context, page } = await openApp(browser, server);
  try {
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    const [oldCache] = await page.evaluate(() => caches.keys());
    // The next build has new content, so a new version name in sw.js.
    server.overrides.set('/sw.js', (text) => text.replace(/const CACHE = 'talentflow-([0-9a-f]+)'/, "const CACHE = 'talentflow-$1next'"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    let keys = [];
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      keys = await page.evaluate(() => caches.keys());
      if (keys.length === 1 && keys[0] !== oldCache) break;
    }
    assert.equal(keys[0], `${oldCache}next`, 'the new version cached, the old one deleted');
  } finally {
    server.overrides.clear();
    await context.close();
  }
});

test('inside <iframe sandbox="allow-scripts"> under the policy, the app draws without errors', async () => {
  const context = await browser.newContext({ viewport: { width: 500, height: 1000 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.goto(`${server.origin}/host.html`);
    const frame = page.frameLocator('#embed');
    for (const c of CHARTS) {
      await frame.getByRole('img', { name: c.name }).waitFor({ timeout: 20_000 });
    }
    const app = page.frames().find((f) => f !== page.mainFrame());
    await app.waitForFunction((ids) => ids.every((id) => {
      const c = document.getElementById(id);
      if (!c || !c.width) return false;
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 4; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) return true;
      return false;
    }), CHARTS.map((c) => c.id), { timeout: 20_000 });
    assert.deepEqual(problems, [], 'no errors inside the sandbox');
  } finally {
    await context.close();
  }
});

test('a hostile host page (malformed messages, forged heights, frantic resizing) cannot break the embed', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.goto(`${server.origin}/hostile.html`);
    const frame = page.frameLocator('#embed');
    await frame.getByRole('img', { name: CHARTS[0].name }).waitFor({ timeout: 20_000 });
    // The host script sizes the frame to its content.
    await page.waitForFunction(() => document.getElementById('embed').getAttribute('height') !== '300', null, { timeout: 10_000 });

    await page.evaluate(async () => {
      const iframe = document.getElementById('embed');
      const cyclic = { type: 'talentflow:request-height' };
      cyclic.self = cyclic;
      const garbage = [null, undefined, 0, NaN, '', 'talentflow:request-height', [], new Array(5000).fill('x'), { type: 42 },
        { type: null }, { type: 'talentflow:request-height', extra: new Uint8Array(100000) }, cyclic,
        { type: 'talentflow:height', height: 1e12 }, { data: { type: 'talentflow:request-height' } }, new Date(), /re/g];
      for (let i = 0; i < 3000; i++) {
        iframe.contentWindow.postMessage(garbage[i % garbage.length], '*');
        // Forged height reports from the host itself must not resize the frame.
        if (i % 100 === 0) window.postMessage({ type: 'talentflow:height', height: 1e9 }, '*');
        if (i % 60 === 0) {
          iframe.width = String(200 + ((i / 60) % 9) * 100);
          await new Promise((r) => requestAnimationFrame(r));
        }
      }
      iframe.width = '360';
      await new Promise((r) => setTimeout(r, 300));
    });

    // The frame is as tall as the app's own content reports, never a
    // forged height (1e9 and 1e12 would be clamped to the host script's
    // 10,000 px ceiling, so a test of the clamp range alone passes either way).
    const app = page.frames().find((f) => f !== page.mainFrame());
    const content = () => app.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    const frameHeight = () => page.locator('#embed').evaluate((f) => Number(f.getAttribute('height')));
    let height = await frameHeight();
    for (const deadline = Date.now() + 5_000; Math.abs(height - await content()) > 1 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 100));
      height = await frameHeight();
    }
    const own = await content();
    assert.ok(own > 200 && own < 10000, `the content's height (${own}) is one a forged height can be told from`);
    assert.ok(Math.abs(height - own) <= 1, `frame height ${height} is the content's own ${own}`);
    // Forged heights inside the range the host script accepts, last of all:
    // from the host page itself, and sent into the frame for the app to echo.
    const forged = own + 1234;
    await page.evaluate(async (forged) => {
      window.postMessage({ type: 'talentflow:height', height: forged }, '*');
      document.getElementById('embed').contentWindow.postMessage({ type: 'talentflow:height', height: forged }, '*');
      await new Promise((r) => setTimeout(r, 500));
    }, forged);
    height = await frameHeight();
    assert.ok(Math.abs(height - own) <= 1, `frame height ${height} is still the content's own ${own}, not the forged ${forged}`);
    // Still alive: a slider moves and the charts redraw.
    const hash = () => app.evaluate((id) => {
      const c = document.getElementById(id);
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let h = 0x811c9dc5;
      for (let i = 0; i < d.length; i += 4) h = Math.imul(h ^ (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16)), 16777619);
      return h >>> 0;
    }, CHARTS[0].id);
    const before = await hash();
    const slider = frame.locator('input[type=range]').first();
    await slider.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('End');
    let after = before;
    for (const deadline = Date.now() + 5_000; after === before && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 100));
      after = await hash();
    }
    assert.notEqual(after, before, 'the embed still redraws after the abuse');
    assert.deepEqual(problems, [], 'no errors in the host or the embed');
  } finally {
    await context.close();
  }
});
