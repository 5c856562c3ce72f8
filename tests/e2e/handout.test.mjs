// Printing the page gives a handout: the charts as drawn, the settings, the
// scenario's description, its sources, and the link as text and as a QR
// code, without the controls, in one or two pages of A4 or US Letter.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAIN_SLIDERS, launchBrowser, mainSlider, openApp, startServer, waitForCharts } from './support/app.mjs';
import { pickPreset, settledQuery } from './support/scenarios.mjs';

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

/** Pages in a PDF: its `/Type /Page` objects (not `/Pages`). */
function pdfPages(buffer) {
  return (buffer.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) || []).length;
}

/** A PDF string's text: `(literal)` or `<hex>`, UTF-16BE when it starts with a BOM. */
function pdfString(raw) {
  let bytes;
  if (raw.startsWith('<')) {
    bytes = Buffer.from(raw.slice(1, -1).replace(/\s+/g, ''), 'hex');
  } else {
    const body = raw.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e) => {
      const named = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
      return e in named ? named[e] : String.fromCharCode(parseInt(e, 8));
    });
    bytes = Buffer.from(body, 'latin1');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

/**
 * The PDF's outline (`page.pdf({ outline: true })`): the titles of the
 * headings the printed page lays out. Headings not printed are not in it.
 */
function pdfOutlineTitles(buffer) {
  const text = buffer.toString('latin1');
  return [...text.matchAll(/\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/g)].map((m) => pdfString(m[1]));
}

/** The first page's size in points, from its `/MediaBox`. */
function pdfPageSize(buffer) {
  const m = buffer.toString('latin1').match(/\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/);
  return m ? [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])] : null;
}
const PAPER_POINTS = { A4: [595.28, 841.89], Letter: [612, 792] };

