import { describe, expect, it } from 'vitest';
import { indexRecords } from '@/lib/shared/import';
import { account, contact } from '../../../helpers/records';
import { expectAccounted, fixtureText, importCsv } from './helpers';

describe('HubSpot contacts export', () => {
  const { mapping, plan } = importCsv(fixtureText('hubspot-contacts.csv'));

  it('is recognised, with its columns', () => {
    expect(mapping).toMatchObject({
      kind: 'contacts',
      format: 'hubspot',
      columns: { firstName: 1, lastName: 2, email: 3, email2: 4, phone: 5, owner: 6, status: 7, company: 9, title: 10 },
    });
  });

  it('imports every row, and the repeated address merges into the earlier contact', () => {
    expectAccounted(plan, 5);
    expect(plan.counts).toEqual({ rows: 5, imported: 4, merged: 1, skipped: 0 });
    expect(plan.create.contacts.map((c) => c.name)).toEqual(['Jane Doe', 'Raj Patel', 'Lena Fischer', 'Tom Nguyen']);
  });

  it('reads lifecycle stages as statuses and owners as sellers', () => {
    const [jane, raj, lena, tom] = plan.create.contacts;
    expect(jane).toMatchObject({
      status: 'customer',
      ownerId: 'me',
      emails: ['jane.doe@acme.example', 'jane@mail.acme.example'],
    });
    expect(raj).toMatchObject({ status: 'prospect' });
    expect(lena).toMatchObject({ status: 'prospect', ownerId: 'me' });
    expect(tom).toMatchObject({ status: 'contact' });
    expect(tom?.ownerId).toBeUndefined();
    expect(plan.create.sellers).toEqual([
      { id: raj?.ownerId, name: 'Alex Colleague', emails: [], importId: 'import-1' },
    ]);
    expect(plan.meFound).toBe(true);
  });

  it('makes accounts from company names and work domains, never from free mail', () => {
    expect(plan.create.accounts.map((a) => [a.name, a.domains])).toEqual([
      ['Acme Inc.', ['acme.example']],
      ['Globex', ['globex.example']],
    ]);
    expect(plan.create.contacts[3]?.accountId).toBeUndefined();
  });

  it('stamps every created record with the import id', () => {
    const created = Object.values(plan.create).flat();
    expect(created.every((r) => (r as { importId?: string }).importId === 'import-1')).toBe(true);
  });
});

describe('Salesforce report export', () => {
  const { mapping, plan } = importCsv(fixtureText('salesforce-contacts.csv'));

  it('is recognised, and the report footer is not data', () => {
    expect(mapping.format).toBe('salesforce');
    expectAccounted(plan, 3);
    expect(plan.counts.imported).toBe(3);
  });

  it('puts mail.initech.co.uk and initech.co.uk in one account', () => {
    expect(plan.create.accounts.map((a) => [a.name, a.domains])).toEqual([
      ['Initech Ltd', ['initech.co.uk']],
      ['Umbrella Labs', ['umbrella.example']],
    ]);
    const [priya, oliver] = plan.create.contacts;
    expect(oliver?.accountId).toBe(priya?.accountId);
  });
});

describe('Pipedrive people export', () => {
  const { mapping, plan } = importCsv(fixtureText('pipedrive-people.csv'));

  it('reads work, home and other addresses, labels and owners', () => {
    expect(mapping.format).toBe('pipedrive');
    expectAccounted(plan, 3);
    const [carlos, ana, wei] = plan.create.contacts;
    expect(carlos).toMatchObject({ emails: ['carlos@hooli.example', 'carlos.mendes@gmail.com'], status: 'customer' });
    expect(ana).toMatchObject({
      emails: ['ana@hooli.example', 'ana.s@hooli.example'],
      status: 'prospect',
      title: 'Engineer',
    });
    expect(wei).toMatchObject({ name: 'Wei Zhang', emails: ['wei.zhang@outlook.com'], status: 'contact' });
    expect(wei?.accountId).toBeUndefined();
    expect(plan.create.accounts.map((a) => a.name)).toEqual(['Hooli']);
  });
});

