import { describe, expect, it } from 'vitest';
import { createPlanner, indexRecords, parseVCards, planUndo, undoRecord } from '@/lib/shared/import';
import { normalisePhone } from '@/lib/shared/import/cells';
import { withCustomerSince } from '@/lib/shared/import/status-history';
import { DataSet } from '@/lib/shared/model';
import { customerSince } from '@/lib/shared/relationship/status';
import { contact } from '../../../helpers/records';
import { importCsv, NOW, sequentialIds } from './helpers';

const local = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(y, m - 1, d, h, mi).getTime();

describe('phone numbers', () => {
  it.each([
    ['+1 415 555 0101', '+14155550101'],
    ['+1 (415) 555-0101', '+14155550101'],
    ['tel:+1-415-555-0101', '+14155550101'],
    ['+44 (0)20 7946 0000', '+442079460000'],
    ['+49 30 1234567 ext. 12', '+49301234567'],
    ['030 1234567', '0301234567'],
    ['555.0101 x7', '5550101'],
    ['n/a', undefined],
    ['12', undefined],
  ])('%j → %j', (raw, phone) => expect(normalisePhone(raw)).toBe(phone));

  it('land on contacts from CRM and vCard files, once each, and merge as a union', () => {
    const hubspot = importCsv(
      [
        'Record ID,First Name,Last Name,Email,Phone Number',
        '1,Jane,Doe,jane@acme.example,+1 415 555 0101',
        '2,Jane,Doe,JANE@acme.example,+1 (415) 555-0101',
      ].join('\n'),
    ).plan;
    expect(hubspot.create.contacts[0]?.phones).toEqual(['+14155550101']);
    // The second row merged into the first: the same number, written differently, is not added twice.
    expect(hubspot.counts).toMatchObject({ imported: 1, merged: 1 });

    const stored = contact({ emails: ['jane@acme.example'], phones: ['+14155550101'] });
    const planner = createPlanner({
      importId: 'vcf',
      now: NOW,
      newId: sequentialIds(),
      existing: indexRecords({ contacts: [stored] }),
    });
    planner.add(
      parseVCards(
        [
          'BEGIN:VCARD',
          'VERSION:3.0',
          'FN:Jane Doe',
          'EMAIL;TYPE=INTERNET:jane@acme.example',
          'TEL;TYPE=CELL:+1 415 555 0101',
          'TEL;TYPE=WORK,VOICE:+44 (0)20 7946 0000',
          'END:VCARD',
        ].join('\r\n'),
      ),
    );
    const plan = planner.finish();
    expect(plan.merge.contacts[0]?.after.phones).toEqual(['+14155550101', '+442079460000']);
    // Undo takes out only the number the import added.
    const undone = planUndo(
      undoRecord(plan),
      { account: () => undefined, contact: () => plan.merge.contacts[0]?.after },
      NOW,
    );
    expect(undone.put.contacts[0]?.phones).toEqual(['+14155550101']);
  });
});

