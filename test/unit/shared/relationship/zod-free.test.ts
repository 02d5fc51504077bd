import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

/**
 * Content scripts and components may not load zod. These engine files are meant for them, so
 * none of their value imports (type-only imports vanish at build) may lead to zod.
 */
const DIR = join(process.cwd(), 'lib/shared/relationship');
const FOR_PAGES = ['trust', 'next-touch', 'risk', 'describe', 'job-change', 'coverage', 'stagger', 'value', 'calendar'];

function valueImports(file: string): string[] {
  const source = readFileSync(join(DIR, `${file}.ts`), 'utf8');
  return [...source.matchAll(/^import (?!type )[^;]*?from '([^']+)';/gms)].map((m) => m[1] ?? '');
}

function reachesZod(file: string, seen = new Set<string>()): string | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  for (const spec of valueImports(file)) {
    if (!spec.startsWith('./')) return `${file} → ${spec}`;
    const found = reachesZod(spec.slice(2), seen);
    if (found) return `${file} → ${found}`;
  }
  return undefined;
}

it.each(FOR_PAGES)('%s loads no zod', (file) => {
  expect(reachesZod(file)).toBeUndefined();
});

it('the summary schema does load it (the check can fail)', () => {
  expect(reachesZod('summarize')).toMatch(/zod/);
});
