import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { followUpsOf } from '@/lib/background/db/follow-ups';
import type { RapportDB } from '@/lib/background/db/schema';
import { isKept } from '@/lib/background/kept';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { contact, followUp, touch } from '../../helpers/records';
import { storedTouches } from '../../helpers/touch-store';

const NOW = Date.UTC(2026, 10, 23, 10); // Monday 23 November 2026
let db: IDBPDatabase<RapportDB>;
type List = ResponseOf<'followup.list'>;

const list = async (team = false) => (await deliver(envelope('followup.list', { team }), senders.popup)).data as List;

beforeEach(async () => {
  db = await startBackground(() => NOW);
  await deliver(envelope('settings.update', { timeZone: 'Europe/Berlin' }), senders.page);
  await deliver(
    envelope('data.put', {
      contacts: [
        contact({ id: 'a', emails: ['a@x.example'], name: 'Ann' }),
        contact({ id: 'b', emails: ['b@x.example'], name: 'Ben' }),
        contact({ id: 'c', emails: ['c@x.example'], name: 'Cy' }),
        contact({ id: 'd', emails: ['d@x.example'], name: 'Dee', ownerId: 'seller-9' }),
      ],
      // Dates the seller set by hand, so no write re-plans them: the list is under test here,
      // not the planner (refresh.test.ts and replan.test.ts test that).
      followUps: [
        followUp({
          id: 'next-week',
          contactId: 'a',
          liveFor: 'a',
          due: '2026-11-27',
          kind: 'value-add',
          setByHand: true,
        }),
        followUp({ id: 'today', contactId: 'b', liveFor: 'b', due: '2026-11-23', kind: 'check-in', setByHand: true }),
        followUp({
          id: 'overdue',
          contactId: 'c',
          liveFor: 'c',
          due: '2026-11-10',
          kind: 'follow-up',
          setByHand: true,
        }),
        followUp({ id: 'theirs', contactId: 'd', liveFor: 'd', due: '2026-11-20', kind: 'offer', setByHand: true }),
      ],
    }),
    senders.page,
  );
});

describe('the popup list', () => {
  it('lists overdue, then today, then next days; everyone’s while no contact is known to be mine', async () => {
    const { rows, today, ownerKnown } = await list();
    expect(today).toBe('2026-11-23');
    expect(ownerKnown).toBe(false);
    expect(rows.map((r) => [r.followUp.id, r.group])).toEqual([
      ['overdue', 'overdue'],
      ['theirs', 'overdue'],
      ['today', 'today'],
      ['next-week', 'upcoming'],
    ]);
  });

  it('gives each row the last Gmail thread with the person, in the confirmed account', async () => {
    // Through the protocol, as capture stores them: the contact's summary learns the thread.
    await deliver(
      envelope('data.put', {
        touches: [
          touch({ id: 't1', contactId: 'c', at: NOW - 9e8, threadId: '1840980625981948628' }),
          touch({ id: 't2', contactId: 'c', at: NOW - 8e8, sourceId: 'gmail:2', threadId: undefined }),
        ],
      }),
      senders.page,
    );
    expect((await list()).rows.find((r) => r.followUp.id === 'overdue')?.gmail).toBeUndefined();
    await deliver(envelope('settings.update', { confirmedAccounts: ['me@ourco.example'] }), senders.page);
    const rows = (await list()).rows;
    expect(rows.find((r) => r.followUp.id === 'overdue')?.gmail).toEqual({
      threadId: '1840980625981948628',
      account: 'me@ourco.example',
    });
    expect(rows.find((r) => r.followUp.id === 'today')?.gmail).toBeUndefined();
  });

  it('once a contact is known to be mine, other sellers’ follow-ups need the team toggle', async () => {
    await db.put('contacts', contact({ id: 'a', emails: ['a@x.example'], name: 'Ann', ownerId: 'me' }));
    expect((await list()).rows.map((r) => r.followUp.id)).not.toContain('theirs');
    expect((await list(true)).rows.map((r) => r.followUp.id)).toContain('theirs');
  });

  it('done logs the touch with the check-in answer and plans the next touch', async () => {
    const answer = await deliver(envelope('followup.act', { type: 'done', id: 'today', happiness: 2 }), senders.popup);
    expect(answer).toMatchObject({ ok: true, data: { state: 'done' } });
    const touches = (await storedTouches(db)).filter((t) => t.contactId === 'b');
    expect(touches).toMatchObject([{ kind: 'check-in', happiness: 2, direction: 'outbound', source: 'manual' }]);
    const live = (await followUpsOf(db.transaction('followUps').store, 'b')).filter((f) => f.state === 'open');
    expect(live).toHaveLength(1);
    expect(live[0]?.id).not.toBe('today');
  });

  it('snooze moves a follow-up out of today; dismiss closes it', async () => {
    await deliver(envelope('followup.act', { type: 'snooze', id: 'today', until: '2026-12-01' }), senders.popup);
    expect((await list()).rows.map((r) => r.followUp.id)).not.toContain('today');
    expect(await db.get('followUps', 'today')).toMatchObject({ state: 'snoozed', due: '2026-12-01' });
    await deliver(envelope('followup.act', { type: 'dismiss', id: 'overdue' }), senders.popup);
    expect(await db.get('followUps', 'overdue')).toMatchObject({ state: 'dismissed' });
  });

  it('content scripts can neither read the list nor act; the sidebar page may act on one follow-up', async () => {
    expect(await deliver(envelope('followup.list', {}), senders.content)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await deliver(envelope('followup.act', { type: 'dismiss', id: 'today' }), senders.content)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await deliver(envelope('followup.act', { type: 'dismiss', id: 'today' }), senders.frame)).toMatchObject({
      ok: true,
    });
  });
});

