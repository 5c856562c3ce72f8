// Saves screenshots of the release build for the README: the page at
// 1280 px wide to docs/screenshot.png, and a 360 x 780 touch phone (device
// pixel ratio 2, saved at CSS size) with the first headline slider in use
// under the chart that follows it, in each language, to docs/phone-en.png
// and docs/phone-zh.png. Run by scripts/screenshot.sh.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { ROOT, launchBrowser, openApp, startServer, waitForCharts } from './support/app.mjs';

const out = path.resolve(process.env.SCREENSHOT_PATH || path.join(ROOT, 'docs/screenshot.png'));
const docs = path.resolve(process.env.SCREENSHOT_DIR || path.join(ROOT, 'docs'));
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const server = await startServer();
const browser = await launchBrowser();
try {
  const { page, problems, context } = await openApp(browser, server, { viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
  await waitForCharts(page);
  await frames(page);
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: false });
  if (problems.length) console.error(`[screenshot] page reported: ${problems.join('; ')}`);
  console.error(`[screenshot] wrote ${path.relative(ROOT, out)}`);
  await context.close();

  for (const [lang, locale] of [['en', 'en-US'], ['zh', 'zh-CN']]) {
    const phone = await openApp(browser, { url: `${server.url}?lang=${locale}` }, {
      viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale,
    });
    await waitForCharts(phone.page);
    // The reader has moved the first headline slider and holds it in view.
    const slider = phone.page.locator('#param-visa_restrictions');
    await slider.focus();
    for (let i = 0; i < 20; i++) await phone.page.keyboard.press('ArrowRight');
    await phone.page.evaluate(() => document.getElementById('param-visa_restrictions').scrollIntoView({ block: 'start' }));
    await phone.page.waitForTimeout(400);
    await frames(phone.page);
    const file = path.join(docs, `phone-${lang}.png`);
    await phone.page.screenshot({ path: file, fullPage: false, scale: 'css' });
    if (phone.problems.length) console.error(`[screenshot] ${lang} phone page reported: ${phone.problems.join('; ')}`);
    console.error(`[screenshot] wrote ${path.relative(ROOT, file)}`);
    await phone.context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
