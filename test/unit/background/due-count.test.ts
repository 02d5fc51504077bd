import { describe, expect, it } from 'vitest';
import { openStore } from '@/lib/background/db/open';
import { dueCount } from '@/lib/background/followups';
import type { FollowUp } from '@/lib/shared/model';
import { followUp } from '../../helpers/records';

const TODAY = '2026-12-06';

/** Follow-ups in a state, alternately due on the two dates given. */
const some = (n: number, state: FollowUp['state'], dates: [string, string]) =>
  Array.from({ length: n }, (_, i) => {
    const contactId = `${state}-${dates[0]}-${i}`;
    return followUp({ id: `f-${contactId}`, contactId, liveFor: contactId, state, due: dates[i % 2] as string });
  });

/** The badge's number: open follow-ups due today or before, counted up to what the badge shows. */
describe('dueCount', () => {
  it.each([
    { name: 'nothing stored', due: 0, later: 0, snoozed: 0, atMost: 999, count: 0 },
    {
      name: 'due today and overdue count; later and snoozed ones do not',
      due: 3,
      later: 2,
      snoozed: 1,
      atMost: 999,
      count: 3,
    },
    {
      name: 'more due than the badge shows: counted up to its most',
      due: 12,
      later: 0,
      snoozed: 0,
      atMost: 10,
      count: 10,
    },
  ])('$name', async ({ due, later, snoozed, atMost, count }) => {
    const db = await openStore({ name: `due-${due}-${later}-${snoozed}-${atMost}` });
    for (const record of [
      ...some(due, 'open', [TODAY, '2026-11-30']),
      ...some(later, 'open', ['2026-12-07', '2027-01-02']),
      ...some(snoozed, 'snoozed', ['2026-12-01', TODAY]),
    ]) {
      await db.put('followUps', record);
    }
    expect(await dueCount(db, TODAY, atMost)).toBe(count);
    db.close();
  });
});
