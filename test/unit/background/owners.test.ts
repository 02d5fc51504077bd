import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RapportDB } from '@/lib/background/db/schema';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { account, contact, seller, touch } from '../../helpers/records';
import { storedTouches } from '../../helpers/touch-store';

const NOW = Date.UTC(2026, 10, 23, 10);
const T0 = touch().at;
let db: IDBPDatabase<RapportDB>;

const ask = (type: string, payload: unknown = {}) => deliver(envelope(type, payload), senders.page);

/** A store after an import whose owners matched nobody: Sam (the seller, as the CRM names her) and Alex. */
async function importedWithUnknownOwners() {
  await ask('data.put', {
    sellers: [
      seller({ id: 's-sam', name: 'Samantha Seller', emails: ['samantha@crm.example'] }),
      seller({ id: 's-alex', name: 'Alex Colleague', emails: [] }),
    ],
    accounts: [account()],
    contacts: [
      contact({ id: 'c-jane', ownerId: 's-sam' }),
      contact({ id: 'c-raj', emails: ['raj@acme.example'], ownerId: 's-alex' }),
      contact({ id: 'c-tom', emails: ['tom@acme.example'] }),
    ],
    touches: [
      // Sam wrote, Jane answered: two-way contact, credited to Sam.
      touch({
        id: 't0',
        contactId: 'c-jane',
        sellerId: 's-sam',
        sourceId: 'z',
        direction: 'outbound',
        at: T0 - 3_600_000,
      }),
      touch({ id: 't1', contactId: 'c-jane', sellerId: 's-sam', sourceId: 'a' }),
      touch({ id: 't2', contactId: 'c-tom', sellerId: 's-sam', sourceId: 'b' }),
      touch({ id: 't3', contactId: 'c-raj', sellerId: 's-alex', sourceId: 'c' }),
    ],
  });
  await ask('owner.ask', {
    owners: [
      { sellerId: 's-alex', rows: 1 },
      { sellerId: 's-sam', rows: 2 },
    ],
  });
}

beforeEach(async () => {
  db = await startBackground(() => NOW);
  await ask('settings.update', { me: { name: 'Sam Seller', emails: ['sam@ourco.example'], crmOwnerName: 'Sam S.' } });
});

describe('which owner is you?', () => {
  it('asks about the owners an import could not match, most rows first, with what each owns', async () => {
    await importedWithUnknownOwners();
    const { data } = await ask('owner.question');
    expect(data).toEqual({
      owners: [
        {
          sellerId: 's-sam',
          name: 'Samantha Seller',
          emails: ['samantha@crm.example'],
          rows: 2,
          contacts: 1,
          touches: 3,
        },
        { sellerId: 's-alex', name: 'Alex Colleague', emails: [], rows: 1, contacts: 1, touches: 1 },
      ],
    });
  });

  it('the answer makes that owner’s contacts and touches mine, teaches the settings, and closes the question', async () => {
    await importedWithUnknownOwners();
    expect((await db.get('summaries', 'c-jane'))?.sellers.map((s) => s.id)).toEqual(['s-sam']);
    const answer = await ask('owner.claim', { sellerId: 's-sam' });
    expect(answer).toMatchObject({ ok: true, data: { contacts: 1, touches: 3 } });
    expect((await db.get('contacts', 'c-jane'))?.ownerId).toBe('me');
    expect((await db.get('contacts', 'c-jane'))?.updatedAt).toBe(NOW);
    expect((await db.get('contacts', 'c-raj'))?.ownerId).toBe('s-alex');
    expect((await storedTouches(db)).map((t) => [t.id, t.sellerId])).toEqual([
      ['t0', 'me'],
      ['t1', 'me'],
      ['t2', 'me'],
      ['t3', 's-alex'],
    ]);
    expect(await db.get('sellers', 's-sam')).toBeUndefined();
    const settings = (await ask('settings.get')).data;
    expect(settings).toMatchObject({
      me: {
        name: 'Sam Seller',
        emails: ['sam@ourco.example', 'samantha@crm.example'],
        crmOwnerName: 'Samantha Seller',
      },
    });
    expect((await ask('owner.question')).data).toBeNull();
    // The summaries were rebuilt: Jane's two-way contact is now the seller's own.
    expect((await db.get('summaries', 'c-jane'))?.sellers.map((s) => s.id)).toEqual(['me']);
    // The popup now knows which contacts are mine.
    expect((await ask('followup.list', {})).data).toMatchObject({ ownerKnown: true });
  });

  it('"none of these" closes the question and changes nothing else', async () => {
    await importedWithUnknownOwners();
    const before = (await ask('data.export')).data;
    expect(await ask('owner.claim', { sellerId: null })).toMatchObject({ ok: true, data: { contacts: 0, touches: 0 } });
    expect((await ask('owner.question')).data).toBeNull();
    expect((await ask('data.export')).data).toEqual(before);
  });

  it('a second import adds its owners to the open question; an undone import’s owners drop out', async () => {
    await importedWithUnknownOwners();
    await ask('data.put', { sellers: [seller({ id: 's-kim', name: 'Kim', emails: [] })] });
    await ask('owner.ask', {
      owners: [
        { sellerId: 's-kim', rows: 5 },
        { sellerId: 's-sam', rows: 1 },
      ],
    });
    const owners = () =>
      ask('owner.question').then((a) => (a.data as { owners: { sellerId: string; rows: number }[] }).owners);
    expect((await owners()).map((o) => [o.sellerId, o.rows])).toEqual([
      ['s-kim', 5],
      ['s-sam', 3],
      ['s-alex', 1],
    ]);
    await ask('data.delete', { sellers: ['s-kim'] });
    expect((await owners()).map((o) => o.sellerId)).toEqual(['s-sam', 's-alex']);
  });

  it('is for the dashboard only, and checks what it is sent', async () => {
    await importedWithUnknownOwners();
    expect(await deliver(envelope('owner.claim', { sellerId: 's-sam' }), senders.content)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ask('owner.claim', { sellerId: '' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await ask('owner.claim', { sellerId: 'nobody' })).toMatchObject({
      ok: false,
      error: { message: 'no seller with id nobody' },
    });
    // A refused claim changed nothing.
    expect((await db.get('contacts', 'c-jane'))?.ownerId).toBe('s-sam');
  });
});
