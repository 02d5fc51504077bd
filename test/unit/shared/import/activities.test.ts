import { describe, expect, it } from 'vitest';
import { indexRecords } from '@/lib/shared/import';
import { account, contact, touch } from '../../../helpers/records';
import { expectAccounted, fixtureText, importCsv, ME_SETTINGS } from './helpers';

const store = () => ({
  contacts: [
    contact({ id: 'c-jane', name: 'Jane Doe', emails: ['jane.doe@acme.example'], accountId: 'acct-acme' }),
    contact({ id: 'c-raj', name: 'Raj Patel', emails: ['raj.patel@acme.example'], accountId: 'acct-acme' }),
    contact({ id: 'c-lena', name: 'Lena Fischer', emails: ['lena@globex.example'], accountId: undefined }),
  ],
  accounts: [account({ id: 'acct-acme', name: 'Acme Inc.', domains: ['acme.example'] })],
});

describe('activities file', () => {
  const { mapping, plan } = importCsv(fixtureText('activities.csv'), { existing: indexRecords(store()) });

  it('imports every row as touches on the contacts it names', () => {
    expect(mapping.kind).toBe('activities');
    expectAccounted(plan, 6);
    expect(plan.counts).toEqual({ rows: 6, imported: 6, merged: 0, skipped: 0 });
    expect(plan.create.touches.map((t) => [t.contactId, t.kind, t.direction, t.summary])).toEqual([
      ['c-jane', 'email', 'outbound', 'Proposal for Q3'],
      ['c-jane', 'email', 'inbound', 'Re: Proposal for Q3'],
      ['c-raj', 'call', 'outbound', 'Pricing call'],
      ['c-jane', 'meeting', 'none', 'Quarterly review'],
      ['c-raj', 'meeting', 'none', 'Quarterly review'],
      ['c-lena', 'linkedin-message', 'outbound', 'Congrats on the launch'],
      [plan.create.contacts[0]?.id, 'note', 'none', 'Met at the trade fair'],
    ]);
  });

  it('gives a meeting with two customers one touch each, sharing a source id', () => {
    const [a, b] = plan.create.touches.filter((t) => t.kind === 'meeting');
    expect(a?.sourceId).toBe(b?.sourceId);
    expect(a?.at).toBe(Date.UTC(2024, 4, 12, 10));
  });

  it('keeps other sellers’ touches under their seller, for coverage', () => {
    const alex = plan.create.sellers[0];
    expect(alex?.name).toBe('Alex Colleague');
    expect(plan.create.touches.filter((t) => t.sellerId === alex?.id).map((t) => t.kind)).toEqual(['call', 'note']);
    expect(plan.create.touches.filter((t) => t.sellerId === 'me')).toHaveLength(5);
    expect(plan.owners.find((o) => o.isMe)).toMatchObject({ email: 'sam@ourco.example', rows: 4 });
  });

  it('marks touches as imported, with their account, and creates the contact a row names', () => {
    expect(plan.create.touches.every((t) => t.source === 'imported' && t.importId === 'import-1')).toBe(true);
    expect(plan.create.touches[0]?.accountId).toBe('acct-acme');
    expect(plan.create.contacts.map((c) => [c.name, c.emails])).toEqual([
      ['new.person@stark.example', ['new.person@stark.example']],
    ]);
    // Lena had no account: her work domain gives her one, as a contacts import would.
    expect(plan.create.accounts.map((a) => a.domains)).toEqual([['globex.example'], ['stark.example']]);
    expect(plan.merge.contacts.map((m) => [m.id, m.added])).toEqual([['c-lena', ['accountId']]]);
  });

  it('reads a US date in a generic file month first', () => {
    expect(plan.create.touches[2]?.at).toBe(new Date(2024, 4, 10).getTime());
  });

  it('adds nothing when the same file is imported again', () => {
    const first = store();
    const again = importCsv(fixtureText('activities.csv'), {
      existing: indexRecords({
        ...first,
        contacts: [...first.contacts, ...plan.create.contacts],
        touches: plan.create.touches,
      }),
    }).plan;
    expect(again.create.touches).toEqual([]);
    expect(again.counts).toEqual({ rows: 6, imported: 0, merged: 6, skipped: 0 });
  });

  it('uses the file’s own activity id as the source id when it has one', () => {
    const csv = 'Activity ID,Date,Type,Email\n987,2024-01-01,Call,a@x.example\n';
    const { plan: withId } = importCsv(csv, { existing: indexRecords({ touches: [touch({ sourceId: 'other' })] }) });
    expect(withId.create.touches[0]?.sourceId).toBe('import:generic:987');
  });

  it('takes a default kind for files without a type column', () => {
    const csv = 'Date,Email,Subject\n2024-01-01,a@x.example,Hello\n';
    const { plan: calls } = importCsv(csv, { kind: 'activities', adjust: (m) => ({ ...m, defaultKind: 'call' }) });
    expect(calls.create.touches[0]).toMatchObject({ kind: 'call', direction: 'outbound' });
  });

  it('finds the seller by their CRM owner name, whatever its case', () => {
    const csv = 'Date,Type,Email,Owner\n2024-01-01,Call,a@x.example,SAMANTHA  seller\n';
    const { plan: mine } = importCsv(csv, { me: ME_SETTINGS });
    expect(mine.create.touches[0]?.sellerId).toBe('me');
    expect(mine.create.sellers).toEqual([]);
  });
});
