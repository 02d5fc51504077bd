import type { Reason } from '@/lib/shared/model';

/**
 * Every reason the relationship engine gives, with its parameters. Reasons are codes, not
 * sentences, so the UI can word them in the seller's language; `describeReason` is the plain
 * English wording. Dates are calendar dates (`YYYY-MM-DD`) in the seller's zone; levels are
 * `none | some | full`.
 */
type None = Record<string, never>;

export type ReasonParams = {
  // Trust.
  /** Of the seller's last `of` settled messages, `replied` got an answer (or answered them). */
  replied_ratio: { replied: number; of: number };
  /** Not a single two-way exchange on record. */
  never_two_way: None;
  /** Days since the last two-way contact, when that is longer than the usual rhythm. */
  silent_days: { days: number };
  /** Days since the last two-way contact, when it is recent. */
  recent_two_way: { days: number };
  /** Months with two-way contact among the last `of` months. */
  regular: { months: number; of: number };
  /** The latest answer to "are you happy?" (1-5) and when it was given. */
  happy: { happiness: number; date: string };
  /** Months between the first and the latest two-way contact. */
  tenure: { months: number };
  /** Sellers in two-way contact with this person, and contacts in touch at their account. */
  breadth: { sellers: number; contacts: number };
  /** The seller set the level by hand; it lapses after `until`. */
  override: { level: string; until: string };

  // Next touch: why now.
  /** They wrote on `date` and have had no answer. */
  reply_owed: { date: string };
  /** `count` messages in a row got no answer, the first on `date`. */
  no_reply: { count: number; date: string };
  /** Their latest check-in answer was low. */
  unhappy: { happiness: number; date: string };
  /** The account bought something on `date`. */
  purchase: { date: string };
  /** They became a customer on `date`. */
  new_customer: { date: string };
  /** A meeting on `date` deserves a follow-up while it is fresh. */
  meeting: { date: string };
  /** The usual rhythm for this person, in days. */
  cadence: { days: number };

  // Next touch: why this kind.
  /** `touches` give/ask touches since the last check-in. */
  check_in_due: { touches: number };
  never_checked_in: None;
  /** Sellers and contacts in two-way contact at the account: one seller is thin coverage. */
  thin_coverage: { sellers: number; contacts: number };
  /** Products the account owns: few leave room to offer more. */
  few_products: { products: number };
  give_first: None;

  // Risk.
  /** No two-way contact for `days`, past the longest gap `maxDays`. */
  past_max_gap: { days: number; maxDays: number };
  /** No two-way contact for `days`, three times the longest gap: counted lost. */
  gone_silent: { days: number };
  /** The level fell within the last 30 days. */
  trust_fell: { from: string; to: string };
  marked_former: None;

  // Account coverage.
  lost_if_either_leaves: None;
  lost_if_seller_leaves: None;
  lost_if_contact_leaves: None;
  survives_departures: { sellers: number; contacts: number };
  no_coverage: None;
  meet_second_contact: None;
  bring_in_colleague: None;
  restart_contact: None;

  // Job change.
  same_company: { company: string };
  company_changed: { from: string; to: string };
  company_unknown: None;
  no_account: { company: string };
};

export type ReasonCode = keyof ReasonParams;

/** A reason as the engine makes it: the code decides the parameters. Fits the model's `Reason`. */
export type RelationshipReason = { [C in ReasonCode]: { code: C; params: ReasonParams[C] } }[ReasonCode];

/** Every code once (a missing or unknown one fails to compile), so tests and the UI can check each has a wording. */
const EVERY_CODE: Record<ReasonCode, true> = {
  replied_ratio: true,
  never_two_way: true,
  silent_days: true,
  recent_two_way: true,
  regular: true,
  happy: true,
  tenure: true,
  breadth: true,
  override: true,
  reply_owed: true,
  no_reply: true,
  unhappy: true,
  purchase: true,
  new_customer: true,
  meeting: true,
  cadence: true,
  check_in_due: true,
  never_checked_in: true,
  thin_coverage: true,
  few_products: true,
  give_first: true,
  past_max_gap: true,
  gone_silent: true,
  trust_fell: true,
  marked_former: true,
  lost_if_either_leaves: true,
  lost_if_seller_leaves: true,
  lost_if_contact_leaves: true,
  survives_departures: true,
  no_coverage: true,
  meet_second_contact: true,
  bring_in_colleague: true,
  restart_contact: true,
  same_company: true,
  company_changed: true,
  company_unknown: true,
  no_account: true,
};
export const REASON_CODES = Object.keys(EVERY_CODE) as ReasonCode[];

export function reason<C extends ReasonCode>(code: C, params: ReasonParams[C]): RelationshipReason {
  // Typed as the model's Reason first: this stops compiling if the two ever drift apart.
  const stored: Reason = { code, params };
  return stored as RelationshipReason;
}
