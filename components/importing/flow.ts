import type { Requester } from '@/lib/messaging/client';
import { IMPORT_BASIS_MARK, IMPORT_PLAN_MEASURE, IMPORT_STORE_MEASURE } from '@/lib/shared/marks';
import { holdImportOpen } from '@/lib/messaging/client';
import { MAX_IMPORT_TEXT, PART, type ResponseOf, type Result } from '@/lib/messaging/protocol';
import { handOver, NO_MERGES, settle, writeInParts } from './transfer';
import {
  type BackupRestore,
  createPlanner,
  type CsvReader,
  decodeFile,
  guessMapping,
  type ImportPlan,
  type ImportPlanner,
  indexRecords,
  type Mapping,
  type MappedRows,
  mapRow,
  openCsv,
  parseBackup,
  parseVCards,
  type RowError,
  readInBatches,
} from '@/lib/shared/import';

/** A chosen file, read and understood: a CSV with its guessed mapping, a vCard file or a backup. */
export type Source =
  | { kind: 'csv'; name: string; text: string; reader: CsvReader; mapping: Mapping }
  | { kind: 'vcard'; name: string; text: string; mapped: MappedRows }
  | { kind: 'backup'; name: string; restore: BackupRestore };

export interface Report {
  imported: number;
  merged: number;
  skipped: number;
  errors: RowError[];
  /** Present for imports (not restores): the import's id, which undo takes back. */
  undo?: string;
  /** Owners named in the file when none of them is the seller. */
  unknownOwners?: string[];
}

export async function readSource(file: File): Promise<Source> {
  return sourceOf(file.name, decodeFile(new Uint8Array(await file.arrayBuffer())));
}

/** A file's text understood; a CSV takes `mapping` (the one the seller confirmed) over the guess. */
export function sourceOf(name: string, text: string, mapping?: Mapping): Source {
  const head = text.trimStart().slice(0, 20);
  if (/\.vcf$/i.test(name) || head.startsWith('BEGIN:VCARD')) {
    return { kind: 'vcard', name, text, mapped: parseVCards(text) };
  }
  if (/\.json$/i.test(name) || head.startsWith('{')) {
    return { kind: 'backup', name, restore: parseBackup(text) };
  }
  const reader = openCsv(text);
  const guessed =
    mapping ?? guessMapping(reader.headers, { sampleRows: reader.sample(50), delimiter: reader.delimiter });
  return { kind: 'csv', name, text, reader, mapping: guessed };
}

/**
 * "Finish it" for an import cut off while its file was read: nothing of it is live yet, so it is
 * rolled back and the file the worker kept is imported again with the mapping the seller
 * confirmed. Every row goes in, as if the tab had stayed open.
 */
export async function finishFromKeptFile(
  importId: string,
  request: Requester,
  onProgress: (share: number) => void,
): Promise<Report> {
  const file = must(await request('import.file', { importId }));
  const mapping = file.mapping === undefined ? undefined : (JSON.parse(file.mapping) as Mapping);
  const source = sourceOf(file.name, file.text, mapping);
  must(await request('import.rollback', { importId }));
  const report = await runImport(source, request, { onProgress });
  if (report === 'cancelled') throw new Error('the import was cancelled');
  return report;
}

/**
 * Plans the import against what the store holds (read once, without its touches) and hands the
 * worker its records in parts while the file is read (see lib/background/import-journal.ts):
 * every good row in, every bad row reported with its line, duplicates merged, never twins. The
 * worker owns the import from the start: a tab closed half-way leaves a journal the dashboard
 * offers to finish or roll back. Parsing runs in slices that give the page a turn every frame.
 */
