import { describe, expect, it } from 'vitest';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { account, contact } from '../../helpers/records';
import { touchesOfContact } from '../../helpers/touch-store';

const DAY = 86_400_000;
const ACME = { name: 'Acme Corp', linkedinCompanyId: '1000001' };
const GLOBEX = { name: 'Globex', linkedinCompanyId: '2000002' };

async function seedBook() {
  const db = await startBackground();
  await deliver(
    envelope('data.put', {
      accounts: [
        account({ id: 'acme', name: 'Acme Corp', domains: ['acme.example'], linkedinCompanyId: '1000001' }),
        account({ id: 'globex', name: 'Globex', domains: ['globex.example'], linkedinCompanyId: '2000002' }),
      ],
      contacts: [
        contact({
          id: 'sam',
          name: 'Sam Synthetic',
          emails: ['sam@acme.example'],
          linkedinId: 'sam-synthetic',
          accountId: 'acme',
          status: 'customer',
        }),
        contact({
          id: 'kim',
          name: 'Kim Byname',
          emails: ['kim@acme.example'],
          linkedinId: undefined,
          accountId: 'acme',
        }),
        contact({
          id: 'lee',
          name: 'Lee Other',
          emails: ['lee@acme.example'],
          linkedinId: 'lee-other',
          accountId: 'acme',
        }),
        contact({
          id: 'pat',
          name: 'Pat Mail',
          emails: ['pat@acme.example'],
          linkedinId: undefined,
          accountId: 'acme',
        }),
      ],
    }),
    senders.page,
  );
  return db;
}

const lookup = (
  profiles: {
    linkedinId: string;
    name: string;
    emails?: string[];
    company?: { name: string; linkedinCompanyId?: string };
  }[],
) => deliver(envelope('people.lookup', { linkedinIds: profiles.map((p) => p.linkedinId), profiles }), senders.page);

