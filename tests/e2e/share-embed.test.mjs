// A newsroom shares and embeds a scenario: the link reproduces it exactly;
// copying works, or falls back to selected text where the clipboard is
// refused; the embed snippet gives a compact page (optionally locked, or
// with one highlighted slider) that sizes its iframe through www/embed.js,
// inside <iframe sandbox="allow-scripts"> on another origin, without
// taking focus or scrolling the host page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, launchBrowser, openApp, startServer, waitForCharts } from './support/app.mjs';
import { pickPreset, realProblems, settledQuery, startCorsServer } from './support/scenarios.mjs';

let server;
let browser;
let hostDir;
let host;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  hostDir = mkdtempSync(path.join(tmpdir(), 'talentflow-host-'));
  writeFileSync(path.join(hostDir, 'index.html'), '<!doctype html><title>host</title><link rel="icon" href="data:,"><p>host</p>');
  host = await startServer(hostDir);
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await host?.stop();
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

describe('share', () => {
  test('the copied link opens exactly the same scenario', { timeout: 60_000 }, async () => {
    const app = await openApp(browser, server, { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      await waitForCharts(app.page);
      await pickPreset(app.page, 'China Initiative revived');
      await app.page.locator('#param-compute_ratio').focus();
      await app.page.keyboard.press('ArrowRight');
      await app.page.locator('#pin').click();
      const query = await settledQuery(app.page);
      await app.page.locator('#copy-link').click();
      await app.page.waitForFunction(() => /Copied/.test(document.querySelector('.share .message')?.textContent ?? ''));
      const copied = await app.page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await app.page.locator('#share-link').inputValue());
      assert.equal(copied, `${server.url}?${query}`);
      const other = await openApp(browser, server);
      try {
        await other.page.goto(copied);
        await waitForCharts(other.page);
        for (const id of ['preset-status', 'param-visa_restrictions-value', 'param-compute_ratio-value', 'scenario-status']) {
          assert.equal(await other.page.locator(`#${id}`).textContent(), await app.page.locator(`#${id}`).textContent(), id);
        }
        assert.equal(await other.page.locator('#pinned li').count(), 1);
        assert.equal(await settledQuery(other.page), query);
      } finally {
        await other.context.close();
      }
      assert.deepEqual(realProblems(app), []);
    } finally {
      await app.context.close();
    }
  });

  test('without a clipboard the link is selected and the reader is told to copy it', { timeout: 60_000 }, async () => {
    const noClipboard = () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
    const app = await openApp(browser, server, {}, noClipboard);
    try {
      await waitForCharts(app.page);
      await app.page.locator('#copy-link').click();
      await app.page.waitForFunction(() => /Ctrl\+C/.test(document.querySelector('.share .message')?.textContent ?? ''));
      const selected = await app.page.evaluate(() => {
        const i = document.getElementById('share-link');
        return i.selectionStart === 0 && i.selectionEnd === i.value.length && i.value.length > 0;
      });
      assert.ok(selected, 'the whole link is selected');
      await app.page.locator('#copy-embed').click();
      const area = await app.page.evaluate(() => {
        const t = document.getElementById('embed-snippet');
        return t.selectionStart === 0 && t.selectionEnd === t.value.length;
      });
      assert.ok(area, 'the whole snippet is selected');
      assert.deepEqual(realProblems(app), []);
    } finally {
      await app.context.close();
    }
  });
});

async function snippetFor(options) {
  const app = await openApp(browser, server);
  try {
    await waitForCharts(app.page);
    await pickPreset(app.page, 'Full decoupling');
    if (options.lock) await app.page.locator('#embed-lock').check();
    if (options.only) await app.page.locator('#embed-only').selectOption(options.only);
    return await app.page.locator('#embed-snippet').inputValue();
  } finally {
    await app.context.close();
  }
}

const srcOf = (snippet) => snippet.match(/<iframe src="([^"]+)"/)[1].replaceAll('&amp;', '&');

