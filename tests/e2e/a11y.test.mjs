// Accessibility to WCAG 2.2 AA: an axe-core audit of the page and the
// embed layout in both languages (and in the display modes), charts that
// speak (name, a summary said politely once a slider is let go, a data
// table), keyboard focus, display
// modes, reduced motion, phone touch targets and a projector screen.
//
// axe-core (pinned in package.json) is injected as an inline script, which
// the page's Content Security Policy (a <meta> tag) forbids; the audit
// contexts are therefore opened with Playwright's `bypassCSP`, and
// hardening.test.mjs checks the policy itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  CHARTS, MAIN_SLIDERS, launchBrowser, openApp, startServer, summaries, waitForCharts,
} from './support/app.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

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

async function open(query = '', options = {}) {
  const app = await openApp(browser, { url: `${server.url}${query}` }, options);
  await waitForCharts(app.page);
  return app;
}

/** axe-core's WCAG 2.2 A/AA violations on the page, as readable lines. */
async function audit(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG);
  assert.ok(result.passes.length > 20, `axe ran its checks (${result.passes.length} passed)`);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const [name, query] of [
  ['the page in English', '?lang=en&pin=china_funding_surge'],
  ['the page in Chinese', '?lang=zh-CN&pin=china_funding_surge'],
  ['the embed in English', '?lang=en&layout=embed'],
  ['the embed in Chinese', '?lang=zh-CN&layout=embed'],
  ['the page in high contrast and large text', '?contrast=high&text=large'],
]) {
  test(`axe-core finds no WCAG 2.2 AA violation in ${name}`, { timeout: 90_000 }, async () => {
    const { context, page } = await open(query, { bypassCSP: true });
    try {
      // With a chart's data table open, the advanced sliders shown and the
      // evidence ledger open.
      await page.locator('.table-toggle').first().click();
      if (!query.includes('embed')) {
        await page.locator('#advanced summary').click();
        await page.locator('#ledger summary').click();
        await page.locator('#ledger tbody tr').first().waitFor();
      }
      assert.deepEqual(await audit(page), []);
    } finally {
      await context.close();
    }
  });
}

test('each chart has a name, and a summary said politely once the reader lets go of a slider, not on every step', { timeout: 90_000 }, async () => {
  const { context, page } = await open('?lang=en');
  try {
    for (const c of CHARTS) {
      const canvas = page.getByRole('img', { name: c.name });
      assert.equal(await canvas.count(), 1, `${c.id} has an accessible name`);
      const live = page.locator(`#${c.id}-summary ~ [aria-live="polite"]`);
      assert.equal(await live.count(), 1, `${c.id} has a polite live summary`);
      assert.equal(await live.textContent(), (await summaries(page))[c.id], `${c.id}: it says the summary`);
    }
    const live = page.locator(`#${CHARTS[0].id}-summary ~ [aria-live="polite"]`);
    const slider = page.locator(`#param-${MAIN_SLIDERS[0].key}`);
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    const y = box.y + box.height / 2;
    const value = await slider.inputValue();
    await page.mouse.move(box.x + 8 + ((Number(value) - Number(await slider.getAttribute('min'))) / (Number(await slider.getAttribute('max')) - Number(await slider.getAttribute('min')))) * (box.width - 16), y);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + 8 + (box.width - 16) * (0.9 - i * 0.1), y);
    assert.notEqual(await slider.inputValue(), value, 'the slider moved');
    assert.equal((await live.textContent()).trim(), '', 'nothing is said while the reader is still dragging');
    await page.mouse.up();
    await page.waitForFunction((id) => document.querySelector(`#${id}-summary ~ [aria-live]`).textContent === document.getElementById(`${id}-summary`).textContent, CHARTS[0].id, { timeout: 3_000 });

    // A key press is a whole change: said at once.
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((id) => document.querySelector(`#${id}-summary ~ [aria-live]`).textContent === document.getElementById(`${id}-summary`).textContent, CHARTS[0].id, { timeout: 3_000 });
  } finally {
    await context.close();
  }
});

