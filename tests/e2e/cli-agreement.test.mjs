// A researcher checks the numbers: the model run in the browser and the
// command-line run with the same settings give the same CSV, byte for byte.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CLI_BIN, launchBrowser, openApp, runCli, setFlags, startServer } from './support/app.mjs';

let server;
let browser;
let app;
before(async () => {
  assert.ok(existsSync(CLI_BIN), `the CLI binary ${CLI_BIN} exists (cargo build --release --bin talentflow, or set TALENTFLOW_BIN)`);
  server = await startServer();
  browser = await launchBrowser();
  app = await openApp(browser, server);
});
after(async () => {
  await app?.context.close();
  await browser?.close();
  await server?.stop();
});

const browserCsv = (settings) => app.page.evaluate((s) => window.wasmBindings.scenario_csv(s), settings);
const browserError = (settings) => app.page.evaluate((s) => {
  try {
    window.wasmBindings.scenario_csv(s);
    return null;
  } catch (e) {
    return String(e && e.message ? e.message : e);
  }
}, settings);

const SETTINGS = [
  { visa_restrictions: 60 },
  { china_ai_funding: 4.5, compute_ratio: 20, scrutiny_climate: 10 },
  { visa_restrictions: 0, pay_gap: 1.5, us_research_funding: 0.6, ecosystem_loop: 0, policy_start_year: 2030 },
];

describe('browser and command line agree', () => {
  const seen = new Map();
  for (const settings of SETTINGS) {
    const flags = setFlags(settings).join(' ');
    test(`scenario_csv(${JSON.stringify(settings)}) equals \`talentflow run ${flags}\``, { timeout: 60_000 }, async () => {
      const cli = await runCli(['run', ...setFlags(settings)]);
      assert.equal(cli.status, 0, `talentflow run ${flags} failed: ${cli.stderr}`);
      const csv = await browserCsv(settings);
      assert.equal(typeof csv, 'string');
      const lines = csv.trimEnd().split('\n');
      assert.ok(lines.length >= 10 && lines[0].includes(','), `a CSV with a header and rows (got ${lines.length} lines)`);
      assert.ok(csv === cli.stdout, `the browser CSV and the CLI stdout differ; first differing line: ${firstDiff(csv, cli.stdout)}`);
      seen.set(JSON.stringify(settings), csv);
    });
  }

  test('the settings above give different results (the comparison is not vacuous)', async () => {
    const baseline = await browserCsv({});
    const all = [baseline, ...seen.values()];
    assert.equal(new Set(all).size, all.length, 'each setting and the baseline give distinct CSVs');
  });

  test('both refuse an unknown parameter and an out-of-range value', { timeout: 60_000 }, async () => {
    for (const bad of [{ no_such_parameter: 1 }, { visa_restrictions: 1000 }]) {
      const err = await browserError(bad);
      assert.ok(err, `scenario_csv(${JSON.stringify(bad)}) throws`);
      const cli = await runCli(['run', ...setFlags(bad)]);
      assert.notEqual(cli.status, 0, `talentflow run ${setFlags(bad).join(' ')} exits non-zero`);
    }
  });
});

function firstDiff(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: browser ${JSON.stringify(la[i])} vs CLI ${JSON.stringify(lb[i])}`;
  }
  return 'none';
}
