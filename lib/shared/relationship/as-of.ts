import { utcMonthOf } from './calendar';
import type { ContactSummary } from './summary';

/**
 * Looking back: what a summary said at an earlier moment, so the leaky bucket can recompute
 * past months and risk can compare trust now with trust 30 days ago.
 *
 * Exact where it matters for risk (the last two-way contact before a moment, from the kept
 * silences), approximate elsewhere: inside a run of contact closer than a week apart the last
 * contact is taken as the moment itself, counts for the moment's own month are the whole
 * month's, a seller whose latest contact came later is taken to have been in touch at the
 * last two-way contact before the moment, and history older than the oldest kept silence
 * reads as "in touch".
 */
export function lastTwoWayBefore(s: ContactSummary, at: number): number | undefined {
  const { firstTwoWayAt: first, lastTwoWayAt: last } = s;
  if (first === undefined || last === undefined || at < first) return undefined;
  if (at >= last) return last;
  const silence = s.silences.find((g) => g.from <= at && at < g.to);
  return silence ? silence.from : at;
}

export function summaryAsOf(s: ContactSummary, at: number): ContactSummary {
  const upTo = <T extends { at: number }>(list: readonly T[]) => list.filter((x) => x.at <= at);
  const month = utcMonthOf(at);
  const past: ContactSummary = {
    ...s,
    attempts: upTo(s.attempts),
    checkIns: upTo(s.checkIns),
    recentKinds: upTo(s.recentKinds),
    sellers: sellersAsOf(s, at),
    twoWayByMonth: s.twoWayByMonth.filter((m) => m.month <= month),
    silences: s.silences.filter((g) => g.to <= at),
  };
  const lastTwoWay = lastTwoWayBefore(s, at);
  if (lastTwoWay === undefined) {
    delete past.firstTwoWayAt;
    delete past.lastTwoWayAt;
  } else past.lastTwoWayAt = lastTwoWay;
  for (const key of [
    'firstTouchAt',
    'lastTouchAt',
    'lastInboundAt',
    'lastOutboundAt',
    'lastSellerAt',
    'lastMeetingAt',
    'lastClosedAt',
    'replyOwedSince',
  ] as const) {
    const value = past[key];
    if (value !== undefined && value > at) delete past[key];
  }
  if (past.unanswered && past.unanswered.since > at) delete past.unanswered;
  return past;
}

function sellersAsOf(s: ContactSummary, at: number): ContactSummary['sellers'] {
  const last = lastTwoWayBefore(s, at);
  return s.sellers.flatMap((x) => {
    if (x.lastTwoWayAt <= at) return [x];
    return last === undefined ? [] : [{ id: x.id, lastTwoWayAt: last }];
  });
}