describe('customer since, from the CRM', () => {
  it.each([
    [
      'HubSpot',
      'Record ID,First Name,Last Name,Email,Lifecycle Stage,Became a Customer Date\n1,Jane,Doe,jane@acme.example,Customer,2023-02-14 10:22',
      local(2023, 2, 14, 10, 22),
    ],
    [
      'HubSpot, lifecycle column',
      'Record ID,Email,Lifecycle Stage,Date entered "Customer (Lifecycle Stage Pipeline)"\n1,jane@acme.example,Customer,2022-11-30',
      local(2022, 11, 30),
    ],
    [
      'Salesforce',
      '"Contact Owner","First Name","Last Name","Email","Account Name","Customer Since"\n"Sam","Jane","Doe","jane@acme.example","Acme","3/15/2021"',
      local(2021, 3, 15),
    ],
    [
      'Pipedrive deals',
      '"Deal - Title","Person - Name","Person - Email","Deal - Status","Deal - Won time"\n"Renewal","Jane Doe","jane@acme.example","won","2024-01-09 16:05:00"',
      local(2024, 1, 9, 16, 5),
    ],
    [
      'a European sheet (day first, learnt from the samples)',
      'Name;E-Mail;Kunde seit;Customer since\nJane;jane@acme.example;;25.03.2020\nRaj;raj@acme.example;;03/04/2020\nLi;li@acme.example;;28/04/2020',
      local(2020, 3, 25),
    ],
  ])('%s', (_, csv, at) => {
    const { mapping, plan } = importCsv(csv);
    expect(mapping.kind).toBe('contacts');
    const jane = plan.create.contacts[0];
    expect(jane?.status).toBe('customer');
    expect(jane?.statusHistory).toEqual([{ status: 'customer', at }]);
    if (jane) expect(customerSince(jane, NOW)).toBe(at);
  });

  it('learns day-first dates from the samples even in a comma file', () => {
    const { plan } = importCsv('Email,Customer Since\nraj@acme.example,03/04/2020\nli@acme.example,28/04/2020');
    expect(plan.create.contacts[0]?.statusHistory).toEqual([{ status: 'customer', at: local(2020, 4, 3) }]);
  });

  it('a former customer keeps the date as history; a date in the future is left out', () => {
    const { plan } = importCsv(
      'Email,Lifecycle Stage,Customer Since\nann@acme.example,Former customer,2021-05-01\nbo@acme.example,,2099-01-01',
    );
    const [ann, bo] = plan.create.contacts;
    expect(ann?.statusHistory).toEqual([
      { status: 'customer', at: local(2021, 5, 1) },
      { status: 'former', at: NOW },
    ]);
    expect(bo).toMatchObject({ status: 'contact', statusHistory: [{ status: 'contact', at: NOW }] });
  });

  it('an unreadable date is a bad row, reported with its line', () => {
    const { plan } = importCsv('Email,Customer Since\nok@acme.example,2021-05-01\nbad@acme.example,sometime in May');
    expect(plan.errors).toEqual([
      { line: 3, code: 'invalid-date', reason: 'unparseable customer-since date "sometime in May"' },
    ]);
    expect(plan.counts).toMatchObject({ imported: 1, skipped: 1 });
  });

  const S = Date.UTC(2020, 0, 1);
  const T0 = Date.UTC(2025, 0, 1);
  const T1 = Date.UTC(2025, 6, 1);
  it.each([
    [
      'a tracked plain contact: the Gmail-era entry gives way',
      'customer',
      [{ status: 'contact', at: T0 }],
      [{ status: 'customer', at: S }],
    ],
    [
      'a customer since later: the older date wins',
      'customer',
      [{ status: 'customer', at: T0 }],
      [{ status: 'customer', at: S }],
    ],
    [
      'a customer since earlier: their own date stays',
      'customer',
      [{ status: 'customer', at: S - 1 }],
      [{ status: 'customer', at: S - 1 }],
    ],
    [
      'a customer who churned and came back: the comeback counts, the churn stays',
      'customer',
      [
        { status: 'former', at: T0 },
        { status: 'customer', at: T1 },
      ],
      [
        { status: 'customer', at: S },
        { status: 'former', at: T0 },
        { status: 'customer', at: T1 },
      ],
    ],
    [
      'a former customer: the date goes before their churn',
      'former',
      [{ status: 'former', at: T0 }],
      [
        { status: 'customer', at: S },
        { status: 'former', at: T0 },
      ],
    ],
    [
      'a former customer who churned before the date: the store wins',
      'former',
      [{ status: 'former', at: S - 1 }],
      [{ status: 'former', at: S - 1 }],
    ],
    ['no history yet: read from the creation time', 'customer', [], [{ status: 'customer', at: S }]],
  ] as const)('merge: %s', (_, status, history, expected) => {
    const merged = withCustomerSince({ status, statusHistory: [...history], createdAt: T0 }, S);
    expect(merged).toEqual(expected);
  });

  it('merges into a stored contact, and undo gives back its history exactly', () => {
    const stored = contact({
      id: 'c-jane',
      emails: ['jane@acme.example'],
      status: 'contact',
      statusHistory: [{ status: 'contact', at: T0 }],
    });
    const { plan } = importCsv('Email,Lifecycle Stage,Became a Customer Date\njane@acme.example,Customer,2020-01-01', {
      existing: indexRecords({ contacts: [stored] }),
    });
    const after = plan.merge.contacts[0]?.after;
    expect(after).toMatchObject({ status: 'customer', statusHistory: [{ status: 'customer', at: local(2020, 1, 1) }] });
    const undone = planUndo(undoRecord(plan), { account: () => undefined, contact: () => after }, NOW);
    const { updatedAt: _a, ...restored } = undone.put.contacts[0] ?? stored;
    const { updatedAt: _b, ...original } = stored;
    expect(restored).toEqual(original);
  });
});

describe('import ids on contacts and accounts', () => {
  it('are kept by the model the background validates with, so undo can find them in the store', () => {
    const { plan } = importCsv('Email,Company,Phone\njane@acme.example,Acme,+1 415 555 0101');
    const parsed = DataSet.parse({
      contacts: plan.create.contacts,
      accounts: plan.create.accounts,
      sellers: plan.create.sellers,
    });
    expect(parsed.contacts[0]).toMatchObject({ importId: 'import-1', phones: ['+14155550101'] });
    expect(parsed.accounts[0]).toMatchObject({ importId: 'import-1' });
  });

  it('records stored before the fields existed stay valid', () => {
    const { phones: _p, importId: _i, ...old } = contact();
    expect(DataSet.parse({ contacts: [old] }).contacts[0]?.phones).toBeUndefined();
  });
});
