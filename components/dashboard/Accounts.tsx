import { useState } from 'preact/hooks';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { describeReason } from '@/lib/shared/relationship/describe';
import { relative } from '../common/words';
import { AsOf } from './AsOf';
import { Failed } from './Failed';
import { ROWS_AT_ONCE, ShowMore } from './ShowMore';
import { formatValue, useBook } from './useBook';

type Row = ResponseOf<'book.accounts'>['accounts'][number];
type SortKey = 'name' | 'valueTier' | 'value' | 'quadrant' | 'atRisk' | 'lastTwoWayAt';

const TIER_ORDER = { high: 0, medium: 1, low: 2 } as const;
const COLUMNS: [SortKey, string][] = [
  ['name', 'Account'],
  ['valueTier', 'Tier'],
  ['value', 'Lifetime value'],
  ['quadrant', 'Coverage'],
  ['atRisk', 'At risk'],
  ['lastTwoWayAt', 'Last two-way'],
];

const sortValue = (row: Row, key: SortKey): string | number => {
  switch (key) {
    case 'name':
      return row.name.toLowerCase();
    case 'valueTier':
      return TIER_ORDER[row.valueTier];
    case 'value':
      return -row.value.reduce((sum, v) => sum + v.toDate, 0);
    case 'quadrant':
      return row.quadrant ?? 0;
    case 'atRisk':
      return -row.atRisk;
    case 'lastTwoWayAt':
      return -(row.lastTwoWayAt ?? 0);
  }
};

/** Every account: sortable by each column, filtered by name or domain, tier and coverage. */
export function Accounts() {
  const { data, error } = useBook('book.accounts', {});
  const [sort, setSort] = useState<SortKey>('atRisk');
  const [filter, setFilter] = useState('');
  const [tier, setTier] = useState('');
  const [shown, setShown] = useState(ROWS_AT_ONCE);
  if (error) return <Failed message={error} />;
  if (!data) return null;
  const needle = filter.trim().toLowerCase();
  const rows = data.accounts
    .filter((a) => !needle || a.name.toLowerCase().includes(needle) || a.domain.includes(needle))
    .filter((a) => !tier || a.valueTier === tier)
    .sort((a, b) => {
      const [x, y] = [sortValue(a, sort), sortValue(b, sort)];
      return x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
    });
  const now = Date.now();
  return (
    <section data-testid="accounts" aria-labelledby="accounts-title">
      <h1 id="accounts-title">Accounts</h1>
      <AsOf data={data} />
      <div class="filters">
        <label>
          Find <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </label>
        <label>
          Tier{' '}
          <select value={tier} onChange={(e) => setTier(e.currentTarget.value)}>
            <option value="">all</option>
            <option value="high">high</option>
            <option value="medium">medium</option>
            <option value="low">low</option>
          </select>
        </label>
      </div>
      <table class="book-table">
        <caption>
          {rows.length} of {data.accounts.length} accounts
          {rows.length > shown ? `; the first ${shown} shown` : ''}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map(([key, label]) => (
              <th key={key} scope="col" aria-sort={sort === key ? 'ascending' : undefined}>
                <button type="button" class="link" onClick={() => setSort(key)}>
                  {label}
                </button>
              </th>
            ))}
            <th scope="col">Owner</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((a) => (
            <tr key={a.id} data-testid="account-row" data-domain={a.domain} data-quadrant={a.quadrant ?? ''}>
              <th scope="row">
                <a href={`#account/${encodeURIComponent(a.id)}`}>{a.name}</a>
                <span class="sub">{a.domain}</span>
              </th>
              <td>{a.valueTier}</td>
              <td>{formatValue(a.value)}</td>
              <td>{a.quadrant ? `Q${a.quadrant}: ${a.moves.map(describeReason).join(' ') || 'covered'}` : 'nobody'}</td>
              <td>
                {a.atRisk} of {a.customers}
              </td>
              <td>{a.lastTwoWayAt ? relative(a.lastTwoWayAt - now) : 'never'}</td>
              <td>{a.owners.join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMore shown={shown} total={rows.length} onMore={() => setShown(shown + ROWS_AT_ONCE)} />
    </section>
  );
}
