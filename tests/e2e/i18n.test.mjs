// The page in the reader's language: the message files are fetched at run
// time (only the reader's language, only the first page's pack), the
// language comes from the address, else the browser, else English, a
// switch changes it at once without losing anything, and every word a
// reader sees comes from the message files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHARTS, MAIN_SLIDERS, chartHashes, controlState, launchBrowser, openApp, readRepoFile,
  startServer, summaries, waitForCharts, waitForRedraw, waitForText,
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

const ftlRequests = (requests) => requests.filter((u) => u.endsWith('.ftl')).map((u) => new URL(u).pathname);

/** Opens the app at `query` with the browser's language preferences `locale`. */
async function open(query = '', locale = 'en-US') {
  const app = await openApp(browser, { url: `${server.url}${query}` }, { locale });
  await waitForCharts(app.page);
  return app;
}

test('a first visit fetches only its own language\'s first-page messages, and follows the browser\'s language', { timeout: 60_000 }, async () => {
  for (const [locale, folder, tag, title] of [['en-US', 'en', 'en', 'Talent Flow Explorer'], ['zh-CN', 'zh', 'zh-CN', '人才流动情景模拟器'], ['fr-FR', 'en', 'en', 'Talent Flow Explorer']]) {
    const { context, page, requests, problems } = await open('', locale);
    try {
      assert.deepEqual(ftlRequests(requests), [`/locales/${folder}/app.ftl`], `${locale}: one message file, the reader's language's app pack`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), tag, `${locale}: <html lang>`);
      assert.equal(await page.title(), title, `${locale}: the document title`);
      assert.equal(await page.locator('#loading').isVisible(), false, 'the loading line is gone');
      assert.deepEqual(problems, [], 'no errors');
    } finally {
      await context.close();
    }
  }
});

test('on a slow network the first page\'s messages are asked for while the wasm downloads, once', { timeout: 60_000 }, async () => {
  for (const [query, locale, folder] of [['', 'zh-CN', 'zh'], ['?lang=en', 'zh-CN', 'en'], ['?lang=zh', 'en-US', 'zh']]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const events = [];
    page.on('request', (r) => events.push(`asked ${new URL(r.url()).pathname}`));
    page.on('requestfinished', (r) => events.push(`arrived ${new URL(r.url()).pathname}`));
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      // About 1.6 Mbit/s: the wasm takes more than a second to arrive.
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 200_000, uploadThroughput: 100_000 });
      await page.goto(`${server.url}${query}`);
      await waitForText(page);
      const wasmArrived = events.findIndex((e) => /^arrived .*\.wasm$/.test(e));
      const asked = events.filter((e) => /^asked .*\.ftl$/.test(e));
      assert.deepEqual(asked, [`asked /locales/${folder}/app.ftl`], `${query} ${locale}: one message file, the reader's language's`);
      assert.ok(wasmArrived >= 0, events.join('\n'));
      assert.ok(events.indexOf(asked[0]) < wasmArrived, `${query} ${locale}: the messages are asked for before the wasm has arrived:\n${events.join('\n')}`);
    } finally {
      await context.close();
    }
  }
});

test('the address\'s lang= wins over the browser\'s language', { timeout: 60_000 }, async () => {
  const { context, page, requests } = await open('?lang=zh-CN', 'en-US');
  try {
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.deepEqual(ftlRequests(requests), ['/locales/zh/app.ftl']);
    assert.match(await page.locator('h1').innerText(), /人才流动/);
  } finally {
    await context.close();
  }
});

test('the language switch changes everything at once and keeps sliders, pins, view and undo history', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await open('?pin=china_funding_surge&view=diff', 'en-US');
  try {
    // By id: its label changes language.
    const slider = page.locator(`#param-${MAIN_SLIDERS[0].key}`);
    await slider.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => location.search.includes('visa_restrictions='));
    const controls = await controlState(page);
    const englishSummaries = await summaries(page);
    const before = await chartHashes(page);

    await page.getByRole('button', { name: '中文' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await waitForRedraw(page, before);
    assert.equal(await page.title(), '人才流动情景模拟器');
    assert.equal(await page.getByRole('button', { name: '中文' }).getAttribute('aria-pressed'), 'true');
    const chinese = await summaries(page);
    for (const c of CHARTS) assert.notEqual(chinese[c.id], englishSummaries[c.id], `${c.id}: the summary is in Chinese`);
    const after = await controlState(page);
    assert.deepEqual(after.sliders, controls.sliders, 'every slider keeps its value');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('lang') === 'zh-CN');
    const query = new URLSearchParams(await page.evaluate(() => location.search));
    assert.equal(query.get('view'), 'diff', 'the view is kept');
    assert.ok(query.get('pin'), 'the pin is kept');
    assert.ok(query.get('visa_restrictions'), 'the moved slider is kept');

    // The undo history survived: undo brings the slider back.
    await page.locator('#undo').click();
    assert.notEqual(await slider.inputValue(), controls.sliders[`param-${MAIN_SLIDERS[0].key}`], 'undo still undoes the drag made in English');

    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.title(), 'Talent Flow Explorer');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('lang') === 'en');
    assert.deepEqual(problems, [], 'no errors');
  } finally {
    await context.close();
  }
});

