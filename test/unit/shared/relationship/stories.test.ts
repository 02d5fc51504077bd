import { describe, expect, it } from 'vitest';
import { addDays, hasCadence, isAsk, nextTouch, riskOf, trust } from '@/lib/shared/relationship';
import {
  checkIn,
  contextOf,
  DAY,
  daysAgo,
  done,
  dueOf,
  inbound,
  meeting,
  NOW,
  outbound,
  summaryOf,
  TODAY,
  weeklyExchanges,
} from './histories';

/** The seller's stories from the issue, asserted on codes and dates, never on wording. */

const GIVES = ['check-in', 'value-add', 'something-new', 'introduce'];

describe('a customer the seller e-mailed 6 times in 90 days with no reply', () => {
  const summary = summaryOf([85, 70, 55, 40, 25, 10].map((d) => outbound(daysAgo(d))));
  const ctx = contextOf();

  it('has no trust, because one-way contact is no trust', () => {
    const t = trust(summary, ctx);
    expect(t.level).toBe('none');
    expect(t.score).toBe(0);
    // The latest message is still within its answer window: five have had their chance.
    expect(t.reasons.slice(0, 2)).toEqual([
      { code: 'replied_ratio', params: { replied: 0, of: 5 } },
      { code: 'never_two_way', params: {} },
    ]);
  });

  it('gets a gentle follow-up, not an offer', () => {
    const next = nextTouch(summary, ctx);
    expect(next?.kind).toBe('follow-up');
    expect(next?.reason).toEqual({ code: 'no_reply', params: { count: 6, date: addDays(TODAY, -85) } });
  });
});

describe('weekly two-way contact for 104 weeks, a 5/5 check-in', () => {
  const ctx = contextOf();

  it('ending 2 days ago: full trust, next touch not due before a week from now', () => {
    const summary = summaryOf([...weeklyExchanges(104, 3), checkIn(daysAgo(2), 5)]);
    const t = trust(summary, ctx);
    expect(t.level).toBe('full');
    expect(t.reasons.map((r) => r.code)).toContain('happy');
    expect(dueOf(nextTouch(summary, ctx)) >= addDays(TODAY, 7)).toBe(true);
    expect(riskOf(summary, ctx).state).toBe('healthy');
  });

  it('ending 150 days ago: not full, due today or earlier, and at risk', () => {
    const summary = summaryOf([...weeklyExchanges(104, 151), checkIn(daysAgo(150), 5)]);
    expect(trust(summary, ctx).level).not.toBe('full');
    const next = nextTouch(summary, ctx);
    expect(dueOf(next) <= TODAY).toBe(true);
    expect(next?.reason).toEqual({ code: 'silent_days', params: { days: 150 } });
    expect(riskOf(summary, ctx)).toEqual({
      state: 'at-risk',
      reasons: [{ code: 'past_max_gap', params: { days: 150, maxDays: 60 } }],
    });
  });
});

describe('aftercare', () => {
  it('a first purchase yesterday brings a give within 7 days', () => {
    const summary = summaryOf(weeklyExchanges(8, 3));
    const ctx = contextOf({ lastPurchaseAt: daysAgo(1) });
    const next = nextTouch(summary, ctx);
    expect(dueOf(next) <= addDays(TODAY, 7)).toBe(true);
    expect(GIVES).toContain(next?.kind);
    expect(next?.reason).toEqual({ code: 'purchase', params: { date: addDays(TODAY, -1) } });
    // Without the purchase the same customer would wait for the cadence.
    expect(dueOf(nextTouch(summary, contextOf())) > addDays(TODAY, 7)).toBe(true);
  });

  it('a meeting yesterday brings a value-add within three days', () => {
    const summary = summaryOf([meeting(daysAgo(1))]);
    const next = nextTouch(summary, contextOf());
    expect(next).toMatchObject({ kind: 'value-add', due: addDays(TODAY, 2), reason: { code: 'meeting' } });
  });

  it('a prospect who just became a customer is welcomed within a week', () => {
    const history = [
      { status: 'prospect' as const, at: daysAgo(200) },
      { status: 'customer' as const, at: daysAgo(2) },
    ];
    const next = nextTouch(summaryOf(weeklyExchanges(4, 3)), contextOf({ contact: { statusHistory: history } }));
    expect(next).toMatchObject({ kind: 'check-in', reason: { code: 'new_customer' } });
    expect(next?.due).toBe(addDays(TODAY, 5));
  });
});