test('each chart shows its series as a table on request: a row per year, a column per curve, the summary\'s values', { timeout: 60_000 }, async () => {
  const { context, page } = await open('?lang=en');
  try {
    const shown = (await summaries(page))[CHARTS[0].id];
    const figure = page.locator('figure', { has: page.locator(`#${CHARTS[0].id}`) });
    const toggle = figure.getByRole('button', { name: 'Data table' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await figure.locator('table').count(), 0, 'no table until asked for');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const table = figure.locator('table');
    const years = await table.locator('tbody th[scope=row]').allTextContents();
    assert.equal(years[0], '2019');
    assert.equal(years.at(-1), '2050');
    assert.equal(years.length, 32, 'every year from 2019 to 2050');
    const headers = await table.locator('thead th').allTextContents();
    const legend = await figure.locator('.legend li').evaluateAll((lis) => lis.slice(0, 3).map((li) => li.textContent.trim()));
    assert.deepEqual([...headers.slice(1)].sort(), [...legend].sort(), 'a column per curve, named as in the legend');
    assert.equal(headers[2 + 1], 'Still in the US', 'the last column is the US share the summary quotes');
    const row2035 = await table.locator('tbody tr', { has: page.locator('th', { hasText: /^2035$/ }) }).locator('td').allTextContents();
    const inUs = row2035.at(-1);
    assert.ok(shown.includes(inUs), `the summary (${shown}) and the table (${inUs}) agree on 2035`);
    await toggle.click();
    assert.equal(await table.count(), 0, 'the table hides again');
    for (const c of CHARTS.slice(1)) {
      const f = page.locator('figure', { has: page.locator(`#${c.id}`) });
      await f.locator('.table-toggle').click();
      assert.ok(await f.locator('tbody tr').count() >= 30, `${c.id}: a table of its years`);
    }
  } finally {
    await context.close();
  }
});

test('the keyboard reaches the language switch, then the sliders in order, with a visible focus ring', { timeout: 60_000 }, async () => {
  const { context, page } = await open('?lang=en');
  try {
    const order = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return { id: el.id, tag: el.tagName, text: el.textContent.trim().slice(0, 20), cls: el.className, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      order.push(info);
      assert.ok(info.outline !== 'none' && info.width >= 2, `a visible focus ring on ${info.tag}#${info.id} "${info.text}" (${info.outline} ${info.width}px)`);
    }
    const at = (pred) => order.findIndex(pred);
    const lang = at((e) => e.text === '中文');
    const firstSlider = at((e) => e.id === `param-${MAIN_SLIDERS[0].key}`);
    assert.ok(lang >= 0 && firstSlider > lang, `the language switch (${lang}) comes before the first slider (${firstSlider})`);
    const sliders = MAIN_SLIDERS.map((s) => at((e) => e.id === `param-${s.key}`));
    assert.deepEqual([...sliders].sort((a, b) => a - b), sliders, 'the headline sliders in page order');
  } finally {
    await context.close();
  }
});

test('sliders announce their value with its unit', { timeout: 60_000 }, async () => {
  for (const [lang, unit] of [['en', /percent|times|year/], ['zh-CN', /百分之|倍|年|%/]]) {
    const { context, page } = await open(`?lang=${lang}`);
    try {
      for (const s of MAIN_SLIDERS) {
        const text = await page.locator(`#param-${s.key}`).getAttribute('aria-valuetext');
        assert.match(text, /\d/, `${lang} ${s.key}: a number (${text})`);
        assert.match(text, unit, `${lang} ${s.key}: a unit (${text})`);
      }
    } finally {
      await context.close();
    }
  }
});

/** Relative luminance of an `rgb(r,g,b)` colour (WCAG). */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test('no curve is told apart by colour alone: distinct markers, and each colour at least 3:1 on white', { timeout: 60_000 }, async () => {
  const { context, page } = await open('?lang=en');
  try {
    for (const c of CHARTS) {
      const figure = page.locator('figure', { has: page.locator(`#${c.id}`) });
      const swatches = await figure.locator('.legend li svg').evaluateAll((svgs) => svgs.map((s) => {
        const m = s.querySelector('circle, polygon, rect');
        const line = s.querySelector('line');
        // A curve: a drawn line with a marker of its colour (not the
        // observed points' marker, whose line is transparent).
        return m && line && line.getAttribute('opacity') !== '0' ? { shape: m.tagName, fill: m.getAttribute('fill') } : null;
      }).filter(Boolean));
      const curves = swatches.filter((s) => /^rgb/.test(s.fill ?? ''));
      assert.ok(curves.length >= 2, `${c.id}: legend swatches with markers`);
      // A colour may show twice (a curve and its observed points), but
      // two colours never share a shape.
      const shapeOf = new Map(curves.map((s) => [s.fill, s.shape]));
      assert.equal(new Set(shapeOf.values()).size, shapeOf.size, `${c.id}: each colour has its own marker shape`);
      for (const s of curves) {
        const ratio = 1.05 / (luminance(s.fill) + 0.05);
        assert.ok(ratio >= 3, `${c.id}: ${s.fill} has ${ratio.toFixed(2)}:1 on white`);
      }
    }
  } finally {
    await context.close();
  }
});

test('high contrast and large text: toggles that keep to the address and the settings', { timeout: 60_000 }, async () => {
  const { context, page } = await open('?lang=en&visa_restrictions=60');
  try {
    await page.getByRole('button', { name: 'High contrast' }).click();
    await page.getByRole('button', { name: 'Large text' }).click();
    const classes = await page.evaluate(() => document.documentElement.className);
    assert.match(classes, /high-contrast/);
    assert.match(classes, /large-text/);
    await page.waitForFunction(() => location.search.includes('contrast=high') && location.search.includes('text=large'));
    assert.match(await page.evaluate(() => location.search), /visa_restrictions=60/, 'the scenario is kept');
    const { font, muted } = await page.evaluate(() => ({
      font: parseFloat(getComputedStyle(document.body).fontSize),
      muted: getComputedStyle(document.querySelector('.subtitle')).color,
    }));
    assert.ok(font >= 20, `large text: ${font}px`);
    assert.equal(muted, 'rgb(0, 0, 0)', 'high contrast: secondary text is black');
    await page.reload();
    await waitForCharts(page);
    assert.match(await page.evaluate(() => document.documentElement.className), /high-contrast.*large-text|large-text.*high-contrast/, 'kept on reload');
    assert.equal(await page.getByRole('button', { name: 'Large text' }).getAttribute('aria-pressed'), 'true');
  } finally {
    await context.close();
  }
});

test('with reduced motion asked for, nothing moves (no transition, no animation)', { timeout: 60_000 }, async () => {
  const { context, page } = await open('?lang=en', { reducedMotion: 'reduce' });
  try {
    const moving = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => {
      const s = getComputedStyle(el);
      return s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s.animationName !== 'none';
    }).map((el) => `${el.tagName}.${el.className}`));
    assert.deepEqual(moving, []);
  } finally {
    await context.close();
  }
});

