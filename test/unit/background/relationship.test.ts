import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RapportDB } from '@/lib/background/db/schema';
import type { Card } from '@/lib/messaging/protocol';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { account, contact, touch } from '../../helpers/records';
import { putTouch } from '../../helpers/touch-store';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 10);
const ME = 'me@ourco.example';
let db: IDBPDatabase<RapportDB>;

/** Two years of weekly e-mail both ways with Jane, ending `endDaysAgo` days ago. */
function weeklyHistory(endDaysAgo: number) {
  return Array.from({ length: 104 }, (_, week) => {
    const at = NOW - (endDaysAgo + (103 - week) * 7) * DAY;
    return [
      touch({ id: `in-${week}`, sourceId: `s-in-${week}`, direction: 'inbound', at }),
      // The seller answers within the hour: no reply is owed.
      touch({ id: `out-${week}`, sourceId: `s-out-${week}`, direction: 'outbound', at: at + 3_600_000 }),
    ];
  }).flat();
}

const cardOf = async (email: string): Promise<Card | undefined> => {
  const answer = await deliver(envelope('people.lookup', { emails: [email] }), senders.frame);
  return (answer.data as { cards: Card[] }).cards[0];
};

beforeEach(async () => {
  db = await startBackground(() => NOW);
  await deliver(
    envelope('settings.update', { me: { emails: [ME] }, confirmedAccounts: [ME], timeZone: 'Europe/Berlin' }),
    senders.page,
  );
});

describe('summaries and follow-ups stay current on every write', () => {
  it('a steady customer: full trust, a follow-up not due within the week, and a summary stored', async () => {
    await deliver(
      envelope('data.put', { accounts: [account()], contacts: [contact()], touches: weeklyHistory(2) }),
      senders.page,
    );
    const card = await cardOf('jane@acme.example');
    expect(card?.trust.level).not.toBe('none');
    expect(card?.followUp).toMatchObject({ state: 'open', contactId: 'contact-1' });
    expect((card?.followUp?.due ?? '') > '2026-11-30').toBe(true);
    expect(card?.recent).toHaveLength(5);
    expect(await db.get('summaries', 'contact-1')).toMatchObject({
      contactId: 'contact-1',
      twoWayCount: expect.any(Number),
    });
  });

  it('an unanswered e-mail from the customer turns the next touch into a reply, due now', async () => {
    await deliver(
      envelope('data.put', { accounts: [account()], contacts: [contact()], touches: weeklyHistory(20) }),
      senders.page,
    );
    expect((await cardOf('jane@acme.example'))?.followUp?.kind).not.toBe('reply');
    await deliver(
      envelope('gmail.capture', {
        account: ME,
        messages: [{ id: '77', from: 'jane@acme.example', to: [ME], at: NOW - 4 * DAY, subject: 'Question' }],
      }),
      senders.content,
    );
    const card = await cardOf('jane@acme.example');
    expect(card?.followUp).toMatchObject({ kind: 'reply', reason: { code: 'reply_owed' } });
    expect((card?.followUp?.due ?? '9') <= '2026-11-23').toBe(true);
  });

  it('marking a customer former closes their follow-up; a plain contact never gets one', async () => {
    await deliver(
      envelope('data.put', { accounts: [account()], contacts: [contact()], touches: weeklyHistory(2) }),
      senders.page,
    );
    expect((await cardOf('jane@acme.example'))?.followUp).not.toBeNull();
    const former = await deliver(
      envelope('contact.setStatus', { contactId: 'contact-1', status: 'former' }),
      senders.frame,
    );
    expect((former.data as { statusHistory: { status: string }[] }).statusHistory.map((h) => h.status)).toEqual([
      'customer',
      'former',
    ]);
    expect((await cardOf('jane@acme.example'))?.followUp).toBeNull();
    expect((await db.getAll('followUps')).map((f) => f.state)).toEqual(['dismissed']);

    await deliver(envelope('contact.track', { name: 'Lee', email: 'lee@beta.example' }), senders.frame);
    expect((await cardOf('lee@beta.example'))?.followUp).toBeNull();
  });

  it('a card answers for a contact whose summary was never built (an older store)', async () => {
    await db.put('contacts', contact());
    await putTouch(db, touch());
    const card = await cardOf('jane@acme.example');
    expect(card?.recent).toHaveLength(1);
    expect(card?.trust.level).toBe('none');
  });
});

describe('import.basis: what an import plans against', () => {
  it('sends the records an import may merge into and the keys of imported touches only', async () => {
    await deliver(
      envelope('data.put', {
        accounts: [account()],
        contacts: [contact()],
        touches: [
          touch({ id: 'captured', sourceId: 'gmail:1' }),
          touch({ id: 'imported', sourceId: 'import:hubspot:42', source: 'imported' }),
          touch({ id: 'manual', sourceId: undefined, source: 'manual' }),
        ],
      }),
      senders.page,
    );
    const basis = await deliver(envelope('import.basis'), senders.page);
    expect(basis.ok).toBe(true);
    const data = basis.data as { contacts: unknown[]; accounts: unknown[]; importedTouches: unknown[] };
    expect(data.contacts).toHaveLength(1);
    expect(data.accounts).toHaveLength(1);
    expect(data.importedTouches).toEqual([{ sourceId: 'import:hubspot:42', contactId: 'contact-1' }]);
    expect((await deliver(envelope('import.basis'), senders.content)).error?.code).toBe('forbidden');
  });
});