test('when the message file cannot be fetched, the page says so in both languages, no blank page, no crash', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*.ftl', (route) => route.abort('internetdisconnected'));
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.classList.contains('load-failed'), null, { timeout: 20_000 });
    const text = await page.locator('#load-failed').innerText();
    assert.match(text, /could not be loaded/);
    assert.match(text, /无法加载/);
    assert.equal(await page.locator('#loading').isVisible(), false);
    assert.deepEqual(errors, [], 'no page errors');
  } finally {
    await context.close();
  }
});

/** Every value of data/facts.csv: the evidence is quoted as published. */
function factTexts() {
  const values = new Set();
  for (const line of readRepoFile('data/facts.csv').split('\n').slice(1)) {
    for (const m of line.matchAll(/"((?:[^"]|"")*)"|([^,]+)/g)) {
      const v = (m[1] ?? m[2] ?? '').replaceAll('""', '"').trim();
      if (v.length > 1) values.add(v);
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/** The text of every visible text node, except inside elements marked as another language. */
function visibleTexts(otherLang) {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent.trim();
    if (!text || !el || el.closest('script, noscript, #loading, #load-failed')) continue;
    if (el.closest(`[lang^="${otherLang}"]`)) continue;
    if (!el.checkVisibility() && !el.closest('details')) continue;
    out.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [aria-valuetext]')) {
    for (const a of ['aria-label', 'title', 'placeholder', 'aria-valuetext']) {
      if (el.hasAttribute(a) && !el.closest(`[lang^="${otherLang}"]`)) out.push(el.getAttribute(a));
    }
  }
  return out;
}

// File formats, a mathematical unit, and the US work permit for graduates
// (Optional Practical Training), written the same in both languages.
const TERMS = new Set(['PNG', 'CSV', 'JSON', 'logit', 'OPT']);

test('in Chinese, no English word shows outside the evidence as published (names, links, numbers)', { timeout: 60_000 }, async () => {
  const { context, page } = await open('?lang=zh-CN&pin=china_funding_surge');
  try {
    await page.locator('#advanced summary').click();
    // The evidence ledger's table is built when it is opened.
    await page.locator('#ledger summary').click();
    await page.locator('#ledger tbody tr').first().waitFor();
    const facts = factTexts();
    const texts = await page.evaluate(visibleTexts, 'en');
    const english = [];
    for (let t of texts) {
      for (const f of facts) t = t.replaceAll(f, ' ');
      t = t.replace(/https?:\/\/\S+/g, ' ').replace(/\b[A-Z]\d{2}\b/g, ' ');
      for (const w of t.match(/[A-Za-z]{3,}/g) ?? []) if (!TERMS.has(w)) english.push(`${w} (in "${t.slice(0, 80)}")`);
    }
    assert.deepEqual(english, [], 'English words on the Chinese page');
  } finally {
    await context.close();
  }
});

test('no message key is missing in either language (no [key] markers)', { timeout: 60_000 }, async () => {
  for (const lang of ['en', 'zh-CN']) {
    const { context, page } = await open(`?lang=${lang}&pin=china_funding_surge`);
    try {
      const texts = await page.evaluate(visibleTexts, lang === 'en' ? 'zh' : 'en');
      const missing = texts.filter((t) => /\[[a-z0-9]+(?:-[a-z0-9_]+)+\]/.test(t));
      assert.deepEqual(missing, [], `${lang}: texts with a missing-key marker`);
      assert.ok(texts.length > 50, `${lang}: the page has text (${texts.length} nodes)`);
    } finally {
      await context.close();
    }
  }
});

test('offline once loaded, the page reloads and switches language from the offline copy', { timeout: 90_000 }, async () => {
  const { context, page } = await open('', 'en-US');
  try {
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    const cached = await page.evaluate(async () => {
      const names = [];
      for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) names.push(new URL(r.url).pathname);
      return names;
    });
    for (const f of ['/locales/en/app.ftl', '/locales/zh/app.ftl']) assert.ok(cached.includes(f), `${f} is in the offline copy`);
    await context.setOffline(true);
    await page.reload();
    await waitForCharts(page);
    const before = await chartHashes(page);
    await page.getByRole('button', { name: '中文' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await waitForRedraw(page, before);
    assert.match(await page.locator('h1').innerText(), /人才流动/);
  } finally {
    await context.setOffline(false);
    await context.close();
  }
});
