// A reader on a phone drags a slider and watches a chart follow: on
// 360 x 780 and 390 x 844 touch screens (and a landscape phone and a
// tablet), in both languages, on the page and in the embed, every headline
// slider scrolled into view is uncovered, a chart is at least 60% on
// screen beside it, and that chart's pixels change when a finger moves the
// slider, without the page scrolling. The first screen shows a chart; the
// header and the entry row fit without breaking words; every control is
// at least 24 x 24 CSS px (WCAG 2.2 2.5.8); axe-core finds nothing; with
// the on-screen keyboard up for a text field, the chart makes room; a
// desktop screen keeps its two columns and never draws the compact chart.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MAIN_SLIDERS, launchBrowser, openApp, parseCsv, runCli, startServer, waitForCharts } from './support/app.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const PHONES = [
  { name: '360 x 780', viewport: { width: 360, height: 780 }, deviceScaleFactor: 2 },
  { name: '390 x 844', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
];
const LANGS = [{ lang: 'en', locale: 'en-US' }, { lang: 'zh-CN', locale: 'zh-CN' }];
const LAYOUTS = [{ name: 'page', query: '' }, { name: 'embed', query: '&layout=embed' }];
// A scenario of the reader's own from the start: the first move of a
// slider away from a preset shortens the preset's text above the sliders,
// which at the bottom of a short page moves them (a change of content,
// not the finger's gesture, which is what these tests hold still).
const OWN = '&visa_restrictions=45';
const CANVASES = ['chart-dock', 'chart-retention', 'chart-inflow', 'chart-where'];

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

async function openPhone(device, lang, query, extra = {}) {
  const app = await openApp(browser, { url: `${server.url}?lang=${lang.lang}${query}` }, {
    viewport: device.viewport, deviceScaleFactor: device.deviceScaleFactor,
    isMobile: device.isMobile ?? true, hasTouch: device.hasTouch ?? true, locale: lang.locale, ...extra,
  });
  await waitForCharts(app.page);
  // The compact chart, where the screen shows it, has been drawn.
  await app.page.waitForFunction(() => {
    const dock = document.getElementById('chart-dock');
    return !dock?.checkVisibility() || window.__probe.ink('chart-dock').share > 0.005;
  }, null, { timeout: 10_000 });
  return app;
}

/**
 * Where the slider and the charts are on screen: whether the element at
 * the slider's centre is the slider, and for the chart canvas most on
 * screen and uncovered at the centre of its visible part, its id and the
 * share of it on screen.
 */
function looks(page, sliderId) {
  return page.evaluate(([sliderId, canvases]) => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const slider = document.getElementById(sliderId);
    const s = slider.getBoundingClientRect();
    const sx = s.left + s.width / 2;
    const sy = s.top + s.height / 2;
    const atSlider = document.elementFromPoint(sx, sy);
    let best = { id: null, shown: 0 };
    for (const id of canvases) {
      const c = document.getElementById(id);
      if (!c || !c.checkVisibility()) continue;
      const r = c.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      const w = Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0));
      const h = Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
      const shown = (w * h) / (r.width * r.height);
      if (shown === 0) continue;
      // Uncovered: the canvas itself is at the centre and the corners of
      // its visible part.
      const left = Math.max(r.left, 0) + 2;
      const right = Math.min(r.right, vw) - 2;
      const top = Math.max(r.top, 0) + 2;
      const bottom = Math.min(r.bottom, vh) - 2;
      const points = [[(left + right) / 2, (top + bottom) / 2], [left, top], [right, top], [left, bottom], [right, bottom]];
      if (!points.every(([x, y]) => document.elementFromPoint(x, y) === c)) continue;
      if (shown > best.shown) best = { id, shown };
    }
    return {
      sliderOnScreen: s.top >= -0.5 && s.bottom <= vh + 0.5,
      sliderUncovered: atSlider === slider,
      coveredBy: atSlider === slider ? null : `${atSlider?.tagName}#${atSlider?.id}.${atSlider?.className}`,
      chart: best.id,
      shown: best.shown,
      sliderTop: s.top,
    };
  }, [sliderId, CANVASES]);
}

