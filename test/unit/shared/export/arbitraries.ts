import fc from 'fast-check';
import type { BackupData } from '@/lib/shared/export';
import {
  type Account,
  type Contact,
  ContactStatus,
  Direction,
  Email,
  type FollowUp,
  FollowUpKind,
  FollowUpState,
  type Purchase,
  type Seller,
  type Touch,
  TouchKind,
  ValueTier,
} from '@/lib/shared/model';

/** Records as the store holds them: already in the schemas' normal form (trimmed, lower-case). */

const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max }).map((s) => s.trim().slice(0, max));
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
const id = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 24 }));

export const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,12}$/),
    fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/),
    fc.constantFrom('com', 'co.uk', 'example', 'de', 'io'),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`)
  .filter((e) => Email.safeParse(e).success);

const linkedinId = fc.oneof(fc.stringMatching(/^[a-zA-Z0-9_-]{3,40}$/), fc.constantFrom('chloé-martin', 'jürgen_m'));
const calendarDate = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const seller: fc.Arbitrary<Seller> = fc.record(
  { id, name: text(100), emails: fc.array(email, { maxLength: 3 }), linkedinId, importId: id },
  { noNullPrototype: true, requiredKeys: ['id', 'name', 'emails'] },
);

const account: fc.Arbitrary<Account> = fc.record(
  {
    id,
    name: text(100),
    domains: fc.array(fc.stringMatching(/^[a-z0-9-]{1,12}\.(com|co\.uk|de)$/), { maxLength: 3 }),
    linkedinCompanyId: fc.stringMatching(/^[0-9]{1,10}$/),
    valueTier: fc.constantFrom(...ValueTier.options),
    products: fc.array(text(50), { maxLength: 3 }),
    notes: text(300),
    importId: id,
    createdAt: time,
    updatedAt: time,
  },
  {
    noNullPrototype: true,
    requiredKeys: ['id', 'name', 'domains', 'valueTier', 'products', 'notes', 'createdAt', 'updatedAt'],
  },
);

const status = fc.constantFrom(...ContactStatus.options);
export const contact: fc.Arbitrary<Contact> = fc.record(
  {
    id,
    name: text(100),
    emails: fc.array(email, { maxLength: 3 }),
    linkedinId,
    title: text(100),
    phones: fc.array(fc.stringMatching(/^\+?\d{3,20}$/), { maxLength: 3 }),
    accountId: id,
    status,
    activeProspect: fc.boolean(),
    valueTier: fc.constantFrom(...ValueTier.options),
    ownerId: id,
    notes: text(300),
    trustOverride: fc.record(
      { level: fc.constantFrom('none', 'some', 'full'), setAt: time, until: time },
      { noNullPrototype: true },
    ),
    statusHistory: fc.array(fc.record({ status, at: time }, { noNullPrototype: true }), { maxLength: 3 }),
    importId: id,
    createdAt: time,
    updatedAt: time,
  },
  {
    requiredKeys: [
      'id',
      'name',
      'emails',
      'status',
      'activeProspect',
      'notes',
      'statusHistory',
      'createdAt',
      'updatedAt',
    ],
  },
);

const touch: fc.Arbitrary<Touch> = fc.record(
  {
    id,
    contactId: id,
    accountId: id,
    sellerId: id,
    kind: fc.constantFrom(...TouchKind.options),
    direction: fc.constantFrom(...Direction.options),
    at: time,
    source: fc.constantFrom('captured', 'manual', 'imported'),
    sourceId: fc.string({ minLength: 1, maxLength: 40 }),
    summary: text(100),
    happiness: fc.integer({ min: 1, max: 5 }),
    importId: id,
  },
  { noNullPrototype: true, requiredKeys: ['id', 'contactId', 'sellerId', 'kind', 'direction', 'at', 'source'] },
);

const purchase: fc.Arbitrary<Purchase> = fc.record(
  {
    id,
    accountId: id,
    contactId: id,
    amount: fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }),
    currency: fc.stringMatching(/^[A-Z]{3}$/),
    at: time,
    product: text(50),
    importId: id,
  },
  { noNullPrototype: true, requiredKeys: ['id', 'accountId', 'amount', 'currency', 'at'] },
);

const followUp: fc.Arbitrary<FollowUp> = fc.record(
  {
    id,
    contactId: id,
    due: calendarDate,
    kind: fc.constantFrom(...FollowUpKind.options),
    reason: fc.record(
      {
        code: fc.string({ minLength: 1, maxLength: 60 }),
        params: fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.oneof(fc.string(), fc.integer()), {
          noNullPrototype: true,
        }),
      },
      { noNullPrototype: true },
    ),
    state: fc.constantFrom(...FollowUpState.options),
    liveFor: id,
    snoozedUntil: calendarDate,
    createdAt: time,
    closedAt: time,
  },
  { noNullPrototype: true, requiredKeys: ['id', 'contactId', 'due', 'kind', 'reason', 'state', 'createdAt'] },
);

const unique = <T extends { id: string }>(record: fc.Arbitrary<T>) =>
  fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 6 });

/** Keeps only the first holder of each key, as the store's unique indexes do. */
function firstHolders<T>(records: T[], keys: (r: T) => string[]): T[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const mine = keys(r);
    if (mine.some((k) => seen.has(k))) return false;
    for (const k of mine) seen.add(k);
    return true;
  });
}

/** Any data set the store could hold. */
export const dataSet: fc.Arbitrary<BackupData> = fc
  .record(
    {
      sellers: unique(seller),
      accounts: unique(account),
      contacts: unique(contact),
      touches: unique(touch),
      purchases: unique(purchase),
      followUps: unique(followUp),
    },
    { noNullPrototype: true },
  )
  .map((data) => ({
    ...data,
    contacts: firstHolders(data.contacts, (c) => [
      ...c.emails.map((e) => `e:${e}`),
      ...(c.linkedinId ? [`l:${c.linkedinId}`] : []),
    ]).map((c) => ({ ...c, emails: [...new Set(c.emails)] })),
    touches: firstHolders(data.touches, (t) => (t.sourceId ? [`${t.sourceId}\u0000${t.contactId}`] : [])),
    followUps: firstHolders(data.followUps, (f) => (f.liveFor ? [f.liveFor] : [])),
  }));
