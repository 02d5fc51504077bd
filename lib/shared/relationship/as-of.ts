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
  // The silences are oldest first and do not overlap: halve to the last one begun by `at`
  // (trust and risk ask this at every month's end of the bucket, for every customer).
  const { silences } = s;
  let [low, high] = [0, silences.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((silences[mid] as (typeof silences)[number]).from <= at) low = mid + 1;
    else high = mid;
  }
  const silence = silences[low - 1];
  return silence && at < silence.to ? silence.from : at;
}

export function summaryAsOf(s: ContactSummary, at: number): ContactSummary {
  // Looking back past nothing (the usual case: the bucket's current month, a quiet contact)
  // returns the summary itself; otherwise only the lists that reach past `at` are copied.
  if (at >= latestIn(s)) return s;
  const month = utcMonthOf(at);
  // Built field by field rather than spread and then `delete`d: deleting turns an object into
  // a slow dictionary, and the leaky bucket makes tens of thousands of these.
  const { version, contactId, touchCount, inboundCount, outboundCount, twoWayCount, lastThreadId } = s;
  const past: ContactSummary = {
    version,
    contactId,
    touchCount,
    inboundCount,
    outboundCount,
    twoWayCount,
    attempts: upTo(s.attempts, at),
    checkIns: upTo(s.checkIns, at),
    recentKinds: upTo(s.recentKinds, at),
    sellers: sellersAsOf(s, at),
    twoWayByMonth: s.twoWayByMonth.every((m) => m.month <= month)
      ? s.twoWayByMonth
      : s.twoWayByMonth.filter((m) => m.month <= month),
    silences: s.silences.every((g) => g.to <= at) ? s.silences : s.silences.filter((g) => g.to <= at),
  };
  if (lastThreadId !== undefined) past.lastThreadId = lastThreadId;
  for (const key of INSTANTS) {
    const value = s[key];
    if (value !== undefined && value <= at) past[key] = value;
  }
  const lastTwoWay = lastTwoWayBefore(s, at);
  if (lastTwoWay !== undefined) {
    if (s.firstTwoWayAt !== undefined) past.firstTwoWayAt = s.firstTwoWayAt;
    past.lastTwoWayAt = lastTwoWay;
  }
  if (s.unanswered && s.unanswered.since <= at) past.unanswered = s.unanswered;
  return past;
}

/** The entries up to `at`: the list itself when none is later. */
function upTo<T extends { at: number }>(list: T[], at: number): T[] {
  return list.every((x) => x.at <= at) ? list : list.filter((x) => x.at <= at);
}

const INSTANTS = [
  'firstTouchAt',
  'lastTouchAt',
  'lastInboundAt',
  'lastOutboundAt',
  'lastSellerAt',
  'lastMeetingAt',
  'lastClosedAt',
  'replyOwedSince',
] as const;

/**
 * The latest moment a summary speaks of. Every dated entry is a touch or a closed follow-up,
 * so none lies after the latest of `lastTouchAt` and `lastClosedAt`; the lists are read too,
 * so a summary from an older engine cannot make a look back skip what it should cut.
 */
function latestIn(s: ContactSummary): number {
  const known = latestOf.get(s);
  if (known !== undefined) return known;
  let latest = -Infinity;
  for (const key of INSTANTS) latest = Math.max(latest, s[key] ?? -Infinity);
  for (const key of ['firstTwoWayAt', 'lastTwoWayAt'] as const) latest = Math.max(latest, s[key] ?? -Infinity);
  for (const list of [s.attempts, s.checkIns, s.recentKinds]) for (const x of list) latest = Math.max(latest, x.at);
  for (const x of s.sellers) latest = Math.max(latest, x.lastTwoWayAt);
  for (const g of s.silences) latest = Math.max(latest, g.to);
  if (s.unanswered) latest = Math.max(latest, s.unanswered.since, s.unanswered.lastAt);
  // A month counts from its first day: a look back into that month may still cut it.
  const lastMonth = s.twoWayByMonth.at(-1)?.month;
  if (lastMonth && utcMonthOf(latest) < lastMonth) latest = Infinity;
  latestOf.set(s, latest);
  return latest;
}

/** Summaries are not changed once made, and the leaky bucket looks back at each one every month. */
const latestOf = new WeakMap<ContactSummary, number>();

function sellersAsOf(s: ContactSummary, at: number): ContactSummary['sellers'] {
  const last = lastTwoWayBefore(s, at);
  return s.sellers.flatMap((x) => {
    if (x.lastTwoWayAt <= at) return [x];
    return last === undefined ? [] : [{ id: x.id, lastTwoWayAt: last }];
  });
}
