// The guided story and the challenge cards, as a class uses them: walk the
// story by buttons and arrow keys (each step's sliders and address), move a
// slider mid-step and come back, open a step straight from a link (also in
// the embed layout), get a clear notice for a step that does not exist;
// work a challenge card from not met to met with its live meter.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openApp, startServer, waitForCharts } from './support/app.mjs';
import { pairs, realProblems, settledQuery } from './support/scenarios.mjs';

// The story's steps as crates/model/src/story.rs sets them: the levers
// each step moves (the rest at their defaults) and the chart it outlines.
const STEPS = [
  { id: 'stock', settings: {}, chart: 'retention' },
  { id: 'inflow', settings: {}, chart: 'inflow' },
  { id: 'push', settings: { visa_restrictions: 60, scrutiny_climate: 65 }, chart: 'inflow' },
  { id: 'pull', settings: { china_ai_funding: 6 }, chart: 'where' },
  { id: 'retention', settings: { scrutiny_climate: 75 }, chart: 'retention' },
  { id: 'compute', settings: { compute_ratio: 1 }, chart: 'where' },
  { id: 'war', settings: { pay_gap: 6, china_ai_funding: 6 }, chart: 'retention' },
  { id: 'you', settings: {}, chart: 'retention' },
];
const LEVERS = ['visa_restrictions', 'china_ai_funding', 'compute_ratio', 'scrutiny_climate', 'us_research_funding', 'pay_gap', 'ecosystem_loop', 'policy_start_year'];

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

/** The number a slider shows beside its label (log sliders' inputs hold a track position). */
async function shown(page, key) {
  return parseFloat((await page.locator(`#param-${key}-value`).textContent()).replace(/[^0-9.]/g, ' ').trim());
}

/** A progress meter's value, 0..1. */
async function meterValue(locator) {
  return Number(await locator.getAttribute('value')) / Number(await locator.getAttribute('max'));
}

async function open(query) {
  const app = await openApp(browser, server);
  // The first page settles before the link is opened, so that nothing of
  // it is cut off mid-request (and counted as a problem of the link's).
  await waitForCharts(app.page);
  app.problems.length = 0;
  await app.page.goto(`${server.url}?${query}`);
  await app.page.waitForFunction(() => typeof window.wasmBindings === 'object' && window.wasmBindings !== null);
  return app;
}

/** The step shown ("step N of 8"), from the panel's own text. */
async function shownStep(page) {
  const text = await page.locator('.story-count').textContent();
  return Number(/step (\d+) of 8/.exec(text)?.[1]);
}