describe('Google Contacts export', () => {
  const existing = indexRecords({
    contacts: [contact({ id: 'c-jane', name: 'Jane Doe', emails: ['jane.doe@acme.example'], accountId: 'acct-1' })],
    accounts: [account({ id: 'acct-1', name: 'Acme', domains: ['acme.example'] })],
  });
  const { mapping, plan } = importCsv(fixtureText('google-contacts.csv'), { existing });

  it('splits Google’s ":::" lists and merges into the stored contact', () => {
    expect(mapping.format).toBe('google');
    expectAccounted(plan, 2);
    expect(plan.counts).toMatchObject({ imported: 1, merged: 1 });
    const [change] = plan.merge.contacts;
    expect(change?.id).toBe('c-jane');
    expect(change?.after.emails).toEqual(['jane.doe@acme.example', 'jane@acme.example', 'jane.private@gmail.com']);
    expect(change?.before).toMatchObject({ emails: ['jane.doe@acme.example'] });
    expect(change?.added).toContain('title');
  });

  it('never makes a twin of a stored contact or account', () => {
    expect(plan.create.contacts.map((c) => c.name)).toEqual(['Kofi Mensah']);
    expect(plan.create.accounts.map((a) => a.name)).toEqual(['Stark Industries']);
  });
});

describe('LinkedIn Connections.csv', () => {
  const { mapping, plan } = importCsv(fixtureText('linkedin-Connections.csv'));

  it('finds the header under the notes and reads profile ids from the URL column', () => {
    expect(mapping.format).toBe('linkedin');
    expectAccounted(plan, 3);
    expect(plan.create.contacts.map((c) => [c.name, c.linkedinId, c.emails])).toEqual([
      ['Aiko Tanaka', 'aiko-tanaka-4b2a1c', []],
      ['Ben Okafor', 'benokafor', ['ben@initech.co.uk']],
      ['Chloé Martin', 'chloé-martin-9f8e7d', []],
    ]);
  });

  it('imports connections as plain contacts, with no cadence', () => {
    expect(plan.create.contacts.every((c) => c.status === 'contact' && !c.activeProspect)).toBe(true);
    expect(plan.create.contacts[0]?.title).toBe('Product Manager');
    expect(plan.create.accounts.map((a) => a.name)).toEqual(['Globex, Inc.', 'Initech Ltd', 'Umbrella Labs']);
  });
});

