import { useState } from 'preact/hooks';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { observedRetention } from '@/lib/shared/relationship/value';
import { AsOf } from './AsOf';
import { Failed } from './Failed';
import { useBook } from './useBook';

type Month = ResponseOf<'book.bucket'>['months'][number];

const MONTHS = 24;
const BAR = 10;
const GAP = 8;
const HALF = 80;

/**
 * The leaky bucket: customers (accounts) won, lost and at risk per month, as the source texts
 * draw it: the business grows only while it keeps more than it loses. A chart (won above the
 * line, lost below, at risk beside) with the table under it; a month's accounts one click away.
 */
export function Bucket() {
  const { data, error } = useBook('book.bucket', { months: MONTHS });
  const [selected, setSelected] = useState<string>();
  if (error) return <Failed message={error} />;
  if (!data) return null;
  const { months, names } = data;
  const net = months.reduce((sum, m) => sum + m.net, 0);
  const retention = observedRetention(months);
  const chosen = months.find((m) => m.month === selected);
  return (
    <section data-testid="leaky-bucket" aria-labelledby="bucket-title">
      <h1 id="bucket-title">Leaky bucket</h1>
      <AsOf data={data} />
      <p class="callout">
        Last {months.length} months: net {net >= 0 ? `+${net}` : net} customer accounts
        {retention === null ? '' : `; ${Math.round(retention * 100)}% kept a year (observed)`}. A business grows only
        while it wins more than it loses.
      </p>
      <Chart months={months} selected={selected} onSelect={setSelected} />
      {chosen && <MonthAccounts month={chosen} names={names} />}
      <table class="book-table">
        <caption>Accounts won, lost and at risk by month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Won</th>
            <th scope="col">Lost</th>
            <th scope="col">At risk</th>
            <th scope="col">Net</th>
            <th scope="col">Customers</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr
              key={m.month}
              data-testid="bucket-month"
              data-month={m.month}
              data-won={m.won}
              data-lost={m.lost}
              data-at-risk={m.atRisk}
            >
              <th scope="row">
                <button type="button" class="link" onClick={() => setSelected(m.month)}>
                  {m.month}
                </button>
              </th>
              <td>{m.won}</td>
              <td>{m.lost}</td>
              <td>{m.atRisk}</td>
              <td>{m.net > 0 ? `+${m.net}` : m.net}</td>
              <td>{m.active}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Clean SVG, no chart library: three bars a month on one axis, scaled to the largest count. */
function Chart({
  months,
  selected,
  onSelect,
}: {
  months: Month[];
  selected?: string | undefined;
  onSelect: (m: string) => void;
}) {
  const most = Math.max(1, ...months.flatMap((m) => [m.won, m.lost, m.atRisk]));
  const scale = (n: number) => (n / most) * (HALF - 4);
  const step = BAR * 2 + GAP;
  const width = months.length * step;
  return (
    <svg
      class="bucket-chart"
      viewBox={`0 0 ${width} ${HALF * 2}`}
      role="img"
      aria-label={`Won (up) and lost (down) accounts per month, at risk beside; the table below has the numbers`}
    >
      <line x1="0" x2={width} y1={HALF} y2={HALF} class="axis" />
      {months.map((m, i) => {
        const x = i * step;
        return (
          // A mouse shortcut to the month's accounts; the keyboard's way is the table's month button.
          // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; a <g> with the role is the SVG way
          <g
            key={m.month}
            role="button"
            tabIndex={-1}
            aria-label={`${m.month}: show its accounts`}
            class={m.month === selected ? 'is-selected' : ''}
            onClick={() => onSelect(m.month)}
            onKeyDown={(e) => e.key === 'Enter' && onSelect(m.month)}
          >
            <title>{`${m.month}: ${m.won} won, ${m.lost} lost, ${m.atRisk} at risk`}</title>
            <rect class="won" x={x} y={HALF - scale(m.won)} width={BAR} height={scale(m.won)} />
            <rect class="lost" x={x} y={HALF} width={BAR} height={scale(m.lost)} />
            <rect class="at-risk" x={x + BAR} y={HALF - scale(m.atRisk)} width={BAR} height={scale(m.atRisk)} />
          </g>
        );
      })}
    </svg>
  );
}

function MonthAccounts({ month, names }: { month: Month; names: Record<string, string> }) {
  const list = (ids: string[]) => (ids.length ? ids.map((id) => names[id] ?? id).join(', ') : 'none');
  return (
    <dl class="bucket-accounts" data-testid="bucket-accounts" data-month={month.month}>
      <dt>Won in {month.month}</dt>
      <dd>{list(month.wonAccounts)}</dd>
      <dt>Lost</dt>
      <dd>{list(month.lostAccounts)}</dd>
      <dt>At risk at the month's end</dt>
      <dd>{list(month.atRiskAccounts)}</dd>
    </dl>
  );
}
