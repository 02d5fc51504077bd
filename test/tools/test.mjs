#!/usr/bin/env node
// `npm test`: every check a change must pass, in the order that fails fastest.
// Ends with one line "tests: N passed, N failed" summed over the unit and end-to-end runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const REPORTS = 'test-reports';
// Start clean, so the closing line never counts an earlier run's results.
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const steps = [
  // Finds Chromium, or installs Debian's when missing and allowed, or names the command to run.
  ['browser', 'node', ['test/tools/chromium.mjs']],
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['biome', 'check', '.']],
  [
    'unit tests',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/unit.json`],
  ],
  // The release zips (`npm run zip`): each builds its target, then zips it; the end-to-end
  // tests load those builds and check what the zips hold.
  ['build and zip (Chrome)', 'npx', ['wxt', 'zip']],
  ['build and zip (Firefox, with the sources zip for AMO)', 'npx', ['wxt', 'zip', '-b', 'firefox']],
  ['web-ext lint (Firefox zip)', 'node', ['test/tools/lint-firefox.mjs']],
  [
    'end-to-end tests',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json` },
  ],
  // The demo must keep working: run it headless; it fails if a screenshot cannot be taken.
  ['demo (headless)', 'npx', ['tsx', 'test/tools/demo.ts'], { DEMO_HEADLESS: '1' }],
  // The benchmark harness must not rot: a tiny store, few runs; it fails only if it crashes.
  ['benchmark (smoke)', 'npx', ['tsx', 'test/bench/run.ts', '--smoke']],
];

for (const [name, command, args, env] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds}s (exit ${run.status ?? run.signal})`);
    summarize();
    process.exit(1);
  }
  console.log(`✔ ${name} (${seconds}s)`);
}
summarize();

function summarize() {
  let passed = 0;
  let failed = 0;
  const read = (file) => {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
  };
  const unit = read(`${REPORTS}/unit.json`);
  if (unit) {
    passed += unit.numPassedTests;
    failed += unit.numFailedTests;
  }
  const e2e = read(`${REPORTS}/e2e.json`);
  if (e2e) {
    passed += e2e.stats.expected;
    failed += e2e.stats.unexpected + e2e.stats.flaky;
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
}