describe('who has a cadence', () => {
  it('a $1 customer at a low-tier account has one', () => {
    const ctx = contextOf({ account: { valueTier: 'low' }, lastPurchaseAt: daysAgo(90) });
    expect(hasCadence(ctx)).toBe(true);
    const next = nextTouch(summaryOf(weeklyExchanges(3, 40)), ctx);
    expect(next).not.toBeNull();
    // Low tier: at most 120 days after the last two-way contact.
    expect(dueOf(next) <= addDays(TODAY, 80)).toBe(true);
  });

  it('an imported LinkedIn connection has none', () => {
    const ctx = contextOf({ contact: { status: 'contact', statusHistory: [], accountId: undefined } });
    expect(hasCadence(ctx)).toBe(false);
    expect(nextTouch(summaryOf([]), ctx)).toBeNull();
  });

  it('a prospect has one only while marked active', () => {
    const summary = summaryOf(weeklyExchanges(3, 10));
    const prospect = { status: 'prospect' as const, statusHistory: [] };
    expect(nextTouch(summary, contextOf({ contact: prospect }))).toBeNull();
    expect(nextTouch(summary, contextOf({ contact: { ...prospect, activeProspect: true } }))).not.toBeNull();
  });

  it('a former customer has none and is counted lost', () => {
    const ctx = contextOf({ contact: { status: 'former' } });
    const summary = summaryOf(weeklyExchanges(3, 10));
    expect(nextTouch(summary, ctx)).toBeNull();
    expect(riskOf(summary, ctx)).toEqual({ state: 'lost', reasons: [{ code: 'marked_former', params: {} }] });
  });
});

describe('the rotation', () => {
  // Gives before: a check-in, a value-add, something new. An offer would be next.
  const gives = [done('check-in', daysAgo(60)), done('value-add', daysAgo(40)), done('something-new', daysAgo(20))];
  const history = weeklyExchanges(20, 10);
  // Two sellers know the account, so introducing a colleague is not the move.
  const covered = contextOf({ coverage: { sellers: ['me', 'sam'], contacts: ['contact-1'] } });

  it('offers after three gives to an account with few products', () => {
    expect(nextTouch(summaryOf(history, gives), covered)?.kind).toBe('offer');
  });

  it('the last completed follow-up was an offer: the next kind is not an offer', () => {
    const next = nextTouch(summaryOf(history, [...gives, done('offer', daysAgo(5))]), covered);
    expect(next?.kind).not.toBe('offer');
    expect(GIVES).toContain(next?.kind);
  });

  it('offers nothing to an account that already owns three products', () => {
    const owned = { ...covered, account: { ...covered.account, productCount: 3 } };
    expect(nextTouch(summaryOf(history, gives), owned)?.kind).not.toBe('offer');
  });

  it('suggests introducing a colleague when only one seller knows the account', () => {
    const recent = [done('check-in', daysAgo(30)), done('offer', daysAgo(20))];
    const next = nextTouch(summaryOf(history, recent), contextOf());
    expect(next?.kind).toBe('introduce');
    expect(next?.kindReason).toEqual({ code: 'thin_coverage', params: { sellers: 1, contacts: 1 } });
    expect(nextTouch(summaryOf(history, recent), covered)?.kind).not.toBe('introduce');
  });

  it('over a year of completed follow-ups never asks twice in a row and checks in every few touches', () => {
    const followUps: ReturnType<typeof done>[] = [];
    const kinds: string[] = [];
    for (let i = 0; i < 16; i++) {
      const next = nextTouch(summaryOf(history, followUps), contextOf());
      const kind = next?.kind ?? 'none';
      kinds.push(kind);
      followUps.push(done(kind as 'offer', daysAgo(200 - i * 10)));
    }
    expect(kinds).toContain('offer');
    kinds.forEach((kind, i) => {
      if (i > 0) expect(isAsk(kind) && isAsk(kinds[i - 1] ?? '')).toBe(false);
    });
    for (let i = 0; i + 4 <= kinds.length; i++) expect(kinds.slice(i, i + 4)).toContain('check-in');
  });
});

