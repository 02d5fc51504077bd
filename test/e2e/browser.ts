import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where the built Chrome extension is: `npm run build` writes it. */
export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

/**
 * Debian's Chromium, unless CHROMIUM_PATH names another. The real binary avoids the
 * wrapper script's warning; the wrapper is the fallback.
 */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) {
    throw new Error(
      [
        'No Chromium found for the end-to-end tests.',
        'Install one with:  sudo apt-get install -y chromium',
        'or point CHROMIUM_PATH at a Chromium or Chrome binary (Playwright cannot download its own browser here).',
        `Looked in: ${candidates.filter(Boolean).join(', ')}`,
      ].join('\n'),
    );
  }
  return found;
}

/** Flags for a closed network: no background traffic, no first-run UI. */
export function chromiumArgs(extensionDirs = [EXTENSION_DIR]): string[] {
  for (const dir of extensionDirs) {
    if (!existsSync(path.join(dir, 'manifest.json'))) {
      throw new Error(`No built extension at ${dir}: run \`npm run build\` first.`);
    }
  }
  return [
    `--disable-extensions-except=${extensionDirs.join(',')}`,
    `--load-extension=${extensionDirs.join(',')}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}