describe('the printed handout', () => {
  test('print media hides the controls and shows the charts, settings, description, sources, link and QR code', { timeout: 60_000 }, async () => {
    const { page } = app;
    await pickPreset(page, 'Full decoupling');
    const query = await settledQuery(page);
    assert.equal(await page.locator('#handout').isVisible(), false, 'no handout on screen');
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await page.locator('#handout').isVisible(), true);
      for (const hidden of ['.controls', '#sources', '.evidence']) {
        if (await page.locator(hidden).count()) assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
      }
      for (const id of ['chart-retention', 'chart-inflow', 'chart-where']) {
        assert.equal(await page.locator(`#${id}`).isVisible(), true, `${id} is printed`);
        const filter = await page.locator(`#${id}`).evaluate((el) => getComputedStyle(el).filter);
        assert.match(filter, /grayscale\(1\)/, `${id} prints in grey`);
      }
      const description = await page.locator('#handout-description').textContent();
      assert.match(description, /^Full decoupling: /);
      const settings = await page.locator('#handout-settings li').allTextContents();
      // One line for each slider the page has (the headline ones and those
      // under "advanced"), counted on the page as the reader sees it.
      const sliders = await page.locator('.controls input[type=range]').count();
      assert.ok(sliders >= 8, `the page has its sliders (${sliders})`);
      assert.equal(settings.length, sliders, 'every slider');
      assert.ok(settings.some((s) => /Visa restrictions.*90%/i.test(s)), settings.join(' | '));
      const sources = await page.locator('#handout-sources li').allTextContents();
      assert.ok(sources.length >= 3 && sources.every((s) => /https?:\/\//.test(s)), sources.join(' | '));
      const url = await page.locator('#handout-url').textContent();
      assert.equal(url, `${server.url}?${query.replace(/&v=/, '&lang=en&v=')}`, 'the link as text, in the language shown');
      const qr = page.locator('#handout-qr');
      assert.equal(await qr.isVisible(), true);
      const box = await qr.boundingBox();
      assert.ok(box.width > 80 && Math.abs(box.width - box.height) < 1, `a square QR code (${box.width}x${box.height})`);
      const modules = await qr.locator('path').evaluate((p) => (p.getAttribute('d').match(/M/g) || []).length);
      const side = Number((await qr.getAttribute('viewBox')).split(' ')[2]) - 8;
      assert.ok(side >= 21 && (side - 17) % 4 === 0, `a QR size (${side})`);
      assert.ok(modules > side * side * 0.3 && modules < side * side * 0.7, `about half the modules are dark (${modules} of ${side * side})`);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  test('the handout follows a drag once the reader lets go of the slider', { timeout: 60_000 }, async () => {
    const { page } = app;
    await pickPreset(page, "Today's policies continued");
    const visa = () => page.locator('#handout-settings li').evaluateAll((lis) => lis.map((li) => li.textContent).find((t) => /Visa restrictions/i.test(t)));
    const before = await visa();
    const slider = mainSlider(page, MAIN_SLIDERS[0]);
    // A drag: input events only, as a pointer moving the thumb sends them.
    await slider.evaluate(async (el) => {
      for (const v of [20, 35, 50, 65]) {
        el.value = String(v);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
    });
    assert.equal(await visa(), before, 'not rebuilt at every step of the drag');
    await slider.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
    await page.waitForFunction((b) => [...document.querySelectorAll('#handout-settings li')].some((li) => /Visa restrictions/i.test(li.textContent) && li.textContent !== b), before);
    assert.match(await visa(), /65%/, 'the value the reader let go at');
    assert.match(await page.locator('#handout-url').textContent(), /visa_restrictions=65/, 'and its link');
  });

  for (const format of ['A4', 'Letter']) {
    test(`the PDF on ${format} is one or two pages of ${format} and carries the handout, not the controls`, { timeout: 60_000 }, async () => {
      const { page } = app;
      const handoutHeadings = await page.locator('#handout h2, #handout h3').allTextContents();
      assert.ok(handoutHeadings.length >= 4, `the handout's headings: ${handoutHeadings}`);
      const controlsHeading = await page.locator('#controls-heading').textContent();
      await page.emulateMedia({ media: 'print' });
      try {
        const pdf = await page.pdf({ format, printBackground: false, outline: true, tagged: true });
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
        const pages = pdfPages(pdf);
        assert.ok(pages >= 1 && pages <= 2, `${format}: ${pages} pages`);
        const [width, height] = pdfPageSize(pdf) ?? [0, 0];
        const [w, h] = PAPER_POINTS[format];
        assert.ok(Math.abs(width - w) < 2 && Math.abs(height - h) < 2, `${format} paper: ${width} x ${height} pt`);
        // What is printed: the handout's headings are laid out on the
        // paper; the controls' heading is not.
        // (Compared without spaces: a heading that wraps may lose one.)
        const titles = pdfOutlineTitles(pdf);
        const bare = (t) => t.replace(/\s+/g, '');
        const printed = titles.map(bare);
        for (const heading of handoutHeadings) {
          assert.ok(printed.includes(bare(heading)), `"${heading}" is printed (the PDF's headings: ${titles.join(' | ')})`);
        }
        assert.ok(!printed.includes(bare(controlsHeading)), `the controls are not printed (${titles.join(' | ')})`);
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    });
  }

  test('a long scenario (pins, a story step) still prints on at most two pages', { timeout: 60_000 }, async () => {
    const { page } = app;
    await page.goto(`${server.url}?visa_restrictions=60&pay_gap=6&pin=decoupling&pin=open_door&story=3`);
    await waitForCharts(page);
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await page.locator('#story').isVisible(), false, 'the story panel is not printed');
      for (const format of ['A4', 'Letter']) {
        const pages = pdfPages(await page.pdf({ format }));
        assert.ok(pages >= 1 && pages <= 2, `${format}: ${pages} pages`);
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  test('in Chinese: the handout\'s text and the link are in Chinese, on at most two pages of A4 or Letter', { timeout: 60_000 }, async () => {
    const { page } = app;
    await page.goto(`${server.url}?lang=zh-CN&visa_restrictions=70&pay_gap=5`);
    await waitForCharts(page);
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await page.locator('#handout h2').textContent(), '人才流动情景模拟器：一个情景');
      assert.match(await page.locator('#handout-description').textContent(), /^你自己的设置：与今天的政策相比改了 2 项。$/);
      const settings = await page.locator('#handout-settings li').allTextContents();
      assert.ok(settings.some((s) => /^美国签证限制: 70%$/.test(s)), settings.join(' | '));
      assert.match(await page.locator('#handout-url').textContent(), /[?&]lang=zh-CN(&|$)/);
      assert.equal(await page.locator('#handout-qr').isVisible(), true);
      for (const format of ['A4', 'Letter']) {
        const pages = pdfPages(await page.pdf({ format }));
        assert.ok(pages >= 1 && pages <= 2, `${format}: ${pages} pages`);
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  test('the print button opens the print dialog', { timeout: 30_000 }, async () => {
    const { page } = app;
    await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
    await page.click('#print-handout');
    assert.equal(await page.evaluate(() => window.__printed), 1);
  });
});
