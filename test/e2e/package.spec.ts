import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync, zipSync } from 'fflate';

// What `npm run zip` writes for the stores (npm test builds through it), and what each may hold.
const VERSION: string = JSON.parse(readFileSync('package.json', 'utf8')).version;
const zipPath = (kind: string) => `.output/rapport-${VERSION}-${kind}.zip`;
/** The size budget of each store zip, stated in the README (about 497 KB each on 4 December 2026). */
const STORE_ZIP_BUDGET_BYTES = 600 * 1024;

/** What must never ship to a seller: source maps, tests, fixtures, dependencies' sources. */
function forbiddenEntries(names: string[]): string[] {
  return names.filter(
    (name) =>
      name.endsWith('.map') ||
      /(^|\/)(test|tests|__tests__|fixtures|node_modules)\//.test(name) ||
      /\.(test|spec)\.[cm]?[jt]sx?$/.test(name),
  );
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

for (const target of ['chrome', 'firefox']) {
  test(`${target} store zip: the build's files and nothing else, under budget`, () => {
    const file = zipPath(target);
    const entries = unzipSync(readFileSync(file));
    const names = Object.keys(entries).sort();
    const build = `.output/${target}-mv3`;
    expect(names).toEqual(filesUnder(build).sort());
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    expect(manifest).toEqual(JSON.parse(readFileSync(`${build}/manifest.json`, 'utf8')));
    expect(manifest.version).toBe(VERSION);
    expect(forbiddenEntries(names)).toEqual([]);
    expect(statSync(file).size).toBeLessThanOrEqual(STORE_ZIP_BUDGET_BYTES);
  });
}

test('sources zip for AMO: what a reviewer needs to rebuild, without tests or outputs', () => {
  const names = Object.keys(unzipSync(readFileSync(zipPath('sources'))));
  for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md']) {
    expect(names).toContain(needed);
  }
  expect(names.some((name) => name.startsWith('entrypoints/'))).toBe(true);
  expect(forbiddenEntries(names)).toEqual([]);
  expect(names.filter((name) => /^(\.output|\.git|demo-output|bench-results)\//.test(name))).toEqual([]);
});

test('the packaging check catches a source map or a test file slipped into a zip', () => {
  const entries = unzipSync(readFileSync(zipPath('chrome')));
  const tampered = unzipSync(
    zipSync({
      ...entries,
      'background.js.map': new Uint8Array([123, 125]),
      'test/fixtures/gmail-thread.html': new Uint8Array([60]),
      'chunks/card.test.js': new Uint8Array([59]),
    }),
  );
  expect(forbiddenEntries(Object.keys(tampered)).sort()).toEqual([
    'background.js.map',
    'chunks/card.test.js',
    'test/fixtures/gmail-thread.html',
  ]);
});