describe('merging with the store', () => {
  it('finds a contact by LinkedIn id when the row has no address, and fills only what is missing', () => {
    const stored = contact({
      id: 'c-aiko',
      name: 'aiko-tanaka-4b2a1c',
      emails: [],
      linkedinId: 'aiko-tanaka-4b2a1c',
      title: 'PM',
      status: 'prospect',
    });
    const { plan } = importCsv(fixtureText('linkedin-Connections.csv'), {
      existing: indexRecords({ contacts: [stored] }),
    });
    expect(plan.counts).toMatchObject({ imported: 2, merged: 1 });
    const change = plan.merge.contacts.find((c) => c.id === 'c-aiko');
    // The placeholder name is replaced; the title the seller had stays.
    expect(change?.after).toMatchObject({ name: 'Aiko Tanaka', title: 'PM', status: 'prospect' });
  });

  it('joins an account known by name with the domain of its contacts', () => {
    const acme = account({ id: 'acct-acme', name: 'Acme Inc.', domains: [] });
    const { plan } = importCsv('Email,Name\nnew@acme.example,New Person\n', {
      existing: indexRecords({ accounts: [acme] }),
    });
    expect(plan.create.accounts).toEqual([]);
    expect(plan.create.contacts[0]?.accountId).toBe('acct-acme');
    expect(plan.merge.accounts[0]).toMatchObject({ id: 'acct-acme', before: { domains: [] } });
    expect(plan.merge.accounts[0]?.after.domains).toEqual(['acme.example']);
  });

  it('names an account after its domain until a row gives the company name', () => {
    const { plan } = importCsv('Email,Company\na@acme.example,\nb@acme.example,Acme Inc.\n');
    expect(plan.create.accounts.map((a) => [a.name, a.domains])).toEqual([['Acme Inc.', ['acme.example']]]);
  });

  it('keeps the seller’s internal domains out of accounts', () => {
    const { plan } = importCsv('Email\ncolleague@ourco.example\n', { internalDomains: ['ourco.example'] });
    expect(plan.create.accounts).toEqual([]);
  });

  it('raises a status only from plain contact, or from prospect to customer', () => {
    const stored = [
      contact({ id: 'a', emails: ['a@x.example'], status: 'contact' }),
      contact({ id: 'b', emails: ['b@x.example'], status: 'customer' }),
      contact({ id: 'c', emails: ['c@x.example'], status: 'prospect' }),
    ];
    const csv = 'Email,Status\na@x.example,customer\nb@x.example,lead\nc@x.example,customer\n';
    const { plan } = importCsv(csv, { existing: indexRecords({ contacts: stored }) });
    const after = Object.fromEntries(plan.merge.contacts.map((c) => [c.id, c.after.status]));
    expect(after).toEqual({ a: 'customer', c: 'customer' });
    expect(plan.merge.contacts.find((c) => c.id === 'c')?.after.statusHistory.at(-1)).toEqual({
      status: 'customer',
      at: expect.any(Number),
    });
  });

  it('reports the owners when none of them is the seller', () => {
    const { plan } = importCsv(
      'Email,Owner\na@x.example,Pat One\nb@x.example,Pat One\nc@x.example,kim@ourco.example\n',
      {
        me: { name: 'Sam', emails: ['sam@ourco.example'], crmOwnerName: '' },
      },
    );
    expect(plan.meFound).toBe(false);
    expect(plan.owners.map((o) => [o.name ?? o.email, o.rows, o.isNew])).toEqual([
      ['Pat One', 2, true],
      ['kim@ourco.example', 1, true],
    ]);
    expect(plan.counts.imported).toBe(3);
  });
});

describe('encodings and separators', () => {
  it('reads UTF-8 with a byte-order mark', () => {
    const { plan } = importCsv(fixtureText('utf8-bom.csv'));
    expect(plan.create.contacts.map((c) => c.name)).toEqual(['Jürgen Müller', 'Zoë Ångström']);
  });

  it('reads Windows-1252 with é, ü, ß and the en dash', () => {
    const { plan } = importCsv(fixtureText('windows-1252.csv'));
    expect(plan.create.contacts.map((c) => [c.name, c.title])).toEqual([
      ['René Dürr', 'Directeur général'],
      ['Jürgen Straß', 'Geschäftsführer – Vertrieb'],
    ]);
    expect(plan.create.accounts[0]?.name).toBe('Société Générale des Études');
  });

  it('reads `;`-separated files with local headers', () => {
    const { mapping, plan } = importCsv(fixtureText('semicolon.csv'));
    expect(mapping.decimalComma).toBe(true);
    expect(plan.create.contacts.map((c) => [c.name, c.title])).toEqual([
      ['Anna Schmidt', 'Einkauf, Leitung'],
      ['Lukas Weber', 'Technik'],
    ]);
    expect(plan.create.accounts.map((a) => a.name)).toEqual(['Wayne GmbH']);
  });

  it('reads quoted commas, doubled quotes and quoted newlines', () => {
    const { plan } = importCsv(fixtureText('quoted-newlines.csv'));
    expect(plan.create.contacts.map((c) => [c.name, c.title])).toEqual([
      ['Doe, Jane', 'Head of "Ops"'],
      ['Multi\nLine\nPerson', 'Title with\r\nnewline'],
      ['Plain Person', 'Engineer'],
    ]);
  });
});
