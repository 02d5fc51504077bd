import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { finishFromKeptFile, runImport, sourceOf } from '@/components/importing/flow';
import { countAll } from '@/lib/background/data';
import { MESSAGES } from '@/lib/background/db/open';
import type { RapportDB } from '@/lib/background/db/schema';
import { commitImport, finishImport, holdImport, listJournals } from '@/lib/background/import-journal';
import { announceInterruptedImports } from '@/lib/background/import-notice';
import type { Requester } from '@/lib/messaging/client';
import { isLive } from '@/lib/shared/model';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { account, contact } from '../../helpers/records';
import { countTouches } from '../../helpers/touch-store';

/**
 * An import cut off anywhere (its tab closed while the file is read, the worker stopped before
 * or while applying, or while planning) is found, said plainly, and can be finished or rolled
 * back; an edit the seller makes while an import runs is never reverted by it.
 */

let db: IDBPDatabase<RapportDB>;
beforeEach(async () => {
  db = await startBackground(Date.now);
});

async function call(type: string, payload: unknown = {}) {
  const answer = await deliver(envelope(type, payload), senders.page);
  if (!answer.ok) throw new Error(`${type}: ${answer.error?.message}`);
  return answer.data;
}

const journals = async () => (await call('import.journals')) as { journals: Record<string, unknown>[] };

const activities = (rows: number) => {
  const lines = Array.from(
    { length: rows },
    (_, i) => `2026-0${1 + (i % 9)}-1${i % 10},Email,${i % 2 ? 'Inbound' : 'Outbound'},p${i % 40}@acme.example,Hi ${i}`,
  );
  return sourceOf(
    'activities.csv',
    `Activity date,Activity type,Direction,Contact email,Subject\n${lines.join('\n')}\n`,
  );
};

/** The dashboard tab, until `stopAt` says the tab is gone: from that request on, nothing answers. */
function tabUntil(stopAt: (type: string, count: number, payload: never) => boolean | Promise<boolean>) {
  const counts = new Map<string, number>();
  return (async (type: string, payload: unknown) => {
    const count = (counts.get(type) ?? 0) + 1;
    counts.set(type, count);
    if (await stopAt(type, count, payload as never)) return new Promise(() => {});
    return deliver(envelope(type, payload), senders.page);
  }) as unknown as Requester;
}

/** The commit reaches the worker, which stops before applying anything. */
const commitThenStop = async (
  type: string,
  _n: number,
  payload: { importId: string; contactIds: string[]; blank: string[]; counts: never },
) => {
  if (type !== 'import.commit') return false;
  await commitImport(db, payload.importId, { contactIds: payload.contactIds, blank: payload.blank }, payload.counts);
  return true;
};

/** Each contact's live follow-up, by address: what the seller is told to do and when. */
async function plans(store: IDBPDatabase<RapportDB>): Promise<string[]> {
  const contacts = new Map((await store.getAll('contacts')).map((c) => [c.id, c.emails[0]]));
  return (await store.getAll('followUps'))
    .filter(isLive)
    .map((f) => `${contacts.get(f.contactId)} ${f.kind} ${f.due}`)
    .sort();
}

/** The same file imported with nothing cut off, in a store of its own. */
async function plansUncut(rows: number): Promise<string[]> {
  const own = await startBackground(Date.now);
  await runImport(
    activities(rows),
    tabUntil(() => false),
  );
  const result = await plans(own);
  db = await startBackground(Date.now);
  return result;
}

const empty = { sellers: 0, accounts: 0, contacts: 0, touches: 0, purchases: 0, followUps: 0 };

