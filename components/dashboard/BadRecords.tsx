import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { useApi } from '../common/api';

type Check = ResponseOf<'data.check'>;

const STORE_WORDS: Record<Check['problems'][number]['store'], string> = {
  sellers: 'Seller',
  accounts: 'Account',
  contacts: 'Contact',
  touches: 'Touch',
  purchases: 'Purchase',
  followUps: 'Follow-up',
};

/**
 * Stored records that fail today's checks: each is left out of the answers it would break (a
 * card, a list), and named here so the seller can delete it. A backup still carries it.
 */
export function BadRecords() {
  const api = useApi();
  const [check, setCheck] = useState<Check>();
  const [error, setError] = useState('');
  const load = () => void api('data.check', {}).then((r) => (r.ok ? setCheck(r.data) : setError(r.error.message)));
  useEffect(load, [api]);
  if (error) return <p class="status error">Rapport could not check its records: {error}</p>;
  if (!check || check.total === 0) return null;
  const remove = async (store: keyof typeof STORE_WORDS, id: string) => {
    // The other stores default to none.
    const done = await api('data.delete', { [store]: [id] });
    if (!done.ok) setError(done.error.message);
    load();
  };
  return (
    <section class="callout status error" data-testid="bad-records" aria-labelledby="bad-records-title">
      <h2 id="bad-records-title">
        {check.total.toLocaleString()} {check.total === 1 ? 'record' : 'records'} Rapport cannot use
      </h2>
      <p>
        They are left out of the sidebar cards and lists they would break; a backup still holds them. Delete one, or
        restore it from an earlier backup.
      </p>
      <ul>
        {check.problems.map((p) => (
          <li key={`${p.store}:${p.id}`} data-testid="bad-record" data-store={p.store} data-id={p.id}>
            {STORE_WORDS[p.store]} <code>{p.id}</code>: {p.problem}{' '}
            <button type="button" data-testid="bad-record-delete" onClick={() => void remove(p.store, p.id)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
