import { describe, expect, it } from 'vitest';
import { Reason } from '@/lib/shared/model';
import {
  describeReason,
  REASON_CODES,
  type ReasonCode,
  type ReasonParams,
  type RelationshipReason,
} from '@/lib/shared/relationship';

/** One example per code; the type makes a new code without an example fail to compile. */
const EXAMPLES: { [C in ReasonCode]: ReasonParams[C] } = {
  replied_ratio: { replied: 4, of: 5 },
  never_two_way: {},
  silent_days: { days: 94 },
  recent_two_way: { days: 2 },
  regular: { months: 11, of: 12 },
  happy: { happiness: 5, date: '2026-03-10' },
  tenure: { months: 26 },
  breadth: { sellers: 2, contacts: 3 },
  override: { level: 'full', until: '2026-04-01' },
  reply_owed: { date: '2026-03-09' },
  no_reply: { count: 3, date: '2026-02-01' },
  unhappy: { happiness: 2, date: '2026-03-10' },
  purchase: { date: '2026-03-11' },
  new_customer: { date: '2026-03-01' },
  meeting: { date: '2026-03-11' },
  cadence: { days: 26 },
  check_in_due: { touches: 4 },
  never_checked_in: {},
  thin_coverage: { sellers: 1, contacts: 1 },
  few_products: { products: 1 },
  give_first: {},
  past_max_gap: { days: 72, maxDays: 60 },
  gone_silent: { days: 200 },
  trust_fell: { from: 'full', to: 'some' },
  marked_former: {},
  lost_if_either_leaves: {},
  lost_if_seller_leaves: {},
  lost_if_contact_leaves: {},
  survives_departures: { sellers: 2, contacts: 4 },
  no_coverage: {},
  meet_second_contact: {},
  bring_in_colleague: {},
  restart_contact: {},
  same_company: { company: 'Acme' },
  company_changed: { from: 'Acme', to: 'Globex' },
  company_unknown: {},
  no_account: { company: 'Globex' },
};

const example = (code: ReasonCode) => ({ code, params: EXAMPLES[code] }) as RelationshipReason;

describe('describeReason', () => {
  it.each(REASON_CODES)('words %s as one short sentence with its numbers and names', (code) => {
    const r = example(code);
    expect(Reason.safeParse(r).success).toBe(true);
    const sentence = describeReason(r);
    expect(sentence).not.toBe(code.replaceAll('_', ' '));
    expect(sentence).toMatch(/^[A-Z]/);
    expect(sentence.length).toBeLessThan(90);
    expect(sentence).not.toMatch(/undefined|NaN|\[object/);
    for (const [key, value] of Object.entries(r.params)) {
      if (key === 'level' || key === 'from' || key === 'to' || key === 'of' || code === 'thin_coverage') continue;
      if (code === 'tenure') continue;
      // Calendar dates are worded as a seller reads them: 2026-03-10 → "10 Mar 2026".
      const shown =
        key === 'date' || key === 'until'
          ? new Date(`${value}T00:00:00Z`).toLocaleDateString('en-GB', {
              day: 'numeric',
              month: 'short',
              year: 'numeric',
              timeZone: 'UTC',
            })
          : String(value);
      expect(sentence).toContain(shown);
    }
  });

  it.each([
    [{ code: 'replied_ratio', params: { replied: 4, of: 5 } }, 'Replied to 4 of your last 5 messages'],
    [{ code: 'replied_ratio', params: { replied: 0, of: 6 } }, 'No reply to your last 6 messages'],
    [{ code: 'replied_ratio', params: { replied: 1, of: 1 } }, 'Replied to your last message'],
    [{ code: 'silent_days', params: { days: 94 } }, 'No two-way contact for 94 days'],
    [{ code: 'silent_days', params: { days: 1 } }, 'No two-way contact for 1 day'],
    [{ code: 'happy', params: { happiness: 5, date: '2026-03-10' } }, 'Rated their happiness 5/5 on 10 Mar 2026'],
    [{ code: 'tenure', params: { months: 26 } }, 'Two-way contact kept up for 2 years'],
    [{ code: 'tenure', params: { months: 5 } }, 'Two-way contact kept up for 5 months'],
    [{ code: 'recent_two_way', params: { days: 0 } }, 'Last two-way contact today'],
    [
      { code: 'trust_fell', params: { from: 'full', to: 'some' } },
      'Trust fell from "Trusted" to "Some trust" in the last 30 days',
    ],
  ])('%j reads "%s"', (r, sentence) => {
    expect(describeReason(r)).toBe(sentence);
  });

  it('shows a code from a newer version as words rather than failing', () => {
    expect(describeReason({ code: 'brand_new_code', params: {} })).toBe('brand new code');
  });
});
