import type { Card } from '@/lib/messaging/protocol';
import { QUADRANT_WORDS } from '../common/words';

/** Two-way contacts per month over the last twelve months, as a tiny bar line. */
export function Sparkline({ months, now }: { months: Card['touchesByMonth']; now: number }) {
  const counts = new Map(months.map((m) => [m.month, m.count]));
  const date = new Date(now);
  const last12 = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 11 + i, 1));
    return counts.get(d.toISOString().slice(0, 7)) ?? 0;
  });
  const max = Math.max(1, ...last12);
  const total = last12.reduce((a, b) => a + b, 0);
  return (
    <svg
      class="rapport-spark"
      width="96"
      height="20"
      viewBox="0 0 96 20"
      role="img"
      aria-label={`${total} two-way contacts in the last 12 months`}
    >
      {last12.map((count, i) => {
        const h = count ? Math.max(2, (count / max) * 18) : 1;
        return <rect key={i} x={i * 8} y={20 - h} width="6" height={h} rx="1" />;
      })}
    </svg>
  );
}

/** Coverage as a 2×2 grid (sellers × contacts), the account's cell filled, quadrant 4 the goal. */
export function CoverageGrid({ quadrant }: { quadrant: 1 | 2 | 3 | 4 }) {
  // Rows: many sellers on top; columns: many contacts on the right.
  const cells: (1 | 2 | 3 | 4)[] = [3, 4, 1, 2];
  return (
    <span class="rapport-grid" role="img" aria-label={QUADRANT_WORDS[quadrant]}>
      {cells.map((q) => (
        <span key={q} class={q === quadrant ? 'is-here' : q === 4 ? 'is-goal' : ''} />
      ))}
    </span>
  );
}
