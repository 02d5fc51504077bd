import fc from 'fast-check';
import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import type { RapportDB } from '@/lib/background/db/schema';
import { diffRecord } from '@/lib/shared/import/changes';
import type { Contact, Touch } from '@/lib/shared/model';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { oneEmail, planEveryoneFromScratch, planSnapshot } from '../../helpers/plan-invariant';
import { account, contact, touch } from '../../helpers/records';

/**
 * Imports interleaved with what the seller does meanwhile in other tabs (edits, trust and status
 * by hand, captured mail) and with undo: after every step, no seller edit made after an import
 * began is lost, an undo takes back only what its import changed, and every live follow-up is
 * the engine's plan.
 */

const NOW = Date.UTC(2026, 10, 23, 10);
const DAY = 86_400_000;
const ME = 'sales@ourco.example';
const IDS = ['ann', 'bob', 'cy'] as const;
const who = fc.constantFrom(...IDS);

type Step =
  | { op: 'begin'; ids: string[]; touches: { id: string; inbound: boolean; daysAgo: number }[] }
  | { op: 'stage' }
  | { op: 'commit' }
  | { op: 'rollback-pending' }
  | { op: 'undo' }
  | { op: 'title'; id: string }
  | { op: 'status'; id: string; status: 'customer' | 'former' | 'prospect' }
  | { op: 'trust'; id: string; level: 'none' | 'some' | 'full' }
  | { op: 'capture'; id: string; inbound: boolean; daysAgo: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('begin' as const),
    ids: fc.uniqueArray(who, { minLength: 1 }),
    touches: fc.array(fc.record({ id: who, inbound: fc.boolean(), daysAgo: fc.integer({ min: 0, max: 300 }) }), {
      maxLength: 4,
    }),
  }),
  fc.constant({ op: 'stage' as const }),
  fc.constant({ op: 'commit' as const }),
  fc.constant({ op: 'rollback-pending' as const }),
  fc.constant({ op: 'undo' as const }),
  fc.record({ op: fc.constant('title' as const), id: who }),
  fc.record({ op: fc.constant('status' as const), id: who, status: fc.constantFrom('customer', 'former', 'prospect') }),
  fc.record({ op: fc.constant('trust' as const), id: who, level: fc.constantFrom('none', 'some', 'full') }),
  fc.record({
    op: fc.constant('capture' as const),
    id: who,
    inbound: fc.boolean(),
    daysAgo: fc.integer({ min: 0, max: 300 }),
  }),
);

async function call(type: string, payload: unknown, sender: keyof typeof senders = 'page') {
  const answer = await deliver(envelope(type, payload), senders[sender]);
  if (!answer.ok) throw new Error(`${type}: ${answer.error?.message}`);
  return answer.data;
}

/** An import the test drives: its parts not yet handed over, and what it means to change. */
interface Import {
  importId: string;
  parts: {
    records: { touches: Touch[] };
    merges: { accounts: never[]; contacts: ReturnType<typeof diffRecord<Contact>>[] };
  }[];
  /** Title at the moment the import read the store, and the title it sets. */
  base: Map<string, string | undefined>;
  title: Map<string, string>;
  /** Contacts whose title the seller changed after the import began. */
  editedSince: Set<string>;
  /** Contacts whose title the import did change when it was applied. */
  applied: Set<string>;
}

/** What the store must say: the seller's own last word, and titles as the merge rules give them. */
interface Model {
  title: Map<string, string | undefined>;
  status: Map<string, string>;
  trust: Map<string, string>;
}

interface World {
  db: IDBPDatabase<RapportDB>;
  pending?: Import;
  done: Import[];
  model: Model;
  serial: number;
}

async function begin(world: World, s: Extract<Step, { op: 'begin' }>): Promise<Import> {
  const n = ++world.serial;
  const importId = `import-${n}`;
  await call('import.begin', { importId, name: `file-${n}.csv` });
  const base = new Map<string, string | undefined>();
  const title = new Map<string, string>();
  const merges = [];
  for (const id of s.ids) {
    const current = (await world.db.get('contacts', id)) as Contact;
    const after: Contact = { ...current, title: `Imported ${n}`, phones: [`+1415555${String(n).padStart(4, '0')}`] };
    const change = diffRecord(current, after);
    if (!change) continue;
    merges.push(change);
    base.set(id, current.title);
    title.set(id, `Imported ${n}`);
  }
  const touches = s.touches.map((t, i) =>
    touch({
      id: `${importId}-t${i}`,
      contactId: t.id,
      accountId: t.id === 'cy' ? 'beta' : 'acme',
      direction: t.inbound ? 'inbound' : 'outbound',
      at: NOW - t.daysAgo * DAY,
      source: 'imported',
      sourceId: `import:${importId}:${i}`,
      importId,
    }),
  );
  return {
    importId,
    parts: [
      { records: { touches }, merges: { accounts: [], contacts: [] } },
      { records: { touches: [] }, merges: { accounts: [], contacts: merges } },
    ],
    base,
    title,
    editedSince: new Set(),
    applied: new Set(),
  };
}

