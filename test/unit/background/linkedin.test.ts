import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
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
  /** The LinkedIn content script's report of a profile: the person and their current company. */
  const seen = ({
    linkedinId,
    company,
  }: {
    linkedinId: string;
    company: { name: string; linkedinCompanyId: string };
  }) =>
    deliver(
      envelope('page.report', { site: 'linkedin', people: [{ name: 'Someone', linkedinId, company }] }),
      senders.content,
    );

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
      senders.frame,
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

describe('page reports', () => {
  const report = { site: 'linkedin', people: [{ name: 'Jane Doe', linkedinId: 'jane-example-doe' }] };

  it('are kept per tab in the session store, for the sidebar page only', async () => {
    await startBackground();
    expect(await deliver(envelope('page.report', report), senders.content)).toMatchObject({ ok: true });
    const stored = await fakeBrowser.storage.session.get('page:7');
    expect(stored['page:7']).toMatchObject({ site: 'linkedin', people: report.people });
  });

  it('come from a content script about its own tab: an extension page cannot file one', async () => {
    await startBackground();
    expect(await deliver(envelope('page.report', report), senders.page)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('name at most 50 people', async () => {
    await startBackground();
    const crowd = Array.from({ length: 51 }, (_, i) => ({ name: `P${i}`, linkedinId: `p-${i}` }));
    expect(await deliver(envelope('page.report', { ...report, people: crowd }), senders.content)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });
});
