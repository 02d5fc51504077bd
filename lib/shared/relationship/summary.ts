import { z } from 'zod';

/**
 * A contact's relationship in a few hundred bytes: everything trust and next touch need,
 * so the popup and sidebar never read a contact's touches. The background recomputes it
 * with `summarize` whenever that contact's touches or follow-ups change, and stores it.
 *
 * It depends on the touches only, never on `now`: time passing does not make it stale.
 * Every list is bounded; every value is a plain number, string or boolean (JSON-safe).
 */
export const SUMMARY_VERSION = 1;

export const KEPT = {
  attempts: 10,
  checkIns: 3,
  kinds: 6,
  sellers: 10,
  /** Months of two-way counts, up to the month of the latest two-way contact. */
  months: 24,
  silences: 40,
} as const;

/** Gaps between two-way contacts shorter than this are not kept as silences. */
export const SILENCE_MIN_DAYS = 7;

/** The kinds that give or ask, remembered so the rotation never asks twice in a row. */
export const RotationKind = z.enum(['check-in', 'value-add', 'something-new', 'introduce', 'offer']);
export type RotationKind = z.infer<typeof RotationKind>;

const At = z.number();
const Count = z.number().int().nonnegative();

export const ContactSummary = z.object({
  version: z.literal(SUMMARY_VERSION),
  contactId: z.string(),
  /** Touches that are contact (all but profile visits and notes), by side. */
  touchCount: Count,
  inboundCount: Count,
  outboundCount: Count,
  twoWayCount: Count,
  firstTouchAt: At.optional(),
  lastTouchAt: At.optional(),
  firstTwoWayAt: At.optional(),
  lastTwoWayAt: At.optional(),
  lastInboundAt: At.optional(),
  lastOutboundAt: At.optional(),
  /** The latest seller-side touch of any kind (a message, a meeting, a logged give). */
  lastSellerAt: At.optional(),
  lastMeetingAt: At.optional(),
  /**
   * The Gmail thread of the newest e-mail that has one, so the popup's Open goes straight to it.
   * Optional without a version change: an older summary just lacks it until its next refresh.
   */
  lastThreadId: z.string().optional(),
  /** The latest follow-up the seller marked done or dismissed. */
  lastClosedAt: At.optional(),
  /** The first customer message still waiting for an answer (a dismissed reply clears it). */
  replyOwedSince: At.optional(),
  /** Seller messages in a row with no answer since the customer's last word. */
  unanswered: z.object({ count: Count, since: At, lastAt: At }).optional(),
  /** The latest seller-side touches, newest first: did each get (or give) an answer? */
  attempts: z.array(z.object({ at: At, reciprocated: z.boolean() })).max(KEPT.attempts),
  /** The latest check-in answers, newest first. */
  checkIns: z.array(z.object({ at: At, happiness: z.number().int().min(1).max(5) })).max(KEPT.checkIns),
  /** The latest gives and asks (logged touches and completed follow-ups), newest first. */
  recentKinds: z.array(z.object({ kind: RotationKind, at: At })).max(KEPT.kinds),
  /** Sellers who had two-way contact with this person, most recent first. */
  sellers: z.array(z.object({ id: z.string(), lastTwoWayAt: At })).max(KEPT.sellers),
  /** Two-way contacts per UTC month (`YYYY-MM`), oldest first; months without any are left out. */
  twoWayByMonth: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), count: Count })).max(KEPT.months),
  /** Gaps of more than a week between two-way contacts, oldest first: history for the leaky bucket. */
  silences: z.array(z.object({ from: At, to: At })).max(KEPT.silences),
});
export type ContactSummary = z.infer<typeof ContactSummary>;

/**
 * Nothing known yet: no touch and no closed follow-up. The store keeps no such summary (a
 * missing one means this), so importing 10,000 new contacts writes 10,000 fewer records.
 */
export function isEmptySummary(summary: ContactSummary): boolean {
  const empty: Record<string, unknown> = emptySummary(summary.contactId);
  const keys = Object.keys(summary) as (keyof ContactSummary)[];
  return (
    keys.length === Object.keys(empty).length &&
    keys.every((key) => JSON.stringify(summary[key]) === JSON.stringify(empty[key]))
  );
}

/** The summary of a contact with no touches yet. */
export function emptySummary(contactId: string): ContactSummary {
  return {
    version: SUMMARY_VERSION,
    contactId,
    touchCount: 0,
    inboundCount: 0,
    outboundCount: 0,
    twoWayCount: 0,
    attempts: [],
    checkIns: [],
    recentKinds: [],
    sellers: [],
    twoWayByMonth: [],
    silences: [],
  };
}

/**
 * The same summary with every field present, always in one order (undefined where it has
 * none). Summaries made by `summarize` or read from the store differ in which optional fields
 * they carry, so code that reads thousands of them meets dozens of object shapes and V8's
 * property look-ups turn generic: the leaky bucket of the bench's book, which reads each
 * customer's summary at every month's end, ran in about half the time on copies made this way
 * (test/bench/experiments/bucket-cost.ts). For reading only: stored, the empty fields would be
 * written too.
 */
export function sameShape(s: ContactSummary): ContactSummary {
  return {
    version: s.version,
    contactId: s.contactId,
    touchCount: s.touchCount,
    inboundCount: s.inboundCount,
    outboundCount: s.outboundCount,
    twoWayCount: s.twoWayCount,
    firstTouchAt: s.firstTouchAt,
    lastTouchAt: s.lastTouchAt,
    firstTwoWayAt: s.firstTwoWayAt,
    lastTwoWayAt: s.lastTwoWayAt,
    lastInboundAt: s.lastInboundAt,
    lastOutboundAt: s.lastOutboundAt,
    lastSellerAt: s.lastSellerAt,
    lastMeetingAt: s.lastMeetingAt,
    lastThreadId: s.lastThreadId,
    lastClosedAt: s.lastClosedAt,
    replyOwedSince: s.replyOwedSince,
    unanswered: s.unanswered,
    attempts: s.attempts,
    checkIns: s.checkIns,
    recentKinds: s.recentKinds,
    sellers: s.sellers,
    twoWayByMonth: s.twoWayByMonth,
    silences: s.silences,
  };
}