/** Checks that step `i` (from 0) is shown, its settings are the address's, and its chart is outlined. */
async function expectStep(page, i) {
  const step = STEPS[i];
  await page.waitForFunction((n) => new RegExp(`step ${n} of 8`).test(document.querySelector('.story-count')?.textContent ?? ''), i + 1);
  const query = new Map(pairs(await settledQuery(page)));
  assert.equal(query.get('story'), String(i + 1), `step ${i + 1} in the address`);
  for (const key of LEVERS) {
    assert.equal(query.get(key) === undefined ? undefined : Number(query.get(key)), step.settings[key], `${step.id}: ${key} in the address`);
  }
  const text = await page.locator('#story-text').textContent();
  assert.doesNotMatch(text, /\{|\[story-|NaN/, `${step.id}: the text is filled in: ${text}`);
  assert.match(text, /\d/, `${step.id}: the text quotes a number`);
  assert.equal(await page.locator('.story').getAttribute('data-chart'), step.chart);
  const outline = await page.locator(`.chart:has(#chart-${step.chart})`).evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(outline, 'solid', `${step.id}: its chart is outlined`);
  for (const other of ['retention', 'inflow', 'where'].filter((c) => c !== step.chart)) {
    const none = await page.locator(`.chart:has(#chart-${other})`).evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.equal(none, 'none', `${step.id}: ${other} is not outlined`);
  }
  const sources = await page.locator('#story .guide-sources a').evaluateAll((as) => as.map((a) => a.href));
  assert.ok(sources.length > 0 && sources.every((h) => /^https?:\/\//.test(h)), `${step.id} links its sources`);
}

describe('the guided story', () => {
  test('walked end to end with Next, then back with the arrow keys: each step sets its sliders, address and outlined chart', { timeout: 120_000 }, async () => {
    const app = await openApp(browser, server);
    const { page } = app;
    await waitForCharts(page);
    await page.click('#story-open');
    await expectStep(page, 0);
    assert.ok(await page.locator('#story-back').isDisabled(), 'no step before the first');
    for (let i = 1; i < STEPS.length; i++) {
      await page.click('#story-next');
      await expectStep(page, i);
      const visa = await page.locator('#param-visa_restrictions').inputValue();
      assert.equal(Number(visa), STEPS[i].settings.visa_restrictions ?? 30, `${STEPS[i].id}: the visa slider shows its setting`);
    }
    assert.ok(await page.locator('#story-next').isDisabled(), 'no step after the last');
    await page.locator('#story').focus();
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, STEPS.length - 2);
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, STEPS.length - 3);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, STEPS.length - 2);
    assert.deepEqual(realProblems(app), []);
    await app.context.close();
  });

  test('a slider moved mid-step keeps the story; "back to the story\'s settings" restores the step', { timeout: 60_000 }, async () => {
    const app = await open('story=4');
    const { page } = app;
    await expectStep(page, 3);
    assert.equal(await page.locator('#story-restore').count(), 0, 'nothing to restore yet');
    await page.locator('#param-visa_restrictions').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#story-restore');
    assert.equal(await shownStep(page), 4, 'still at step 4');
    const moved = new Map(pairs(await settledQuery(page)));
    assert.equal(moved.get('story'), '4');
    assert.equal(moved.get('visa_restrictions'), '31', 'the reader\'s own setting is in the address');
    await page.click('#story-restore');
    await expectStep(page, 3);
    assert.equal(await page.locator('#story-restore').count(), 0);
    await page.click('#story-close');
    await page.waitForFunction(() => !document.getElementById('story'));
    const closed = new Map(pairs(await settledQuery(page)));
    assert.equal(closed.get('story'), undefined, 'closing takes the step out of the address');
    assert.equal(closed.get('china_ai_funding'), '6', 'and keeps the settings');
    assert.deepEqual(realProblems(app), []);
    await app.context.close();
  });

  test('a link straight to step 4 opens it with its settings; with the reader\'s own settings it keeps them', { timeout: 60_000 }, async () => {
    const app = await open('story=4');
    await expectStep(app.page, 3);
    assert.equal(await shown(app.page, 'china_ai_funding'), 6);
    await app.page.goto(`${server.url}?visa_restrictions=50&story=4`);
    await app.page.waitForSelector('#story-restore');
    assert.equal(await app.page.locator('#param-visa_restrictions').inputValue(), '50');
    assert.equal(await shownStep(app.page), 4);
    await app.context.close();
  });

  test('the step\'s chart draws the part it points at (a shaded span and a traced curve); the other charts are as without the story', { timeout: 60_000 }, async () => {
    const hashes = async (query) => {
      const app = await open(query);
      await waitForCharts(app.page);
      await app.page.waitForTimeout(300);
      const h = await app.page.evaluate(() => Object.fromEntries(['retention', 'inflow', 'where'].map((c) => [c, window.__probe.hash(`chart-${c}`)])));
      await app.context.close();
      return h;
    };
    // Step 4 (China's pull) points at the "where they work" chart.
    const story = await hashes('story=4');
    const plain = await hashes('china_ai_funding=6');
    assert.notEqual(story.where, plain.where, 'the pointed-at chart has the highlight drawn');
    assert.equal(story.retention, plain.retention, 'the retention chart is unchanged');
    assert.equal(story.inflow, plain.inflow, 'the inflow chart is unchanged');
  });

  test('a step that does not exist: a notice in the reader\'s language, the story from step 1, the scenario kept', { timeout: 60_000 }, async () => {
    const app = await open('visa_restrictions=70&story=12');
    const { page } = app;
    await page.waitForSelector('.story-count');
    const notices = await page.locator('.notices').textContent();
    assert.match(notices, /no step “12” in the story \(it has 8 steps\)/);
    assert.equal(await shownStep(page), 1);
    assert.equal(await page.locator('#param-visa_restrictions').inputValue(), '70', 'the scenario is kept');
    await app.context.close();
  });

  test('in Chinese: the step\'s text, its numbers and the notice for a missing step are in Chinese', { timeout: 60_000 }, async () => {
    const app = await open('lang=zh-CN&story=4');
    const { page } = app;
    await page.waitForFunction(() => /第 4 步，共 8 步/.test(document.querySelector('.story-count')?.textContent ?? ''));
    assert.equal(await page.locator('#story-title').textContent(), '第二种力量：中国的拉力');
    assert.match(await page.locator('#story-text').textContent(), /到 2035 年在中国工作的比例达到 \d+%。/);
    assert.match(await page.locator('#story-look').textContent(), /^请看：/);
    await page.goto(`${server.url}?lang=zh-CN&story=99`);
    await page.waitForSelector('.notices');
    assert.match(await page.locator('.notices').textContent(), /故事里没有第“99”步（共 8 步），所以从第 1 步开始。/);
    assert.deepEqual(realProblems(app), []);
    await app.context.close();
  });

  test('the embed layout shows one step with its chart outlined, for an article', { timeout: 60_000 }, async () => {
    const app = await open('layout=embed&story=4');
    const { page } = app;
    await expectStep(page, 3);
    assert.equal(await page.locator('.embed-layout #story').count(), 1);
    assert.equal(await page.locator('#story-open').count(), 0, 'no entry row in the embed');
    await page.click('#story-next');
    await expectStep(page, 4);
    const query = new Map(pairs(await settledQuery(page)));
    assert.equal(query.get('layout'), 'embed');
    assert.deepEqual(realProblems(app), []);
    await app.context.close();
  });
});

describe('challenge cards', () => {
  test('a card from a link starts not met; moving sliders fills its meter until it is met, and breaking its rule un-meets it', { timeout: 90_000 }, async () => {
    const app = await open('challenge=refill_the_pipeline');
    const { page } = app;
    await page.waitForSelector('#challenge');
    const meter = page.locator('#challenge-meter-0');
    const status = page.locator('#challenge-status');
    assert.match(await status.textContent(), /Not yet/);
    assert.equal(await meterValue(meter), 0);
    assert.equal(await page.locator('#param-visa_restrictions').inputValue(), '45', 'the card\'s start');
    const goal = await page.locator('#challenge-goal-0').textContent();
    assert.match(goal, /New Chinese students starting US graduate school in 2035: \d+ now; goal at least \d+ \(2019\)/);
    // Part of the way: a little more US research funding.
    const set = async (key, value) => {
      await page.goto(`${server.url}?challenge=refill_the_pipeline&${key}`);
      await page.waitForSelector('#challenge');
    };
    await set('visa_restrictions=45&us_research_funding=1.2');
    const partial = await meterValue(meter);
    assert.ok(partial > 0 && partial < 1, `partial progress (${partial})`);
    assert.match(await status.textContent(), /Not yet/);
    // The whole way, within the rule.
    await set('visa_restrictions=45&scrutiny_climate=0&pay_gap=6&us_research_funding=1.3');
    assert.equal(await meterValue(meter), 1);
    assert.match(await status.textContent(), /Met!/);
    // Live: lowering visa restrictions below 45% breaks the card's rule.
    await page.locator('#param-visa_restrictions').focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => /Broken/.test(document.querySelector('.challenge-rule')?.textContent ?? ''));
    assert.match(await status.textContent(), /Not yet/);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /Met!/.test(document.getElementById('challenge-status').textContent));
    const query = new Map(pairs(await settledQuery(page)));
    assert.equal(query.get('challenge'), 'refill_the_pipeline', 'the answer link carries the card');
    assert.deepEqual(realProblems(app), []);
    await app.context.close();
  });

  test('picking a card from the list sets its start; the meter follows a slider live', { timeout: 60_000 }, async () => {
    const app = await openApp(browser, server);
    const { page } = app;
    await waitForCharts(page);
    await page.selectOption('#challenge-pick', { label: 'Hold the line' });
    await page.waitForSelector('#challenge');
    assert.equal(await shown(page, 'china_ai_funding'), 4);
    const before = await page.locator('#challenge-goal-0').textContent();
    // Visa restrictions act at entry and leave the 2019 cohort be (model
    // 1.0); a wider compute gap keeps more of it.
    await page.locator('#param-compute_ratio').focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((b) => document.getElementById('challenge-goal-0').textContent !== b, before);
    const value = await meterValue(page.locator('#challenge-meter-0'));
    assert.ok(value > 0, `a wider compute gap moves the meter (${value})`);
    await app.context.close();
  });

  test('an unknown card in a link: a notice, no card, the scenario kept', { timeout: 60_000 }, async () => {
    const app = await open('pay_gap=5&challenge=nope');
    const { page } = app;
    await page.waitForSelector('.notices');
    assert.match(await page.locator('.notices').textContent(), /challenge=nope/);
    assert.equal(await page.locator('#challenge').count(), 0);
    assert.equal(await shown(page, 'pay_gap'), 5);
    await app.context.close();
  });
});

