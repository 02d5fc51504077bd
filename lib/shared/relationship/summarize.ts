import type { FollowUp, Touch } from '@/lib/shared/model';
import { addMonths, DAY_MS, utcMonthOf } from './calendar';
import { exchangesOf, sideOf } from './exchanges';
import { type ContactSummary, emptySummary, KEPT, RotationKind, SILENCE_MIN_DAYS } from './summary';

export interface SummaryInput {
  contactId: string;
  /** All of this contact's touches, in any order (touches of other contacts are ignored). */
  touches: readonly Touch[];
  /** This contact's follow-ups; only closed ones (done or dismissed) matter. */
  followUps?: readonly Pick<FollowUp, 'kind' | 'state' | 'closedAt'>[];
}

/** Computes a contact's summary from all of their touches. Pure; the background stores the result. */
export function summarize({ contactId, touches, followUps = [] }: SummaryInput): ContactSummary {
  const ex = exchangesOf(touches.filter((t) => t.contactId === contactId));
  const closed = followUps.filter(
    (f): f is typeof f & { closedAt: number } => (f.state === 'done' || f.state === 'dismissed') && f.closedAt != null,
  );
  const lastClosed = (kind?: FollowUp['kind']) =>
    maxOf(closed.filter((f) => !kind || f.kind === kind).map((f) => f.closedAt));

  const timesOf = (side: string) => ex.counted.filter((t) => sideOf(t) === side).map((t) => t.at);
  const inbound = timesOf('customer');
  const outbound = timesOf('seller');
  const twoWayTimes = ex.twoWay.map((e) => e.at);
  const summary: ContactSummary = {
    ...emptySummary(contactId),
    touchCount: ex.counted.length,
    inboundCount: inbound.length,
    outboundCount: outbound.length,
    twoWayCount: ex.twoWay.length,
    attempts: ex.attempts.slice(-KEPT.attempts).reverse(),
    checkIns: checkInsOf(ex.counted),
    recentKinds: recentKindsOf(ex.counted, closed),
    sellers: sellersOf(ex.twoWay),
    twoWayByMonth: monthsOf(twoWayTimes),
    silences: silencesOf(twoWayTimes),
  };
  setIfAny(summary, 'firstTouchAt', ex.counted[0]?.at);
  setIfAny(summary, 'lastTouchAt', ex.counted.at(-1)?.at);
  setIfAny(summary, 'firstTwoWayAt', twoWayTimes[0]);
  setIfAny(summary, 'lastTwoWayAt', twoWayTimes.at(-1));
  setIfAny(summary, 'lastInboundAt', maxOf(inbound));
  setIfAny(summary, 'lastOutboundAt', maxOf(outbound));
  setIfAny(summary, 'lastSellerAt', maxOf([...outbound, ...timesOf('both')]));
  setIfAny(summary, 'lastMeetingAt', maxOf(ex.counted.filter((t) => t.kind === 'meeting').map((t) => t.at)));
  setIfAny(summary, 'lastClosedAt', lastClosed());
  let threaded: Touch | undefined;
  for (const t of touches)
    if (t.threadId && t.contactId === contactId && (!threaded || t.at > threaded.at)) threaded = t;
  setIfAny(summary, 'lastThreadId', threaded?.threadId);

  // A reply the seller dismissed (or marked done) is dealt with; a newer message is owed again.
  const owedSince = ex.replyOwedSince;
  if (owedSince !== undefined) {
    const dealtWith = lastClosed('reply') ?? -Infinity;
    setIfAny(
      summary,
      'replyOwedSince',
      inbound.find((at) => at >= owedSince && at > dealtWith),
    );
  }
  // Likewise a follow-up closed after the last unanswered message: the seller chose to let it rest.
  const [since, lastAt] = [ex.unanswered[0], ex.unanswered.at(-1)];
  if (since !== undefined && lastAt !== undefined && (lastClosed('follow-up') ?? -Infinity) < lastAt) {
    summary.unanswered = { count: ex.unanswered.length, since, lastAt };
  }
  return summary;
}

function setIfAny<K extends keyof ContactSummary>(s: ContactSummary, key: K, value: ContactSummary[K] | undefined) {
  if (value !== undefined) s[key] = value;
}

/** Largest value, or undefined for none (a loop: spreading thousands of touches into Math.max can overflow the stack). */
function maxOf(values: readonly number[]): number | undefined {
  let max: number | undefined;
  for (const v of values) if (max === undefined || v > max) max = v;
  return max;
}

function checkInsOf(counted: readonly Touch[]): ContactSummary['checkIns'] {
  return counted
    .filter((t) => t.kind === 'check-in' && t.happiness !== undefined)
    .slice(-KEPT.checkIns)
    .reverse()
    .map((t) => ({ at: t.at, happiness: Math.min(5, Math.max(1, Math.round(t.happiness ?? 3))) }));
}

/**
 * Gives and asks from logged touches and completed follow-ups, newest first. Marking a
 * follow-up done usually logs a touch of the same kind as well: the same kind within a day
 * is one touch, not two.
 */
function recentKindsOf(
  counted: readonly Touch[],
  closed: readonly { kind: FollowUp['kind']; state: FollowUp['state']; closedAt: number }[],
): ContactSummary['recentKinds'] {
  const all: ContactSummary['recentKinds'] = [];
  for (const t of counted) {
    const kind = RotationKind.safeParse(t.kind);
    if (kind.success && sideOf(t) !== 'customer') all.push({ kind: kind.data, at: t.at });
  }
  for (const f of closed) {
    const kind = RotationKind.safeParse(f.kind);
    if (kind.success && f.state === 'done') all.push({ kind: kind.data, at: f.closedAt });
  }
  all.sort((a, b) => b.at - a.at);
  const kept: ContactSummary['recentKinds'] = [];
  for (const k of all) {
    if (kept.some((q) => q.kind === k.kind && Math.abs(q.at - k.at) < DAY_MS)) continue;
    kept.push(k);
    if (kept.length === KEPT.kinds) break;
  }
  return kept;
}

function sellersOf(twoWay: readonly { at: number; sellerId: string }[]): ContactSummary['sellers'] {
  const last = new Map<string, number>();
  for (const e of twoWay) last.set(e.sellerId, Math.max(e.at, last.get(e.sellerId) ?? -Infinity));
  return [...last]
    .map(([id, lastTwoWayAt]) => ({ id, lastTwoWayAt }))
    .sort((a, b) => b.lastTwoWayAt - a.lastTwoWayAt)
    .slice(0, KEPT.sellers);
}

function monthsOf(times: readonly number[]): ContactSummary['twoWayByMonth'] {
  const latest = times.at(-1);
  if (latest === undefined) return [];
  const oldestKept = addMonths(utcMonthOf(latest), -(KEPT.months - 1));
  const counts = new Map<string, number>();
  for (const at of times) {
    const month = utcMonthOf(at);
    if (month >= oldestKept) counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count }));
}

function silencesOf(times: readonly number[]): ContactSummary['silences'] {
  const silences: ContactSummary['silences'] = [];
  for (let i = 1; i < times.length; i++) {
    const from = times[i - 1] ?? 0;
    const to = times[i] ?? 0;
    if (to - from > SILENCE_MIN_DAYS * DAY_MS) silences.push({ from, to });
  }
  return silences.slice(-KEPT.silences);
}
