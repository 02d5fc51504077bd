import {
  type ContactSummary,
  contextFor,
  type NextTouch,
  type RelationshipContext,
  summarize,
} from '@/lib/shared/relationship';
import { type Account, type Contact, DEFAULT_SETTINGS, type FollowUp, type Touch } from '@/lib/shared/model';
import { account, contact, touch } from '../../../helpers/records';

/**
 * Histories for relationship stories, told from a fixed moment in a fixed zone:
 * Thursday 12 March 2026, 10:00 in Berlin.
 */
export const ZONE = 'Europe/Berlin';
export const NOW = Date.parse('2026-03-12T10:00:00+01:00');
export const TODAY = '2026-03-12';
export const DAY = 86_400_000;

export const daysAgo = (days: number, hours = 0) => NOW - days * DAY - hours * 3_600_000;

let serial = 0;
const make = (over: Partial<Touch>): Touch => touch({ id: `t${++serial}`, sourceId: `s${serial}`, ...over });

export const inbound = (at: number, over: Partial<Touch> = {}) =>
  make({ kind: 'email', direction: 'inbound', at, ...over });
export const outbound = (at: number, over: Partial<Touch> = {}) =>
  make({ kind: 'email', direction: 'outbound', at, ...over });
export const meeting = (at: number, over: Partial<Touch> = {}) =>
  make({ kind: 'meeting', direction: 'none', at, ...over });
export const checkIn = (at: number, happiness: number) =>
  make({ kind: 'check-in', direction: 'outbound', at, happiness, source: 'manual' });
export const logged = (kind: Touch['kind'], at: number) => make({ kind, direction: 'none', at, source: 'manual' });

/** The customer writes, the seller answers the next day: once a week for `weeks`, the last answer `endDaysAgo`. */
export function weeklyExchanges(weeks: number, endDaysAgo: number): Touch[] {
  const touches: Touch[] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const answeredAt = daysAgo(endDaysAgo + 7 * w);
    touches.push(inbound(answeredAt - DAY), outbound(answeredAt));
  }
  return touches;
}

export const done = (kind: FollowUp['kind'], closedAt: number) => ({ kind, state: 'done' as const, closedAt });

type ClosedFollowUp = Pick<FollowUp, 'kind' | 'state' | 'closedAt'>;

export function summaryOf(touches: Touch[], followUps: ClosedFollowUp[] = []): ContactSummary {
  return summarize({ contactId: 'contact-1', touches, followUps });
}

export interface Situation {
  contact?: Partial<Contact>;
  account?: Partial<Account>;
  now?: number;
  lastPurchaseAt?: number;
  coverage?: { sellers: string[]; contacts: string[] };
}

/** A customer at a medium-tier account with one product, one seller and one contact, unless told otherwise. */
export function contextOf(s: Situation = {}): RelationshipContext {
  return contextFor({
    contact: contact({ statusHistory: [{ status: 'customer', at: Date.parse('2023-01-10') }], ...s.contact }),
    account: account({ products: ['Starter'], ...s.account }),
    settings: { cadence: DEFAULT_SETTINGS.cadence, timeZone: ZONE },
    now: s.now ?? NOW,
    ...(s.lastPurchaseAt === undefined ? {} : { lastPurchaseAt: s.lastPurchaseAt }),
    coverage: s.coverage ?? { sellers: ['me'], contacts: ['contact-1'] },
  });
}

/** The due date of a next touch that must exist. */
export function dueOf(next: NextTouch | null): string {
  if (!next) throw new Error('expected a next touch');
  return next.due;
}