describe('an import cut off', () => {
  it('while its file is read: said to be interrupted, cannot be finished, rolls back to nothing', async () => {
    void runImport(
      activities(12_000),
      tabUntil((type, n) => type === 'import.stage' && n === 2),
    );
    await expect.poll(async () => (await journals()).journals[0]?.staged).toBe(1);
    expect((await journals()).journals).toMatchObject([
      { name: 'activities.csv', stage: 'reading', interrupted: true },
    ]);
    const id = (await journals()).journals[0]?.importId;
    await expect(call('import.finish', { importId: id })).rejects.toThrow(/not every row of this file reached Rapport/);
    await call('import.rollback', { importId: id });
    expect(await countAll(db)).toEqual(empty);
    expect((await journals()).journals).toEqual([]);
  }, 30_000);

  it('while its file is read: finish reads the kept file again, and every row and every plan is in', async () => {
    const uncut = await plansUncut(12_000);
    void runImport(
      activities(12_000),
      tabUntil((type, n) => type === 'import.stage' && n === 2),
    );
    await expect.poll(async () => (await journals()).journals[0]?.staged).toBe(1);
    const [cut] = (await journals()).journals;
    expect(cut).toMatchObject({ stage: 'reading', interrupted: true, fileKept: true });
    const shares: number[] = [];
    const report = await finishFromKeptFile(
      String(cut?.importId),
      tabUntil(() => false),
      (share) => shares.push(share),
    );
    expect(report).toMatchObject({ imported: 12_000 });
    expect(shares.at(-1)).toBe(1);
    expect(await countTouches(db)).toBe(12_000);
    expect(await plans(db)).toEqual(uncut);
    // The cut-off import is gone, the new one is done, and no copy of the file is left.
    expect((await journals()).journals).toMatchObject([{ stage: 'done', interrupted: false }]);
    expect(await db.getAllKeys('meta', IDBKeyRange.bound('import-file:', 'import-file:\uffff'))).toEqual([]);
  }, 60_000);

  it('after every row was handed over, before the worker applied them: finish brings every row and every plan', async () => {
    const uncut = await plansUncut(6_000);
    void runImport(activities(6_000), tabUntil(commitThenStop));
    await expect.poll(async () => (await journals()).journals[0]?.stage, { timeout: 20_000 }).toBe('stored');
    expect(await countTouches(db)).toBe(0);
    const [journal] = (await journals()).journals;
    expect(journal).toMatchObject({ interrupted: true, applied: 0 });
    await call('import.finish', { importId: journal?.importId });
    expect(await countTouches(db)).toBe(6_000);
    expect(await db.count('contacts')).toBe(40);
    expect(uncut.length).toBeGreaterThan(0);
    expect(await plans(db)).toEqual(uncut);
    expect((await journals()).journals).toMatchObject([{ stage: 'done', interrupted: false }]);
  }, 30_000);

  it('a worker that did not stage the parts (it started after the tab handed them over) reads them from the store', async () => {
    void runImport(activities(6_000), tabUntil(commitThenStop));
    await expect.poll(async () => (await journals()).journals[0]?.stage, { timeout: 20_000 }).toBe('stored');
    const [journal] = await listJournals(db);
    // A fresh copy of the module is what a new worker has: no part in hand.
    vi.resetModules();
    const restarted = await import('@/lib/background/import-journal');
    await restarted.finishImport(db, journal?.importId as string, async () => undefined, Date.now);
    expect(await countTouches(db)).toBe(6_000);
  }, 30_000);

  it('the touches handed over as the file was read are cut again at commit, each contact’s in one part', async () => {
    // The rows name the 40 contacts in turn, so each part as read holds every contact's touches.
    void runImport(activities(12_000), tabUntil(commitThenStop));
    await expect.poll(async () => (await journals()).journals[0]?.stage, { timeout: 20_000 }).toBe('stored');
    const [journal] = await listJournals(db);
    const parts = (await db.getAll(
      'meta',
      IDBKeyRange.bound(`import-part:${journal?.importId}:s:`, `import-part:${journal?.importId}:s;`),
    )) as unknown as { records: { touches?: { contactId: string }[] } }[];
    const partsOf = new Map<string, Set<number>>();
    parts.forEach((part, n) => {
      for (const t of part.records.touches ?? [])
        partsOf.set(t.contactId, (partsOf.get(t.contactId) ?? new Set()).add(n));
    });
    expect(partsOf.size).toBe(40);
    expect([...partsOf.values()].every((inParts) => inParts.size === 1)).toBe(true);
    expect(parts.reduce((n, part) => n + (part.records.touches?.length ?? 0), 0)).toBe(12_000);
    await call('import.finish', { importId: journal?.importId });
    expect(await countTouches(db)).toBe(12_000);
  }, 30_000);

  it('while planning: the contacts to plan were kept first, and finish plans every one', async () => {
    const uncut = await plansUncut(3_000);
    void runImport(activities(3_000), tabUntil(commitThenStop));
    await expect.poll(async () => (await journals()).journals[0]?.stage, { timeout: 20_000 }).toBe('stored');
    const [journal] = await listJournals(db);
    if (!journal) throw new Error('no journal');
    // The worker applies every part, then stops as it starts planning.
    await expect(
      finishImport(db, journal.importId, async () => Promise.reject(new Error('the worker stopped')), Date.now),
    ).rejects.toThrow('the worker stopped');
    expect(await countTouches(db)).toBe(3_000);
    expect((await journals()).journals).toMatchObject([{ stage: 'settling', interrupted: true }]);
    await call('import.finish', { importId: journal.importId });
    expect(await plans(db)).toEqual(uncut);
  }, 30_000);
});

