import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Lints one made-up file placed at a real path with the project's Biome rules (Biome
 * prints no diagnostics for standard input), then removes it.
 */
function lint(path: string, code: string) {
  const probe = path.replace(/\.ts$/, `.boundary-probe-${process.pid}.ts`);
  writeFileSync(probe, code);
  try {
    const run = spawnSync('npx', ['biome', 'lint', probe], { encoding: 'utf8' });
    return { failed: run.status !== 0, output: run.stdout + run.stderr };
  } finally {
    rmSync(probe, { force: true });
  }
}

describe('import boundaries are enforced by the linter', () => {
  it.each([
    [
      'lib/shared/x.ts',
      "import { store } from '@/lib/background/db/open';\nexport const x = store;",
      'lib/shared is pure',
    ],
    ['lib/shared/x.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;", 'no browser APIs'],
    [
      'lib/content/x.ts',
      "import { store } from '@/lib/background/db/open';\nexport const x = store;",
      'lib/content may import',
    ],
    ['lib/content/x.ts', "import { z } from 'zod';\nexport const x = z;", 'free of zod'],
    [
      'lib/background/x.ts',
      "import { mountSidebarHost } from '@/lib/content/sidebar-host';\nexport const x = mountSidebarHost;",
      'lib/background may import',
    ],
    ['components/x.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;", 'no browser APIs'],
    ['components/x.ts', 'export const x = () => chrome.runtime.id;', 'chrome'],
  ])('%s: %s is refused', (path, code, message) => {
    const result = lint(path, code);
    expect(result.failed).toBe(true);
    expect(result.output).toContain(message);
  });

  it('an allowed import passes', () => {
    const result = lint(
      'lib/content/x.ts',
      "import type { Result } from '@/lib/messaging/protocol';\nexport type X = Result<number>;",
    );
    expect(result.output).not.toContain('noRestrictedImports');
    expect(result.failed).toBe(false);
  });
});
