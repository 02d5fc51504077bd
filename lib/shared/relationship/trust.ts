import type { TrustLevel } from '@/lib/shared/model';
import { dateOf } from './calendar';
import { cadenceOf, type RelationshipContext } from './context';
import { type RelationshipReason, reason } from './reasons';
import type { ContactSummary } from './summary';
import { type TrustSignals, trustSignals } from './trust-signals';

/**
 * Trust, 0-100, from the summary:
 *
 *   score = 100 × base × answered × mood
 *   base  = 0.30 recency + 0.25 frequency + 0.25 happiness + 0.10 tenure + 0.10 breadth
 *
 * - `answered` = min(1, reciprocity / 0.8). One-way contact is no trust: if they never answer,
 *   nothing else counts. Answering four messages in five is as good as it gets (people miss mail).
 * - `mood` = min(1, 0.4 + 1.2 × happiness). Said unhappy weighs on everything: 2/5 keeps at
 *   most 70% of the score, 1/5 at most 40%; "don't know" (0.5) and happier cost nothing.
 * - Recency leads because trust lives in recent two-way contact; frequency and stated
 *   happiness are the next strongest evidence; tenure and breadth only add a little, since
 *   a long or wide relationship that has gone quiet should not look safe.
 *
 * Levels: 70 and above is full, 40 and above some, below none. Every factor is monotonic.
 */
export const WEIGHTS = { recency: 0.3, frequency: 0.25, happiness: 0.25, tenure: 0.1, breadth: 0.1 } as const;
export const FULL_RECIPROCITY = 0.8;
export const THRESHOLDS = { full: 70, some: 40 } as const;

export interface Trust {
  /** The level to show: the seller's override while it lasts, else the computed one. */
  level: TrustLevel;
  /** The computed score; an override never changes it. */
  score: number;
  computedLevel: TrustLevel;
  overridden: boolean;
  /** Strongest first; the UI shows the first one or two. */
  reasons: RelationshipReason[];
  signals: TrustSignals;
}

export const levelOf = (score: number): TrustLevel =>
  score >= THRESHOLDS.full ? 'full' : score >= THRESHOLDS.some ? 'some' : 'none';

export const LEVEL_RANK: Record<TrustLevel, number> = { none: 0, some: 1, full: 2 };

export function trust(summary: ContactSummary, ctx: RelationshipContext): Trust {
  const { facts, ...signals } = trustSignals(summary, ctx);
  const { base, answered, mood, score } = weigh(signals);
  const computedLevel = levelOf(score);

  // Each reason's pull: the points it adds above (or takes below) a middling value, so the
  // reasons that decided the level come first. Answers carry the whole score (without them
  // nothing counts), so full reciprocity is credited with a third of it.
  const pulls: [RelationshipReason, number][] = [];
  const additive = (k: keyof typeof WEIGHTS) => 100 * WEIGHTS[k] * (signals[k] - 0.5) * answered * mood;
  const replied = reason('replied_ratio', { replied: facts.replied, of: facts.settled });
  if (summary.lastTwoWayAt === undefined) {
    if (facts.settled > 0) pulls.push([replied, -101]);
    pulls.push([reason('never_two_way', {}), -100]);
  } else {
    pulls.push([replied, answered < 1 ? -100 * base * mood * (1 - answered) : 0.3 * score]);
    const days = facts.silentDays ?? 0;
    const late = days > cadenceOf(ctx).idealDays;
    pulls.push([late ? reason('silent_days', { days }) : reason('recent_two_way', { days }), additive('recency')]);
    pulls.push([reason('regular', { months: facts.monthsInTouch, of: 12 }), additive('frequency')]);
    if (facts.tenureMonths >= 1) pulls.push([reason('tenure', { months: facts.tenureMonths }), additive('tenure')]);
    pulls.push([reason('breadth', { sellers: facts.sellers, contacts: facts.contacts }), additive('breadth')]);
  }
  const latest = summary.checkIns[0];
  if (latest) {
    const lost = 100 * base * answered * (1 - mood);
    pulls.push([
      reason('happy', { happiness: latest.happiness, date: dateOf(latest.at, ctx.timeZone) }),
      additive('happiness') - lost,
    ]);
  }
  const reasons = pulls.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).map(([r]) => r);

  const override = activeOverride(ctx);
  if (override) {
    reasons.unshift(reason('override', { level: override.level, until: dateOf(override.until, ctx.timeZone) }));
  }
  return { level: override?.level ?? computedLevel, score, computedLevel, overridden: !!override, reasons, signals };
}

/**
 * The computed score alone, without the reasons (which date check-ins in the seller's zone and
 * sort): for a trust fall, worked out twice per customer at every month's end of the bucket.
 */
export function trustScore(summary: ContactSummary, ctx: RelationshipContext): number {
  return weigh(trustSignals(summary, ctx)).score;
}

function weigh(signals: TrustSignals) {
  const base = (Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]).reduce((sum, k) => sum + WEIGHTS[k] * signals[k], 0);
  const answered = Math.min(1, signals.reciprocity / FULL_RECIPROCITY);
  const mood = Math.min(1, 0.4 + 1.2 * signals.happiness);
  return { base, answered, mood, score: clampScore(100 * base * answered * mood) };
}

/** An override counts until its `until`; after that the computed level shows again. */
export function activeOverride(ctx: Pick<RelationshipContext, 'trustOverride' | 'now'>) {
  const o = ctx.trustOverride;
  return o && ctx.now < o.until ? o : undefined;
}

function clampScore(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, Math.round(value))) : 0;
}

/**
 * The score the cadence should follow: the computed one, moved into the override's band
 * while an override lasts (a hand-set "full" counts as 70 at least; "none" as 39 at most).
 */
export function effectiveScore(t: Trust): number {
  if (!t.overridden) return t.score;
  if (t.level === 'full') return Math.max(t.score, THRESHOLDS.full);
  if (t.level === 'some') return Math.min(Math.max(t.score, THRESHOLDS.some), THRESHOLDS.full - 1);
  return Math.min(t.score, THRESHOLDS.some - 1);
}