describe('embed', () => {
  test('the snippet is one iframe and the host script, for the compact layout of this scenario', { timeout: 60_000 }, async () => {
    const snippet = await snippetFor({ lock: true });
    assert.match(snippet, /^<iframe src="[^"]+" title="Talent Flow Explorer"[^>]*><\/iframe><script src="[^"]+embed\.js" async><\/script>$/);
    assert.ok(!snippet.includes('\n'), 'one line');
    const src = new URL(srcOf(snippet));
    assert.equal(src.searchParams.get('layout'), 'embed');
    assert.equal(src.searchParams.get('lock'), '1');
    assert.equal(src.searchParams.get('preset'), 'decoupling');
    const app = await openApp(browser, server);
    try {
      await app.page.goto(src.href);
      await waitForCharts(app.page);
      assert.equal(await app.page.locator('body.embed').count(), 1);
      assert.equal(await app.page.locator('details#advanced').count(), 0, 'no advanced settings in the embed');
      assert.equal(await app.page.locator('#preset').count(), 0, 'no preset list, only its name and description');
      assert.match(await app.page.locator('#preset-status').textContent(), /Full decoupling/);
      const sliders = app.page.locator('input[type=range]');
      assert.equal(await sliders.count(), 3);
      for (let i = 0; i < 3; i++) assert.ok(await sliders.nth(i).isDisabled(), 'locked');
      // The charts come before the sliders.
      const order = await app.page.evaluate(() => document.querySelector('.charts').compareDocumentPosition(document.querySelector('.controls')) & Node.DOCUMENT_POSITION_FOLLOWING);
      assert.ok(order, 'charts first');
      // (the first page's icon request may be cut short by the navigation)
      assert.deepEqual(realProblems(app), []);
    } finally {
      await app.context.close();
    }
  });

  test('a single highlighted slider', { timeout: 60_000 }, async () => {
    const snippet = await snippetFor({ only: 'scrutiny_climate' });
    const app = await openApp(browser, server);
    try {
      await app.page.goto(srcOf(snippet));
      await waitForCharts(app.page);
      const ids = await app.page.evaluate(() => [...document.querySelectorAll('input[type=range]')].map((i) => i.id));
      assert.deepEqual(ids, ['param-scrutiny_climate']);
      assert.equal(await app.page.locator('.slider.highlighted').count(), 1);
      assert.ok(await app.page.locator('#param-scrutiny_climate').isEnabled());
    } finally {
      await app.context.close();
    }
  });

  test('inside a sandboxed iframe on another origin: sized by embed.js, no focus taken, no scroll', { timeout: 90_000 }, async () => {
    // The app from a host that sends CORS headers (docs/hosting.md), the
    // article from another origin.
    const cors = await startCorsServer(DIST);
    const snippet = (await snippetFor({})).replaceAll(server.origin, cors.origin).replace('<iframe ', '<iframe id="embed" sandbox="allow-scripts" ');
    const page = `<!doctype html><title>article</title><link rel="icon" href="data:,"><style>body{margin:0}</style>
      <h1>An article</h1><input id="search" value="host field"><div style="height:1500px">text</div>${snippet}<div style="height:800px">more</div>`;
    writeFileSync(path.join(hostDir, 'article.html'), page);
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const app = { context, page: await context.newPage(), problems: [] };
    app.page.on('console', (m) => { if (m.type() === 'error') app.problems.push(`console error: ${m.text()}`); });
    app.page.on('pageerror', (e) => app.problems.push(`page error: ${e.message}`));
    try {
      await app.page.goto(`${host.origin}/article.html`);
      await app.page.locator('#search').focus();
      const frame = app.page.frameLocator('#embed');
      await frame.locator('canvas#chart-retention').waitFor({ timeout: 20_000 });
      await app.page.waitForFunction(() => document.getElementById('embed').style.height !== '', null, { timeout: 20_000 });
      const { frameHeight, hostScroll, focused } = await app.page.evaluate(() => ({
        frameHeight: document.getElementById('embed').getBoundingClientRect().height,
        hostScroll: window.scrollY,
        focused: document.activeElement?.id,
      }));
      const contentHeight = await frame.locator('body').evaluate((b) => b.getBoundingClientRect().height);
      assert.ok(Math.abs(frameHeight - Math.ceil(contentHeight)) <= 2, `iframe ${frameHeight}px fits its content ${contentHeight}px`);
      assert.notEqual(frameHeight, 720, 'resized from the snippet height');
      assert.equal(hostScroll, 0, 'the host page did not scroll');
      assert.equal(focused, 'search', 'the host keeps its focus');
      const errors = app.problems.filter((p) => !/favicon/.test(p));
      assert.deepEqual(errors, []);
    } finally {
      await app.context.close();
      await cors.stop();
    }
  });
});
