import { lastTwoWayBefore } from './as-of';
import { DAY_MS } from './calendar';
import { cadenceOf, type RelationshipContext } from './context';
import { type RelationshipReason, reason } from './reasons';
import type { ContactSummary } from './summary';
import { LEVEL_RANK, levelOf, trustScore } from './trust';

/**
 * Whether a customer is safe, at risk or lost (the definitions):
 * - lost: marked former, or no two-way contact for three times their longest gap;
 * - at risk: no two-way contact for longer than their longest gap, or trust fell a level
 *   in the last 30 days (the computed level: an override cannot hide a cooling relationship).
 * Silence counts from the last two-way contact, or from when they became a customer if that
 * is later: a new customer is not at risk for lack of contact from before they bought.
 */
export type RiskState = 'healthy' | 'at-risk' | 'lost' | 'not-customer';

export interface Risk {
  state: RiskState;
  reasons: RelationshipReason[];
}

export const LOST_AFTER_GAPS = 3;
export const TRUST_FALL_WINDOW_DAYS = 30;

export function riskOf(summary: ContactSummary, ctx: RelationshipContext): Risk {
  return assess(summary, ctx, false);
}

/**
 * The state alone, as `riskOf` has it for the summary as it was at `ctx.now`: a customer past
 * their longest gap is at risk whatever trust did, so trust (worked out twice, now and 30 days
 * ago) is not worked out for them. For the leaky bucket, which asks this of every customer at
 * every month's end of two years (0.79 s → 0.50 s for the bench's book).
 */
export function riskStateOf(summary: ContactSummary, ctx: RelationshipContext): RiskState {
  return assess(summary, ctx, true).state;
}

/**
 * `stateOnly`: stop at the first reason that settles the state. `summary` may reach past
 * `ctx.now`: the silence and trust read it as it stood then.
 */
function assess(summary: ContactSummary, ctx: RelationshipContext, stateOnly: boolean): Risk {
  if (ctx.status === 'former') return { state: 'lost', reasons: [reason('marked_former', {})] };
  if (ctx.status !== 'customer') return { state: 'not-customer', reasons: [] };

  const { maxDays } = cadenceOf(ctx);
  const since = Math.max(lastTwoWayBefore(summary, ctx.now) ?? -Infinity, ctx.customerSince ?? ctx.since);
  const days = Math.max(0, Math.floor((ctx.now - since) / DAY_MS));
  if (days >= LOST_AFTER_GAPS * maxDays) return { state: 'lost', reasons: [reason('gone_silent', { days })] };

  const reasons: RelationshipReason[] = [];
  if (days > maxDays) {
    reasons.push(reason('past_max_gap', { days, maxDays }));
    if (stateOnly) return { state: 'at-risk', reasons };
  }
  const fell = trustFall(summary, ctx);
  if (fell) reasons.push(fell);
  return { state: reasons.length ? 'at-risk' : 'healthy', reasons };
}

/**
 * The trust_fell reason when the computed level is lower now than 30 days ago. A score a few
 * points under a threshold is not yet a fall: recency alone moves a steady weekly customer by
 * that much between Monday and Friday, and a steady customer must not flicker into "at risk".
 */
export const TRUST_FALL_MARGIN = 5;

export function trustFall(summary: ContactSummary, ctx: RelationshipContext): RelationshipReason | undefined {
  // Computed scores: an override never hides a fall. Trust reads the summary as it stood at
  // the context's `now`, so 30 days ago needs no copy of it.
  const now = trustScore(summary, ctx);
  const then = levelOf(trustScore(summary, { ...ctx, now: ctx.now - TRUST_FALL_WINDOW_DAYS * DAY_MS }));
  const fell = LEVEL_RANK[levelOf(now + TRUST_FALL_MARGIN)] < LEVEL_RANK[then];
  return fell ? reason('trust_fell', { from: then, to: levelOf(now) }) : undefined;
}
