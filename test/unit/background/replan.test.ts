import fc from 'fast-check';
import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { followUpsOf } from '@/lib/background/db/follow-ups';
import type { RapportDB } from '@/lib/background/db/schema';
import type { DataSet } from '@/lib/messaging/protocol';
import { type FollowUp, isLive } from '@/lib/shared/model';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { oneEmail, planEveryoneFromScratch, planSnapshot } from '../../helpers/plan-invariant';
import { account, contact, purchase, touch } from '../../helpers/records';

/**
 * The one rule for follow-ups (issue: "the advice is right from the first import"): after any
 * write, every contact's live follow-up is what the engine plans from the stored data, except
 * those the seller set by hand. Checked differentially: after each step of a random sequence
 * of a seller's writes, planning every contact from scratch must change nothing.
 */

const NOW = Date.UTC(2026, 10, 23, 10); // Monday 23 November 2026
const DAY = 86_400_000;
const ME = 'sales@ourco.example';
const PEOPLE = [
  contact({ id: 'ann', name: 'Ann', emails: ['ann@acme.example'], accountId: 'acme' }),
  contact({ id: 'bob', name: 'Bob', emails: ['bob@acme.example'], accountId: 'acme' }),
  contact({ id: 'cy', name: 'Cy', emails: ['cy@beta.example'], accountId: 'beta' }),
  contact({
    id: 'dee',
    name: 'Dee',
    emails: ['dee@solo.example'],
    accountId: undefined,
    status: 'prospect',
    activeProspect: true,
  }),
];
const ACCOUNTS = [
  account({ id: 'acme', name: 'Acme', domains: ['acme.example'] }),
  account({ id: 'beta', name: 'Beta', domains: ['beta.example'], valueTier: 'high' }),
];
const who = fc.constantFrom(...PEOPLE.map((p) => p.id));
const daysAgo = fc.integer({ min: 0, max: 400 });

type Step =
  | { op: 'import-contacts'; ids: string[] }
  | { op: 'import-activities'; rows: { id: string; kind: 'email' | 'meeting'; inbound: boolean; daysAgo: number }[] }
  | { op: 'import-purchase'; accountId: string; daysAgo: number }
  | { op: 'capture'; id: string; inbound: boolean; daysAgo: number }
  | { op: 'log'; id: string; kind: 'call' | 'check-in' | 'value-add'; happiness: number }
  | { op: 'undo' }
  | { op: 'backup' }
  | { op: 'restore' }
  | { op: 'snooze'; id: string }
  | { op: 'done'; id: string }
  | { op: 'status'; id: string; status: 'customer' | 'former' | 'prospect' }
  | { op: 'tier'; accountId: string; tier: 'high' | 'medium' | 'low' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('import-contacts' as const), ids: fc.uniqueArray(who, { minLength: 1 }) }),
  fc.record({
    op: fc.constant('import-activities' as const),
    rows: fc.array(
      fc.record({
        id: who,
        kind: fc.constantFrom('email' as const, 'meeting' as const),
        inbound: fc.boolean(),
        daysAgo,
      }),
      { minLength: 1, maxLength: 6 },
    ),
  }),
  fc.record({ op: fc.constant('import-purchase' as const), accountId: fc.constantFrom('acme', 'beta'), daysAgo }),
  fc.record({ op: fc.constant('capture' as const), id: who, inbound: fc.boolean(), daysAgo }),
  fc.record({
    op: fc.constant('log' as const),
    id: who,
    kind: fc.constantFrom('call' as const, 'check-in' as const, 'value-add' as const),
    happiness: fc.integer({ min: 1, max: 5 }),
  }),
  fc.constant({ op: 'undo' as const }),
  fc.constant({ op: 'backup' as const }),
  fc.constant({ op: 'restore' as const }),
  fc.record({ op: fc.constant('snooze' as const), id: who }),
  fc.record({ op: fc.constant('done' as const), id: who }),
  fc.record({ op: fc.constant('status' as const), id: who, status: fc.constantFrom('customer', 'former', 'prospect') }),
  fc.record({
    op: fc.constant('tier' as const),
    accountId: fc.constantFrom('acme', 'beta'),
    tier: fc.constantFrom('high', 'medium', 'low'),
  }),
);

