import { describe, expect, it } from 'vitest';
import {
  ContactSummary,
  isEmptySummary,
  KEPT,
  lastTwoWayBefore,
  summarize,
  summaryAsOf,
} from '@/lib/shared/relationship';
import { sameShape } from '@/lib/shared/relationship/summary';
import { checkIn, daysAgo, done, inbound, logged, meeting, outbound, summaryOf, weeklyExchanges } from './histories';

describe('what counts as two-way contact', () => {
  it('profile visits and notes are recorded but are not contact', () => {
    const s = summaryOf([logged('linkedin-visit', daysAgo(3)), logged('note', daysAgo(2))]);
    expect(s).toMatchObject({ touchCount: 0, twoWayCount: 0 });
    expect(s.lastTouchAt).toBeUndefined();
  });

  it('a meeting, a call and an answered check-in are two-way by themselves', () => {
    for (const t of [meeting(daysAgo(3)), logged('call', daysAgo(3)), checkIn(daysAgo(3), 4)]) {
      expect(summaryOf([t]).lastTwoWayAt).toBe(daysAgo(3));
    }
    expect(summaryOf([logged('check-in', daysAgo(3))]).lastTwoWayAt).toBeUndefined();
  });

  it('an answer within 14 days makes an exchange; after 15 days it is a new message', () => {
    expect(summaryOf([outbound(daysAgo(30)), inbound(daysAgo(16))]).lastTwoWayAt).toBe(daysAgo(16));
    const late = summaryOf([outbound(daysAgo(30)), inbound(daysAgo(15))]);
    expect(late.lastTwoWayAt).toBeUndefined();
    expect(late.replyOwedSince).toBe(daysAgo(15));
  });

  it('the seller answering the customer is an exchange too, and pays the reply owed', () => {
    const s = summaryOf([inbound(daysAgo(5)), outbound(daysAgo(4))]);
    expect(s.lastTwoWayAt).toBe(daysAgo(4));
    expect(s.replyOwedSince).toBeUndefined();
    expect(s.attempts).toEqual([{ at: daysAgo(4), reciprocated: true }]);
  });

  it('a second message after answering them is a new question that may go unanswered', () => {
    const s = summaryOf([inbound(daysAgo(10)), outbound(daysAgo(9)), outbound(daysAgo(3))]);
    expect(s.unanswered).toEqual({ count: 1, since: daysAgo(3), lastAt: daysAgo(3) });
  });

  it('a colleague’s answer counts, and the colleague is known to the contact', () => {
    const s = summaryOf([inbound(daysAgo(3)), outbound(daysAgo(2), { sellerId: 'sam' })]);
    expect(s.replyOwedSince).toBeUndefined();
    expect(s.sellers.map((x) => x.id)).toEqual(['sam']);
  });
});

describe('the summary stays small and plain', () => {
  const big = summaryOf([
    ...weeklyExchanges(500, 1),
    ...Array.from({ length: 40 }, (_, i) => checkIn(daysAgo(3 + i * 30), 4)),
  ]);

  it('keeps bounded lists however long the history', () => {
    expect(big.attempts.length).toBeLessThanOrEqual(KEPT.attempts);
    expect(big.checkIns).toHaveLength(KEPT.checkIns);
    expect(big.twoWayByMonth.length).toBeLessThanOrEqual(KEPT.months);
    expect(big.twoWayCount).toBeGreaterThan(900);
    expect(JSON.stringify(big).length).toBeLessThan(4000);
  });

  it('survives JSON and its own schema unchanged', () => {
    const stored = JSON.parse(JSON.stringify(big));
    expect(stored).toEqual(big);
    expect(ContactSummary.parse(stored)).toEqual(big);
  });

  it('does not depend on the order touches are read in, and ignores other contacts', () => {
    const touches = [...weeklyExchanges(20, 3), checkIn(daysAgo(1), 5), outbound(daysAgo(0, 2))];
    const stranger = inbound(daysAgo(1), { contactId: 'someone-else' });
    expect(summaryOf([...touches].reverse())).toEqual(summaryOf(touches));
    expect(summaryOf([...touches, stranger])).toEqual(summaryOf(touches));
  });
});