describe('after an import', () => {
  it('spreads the follow-ups it makes due over the coming working days', async () => {
    const fresh = await startBackground(() => NOW);
    const customers = Array.from({ length: 35 }, (_, i) =>
      contact({
        id: `k${i}`,
        emails: [`k${i}@x.example`],
        name: `K${i}`,
        statusHistory: [{ status: 'customer', at: 0 }],
      }),
    );
    // Each last heard from half a year ago: all overdue at once, as after a CRM import.
    const old = NOW - 200 * 86_400_000;
    const touches = customers.flatMap((c) => [
      touch({
        id: `${c.id}-in`,
        contactId: c.id,
        accountId: undefined,
        sourceId: `${c.id}-in`,
        direction: 'inbound',
        at: old,
      }),
      touch({
        id: `${c.id}-out`,
        contactId: c.id,
        accountId: undefined,
        sourceId: `${c.id}-out`,
        direction: 'outbound',
        at: old + 3_600_000,
      }),
    ]);
    await deliver(envelope('data.put', { contacts: customers, touches }), senders.page);
    const open = await fresh.getAllFromIndex(
      'followUps',
      'by-state-due',
      IDBKeyRange.bound(['open', ''], ['open', '9999']),
    );
    expect(open).toHaveLength(35);
    const perDay = new Map<string, number>();
    for (const f of open) perDay.set(f.due, (perDay.get(f.due) ?? 0) + 1);
    // Ten stay due now (the most valuable and most at risk), the rest go ten a day to the next working days.
    expect(open.filter((f) => f.due <= '2026-11-23')).toHaveLength(10);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(10);
    expect([...perDay.keys()].filter((d) => d > '2026-11-23').sort()).toEqual([
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ]);
  });
});

describe('page reports and the kept list', () => {
  it('a Gmail page saying who is on it keeps the popup list; a LinkedIn profile, which writes the visit, drops it', async () => {
    await list();
    const kept = () => isKept(db, 'followups:false', { now: NOW, maxAgeMs: 30_000 });
    expect(kept()).toBe(true);
    const gmail = envelope('page.report', { site: 'gmail', people: [{ email: 'a@x.example', name: 'Ann' }] });
    expect((await deliver(gmail, senders.content)).ok).toBe(true);
    expect(kept()).toBe(true);
    const linkedin = envelope('page.report', { site: 'linkedin', people: [{ name: 'Ann', linkedinId: 'ann-x' }] });
    expect((await deliver(linkedin, senders.content)).ok).toBe(true);
    expect(kept()).toBe(false);
  });

  it('a tab that loads and reports its health, or a sidebar folded, keeps the popup list', async () => {
    await list();
    const kept = () => isKept(db, 'followups:false', { now: NOW, maxAgeMs: 30_000 });
    for (const request of [
      envelope('health.report', { site: 'gmail', failed: ['thread.subject'] }),
      envelope('sidebar.setPrefs', { site: 'linkedin', collapsed: true }),
    ]) {
      expect((await deliver(request, senders.content)).ok).toBe(true);
      expect(kept()).toBe(true);
    }
    expect(await db.get('meta', 'health')).toMatchObject({ site: 'gmail', failed: ['thread.subject'] });
  });
});

describe('follow-ups from a data set (a backup, an undo)', () => {
  it('are kept under their contact whatever index keys they came with, shown, and removed with the contact', async () => {
    await deliver(
      envelope('data.put', {
        contacts: [contact({ id: 'z', emails: ['z@x.example'], name: 'Zoe' })],
        followUps: [
          followUp({ id: 'z-old', contactId: 'z', liveFor: undefined, state: 'done', closedAt: NOW - 1 }),
          // Live, but without its key (a hand-made backup): the store's one live follow-up for Zoe.
          followUp({ id: 'z-next', contactId: 'z', liveFor: undefined, due: '2026-11-23', setByHand: true }),
        ],
      }),
      senders.page,
    );
    const keys = (await followUpsOf(db.transaction('followUps').store, 'z')).map((f) => [f.id, f.liveFor, f.closedFor]);
    expect(keys).toEqual([
      ['z-next', 'z', undefined],
      ['z-old', undefined, 'z'],
    ]);
    expect((await list()).rows.map((r) => r.followUp.id)).toContain('z-next');
    const card = await deliver(
      envelope('people.lookup', { emails: ['z@x.example'], linkedinIds: [], profiles: [] }),
      senders.page,
    );
    expect((card.data as ResponseOf<'people.lookup'>).cards[0]?.followUp?.id).toBe('z-next');

    await deliver(envelope('contact.delete', { contactId: 'z' }), senders.page);
    expect(await db.count('followUps', IDBKeyRange.bound('z-', 'z-\uffff'))).toBe(0);
  });
});
