// `npm test`: every suite, in order — unit, HTTP (SQLite, plus PostgreSQL when
// BOOMERANG_TEST_PG_URL is set), then the browser journeys against a freshly built web app and
// compiled server (what `npm start` runs).
// Suites that cannot run here (no PostgreSQL URL, no Chromium) say so and skip — except in CI,
// where .ci/run sets BOOMERANG_REQUIRE_PG=1, BOOMERANG_REQUIRE_BROWSER=1 and BOOMERANG_REQUIRE_SHARED=1
// and a skip is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;

if (process.env.BOOMERANG_REQUIRE_PG === '1' && !process.env.BOOMERANG_TEST_PG_URL) {
  console.error('FAIL: BOOMERANG_REQUIRE_PG=1 but BOOMERANG_TEST_PG_URL is not set; the PostgreSQL suites would skip.');
  process.exit(1);
}
const hasChromium = existsSync(process.env.BOOMERANG_CHROMIUM ?? '/usr/bin/chromium');
if (!hasChromium && process.env.BOOMERANG_REQUIRE_BROWSER === '1') {
  console.error('FAIL: BOOMERANG_REQUIRE_BROWSER=1 but Chromium is not installed; the browser suite would skip.');
  process.exit(1);
}

// The conformance suites read ../shared/data (tracking numbers, GS1, webhooks, ISO 4217…); on a
// laptop without it they skip with a warning, in CI they must run.
if (
  process.env.BOOMERANG_REQUIRE_SHARED === '1' &&
  !existsSync(new URL('../../shared/data/README.md', import.meta.url))
) {
  console.error('FAIL: BOOMERANG_REQUIRE_SHARED=1 but ../shared/data is absent; the conformance suites would skip.');
  process.exit(1);
}

// Always a fresh build, whatever the mtimes say: the browser suite exercises exactly this checkout.
if (hasChromium && run(['scripts/build-if-stale.mjs', '--force']) !== 0) process.exit(1);
const REPORT = 'test-results/vitest.json';
const status = run([
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${REPORT}`,
  ...process.argv.slice(2),
]);

// One plain closing line that any CI log reader understands, whatever the runner prints above it.
if (existsSync(REPORT)) {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(`\nTests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
}
process.exit(status);
