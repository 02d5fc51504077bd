import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { describeReason } from '@/lib/shared/relationship/describe';
import { useApi } from '../common/api';
import { splitList } from '../settings/form-state';
import { money, relative, TOUCH_WORDS } from '../common/words';
import { Failed } from './Failed';
import { useBook } from './useBook';

type Page = NonNullable<ResponseOf<'account.page'>>;

/**
 * One account: who Rapport knows there and which sellers know them, the coverage quadrant with
 * what is lost if someone leaves and the named move toward quadrant 4, purchases and value, and
 * the latest touches with anyone there.
 */
export function AccountPage({ accountId }: { accountId: string }) {
  const api = useApi();
  const [page, setPage] = useState<Page | null>();
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  // `version` among the dependencies: an edit asks for a fresh read.
  useEffect(() => {
    void api('account.page', { accountId }).then((r) => (r.ok ? setPage(r.data) : setError(r.error.message)));
  }, [api, accountId, version]);
  if (error) return <Failed message={error} />;
  if (page === undefined) return null;
  if (page === null)
    return (
      <p class="callout">
        No such account. <a href="#accounts">All accounts</a>
      </p>
    );
  const { account, contacts, coverage, purchases, value, history } = page;
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  const now = Date.now();
  return (
    <section
      data-testid="account-page"
      data-account={account.id}
      data-quadrant={coverage.quadrant ?? ''}
      aria-labelledby="account-title"
    >
      <p>
        <a href="#accounts">← Accounts</a>
      </p>
      <h1 id="account-title">{account.name}</h1>
      <p class="sub">{[account.domains.join(', '), `${account.valueTier} value`].filter(Boolean).join(' · ')}</p>
      <EditAccount account={account} onSaved={reload} />
      <MergeAccount into={account} onMerged={reload} />
      <h2>Coverage</h2>
      <p class="callout">
        {coverage.quadrant ? `Quadrant ${coverage.quadrant}. ` : ''}
        {describeReason(coverage.risk)} {coverage.moves.map(describeReason).join(' ')}
      </p>
      <table class="book-table">
        <caption>People at {account.name} and who knows them (two-way contact in the last six months)</caption>
        <thead>
          <tr>
            <th scope="col">Contact</th>
            <th scope="col">Status</th>
            <th scope="col">Known by</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id} data-testid="account-contact" data-contact={c.id}>
              <th scope="row">
                <a href={`#contact/${encodeURIComponent(c.id)}`}>{c.name}</a>
                {c.title && <span class="sub">{c.title}</span>}
              </th>
              <td>{c.status}</td>
              <td>{c.knownBy.join(', ') || 'nobody lately'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Purchases</h2>
      <p>
        {value.length
          ? value
              .map((v) => `${money(v.toDate, v.currency)} to date, ${money(v.perYear, v.currency)} a year`)
              .join('; ')
          : 'No purchases recorded.'}
      </p>
      {purchases.length > 0 && (
        <ul>
          {purchases.map((p) => (
            <li key={p.id}>
              {new Date(p.at).toLocaleDateString()}: {money(p.amount, p.currency)}
              {p.product ? ` (${p.product})` : ''}
            </li>
          ))}
        </ul>
      )}
      <h2>History</h2>
      <ol class="account-history">
        {history.map((t) => (
          <li key={t.id} data-testid="touch" data-kind={t.kind} data-direction={t.direction}>
            {TOUCH_WORDS[t.kind]} with {names.get(t.contactId) ?? 'someone no longer here'}
            {t.summary ? `: ${t.summary}` : ''} <span class="sub">{relative(t.at - now)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The seller's corrections: the account's name and domains. */
function EditAccount({ account, onSaved }: { account: Page['account']; onSaved: () => void }) {
  const api = useApi();
  const [name, setName] = useState(account.name);
  const [domains, setDomains] = useState(account.domains.join(', '));
  const [message, setMessage] = useState('');
  const save = async (event: Event) => {
    event.preventDefault();
    const list = splitList(domains).map((d) => d.toLowerCase());
    const result = await api('account.update', { accountId: account.id, name, domains: list });
    setMessage(result.ok ? 'Saved.' : result.error.message);
    if (result.ok) onSaved();
  };
  return (
    <form class="edit" data-testid="account-edit" onSubmit={(e) => void save(e)}>
      <label>
        Name <input value={name} onInput={(e) => setName(e.currentTarget.value)} required />
      </label>{' '}
      <label>
        Domains <input value={domains} onInput={(e) => setDomains(e.currentTarget.value)} />
      </label>{' '}
      <button type="submit" data-testid="account-save">
        Save
      </button>
      {message && <span role="status"> {message}</span>}
    </form>
  );
}

/** Another account that is the same company: its people, touches and purchases move here. */
function MergeAccount({ into, onMerged }: { into: Page['account']; onMerged: () => void }) {
  const api = useApi();
  const { data } = useBook('book.accounts', {});
  const [other, setOther] = useState('');
  const [message, setMessage] = useState('');
  const merge = async () => {
    const result = await api('account.merge', { keepId: into.id, mergeId: other });
    setMessage(result.ok ? 'Merged.' : result.error.message);
    if (result.ok) {
      setOther('');
      onMerged();
    }
  };
  return (
    <p class="merge">
      <label>
        Same company as{' '}
        <select value={other} data-testid="account-merge-other" onChange={(e) => setOther(e.currentTarget.value)}>
          <option value="">choose an account</option>
          {(data?.accounts ?? [])
            .filter((a) => a.id !== into.id)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
                {a.domain ? ` (${a.domain})` : ''}
              </option>
            ))}
        </select>
      </label>{' '}
      <button type="button" data-testid="account-merge" disabled={!other} onClick={() => void merge()}>
        Merge into {into.name}
      </button>
      {message && <span role="status"> {message}</span>}
    </p>
  );
}