describe('matching a LinkedIn profile to a contact', () => {
  it('by id, then an address, then name and company; two contacts for one profile are a question', async () => {
    await seedBook();
    const result = await lookup([
      { linkedinId: 'sam-synthetic', name: 'Sam Synthetic', company: ACME },
      { linkedinId: 'pat-mail', name: 'P. Mail', emails: ['pat@acme.example'], company: ACME },
      { linkedinId: 'kim-b', name: 'Kim Byname', company: ACME },
      { linkedinId: 'lee-other', name: 'Lee Other', emails: ['pat@acme.example'], company: ACME },
      { linkedinId: 'nobody', name: 'Kim Byname', company: { name: 'Initech', linkedinCompanyId: '3' } },
    ]);
    expect(result.ok).toBe(true);
    const matches = (result.data as { matches: { linkedinId: string; kind: string; contactIds: string[] }[] }).matches;
    expect(matches.map((m) => [m.linkedinId, m.kind, m.contactIds])).toEqual([
      ['sam-synthetic', 'linkedin', ['sam']],
      ['pat-mail', 'email', ['pat']],
      ['kim-b', 'name', ['kim']],
      ['lee-other', 'conflict', ['lee', 'pat']],
      ['nobody', 'none', []],
    ]);
  });

  it('a confirmed match stores the LinkedIn id on the contact, and choosing takes it from the other', async () => {
    const db = await seedBook();
    await deliver(envelope('profile.link', { contactId: 'kim', linkedinId: 'kim-b' }), senders.page);
    expect((await db.get('contacts', 'kim'))?.linkedinId).toBe('kim-b');
    await deliver(envelope('profile.link', { contactId: 'pat', linkedinId: 'lee-other' }), senders.page);
    expect((await db.get('contacts', 'pat'))?.linkedinId).toBe('lee-other');
    expect((await db.get('contacts', 'lee'))?.linkedinId).toBeUndefined();
  });

  it('a content script can neither link nor move anyone', async () => {
    const db = await seedBook();
    for (const request of [
      envelope('profile.link', { contactId: 'kim', linkedinId: 'kim-b' }),
      envelope('contact.moveToCompany', { contactId: 'sam', company: GLOBEX }),
    ]) {
      expect(await deliver(request, senders.content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await db.get('contacts', 'kim'))?.linkedinId).toBeUndefined();
    expect((await db.get('contacts', 'sam'))?.accountId).toBe('acme');
  });
});

describe('a job change', () => {
  it('is noticed when the profile’s company is not the contact’s account, and moving them re-plans both accounts', async () => {
    const db = await seedBook();
    const result = await lookup([{ linkedinId: 'sam-synthetic', name: 'Sam Synthetic', company: GLOBEX }]);
    expect((result.data as { matches: unknown[] }).matches[0]).toMatchObject({
      kind: 'linkedin',
      jobChange: { from: 'Acme Corp', to: 'Globex' },
    });
    const same = await lookup([
      { linkedinId: 'sam-synthetic', name: 'Sam Synthetic', company: { name: 'ACME Corp.' } },
    ]);
    expect((same.data as { matches: { jobChange?: unknown }[] }).matches[0]?.jobChange).toBeUndefined();

    const moved = await deliver(
      envelope('contact.moveToCompany', { contactId: 'sam', company: GLOBEX, title: 'VP Procurement' }),
      senders.page,
    );
    expect(moved).toMatchObject({ ok: true, data: { accountId: 'globex', title: 'VP Procurement' } });
    const after = await lookup([{ linkedinId: 'sam-synthetic', name: 'Sam Synthetic', company: GLOBEX }]);
    expect((after.data as { matches: { jobChange?: unknown }[] }).matches[0]?.jobChange).toBeUndefined();
    // A company Rapport has never seen becomes an account, keyed by LinkedIn's id.
    await deliver(
      envelope('contact.moveToCompany', {
        contactId: 'sam',
        company: { name: 'Initech', linkedinCompanyId: '3000003' },
      }),
      senders.page,
    );
    const initech = await db.getFromIndex('accounts', 'by-linkedin-company', '3000003');
    expect(initech?.name).toBe('Initech');
    expect((await db.get('contacts', 'sam'))?.accountId).toBe(initech?.id);
  });
});

describe('LinkedIn messages and visits', () => {
  const conversation = (messages: { id: string; from: string; at: number }[]) =>
    envelope('linkedin.capture', { conversations: [{ participants: ['sam-synthetic', 'stranger'], messages }] });

  it('become touches with tracked participants, once, and a reply moves the next touch like an e-mail', async () => {
    const db = await seedBook();
    const now = Date.now();
    const before = await db.getFromIndex('followUps', 'by-live-contact', 'sam');
    const first = await deliver(
      conversation([
        { id: 'urn:li:msg_message:(a,2-one)', from: 'me', at: now - 3 * DAY },
        { id: 'urn:li:msg_message:(a,2-two)', from: 'sam-synthetic', at: now - DAY },
        { id: 'urn:li:msg_message:(a,2-three)', from: 'stranger', at: now - DAY },
      ]),
      senders.content,
    );
    expect(first).toMatchObject({ ok: true, data: { stored: 2, duplicates: 0 } });
    const again = await deliver(
      conversation([{ id: 'urn:li:msg_message:(a,2-two)', from: 'sam-synthetic', at: now - DAY }]),
      senders.content,
    );
    expect(again).toMatchObject({ ok: true, data: { stored: 0, duplicates: 1 } });
    const touches = await touchesOfContact(db, 'sam');
    expect(touches.map((t) => [t.kind, t.direction])).toEqual([
      ['linkedin-message', 'outbound'],
      ['linkedin-message', 'inbound'],
    ]);
    // The customer wrote last: the next touch is the seller's reply.
    const after = await db.getFromIndex('followUps', 'by-live-contact', 'sam');
    expect(before?.kind).not.toBe('reply');
    expect(after?.kind).toBe('reply');
  });

  it('a profile visit is kept once a day and never counts as contact', async () => {
    const db = await seedBook();
    const report = envelope('page.report', {
      site: 'linkedin',
      people: [{ name: 'Sam Synthetic', linkedinId: 'sam-synthetic' }],
    });
    await deliver(report, senders.content);
    await deliver(report, senders.content);
    const touches = await touchesOfContact(db, 'sam');
    expect(touches.map((t) => [t.kind, t.direction])).toEqual([['linkedin-visit', 'none']]);
    const card = await deliver(envelope('people.lookup', { linkedinIds: ['sam-synthetic'] }), senders.page);
    expect((card.data as { cards: { trust: { level: string } }[] }).cards[0]?.trust.level).toBe('none');
  });
});
