import type { FollowUpKind } from '@/lib/shared/model';
import { addDays, addWorkingDays, DAY_MS, dateOf, daysBetween } from './calendar';
import { type CadenceDays, cadenceOf, hasCadence, type RelationshipContext } from './context';
import { type RelationshipReason, reason } from './reasons';
import { chooseKind } from './rotation';
import type { ContactSummary } from './summary';
import { effectiveScore, type Trust, trust } from './trust';

/**
 * The suggested next touch: when, what, and why.
 *
 * 1. A reply owed comes first, for anyone: due two working days after their message.
 * 2. No cadence (plain contacts, former customers, inactive prospects): nothing else.
 * 3. Unanswered seller messages: a gentle follow-up a week after the last one, a week more
 *    for each further one in a row (up to the ideal gap). The cadence is not reset.
 * 4. A check-in answered 2/5 or lower: follow up within three days.
 * 5. A purchase, a change to customer or a meeting in the last 30 days with nothing done since:
 *    a give within a week (three days after a meeting).
 * 6. Otherwise the cadence: the ideal gap, shortened by low trust (down to half the ideal at
 *    none), from the last two-way contact (or a follow-up the seller closed since); the kind
 *    is chosen by the rotation.
 *
 * Whatever the rule, the due date is never later than the last two-way contact plus the
 * longest gap: out of sight is out of mind.
 */
export const REPLY_WITHIN_WORKING_DAYS = 2;
export const FOLLOW_UP_AFTER_DAYS = 7;
export const UNHAPPY = { atMost: 2, withinDays: 3 } as const;
export const AFTERCARE = { purchaseDays: 7, newCustomerDays: 7, meetingDays: 3, recentDays: 30 } as const;

export interface NextTouch {
  /** Calendar date in the seller's zone; on or before today means now. */
  due: string;
  kind: FollowUpKind;
  /** Why now. */
  reason: RelationshipReason;
  /** Why this kind, when the rotation chose it. */
  kindReason?: RelationshipReason;
}

/** Days until the next touch after a two-way contact: the ideal gap at full trust, half of it at none. */
export function intervalDays(score: number, cadence: CadenceDays): number {
  const s = Math.min(100, Math.max(0, Number.isFinite(score) ? score : 0));
  return Math.min(cadence.maxDays, Math.max(1, Math.round(cadence.idealDays * (0.5 + s / 200))));
}

export function nextTouch(summary: ContactSummary, ctx: RelationshipContext, known?: Trust): NextTouch | null {
  const day = (at: number) => dateOf(at, ctx.timeZone);
  const cadence = cadenceOf(ctx);
  const bound = summary.lastTwoWayAt === undefined ? undefined : addDays(day(summary.lastTwoWayAt), cadence.maxDays);
  const capped = (t: NextTouch): NextTouch => (bound !== undefined && t.due > bound ? { ...t, due: bound } : t);

  if (summary.replyOwedSince !== undefined) {
    const wrote = day(summary.replyOwedSince);
    return capped({
      due: addWorkingDays(wrote, REPLY_WITHIN_WORKING_DAYS),
      kind: 'reply',
      reason: reason('reply_owed', { date: wrote }),
    });
  }
  if (!hasCadence(ctx)) return null;

  if (summary.unanswered) {
    const { count, since, lastAt } = summary.unanswered;
    const wait = Math.min(FOLLOW_UP_AFTER_DAYS * count, Math.max(FOLLOW_UP_AFTER_DAYS, cadence.idealDays));
    return capped({
      due: addDays(day(lastAt), wait),
      kind: 'follow-up',
      reason: reason('no_reply', { count, date: day(since) }),
    });
  }

  const t = known ?? trust(summary, ctx);
  const onCadence = cadenceTouch(summary, ctx, t, cadence);
  const dealtWithAfter = (at: number) => Math.max(summary.lastSellerAt ?? -1, summary.lastClosedAt ?? -1) > at;

  const answer = summary.checkIns[0];
  if (answer && answer.happiness <= UNHAPPY.atMost && !dealtWithAfter(answer.at)) {
    const due = addDays(day(answer.at), UNHAPPY.withinDays);
    return capped({
      due: due < onCadence.due ? due : onCadence.due,
      kind: 'follow-up',
      reason: reason('unhappy', { happiness: answer.happiness, date: day(answer.at) }),
    });
  }

  const event = aftercareEvent(summary, ctx);
  if (event && !dealtWithAfter(event.at)) {
    const due = addDays(day(event.at), event.days);
    const date = day(event.at);
    return capped({
      due: due < onCadence.due ? due : onCadence.due,
      kind: event.kind,
      reason: reason(event.code, { date }),
    });
  }
  return capped(onCadence);
}

function cadenceTouch(summary: ContactSummary, ctx: RelationshipContext, t: Trust, cadence: CadenceDays): NextTouch {
  const today = dateOf(ctx.now, ctx.timeZone);
  const last = summary.lastTwoWayAt;
  // A follow-up the seller closed (done or dismissed) restarts the wait, within the bound.
  const anchor = Math.max(last ?? ctx.since, summary.lastClosedAt ?? -Infinity);
  // The gap follows trust as it stood at the anchor, so the due date stays put while time
  // passes: a follow-up stored when a touch is written is still right the next morning.
  const interval = intervalDays(effectiveScore(trust(summary, { ...ctx, now: anchor })), cadence);
  const due = addDays(dateOf(anchor, ctx.timeZone), interval);
  const { kind, reason: kindReason } = chooseKind(summary, ctx, t.level);
  let why: RelationshipReason;
  if (last === undefined) why = reason('never_two_way', {});
  else {
    const silent = daysBetween(dateOf(last, ctx.timeZone), today);
    why =
      due <= today && silent > interval
        ? reason('silent_days', { days: silent })
        : reason('cadence', { days: interval });
  }
  return { due, kind, reason: why, kindReason };
}

type AftercareEvent = { at: number; days: number; kind: FollowUpKind; code: 'purchase' | 'new_customer' | 'meeting' };

/** The latest purchase, change to customer or meeting in the last 30 days, if any. */
function aftercareEvent(summary: ContactSummary, ctx: RelationshipContext): AftercareEvent | undefined {
  const events: (AftercareEvent | undefined)[] = [
    at(ctx.account.lastPurchaseAt, { days: AFTERCARE.purchaseDays, kind: 'check-in', code: 'purchase' }),
    at(ctx.convertedAt, { days: AFTERCARE.newCustomerDays, kind: 'check-in', code: 'new_customer' }),
    at(summary.lastMeetingAt, { days: AFTERCARE.meetingDays, kind: 'value-add', code: 'meeting' }),
  ];
  const recent = events.filter(
    (e): e is AftercareEvent => !!e && e.at <= ctx.now && ctx.now - e.at <= AFTERCARE.recentDays * DAY_MS,
  );
  return recent.sort((a, b) => b.at - a.at)[0];
}

const at = (time: number | undefined, rest: Omit<AftercareEvent, 'at'>) =>
  time === undefined ? undefined : { at: time, ...rest };
