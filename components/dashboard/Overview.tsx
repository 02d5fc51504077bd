import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/shared/model';
import { useApi } from '../common/api';

type Counts = ResponseOf<'data.counts'>;

const LABELS: Record<keyof Counts, string> = {
  accounts: 'Accounts',
  contacts: 'Contacts',
  touches: 'Touches',
  purchases: 'Purchases',
  followUps: 'Follow-ups',
  sellers: 'Sellers',
};

/** What Rapport holds, and the one thing to do next when setup is not finished. */
export function Overview({ settings }: { settings: Settings }) {
  const api = useApi();
  const [counts, setCounts] = useState<Counts>();
  const [error, setError] = useState('');
  useEffect(() => {
    void api('data.counts', {}).then((r) => (r.ok ? setCounts(r.data) : setError(r.error.message)));
  }, [api]);
  return (
    <section data-testid="overview" aria-labelledby="overview-title">
      <h1 id="overview-title">Overview</h1>
      {!settings.onboardedAt && (
        <p class="callout">
          Rapport does not know who you are yet, so it cannot tell customers from colleagues.{' '}
          <a href="#onboarding">Set up Rapport</a>
        </p>
      )}
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      {counts && (
        <dl class="counts">
          {(Object.keys(LABELS) as (keyof Counts)[]).map((key) => (
            <div key={key} data-testid={`count-${key}`}>
              <dt>{LABELS[key]}</dt>
              <dd>{counts[key].toLocaleString()}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