describe('the teachers\' pages', () => {
  for (const [file, lang, heading] of [['teach.html', 'en', /for teachers/], ['teach.zh-CN.html', 'zh-CN', /教师专页/]]) {
    test(`${file}: a static page in ${lang} with the lesson, linked from the app, whose links open the story and the cards`, { timeout: 60_000 }, async () => {
      const app = await openApp(browser, server);
      const { page } = app;
      if (lang === 'en') {
        await page.click('#teach-link');
        await page.waitForURL(/teach\.html$/);
      } else {
        await page.goto(`${server.url}${file}`);
      }
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.match(await page.locator('h1').textContent(), heading);
      assert.equal(await page.locator('h2').count(), 5, 'for/not for, goals, the lesson, questions, practicalities');
      assert.equal(await page.locator('ol.plan > li').count(), 5, 'a 45-minute plan in five parts');
      assert.equal(await page.locator('script, [style], style').count(), 0, 'no script or inline style');
      // The Chinese page's links open the app in Chinese.
      const prefix = lang === 'en' ? './?' : './?lang=zh-CN&';
      const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const id of ['hold_the_line', 'refill_the_pipeline', 'compute_parity']) assert.ok(links.includes(`${prefix}challenge=${id}`), id);
      assert.ok(links.includes(`${prefix}story=4`));
      await page.click(`a[href="${prefix}story=4"]`);
      await page.waitForFunction(() => /step 4 of 8|第 4 步/.test(document.querySelector('.story-count')?.textContent ?? ''));
      assert.deepEqual(realProblems(app), []);
      await app.context.close();
    });
  }
});