describe('the cadence', () => {
  const history = weeklyExchanges(30, 6);

  it('lower trust comes sooner: after a 3/5 answer the next touch is due before it would after a 5/5', () => {
    const ctx = contextOf();
    const content = summaryOf([...history, checkIn(daysAgo(5), 5)]);
    const lukewarm = summaryOf([...history, checkIn(daysAgo(5), 3)]);
    expect(trust(lukewarm, ctx).score).toBeLessThan(trust(content, ctx).score);
    expect(dueOf(nextTouch(lukewarm, ctx)) < dueOf(nextTouch(content, ctx))).toBe(true);
  });

  it('a more valuable tier is visited more often', () => {
    const due = (valueTier: 'high' | 'low') =>
      dueOf(nextTouch(summaryOf(history), contextOf({ account: { valueTier } })));
    expect(due('high') < due('low')).toBe(true);
  });

  it('a due date stays put while days pass without contact', () => {
    const summary = summaryOf(history);
    const today = dueOf(nextTouch(summary, contextOf()));
    expect(dueOf(nextTouch(summary, contextOf({ now: NOW + 10 * DAY })))).toBe(today);
  });
});

describe('stated happiness', () => {
  const before = [...weeklyExchanges(52, 5)];

  it('a 2/5 check-in lowers trust and brings the next touch sooner than before it', () => {
    const ctx = contextOf();
    const without = summaryOf(before);
    const withIt = summaryOf([...before, checkIn(daysAgo(0, 1), 2)]);
    expect(trust(withIt, ctx).score).toBeLessThan(trust(without, ctx).score);
    const sooner = nextTouch(withIt, ctx);
    expect(dueOf(sooner) < dueOf(nextTouch(without, ctx))).toBe(true);
    expect(sooner).toMatchObject({ kind: 'follow-up', reason: { code: 'unhappy', params: { happiness: 2 } } });
  });

  it('a 1/5 answer leaves no trust, however regular the contact', () => {
    const t = trust(summaryOf([...before, checkIn(daysAgo(1), 1)]), contextOf());
    expect(t.level).toBe('none');
    expect(t.reasons[0]?.code).toBe('happy');
  });
});

describe('replies owed', () => {
  it('an unanswered inbound e-mail from 3 days ago: reply, due now', () => {
    const summary = summaryOf([...weeklyExchanges(10, 20), inbound(daysAgo(3))]);
    const next = nextTouch(summary, contextOf());
    expect(next?.kind).toBe('reply');
    expect(dueOf(next) <= TODAY).toBe(true);
    expect(next?.reason).toEqual({ code: 'reply_owed', params: { date: addDays(TODAY, -3) } });
  });

  it('a message from Friday evening is not late on Monday: the weekend does not count', () => {
    const monday = NOW + 4 * DAY;
    const summary = summaryOf([inbound(Date.parse('2026-03-13T19:00:00+01:00'))]);
    expect(nextTouch(summary, contextOf({ now: monday }))).toMatchObject({ kind: 'reply', due: '2026-03-17' });
  });

  it('is owed to anyone, even a plain contact without a cadence', () => {
    const ctx = contextOf({ contact: { status: 'contact', statusHistory: [] } });
    expect(nextTouch(summaryOf([inbound(daysAgo(1))]), ctx)?.kind).toBe('reply');
  });

  it('a dismissed reply is dealt with, until they write again', () => {
    const touches = [inbound(daysAgo(6))];
    const dismissed = { kind: 'reply' as const, state: 'dismissed' as const, closedAt: daysAgo(4) };
    expect(summaryOf(touches, [dismissed]).replyOwedSince).toBeUndefined();
    const again = summaryOf([...touches, inbound(daysAgo(1))], [dismissed]);
    expect(again.replyOwedSince).toBe(daysAgo(1));
  });
});

