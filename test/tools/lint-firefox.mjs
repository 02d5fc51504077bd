#!/usr/bin/env node
// Runs web-ext lint on the Firefox zip that would go to AMO (`npm run zip`), unpacked to a
// temporary folder, and prints one line per finding; fails on errors.
// The known warnings come from libraries, not from our code (see README, "Firefox").
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const zip = `.output/rapport-${version}-firefox.zip`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-amo-'));
for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), bytes);
}
const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json'], { encoding: 'utf8' });
rmSync(dir, { recursive: true, force: true });
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
console.log(`web-ext lint (${zip}): ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors > 0 ? 1 : 0);
