#!/usr/bin/env node
// Runs web-ext lint on the Firefox build and prints one line per finding; fails on errors.
// The known warnings come from libraries, not from our code (see README, "Firefox").
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json'], {
  encoding: 'utf8',
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const finding of report[kind]) {
    console.log(`${kind.slice(0, -1)}: ${finding.code} in ${finding.file ?? 'manifest'}: ${finding.message}`);
  }
}
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors > 0 ? 1 : 0);
