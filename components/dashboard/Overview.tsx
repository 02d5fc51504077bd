import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/shared/model';
import { useApi } from '../common/api';
import { OwnerClaim } from '../importing/OwnerClaim';
import { BadRecords } from './BadRecords';
import { Failed } from './Failed';

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
export function Overview({ settings, onSettings }: { settings: Settings; onSettings?: (settings: Settings) => void }) {
  const api = useApi();
  const [counts, setCounts] = useState<Counts>();
  const [error, setError] = useState('');
  const [health, setHealth] = useState<ResponseOf<'health.last'>>(null);
  useEffect(() => {
    void api('data.counts', {}).then((r) => (r.ok ? setCounts(r.data) : setError(r.error.message)));
    void api('health.last', {}).then((r) => r.ok && setHealth(r.data));
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
      {error && <Failed message={error} />}
      <OwnerClaim {...(onSettings ? { onSettings } : {})} />
      {health && <HealthReport report={health} />}
      <BadRecords />
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

/** The last word from the page readers: did Gmail still show what Rapport reads? */
function HealthReport({ report }: { report: NonNullable<ResponseOf<'health.last'>> }) {
  const when = new Date(report.at).toLocaleString();
  const site = report.site === 'gmail' ? 'Gmail' : 'LinkedIn';
  return (
    <p
      class={`callout ${report.failed.length ? 'status error' : ''}`}
      data-testid="health-report"
      data-failed={report.failed.join(' ')}
    >
      {report.failed.length
        ? `${site} changed its page: Rapport could not read ${report.failed.join(', ')} (${when}). The page still works; Rapport records less until this is fixed.`
        : `${site} page check: everything Rapport reads was found (${when}).`}
    </p>
  );
}
