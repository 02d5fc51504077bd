import type { CsvReader, CsvRow } from './csv';

export interface BatchOptions {
  /** Rows per `reader.next()` call. */
  batchSize?: number;
  /** How long to work before giving the page a turn, in milliseconds: one frame by default. */
  budgetMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: { position: number; total: number; rows: number }) => void;
  /** How to give the page its turn; a zero timeout unless the caller has something better. */
  yieldToPage?: () => Promise<void>;
}

export type BatchOutcome = { status: 'done'; rows: number } | { status: 'cancelled'; rows: number };

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads the whole file in batches, handing each to `onBatch` (map it, plan it, perhaps store
 * part of it: a promise is awaited before the next batch), and gives the
 * page its turn about once a frame, so 100,000 rows neither freeze the page nor hold it up
 * with a pause per batch. Cancelling stops before the next batch; nothing half-read is handed on.
 */
export async function readInBatches(
  reader: CsvReader,
  onBatch: (rows: CsvRow[]) => void | Promise<void>,
  options: BatchOptions = {},
): Promise<BatchOutcome> {
  const { batchSize = 500, budgetMs = 16, signal, onProgress, yieldToPage = nextTask } = options;
  let rows = 0;
  let sliceStart = performance.now();
  while (!reader.done) {
    if (signal?.aborted) return { status: 'cancelled', rows };
    const batch = reader.next(batchSize);
    rows += batch.length;
    if (batch.length) await onBatch(batch);
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
