import type { Requester } from '@/lib/messaging/client';
import { IMPORT_PLAN_MEASURE, IMPORT_STORE_MEASURE } from '@/lib/shared/marks';
import { PART, settle, writeInParts } from './transfer';
import {
  type BackupRestore,
  createPlanner,
  type CsvReader,
  decodeFile,
  guessMapping,
  type ImportPlan,
  type ImportPlanner,
  type ImportUndo,
  indexRecords,
  type Mapping,
  type MappedRows,
  mapRows,
  openCsv,
  parseBackup,
  parseVCards,
  planUndo,
  type RowError,
  readInBatches,
  undoRecord,
} from '@/lib/shared/import';

/** A chosen file, read and understood: a CSV with its guessed mapping, a vCard file or a backup. */
export type Source =
  | { kind: 'csv'; name: string; reader: CsvReader; mapping: Mapping }
  | { kind: 'vcard'; name: string; mapped: MappedRows }
  | { kind: 'backup'; name: string; restore: BackupRestore };

export interface Report {
  imported: number;
  merged: number;
  skipped: number;
  errors: RowError[];
  /** Present for imports (not restores): what undo needs. */
  undo?: ImportUndo;
  /** Owners named in the file when none of them is the seller. */
  unknownOwners?: string[];
}

export async function readSource(file: File): Promise<Source> {
  const text = decodeFile(new Uint8Array(await file.arrayBuffer()));
  const head = text.trimStart().slice(0, 20);
  if (/\.vcf$/i.test(file.name) || head.startsWith('BEGIN:VCARD')) {
    return { kind: 'vcard', name: file.name, mapped: parseVCards(text) };
  }
  if (/\.json$/i.test(file.name) || head.startsWith('{')) {
    return { kind: 'backup', name: file.name, restore: parseBackup(text) };
  }
  const reader = openCsv(text);
  const mapping = guessMapping(reader.headers, { sampleRows: reader.sample(50), delimiter: reader.delimiter });
  return { kind: 'csv', name: file.name, reader, mapping };
}

/**
 * Plans the import against what the store holds (read once, without its touches), then writes it in one request:
 * every good row in, every bad row reported with its line, duplicates merged, never twins.
 * Parsing runs in slices that give the page a turn every frame, so large files never freeze it.
 */
