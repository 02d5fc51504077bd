import { describe, expect, it } from 'vitest';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { account, contact, purchase, touch } from '../../helpers/records';
import { getTouch } from '../../helpers/touch-store';

const NOW = Date.UTC(2026, 10, 23, 10);

async function book() {
  const db = await startBackground(() => NOW);
  await deliver(
    envelope('data.put', {
      accounts: [
        account({ id: 'acme', name: 'Acme', domains: ['acme.example'] }),
        account({ id: 'acme-eu', name: 'ACME Europe', domains: ['acme.eu.example'], linkedinCompanyId: '1000001' }),
      ],
      contacts: [
        contact({ id: 'jane', name: 'Jane Example', emails: ['jane@acme.example'], accountId: 'acme' }),
        contact({ id: 'kurt', name: 'Kurt', emails: ['kurt@acme.eu.example'], accountId: 'acme-eu' }),
      ],
      touches: [touch({ id: 't1', contactId: 'kurt', accountId: 'acme-eu', sourceId: 'gmail:1' })],
      purchases: [purchase({ id: 'p1', accountId: 'acme-eu' })],
    }),
    senders.page,
  );
  return db;
}

describe('editing what Rapport knows', () => {
  it('a contact’s name, title and addresses change; an address of another contact is refused with who has it', async () => {
    const db = await book();
    const edited = await deliver(
      envelope('contact.update', {
        contactId: 'jane',
        name: 'Jane A. Example',
        title: 'CFO',
        emails: ['jane@acme.example', 'j@acme.example'],
      }),
      senders.page,
    );
    expect(edited).toMatchObject({
      ok: true,
      data: { name: 'Jane A. Example', title: 'CFO', emails: ['jane@acme.example', 'j@acme.example'] },
    });
    const clash = await deliver(
      envelope('contact.update', { contactId: 'jane', emails: ['kurt@acme.eu.example'] }),
      senders.page,
    );
    expect(clash).toMatchObject({ ok: false, error: { message: /Kurt/ } });
    expect((await db.get('contacts', 'jane'))?.emails).toEqual(['jane@acme.example', 'j@acme.example']);
  });

  it('two accounts of one company merge: contacts, touches and purchases move, domains and the LinkedIn id join', async () => {
    const db = await book();
    const merged = await deliver(envelope('account.merge', { keepId: 'acme', mergeId: 'acme-eu' }), senders.page);
    expect(merged).toMatchObject({
      ok: true,
      data: { id: 'acme', domains: ['acme.example', 'acme.eu.example'], linkedinCompanyId: '1000001' },
    });
    expect(await db.get('accounts', 'acme-eu')).toBeUndefined();
    expect((await db.get('contacts', 'kurt'))?.accountId).toBe('acme');
    expect((await getTouch(db, 't1'))?.accountId).toBe('acme');
    expect((await db.get('purchases', 'p1'))?.accountId).toBe('acme');
  });

  it('an account is renamed and its domains set', async () => {
    await book();
    expect(
      await deliver(
        envelope('account.update', { accountId: 'acme', name: 'Acme Corp', domains: ['acme.example', 'acme.test'] }),
        senders.page,
      ),
    ).toMatchObject({ ok: true, data: { name: 'Acme Corp', domains: ['acme.example', 'acme.test'] } });
  });
});
