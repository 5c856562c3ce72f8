// A teacher picks a preset: the sliders jump, the curves follow, a short
// text says what it assumes and on what it rests; touching a slider marks
// the scenario as modified. The numbers agree with `talentflow run --query`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chartHashes, launchBrowser, openApp, runCli, startServer, waitForCharts, waitForRedraw } from './support/app.mjs';
import { PRESETS, pageCsv, pairs, pickPreset, settledQuery } from './support/scenarios.mjs';

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

describe('presets', () => {
  test('the list offers at least seven presets, each with a description and sources that link to the Sources section', { timeout: 60_000 }, async () => {
    const { page } = app;
    const names = await page.locator('#preset option').allTextContents();
    assert.ok(names.length >= 8, `custom + at least 7 presets (got ${names.length})`);
    for (const p of PRESETS) assert.ok(names.includes(p.name), `the list offers ${p.name}`);
    for (const p of PRESETS) {
      await pickPreset(page, p.name);
      await page.waitForFunction((n) => document.getElementById('preset-status')?.textContent.trim() === n, p.name);
      const description = (await page.locator('#preset-description').textContent()).trim();
      assert.ok(description.split(/[.!?](\s|$)/).filter((s) => s && s.trim()).length >= 2, `${p.id}: two sentences: ${description}`);
      const links = await page.locator('.preset-sources a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(links.length > 0, `${p.id} cites sources`);
      for (const href of links) assert.equal(await page.locator(href).count(), 1, `${p.id}: ${href} exists`);
    }
  });

  test('picking a preset moves the sliders and the curves, and writes it into the address', { timeout: 60_000 }, async () => {
    const { page } = app;
    await pickPreset(page, "Today's policies continued");
    for (const p of PRESETS.slice(1)) {
      const before = await chartHashes(page);
      await pickPreset(page, p.name);
      await waitForRedraw(page, before);
      const query = new Map(pairs(await settledQuery(page)));
      assert.equal(query.get('preset'), p.id);
      for (const [key, value] of Object.entries(p.settings)) {
        assert.equal(Number(query.get(key)), value, `${p.id}: ${key} in the address`);
        const shown = await page.locator(`#param-${key}-value`).textContent();
        assert.ok(shown.includes(String(value)), `${p.id}: the ${key} slider shows ${value} (${shown})`);
      }
      await pickPreset(page, "Today's policies continued");
    }
  });

  test('touching a slider after a preset shows the scenario as modified; picking the preset again restores it', { timeout: 60_000 }, async () => {
    const { page } = app;
    await pickPreset(page, 'An open door');
    await page.waitForFunction(() => document.getElementById('preset-status').textContent.trim() === 'An open door');
    await page.locator('#param-visa_restrictions').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /modified/.test(document.getElementById('preset-status').textContent));
    assert.equal(await page.locator('#preset').inputValue(), '', 'the list shows "your own settings"');
    await pickPreset(page, 'An open door');
    await page.waitForFunction(() => document.getElementById('preset-status').textContent.trim() === 'An open door');
    assert.equal(await page.locator('#param-visa_restrictions-value').textContent(), '0%');
  });
});

describe('browser and command line agree on presets', () => {
  for (const p of PRESETS.filter((x) => ['decoupling', 'compute_parity', 'china_funding_surge', 'open_door'].includes(x.id))) {
    test(`${p.name}: the page's CSV equals \`talentflow run --query\` with the page's address`, { timeout: 60_000 }, async () => {
      const { page } = app;
      await pickPreset(page, p.name);
      const query = await settledQuery(page);
      const csv = await pageCsv(page);
      const cli = await runCli(['run', '--query', query]);
      assert.equal(cli.status, 0, cli.stderr);
      assert.equal(cli.stderr, '', 'no warnings for a clean link');
      assert.ok(csv === cli.stdout, `CSV differs for ${query}`);
      const baseline = await runCli(['run']);
      assert.notEqual(cli.stdout, baseline.stdout, 'the preset changes the numbers');
    });
  }
  test('app.problems stays empty', () => assert.deepEqual(app.problems, []));
});
