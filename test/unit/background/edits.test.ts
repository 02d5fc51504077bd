import { describe, expect, it } from 'vitest';
import { followUpsOf } from '@/lib/background/db/follow-ups';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { account, contact, touch } from '../../helpers/records';
import { touchesOfContact } from '../../helpers/touch-store';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 10);

async function twoOfOne() {
  const db = await startBackground(() => NOW);
  await deliver(
    envelope('data.put', {
      accounts: [account({ id: 'acme' })],
      contacts: [
        contact({ id: 'jane', name: 'Jane Example', emails: ['jane@acme.example'], accountId: 'acme' }),
        contact({
          id: 'jd',
          name: 'J. Example',
          emails: ['j.example@gmail.example'],
          linkedinId: 'jane-example',
          accountId: undefined,
        }),
      ],
      touches: [
        touch({ id: 't1', contactId: 'jane', at: NOW - 30 * DAY, sourceId: 'gmail:1' }),
        touch({ id: 't2', contactId: 'jd', at: NOW - 20 * DAY, sourceId: 'gmail:2' }),
        // The same e-mail, with both of them on it: one interaction.
        touch({ id: 't3', contactId: 'jane', at: NOW - 10 * DAY, sourceId: 'gmail:3' }),
        touch({ id: 't4', contactId: 'jd', at: NOW - 10 * DAY, sourceId: 'gmail:3' }),
        touch({ id: 't5', contactId: 'jd', at: NOW - 5 * DAY, sourceId: 'linkedin:x', kind: 'linkedin-message' }),
      ],
    }),
    senders.page,
  );
  return db;
}

const touchesOf = async (db: Awaited<ReturnType<typeof startBackground>>, id: string) =>
  (await touchesOfContact(db, id)).map((t) => t.sourceId);

describe('merging two contacts who are one person', () => {
  it('keeps every touch of both (a shared e-mail once), their addresses and LinkedIn id, and removes the other', async () => {
    const db = await twoOfOne();
    const result = await deliver(envelope('contact.merge', { keepId: 'jane', mergeId: 'jd' }), senders.page);
    expect(result).toMatchObject({
      ok: true,
      data: {
        moved: 2,
        contact: {
          id: 'jane',
          emails: ['jane@acme.example', 'j.example@gmail.example'],
          linkedinId: 'jane-example',
          accountId: 'acme',
        },
      },
    });
    expect(await touchesOf(db, 'jane')).toEqual(['gmail:1', 'gmail:2', 'gmail:3', 'linkedin:x']);
    expect(await db.get('contacts', 'jd')).toBeUndefined();
    expect(await followUpsOf(db.transaction('followUps').store, 'jd')).toEqual([]);
    // The other's address now finds the kept contact.
    expect(await deliver(envelope('contact.find', { email: 'j.example@gmail.example' }), senders.page)).toMatchObject({
      data: { id: 'jane' },
    });
  });

  it('refuses a contact merged into itself, or one that does not exist, and changes nothing', async () => {
    const db = await twoOfOne();
    for (const ids of [
      { keepId: 'jane', mergeId: 'jane' },
      { keepId: 'jane', mergeId: 'nobody' },
    ]) {
      expect((await deliver(envelope('contact.merge', ids), senders.page)).ok).toBe(false);
    }
    expect(await touchesOf(db, 'jd')).toEqual(['gmail:2', 'gmail:3', 'linkedin:x']);
  });
});

describe('deleting a contact', () => {
  it('removes them with their touches and follow-ups, and undo brings all of it back', async () => {
    const db = await twoOfOne();
    const before = await deliver(envelope('data.export', {}), senders.page);
    expect((await deliver(envelope('contact.delete', { contactId: 'jd' }), senders.page)).ok).toBe(true);
    expect(await db.get('contacts', 'jd')).toBeUndefined();
    expect(await touchesOf(db, 'jd')).toEqual([]);
    const restored = await deliver(envelope('contact.undoDelete', { contactId: 'jd' }), senders.page);
    expect(restored).toMatchObject({ ok: true, data: { id: 'jd', linkedinId: 'jane-example' } });
    expect(await touchesOf(db, 'jd')).toEqual(['gmail:2', 'gmail:3', 'linkedin:x']);
    const after = await deliver(envelope('data.export', {}), senders.page);
    const ids = (r: typeof before, store: 'contacts' | 'touches') =>
      ((r.data as Record<string, { id: string }[]>)[store] ?? []).map((x) => x.id).sort();
    expect(ids(after, 'contacts')).toEqual(ids(before, 'contacts'));
    expect(ids(after, 'touches')).toEqual(ids(before, 'touches'));
    // Once undone, there is nothing more to undo.
    expect((await deliver(envelope('contact.undoDelete', { contactId: 'jd' }), senders.page)).ok).toBe(false);
  });
});
