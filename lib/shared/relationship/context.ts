import type { Account, Contact, ContactStatus, Settings, TrustLevel, ValueTier } from '@/lib/shared/model';
import { convertedAt, customerSince, statusSince } from './status';

export interface CadenceDays {
  /** Aim for two-way contact this often. */
  idealDays: number;
  /** Never let two-way contact lapse longer than this. */
  maxDays: number;
}
export type CadenceTable = Readonly<Record<ValueTier, CadenceDays>>;

/** What the account adds to one contact's picture; cheap for the background to keep at hand. */
export interface AccountFacts {
  productCount: number;
  lastPurchaseAt?: number;
  /** Contacts at the account with two-way contact in the last 180 days (see `coverage`). */
  contactsInTouch: number;
  /** Sellers with two-way contact at the account in the last 180 days. */
  sellersInTouch: number;
}

/**
 * Everything about a contact, besides the summary, that trust and next touch read. Plain
 * data, so the same context gives the same answer in the sidebar, the popup and the tests.
 */
export interface RelationshipContext {
  now: number;
  /** IANA zone due dates are in; '' means the runtime's own. */
  timeZone: string;
  status: ContactStatus;
  activeProspect: boolean;
  /** The contact's own tier, else the account's, else medium. */
  tier: ValueTier;
  cadence: CadenceTable;
  trustOverride?: { level: TrustLevel; setAt: number; until: number };
  /** When the present status began: a cadence with no two-way contact yet counts from here. */
  since: number;
  /** When they became the customer they are now (absent when they are not one). */
  customerSince?: number;
  /** When they changed to customer from another status, when that is recorded: a new customer. */
  convertedAt?: number;
  account: AccountFacts;
}

const FALLBACK: CadenceTable = {
  high: { idealDays: 14, maxDays: 30 },
  medium: { idealDays: 30, maxDays: 60 },
  low: { idealDays: 60, maxDays: 120 },
};

/** The tier's cadence, made safe to compute with: at least a day, and a maximum no shorter than the ideal. */
export function cadenceOf(ctx: Pick<RelationshipContext, 'cadence' | 'tier'>): CadenceDays {
  const raw = ctx.cadence[ctx.tier] ?? FALLBACK[ctx.tier] ?? FALLBACK.medium;
  const idealDays = Math.max(1, Number.isFinite(raw.idealDays) ? raw.idealDays : 30);
  const maxDays = Math.max(idealDays, Number.isFinite(raw.maxDays) ? raw.maxDays : idealDays);
  return { idealDays, maxDays };
}

/** Customers always have a cadence, prospects only while marked active; nobody else has one. */
export function hasCadence(ctx: Pick<RelationshipContext, 'status' | 'activeProspect'>): boolean {
  return ctx.status === 'customer' || (ctx.status === 'prospect' && ctx.activeProspect);
}

export function tierOf(contact: Pick<Contact, 'valueTier'>, account?: Pick<Account, 'valueTier'>): ValueTier {
  return contact.valueTier ?? account?.valueTier ?? 'medium';
}

export interface ContextSources {
  contact: Pick<Contact, 'status' | 'activeProspect' | 'valueTier' | 'trustOverride' | 'statusHistory' | 'createdAt'>;
  account?: Pick<Account, 'valueTier' | 'products'>;
  settings: Pick<Settings, 'cadence' | 'timeZone'>;
  now: number;
  /** The account's latest purchase, from the purchases index. */
  lastPurchaseAt?: number;
  /** The account's coverage; without it the contact is taken as the only one, with one seller. */
  coverage?: { sellers: readonly string[]; contacts: readonly string[] };
}

/** Builds the context from the records the background already holds. */
export function contextFor({
  contact,
  account,
  settings,
  now,
  lastPurchaseAt,
  coverage,
}: ContextSources): RelationshipContext {
  const ctx: RelationshipContext = {
    now,
    timeZone: settings.timeZone,
    status: contact.status,
    activeProspect: contact.activeProspect,
    tier: tierOf(contact, account),
    cadence: settings.cadence,
    since: statusSince(contact, now),
    account: {
      productCount: account?.products.length ?? 0,
      contactsInTouch: coverage?.contacts.length ?? 1,
      sellersInTouch: coverage?.sellers.length ?? 1,
      ...(lastPurchaseAt === undefined ? {} : { lastPurchaseAt }),
    },
  };
  const since = customerSince(contact, now);
  const converted = convertedAt(contact, now);
  if (since !== undefined && contact.status === 'customer') ctx.customerSince = since;
  if (converted !== undefined && contact.status === 'customer') ctx.convertedAt = converted;
  if (contact.trustOverride) ctx.trustOverride = contact.trustOverride;
  return ctx;
}
