import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { askBasis, runImport, sourceOf } from '@/components/importing/flow';
import { countAll } from '@/lib/background/data';
import type { RapportDB } from '@/lib/background/db/schema';
import { listJournals } from '@/lib/background/import-journal';
import type { Requester } from '@/lib/messaging/client';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { account, contact } from '../../helpers/records';
import { countTouches } from '../../helpers/touch-store';

const CSV = 'Email,First Name,Last Name,Company\njane@acme.example,Jane,Doe,Acme\nnot-an-email,Bad,Row,Acme\n';

let db: IDBPDatabase<RapportDB>;
beforeEach(async () => {
  db = await startBackground(Date.now);
});

/**
 * The dashboard's requester, delivered to the real background (fake-indexeddb): every request in
 * order, the sizes of the parts handed over, and a part the "disk" refuses when `failOnStage` is set.
 */
function dashboard(failOnStage?: number) {
  const calls: string[] = [];
  const staged: number[] = [];
  const request = (async (type: string, payload: unknown) => {
    calls.push(type);
    if (type === 'import.stage') {
      const { records, merges } = payload as { records: Record<string, unknown[]>; merges: Record<string, unknown[]> };
      staged.push([...Object.values(records), ...Object.values(merges)].flat().length);
      if (staged.length === failOnStage) return { ok: false, error: { code: 'failed', message: 'the disk is full' } };
    }
    return deliver(envelope(type, payload), senders.page);
  }) as unknown as Requester;
  return { calls, staged, request };
}

const csvSource = (csv: string, name: string) => sourceOf(name, csv);

const nothingOf = async () => {
  expect(await countAll(db)).toEqual({ sellers: 0, accounts: 0, contacts: 0, touches: 0, purchases: 0, followUps: 0 });
  expect(await listJournals(db)).toEqual([]);
};

