// A reader moves the headline sliders: the value shown beside each slider,
// the charts and their summaries follow while dragging; reset brings back
// the baseline.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHARTS, MAIN_SLIDERS, chartHashes, controlState, dragSlider, launchBrowser, mainSlider,
  openApp, startServer, summaries, waitForCharts, waitForRedraw,
} from './support/app.mjs';

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

async function freshPage() {
  const app = await openApp(browser, server);
  await waitForCharts(app.page);
  return app;
}

function outputText(page, key) {
  return page.locator(`output#param-${key}-value`).textContent().then((t) => t.trim());
}

/** Fraction of the track at the far side from the slider's current value. */
async function farSide(locator) {
  const f = await locator.evaluate((el) => (Number(el.value) - Number(el.min)) / (Number(el.max) - Number(el.min)));
  return f < 0.5 ? 0.9 : 0.1;
}

describe('the three headline sliders', () => {
  for (const slider of MAIN_SLIDERS) {
    test(`dragging "${slider.name}" with the mouse moves its value, and the charts and summaries follow`, { timeout: 60_000 }, async (t) => {
      const { context, page } = await freshPage();
      try {
        const input = mainSlider(page, slider);
        assert.equal(await input.count(), 1, `exactly one visible slider labelled ${slider.label}`);
        assert.equal(await input.getAttribute('id'), `param-${slider.key}`);
        assert.equal(await input.getAttribute('type'), 'range');

        const value0 = await input.inputValue();
        const shown0 = await outputText(page, slider.key);
        const pixels0 = await chartHashes(page);
        const text0 = await summaries(page);

        await dragSlider(page, input, await farSide(input));

        const value1 = await input.inputValue();
        assert.notEqual(value1, value0, 'the drag moved the slider');
        await page.waitForFunction(([key, before]) => document.getElementById(`param-${key}-value`).textContent.trim() !== before, [slider.key, shown0], { timeout: 5_000 });
        assert.match(await outputText(page, slider.key), /\d/, 'the shown value is a number');

        await waitForRedraw(page, pixels0);
        // Let any redraw scheduled for the last input event land, then compare.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const pixels1 = await chartHashes(page);
        const text1 = await summaries(page);
        const redrawn = CHARTS.map((c) => c.id).filter((id) => pixels1[id] !== pixels0[id]);
        const retold = CHARTS.map((c) => c.id).filter((id) => text1[id] !== text0[id]);
        t.diagnostic(`${slider.name}: ${value0} -> ${value1}; redrawn: ${redrawn.join(', ') || 'none'}; summaries changed: ${retold.join(', ') || 'none'}`);
        // Each headline lever acts on the whole system, so every chart
        // follows it, and every summary but one: visa restrictions act at
        // entry (model 1.0), so the 2019 cohort, already in the US, keeps
        // its share to the summary's rounding.
        const retelling = CHARTS.map((c) => c.id)
          .filter((id) => !(slider.key === 'visa_restrictions' && id === 'chart-retention'));
        assert.deepEqual(redrawn, CHARTS.map((c) => c.id), 'every chart redrawn');
        assert.deepEqual(retold.filter((id) => retelling.includes(id)), retelling, `every summary changed (before: ${JSON.stringify(text0)})`);
        for (const id of CHARTS.map((c) => c.id)) assert.ok(text1[id].length > 0, `${id}-summary is not empty`);
      } finally {
        await context.close();
      }
    });
  }

  test('the charts redraw on every input event while dragging, not only on release', { timeout: 60_000 }, async () => {
    const { context, page } = await freshPage();
    try {
      for (const slider of MAIN_SLIDERS) {
        const input = mainSlider(page, slider);
        // Four distinct values spread over the track, away from the current one.
        const values = await input.evaluate((el) => {
          const min = Number(el.min);
          const max = Number(el.max);
          const cur = Number(el.value);
          const out = [];
          for (const f of [0.15, 0.4, 0.65, 0.9]) {
            el.value = String(min + f * (max - min)); // snapped to the step by the browser
            if (Number(el.value) !== cur && !out.includes(el.value)) out.push(el.value);
          }
          el.value = String(cur);
          return out;
        });
        assert.ok(values.length >= 3, `${slider.name}: found distinct values ${values}`);
        let before = await chartHashes(page);
        for (const v of values) {
          await input.evaluate((el, v) => {
            el.addEventListener('change', () => { window.__changeFired = true; }, { once: true });
            el.value = v;
            el.dispatchEvent(new Event('input', { bubbles: true }));
          }, v);
          before = await waitForRedraw(page, before).catch(() => {
            throw new Error(`${slider.name}: no chart redrawn after an input event to ${v} (no change event)`);
          });
        }
        assert.equal(await page.evaluate(() => window.__changeFired ?? false), false, 'no change event was involved');
      }
    } finally {
      await context.close();
    }
  });

  test('the keyboard moves a slider too (arrow keys, End, Home) and the charts follow', { timeout: 60_000 }, async () => {
    const { context, page } = await freshPage();
    try {
      const input = mainSlider(page, MAIN_SLIDERS[0]);
      const v0 = Number(await input.inputValue());
      let pixels = await chartHashes(page);
      await input.focus();
      await page.keyboard.press('End');
      assert.equal(await input.inputValue(), await input.getAttribute('max'), 'End moves to the maximum');
      pixels = await waitForRedraw(page, pixels);
      await page.keyboard.press('ArrowLeft');
      assert.ok(Number(await input.inputValue()) < Number(await input.getAttribute('max')), 'ArrowLeft steps down');
      pixels = await waitForRedraw(page, pixels);
      await page.keyboard.press('Home');
      assert.equal(await input.inputValue(), await input.getAttribute('min'), 'Home moves to the minimum');
      await waitForRedraw(page, pixels);
      assert.notEqual(Number(await input.inputValue()), v0);
    } finally {
      await context.close();
    }
  });
});

