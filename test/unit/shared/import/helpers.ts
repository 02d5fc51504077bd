import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createPlanner,
  decodeFile,
  type ExistingRecords,
  type GuessOptions,
  guessMapping,
  type ImportPlan,
  type Mapping,
  mapRow,
  type MeInSettings,
  openCsv,
} from '@/lib/shared/import';

const FIXTURES = join(__dirname, '../../../fixtures/import');

/** A fixture's bytes, as the dashboard gets them from a file input. */
export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
export const fixtureText = (name: string): string => decodeFile(fixtureBytes(name));

export const NOW = Date.UTC(2026, 0, 10, 12, 0);

export const ME_SETTINGS: MeInSettings = {
  name: 'Sam Seller',
  emails: ['sam@ourco.example'],
  crmOwnerName: 'Samantha Seller',
};

/** Ids in creation order: `id-1`, `id-2`, … */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

export interface RunOptions extends GuessOptions {
  existing?: ExistingRecords;
  me?: MeInSettings;
  internalDomains?: string[];
  batchSize?: number;
  adjust?: (mapping: Mapping) => Mapping;
}

/** The whole CSV path as the dashboard and background run it: read, guess, map, plan. */
export function importCsv(text: string, options: RunOptions = {}): { mapping: Mapping; plan: ImportPlan } {
  const reader = openCsv(text);
  const guessed = guessMapping(reader.headers, {
    sampleRows: reader.sample(50),
    delimiter: reader.delimiter,
    ...(options.kind ? { kind: options.kind } : {}),
  });
  const mapping = options.adjust ? options.adjust(guessed) : guessed;
  const planner = createPlanner({
    importId: 'import-1',
    now: NOW,
    newId: sequentialIds(),
    me: options.me ?? ME_SETTINGS,
    ...(options.existing ? { existing: options.existing } : {}),
    ...(options.internalDomains ? { internalDomains: options.internalDomains } : {}),
  });
  while (!reader.done) reader.each(options.batchSize ?? 2, (row) => planner.addRow(mapRow(row, mapping)));
  return { mapping, plan: planner.finish() };
}

/** Every row is counted exactly once, and every skipped row has its one error. */
export function expectAccounted(plan: ImportPlan, dataRows: number): void {
  const { rows, imported, merged, skipped } = plan.counts;
  if (rows !== dataRows) throw new Error(`counted ${rows} rows, the file has ${dataRows}`);
  if (imported + merged + skipped !== rows) throw new Error('a row is counted twice or not at all');
  if (plan.errors.length !== skipped) throw new Error(`${skipped} skipped but ${plan.errors.length} errors`);
}
