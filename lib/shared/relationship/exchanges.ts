import type { Touch } from '@/lib/shared/model';
import { DAY_MS } from './calendar';

/**
 * Turns one contact's touches into exchanges: which contact was two-way, which messages got
 * an answer, who is waiting on whom.
 *
 * Two-way contact (the definition, refined so it can be counted):
 * - a meeting or a call is two-way by itself, and so is a check-in with an answer (1-5):
 *   the customer told the seller how happy they are;
 * - a customer's message within 14 days after a seller-side touch is two-way;
 * - so is the first seller message within 14 days after a customer's message (later ones
 *   before the customer writes again are new questions, which may go unanswered).
 * Each such touch is one two-way contact, at its own time. Adding a customer message can
 * only add two-way contacts, never remove one: trust is monotonic in answers.
 */
export const ANSWER_WINDOW_MS = 14 * DAY_MS;

/** Who a touch came from, as far as reciprocity goes. */
export type Side = 'seller' | 'customer' | 'both';

export function sideOf(t: Pick<Touch, 'kind' | 'direction' | 'happiness'>): Side | undefined {
  // A profile visit and an internal note are recorded but are not contact with the customer.
  if (t.kind === 'linkedin-visit' || t.kind === 'note') return undefined;
  if (t.kind === 'meeting' || t.kind === 'call') return 'both';
  if (t.kind === 'check-in' && t.happiness !== undefined) return 'both';
  if (t.direction === 'inbound') return 'customer';
  if (t.direction === 'outbound') return 'seller';
  // Logged gives and asks without a direction are the seller's own doing.
  if (t.kind === 'check-in' || t.kind === 'value-add' || t.kind === 'offer') return 'seller';
  // An e-mail or message of unknown direction is contact, but says nothing about who answered.
  return undefined;
}

export interface Attempt {
  at: number;
  /** Answered by the customer within the window, or itself an answer to them. */
  reciprocated: boolean;
}

export interface Exchanges {
  /** Touches that count as contact (everything but visits and notes), oldest first. */
  counted: Touch[];
  /** Two-way contacts, oldest first, with the seller who took part. */
  twoWay: { at: number; sellerId: string }[];
  /** Seller-side touches (messages, meetings, calls, answered check-ins), oldest first. */
  attempts: Attempt[];
  /** The first customer message still waiting for any seller touch. */
  replyOwedSince?: number;
  /** Seller messages after the customer's last word that are not answers, oldest first. */
  unanswered: number[];
}

const SIDE_ORDER: Record<Side, number> = { customer: 0, both: 1, seller: 2 };

export function exchangesOf(touches: readonly Touch[]): Exchanges {
  const counted = touches
    .filter((t) => Number.isFinite(t.at) && t.kind !== 'linkedin-visit' && t.kind !== 'note')
    // Same instant: the customer's side first, so a reply logged in the same second as the
    // message it answers does not count as coming before it.
    .sort((a, b) => a.at - b.at || rank(a) - rank(b) || String(a.id).localeCompare(String(b.id)));

  const twoWay: Exchanges['twoWay'] = [];
  const attempts: Attempt[] = [];
  // Seller touches since the customer's last word, each with its attempt record.
  let sellerRun: Attempt[] = [];
  let lastSellerSide: { at: number; sellerId: string } | undefined;
  let replyOwedSince: number | undefined;
  let lastCustomerAt: number | undefined;
  const within = (later: number, earlier: number | undefined) =>
    earlier !== undefined && later - earlier <= ANSWER_WINDOW_MS;

  for (const t of counted) {
    const side = sideOf(t);
    if (side === 'both') {
      twoWay.push({ at: t.at, sellerId: t.sellerId });
      for (const s of sellerRun) if (within(t.at, s.at)) s.reciprocated = true;
      attempts.push({ at: t.at, reciprocated: true });
      sellerRun = [];
      lastSellerSide = { at: t.at, sellerId: t.sellerId };
      replyOwedSince = undefined;
    } else if (side === 'customer') {
      for (const s of sellerRun) if (within(t.at, s.at)) s.reciprocated = true;
      if (lastSellerSide && within(t.at, lastSellerSide.at))
        twoWay.push({ at: t.at, sellerId: lastSellerSide.sellerId });
      sellerRun = [];
      replyOwedSince ??= t.at;
      lastCustomerAt = t.at;
    } else if (side === 'seller') {
      const attempt = { at: t.at, reciprocated: replyOwedSince !== undefined && within(t.at, lastCustomerAt) };
      if (attempt.reciprocated) twoWay.push({ at: t.at, sellerId: t.sellerId });
      attempts.push(attempt);
      sellerRun.push(attempt);
      lastSellerSide = { at: t.at, sellerId: t.sellerId };
      replyOwedSince = undefined;
    }
  }

  const unanswered = sellerRun.filter((s) => !s.reciprocated).map((s) => s.at);
  return { counted, twoWay, attempts, unanswered, ...(replyOwedSince === undefined ? {} : { replyOwedSince }) };
}

function rank(t: Touch): number {
  const side = sideOf(t);
  return side ? SIDE_ORDER[side] : 3;
}