describe('follow-ups in the summary', () => {
  it('remembers completed gives and asks, newest first, once per day', () => {
    const s = summaryOf(
      [logged('offer', daysAgo(10, 1))],
      [done('offer', daysAgo(10)), done('value-add', daysAgo(3)), done('reply', daysAgo(2))],
    );
    expect(s.recentKinds.map((k) => k.kind)).toEqual(['value-add', 'offer']);
  });

  it('a dismissed follow-up is not a touch the customer saw', () => {
    const s = summaryOf([], [{ kind: 'check-in', state: 'dismissed', closedAt: daysAgo(1) }]);
    expect(s.recentKinds).toEqual([]);
    expect(s.lastClosedAt).toBe(daysAgo(1));
  });
});

describe('looking back', () => {
  const s = summaryOf([...weeklyExchanges(10, 100), ...weeklyExchanges(5, 3)]);

  it('finds the last two-way contact before any moment from the kept silences', () => {
    expect(s.silences).toHaveLength(1);
    expect(lastTwoWayBefore(s, daysAgo(50))).toBe(daysAgo(100));
    expect(lastTwoWayBefore(s, daysAgo(1))).toBe(daysAgo(3));
    expect(lastTwoWayBefore(s, daysAgo(400))).toBeUndefined();
  });

  it('a summary as of an earlier moment holds nothing that came later', () => {
    const then = summaryAsOf(s, daysAgo(50));
    expect(then.lastTwoWayAt).toBe(daysAgo(100));
    expect(then.attempts.every((a) => a.at <= daysAgo(50))).toBe(true);
    expect(then.twoWayByMonth.at(-1)?.month).toBe('2025-12');
  });
});

it('an empty history gives an empty summary', () => {
  const s = summarize({ contactId: 'c', touches: [] });
  expect(s).toMatchObject({ contactId: 'c', touchCount: 0, attempts: [], sellers: [] });
  expect(s.lastTwoWayAt).toBeUndefined();
});

describe('the last Gmail thread', () => {
  it.each([
    { name: 'none without threads', touches: [inbound(daysAgo(3))], thread: undefined },
    {
      name: 'the newest touch that has one, whatever the order given',
      touches: [
        inbound(daysAgo(2), { threadId: '222' }),
        outbound(daysAgo(1)),
        inbound(daysAgo(9), { threadId: '111' }),
      ],
      thread: '222',
    },
    {
      name: 'never another contact’s',
      touches: [inbound(daysAgo(1), { threadId: '333', contactId: 'other' })],
      thread: undefined,
    },
  ])('$name', ({ touches, thread }) => {
    expect(summaryOf(touches).lastThreadId).toBe(thread);
    expect(ContactSummary.safeParse(summaryOf(touches)).success).toBe(true);
  });
});

describe('isEmptySummary: what the store leaves unwritten', () => {
  it.each([
    { name: 'no touches, no follow-ups', history: () => summarize({ contactId: 'c', touches: [] }), empty: true },
    { name: 'one outbound e-mail', history: () => summaryOf([outbound(daysAgo(3))]), empty: false },
    {
      name: 'a profile visit only: recorded, but no contact, so nothing to say',
      history: () => summaryOf([logged('linkedin-visit', daysAgo(3))]),
      empty: true,
    },
    {
      name: 'a follow-up done without a touch',
      history: () =>
        summarize({
          contactId: 'c',
          touches: [],
          followUps: [{ kind: 'check-in', state: 'done', closedAt: daysAgo(2) }],
        }),
      empty: false,
    },
  ])('$name → $empty', ({ history, empty }) => {
    expect(isEmptySummary(history())).toBe(empty);
  });
});

describe('a summary in one shape', () => {
  it('has every field the schema knows, and says what the summary says', () => {
    const s = summaryOf([...weeklyExchanges(8, 5), checkIn(daysAgo(3), 4), outbound(daysAgo(1))]);
    const copy = sameShape(s);
    // A field added to the schema and forgotten in the copy would read as missing.
    expect(Object.keys(copy).sort()).toEqual(Object.keys(ContactSummary.shape).sort());
    expect(copy).toEqual(s);
    expect(ContactSummary.parse(JSON.parse(JSON.stringify(copy)))).toEqual(s);
  });
});
