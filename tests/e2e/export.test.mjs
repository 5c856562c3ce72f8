// Export and keep: a chart as PNG at the display's resolution, the series
// as CSV (the command line's numbers, headed by the link and model
// version), the scenario as a JSON file and back (a broken or foreign file
// is refused with a message and changes nothing), and named scenarios
// kept in the browser, or a message where the browser has no storage.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchBrowser, openApp, runCli, startServer, waitForCharts } from './support/app.mjs';
import { pickPreset, settledQuery } from './support/scenarios.mjs';

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

async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

const status = (page) => page.locator('#preset-status').textContent();

describe('export', () => {
  test('each chart as a PNG at the display resolution, with room for title, scenario, source and link', { timeout: 60_000 }, async () => {
    const app = await openApp(browser, server, { deviceScaleFactor: 2 });
    try {
      await waitForCharts(app.page);
      await pickPreset(app.page, 'Full decoupling');
      const sizes = [];
      for (const name of ['retention', 'inflow', 'where']) {
        const file = await downloaded(app.page, () => app.page.locator(`#download-png-${name}`).click());
        assert.equal(file.name, `talentflow-${name}.png`);
        assert.deepEqual([...file.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG');
        assert.equal(file.bytes.readUInt32BE(16), 1800, 'twice the 900 px layout width on a 2x display');
        assert.equal(file.bytes.readUInt32BE(20), 2 * (64 + 420 + 52));
        assert.ok(file.bytes.length > 20_000, `${name}: something is drawn (${file.bytes.length} bytes)`);
        sizes.push(file.bytes.length);
      }
      assert.equal(new Set(sizes).size, 3, 'three different pictures');
      assert.deepEqual(app.problems, []);
    } finally {
      await app.context.close();
    }
  });

  // The faint reference curve is the baseline's, drawn as on the page only
  // when the scenario differs from it; it is stroked in its curve's colour
  // at 0.35 opacity. Recorded on the offscreen canvas an export draws on.
  test('a chart exported on the baseline has no baseline curve; off the baseline it has one', { timeout: 60_000 }, async () => {
    const app = await openApp(browser, server, {}, () => {
      window.__exportStrokes = [];
      const proto = CanvasRenderingContext2D.prototype;
      const d = Object.getOwnPropertyDescriptor(proto, 'strokeStyle');
      Object.defineProperty(proto, 'strokeStyle', {
        get: d.get,
        set(v) { if (!this.canvas.isConnected) window.__exportStrokes.push(String(v)); d.set.call(this, v); },
        configurable: true,
      });
    });
    try {
      await waitForCharts(app.page);
      const faintStrokes = async (name) => {
        await app.page.evaluate(() => { window.__exportStrokes = []; });
        await downloaded(app.page, () => app.page.locator(`#download-png-${name}`).click());
        const all = await app.page.evaluate(() => window.__exportStrokes);
        assert.ok(all.length > 0, `${name}: the export drew on its own canvas`);
        return all.filter((c) => /^rgba\(\d+,\d+,\d+,0\.35\)$/.test(c));
      };
      for (const name of ['retention', 'inflow', 'where']) {
        assert.deepEqual(await faintStrokes(name), [], `${name} on the baseline: no baseline curve`);
      }
      await pickPreset(app.page, 'Full decoupling');
      for (const name of ['retention', 'inflow', 'where']) {
        assert.ok((await faintStrokes(name)).length > 0, `${name} off the baseline: the baseline curve is drawn`);
      }
      assert.deepEqual(app.problems, []);
    } finally {
      await app.context.close();
    }
  });

  test('the CSV is the command line\'s, headed by # lines with the link and model version', { timeout: 60_000 }, async () => {
    const app = await openApp(browser, server);
    try {
      await waitForCharts(app.page);
      await pickPreset(app.page, 'China funding surge');
      const query = await settledQuery(app.page);
      const file = await downloaded(app.page, () => app.page.locator('#download-csv').click());
      const text = file.bytes.toString('utf8');
      const comments = text.split('\n').filter((l) => l.startsWith('# '));
      assert.equal(comments[0], '# Talent Flow Explorer');
      assert.ok(comments.includes(`# Link: ${server.url}?${query}`), comments.join('\n'));
      assert.ok(comments.includes('# Model version: 1.3.0'));
      assert.ok(comments.some((l) => /Scenario: China funding surge/.test(l)));
      const body = text.split('\n').filter((l) => !l.startsWith('# ')).join('\n');
      const cli = await runCli(['run', '--query', query]);
      assert.ok(body === cli.stdout, 'the same numbers as talentflow run --query');
    } finally {
      await app.context.close();
    }
  });
});

describe('scenario files', () => {
  test('save a scenario as JSON and open it again', { timeout: 60_000 }, async () => {
    const app = await openApp(browser, server);
    try {
      await waitForCharts(app.page);
      await pickPreset(app.page, 'China Initiative revived');
      const file = await downloaded(app.page, () => app.page.locator('#download-json').click());
      const json = JSON.parse(file.bytes.toString('utf8'));
      assert.equal(json.format, 'talentflow-scenario');
      assert.equal(json.preset, 'china_initiative');
      assert.deepEqual(json.settings, { visa_restrictions: 40, scrutiny_climate: 65 });
      await app.page.locator('#reset').click();
      await app.page.locator('#load-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: file.bytes });
      await app.page.waitForFunction(() => /Opened/.test(document.getElementById('keep-message')?.textContent ?? ''));
      assert.equal(await status(app.page), 'China Initiative revived');
      assert.equal(await app.page.locator('#param-visa_restrictions-value').textContent(), '40%');
      await app.page.locator('#undo').click();
      assert.equal(await app.page.locator('#param-visa_restrictions-value').textContent(), '30%', 'opening a file is one undo step');
    } finally {
      await app.context.close();
    }
  });

  const BAD = [
    { name: 'not-json.json', text: 'this is not json {', message: /not readable/ },
    { name: 'foreign.json', text: '{"hello": "world"}', message: /not a Talent Flow Explorer scenario/ },
    { name: 'array.json', text: '[1, 2, 3]', message: /not a Talent Flow Explorer scenario/ },
    { name: 'no-settings.json', text: '{"format": "talentflow-scenario"}', message: /not a Talent Flow Explorer scenario/ },
  ];
  for (const bad of BAD) {
    test(`${bad.name}: a clear message, and the scenario stays as it was`, { timeout: 60_000 }, async () => {
      const app = await openApp(browser, server);
      try {
        await waitForCharts(app.page);
        await pickPreset(app.page, 'An open door');
        const before = await settledQuery(app.page);
        await app.page.locator('#load-file').setInputFiles({ name: bad.name, mimeType: 'application/json', buffer: Buffer.from(bad.text) });
        await app.page.waitForFunction(() => document.getElementById('keep-message'));
        assert.match(await app.page.locator('#keep-message').textContent(), bad.message);
        assert.match(await app.page.locator('#keep-message').textContent(), /unchanged/);
        assert.equal(await settledQuery(app.page), before);
        assert.deepEqual(app.problems, []);
      } finally {
        await app.context.close();
      }
    });
  }

  // The limit is checked on the file's size, before anything is read: the
  // page never holds a large file in memory. Reads are counted on the
  // browser's file-reading calls.
  test('a file over 256 KiB is refused by its size without being read; one just under is read', { timeout: 60_000 }, async () => {
    const app = await openApp(browser, server, {}, () => {
      window.__fileReads = 0;
      // A File is a Blob: its reading methods are Blob's.
      for (const name of ['text', 'arrayBuffer', 'stream', 'slice']) {
        const orig = Blob.prototype[name];
        Blob.prototype[name] = function (...args) { window.__fileReads += 1; return orig.apply(this, args); };
      }
      for (const name of ['readAsText', 'readAsArrayBuffer', 'readAsDataURL', 'readAsBinaryString']) {
        const orig = FileReader.prototype[name];
        FileReader.prototype[name] = function (...args) { window.__fileReads += 1; return orig.apply(this, args); };
      }
    });
    try {
      await waitForCharts(app.page);
      await pickPreset(app.page, 'An open door');
      const before = await settledQuery(app.page);
      const big = Buffer.alloc(256 * 1024 + 1, 0x20);
      await app.page.locator('#load-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: big });
      await app.page.waitForFunction(() => document.getElementById('keep-message'));
      assert.match(await app.page.locator('#keep-message').textContent(), /too large/);
      assert.match(await app.page.locator('#keep-message').textContent(), /unchanged/);
      assert.equal(await app.page.evaluate(() => window.__fileReads), 0, 'the large file was not read');
      assert.equal(await settledQuery(app.page), before);
      // Just under the limit: read (and refused for what it holds).
      const under = Buffer.alloc(256 * 1024, 0x20);
      await app.page.locator('#load-file').setInputFiles({ name: 'under.json', mimeType: 'application/json', buffer: under });
      await app.page.waitForFunction(() => /not readable/.test(document.getElementById('keep-message')?.textContent ?? ''));
      assert.ok(await app.page.evaluate(() => window.__fileReads) >= 1, 'a file within the limit is read');
      assert.equal(await settledQuery(app.page), before);
      assert.deepEqual(app.problems, []);
    } finally {
      await app.context.close();
    }
  });

  test('a file with values out of range opens, mended, with a notice', { timeout: 60_000 }, async () => {
    const app = await openApp(browser, server);
    try {
      await waitForCharts(app.page);
      const text = JSON.stringify({ format: 'talentflow-scenario', name: 'odd', settings: { visa_restrictions: 400, nonsense: 1 } });
      await app.page.locator('#load-file').setInputFiles({ name: 'odd.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await app.page.waitForFunction(() => /Opened/.test(document.getElementById('keep-message')?.textContent ?? ''));
      const message = await app.page.locator('#keep-message').textContent();
      assert.match(message, /outside its range/);
      assert.match(message, /nonsense/);
      assert.equal(await app.page.locator('#param-visa_restrictions-value').textContent(), '90%');
    } finally {
      await app.context.close();
    }
  });
});

describe('scenarios kept in the browser', () => {
  test('a named scenario survives a reload and opens again', { timeout: 60_000 }, async () => {
    const app = await openApp(browser, server);
    try {
      await waitForCharts(app.page);
      await pickPreset(app.page, 'Compute gap widens to 100×');
      await app.page.locator('#save-name').fill('Lecture 3');
      await app.page.locator('#save').click();
      await app.page.waitForFunction(() => /Lecture 3/.test(document.getElementById('saved-list')?.textContent ?? ''));
      await app.page.locator('#reset').click();
      await app.page.reload();
      await waitForCharts(app.page);
      assert.match(await app.page.locator('#saved-list').textContent(), /Lecture 3/);
      await app.page.locator('#saved-list li', { hasText: 'Lecture 3' }).locator('.saved-open').click();
      await app.page.waitForFunction(() => document.getElementById('preset-status').textContent.trim() === 'Compute gap widens to 100×');
      await app.page.locator('#saved-list li', { hasText: 'Lecture 3' }).locator('.saved-delete').click();
      await app.page.waitForFunction(() => !/Lecture 3/.test(document.getElementById('saved-list')?.textContent ?? ''));
      assert.deepEqual(app.problems, []);
    } finally {
      await app.context.close();
    }
  });

  test('without storage (private mode, a sandboxed frame) the page says so and keeps working', { timeout: 60_000 }, async () => {
    const noStorage = () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }, configurable: true });
    const app = await openApp(browser, server, {}, noStorage);
    try {
      await waitForCharts(app.page);
      assert.match(await app.page.locator('#saved-unavailable').textContent(), /cannot keep scenarios here/);
      await app.page.locator('#save').click();
      assert.match(await app.page.locator('#keep-message').textContent(), /cannot keep scenarios here/);
      await pickPreset(app.page, 'An open door');
      assert.equal(await status(app.page), 'An open door');
      assert.deepEqual(app.problems, []);
    } finally {
      await app.context.close();
    }
  });
});