describe('runImport: the worker owns the import', () => {
  it('says when reading is over and storing starts, then reports every row; the journal keeps its undo', async () => {
    const { calls, request } = dashboard();
    const events: string[] = [];
    const report = await runImport(csvSource(CSV, 'contacts.csv'), request, {
      onProgress: () => events.push('progress'),
      onSaving: (rows) => events.push(`saving ${rows}`, `calls so far: ${calls.join(',')}`),
    });
    expect(events.at(-2)).toBe('saving 2');
    expect(events.at(-1)).not.toContain('import.stage');
    expect(calls.at(-1)).toBe('import.commit');
    expect(report).toMatchObject({ imported: 1, skipped: 1, errors: [{ line: 3 }] });
    expect(await db.count('contacts')).toBe(1);
    const [journal] = await listJournals(db);
    expect(journal).toMatchObject({ name: 'contacts.csv', stage: 'done', counts: { imported: 1, skipped: 1 } });
    // Whom to plan goes once they are planned: the list of journals stays small.
    expect(journal).not.toHaveProperty('settle');
    if (report === 'cancelled') throw new Error('not cancelled');
    expect(report.undo).toBe(journal?.importId);
  });

  it('hands a large file over in parts; a part refused rolls back everything, with the error', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `p${i}@acme.example,P,${i},Acme`);
    const csv = `Email,First Name,Last Name,Company\n${rows.join('\n')}\n`;
    const ok = dashboard();
    await runImport(csvSource(csv, 'big.csv'), ok.request);
    // One account, then 12,000 contacts in parts of 5,000.
    expect(ok.staged).toEqual([1, 5000, 5000, 2000]);
    expect(await db.count('contacts')).toBe(12_000);
    // Each new contact got its plan (a plain contact: planned with nothing due).
    await deliver(envelope('import.rollback', { importId: (await listJournals(db))[0]?.importId }), senders.page);
    await nothingOf();

    const failing = dashboard(3);
    await expect(runImport(csvSource(csv, 'big.csv'), failing.request)).rejects.toThrow('the disk is full');
    expect(failing.calls).not.toContain('import.commit');
    await nothingOf();
  }, 30_000);

  it('activities go to the worker while the file is read; cancel leaves the store as it was', async () => {
    const rows = Array.from(
      { length: 12_000 },
      (_, i) => `2025-03-${String(1 + (i % 28)).padStart(2, '0')},Email,Inbound,p${i % 50}@acme.example,Subject ${i}`,
    );
    const csv = `Activity date,Activity type,Direction,Contact email,Subject\n${rows.join('\n')}\n`;
    const done = dashboard();
    let stagedWhileReading = -1;
    await runImport(csvSource(csv, 'activities.csv'), done.request, {
      onSaving: () => {
        stagedWhileReading = done.staged.length;
      },
    });
    expect(stagedWhileReading).toBeGreaterThanOrEqual(2);
    expect(await countTouches(db)).toBe(12_000);

    // A fresh store (fake-indexeddb reads the first import's 12,000 source keys slowly).
    db = await startBackground(Date.now);
    const cancelled = dashboard();
    const stop = new AbortController();
    const outcome = await runImport(csvSource(csv, 'again.csv'), cancelled.request, {
      signal: stop.signal,
      onProgress: () => {
        if (cancelled.staged.length > 0) stop.abort();
      },
    });
    expect(outcome).toBe('cancelled');
    expect(cancelled.staged.length).toBeGreaterThan(0);
    await nothingOf();
  }, 30_000);

  it('a purchase at a known account plans a check-in with everyone there, also those the file does not name', async () => {
    await db.put('accounts', account({ id: 'acct-acme', name: 'Acme Inc.', domains: ['acme.example'] }));
    for (const id of ['jane', 'bob']) {
      await db.put('contacts', contact({ id, emails: [`${id}@acme.example`], accountId: 'acct-acme' }));
    }
    const bought = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const csv = `Date,Account,Amount,Currency,Product\n${bought},Acme Inc.,100,USD,Training\n`;
    const report = await runImport(csvSource(csv, 'purchases.csv'), dashboard().request);
    expect(report).toMatchObject({ imported: 1, skipped: 0 });
    const live = (await db.getAll('followUps')).filter((f) => f.state === 'open');
    expect(live.map((f) => [f.contactId, f.kind, f.reason.code]).sort()).toEqual([
      ['bob', 'check-in', 'purchase'],
      ['jane', 'check-in', 'purchase'],
    ]);
  });

  it('a purchase at an account the same file creates: its new buyer is planned the aftercare of that purchase', async () => {
    const bought = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const csv = `Date,Account,Contact Email,Amount,Currency,Product\n${bought},Initech,joe@initech.example,100,USD,Training\n`;
    const report = await runImport(csvSource(csv, 'purchases.csv'), dashboard().request);
    expect(report).toMatchObject({ imported: 1, skipped: 0 });
    const [joe] = await db.getAll('contacts');
    const live = (await db.getAll('followUps')).filter((f) => f.state === 'open');
    expect(live.map((f) => [f.contactId, f.reason.code])).toEqual([[joe?.id, 'purchase']]);
  });

  it('a basis asked for while the mapping is checked: used when nothing was written since, read again when something was', async () => {
    const { calls, request } = dashboard();
    const unchanged = askBasis(request);
    const first = await runImport(csvSource(CSV, 'contacts.csv'), request, { basis: unchanged });
    expect(first).toMatchObject({ imported: 1 });
    // One full read (asked ahead), then one stamp check at the click that answered "unchanged".
    const basisCalls = calls.filter((c) => c === 'import.basis');
    expect(basisCalls).toHaveLength(2);

    // Asked ahead; then Sam is added elsewhere (Gmail, another tab) before the click. Planning
    // against the earlier read would make Sam twice, which the store refuses.
    const ahead = askBasis(request);
    await ahead;
    await deliver(envelope('contact.track', { name: 'Sam', email: 'sam@globex.example' }), senders.page);
    const second = await runImport(
      csvSource('Email,First Name,Last Name,Company\nsam@globex.example,Sam,Lee,Globex\n', 'more.csv'),
      request,
      { basis: ahead },
    );
    expect(second).toMatchObject({ imported: 0, merged: 1 });
    expect((await db.getAll('contacts')).filter((c) => c.emails.includes('sam@globex.example'))).toHaveLength(1);
  });

  it('a basis asked when the import view opens is checked again when the file is chosen: read once when nothing changed, again when something did', async () => {
    const { request: deliverIt } = dashboard();
    // What each basis request was: a full read, or a stamp check (it carries `unless`).
    const asked: string[] = [];
    const request = (async (type: string, payload: { unless?: string }) => {
      if (type === 'import.basis') asked.push(payload.unless ? 'check' : 'read');
      return deliverIt(type as never, payload as never);
    }) as unknown as Requester;
    const opened = askBasis(request);
    const chosen = askBasis(request, opened);
    const first = await runImport(csvSource(CSV, 'contacts.csv'), request, { basis: chosen });
    expect(first).toMatchObject({ imported: 1 });
    // Opened: the one read; chosen and clicked: a stamp check each.
    expect(asked).toEqual(['read', 'check', 'check']);

    // The view opened before Sam was added; the file is chosen after: the check at the choice
    // sees the write and reads again, so the import merges Sam instead of making a twin.
    const before = askBasis(request);
    await before;
    await deliver(envelope('contact.track', { name: 'Sam', email: 'sam@globex.example' }), senders.page);
    const after = askBasis(request, before);
    const held = await after;
    expect(held?.contacts.flatMap((c) => c.emails)).toContain('sam@globex.example');
    const second = await runImport(
      csvSource('Email,First Name,Last Name,Company\nsam@globex.example,Sam,Lee,Globex\n', 'more.csv'),
      request,
      { basis: after },
    );
    expect(second).toMatchObject({ imported: 0, merged: 1 });
  });
});
