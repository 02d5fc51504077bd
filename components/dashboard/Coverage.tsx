import { useState } from 'preact/hooks';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { describeReason } from '@/lib/shared/relationship/describe';
import { AsOf } from './AsOf';
import { Failed } from './Failed';
import { formatValue, useBook } from './useBook';

type Row = ResponseOf<'book.accounts'>['accounts'][number];

/** The four quadrants as the source texts draw them: sellers across, contacts down. */
const CELLS = [
  { quadrant: 1, sellers: 'One seller', contacts: 'one contact', risk: 'lost if either leaves' },
  { quadrant: 3, sellers: 'Many sellers', contacts: 'one contact', risk: 'lost if the contact leaves' },
  { quadrant: 2, sellers: 'One seller', contacts: 'many contacts', risk: 'lost if the seller leaves' },
  { quadrant: 4, sellers: 'Many sellers', contacts: 'many contacts', risk: 'survives a departure' },
] as const;

/** Sums the accounts' lifetime value per currency. */
function atStake(rows: Row[]) {
  const byCurrency = new Map<string, number>();
  for (const row of rows)
    for (const v of row.value) byCurrency.set(v.currency, (byCurrency.get(v.currency) ?? 0) + v.toDate);
  return [...byCurrency].map(([currency, toDate]) => ({ currency, toDate }));
}

/**
 * Coverage across the book: every account in its quadrant (one or many sellers × one or many
 * contacts), the value at stake in each, and a cell's accounts with their move toward quadrant 4.
 */
export function Coverage() {
  const { data, error } = useBook('book.accounts', {});
  const [open, setOpen] = useState<number>();
  if (error) return <Failed message={error} />;
  if (!data) return null;
  const inCell = (q: number) => data.accounts.filter((a) => a.quadrant === q);
  const uncovered = data.accounts.filter((a) => a.quadrant === null).length;
  const chosen = open ? inCell(open) : [];
  return (
    <section data-testid="coverage" aria-labelledby="coverage-title">
      <h1 id="coverage-title">Coverage</h1>
      <AsOf data={data} />
      <p class="callout">
        Who knows whom at each account, over the last six months. Quadrant 4 survives anyone leaving; every other cell
        names its move. {uncovered} accounts have had no two-way contact in that time.
      </p>
      <div class="coverage-grid" data-testid="coverage-grid">
        {CELLS.map((cell) => {
          const rows = inCell(cell.quadrant);
          return (
            <button
              key={cell.quadrant}
              type="button"
              class={`coverage-cell q${cell.quadrant}`}
              data-testid="coverage-cell"
              data-quadrant={cell.quadrant}
              data-accounts={rows.length}
              aria-pressed={open === cell.quadrant}
              onClick={() => setOpen(cell.quadrant)}
            >
              <strong>
                Q{cell.quadrant}: {cell.sellers}, {cell.contacts}
              </strong>
              <span>
                {rows.length} accounts · {formatValue(atStake(rows))} at stake
              </span>
              <span class="sub">{cell.risk}</span>
            </button>
          );
        })}
      </div>
      {open && (
        <table class="book-table" data-testid="coverage-accounts" data-quadrant={open}>
          <caption>Accounts in quadrant {open}</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Value</th>
              <th scope="col">Move toward quadrant 4</th>
            </tr>
          </thead>
          <tbody>
            {chosen.map((a) => (
              <tr key={a.id} data-testid="account-row" data-domain={a.domain} data-quadrant={a.quadrant ?? ''}>
                <th scope="row">
                  <a href={`#account/${encodeURIComponent(a.id)}`}>{a.name}</a>
                </th>
                <td>{formatValue(a.value)}</td>
                <td>{a.moves.map(describeReason).join(' ') || 'None needed.'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
