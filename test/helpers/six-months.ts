import type { DataSet, Touch } from '@/lib/shared/model';
import type { BucketContact } from '@/lib/shared/relationship';
import { checkIn, DAY, inbound, meeting, NOW, outbound, ZONE } from '../unit/shared/relationship/histories';
import { account, contact, purchase } from './records';

/**
 * Six known months of a book of business, October 2025 to March 2026, in Berlin, medium tier
 * everywhere (at risk after 60 days without two-way contact, lost after 180), with the leaky
 * bucket the engine must give for them. The engine's own test and the dashboard's end-to-end
 * test both use it, so the chart is held to the same numbers.
 */
export { NOW, ZONE };

const at = (date: string) => Date.parse(`${date}T12:00:00+01:00`);

/** A steady relationship: an exchange every week and a 5/5 check-in every four weeks. */
function steady(contactId: string, from: string, to: string): Touch[] {
  const touches: Touch[] = [];
  for (let t = at(from), week = 0; t <= Math.min(at(to), NOW); t += 7 * DAY, week++) {
    touches.push(inbound(t - DAY, { contactId }), outbound(t, { contactId }));
    if (week % 4 === 0) touches.push({ ...checkIn(t + 3_600_000, 5), contactId });
  }
  return touches;
}

const customer = (id: string, accountId: string, history: [BucketContact['status'], string][]): BucketContact => ({
  id,
  accountId,
  status: history.at(-1)?.[0] ?? 'customer',
  statusHistory: history.map(([status, date]) => ({ status, at: at(date) })),
  createdAt: at(history[0]?.[1] ?? '2024-01-01'),
});

export const SIX_MONTHS_CONTACTS = [
  // acme: a prospect won in October, in touch every week.
  customer('a1', 'acme', [
    ['prospect', '2025-06-01'],
    ['customer', '2025-10-15'],
  ]),
  // core: a long-time customer marked former in January.
  customer('c1', 'core', [
    ['customer', '2024-01-01'],
    ['former', '2026-01-10'],
  ]),
  // dune: silent since 20 August 2025: at risk from 19 October, lost from 16 February.
  customer('d1', 'dune', [['customer', '2024-06-01']]),
  // echo: two customer contacts; losing one does not lose the account.
  customer('e1', 'echo', [
    ['customer', '2024-03-01'],
    ['former', '2025-12-05'],
  ]),
  customer('e2', 'echo', [['customer', '2024-03-01']]),
  // fern: former in November, won back in February.
  customer('f1', 'fern', [
    ['customer', '2024-02-01'],
    ['former', '2025-11-03'],
    ['customer', '2026-02-10'],
  ]),
];

export const SIX_MONTHS_TOUCHES = [
  ...steady('a1', '2025-06-01', '2026-03-11'),
  ...steady('c1', '2025-01-01', '2026-01-05'),
  ...steady('d1', '2025-01-01', '2025-08-20'),
  ...steady('e1', '2025-01-01', '2025-12-01'),
  ...steady('e2', '2025-01-01', '2026-03-11'),
  ...steady('f1', '2025-01-01', '2025-10-25'),
  meeting(at('2026-02-12'), { contactId: 'f1' }),
];

// bolt: won by its first purchase in November, with no customer contact on record.
export const SIX_MONTHS_PURCHASES = [{ accountId: 'bolt', at: at('2025-11-20') }];
export const SIX_MONTHS_ACCOUNTS = ['acme', 'bolt', 'core', 'dune', 'echo', 'fern'];

/** Month, won, lost, at risk, net, active: what the engine gives for these six months. */
export const SIX_MONTHS_EXPECTED: [string, string[], string[], string[], number, number][] = [
  ['2025-10', ['acme'], [], ['dune'], 1, 5],
  ['2025-11', ['bolt'], ['fern'], ['dune'], 0, 5],
  ['2025-12', [], [], ['dune'], 0, 5],
  ['2026-01', [], ['core'], ['dune'], -1, 4],
  ['2026-02', ['fern'], ['dune'], [], 0, 4],
  ['2026-03', [], [], [], 0, 4],
];

/** The same book as whole records, to seed a store through the protocol. */
export function sixMonthsDataSet(): Partial<DataSet> {
  return {
    accounts: SIX_MONTHS_ACCOUNTS.map((id) =>
      account({ id, name: id[0]?.toUpperCase() + id.slice(1), domains: [`${id}.example`], valueTier: 'medium' }),
    ),
    contacts: SIX_MONTHS_CONTACTS.map((c) =>
      contact({
        ...c,
        name: `Contact ${c.id}`,
        emails: [`${c.id}@${c.accountId}.example`],
        createdAt: c.createdAt,
        updatedAt: c.createdAt,
      }),
    ),
    touches: SIX_MONTHS_TOUCHES,
    purchases: SIX_MONTHS_PURCHASES.map((p, i) =>
      purchase({ id: `p${i}`, accountId: p.accountId, at: p.at, amount: 1000, currency: 'EUR' }),
    ),
  };
}