describe('unanswered seller messages', () => {
  it('move the next touch to a follow-up a week later', () => {
    const summary = summaryOf([...weeklyExchanges(10, 30), outbound(daysAgo(2))]);
    expect(nextTouch(summary, contextOf())).toMatchObject({ kind: 'follow-up', due: addDays(TODAY, 5) });
  });

  it('do not reset the cadence: the longest gap still counts from the last two-way contact', () => {
    const summary = summaryOf([...weeklyExchanges(10, 58), outbound(daysAgo(1))]);
    expect(nextTouch(summary, contextOf())?.due).toBe(addDays(TODAY, 2));
  });

  it('an answer turns them into two-way contact and the cadence starts again', () => {
    const summary = summaryOf([...weeklyExchanges(10, 58), outbound(daysAgo(3)), inbound(daysAgo(2))]);
    expect(summary.lastTwoWayAt).toBe(daysAgo(2));
    expect(summary.unanswered).toBeUndefined();
  });
});

describe('trust reasons and overrides', () => {
  it('explains a ratio of answers as replied_ratio', () => {
    const touches = [100, 80, 60, 40, 20].flatMap((d, i) =>
      i === 2 ? [outbound(daysAgo(d))] : [outbound(daysAgo(d)), inbound(daysAgo(d - 1))],
    );
    const t = trust(summaryOf(touches), contextOf());
    expect(t.reasons).toContainEqual({ code: 'replied_ratio', params: { replied: 4, of: 5 } });
  });

  it('names a long silence in days', () => {
    const t = trust(summaryOf(weeklyExchanges(30, 94)), contextOf());
    expect(t.reasons).toContainEqual({ code: 'silent_days', params: { days: 94 } });
  });

  it('shows an override as such while it lasts, then the computed level again', () => {
    const summary = summaryOf([...weeklyExchanges(10, 20)]);
    const override = { level: 'full' as const, setAt: daysAgo(3), until: NOW + 7 * DAY };
    const during = trust(summary, contextOf({ contact: { trustOverride: override } }));
    expect(during).toMatchObject({ level: 'full', overridden: true });
    expect(during.reasons[0]).toEqual({ code: 'override', params: { level: 'full', until: addDays(TODAY, 7) } });
    const after = trust(summary, contextOf({ contact: { trustOverride: override }, now: NOW + 8 * DAY }));
    expect(after.overridden).toBe(false);
    expect(after.level).toBe(after.computedLevel);
  });
});

describe('risk', () => {
  it('a customer silent for three times the longest gap is lost', () => {
    const risk = riskOf(summaryOf(weeklyExchanges(10, 181)), contextOf());
    expect(risk).toEqual({ state: 'lost', reasons: [{ code: 'gone_silent', params: { days: 181 } }] });
  });

  it('a customer whose trust fell a level in the last 30 days is at risk', () => {
    const summary = summaryOf([...weeklyExchanges(104, 25), checkIn(daysAgo(60), 5), checkIn(daysAgo(20), 2)]);
    const risk = riskOf(summary, contextOf());
    expect(risk.state).toBe('at-risk');
    expect(risk.reasons).toEqual([{ code: 'trust_fell', params: { from: 'full', to: 'some' } }]);
  });

  it('a new customer is not at risk for silence from before they bought', () => {
    const history = [
      { status: 'prospect' as const, at: daysAgo(400) },
      { status: 'customer' as const, at: daysAgo(10) },
    ];
    const risk = riskOf(summaryOf(weeklyExchanges(3, 300)), contextOf({ contact: { statusHistory: history } }));
    expect(risk.state).toBe('healthy');
  });
});

it('two unanswered messages would wait two weeks, but the longest gap since the last two-way contact ends tomorrow', () => {
  const summary = summaryOf([...weeklyExchanges(3, 59), outbound(daysAgo(1)), outbound(daysAgo(0, 1))]);
  expect(nextTouch(summary, contextOf())?.due).toBe(addDays(TODAY, 1));
});