/**
 * Drags the slider with one finger (touch events through the browser's
 * gesture handling, so that `touch-action` applies) from its thumb to
 * `to` (0 to 1) of the track, drifting a few pixels down as a thumb does.
 */
async function fingerDrag(page, cdp, sliderId, to) {
  const { x, y, width, from } = await page.evaluate((id) => {
    const el = document.getElementById(id);
    const r = el.getBoundingClientRect();
    const from = (Number(el.value) - Number(el.min)) / (Number(el.max) - Number(el.min));
    return { x: r.left, y: r.top + r.height / 2, width: r.width, from };
  }, sliderId);
  const at = (f) => x + 8 + f * (width - 16);
  const touch = (type, px, py) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x: px, y: py, radiusX: 6, radiusY: 6, force: 1, id: 1 }],
  });
  await touch('touchStart', at(from), y);
  const steps = 10;
  for (let i = 1; i <= steps; i++) {
    await touch('touchMove', at(from + ((to - from) * i) / steps), y + (6 * i) / steps);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  await touch('touchEnd');
}

const hash = (page, id) => page.evaluate((id) => window.__probe.hash(id), id);

/**
 * For each headline slider, scrolled into view as a reader's keyboard
 * focus or a scroll would bring it (its top just under what stays at the
 * top of the screen, or at the bottom edge): uncovered, a chart at least
 * 60% on screen, and a finger drag redraws that chart without scrolling.
 */
async function checkSlidersBesideCharts(page, context, label) {
  const cdp = await context.newCDPSession(page);
  for (const s of MAIN_SLIDERS) {
    const id = `param-${s.key}`;
    for (const block of ['start', 'end']) {
      const where = `${label}, ${s.name} slider scrolled to the ${block}`;
      await page.evaluate(([id, block]) => document.getElementById(id).scrollIntoView({ block }), [id, block]);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const seen = await looks(page, id);
      assert.ok(seen.sliderOnScreen, `${where}: the slider is on screen`);
      assert.ok(seen.sliderUncovered, `${where}: the slider is not covered (by ${seen.coveredBy})`);
      assert.ok(seen.chart && seen.shown >= 0.6, `${where}: a chart is at least 60% on screen and uncovered (${seen.chart}: ${(seen.shown * 100).toFixed(0)}%)`);

      const before = await hash(page, seen.chart);
      const value = await page.locator(`#${id}`).inputValue();
      const span = await page.evaluate((id) => {
        const el = document.getElementById(id);
        return (Number(el.value) - Number(el.min)) / (Number(el.max) - Number(el.min));
      }, id);
      await fingerDrag(page, cdp, id, span > 0.5 ? 0.1 : 0.9);
      assert.notEqual(await page.locator(`#${id}`).inputValue(), value, `${where}: the finger moved the slider`);
      await page.waitForFunction(([c, before]) => window.__probe.hash(c) !== before, [seen.chart, before], { timeout: 5_000, polling: 'raf' })
        .catch(() => assert.fail(`${where}: ${seen.chart}'s pixels did not change`));
      const afterDrag = await looks(page, id);
      // The page may keep the slider in place when text above it changes
      // (the browser's scroll anchoring), but it never moves under the finger.
      assert.ok(Math.abs(afterDrag.sliderTop - seen.sliderTop) <= 1, `${where}: dragging the slider did not scroll the page (slider at ${seen.sliderTop.toFixed(0)} then ${afterDrag.sliderTop.toFixed(0)} px)`);
      assert.equal(afterDrag.chart, seen.chart, `${where}: the same chart is still in view after the drag`);
      assert.ok(afterDrag.sliderUncovered, `${where}: the slider is still uncovered after the drag`);
    }
  }
  await cdp.detach();
}