describe('reset', () => {
  test('reset returns every slider, shown value, summary and chart to the baseline', { timeout: 60_000 }, async () => {
    const { context, page } = await freshPage();
    try {
      const controls0 = await controlState(page);
      const text0 = await summaries(page);
      const pixels0 = await chartHashes(page);
      assert.ok(Object.keys(controls0.sliders).length >= 3, 'there are sliders');

      for (const slider of MAIN_SLIDERS) {
        const input = mainSlider(page, slider);
        await dragSlider(page, input, await farSide(input));
      }
      // One of the advanced sliders as well.
      const advanced = page.locator('details#advanced');
      assert.equal(await advanced.count(), 1, 'advanced sliders are in <details id="advanced">');
      if (!(await advanced.evaluate((d) => d.open))) await advanced.locator('summary').click();
      const adv = advanced.locator('input[type=range]').first();
      assert.ok(await adv.isVisible(), 'opening "advanced" shows its sliders');
      await adv.focus();
      await page.keyboard.press('End');

      const moved = await controlState(page);
      const changedSliders = Object.keys(controls0.sliders).filter((id) => moved.sliders[id] !== controls0.sliders[id]);
      assert.ok(changedSliders.length >= 4, `four sliders moved (${changedSliders})`);
      await page.waitForFunction((t0) => Object.entries(t0).some(([id, t]) => document.getElementById(`${id}-summary`).textContent.trim() !== t), text0);

      const reset = page.locator('button#reset');
      await reset.scrollIntoViewIfNeeded();
      await reset.click();

      await page.waitForFunction(([sliders, outputs]) =>
        Object.entries(sliders).every(([id, v]) => document.getElementById(id)?.value === v)
        && Object.entries(outputs).every(([id, t]) => document.getElementById(id)?.textContent.trim() === t),
      [controls0.sliders, controls0.outputs], { timeout: 5_000 }).catch(() => {});
      assert.deepEqual(await controlState(page), controls0, 'every slider and shown value back at the baseline');

      await page.waitForFunction(([ids, t0]) => ids.every((id) => document.getElementById(`${id}-summary`).textContent.trim() === t0[id]),
        [CHARTS.map((c) => c.id), text0], { timeout: 5_000 }).catch(() => {});
      assert.deepEqual(await summaries(page), text0, 'every summary back at the baseline');

      await page.waitForFunction(([ids, p0]) => ids.every((id) => window.__probe.hash(id) === p0[id]),
        [CHARTS.map((c) => c.id), pixels0], { timeout: 5_000 }).catch(() => {});
      assert.deepEqual(await chartHashes(page), pixels0, 'every chart redrawn exactly as at first');
    } finally {
      await context.close();
    }
  });
});
