import { useMemo, useState } from 'preact/hooks';
import { relative } from '../common/words';
import { AsOf } from './AsOf';
import { Failed } from './Failed';
import { ROWS_AT_ONCE, ShowMore } from './ShowMore';
import { useBook } from './useBook';

const RISK_WORDS = { healthy: 'in touch', 'at-risk': 'at risk', lost: 'lost', 'not-customer': '' } as const;

/** Every contact, searched as you type by part of the name, an address or the account's name. */
export function Contacts() {
  const { data, error } = useBook('book.contacts', {});
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(ROWS_AT_ONCE);
  // One lower-case line per contact, made at the first keystroke (not while the view opens):
  // each keystroke is then one pass of `includes` over them.
  const searching = query.trim() !== '';
  const index = useMemo(
    () =>
      searching
        ? (data?.contacts ?? []).map(
            (c) => [c, [c.name, ...c.emails, c.account ?? ''].join(' ').toLowerCase()] as const,
          )
        : [],
    [data, searching],
  );
  if (error) return <Failed message={error} />;
  if (!data) return null;
  const needle = query.trim().toLowerCase();
  // A kept answer brings only the first rows (`total` says of how many): a search waits for
  // today's whole list, which follows within a second, rather than answer from a part.
  const total = data.total ?? data.contacts.length;
  const whole = data.contacts.length === total;
  const found = needle ? index.filter(([, text]) => text.includes(needle)).map(([c]) => c) : data.contacts;
  const waiting = needle !== '' && !whole;
  const count = needle ? found.length : total;
  const rows = waiting ? [] : found.slice(0, shown);
  const now = Date.now();
  return (
    <section data-testid="contacts" aria-labelledby="contacts-title">
      <h1 id="contacts-title">Contacts</h1>
      <AsOf data={data} />
      <label class="filters">
        Search{' '}
        <input
          type="search"
          data-testid="search"
          value={query}
          placeholder="name, address or company"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      <table class="book-table">
        <caption>
          {waiting
            ? `Searching all ${total} contacts once today’s list is in…`
            : `${count} of ${total} contacts${count > rows.length ? `; the first ${rows.length} shown` : ''}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Account</th>
            <th scope="col">Status</th>
            <th scope="col">Last two-way</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} data-testid="contact-row" data-email={c.emails[0] ?? ''}>
              <th scope="row">
                <a href={`#contact/${encodeURIComponent(c.id)}`}>{c.name}</a>
                <span class="sub">{[c.title, c.emails[0]].filter(Boolean).join(' · ')}</span>
              </th>
              <td>{c.account ?? '—'}</td>
              <td>{[c.status, RISK_WORDS[c.risk]].filter(Boolean).join(', ')}</td>
              <td>{c.lastTwoWayAt ? relative(c.lastTwoWayAt - now) : 'never'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {whole && <ShowMore shown={shown} total={found.length} onMore={() => setShown(shown + ROWS_AT_ONCE)} />}
    </section>
  );
}