for (const lang of ['en', 'zh-CN']) {
  test(`on a 360 px phone (${lang}), sliders are thumb-sized and nothing is off-screen, in large text too`, { timeout: 60_000 }, async () => {
    for (const query of [`?lang=${lang}`, `?lang=${lang}&text=large`]) {
      const { context, page } = await open(query, { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      try {
        const { scrollWidth, small, outside } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          small: [...document.querySelectorAll('input[type=range]')].filter((i) => i.checkVisibility() && i.getBoundingClientRect().height < 44).map((i) => i.id),
          outside: [...document.querySelectorAll('button, input, a, h1, h2, h3, canvas, p')].filter((e) => {
            if (!e.checkVisibility() || e.closest('.table-scroll, .visually-hidden')) return false;
            const r = e.getBoundingClientRect();
            return r.width > 0 && (r.left < -0.5 || r.right > 360.5);
          }).map((e) => `${e.tagName}#${e.id}.${e.className}`),
        }));
        assert.ok(scrollWidth <= 360, `${query}: no sideways scroll (${scrollWidth})`);
        assert.deepEqual(small, [], `${query}: sliders at least 44 px tall`);
        assert.deepEqual(outside, [], `${query}: nothing off-screen`);
      } finally {
        await context.close();
      }
    }
  });
}

/** Records the font of every text drawn on a canvas, in `window.__fonts`. */
function recordFonts() {
  window.__fonts = [];
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (...args) {
    window.__fonts.push(parseFloat((this.font.match(/([\d.]+)px/) || [])[1]));
    return fillText.apply(this, args);
  };
}

test('in large text, the charts\' own text is drawn larger too', { timeout: 60_000 }, async () => {
  const largest = {};
  for (const query of ['?lang=en', '?lang=en&text=large']) {
    const app = await openApp(browser, { url: `${server.url}${query}` }, { viewport: { width: 1920, height: 1080 } }, recordFonts);
    try {
      await waitForCharts(app.page);
      // The sensitivity chart draws once the scenario has settled.
      await app.page.waitForFunction(() => Number(document.getElementById('chart-tornado')?.dataset.rows) > 0);
      await app.page.waitForTimeout(300);
      largest[query] = await app.page.evaluate(() => Math.max(...window.__fonts.filter(Number.isFinite)));
    } finally {
      await app.context.close();
    }
  }
  assert.ok(largest['?lang=en&text=large'] >= 1.2 * largest['?lang=en'], `chart text ${largest['?lang=en&text=large']}px against ${largest['?lang=en']}px`);
});

test('on a 1920x1080 projector in large text, the text is large and the charts fit the screen', { timeout: 60_000 }, async () => {
  const { context, page } = await open('?lang=en&text=large&contrast=high', { viewport: { width: 1920, height: 1080 } });
  try {
    const { font, scrollWidth, canvasHeight } = await page.evaluate(() => ({
      font: parseFloat(getComputedStyle(document.querySelector('.summary')).fontSize),
      scrollWidth: document.documentElement.scrollWidth,
      canvasHeight: document.querySelector('.charts canvas').getBoundingClientRect().height,
    }));
    assert.ok(font >= 18, `summaries at ${font}px`);
    assert.ok(scrollWidth <= 1920, 'no sideways scroll');
    assert.ok(canvasHeight >= 300 && canvasHeight <= 1080, `a chart fits the screen (${canvasHeight}px)`);
  } finally {
    await context.close();
  }
});
