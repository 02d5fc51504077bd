import { describe, expect, it } from 'vitest';
import type { ValueTier } from '@/lib/shared/model';
import { isWorkingDay, type StaggerItem, stagger } from '@/lib/shared/relationship';
import { TODAY } from './histories';

/** Right after an import: 45 customers all overdue, a few replies owed, a few touches already planned. */
const tiers: ValueTier[] = ['low', 'medium', 'high'];
const imported: StaggerItem[] = Array.from({ length: 45 }, (_, i) => ({
  contactId: `c${String(i).padStart(2, '0')}`,
  due: '2026-01-15',
  kind: 'check-in',
  tier: tiers[i % 3] ?? 'medium',
  risk: i % 2 ? 'at-risk' : 'healthy',
  trustScore: i,
}));
const replies: StaggerItem[] = ['r1', 'r2'].map((contactId) => ({
  contactId,
  due: '2026-03-10',
  kind: 'reply',
  tier: 'low',
}));
const planned: StaggerItem[] = Array.from({ length: 10 }, (_, i) => ({
  contactId: `p${i}`,
  due: '2026-03-13',
  kind: 'value-add',
  tier: 'medium',
}));

describe('staggering a pile of overdue touches', () => {
  const result = stagger([...imported, ...replies, ...planned], { today: TODAY, perDay: 10 });
  const onDay = (date: string) => result.filter((r) => r.due === date);
  const dueNow = result.filter((r) => r.due <= TODAY);

  it('leaves a doable list for today, with the replies owed still on it', () => {
    expect(dueNow).toHaveLength(10);
    expect(dueNow.filter((r) => r.kind === 'reply').map((r) => r.contactId)).toEqual(['r1', 'r2']);
  });

  it('keeps the most valuable and most at risk for now', () => {
    const kept = dueNow.filter((r) => r.kind !== 'reply');
    expect(kept.every((r) => r.tier === 'high')).toBe(true);
    // At risk before healthy, then the least trusted first.
    expect(kept.map((r) => r.contactId)).toEqual(['c05', 'c11', 'c17', 'c23', 'c29', 'c35', 'c41', 'c02']);
  });

  it('spreads the rest over working days, never more than ten a day, counting what was already planned', () => {
    const later = result.filter((r) => r.moved);
    expect(later).toHaveLength(37);
    expect(later.every((r) => r.due > TODAY && isWorkingDay(r.due))).toBe(true);
    const dates = [...new Set(result.map((r) => r.due))];
    for (const date of dates) expect(onDay(date).length).toBeLessThanOrEqual(10);
    // Friday the 13th was already full with planned touches: the pile starts on Monday.
    expect(onDay('2026-03-13').every((r) => r.kind === 'value-add')).toBe(true);
    expect(onDay('2026-03-16')).toHaveLength(10);
    expect(result.at(-1)?.due).toBe('2026-03-19');
  });

  it('never moves a touch earlier, and keeps the original date for reference', () => {
    for (const r of result) expect(r.due >= r.originalDue).toBe(true);
    expect(result.find((r) => r.contactId === 'c00')?.originalDue).toBe('2026-01-15');
  });
});

it('moves nothing when the overdue touches fit in a day', () => {
  const few = imported.slice(0, 8);
  expect(stagger(few, { today: TODAY, perDay: 10 }).every((r) => !r.moved && r.due === '2026-01-15')).toBe(true);
});