const empty = { sellers: [], accounts: [], contacts: [], purchases: [] };

async function stageNext(imp: Import): Promise<void> {
  const part = imp.parts.shift();
  if (part)
    await call('import.stage', { importId: imp.importId, records: { ...empty, ...part.records }, merges: part.merges });
}

/** A committed import's undo, as the model expects it: a title goes back only while it is the import's. */
function undoInModel(model: Model, imp: Import) {
  for (const id of imp.applied) {
    if (model.title.get(id) === imp.title.get(id)) model.title.set(id, imp.base.get(id));
  }
}

async function run(world: World, s: Step): Promise<void> {
  const { model } = world;
  switch (s.op) {
    case 'begin':
      if (!world.pending) world.pending = await begin(world, s);
      return;
    case 'stage':
      if (world.pending) await stageNext(world.pending);
      return;
    case 'commit': {
      const imp = world.pending;
      if (!imp) return;
      while (imp.parts.length) await stageNext(imp);
      const contactIds = [...new Set([...imp.title.keys()])];
      await call('import.commit', {
        importId: imp.importId,
        contactIds,
        counts: { imported: 0, merged: 0, skipped: 0 },
      });
      for (const [id, value] of imp.title) {
        if (imp.editedSince.has(id)) continue;
        model.title.set(id, value);
        imp.applied.add(id);
      }
      world.done.push(imp);
      world.pending = undefined;
      return;
    }
    case 'rollback-pending':
      if (!world.pending) return;
      await call('import.rollback', { importId: world.pending.importId });
      world.pending = undefined;
      return;
    case 'undo': {
      const last = world.done.pop();
      if (!last) return;
      await call('import.rollback', { importId: last.importId });
      undoInModel(model, last);
      return;
    }
    case 'title': {
      const value = `Seller ${++world.serial}`;
      await call('contact.update', { contactId: s.id, title: value });
      model.title.set(s.id, value);
      world.pending?.editedSince.add(s.id);
      return;
    }
    case 'status':
      await call('contact.setStatus', { contactId: s.id, status: s.status, activeProspect: s.status === 'prospect' });
      model.status.set(s.id, s.status);
      return;
    case 'trust':
      await call('contact.setTrust', { contactId: s.id, level: s.level });
      model.trust.set(s.id, s.level);
      return;
    case 'capture': {
      const email = `${s.id}@${s.id === 'cy' ? 'beta' : 'acme'}.example`;
      const id = String(2_000_000 + ++world.serial);
      await call(
        'gmail.capture',
        oneEmail(ME, email, { id, at: NOW - s.daysAgo * DAY, inbound: s.inbound }),
        'content',
      );
      return;
    }
  }
}

async function freshWorld(): Promise<World> {
  const db = await startBackground(() => NOW);
  await call('settings.update', { me: { emails: [ME] }, confirmedAccounts: [ME], timeZone: 'UTC' });
  await call('data.put', {
    accounts: [account({ id: 'acme', domains: ['acme.example'] }), account({ id: 'beta', domains: ['beta.example'] })],
    contacts: IDS.map((id) =>
      contact({
        id,
        name: id,
        emails: [`${id}@${id === 'cy' ? 'beta' : 'acme'}.example`],
        accountId: id === 'cy' ? 'beta' : 'acme',
        status: 'customer',
        title: `First ${id}`,
      }),
    ),
  });
  const model: Model = {
    title: new Map(IDS.map((id) => [id, `First ${id}`])),
    status: new Map(IDS.map((id) => [id, 'customer'])),
    trust: new Map(),
  };
  return { db, done: [], model, serial: 0 };
}

describe('imports interleaved with the seller’s work in other tabs', () => {
  it('no seller edit made after an import began is lost; undo takes back only the import’s; the plan holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const world = await freshWorld();
        for (const s of steps) {
          await run(world, s);
          for (const id of IDS) {
            const stored = (await world.db.get('contacts', id)) as Contact;
            const where = `${id} after ${JSON.stringify(s)}`;
            expect(stored.title, where).toBe(world.model.title.get(id));
            expect(stored.status, where).toBe(world.model.status.get(id));
            expect(stored.trustOverride?.level, where).toBe(world.model.trust.get(id));
          }
          const before = await planSnapshot(world.db);
          await planEveryoneFromScratch(world.db, NOW);
          expect(await planSnapshot(world.db), `plan after ${JSON.stringify(s)}`).toEqual(before);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150), seed: Number(process.env.FC_SEED ?? 20261206) },
    );
  }, 120_000);
});
