import { describe, expect, it } from 'vitest';
import { createPlanner, guessMapping, mapRow, openCsv, readInBatches } from '@/lib/shared/import';
import { NOW, sequentialIds } from './helpers';

/** A contacts file of `n` rows; every 1000th has a bad address. */
function bigFile(n: number): string {
  const lines = ['First Name,Last Name,Email,Company,Job Title'];
  for (let i = 0; i < n; i++) {
    const email = i % 1000 === 999 ? `broken-${i}` : `person${i}@company${i % 5000}.example`;
    lines.push(`First${i},"Last, ${i}",${email},Company ${i % 5000} Inc.,Title ${i}`);
  }
  return lines.join('\r\n');
}

describe('readInBatches', () => {
  it('hands on every row in order, reports progress and gives the page its turn', async () => {
    const reader = openCsv(bigFile(2000));
    const lines: number[] = [];
    const progress: number[] = [];
    let turns = 0;
    let batches = 0;
    const outcome = await readInBatches(reader, (row) => void lines.push(row.line), {
      afterBatch: () => void batches++,
      batchSize: 100,
      budgetMs: 0,
      onProgress: (p) => progress.push(p.position / p.total),
      yieldToPage: async () => {
        turns++;
      },
    });
    expect(outcome).toEqual({ status: 'done', rows: 2000 });
    expect(lines).toEqual(Array.from({ length: 2000 }, (_, i) => i + 2));
    expect(turns).toBe(20);
    expect(batches).toBe(20);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('stops at the next batch once cancelled', async () => {
    const reader = openCsv(bigFile(2000));
    const controller = new AbortController();
    let rows = 0;
    const outcome = await readInBatches(
      reader,
      () => {
        rows++;
        if (rows === 250) controller.abort();
      },
      { batchSize: 100, signal: controller.signal },
    );
    expect(outcome).toEqual({ status: 'cancelled', rows: 300 });
    expect(reader.done).toBe(false);
  });
});

describe('100,000 rows', () => {
  it('read, map and plan in batches that each take a small part of a second', async () => {
    const reader = openCsv(bigFile(100_000));
    const mapping = guessMapping(reader.headers, { sampleRows: reader.sample(10) });
    const planner = createPlanner({ importId: 'big', now: NOW, newId: sequentialIds() });
    const durations: number[] = [];
    let slices = 0;
    let batchStart = performance.now();
    const outcome = await readInBatches(reader, (row) => planner.addRow(mapRow(row, mapping)), {
      batchSize: 500,
      afterBatch: () => {
        durations.push(performance.now() - batchStart);
        batchStart = performance.now();
      },
      yieldToPage: async () => void slices++,
    });
    const plan = planner.finish();
    expect(outcome.status).toBe('done');
    expect(plan.counts).toEqual({ rows: 100_000, imported: 99_900, merged: 0, skipped: 100 });
    expect(plan.errors[0]).toMatchObject({ line: 1001, code: 'invalid-email' });
    // Five of the 5000 companies appear only on the bad rows.
    expect(plan.create.accounts).toHaveLength(4995);
    expect(slices).toBeGreaterThan(1);
    // The median, so a garbage-collection pause on a busy machine does not fail the test; on a
    // laptop a 500-row batch takes a few milliseconds.
    const median = [...durations].sort((a, b) => a - b)[Math.floor(durations.length / 2)] ?? 0;
    expect(median).toBeLessThan(50);
  }, 60_000);
});
