import type { CsvReader, CsvRow } from './csv';

export interface BatchOptions {
  /** Rows read between two checks of the clock (and of `afterBatch`). */
  batchSize?: number;
  /** How long to work before giving the page a turn, in milliseconds: one frame by default. */
  budgetMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: { position: number; total: number; rows: number }) => void;
  /** How to give the page its turn; a zero timeout unless the caller has something better. */
  yieldToPage?: () => Promise<void>;
  /** Runs after each batch (perhaps storing part of what was planned): a promise is awaited before the next. */
  afterBatch?: () => void | Promise<void>;
}

export type BatchOutcome = { status: 'done'; rows: number } | { status: 'cancelled'; rows: number };

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads the whole file, handing each row to `onRow` as it is read (map it, plan it), a batch at a
 * time, and gives the page its turn about once a frame, so 100,000 rows neither freeze the page
 * nor hold it up with a pause per batch. No batch of rows is kept: measured in session 16, rows
 * and drafts kept for the length of a batch were most of what an import left for the garbage
 * collector (README, Performance). Cancelling stops before the next batch.
 */
export async function readInBatches(
  reader: CsvReader,
  onRow: (row: CsvRow) => void,
  options: BatchOptions = {},
): Promise<BatchOutcome> {
  const { batchSize = 500, budgetMs = 16, signal, onProgress, yieldToPage = nextTask, afterBatch } = options;
  let rows = 0;
  let sliceStart = performance.now();
  while (!reader.done) {
    if (signal?.aborted) return { status: 'cancelled', rows };
    rows += reader.each(batchSize, onRow);
    await afterBatch?.();
    if (performance.now() - sliceStart >= budgetMs) {
      onProgress?.({ position: reader.position, total: reader.total, rows });
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  if (signal?.aborted) return { status: 'cancelled', rows };
  onProgress?.({ position: reader.total, total: reader.total, rows });
  return { status: 'done', rows };
}