describe('one piece of work on an import at a time', () => {
  it('a second Finish while one runs is refused; the import is finished once', async () => {
    void runImport(activities(3_000), tabUntil(commitThenStop));
    await expect.poll(async () => (await journals()).journals[0]?.stage, { timeout: 20_000 }).toBe('stored');
    const importId = (await journals()).journals[0]?.importId;
    const answers = await Promise.all([
      deliver(envelope('import.finish', { importId }), senders.page),
      deliver(envelope('import.finish', { importId }), senders.page),
    ]);
    expect(answers.map((a) => a.ok).sort()).toEqual([false, true]);
    expect(answers.find((a) => !a.ok)?.error?.message).toMatch(/working on this import already/);
    expect(await countTouches(db)).toBe(3_000);
    expect((await journals()).journals).toMatchObject([{ stage: 'done' }]);
  }, 30_000);
});

describe('an edit made while an import runs', () => {
  const CONTACTS =
    'Email,First Name,Last Name,Company,Job Title,Phone\njane@acme.example,Jane,Doe,Acme,Buyer,+1 415 555 0101\n';

  it('keeps the seller’s value; the import’s other changes land, and its undo takes back only those', async () => {
    await db.put('accounts', account({ id: 'acme', name: 'Acme', domains: ['acme.example'] }));
    await db.put(
      'contacts',
      contact({ id: 'jane', name: 'Jane Doe', emails: ['jane@acme.example'], accountId: 'acme', title: 'Intern' }),
    );
    // The seller edits Jane in another tab after the import read the store, before it lands.
    const tab = (async (type: string, payload: unknown) => {
      if (type === 'import.commit') {
        await call('contact.update', { contactId: 'jane', title: 'Head of Purchasing' });
        await call('contact.setStatus', { contactId: 'jane', status: 'customer' });
      }
      return deliver(envelope(type, payload), senders.page);
    }) as unknown as Requester;
    const report = await runImport(sourceOf('contacts.csv', CONTACTS), tab);
    expect(report).toMatchObject({ merged: 1 });
    const jane = await db.get('contacts', 'jane');
    expect(jane).toMatchObject({ title: 'Head of Purchasing', status: 'customer', phones: ['+14155550101'] });

    if (report === 'cancelled' || !report.undo) throw new Error('no undo');
    await call('import.rollback', { importId: report.undo });
    const undone = await db.get('contacts', 'jane');
    expect(undone).toMatchObject({ title: 'Head of Purchasing', status: 'customer' });
    expect(undone?.phones ?? []).toEqual([]);
  });
});

describe('a new worker announces an import cut off, once', () => {
  it('one notification per interrupted import, none for one a tab still holds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      await call('import.begin', { importId: 'cut', name: 'leads.csv' });
      await call('import.begin', { importId: 'held', name: 'other.csv' });
      const release = holdImport('held');
      const created = vi.spyOn(fakeBrowser.notifications, 'create');
      for (let start = 0; start < 2; start++) {
        announceInterruptedImports(async () => db);
        await vi.advanceTimersByTimeAsync(5_000);
      }
      await vi.waitFor(async () =>
        expect((await listJournals(db)).find((j) => j.importId === 'cut')?.announced).toBe(true),
      );
      expect(created.mock.calls.map((c) => c[0])).toEqual(['rapport-import-interrupted:cut']);
      expect(JSON.stringify(created.mock.calls[0]?.[1])).toContain('leads.csv');
      release();
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });
});

describe('a full store during an import', () => {
  // Chromium ignores Storage.overrideQuotaForOrigin for the extension's origin (it holds
  // unlimitedStorage: a 100,000-row import went through under a 200 kB override), so the full
  // store is a write layer that refuses with QuotaExceededError, as a browser's full disk does.
  it('the seller gets the quota message, and the store is as it was (backup for backup)', async () => {
    const tab = (async (type: string, payload: unknown) => deliver(envelope(type, payload), senders.page)) as Requester;
    const seeded = await runImport(activities(300), tab);
    expect(seeded).toMatchObject({ imported: 300 });
    const before = await call('data.export');
    const put = FakeObjectStore.prototype.put;
    let parts = 0;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const key = args[1];
      if (this.name === 'meta' && typeof key === 'string' && key.startsWith('import-part:') && ++parts > 1) {
        throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
      }
      return put.apply(this, args as never);
    });
    try {
      await expect(runImport(activities(12_000), tab)).rejects.toThrow(MESSAGES.quota);
    } finally {
      vi.restoreAllMocks();
    }
    expect(await call('data.export')).toEqual(before);
    expect((await listJournals(db)).filter((j) => j.stage !== 'done')).toEqual([]);
  }, 30_000);
});
