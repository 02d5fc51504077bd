import type { FollowUpKind, ValueTier } from '@/lib/shared/model';
import { addDays, nextWorkingDay } from './calendar';
import type { RiskState } from './risk';

/**
 * Spreads a pile of overdue touches (typically right after an import) over the coming working
 * days, so the seller starts with a doable list instead of four hundred items due today.
 *
 * - Nothing moves while the touches due today or earlier fit in one day.
 * - Replies owed never move: someone is waiting.
 * - The rest are ranked most valuable first (tier), then most at risk (at risk or lost before
 *   healthy), then least trust, then longest overdue; the first keep their date, the others go
 *   to the next working days, up to `perDay` a day counting touches already due on that day.
 * - Touches due in the future keep their date.
 */
export const DEFAULT_PER_DAY = 10;

export interface StaggerItem {
  contactId: string;
  due: string;
  kind: FollowUpKind;
  tier: ValueTier;
  risk?: RiskState;
  trustScore?: number;
}

export interface Staggered extends StaggerItem {
  /** The date before staggering. */
  originalDue: string;
  moved: boolean;
}

const TIER_RANK: Record<ValueTier, number> = { high: 0, medium: 1, low: 2 };
const riskRank = (r?: RiskState) => (r === 'at-risk' || r === 'lost' ? 0 : 1);

export function byPriority(a: StaggerItem, b: StaggerItem): number {
  return (
    (TIER_RANK[a.tier] ?? 1) - (TIER_RANK[b.tier] ?? 1) ||
    riskRank(a.risk) - riskRank(b.risk) ||
    (a.trustScore ?? 50) - (b.trustScore ?? 50) ||
    a.due.localeCompare(b.due) ||
    a.contactId.localeCompare(b.contactId)
  );
}

export function stagger(
  items: readonly StaggerItem[],
  { today, perDay = DEFAULT_PER_DAY }: { today: string; perDay?: number },
): Staggered[] {
  const capacity = Math.max(1, Math.floor(perDay));
  const result: Staggered[] = items.map((item) => ({ ...item, originalDue: item.due, moved: false }));
  const dueNow = result.filter((item) => item.due <= today);
  if (dueNow.length > capacity) {
    const load = new Map<string, number>();
    for (const item of result) if (item.due > today) load.set(item.due, (load.get(item.due) ?? 0) + 1);
    const replies = dueNow.filter((item) => item.kind === 'reply');
    const rest = dueNow.filter((item) => item.kind !== 'reply').sort(byPriority);
    let keepToday = Math.max(0, capacity - replies.length);
    const used = (date: string) => load.get(date) ?? 0;
    let day = today;
    for (const item of rest) {
      if (keepToday > 0) {
        keepToday--;
        continue;
      }
      // Fill each working day after today up to capacity before opening the next.
      while (day === today || used(day) >= capacity) day = nextWorkingDay(addDays(day, 1));
      load.set(day, used(day) + 1);
      item.due = day;
      item.moved = true;
    }
  }
  return result.sort((a, b) => a.due.localeCompare(b.due) || byPriority(a, b));
}
