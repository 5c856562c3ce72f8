// Newsrooms: a chart on screen before the WebAssembly arrives, taken over
// in place by the app; the host API between an article and its embed
// (www/embed.js, src/host.rs), deaf to anyone but the parent page on an
// origin the embed's link allows; and the scrollytelling example
// (scrolly.html) moving the embed through the story as the reader
// scrolls or presses its buttons.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, launchBrowser, recordDrawing, startServer } from './support/app.mjs';
import { startCorsServer } from './support/scenarios.mjs';

let server;
let browser;
let cors;
let hostDir;
let host;
before(async () => {
  server = await startServer();
  cors = await startCorsServer(DIST);
  browser = await launchBrowser();
  hostDir = mkdtempSync(path.join(tmpdir(), 'talentflow-newsroom-'));
  writeFileSync(path.join(hostDir, 'index.html'), '<!doctype html><title>host</title>');
  host = await startServer(hostDir);
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await cors?.stop();
  await host?.stop();
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

// Sums the page's layout shifts (not caused by input), from the start.
function watchLayoutShifts() {
  window.__shift = 0;
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__shift += entry.value;
      window.__shifts.push({ value: entry.value, sources: (entry.sources || []).map((s) => s.node?.nodeName + '.' + (s.node?.className || '')) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

const rectOf = (page, selector) => page.evaluate((s) => {
  const el = document.querySelector(s);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height, visible: el.checkVisibility() };
}, selector);

/**
 * Opens `query` with the wasm held back; returns the page, a function that
 * lets the wasm through, and whether the wasm has been answered.
 */
async function openHeld(query, viewport = { width: 1280, height: 900 }, locale = 'en-US') {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  await page.addInitScript(watchLayoutShifts);
  let release;
  const released = new Promise((r) => { release = r; });
  const state = { asked: false, answered: false };
  await page.route('**/*.wasm', async (route) => {
    state.asked = true;
    await released;
    state.answered = true;
    await route.continue();
  });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(server.url + query, { waitUntil: 'domcontentloaded' });
  return { context, page, release, state, problems };
}

const canvasDrawn = (page) => page.waitForFunction(() => {
  const c = document.getElementById('chart-retention');
  return c && c.width > 0 && c.checkVisibility();
}, null, { timeout: 30_000 });

describe('charts before the app', () => {
  for (const [what, query, viewport, figure] of [
    ['the page', '', { width: 1280, height: 900 }, '#prerender .pre[lang="en"] .chart'],
    ['the embed on a phone', '?layout=embed', { width: 412, height: 860 }, '#prerender .pre[lang="en"] .chart'],
  ]) {
    test(`${what}: the baseline's chart shows while the wasm is held back, and the app's canvas takes its box with no layout shift`, { timeout: 90_000 }, async () => {
      const { context, page, release, state, problems } = await openHeld(query, viewport);
      try {
        const svg = `${figure} .chart-svg`;
        await page.waitForFunction((s) => document.querySelector(s)?.checkVisibility(), svg, { timeout: 20_000 });
        await page.waitForFunction(() => true, null, { polling: 'raf' });
        assert.equal(state.answered, false, 'the wasm has not arrived');
        assert.equal(await page.locator('#app').innerHTML(), '', 'the app has not rendered');
        const shown = await rectOf(page, svg);
        assert.ok(shown.visible && shown.height > 150 && shown.width > 250, `a chart-sized picture: ${JSON.stringify(shown)}`);
        assert.ok(shown.y < viewport.height, 'on the first screen');
        // A real chart: the three series' curves and the axis text.
        const curves = await page.locator(`${svg} path[fill="none"][stroke="#0072b2"]`).count();
        assert.ok(curves >= 1, 'the US curve');
        assert.match(await page.locator(`${figure} h3`).first().innerText(), /Retention/);
        const box = await rectOf(page, `${figure} canvas`);
        release();
        await canvasDrawn(page);
        await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
        assert.equal(await page.locator('#prerender').isVisible(), false, 'the prerendered charts are gone');
        const canvas = await rectOf(page, '#chart-retention');
        for (const k of ['x', 'y', 'width', 'height']) {
          assert.ok(Math.abs(canvas[k] - box[k]) <= 1, `the canvas's ${k} ${canvas[k]} is the box's ${box[k]}`);
        }
        const shift = await page.evaluate(() => ({ total: window.__shift, shifts: window.__shifts }));
        assert.ok(shift.total < 0.01, `layout shift ${JSON.stringify(shift)}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  // On a slow phone the app's first render takes longer than a frame, and
  // Yew runs the effects that draw the charts only after handing the
  // browser a turn, in which it may paint: no frame may show the
  // prerendered chart gone and the app's canvas not yet drawn.
  for (const [what, query, viewport] of [
    ['the page', '', { width: 1280, height: 900 }],
    ['the embed on a phone', '?layout=embed', { width: 412, height: 860 }],
  ]) {
    test(`${what}, CPU slowed 4x: every frame from the wasm's arrival until the app has drawn shows a chart, prerendered or the app's`, { timeout: 90_000 }, async () => {
      const { context, page, release, problems } = await openHeld(query, viewport);
      try {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.waitForFunction(() => [...document.querySelectorAll('#prerender .chart-svg')].some((s) => s.checkVisibility()), null, { timeout: 20_000 });
        // The drawing calls on each canvas, by its id (`recordDrawing`).
        await page.evaluate(() => { window.__drawsOn = []; });
        await page.evaluate(recordDrawing);
        await page.evaluate(() => {
          window.__frames = [];
          // Each animation frame sees the document as that frame paints it.
          const look = () => {
            const prerendered = [...document.querySelectorAll('#prerender .chart-svg')].some((s) => s.checkVisibility());
            const canvas = document.getElementById('chart-retention');
            const app = !!canvas && canvas.checkVisibility();
            window.__frames.push({ prerendered, app, drawn: app && window.__drawsOn.some(([id]) => id === canvas.id) });
            if (!window.__stopLooking) requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        });
        release();
        await canvasDrawn(page);
        await page.waitForFunction(() => window.__frames.filter((f) => f.drawn).length >= 3, null, { timeout: 20_000, polling: 'raf' });
        const frames = await page.evaluate(() => { window.__stopLooking = true; return window.__frames; });
        assert.ok(frames.some((f) => f.prerendered) && frames.some((f) => f.drawn), `the hand-over was watched: ${frames.length} frames`);
        const blank = frames.filter((f) => !f.prerendered && !f.drawn);
        assert.equal(blank.length, 0, `frames with no chart on show, of ${frames.length}: ${JSON.stringify(blank.slice(0, 3))}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  test("on a phone the page's first screen waits for the sliders: no chart where they will be", { timeout: 60_000 }, async () => {
    const { context, page, release } = await openHeld('', { width: 412, height: 860 });
    try {
      await page.waitForFunction(() => document.querySelector('#prerender .pre[lang="en"] .pre-controls')?.checkVisibility(), null, { timeout: 20_000 });
      const controls = await rectOf(page, '#prerender .pre[lang="en"] .pre-controls');
      const chart = await rectOf(page, '#prerender .pre[lang="en"] .chart-svg');
      assert.ok(controls.y < 860 && controls.y + controls.height >= 860, `the placeholder fills the screen: ${JSON.stringify(controls)}`);
      assert.ok(chart.y >= 860, `the chart is below the first screen: ${JSON.stringify(chart)}`);
      assert.match(await page.locator('#prerender .pre[lang="en"] .pre-controls').innerText(), /Loading the sliders/);
    } finally {
      release();
      await context.close();
    }
  });

  test('in Chinese for a Chinese reader, before the wasm', { timeout: 60_000 }, async () => {
    const { context, page, release } = await openHeld('', { width: 1280, height: 900 }, 'zh-CN');
    try {
      await page.waitForFunction(() => document.querySelector('#prerender .pre[lang="zh-CN"] .chart-svg')?.checkVisibility(), null, { timeout: 20_000 });
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      assert.equal(await page.locator('#prerender .pre[lang="en"]').isVisible(), false);
      assert.match(await page.locator('#prerender .pre[lang="zh-CN"] h3').first().innerText(), /留存/);
      assert.ok(await page.locator('#prerender .pre[lang="zh-CN"] text', { hasText: '年份' }).count() > 0, 'the axis in Chinese');
    } finally {
      release();
      await context.close();
    }
  });

  test("a link with settings shows a labelled placeholder, not the baseline's chart", { timeout: 60_000 }, async () => {
    const { context, page, release } = await openHeld('?visa_restrictions=80&utm_source=x');
    try {
      const figure = '#prerender .pre[lang="en"] .chart';
      await page.waitForFunction((s) => document.querySelector(s)?.checkVisibility(), `${figure} .pre-wait`, { timeout: 20_000 });
      assert.equal(await page.locator(`${figure} .chart-svg`).first().isVisible(), false);
      assert.match(await page.locator(`${figure} .pre-wait`).first().innerText(), /Drawing the charts of this link/);
      release();
      await canvasDrawn(page);
    } finally {
      await context.close();
    }
  });

  test("a newsroom's tracking parameters keep the baseline's chart", { timeout: 60_000 }, async () => {
    const { context, page, release } = await openHeld('?utm_source=newsletter&lang=en');
    try {
      await page.waitForFunction(() => document.querySelector('#prerender .pre[lang="en"] .chart-svg')?.checkVisibility(), null, { timeout: 20_000 });
      assert.equal(await page.locator('#prerender .pre[lang="en"] .pre-wait').first().isVisible(), false);
    } finally {
      release();
      await context.close();
    }
  });
});

/**
 * An article on the host's origin with the embed (from the CORS server, in
 * a sandboxed frame) and embed.js; `origins` go into the embed's link.
 */
async function openArticle(origins, extra = '', { waitForReady = true } = {}) {
  const origin = origins === null ? '' : `&origin=${encodeURIComponent(origins)}`;
  const html = `<!doctype html><title>article</title><link rel="icon" href="data:,">
    <h1>An article</h1>
    <iframe id="embed" sandbox="allow-scripts" style="width:600px;height:700px" src="${cors.url}?layout=embed${origin}"></iframe>
    ${extra}
    <script src="${cors.url}embed.js"></script>`;
  const name = `article-${Math.random().toString(36).slice(2)}.html`;
  writeFileSync(path.join(hostDir, name), html);
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${host.origin}/${name}`);
  await page.evaluate(() => {
    window.__events = [];
    const explorer = TalentFlow.embed('#embed');
    for (const name of ['ready', 'state', 'error']) explorer.on(name, (m) => window.__events.push({ name, m }));
  });
  const frame = page.frameLocator('#embed');
  if (waitForReady) await page.waitForFunction(() => window.__events.some((e) => e.name === 'ready'), null, { timeout: 30_000 });
  else await frame.locator('canvas#chart-retention').waitFor({ timeout: 30_000 });
  return { context, page, problems, frame };
}

const lastState = (page) => page.evaluate(() => [...window.__events].reverse().find((e) => e.name === 'state')?.m ?? null);

describe('the host API', () => {
  test('round trip: settings, a preset, a story step and the language, each announced with the link and the outputs', { timeout: 120_000 }, async () => {
    const { context, page, problems, frame } = await openArticle(host.origin);
    try {
      const ready = await page.evaluate(() => window.__events.find((e) => e.name === 'ready').m);
      assert.equal(ready.version, 1);
      assert.equal(ready.year, 2035);
      assert.ok(ready.outputs.cohort2019_in_us > 0 && ready.outputs.cohort2019_in_us < 1, JSON.stringify(ready.outputs));
      const before = ready.outputs.inflow_us_grad;

      await page.evaluate(() => TalentFlow.embed('#embed').set({ visa_restrictions: 70 }));
      await page.waitForFunction(() => window.__events.some((e) => e.name === 'state' && e.m.settings?.visa_restrictions === 70), null, { timeout: 10_000 });
      let state = await lastState(page);
      assert.match(state.link, /visa_restrictions=70/);
      assert.ok(state.outputs.inflow_us_grad < before, 'fewer arrive with tighter visas');
      assert.equal(await frame.locator('#param-visa_restrictions').inputValue(), '70');

      await page.evaluate(() => TalentFlow.embed('#embed').preset('decoupling'));
      await page.waitForFunction(() => window.__events.some((e) => e.name === 'state' && e.m.preset === 'decoupling'), null, { timeout: 10_000 });
      assert.match(await frame.locator('#preset-status').innerText(), /Full decoupling/);

      await page.evaluate(() => TalentFlow.embed('#embed').story(3));
      await page.waitForFunction(() => window.__events.some((e) => e.name === 'state' && e.m.step === 3), null, { timeout: 10_000 });

      await page.evaluate(() => TalentFlow.embed('#embed').lang('zh-CN'));
      await page.waitForFunction(() => window.__events.some((e) => e.name === 'state' && e.m.lang === 'zh-CN'), null, { timeout: 10_000 });
      await frame.locator('#app h1.embed-title', { hasText: '人才流动' }).waitFor({ timeout: 10_000 });

      // A refused command is answered, and changes nothing.
      await page.evaluate(() => TalentFlow.embed('#embed').set({ no_such_setting: 1 }));
      await page.waitForFunction(() => window.__events.some((e) => e.name === 'error'), null, { timeout: 10_000 });
      const error = await page.evaluate(() => window.__events.find((e) => e.name === 'error').m.message);
      assert.match(error, /unknown setting 'no_such_setting'/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('commands from an origin the link does not list are ignored', { timeout: 90_000 }, async () => {
    // (The embed announces only to the origins its link lists, so this
    // article hears nothing, not even that the embed is ready.)
    const { context, page, frame } = await openArticle('https://news.example', '', { waitForReady: false });
    try {
      await page.evaluate(() => {
        const w = document.getElementById('embed').contentWindow;
        w.postMessage({ version: 1, type: 'talentflow:set', settings: { visa_restrictions: 70 } }, '*');
        w.postMessage({ version: 1, type: 'talentflow:preset', preset: 'decoupling' }, '*');
      });
      await page.waitForTimeout(1500);
      assert.deepEqual(await page.evaluate(() => window.__events), [], 'nothing announced to an unlisted origin');
      assert.doesNotMatch(await frame.locator('#preset-status').innerText(), /Full decoupling/);
      assert.notEqual(await frame.locator('#param-visa_restrictions').inputValue(), '70');
    } finally {
      await context.close();
    }
  });

  test('hostile messages are ignored: from a frame that is not the parent, of the wrong shape, or carrying markup', { timeout: 90_000 }, async () => {
    // A sibling frame on the host's own (allowed) origin tries to command
    // the embed: not the parent, so ignored.
    writeFileSync(path.join(hostDir, 'evil.html'), `<!doctype html><title>evil</title><script>
      const target = parent.frames[0];
      setInterval(() => target.postMessage({ version: 1, type: 'talentflow:set', settings: { visa_restrictions: 5 } }, '*'), 200);
    </script>`);
    const { context, page, frame } = await openArticle(host.origin, `<iframe id="evil" src="${host.origin}/evil.html"></iframe>`);
    try {
      await page.waitForTimeout(1200);
      assert.notEqual(await frame.locator('#param-visa_restrictions').inputValue(), '5', 'a sibling frame cannot set');
      // From the parent: wrong shapes and markup.
      await page.evaluate(() => {
        const w = document.getElementById('embed').contentWindow;
        const hostile = [
          'talentflow:set', null, 42, [1, 2], { type: 'talentflow:set' },
          { version: 1, type: 'talentflow:set', settings: '<img src=x onerror="parent.__pwned=1">' },
          { version: 1, type: 'talentflow:preset', preset: '<img src=x onerror="parent.__pwned=1">' },
          { version: 1, type: 'talentflow:lang', lang: '<svg onload=alert(1)>' },
          { version: 1, type: 'talentflow:story', step: 1e308 },
          { version: 1, type: 'talentflow:set', settings: { visa_restrictions: 'NaN' } },
          { version: 1, type: 'talentflow:set', settings: { ['__proto__']: 1 } },
          { version: 2, type: 'talentflow:set', settings: { visa_restrictions: 5 } },
        ];
        for (const m of hostile) w.postMessage(m, '*');
      });
      await page.waitForTimeout(1200);
      assert.notEqual(await frame.locator('#param-visa_restrictions').inputValue(), '5');
      assert.equal(await frame.locator('img[src="x"], svg[onload]').count(), 0, 'no markup from a message');
      assert.equal(await frame.locator('body').evaluate((b) => b.innerHTML.includes('onerror')), false);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      // And the embed still obeys a good command afterwards.
      await page.evaluate(() => TalentFlow.embed('#embed').set({ visa_restrictions: 65 }));
      await page.waitForFunction(() => window.__events.some((e) => e.name === 'state' && e.m.settings?.visa_restrictions === 65), null, { timeout: 10_000 });
    } finally {
      await context.close();
    }
  });
});

describe('the scrollytelling example', () => {
  for (const [file, lang] of [['scrolly.html', 'en'], ['scrolly.zh-CN.html', 'zh-CN']]) {
    test(`${file}: scrolling through the article moves the embed through the story's steps, and so do the keys`, { timeout: 120_000 }, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
      try {
        await page.goto(`${cors.url}${file}`);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        const sandbox = await page.locator('#scrolly-embed').getAttribute('sandbox');
        assert.equal(sandbox, 'allow-scripts');
        await page.waitForFunction(() => document.getElementById('scrolly-embed').dataset.ready === 'true', null, { timeout: 30_000 });
        const frame = page.frameLocator('#scrolly-embed');
        const steps = await page.locator('.scrolly-step').evaluateAll((els) => els.map((e) => Number(e.dataset.story)));
        assert.ok(steps.length >= 4, `${steps.length} steps`);
        for (const step of steps) {
          // The reader scrolls (the wheel), the page does not scroll itself.
          const target = page.locator(`.scrolly-step[data-story="${step}"]`);
          for (let i = 0; i < 40; i++) {
            const r = await target.evaluate((el) => el.getBoundingClientRect());
            const middle = r.top + r.height / 2;
            if (Math.abs(middle - 400) < 120) break;
            await page.mouse.move(300, 400);
            await page.mouse.wheel(0, Math.max(-600, Math.min(600, middle - 400)));
            await page.waitForTimeout(60);
          }
          const scrolled = await page.evaluate(() => window.scrollY);
          await page.waitForFunction((s) => document.getElementById('scrolly-status').textContent.includes(String(s)), step, { timeout: 10_000 });
          await frame.locator('.story').first().waitFor({ timeout: 10_000 });
          assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'no scroll-jacking');
          assert.equal(await target.getAttribute('aria-current'), 'step');
        }
        // The keys alone: back to the top, Tab to the second step's button, Enter.
        await page.evaluate(() => window.scrollTo(0, 0));
        const second = steps[1];
        let focused = null;
        for (let i = 0; i < 20 && focused !== second; i++) {
          await page.keyboard.press('Tab');
          focused = await page.evaluate(() => Number(document.activeElement?.closest('.scrolly-step')?.dataset.story ?? NaN));
        }
        assert.equal(focused, second, 'a step button is reached with Tab');
        await page.keyboard.press('Enter');
        await page.waitForFunction((s) => document.getElementById('scrolly-status').textContent.includes(String(s)), second, { timeout: 10_000 });
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
