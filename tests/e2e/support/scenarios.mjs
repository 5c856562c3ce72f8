// Shared by the scenario tests (presets, the address, undo, comparison,
// share, embed, export): small probes into the page's state.

import { startFileServer } from './app.mjs';

/**
 * Waits for the debounced address update (the address unchanged for 500 ms,
 * longer than the app's 250 ms debounce), then returns location.search
 * without '?'.
 */
export async function settledQuery(page) {
  let last = null;
  let stableSince = Date.now();
  for (let i = 0; i < 100; i++) {
    const now = await page.evaluate(() => location.search.replace(/^\?/, ''));
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 500) {
      return now;
    }
    await page.waitForTimeout(100);
  }
  return last;
}

/** The query's pairs as an array of [key, value]. */
export function pairs(query) {
  return [...new URLSearchParams(query)];
}

/** Range inputs' values and their outputs' text, keyed by parameter key. */
export function sliderValues(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('input[type=range]')].map((i) => [i.id.replace(/^param-/, ''), {
    track: Number(i.value),
    shown: document.getElementById(`${i.id}-value`)?.textContent.trim(),
  }])));
}

/** The CSV the page's own model gives for its current address. */
export function pageCsv(page) {
  return page.evaluate(() => window.wasmBindings.query_csv(location.search));
}

/** Picks a preset from the list by its visible name. */
export async function pickPreset(page, name) {
  await page.locator('#preset').selectOption({ label: name });
}

/** Headline presets and the lever values they set (as in crates/model/src/presets.rs). */
export const PRESETS = [
  { id: 'today', name: "Today's policies continued", settings: {} },
  { id: 'open_door', name: 'An open door', settings: { visa_restrictions: 0, scrutiny_climate: 20 } },
  { id: 'decoupling', name: 'Full decoupling', settings: { visa_restrictions: 90, scrutiny_climate: 75, compute_ratio: 20 } },
  { id: 'china_initiative', name: 'China Initiative revived', settings: { scrutiny_climate: 65, visa_restrictions: 40 } },
  { id: 'compute_parity', name: 'China reaches compute parity', settings: { compute_ratio: 1 } },
  { id: 'compute_gap_100x', name: 'Compute gap widens to 100×', settings: { compute_ratio: 100 } },
  { id: 'china_funding_surge', name: 'China funding surge', settings: { china_ai_funding: 6 } },
];

/**
 * Serves `dir` on a free localhost port with `Access-Control-Allow-Origin: *`,
 * as a host must for an iframe sandboxed without allow-same-origin (its
 * module script and wasm fetches come from an opaque origin).
 */
export function startCorsServer(dir) {
  return startFileServer(dir, { cors: true });
}

/**
 * The page's problems, less the icon request of the first page that a test
 * cut short by navigating on at once (net::ERR_ABORTED).
 */
export function realProblems(app) {
  return app.problems.filter((p) => !/favicon.*ERR_ABORTED/.test(p));
}
