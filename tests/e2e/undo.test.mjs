// Undo, redo and reset of setting changes: buttons and the usual keys.
// A drag is one step; typing in a text field keeps its own undo.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAIN_SLIDERS, dragSlider, launchBrowser, mainSlider, openApp, startServer, waitForCharts } from './support/app.mjs';
import { pickPreset } from './support/scenarios.mjs';

let server;
let browser;
let app;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  app = await openApp(browser, server);
  await waitForCharts(app.page);
});
after(async () => {
  await app?.context.close();
  await browser?.close();
  await server?.stop();
});

const visa = () => app.page.locator('#param-visa_restrictions-value').textContent();
const status = () => app.page.locator('#preset-status').textContent();

test('undo and redo buttons step through setting changes; a whole drag is one step', { timeout: 60_000 }, async () => {
  const { page } = app;
  assert.ok(await page.locator('#undo').isDisabled(), 'nothing to undo at first');
  const start = await visa();
  await dragSlider(page, mainSlider(page, MAIN_SLIDERS[0]), 0.9);
  const dragged = await visa();
  assert.notEqual(dragged, start);
  await pickPreset(page, 'China funding surge');
  await page.waitForFunction(() => document.getElementById('preset-status').textContent.trim() === 'China funding surge');
  await page.locator('#undo').click();
  await page.waitForFunction(() => !/China funding surge/.test(document.getElementById('preset-status').textContent));
  assert.equal(await visa(), dragged, 'undo takes back the preset');
  await page.locator('#undo').click();
  await page.waitForFunction((s) => document.getElementById('param-visa_restrictions-value').textContent === s, start);
  assert.ok(await page.locator('#undo').isDisabled(), 'the drag was one step');
  await page.locator('#redo').click();
  await page.waitForFunction((s) => document.getElementById('param-visa_restrictions-value').textContent === s, dragged);
  await page.locator('#redo').click();
  await page.waitForFunction(() => document.getElementById('preset-status').textContent.trim() === 'China funding surge');
  assert.ok(await page.locator('#redo').isDisabled());
});

test('Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, Meta+Z too; reset is undoable', { timeout: 60_000 }, async () => {
  const { page } = app;
  await pickPreset(page, 'Full decoupling');
  await page.waitForFunction(() => document.getElementById('preset-status').textContent.trim() === 'Full decoupling');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.getElementById('preset-status').textContent.trim() !== 'Full decoupling');
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction(() => document.getElementById('preset-status').textContent.trim() === 'Full decoupling');
  await page.keyboard.press('Meta+z');
  await page.waitForFunction(() => document.getElementById('preset-status').textContent.trim() !== 'Full decoupling');
  await page.keyboard.press('Control+y');
  await page.waitForFunction(() => document.getElementById('preset-status').textContent.trim() === 'Full decoupling');
  await page.locator('#reset').click();
  await page.waitForFunction(() => /^Settings|^Showing the baseline/.test(document.getElementById('scenario-status').textContent));
  assert.equal(await visa(), '30%');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.getElementById('param-visa_restrictions-value').textContent === '90%');
  assert.match(await status(), /Full decoupling/);
  assert.deepEqual(app.problems, []);
});
