// Every number says where it comes from: the sources section names and
// links the Carnegie study and the source of every observed point drawn on
// the charts. The expected ids and addresses are read from the model's own
// tables (crates/model/src/observations.rs, data/facts.csv), not typed here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openApp, parseCsv, readRepoFile, startServer, waitForCharts } from './support/app.mjs';

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

/** Source ids of the observed points (the OBSERVATIONS table). */
function observedSourceIds() {
  const src = readRepoFile('crates/model/src/observations.rs');
  const start = src.indexOf('pub const OBSERVATIONS');
  assert.ok(start >= 0, 'OBSERVATIONS table found');
  const table = src.slice(start, src.indexOf('];', start));
  const ids = new Set();
  for (const m of table.matchAll(/sources:\s*&\[([^\]]*)\]/g)) {
    for (const id of m[1].matchAll(/"([^"]+)"/g)) ids.add(id[1]);
  }
  assert.ok(ids.size > 0, 'observed points cite sources');
  return [...ids];
}

test('the sources section lists the Carnegie study (C03) and the source of every observed point, with links', { timeout: 60_000 }, async () => {
  const facts = new Map(parseCsv(readRepoFile('data/facts.csv')).map((f) => [f.id, f]));
  const ids = ['C03', ...observedSourceIds().filter((id) => id !== 'C03')];
  const { context, page } = await openApp(browser, server);
  try {
    await waitForCharts(page);
    const section = page.locator('section#sources');
    assert.equal(await section.count(), 1, 'there is a <section id="sources">');
    const text = await section.textContent();
    const hrefs = await section.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 0, 'the sources section has links');
    for (const id of ids) {
      const fact = facts.get(id);
      assert.ok(fact, `${id} is a row of data/facts.csv`);
      assert.ok(text.includes(id), `the sources section names ${id}`);
      assert.ok(hrefs.includes(fact.url), `the sources section links ${id} to ${fact.url}`);
    }
    assert.match(text, /Carnegie/, 'the Carnegie Endowment is named');
  } finally {
    await context.close();
  }
});

test('a link to a source (#fact-C03) opens the page at that source, though the page builds it after loading', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}#fact-C03`);
    const source = page.locator('#fact-C03');
    await source.waitFor();
    await page.waitForFunction(() => {
      const r = document.getElementById('fact-C03').getBoundingClientRect();
      // Within a pixel: the browser may scroll to a fractional position.
      return r.top > -1 && r.bottom <= innerHeight + 1;
    }, null, { timeout: 10_000 });
    assert.ok(await page.evaluate(() => scrollY > 0), 'the page scrolled down to the source');
  } finally {
    await context.close();
  }
});
