import { z } from 'zod';
import { CalendarDate, Id, Timestamp } from './common';

/** What the seller is asked to do next. Gives come before asks; `offer` is the only ask. */
export const FollowUpKind = z.enum([
  'reply',
  'follow-up',
  'check-in',
  'value-add',
  'something-new',
  'introduce',
  'offer',
]);
export type FollowUpKind = z.infer<typeof FollowUpKind>;

/** A reason is a code with parameters; the UI turns it into a sentence in the seller's language. */
export const Reason = z.object({
  code: z.string().min(1).max(60),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type Reason = z.infer<typeof Reason>;

export const FollowUpState = z.enum(['open', 'snoozed', 'done', 'dismissed']);
export type FollowUpState = z.infer<typeof FollowUpState>;

export const FollowUp = z.object({
  id: Id,
  contactId: Id,
  due: CalendarDate,
  kind: FollowUpKind,
  reason: Reason,
  state: FollowUpState,
  /**
   * Set to the contact id while the follow-up is live (open or snoozed) and removed once it
   * is closed. A unique index on it lets IndexedDB itself refuse a second live follow-up.
   */
  liveFor: Id.optional(),
  /**
   * Set to the contact id once the follow-up is closed (done or dismissed), as `liveFor` is
   * while it is live: a contact's follow-ups are found through these two indexes, and each
   * follow-up is in one of them. One index on `contactId` for all of them cost every follow-up
   * written a third index entry (an import of 10,000 contacts writes 10,000 follow-ups).
   */
  closedFor: Id.optional(),
  snoozedUntil: CalendarDate.optional(),
  /**
   * The seller chose this date (a snooze or a reschedule): no later write re-plans it; it
   * stays until it is done or dismissed. Every other live follow-up is the engine's plan.
   */
  setByHand: z.boolean().optional(),
  /**
   * The engine's date, kept when staggering moved an overdue follow-up to a later working day
   * (lib/shared/relationship/stagger.ts): it is still overdue since then, and the popup says so.
   */
  plannedDue: CalendarDate.optional(),
  /** When the seller was told it fell due: a reminder is never shown twice. */
  notifiedAt: Timestamp.optional(),
  createdAt: Timestamp,
  closedAt: Timestamp.optional(),
});
export type FollowUp = z.infer<typeof FollowUp>;

export type FollowUpEvent =
  | { type: 'done'; at: number }
  | { type: 'dismiss'; at: number }
  | { type: 'snooze'; until: string }
  /** A snoozed follow-up wakes on its date; reopening by hand is the same step. */
  | { type: 'wake' };

/** Which events each state accepts: open → done | snoozed | dismissed; snoozed → open (or closed). */
const allowed: Record<FollowUpState, readonly FollowUpEvent['type'][]> = {
  open: ['done', 'dismiss', 'snooze'],
  snoozed: ['wake', 'snooze', 'done', 'dismiss'],
  done: [],
  dismissed: [],
};

export class FollowUpTransitionError extends Error {
  constructor(state: FollowUpState, event: FollowUpEvent['type']) {
    super(
      `a ${state} follow-up cannot be ${event === 'dismiss' ? 'dismissed' : event === 'wake' ? 'reopened' : `${event}d`}`,
    );
    this.name = 'FollowUpTransitionError';
  }
}

/** The follow-up state machine. Pure: returns the next record, or throws on a step it forbids. */
export function transition(followUp: FollowUp, event: FollowUpEvent): FollowUp {
  if (!allowed[followUp.state].includes(event.type)) throw new FollowUpTransitionError(followUp.state, event.type);
  const { snoozedUntil: _s, liveFor: _l, closedFor: _c, plannedDue: _p, ...rest } = followUp;
  switch (event.type) {
    case 'snooze':
      return {
        ...rest,
        state: 'snoozed',
        liveFor: followUp.contactId,
        snoozedUntil: event.until,
        due: event.until,
        setByHand: true,
      };
    case 'wake':
      return { ...rest, state: 'open', liveFor: followUp.contactId };
    case 'done':
      return { ...rest, state: 'done', closedFor: followUp.contactId, closedAt: event.at };
    case 'dismiss':
      return { ...rest, state: 'dismissed', closedFor: followUp.contactId, closedAt: event.at };
  }
}

export const isLive = (f: Pick<FollowUp, 'state'>) => f.state === 'open' || f.state === 'snoozed';

/**
 * Closed without being done: a contact with no cadence any more, or a live follow-up a restore
 * replaced. Closed, not deleted, so the history of what was suggested stays.
 */
export function closeFollowUp(followUp: FollowUp, at: number): FollowUp {
  const { liveFor: _live, snoozedUntil: _snooze, plannedDue: _staggered, ...rest } = followUp;
  return { ...rest, state: 'dismissed', closedFor: followUp.contactId, closedAt: at };
}

/**
 * A follow-up from outside the engine (a backup, a data set, a merge moving it to another
 * contact) as the store keeps it: `liveFor` while live, `closedFor` once closed, each naming its
 * contact, so the store's indexes find it.
 */
export function withContactKeys(followUp: FollowUp): FollowUp {
  const { liveFor: _live, closedFor: _closed, ...rest } = followUp;
  return isLive(followUp) ? { ...rest, liveFor: followUp.contactId } : { ...rest, closedFor: followUp.contactId };
}
