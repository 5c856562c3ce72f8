// Saves a screenshot of the release build at 1280 px wide to
// docs/screenshot.png (for the README). Run by scripts/screenshot.sh.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { ROOT, launchBrowser, openApp, startServer, waitForCharts } from './support/app.mjs';

const out = path.resolve(process.env.SCREENSHOT_PATH || path.join(ROOT, 'docs/screenshot.png'));
const server = await startServer();
const browser = await launchBrowser();
try {
  const { page, problems } = await openApp(browser, server, { viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
  await waitForCharts(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: false });
  if (problems.length) console.error(`[screenshot] page reported: ${problems.join('; ')}`);
  console.error(`[screenshot] wrote ${path.relative(ROOT, out)}`);
} finally {
  await browser.close();
  await server.stop();
}
