import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/shared/model';
import { useApi } from '../common/api';

/**
 * The toolbar popup. Today's follow-ups arrive with the follow-ups feature; until then it
 * says how much Rapport knows and leads to setup when that is not done.
 */
export function Popup({ openDashboard }: { openDashboard: (section: string) => void }) {
  const api = useApi();
  const [settings, setSettings] = useState<Settings>();
  const [contacts, setContacts] = useState<number>();
  const [error, setError] = useState('');
  useEffect(() => {
    void api('settings.get', {}).then((r) => (r.ok ? setSettings(r.data) : setError(r.error.message)));
    void api('data.counts', {}).then((r) => (r.ok ? setContacts(r.data.contacts) : setError(r.error.message)));
  }, [api]);
  return (
    <div class="popup" data-testid="popup">
      <header>
        <h1>Rapport</h1>
      </header>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      {settings && !settings.onboardedAt && (
        <p class="callout">
          Tell Rapport who you are to tell customers from colleagues.{' '}
          <button type="button" class="link" onClick={() => openDashboard('onboarding')}>
            Set up
          </button>
        </p>
      )}
      {contacts !== undefined && (
        <p data-testid="popup-contacts">
          {contacts === 0
            ? 'No contacts yet. Track people from Gmail or LinkedIn.'
            : `${contacts.toLocaleString()} ${contacts === 1 ? 'contact' : 'contacts'} tracked.`}
        </p>
      )}
      <footer>
        <button type="button" onClick={() => openDashboard('overview')}>
          Open dashboard
        </button>
      </footer>
    </div>
  );
}