describe('phones in portrait', () => {
  for (const device of PHONES) {
    for (const lang of LANGS) {
      for (const layout of LAYOUTS) {
        test(`${device.name}, ${lang.lang}, ${layout.name}: each headline slider is uncovered beside a chart that follows a finger drag`, { timeout: 120_000 }, async () => {
          const { context, page, problems } = await openPhone(device, lang, layout.query + OWN);
          try {
            await checkSlidersBesideCharts(page, context, `${device.name} ${lang.lang} ${layout.name}`);
            assert.deepEqual(problems, []);
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});

test('a landscape phone (780 x 360) and a tablet (820 x 1180) keep a chart beside each headline slider, page and embed', { timeout: 180_000 }, async () => {
  for (const device of [
    { name: '780 x 360', viewport: { width: 780, height: 360 }, deviceScaleFactor: 2 },
    { name: '820 x 1180', viewport: { width: 820, height: 1180 }, deviceScaleFactor: 2 },
  ]) {
    for (const layout of LAYOUTS) {
      const { context, page, problems } = await openPhone(device, LANGS[0], layout.query + OWN);
      try {
        await checkSlidersBesideCharts(page, context, `${device.name} ${layout.name}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    }
  }
});

test('a tablet with a keyboard: a focused slider moved by arrow keys stays uncovered beside a chart that redraws', { timeout: 60_000 }, async () => {
  const device = { name: '768 x 1024', viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2, isMobile: false, hasTouch: true };
  const { context, page } = await openPhone(device, LANGS[0], '');
  try {
    for (const s of MAIN_SLIDERS) {
      const id = `param-${s.key}`;
      await page.locator(`#${id}`).focus();
      const seen = await looks(page, id);
      assert.ok(seen.sliderOnScreen && seen.sliderUncovered, `${s.name}: focus brings the slider into view, uncovered (by ${seen.coveredBy})`);
      assert.ok(seen.chart && seen.shown >= 0.6, `${s.name}: a chart at least 60% on screen (${seen.chart}: ${seen.shown})`);
      const before = await hash(page, seen.chart);
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Home');
      await page.waitForFunction(([c, before]) => window.__probe.hash(c) !== before, [seen.chart, before], { timeout: 5_000, polling: 'raf' });
    }
  } finally {
    await context.close();
  }
});

/** Each chart's curves, as the command line's CSV columns, and its axis. */
const CHART_COLUMNS = [
  { name: 'retention', first: 2019, people: false, columns: ['cohort2019_in_us', 'cohort2019_in_china', 'cohort2019_elsewhere'] },
  { name: 'inflow', first: 2010, people: true, columns: ['inflow_us_grad', 'inflow_us_work'] },
  { name: 'where', first: 2010, people: false, columns: ['share_work_us', 'share_work_china', 'share_work_elsewhere'] },
];

/**
 * The chart a lever moves most on screen, from the command line's runs at
 * the slider's two ends: the largest change of any curve, as a share of
 * the chart's vertical axis (0 to 1 for shares, 0 to the largest value
 * drawn for people a year). Null when the lever moves nothing (the policy
 * start year with every lever at today's setting).
 */
async function movedMost(key, min, max) {
  const [low, high] = await Promise.all([min, max].map(async (v) => {
    const cli = await runCli(['run', '--set', `${key}=${v}`]);
    assert.equal(cli.status, 0, cli.stderr);
    return parseCsv(cli.stdout);
  }));
  let best = null;
  let most = 0;
  for (const chart of CHART_COLUMNS) {
    let change = 0;
    let top = 0;
    low.forEach((row, i) => {
      if (Number(row.year) < chart.first) return;
      for (const c of chart.columns) {
        const [a, b] = [Number(row[c]), Number(high[i][c])];
        if (row[c] === '' || high[i][c] === '' || !Number.isFinite(a) || !Number.isFinite(b)) continue;
        change = Math.max(change, Math.abs(b - a));
        top = Math.max(top, a, b);
      }
    });
    const moved = change / (chart.people ? top : 1);
    if (moved > most + 1e-9) [best, most] = [chart.name, moved];
  }
  return best;
}

test('the compact chart shows the chart the sliders move most (worked out from the command line) until the reader picks one, and the pick stays', { timeout: 90_000 }, async () => {
  const { context, page } = await openPhone(PHONES[0], LANGS[0], '');
  try {
    await page.locator('#advanced summary').click();
    const shown = () => page.evaluate(() => document.getElementById('dock').dataset.chart);
    const pressed = () => page.evaluate(() => [...document.querySelectorAll('.dock-tabs button')].map((b) => b.getAttribute('aria-pressed')));
    const levers = await page.evaluate(() => [...document.querySelectorAll('.controls input[type=range]')].map((i) => i.id.replace(/^param-/, '')));
    assert.ok(levers.length >= 8, `every slider (${levers.length})`);
    const params = parseCsv((await runCli(['params'])).stdout);
    let checked = 0;
    for (const key of levers) {
      const p = params.find((r) => r.key === key);
      const most = await movedMost(key, p.min, p.max);
      if (most === null) continue;
      checked++;
      await page.locator(`#param-${key}`).focus();
      assert.equal(await shown(), most, `the ${key} slider moves the ${most} chart most, and it is shown`);
      const before = await hash(page, 'chart-dock');
      await page.keyboard.press('End');
      await page.waitForFunction((before) => window.__probe.hash('chart-dock') !== before, before, { timeout: 5_000 });
      assert.equal(await shown(), most, `the ${key} slider's chart stays while it moves`);
      await page.keyboard.press('Home');
    }
    assert.ok(checked >= 7, `the levers that move anything were checked (${checked})`);
    assert.deepEqual((await pressed()).filter((p) => p === 'true').length, 1, 'one chart button is pressed');
    // The reader picks another chart: it stays while the sliders are used.
    const names = CHART_COLUMNS.map((c) => c.name);
    const other = names.findIndex((n) => n !== 'inflow');
    const beforePick = await hash(page, 'chart-dock');
    await page.locator('.dock-tabs button').nth(other).tap();
    assert.equal(await shown(), names[other], 'the tapped chart is shown');
    assert.equal((await pressed())[other], 'true', 'its button is pressed');
    await page.waitForFunction((before) => window.__probe.hash('chart-dock') !== before, beforePick, { timeout: 5_000 });
    for (const s of MAIN_SLIDERS) {
      await page.locator(`#param-${s.key}`).focus();
      await page.keyboard.press('ArrowRight');
      assert.equal(await shown(), names[other], `the pick stays while the ${s.name} slider is used`);
    }
  } finally {
    await context.close();
  }
});

test('the first screen of the phone page shows a chart', { timeout: 90_000 }, async () => {
  for (const device of PHONES) {
    for (const lang of LANGS) {
      const { context, page } = await openPhone(device, lang, '');
      try {
        const shown = await page.evaluate(() => {
          const r = document.getElementById('chart-dock').getBoundingClientRect();
          return r.height > 0 ? (Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0)) / r.height : 0;
        });
        assert.equal(shown, 1, `${device.name} ${lang.lang}: the chart is wholly on the first screen`);
      } finally {
        await context.close();
      }
    }
  }
});

test('at 360 px the header and the entry row fit without breaking a word, and every control is at least 24 x 24 px', { timeout: 90_000 }, async () => {
  for (const lang of LANGS) {
    for (const query of ['', '&layout=embed']) {
      const { context, page } = await openPhone(PHONES[0], lang, query);
      try {
        await page.locator('#advanced summary').click().catch(() => {});
        const found = await page.evaluate(() => {
          const lines = (el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
          };
          const broken = [];
          // Each control's label and the Chinese title stay on one line.
          for (const el of document.querySelectorAll('.page-tools button, .guide-bar > *, .dock-tabs button')) {
            if (el.checkVisibility() && lines(el) > 1) broken.push(`${el.tagName} "${el.textContent.trim()}" on ${lines(el)} lines`);
          }
          for (const h of document.querySelectorAll('h1')) {
            if (document.documentElement.lang.startsWith('zh') && lines(h) > 1) broken.push(`title "${h.textContent}" on ${lines(h)} lines`);
            // An English title may wrap, but only between words.
            const text = h.firstChild;
            let at = 0;
            for (const word of h.textContent.split(' ')) {
              const range = document.createRange();
              range.setStart(text, at);
              range.setEnd(text, at + word.length);
              at += word.length + 1;
              const rows = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
              if (rows > 1) broken.push(`title word "${word}" broken over ${rows} lines`);
            }
          }
          const small = [...document.querySelectorAll('button, select, input, summary, textarea, .guide-bar a')]
            .filter((el) => el.checkVisibility())
            .map((el) => [el, el.getBoundingClientRect()])
            .filter(([, r]) => r.width < 24 || r.height < 24)
            .map(([el, r]) => `${el.tagName}#${el.id}.${el.className} ${r.width.toFixed(0)}x${r.height.toFixed(0)}`);
          return { broken, small, scrollWidth: document.documentElement.scrollWidth };
        });
        assert.deepEqual(found.broken, [], `${lang.lang}${query}: nothing breaks inside a word`);
        assert.deepEqual(found.small, [], `${lang.lang}${query}: every control at least 24 x 24 px`);
        assert.ok(found.scrollWidth <= 360, `${lang.lang}${query}: no sideways scroll (${found.scrollWidth})`);
      } finally {
        await context.close();
      }
    }
  }
});

test('axe-core finds no WCAG 2.2 AA violation on a 360 px phone, page and embed, both languages', { timeout: 120_000 }, async () => {
  for (const lang of LANGS) {
    for (const query of ['', '&layout=embed']) {
      const { context, page } = await openPhone(PHONES[0], lang, query, { bypassCSP: true });
      try {
        // At the top of the page: further down, what scrolls under the
        // chart at the top is (rightly) partly out of reach until it
        // scrolls out from under it.
        await page.addScriptTag({ content: AXE });
        const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG);
        assert.ok(result.passes.length > 20, 'axe ran its checks');
        const violations = result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        assert.deepEqual(violations, [], `${lang.lang}${query}`);
      } finally {
        await context.close();
      }
    }
  }
});

test('on a desktop screen the controls and charts stay side by side and the compact chart is never drawn', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp(browser, server, { viewport: { width: 1280, height: 900 } });
  try {
    await waitForCharts(page);
    const layout = await page.evaluate(() => {
      const controls = document.querySelector('.controls').getBoundingClientRect();
      const charts = document.querySelector('.charts').getBoundingClientRect();
      const dock = document.getElementById('chart-dock');
      return { beside: charts.left >= controls.right, top: Math.abs(charts.top - controls.top), dockShown: dock.checkVisibility(), dockWidth: dock.width };
    });
    assert.ok(layout.beside && layout.top < 2, 'the charts stand beside the controls, tops aligned');
    assert.equal(layout.dockShown, false, 'no compact chart');
    assert.equal(layout.dockWidth, 300, 'its canvas was never sized, so never drawn (a canvas is 300 px wide by default)');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('on a phone, typing in a text field with the on-screen keyboard up: the chart gives up the top of the screen and the field is uncovered', { timeout: 60_000 }, async () => {
  const { context, page } = await openPhone(PHONES[0], LANGS[0], '');
  try {
    const field = page.locator('#save-name');
    await field.waitFor();
    const stuck = () => page.evaluate(() => getComputedStyle(document.getElementById('dock')).position);
    assert.equal(await stuck(), 'sticky', 'the chart stays at the top while the sliders are used');
    await field.focus();
    // The keyboard takes the lower half of the screen (the page asks for
    // its content to be resized, `interactive-widget=resizes-content`).
    await page.setViewportSize({ width: 360, height: 420 });
    await field.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await stuck(), 'static', 'the chart scrolls away with the controls');
    const seen = await field.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { top: r.top, bottom: r.bottom, height: innerHeight, onScreen: r.top >= 0 && r.bottom <= innerHeight + 0.5, atCentre: at === el, at: at?.id };
    });
    assert.ok(seen.onScreen && seen.atCentre, `the field is on screen and uncovered (${JSON.stringify(seen)})`);
    const dock = await page.evaluate(() => document.getElementById('dock').getBoundingClientRect().bottom);
    assert.ok(dock <= 0, `the chart is not on the small screen left (its bottom at ${dock.toFixed(0)} px)`);
  } finally {
    await context.close();
  }
});