export async function runImport(
  source: Source,
  request: Requester,
  options: {
    signal?: AbortSignal;
    onProgress?: (share: number) => void;
    /** Reading is done and the rows are being stored: one step that cannot be cancelled (undo can). */
    onSaving?: (rows: number) => void;
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
  const [stored, settings] = await Promise.all([request('import.basis', {}), request('settings.get', {})]);
  if (!stored.ok) throw new Error(stored.error.message);
  const planner = createPlanner({
    importId: crypto.randomUUID(),
    now: Date.now(),
    newId: () => crypto.randomUUID(),
    existing: indexRecords({ ...stored.data, touches: stored.data.importedTouches }),
    ...(settings.ok ? { me: settings.data.me, internalDomains: settings.data.internalDomains } : {}),
  });
  const early = storeWhileReading(planner, request);
  try {
    if (source.kind === 'vcard') planner.add(source.mapped);
    else {
      const { mapping, reader } = source;
      const outcome = await readInBatches(
        reader,
        async (rows) => {
          planner.add(mapRows(rows, mapping));
          await early.afterBatch();
        },
        {
          ...(options.signal ? { signal: options.signal } : {}),
          onProgress: ({ position, total }) => options.onProgress?.(total ? position / total : 1),
        },
      );
      if (outcome.status === 'cancelled') {
        await early.takeBack();
        return 'cancelled';
      }
      await early.done();
    }
  } catch (error) {
    await early.takeBack();
    throw error;
  }
  const plan = planner.finish();
  options.onSaving?.(plan.counts.rows);
  const planned = performance.now();
  performance.measure(IMPORT_PLAN_MEASURE, { start: started, end: planned });
  await store(plan, request, early.stored);
  performance.measure(IMPORT_STORE_MEASURE, { start: planned, end: performance.now() });
  if (!plan.meFound) await askWhichOwner(plan, request);
  return {
    ...plan.counts,
    errors: plan.errors,
    undo: undoRecord(plan, early.stored.touchIds),
    ...(plan.meFound ? {} : { unknownOwners: plan.owners.flatMap((o) => (o.name ? [o.name] : [])) }),
  };
}

/** What an import stored while its file was read. */
interface Early {
  touchIds: string[];
  contactIds: Set<string>;
}

/**
 * Stores an import's touches while the file is read, a part at a time, so 100,000 activities
 * are never held in the page at once; contacts and accounts, which a later row may still
 * change, go when the file is done. One part is in flight while the next is read, so the
 * worker writes as the page parses. `takeBack` undoes it all when the seller cancels or a
 * part fails.
 */
function storeWhileReading(planner: ImportPlanner, request: Requester) {
  const stored: Early = { touchIds: [], contactIds: new Set() };
  let writing: Promise<void> = Promise.resolve();
  return {
    stored,
    async afterBatch(): Promise<void> {
      if (planner.pendingTouches < PART) return;
      await writing;
      const touches = planner.takeTouches();
      for (const t of touches) {
        stored.touchIds.push(t.id);
        stored.contactIds.add(t.contactId);
      }
      writing = writeInParts({ touches }, request);
      // Awaited before the next part and in `done`; this only keeps a failure from being
      // reported as unhandled in between.
      writing.catch(() => undefined);
    },
    /** Resolves when the part in flight has landed; rejects if it failed. */
    done: () => writing,
    /** After the part in flight has settled, so nothing it writes outlives the take-back. */
    async takeBack(): Promise<void> {
      await writing.catch(() => undefined);
      if (stored.touchIds.length) {
        await request('data.delete', { touches: stored.touchIds }).catch(() => undefined);
      }
    },
  };
}

/** Keeps the owners in the background until the seller says which one is them (see OwnerClaim). */
async function askWhichOwner(plan: ImportPlan, request: Requester): Promise<void> {
  const owners = plan.owners.filter((o) => !o.isMe).map((o) => ({ sellerId: o.sellerId, rows: o.rows }));
  // The import is written by now: a question that could not be stored must not report it as failed.
  await request('owner.ask', { owners });
}

/**
 * Stores a plan in parts, then has the background settle the contacts' follow-ups once. Each
 * part is one transaction; should one fail, the parts already stored are taken back (the same
 * undo the seller has), so an import still lands whole or not at all.
 */
async function store(plan: ImportPlan, request: Requester, early: Early): Promise<void> {
  const stores = {
    sellers: plan.create.sellers,
    accounts: [...plan.create.accounts, ...plan.merge.accounts.map((m) => m.after)],
    contacts: [...plan.create.contacts, ...plan.merge.contacts.map((m) => m.after)],
    purchases: plan.create.purchases,
    touches: plan.create.touches,
  };
  try {
    await writeInParts(stores, request);
  } catch (error) {
    await undoImport(undoRecord(plan, early.touchIds), request).catch(() => undefined);
    throw error;
  }
  await settle(stores, request, { created: plan.create.contacts, touched: early.contactIds });
}

/** Takes an import back as one step: its records deleted, merged records restored. */
export async function undoImport(undo: ImportUndo, request: Requester): Promise<void> {
  const stored = await request('import.basis', {});
  if (!stored.ok) throw new Error(stored.error.message);
  const accounts = new Map(stored.data.accounts.map((a) => [a.id, a]));
  const contacts = new Map(stored.data.contacts.map((c) => [c.id, c]));
  const steps = planUndo(undo, { account: (id) => accounts.get(id), contact: (id) => contacts.get(id) }, Date.now());
  const deleted = await request('data.delete', steps.delete);
  if (!deleted.ok) throw new Error(deleted.error.message);
  const put = await request('data.put', steps.put);
  if (!put.ok) throw new Error(put.error.message);
}
