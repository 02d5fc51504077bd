import { describe, expect, it } from 'vitest';
import { isIdLikeName } from '@/lib/background/linkedin';
import { deliver, envelope, senders, startBackground } from '../../helpers/background';
import { account, contact } from '../../helpers/records';

describe('an account named by an id gives way to the company’s name', () => {
  it.each([
    { name: 'Company 1000001', id: '1000001', idLike: true },
    { name: '1000001', id: '1000001', idLike: true },
    { name: 'acme-corp', id: 'acme-corp', idLike: true },
    { name: '1000001', id: undefined, idLike: true },
    { name: 'Acme Corp', id: '1000001', idLike: false },
    { name: '3M', id: '1001', idLike: false },
    { name: 'Company of Wolves', id: '5', idLike: false },
  ])('"$name" (id $id): $idLike', ({ name, id, idLike }) => {
    expect(isIdLikeName(name, id)).toBe(idLike);
  });
});

describe('a LinkedIn profile seen', () => {
  const seen = (payload: unknown) => deliver(envelope('profile.seen', payload), senders.content);

  it('renames the account known only by its id, and keeps a real name', async () => {
    const db = await startBackground();
    await deliver(
      envelope('data.put', {
        accounts: [
          account({ id: 'by-id', name: 'Company 1000001', domains: [], linkedinCompanyId: '1000001' }),
          account({ id: 'named', name: 'Beta GmbH', domains: [], linkedinCompanyId: '2000002' }),
        ],
      }),
      senders.page,
    );
    await seen({ linkedinId: 'jane', company: { name: 'Acme Corp', linkedinCompanyId: '1000001' } });
    await seen({ linkedinId: 'joe', company: { name: 'Beta Group', linkedinCompanyId: '2000002' } });
    expect((await db.get('accounts', 'by-id'))?.name).toBe('Acme Corp');
    expect((await db.get('accounts', 'named'))?.name).toBe('Beta GmbH');
  });

  it('tracking someone known only by LinkedIn puts them in their company’s account, by its name', async () => {
    const db = await startBackground();
    const tracked = await deliver(
      envelope('contact.track', {
        name: 'Jane Doe',
        linkedinId: 'jane-example-doe',
        company: { name: 'Acme Corp', linkedinCompanyId: '1000001' },
      }),
      senders.content,
    );
    const accountId = (tracked.data as { accountId?: string }).accountId;
    expect((await db.get('accounts', accountId ?? ''))?.name).toBe('Acme Corp');
    // Already tracked without an account: the next time the profile is seen, they join it.
    await deliver(
      envelope('data.put', { contacts: [contact({ id: 'joe', linkedinId: 'joe', emails: [], accountId: undefined })] }),
      senders.page,
    );
    await seen({ linkedinId: 'joe', company: { name: 'Acme Corp', linkedinCompanyId: '1000001' } });
    expect((await db.get('contacts', 'joe'))?.accountId).toBe(accountId);
  });
});
