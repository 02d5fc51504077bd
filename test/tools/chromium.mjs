#!/usr/bin/env node
// The one place that finds, or installs, the Chromium the browser tests, the demo and the
// bench drive. `npm test`, `npm run demo`, `npm run bench`, Playwright's global set-up and
// `.ci/run` all come here, so a fresh Debian/Ubuntu machine needs no step of its own.
//
// Order: CHROMIUM_PATH if set; else Debian's Chromium if present; else, when this machine can
// install without asking (root, or `sudo -n` works) and has apt-get, Debian's `chromium`
// package; else a clear message naming the one command to run. A browser is never downloaded
// from anywhere but the system's package manager (Playwright's own download cannot work on a
// closed network, and an unsigned binary from elsewhere is not something to run as a seller).
//
// Run directly (`node test/tools/chromium.mjs`) it does the same and prints the browser found.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real binary first: Debian's /usr/bin/chromium is a wrapper script that prints a warning. */
const DEBIAN_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export class ChromiumMissing extends Error {}

/** The browser to use, or undefined when this machine has none. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new ChromiumMissing(missingMessage(`CHROMIUM_PATH=${fromEnv} does not exist.`));
    return fromEnv;
  }
  return DEBIAN_PATHS.find((candidate) => existsSync(candidate));
}

/** The browser, installed through apt-get first when it is missing and this machine allows it. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const sudo = installPrefix();
  if (sudo === undefined) {
    throw new ChromiumMissing(missingMessage('This machine cannot install it without asking (not root, no sudo -n).'));
  }
  const started = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const run = spawnSync(sudo ? 'sudo' : 'apt-get', sudo ? ['-n', 'apt-get', ...args] : args, {
      env,
      encoding: 'utf8',
    });
    if (run.status !== 0) {
      throw new ChromiumMissing(
        missingMessage(
          `apt-get ${args[0]} failed (exit ${run.status ?? run.signal}):\n${tail(run.stderr || run.stdout)}`,
        ),
      );
    }
  }
  const installed = findChromium();
  if (!installed) throw new ChromiumMissing(missingMessage('apt-get installed chromium, but no binary was found.'));
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `▶ Chromium was missing: installed Debian's chromium package with apt-get in ${seconds} s (${installed})`,
  );
  return installed;
}

/** ensureChromium() for a command line: the message and exit 1 instead of a stack trace. */
export function ensureChromiumOrExit() {
  try {
    return ensureChromium();
  } catch (error) {
    if (!(error instanceof ChromiumMissing)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}

/** '' when root, 'sudo' when sudo works without a password, undefined when installing would ask. */
function installPrefix() {
  if (!has('apt-get')) return undefined;
  if (process.getuid?.() === 0) return '';
  if (has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return 'sudo';
  return undefined;
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function missingMessage(why) {
  return [
    'No Chromium found for the browser tests, the demo and the bench.',
    why,
    'Install it with:  sudo apt-get install -y chromium',
    'or point CHROMIUM_PATH at a Chromium or Chrome binary (Playwright cannot download its own browser here).',
    `Looked in: ${DEBIAN_PATHS.join(', ')}`,
  ].join('\n');
}

function tail(text) {
  return text.trim().split('\n').slice(-5).join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const browser = ensureChromiumOrExit();
  const version = spawnSync(browser, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  console.log(`▶ browser: ${version || browser}`);
}