async function call(type: string, payload: unknown, sender: keyof typeof senders = 'page') {
  const answer = await deliver(envelope(type, payload), senders[sender]);
  if (!answer.ok) throw new Error(`${type}: ${answer.error?.message}`);
  return answer.data;
}

/** A seller's world: what the test still needs to know to form the next step. */
interface World {
  db: IDBPDatabase<RapportDB>;
  imports: Partial<Record<'contacts' | 'touches' | 'purchases' | 'accounts', string[]>>[];
  backups: DataSet[];
  serial: number;
}

async function known(db: IDBPDatabase<RapportDB>, id: string) {
  return (await db.get('contacts', id)) !== undefined;
}

async function liveOf(db: IDBPDatabase<RapportDB>, id: string): Promise<FollowUp | undefined> {
  return (await followUpsOf(db.transaction('followUps').store, id)).find(isLive);
}

/** Carries out one step through the protocol, the way the dashboard, popup and content scripts do. */
async function run(world: World, s: Step): Promise<void> {
  const { db } = world;
  const n = () => ++world.serial;
  switch (s.op) {
    case 'import-contacts': {
      const fresh = [];
      for (const id of s.ids) if (!(await known(db, id))) fresh.push(id);
      const contacts = PEOPLE.filter((p) => s.ids.includes(p.id));
      const accounts = ACCOUNTS.filter((a) => contacts.some((c) => c.accountId === a.id));
      await call('import.write', { accounts, contacts });
      await call('import.settle', { contactIds: s.ids, blank: fresh });
      world.imports.push({ contacts: fresh });
      return;
    }
    case 'import-activities': {
      const touches = [];
      for (const row of s.rows) {
        if (!(await known(db, row.id))) continue;
        const id = `imported-${n()}`;
        touches.push(
          touch({
            id,
            contactId: row.id,
            accountId: PEOPLE.find((p) => p.id === row.id)?.accountId,
            kind: row.kind,
            direction: row.inbound ? 'inbound' : 'outbound',
            at: NOW - row.daysAgo * DAY,
            source: 'imported',
            sourceId: `import:${id}`,
          }),
        );
      }
      if (touches.length === 0) return;
      // In parts, as the dashboard stores them, and settled without naming anyone: the
      // background must know from the parts whose plan they changed.
      for (const part of [touches.slice(0, 2), touches.slice(2)])
        if (part.length) await call('import.write', { touches: part });
      await call('import.settle', { contactIds: [] });
      world.imports.push({ touches: touches.map((t) => t.id) });
      return;
    }
    case 'import-purchase': {
      if (!(await db.get('accounts', s.accountId))) return;
      const id = `purchase-${n()}`;
      await call('import.write', { purchases: [purchase({ id, accountId: s.accountId, at: NOW - s.daysAgo * DAY })] });
      await call('import.settle', { contactIds: [] });
      world.imports.push({ purchases: [id] });
      return;
    }
    case 'capture': {
      const person = PEOPLE.find((p) => p.id === s.id);
      const email = person?.emails[0];
      if (!email) return;
      const id = String(1_000_000 + n());
      await call(
        'gmail.capture',
        oneEmail(ME, email, { id, at: NOW - s.daysAgo * DAY, inbound: s.inbound }),
        'content',
      );
      return;
    }
    case 'log': {
      if (!(await known(db, s.id))) return;
      await call('touch.add', {
        contactId: s.id,
        kind: s.kind,
        direction: 'outbound',
        at: NOW - DAY,
        ...(s.kind === 'check-in' ? { happiness: s.happiness } : {}),
      });
      return;
    }
    case 'undo': {
      const last = world.imports.pop();
      if (last) await call('data.delete', last);
      return;
    }
    case 'backup':
      world.backups.push((await call('data.export', {})) as DataSet);
      return;
    case 'restore': {
      const backup = world.backups.at(-1);
      if (backup) await call('data.put', backup);
      return;
    }
    case 'snooze': {
      const live = await liveOf(db, s.id);
      if (live) await call('followup.act', { type: 'snooze', id: live.id, until: '2026-12-07' }, 'popup');
      return;
    }
    case 'done': {
      const live = await liveOf(db, s.id);
      if (live?.state === 'open') await call('followup.act', { type: 'done', id: live.id }, 'popup');
      return;
    }
    case 'status':
      if (await known(db, s.id)) {
        await call('contact.setStatus', { contactId: s.id, status: s.status, activeProspect: s.status === 'prospect' });
      }
      return;
    case 'tier':
      if (await db.get('accounts', s.accountId)) await call('account.setTier', s);
      return;
  }
}