describe('import.write and import.settle: an import stored in parts, settled once', () => {
  it('stores parts as given, then plans the follow-ups of the contacts it names', async () => {
    await deliver(envelope('import.write', { accounts: [account()], contacts: [contact()] }), senders.page);
    await deliver(envelope('import.write', { touches: weeklyHistory(2) }), senders.page);
    expect(await db.getAll('followUps')).toEqual([]);
    const settled = await deliver(envelope('import.settle', { contactIds: ['contact-1'] }), senders.page);
    expect(settled.ok).toBe(true);
    expect((await cardOf('jane@acme.example'))?.followUp).toMatchObject({ state: 'open', contactId: 'contact-1' });
    for (const type of ['import.write', 'import.settle'] as const) {
      expect((await deliver(envelope(type, {}), senders.content)).error?.code).toBe('forbidden');
    }
  });
});

describe('data.page: a store read in parts for exports', () => {
  it('returns every record once, part by part, a contact’s touches together', async () => {
    // Touches are kept a log per contact: a part of touches is some contacts' logs, whole.
    const owner = ['a', 'a', 'a', 'b', 'b', 'c', 'c'];
    const touches = owner.map((contactId, i) =>
      touch({ id: `t${i}`, contactId, sourceId: `gmail:${i}`, at: NOW - i * 86_400_000 }),
    );
    const contacts = ['a', 'b', 'c'].map((id) => contact({ id, emails: [`${id}@acme.example`] }));
    await deliver(envelope('data.put', { accounts: [account()], contacts, touches }), senders.page);
    const ids: string[] = [];
    let after: string | undefined;
    let parts = 0;
    do {
      const page = await deliver(
        envelope('data.page', { store: 'touches', limit: 3, ...(after ? { after } : {}) }),
        senders.page,
      );
      const data = page.data as { data: { touches: { id: string }[]; contacts?: unknown[] }; next?: string };
      ids.push(...data.data.touches.map((t) => t.id));
      expect(data.data.contacts).toBeUndefined();
      after = data.next;
      parts++;
    } while (after);
    expect(ids.sort()).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6']);
    // A log per part for a limit of 3 (a contact's mean in a large book is 20), then an empty one.
    expect(parts).toBe(4);
    expect((await deliver(envelope('data.page', { store: 'touches' }), senders.content)).error?.code).toBe('forbidden');
  });
});

describe('import.settle with blank contacts', () => {
  it('plans a follow-up for a contact the import created and gave nothing, without reading its touches', async () => {
    await deliver(envelope('import.write', { accounts: [account()], contacts: [contact()] }), senders.page);
    const settled = await deliver(
      envelope('import.settle', { contactIds: ['contact-1'], blank: ['contact-1'] }),
      senders.page,
    );
    expect(settled.ok).toBe(true);
    // Nothing known yet: no summary is stored (a missing one means empty), the card still answers.
    expect(await db.get('summaries', 'contact-1')).toBeUndefined();
    const card = await cardOf('jane@acme.example');
    expect(card?.followUp).toMatchObject({ state: 'open' });
    expect(card?.recent).toEqual([]);
  });
});

describe('an empty summary is not stored', () => {
  it('a contact whose every touch is deleted loses their stored summary, and the card says nothing is known', async () => {
    await deliver(
      envelope('data.put', { accounts: [account()], contacts: [contact()], touches: weeklyHistory(2) }),
      senders.page,
    );
    expect(await db.get('summaries', 'contact-1')).toBeDefined();
    const ids = weeklyHistory(2).map((t) => t.id);
    expect((await deliver(envelope('data.delete', { touches: ids }), senders.page)).ok).toBe(true);
    expect(await db.get('summaries', 'contact-1')).toBeUndefined();
    const card = await cardOf('jane@acme.example');
    expect(card?.recent).toEqual([]);
    expect(card?.trust.level).toBe('none');
  });

  it("reads a colleague's missing summary as empty only when they have no touches (coverage as if it were stored)", async () => {
    const joe = contact({ id: 'contact-2', name: 'Joe Doe', emails: ['joe@acme.example'] });
    const amy = contact({ id: 'contact-3', name: 'Amy Roe', emails: ['amy@acme.example'] });
    const joesTouches = weeklyHistory(8).map((t) => ({
      ...t,
      id: `joe-${t.id}`,
      sourceId: `joe-${t.sourceId}`,
      contactId: 'contact-2',
    }));
    await deliver(
      envelope('data.put', {
        accounts: [account()],
        contacts: [contact(), joe, amy],
        touches: [...weeklyHistory(8), ...joesTouches],
      }),
      senders.page,
    );
    expect(await db.get('summaries', 'contact-3')).toBeUndefined();
    const before = (await cardOf('jane@acme.example'))?.coverage;
    expect(before).not.toBeNull();
    // A store written before this rule could lack a summary of someone with touches: worked out again.
    await db.delete('summaries', 'contact-2');
    expect((await cardOf('jane@acme.example'))?.coverage).toEqual(before);
    expect((await cardOf('amy@acme.example'))?.coverage).toEqual(before);
  });
});
