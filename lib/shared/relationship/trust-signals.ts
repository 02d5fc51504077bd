import { lastTwoWayBefore } from './as-of';
import { DAY_MS, monthIndex, utcMonthIndex } from './calendar';
import { cadenceOf, type RelationshipContext } from './context';
import { ANSWER_WINDOW_MS } from './exchanges';
import type { ContactSummary } from './summary';

/**
 * The trust signals, each 0..1, and the facts behind them (for the reasons). Every signal is
 * monotonic: more answers, happier answers and more two-way contact never lower one, and
 * time passing without contact never raises one. Tests hold each of those as a property.
 *
 * The summary is read as it stood at `ctx.now` (what `summaryAsOf` would make of it, a test
 * holds the two equal): a trust fall compares now with 30 days ago, and the leaky bucket asks
 * about every month's end of two years, so reading in place spares a copy of the summary per look
 * back (the bench's bucket in about half the time, README "Performance", session 18).
 */
export interface TrustSignals {
  /** Share of settled seller touches that got (or were) an answer; 0 when there are none. */
  reciprocity: number;
  /** 2^(-days since the last two-way contact / the contact's ideal cadence). */
  recency: number;
  /** How steadily two-way contact kept the cadence over the last twelve months. */
  frequency: number;
  /** Time between the first and the latest two-way contact; three years is full. */
  tenure: number;
  /** Sellers who know them (two is full) and contacts in touch at the account (three is full). */
  breadth: number;
  /** Recent check-in answers, latest weighing three times the one before; 0.5 when never asked. */
  happiness: number;
}

export interface TrustFacts {
  replied: number;
  settled: number;
  silentDays?: number;
  monthsInTouch: number;
  tenureMonths: number;
  sellers: number;
  contacts: number;
}

export const BREADTH_WINDOW_DAYS = 180;
const TENURE_FULL_DAYS = 3 * 365;
/** A very happy answer fades toward "don't know" with this half-life; an unhappy one stands until asked again. */
const GOOD_NEWS_HALF_LIFE_DAYS = 365;
const CHECK_IN_WEIGHTS = [1, 1 / 3, 1 / 9];

export function trustSignals(s: ContactSummary, ctx: RelationshipContext): TrustSignals & { facts: TrustFacts } {
  const { idealDays } = cadenceOf(ctx);
  const now = ctx.now;

  // An unanswered message younger than the answer window may still be answered: not counted yet.
  const settled = s.attempts.filter((a) => a.at <= now && (a.reciprocated || now - a.at >= ANSWER_WINDOW_MS));
  const replied = settled.filter((a) => a.reciprocated).length;

  const last = lastTwoWayBefore(s, now);
  const silentMs = last === undefined ? undefined : Math.max(0, now - last);
  const recency = silentMs === undefined ? 0 : 2 ** -(silentMs / DAY_MS / idealDays);

  const span = last !== undefined && s.firstTwoWayAt !== undefined ? Math.max(0, last - s.firstTwoWayAt) : 0;
  // A seller whose latest two-way contact came later was in touch at the last one before `now`.
  const sellers = s.sellers.filter(
    (x) => now - (x.lastTwoWayAt <= now ? x.lastTwoWayAt : (last ?? -Infinity)) <= BREADTH_WINDOW_DAYS * DAY_MS,
  ).length;
  const contacts = Math.max(0, ctx.account.contactsInTouch);
  const thisMonth = utcMonthIndex(now);

  return {
    reciprocity: settled.length ? replied / settled.length : 0,
    recency,
    frequency: frequency(s, thisMonth, idealDays),
    tenure: Math.min(1, span / (TENURE_FULL_DAYS * DAY_MS)),
    breadth: (Math.min(1, sellers / 2) + Math.min(1, contacts / 3)) / 2,
    happiness: happiness(s, now),
    facts: {
      replied,
      settled: settled.length,
      ...(silentMs === undefined ? {} : { silentDays: Math.floor(silentMs / DAY_MS) }),
      monthsInTouch: monthsInTouch(s, thisMonth),
      tenureMonths: Math.floor(span / (30.44 * DAY_MS)),
      sellers,
      contacts,
    },
  };
}

/**
 * Months are grouped in fixed calendar blocks about one cadence long (one month for a 30-day
 * cadence, two for 60 days). A block scores count / expected, capped at 1, so a burst of
 * twelve e-mails in one month fills one block, not twelve: regularity beats bursts. The score
 * is the sum over the twelve months of full blocks before the current one, plus the current
 * block as a bonus (so the start of a month costs nothing), capped at 1. Fixed blocks keep it
 * monotonic in time: a block's score only changes when contact is added to it.
 */
function frequency(s: ContactSummary, thisMonth: number, idealDays: number): number {
  const blockMonths = Math.min(6, Math.max(1, Math.ceil(idealDays / 30)));
  const blocks = Math.max(1, Math.round(12 / blockMonths));
  const expected = (blockMonths * 30) / idealDays;
  const first = Math.floor(thisMonth / blockMonths) - blocks;
  // Two-way contacts per block, from the first counted to the current one.
  const counts = new Array<number>(blocks + 1).fill(0);
  for (const { month, count } of s.twoWayByMonth) {
    const index = monthIndex(month);
    const block = Math.floor(index / blockMonths) - first;
    // A block longer than a month may reach past `now`'s month: what came after does not count yet.
    if (index <= thisMonth && block >= 0) counts[block] = (counts[block] ?? 0) + count;
  }
  let total = 0;
  for (const count of counts) total += Math.min(1, count / expected);
  return Math.min(1, total / blocks);
}

function monthsInTouch(s: ContactSummary, thisMonth: number): number {
  let months = 0;
  for (const { month } of s.twoWayByMonth) {
    const index = monthIndex(month);
    if (index <= thisMonth && thisMonth - index < 12) months++;
  }
  return months;
}

function happiness(s: ContactSummary, now: number): number {
  const answers = s.checkIns.filter((c) => c.at <= now).slice(0, CHECK_IN_WEIGHTS.length);
  if (answers.length === 0) return 0.5;
  let sum = 0;
  let weights = 0;
  answers.forEach((answer, i) => {
    const w = CHECK_IN_WEIGHTS[i] ?? 0;
    let value = (Math.min(5, Math.max(1, answer.happiness)) - 1) / 4;
    if (value > 0.5)
      value = 0.5 + (value - 0.5) * 2 ** -(Math.max(0, now - answer.at) / DAY_MS / GOOD_NEWS_HALF_LIFE_DAYS);
    sum += w * value;
    weights += w;
  });
  return sum / weights;
}
