import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS } from '../budgets';
import { type Scenario, verdict } from '../types';

const OUT = '.output/chrome-mv3';

/** The JS a page loads: every module script and module preload its HTML names. */
function pageScripts(html: string): string[] {
  const urls = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  return [...new Set(urls)];
}

const gzipKb = (files: string[]) =>
  files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(OUT, file))).length, 0) / 1024;

/** Chunks no page names: what a page loads with `import()` when the seller needs it. */
function onDemandChunks(pages: string[][]): string[] {
  const named = new Set(pages.flat());
  return readdirSync(path.join(OUT, 'chunks'))
    .map((file) => `chunks/${file}`)
    .filter((file) => file.endsWith('.js') && !named.has(file));
}

export const bundle: Scenario = {
  name: 'bundle',
  async run() {
    const popup = pageScripts(readFileSync(path.join(OUT, 'popup.html'), 'utf8'));
    const options = pageScripts(readFileSync(path.join(OUT, 'options.html'), 'utf8'));
    const targets: [string, string[]][] = [
      ['content-scripts/gmail.js', ['content-scripts/gmail.js']],
      ['content-scripts/linkedin.js', ['content-scripts/linkedin.js']],
      ['background.js', ['background.js']],
      ['popup', popup],
      ['options', options],
      ['options, on demand', onDemandChunks([popup, options])],
    ];
    return targets.map(([name, files]) => {
      const kb = gzipKb(files);
      const budget = BUDGETS.bundleKb[name as keyof typeof BUDGETS.bundleKb];
      return {
        scenario: `bundle ${name}`,
        status: verdict(kb <= budget),
        runs: 1,
        median: Math.round(kb * 10) / 10,
        p95: Math.round(kb * 10) / 10,
        unit: 'KB gz',
        budget: `≤ ${budget} KB`,
        note: files.length > 1 ? `${files.length} files` : undefined,
      };
    });
  },
};
