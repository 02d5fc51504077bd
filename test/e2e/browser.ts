import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the built Chrome extension is: `npm run build` writes it; the bench loads its own build
 * (`RAPPORT_EXTENSION_DIR=.output/chrome-mv3-bench`, made with `wxt build --mode bench`).
 */
export const extensionDir = () => path.resolve(process.env.RAPPORT_EXTENSION_DIR ?? '.output/chrome-mv3');

/** Flags for a closed network: no background traffic, no first-run UI. */
export function chromiumArgs(extensionDirs = [extensionDir()]): string[] {
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