export async function runImport(
  source: Source,
  request: Requester,
  options: {
    signal?: AbortSignal;
    onProgress?: (share: number) => void;
    /** Reading is done and the rows are being stored: one step that cannot be cancelled (undo can). */
    onSaving?: (rows: number) => void;
    /** What the import plans against, asked for while the seller checked the mapping (`askBasis`). */
    basis?: AskedBasis;
  } = {},
): Promise<Report | 'cancelled'> {
  if (source.kind === 'backup') {
    // A restore brings its own follow-ups; settling plans them only for contacts without one.
    await writeInParts(source.restore.data, request);
    await settle(source.restore.data, request);
    const { restored, skipped } = source.restore.counts;
    return { imported: restored, merged: 0, skipped, errors: source.restore.errors };
  }
  const started = performance.now();
  const [basis, settings] = await Promise.all([currentBasis(request, options.basis), request('settings.get', {})]);
  const importId = crypto.randomUUID();
  // The file is kept with the journal while it is read, so a closed tab can be finished later.
  const file =
    source.text.length <= MAX_IMPORT_TEXT
      ? { file: { text: source.text, ...(source.kind === 'csv' ? { mapping: JSON.stringify(source.mapping) } : {}) } }
      : {};
  must(await request('import.begin', { importId, name: source.name, ...file }));
  const holding = holdImportOpen(importId);
  let committing = false;
  try {
    const planner = createPlanner({
      importId,
      now: Date.now(),
      newId: () => crypto.randomUUID(),
      existing: indexRecords({ ...basis, touches: basis.importedTouches }),
      ...(settings.ok ? { me: settings.data.me, internalDomains: settings.data.internalDomains } : {}),
    });
    const early = handOverWhileReading(planner, importId, request);
    if (source.kind === 'vcard') planner.add(source.mapped);
    else {
      const { mapping, reader } = source;
      const outcome = await readInBatches(reader, (row) => planner.addRow(mapRow(row, mapping)), {
        afterBatch: early.afterBatch,
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: ({ position, total }) => options.onProgress?.(total ? position / total : 1),
      });
      if (outcome.status === 'cancelled') {
        await early.done().catch(() => undefined);
        must(await request('import.rollback', { importId }));
        return 'cancelled';
      }
      await early.done();
    }
    const plan = planner.finish();
    options.onSaving?.(plan.counts.rows);
    const planned = performance.now();
    performance.measure(IMPORT_PLAN_MEASURE, { start: started, end: planned });
    await handOver(importId, plan.create, plan.merge, request);
    const created = new Set(plan.create.contacts.map((c) => c.id));
    const touched = new Set([...early.contactIds, ...plan.create.touches.map((t) => t.contactId)]);
    committing = true;
    const committed = await request('import.commit', {
      importId,
      contactIds: [...new Set([...created, ...touched, ...plan.merge.contacts.map((m) => m.id)])],
      blank: [...created].filter((id) => !touched.has(id)),
      counts: { imported: plan.counts.imported, merged: plan.counts.merged, skipped: plan.counts.skipped },
    });
    // Every row is the worker's now: whatever stopped it, the journal knows where it stood, and
    // the seller chooses (finish or roll back) rather than this page guessing.
    if (!committed.ok) {
      throw new Error(
        `${committed.error.message}. Every row reached Rapport: finish the import or roll it back from the notice.`,
      );
    }
    performance.measure(IMPORT_STORE_MEASURE, { start: planned, end: performance.now() });
    if (!plan.meFound) await askWhichOwner(plan, request);
    return {
      ...plan.counts,
      errors: plan.errors,
      undo: importId,
      ...(plan.meFound ? {} : { unknownOwners: plan.owners.flatMap((o) => (o.name ? [o.name] : [])) }),
    };
  } catch (error) {
    if (committing) throw error;
    // Whole or nothing while the file is read: what the worker holds of this import goes; if
    // that fails too, the seller is told both, and the dashboard lists the import as interrupted.
    const back = await request('import.rollback', { importId });
    const message = error instanceof Error ? error.message : String(error);
    if (!back.ok)
      throw new Error(
        `${message}. Taking the import back failed too (${back.error.message}): roll it back from the notice above.`,
      );
    throw error;
  } finally {
    holding.release();
  }
}

type Basis = Exclude<ResponseOf<'import.basis'>, { unchanged: true }>;
/** A basis asked for ahead; undefined when asking failed (the click asks again). */
export type AskedBasis = Promise<Basis | undefined>;

/**
 * Asks for what an import plans against before "Import": when the import view opens, and
 * again (one short stamp check when nothing was written) when a file is chosen, so the store is
 * read while the seller picks the file and checks the mapping rather than after the click
 * (0.3 s on the bench's book of 10,000 contacts).
 */
export const askBasis = (request: Requester, earlier?: AskedBasis): AskedBasis =>
  currentBasis(request, earlier).then(
    (basis) => {
      performance.mark(IMPORT_BASIS_MARK);
      return basis;
    },
    () => undefined,
  );

/**
 * The basis asked for earlier if nothing was written since (the worker compares its stamp: one
 * short round trip), else read now: an import never plans against a store that changed.
 */
async function currentBasis(request: Requester, asked: AskedBasis | undefined): Promise<Basis> {
  const held = await asked;
  if (held?.stamp) {
    const check = must(await request('import.basis', { unless: held.stamp }));
    if ('unchanged' in check) return held;
    return check;
  }
  const fresh = must(await request('import.basis', {}));
  if ('unchanged' in fresh) throw new Error('Rapport answered a question it was not asked: try the import again');
  return fresh;
}

function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/**
 * Hands the worker an import's touches while the file is read, a part at a time, so 100,000
 * activities are never held in the page at once; contacts and accounts, which a later row may
 * still change, go when the file is done. One part is in flight while the next is read.
 */
function handOverWhileReading(planner: ImportPlanner, importId: string, request: Requester) {
  const contactIds = new Set<string>();
  let writing: Promise<void> = Promise.resolve();
  return {
    contactIds,
    async afterBatch(): Promise<void> {
      if (planner.pendingTouches < PART) return;
      await writing;
      const touches = planner.takeTouches();
      for (const t of touches) contactIds.add(t.contactId);
      writing = handOver(importId, { touches }, NO_MERGES, request);
      // Awaited before the next part and in `done`; this only keeps a failure from being
      // reported as unhandled in between.
      writing.catch(() => undefined);
    },
    /** Resolves when the part in flight has landed; rejects if it failed. */
    done: () => writing,
  };
}

/** Keeps the owners in the background until the seller says which one is them (see OwnerClaim). */
async function askWhichOwner(plan: ImportPlan, request: Requester): Promise<void> {
  const owners = plan.owners.filter((o) => !o.isMe).map((o) => ({ sellerId: o.sellerId, rows: o.rows }));
  // The import is written by now: a question that could not be stored must not report it as failed.
  await request('owner.ask', { owners });
}
