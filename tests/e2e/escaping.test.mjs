// Text a reader or a link brings in is shown as text, never run as markup.
// Parts of the page are built as markup text (the handout, the story and
// challenge panels, the chart tables, the model page, the sources) with one
// escaping function, `format::esc`, and the embed snippet is written with
// it too. Every value from outside that can reach the page (a kept
// scenario's name, an opened file's name, the link's query and fragment)
// is given `<script>`, `"`, `&` and `</` here: each must come back as the
// same text, and nothing of it may become an element or run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openApp, startServer, waitForCharts } from './support/app.mjs';

const HOSTILE = '</span></li></p><script>window.__xss = 1</script>"&amp;<img src="x" onerror="window.__xss = 2">&</';

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

/** Nothing of HOSTILE became an element or ran. */
async function assertNothingInjected(page, where) {
  const found = await page.evaluate(() => ({
    ran: window.__xss ?? null,
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.scripts].filter((s) => s.textContent.includes('__xss')).length,
  }));
  assert.deepEqual(found, { ran: null, images: 0, scripts: 0 }, `${where}: nothing injected`);
}

test('a kept scenario\'s name is shown as the text it was given, also after a reload', { timeout: 60_000 }, async () => {
  const app = await openApp(browser, server);
  try {
    await waitForCharts(app.page);
    await app.page.locator('#save-name').fill(HOSTILE);
    await app.page.locator('#save').click();
    const item = app.page.locator('#saved-list li').first();
    await item.waitFor();
    assert.equal(await item.locator('span').first().textContent(), HOSTILE);
    assert.match(await app.page.locator('#keep-message').textContent(), /window\.__xss/);
    assert.ok((await item.locator('.saved-delete').getAttribute('aria-label')).includes(HOSTILE), 'the delete button names it');
    await assertNothingInjected(app.page, 'kept');
    await app.page.reload();
    await waitForCharts(app.page);
    await app.page.locator('#saved-list li').first().waitFor();
    assert.equal(await app.page.locator('#saved-list li span').first().textContent(), HOSTILE);
    await assertNothingInjected(app.page, 'after a reload');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.context.close();
  }
});

test('an opened scenario file\'s name is shown as the text it holds', { timeout: 60_000 }, async () => {
  const app = await openApp(browser, server);
  try {
    await waitForCharts(app.page);
    const text = JSON.stringify({ format: 'talentflow-scenario', name: HOSTILE, preset: HOSTILE, settings: { visa_restrictions: 40, [HOSTILE]: HOSTILE } });
    await app.page.locator('#load-file').setInputFiles({ name: `${HOSTILE}.json`.replace(/[/\\]/g, '_'), mimeType: 'application/json', buffer: Buffer.from(text) });
    await app.page.waitForFunction(() => /Opened/.test(document.getElementById('keep-message')?.textContent ?? ''));
    const message = await app.page.locator('#keep-message').textContent();
    assert.ok(message.includes(`Opened “${HOSTILE}”`), message);
    assert.equal(await app.page.locator('#param-visa_restrictions-value').textContent(), '40%');
    // The handout (markup text) follows the opened scenario.
    await app.page.locator('#handout-settings').waitFor({ state: 'attached' });
    await assertNothingInjected(app.page, 'opened');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.context.close();
  }
});

test('a link\'s query and fragment reach the page, the handout and the embed snippet as text', { timeout: 60_000 }, async () => {
  const h = encodeURIComponent(HOSTILE);
  const url = `${server.url}?visa_restrictions=40&${h}=${h}&lang=${h}&preset=${h}&only=${h}&story=${h}&challenge=${h}#${h}`;
  const app = await openApp(browser, { url });
  try {
    await waitForCharts(app.page);
    await app.page.locator('#handout-url').waitFor({ state: 'attached' });
    // The page's notices name what the link got wrong, as text.
    const notices = await app.page.locator('.notices').allTextContents();
    assert.ok(notices.join(' ').includes(HOSTILE), `a notice quotes the unknown setting: ${notices}`);
    // The handout's link is the scenario's link, character for character.
    const link = await app.page.locator('#handout-url').textContent();
    assert.ok(link.startsWith(server.url) && link.includes('visa_restrictions=40'), link);
    assert.ok(link.includes('&'), `the link keeps its & separators: ${link}`);
    // The embed snippet parses back to one iframe whose address is that
    // scenario's and one script: nothing else.
    const snippet = await app.page.locator('#embed-snippet').inputValue();
    const parsed = await app.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'text/html');
      const all = [...doc.body.querySelectorAll('*')].map((e) => e.tagName.toLowerCase());
      return { all, src: doc.querySelector('iframe')?.getAttribute('src'), title: doc.querySelector('iframe')?.getAttribute('title') };
    }, snippet);
    assert.deepEqual(parsed.all, ['iframe', 'script'], snippet);
    assert.ok(parsed.src.includes('visa_restrictions=40') && parsed.src.includes('layout=embed'), parsed.src);
    assert.equal(parsed.title, 'Talent Flow Explorer');
    await assertNothingInjected(app.page, 'link');
  } finally {
    await app.context.close();
  }
});
