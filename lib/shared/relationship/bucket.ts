import type { Account, Contact, Purchase } from '@/lib/shared/model';
import { addMonths, dateOf, monthOfDate, startOfDate } from './calendar';
import { type CadenceTable, type RelationshipContext, tierOf } from './context';
import { riskStateOf } from './risk';
import { customerSince, firstCustomerAt, statusAt, statusSince } from './status';
import { type ContactSummary, emptySummary, sameShape } from './summary';

/**
 * The leaky bucket: accounts won, lost and at risk per calendar month (in the seller's zone),
 * recomputed from history (status changes, purchases, summaries), so any past month can be
 * computed again and gives the same answer.
 *
 * - Won: the account's first purchase or first customer contact; a lost account that comes
 *   back (a contact is customer again, or contact resumes) is won again.
 * - Lost: every contact that has been a customer is lost (marked former, no longer a
 *   customer, or silent for three times their longest gap). An account won by a purchase
 *   alone, with no customer contact on record, is never counted lost: nobody to lose.
 * - At risk: counted at the month's end (now, for the current month): an account not lost
 *   none of whose customer contacts is safe.
 * A contact with no account counts as an account of its own.
 */
export type BucketContact = Pick<Contact, 'id' | 'accountId' | 'status' | 'statusHistory' | 'createdAt' | 'valueTier'>;

export interface BucketInput {
  contacts: readonly BucketContact[];
  accounts: readonly Pick<Account, 'id' | 'valueTier'>[];
  purchases: readonly Pick<Purchase, 'accountId' | 'at'>[];
  summaries: readonly ContactSummary[];
  cadence: CadenceTable;
  timeZone: string;
  now: number;
  /** How many months to return, ending with the current one. */
  months?: number;
}

export interface BucketMonth {
  /** `YYYY-MM` in the seller's zone. */
  month: string;
  won: number;
  lost: number;
  atRisk: number;
  /** Won minus lost. */
  net: number;
  /** Customer accounts (won and not lost) at the month's end. */
  active: number;
  wonAccounts: string[];
  lostAccounts: string[];
  atRiskAccounts: string[];
}

type AccountState = { state: 'none' | 'active' | 'lost'; atRisk: boolean };

export function leakyBucket(input: BucketInput): BucketMonth[] {
  const { timeZone, now } = input;
  const accounts = groupAccounts(input);
  const current = monthOfDate(dateOf(now, timeZone));
  const count = Math.max(1, Math.floor(input.months ?? 12));
  const first = addMonths(current, -(count - 1));
  const startOf = (month: string) => startOfDate(`${month}-01`, timeZone);

  let before = new Map([...accounts].map(([id, a]) => [id, stateAt(a, startOf(first) - 1, input)]));
  const rows: BucketMonth[] = [];
  for (let i = 0; i < count; i++) {
    const month = addMonths(first, i);
    const start = startOf(month);
    const end = Math.min(startOf(addMonths(month, 1)) - 1, now);
    const [won, lost, atRisk]: [string[], string[], string[]] = [[], [], []];
    let active = 0;
    const after = new Map<string, AccountState>();
    for (const [id, account] of accounts) {
      const was = before.get(id)?.state;
      const is = stateAt(account, end, input);
      after.set(id, is);
      const wonThisMonth = account.wonAt !== undefined && account.wonAt >= start && account.wonAt <= end;
      if (wonThisMonth || (was !== 'active' && is.state === 'active')) won.push(id);
      if (is.state === 'lost' && (was === 'active' || wonThisMonth)) lost.push(id);
      if (is.state === 'active' && is.atRisk) atRisk.push(id);
      if (is.state === 'active') active++;
    }
    rows.push({
      month,
      won: won.length,
      lost: lost.length,
      atRisk: atRisk.length,
      net: won.length - lost.length,
      active,
      wonAccounts: won.sort(),
      lostAccounts: lost.sort(),
      atRiskAccounts: atRisk.sort(),
    });
    before = after;
  }
  return rows;
}

interface AccountHistory {
  wonAt?: number;
  contacts: { contact: BucketContact; summary: ContactSummary; wonAt: number }[];
  tier?: Pick<Account, 'valueTier'>;
}

function groupAccounts({ contacts, accounts, purchases, summaries }: BucketInput): Map<string, AccountHistory> {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const summaryOf = new Map(summaries.map((s) => [s.contactId, s]));
  const result = new Map<string, AccountHistory>();
  const entry = (id: string) => {
    let a = result.get(id);
    if (!a) {
      a = { contacts: [] };
      const tier = byId.get(id);
      if (tier) a.tier = tier;
      result.set(id, a);
    }
    return a;
  };
  const won = (a: AccountHistory, at: number) => {
    a.wonAt = a.wonAt === undefined ? at : Math.min(a.wonAt, at);
  };
  for (const p of purchases) won(entry(p.accountId), p.at);
  for (const contact of contacts) {
    const wonAt = firstCustomerAt(contact);
    if (wonAt === undefined) continue;
    const a = entry(contact.accountId ?? `contact:${contact.id}`);
    // One shape for every summary: each is read at every month's end (sameShape).
    a.contacts.push({ contact, summary: sameShape(summaryOf.get(contact.id) ?? emptySummary(contact.id)), wonAt });
    won(a, wonAt);
  }
  return result;
}

function stateAt(account: AccountHistory, at: number, input: BucketInput): AccountState {
  if (account.wonAt === undefined || at < account.wonAt) return { state: 'none', atRisk: false };
  const customers = account.contacts.filter((c) => c.wonAt <= at);
  if (customers.length === 0) return { state: 'active', atRisk: false };
  // One healthy customer settles it: the others need not be worked out (most accounts of a
  // book are healthy, and this runs for every account at every month's end).
  let kept = false;
  for (const { contact, summary } of customers) {
    if (statusAt(contact, at) !== 'customer') continue;
    const state = riskStateOf(summary, contextAt(contact, account, at, input));
    if (state === 'healthy') return { state: 'active', atRisk: false };
    if (state !== 'lost') kept = true;
  }
  return kept ? { state: 'active', atRisk: true } : { state: 'lost', atRisk: false };
}

function contextAt(contact: BucketContact, account: AccountHistory, at: number, input: BucketInput) {
  const ctx: RelationshipContext = {
    now: at,
    timeZone: input.timeZone,
    status: 'customer',
    activeProspect: false,
    tier: tierOf(contact, account.tier),
    cadence: input.cadence,
    since: statusSince(contact, at),
    account: { productCount: 0, contactsInTouch: 1, sellersInTouch: 1 },
  };
  const since = customerSince(contact, at);
  if (since !== undefined) ctx.customerSince = since;
  return ctx;
}