async function freshWorld(): Promise<World> {
  const db = await startBackground(() => NOW);
  // One a day, so the spreading of many overdue follow-ups is part of every sequence.
  await call('settings.update', { me: { emails: [ME] }, confirmedAccounts: [ME], followUpsPerDay: 1, timeZone: 'UTC' });
  return { db, imports: [], backups: [], serial: 0 };
}

describe('one rule for the live follow-up', () => {
  it('after every write of a random sequence, each live follow-up is the engine’s plan (hand-set ones stay)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 15 }), async (steps) => {
        const world = await freshWorld();
        for (const s of steps) {
          const handSet = (await db(world).getAll('followUps')).filter((f) => isLive(f) && f.setByHand);
          await run(world, s);
          const after = await planSnapshot(world.db);
          await planEveryoneFromScratch(world.db, NOW);
          expect(await planSnapshot(world.db), `after ${JSON.stringify(s)}`).toEqual(after);
          // What the seller set by hand is still as they set it, unless they closed it or
          // restored a backup from before (a restore brings back the records as they were).
          if (s.op === 'restore') continue;
          for (const f of handSet) {
            const now = await world.db.get('followUps', f.id);
            if (now && isLive(now)) expect(now.due).toBe(f.due);
          }
        }
      }),
      // A fixed seed keeps CI repeatable; `FC_SEED=<n> FC_RUNS=<n>` explores further (each bug
      // this found so far is fixed in the background, not here).
      { numRuns: Number(process.env.FC_RUNS ?? 500), seed: Number(process.env.FC_SEED ?? 20261204) },
    );
  }, 120_000);

  it('contacts first, then their history: the silent customer is overdue, the loyal one is not', async () => {
    const world = await freshWorld();
    await call('settings.update', { followUpsPerDay: 10 });
    await run(world, { op: 'import-contacts', ids: ['ann', 'cy'] });
    expect((await liveOf(world.db, 'ann'))?.reason.code).toBe('never_two_way');
    // Ann: e-mails both ways 200 days ago, a meeting 150 days ago; Cy wrote last week and was answered.
    await run(world, {
      op: 'import-activities',
      rows: [
        { id: 'ann', kind: 'email', inbound: false, daysAgo: 200 },
        { id: 'ann', kind: 'email', inbound: true, daysAgo: 199 },
        { id: 'ann', kind: 'meeting', inbound: false, daysAgo: 150 },
        { id: 'cy', kind: 'email', inbound: true, daysAgo: 8 },
        { id: 'cy', kind: 'email', inbound: false, daysAgo: 7 },
      ],
    });
    const ann = await liveOf(world.db, 'ann');
    const cy = await liveOf(world.db, 'cy');
    expect(ann?.reason.code).not.toBe('never_two_way');
    expect((ann?.due ?? '') < '2026-11-23').toBe(true);
    expect((cy?.due ?? '') > '2026-11-23').toBe(true);
    const list = (await call('followup.list', {}, 'popup')) as { counts: { overdue: number } };
    expect(list.counts.overdue).toBeGreaterThanOrEqual(1);
  });

  it('many newly overdue at once are spread, and still count as overdue with their date', async () => {
    const world = await freshWorld();
    await run(world, { op: 'import-contacts', ids: ['ann', 'bob', 'cy'] });
    await run(world, {
      op: 'import-activities',
      rows: ['ann', 'bob', 'cy'].flatMap((id) => [
        // They answered, so no reply is owed (a reply owed is never moved).
        { id, kind: 'email' as const, inbound: true, daysAgo: 300 },
        { id, kind: 'email' as const, inbound: false, daysAgo: 299 },
      ]),
    });
    const live = await Promise.all(['ann', 'bob', 'cy'].map((id) => liveOf(world.db, id)));
    // One a day (the setting): one keeps its date, two move to the next working days.
    expect(live.filter((f) => f?.plannedDue).length).toBe(2);
    for (const f of live) expect((f?.plannedDue ?? f?.due ?? '') < '2026-11-23').toBe(true);
    const list = (await call('followup.list', {}, 'popup')) as { counts: { overdue: number } };
    expect(list.counts.overdue).toBe(3);
  });
});

const db = (world: World) => world.db;
