import { useEffect, useState } from 'preact/hooks';
import { Onboarding } from '../settings/Onboarding';
import { SettingsPage } from '../settings/SettingsPage';
import { useSettingsStore } from '../settings/useSettings';
import type { ImportPage } from '../importing/ImportPage';
import { InterruptedImports } from '../importing/Journals';
import { Popup } from '../popup/Popup';
import { AccountPage } from './AccountPage';
import { Accounts } from './Accounts';
import { Bucket } from './Bucket';
import { ContactPage } from './ContactPage';
import { Contacts } from './Contacts';
import { Coverage } from './Coverage';
import { Failed } from './Failed';
import { Overview } from './Overview';
import { useTeamLive } from './useTeamLive';

/** Sections of the dashboard, by URL hash. Later features add theirs here. */
const SECTIONS = [
  { id: 'today', label: 'Today' },
  { id: 'overview', label: 'Overview' },
  { id: 'accounts', label: 'Accounts' },
  { id: 'contacts', label: 'Contacts' },
  { id: 'coverage', label: 'Coverage' },
  { id: 'bucket', label: 'Leaky bucket' },
  { id: 'import', label: 'Import & export' },
  { id: 'settings', label: 'Settings' },
] as const;

const useHash = () => {
  const read = () => location.hash.replace(/^#/, '') || 'overview';
  const [hash, setHash] = useState(read);
  useEffect(() => {
    const onChange = () => setHash(read());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash;
};

/**
 * `openUrl` opens a page in a new tab; `askForOrigin` asks the browser for access to the team
 * server's origin (Settings → Team). The entrypoint owns the browser API.
 */
export function Dashboard({
  openUrl,
  askForOrigin,
}: {
  openUrl: (url: string) => void;
  askForOrigin: (origin: string) => Promise<void>;
}) {
  const hash = useHash();
  const store = useSettingsStore();
  const settings = store.settings.value;
  const [importsEnded, setImportsEnded] = useState(0);
  // A teammate's records arriving while the book is shown: its views read it again.
  const arrivals = useTeamLive();
  // An answer to "which owner is you?" changes the settings in the background: keep the form's copy current.
  const onSettings = (next: typeof settings) => {
    store.settings.value = next;
  };
  return (
    <div class="dashboard" data-testid="dashboard">
      <nav aria-label="Rapport">
        <p class="brand">Rapport</p>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} aria-current={hash === s.id ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {settings && <InterruptedImports key={`${hash}:${importsEnded}`} />}
        {bookView(hash, arrivals) ??
          (!settings ? (
            <StatusOrNothing message={store.status.value.message} />
          ) : hash === 'onboarding' ? (
            <Onboarding store={store} settings={settings} onDone={() => (location.hash = 'overview')} />
          ) : hash === 'today' ? (
            <Popup
              openDashboard={(section) => {
                location.hash = section;
              }}
              openUrl={openUrl}
            />
          ) : hash.startsWith('account/') ? (
            <AccountPage accountId={decodeURIComponent(hash.slice('account/'.length))} />
          ) : hash.startsWith('contact/') ? (
            <ContactPage contactId={decodeURIComponent(hash.slice('contact/'.length))} />
          ) : hash === 'import' ? (
            <LazyImportPage onSettings={onSettings} onImportEnded={() => setImportsEnded((n) => n + 1)} />
          ) : hash === 'settings' ? (
            <SettingsPage store={store} settings={settings} askForOrigin={askForOrigin} />
          ) : (
            <Overview settings={settings} onSettings={onSettings} />
          ))}
      </main>
    </div>
  );
}

/**
 * The views of the whole book need no settings: they open without waiting for them, so the
 * book's request leaves with the first render (one round trip sooner; README "Performance").
 */
function bookView(hash: string, arrivals: number) {
  if (hash === 'accounts') return <Accounts key={arrivals} />;
  if (hash === 'contacts') return <Contacts key={arrivals} />;
  if (hash === 'coverage') return <Coverage key={arrivals} />;
  if (hash === 'bucket') return <Bucket key={arrivals} />;
  return undefined;
}

/** Local data arrives in milliseconds: show nothing while it loads, and the error if it fails. */
function StatusOrNothing({ message }: { message: string }) {
  return message ? <Failed message={message} /> : null;
}

/**
 * The import pipeline (CSV parser, public-suffix and free-mail lists, planner) is most of the
 * dashboard's code and most visits never import: it loads when the Import page opens, in the
 * time a local chunk takes to read (a few milliseconds).
 */
function LazyImportPage(props: Parameters<typeof ImportPage>[0]) {
  const [Page, setPage] = useState<typeof ImportPage | undefined>();
  useEffect(() => {
    let live = true;
    void import('../importing/ImportPage').then((module) => live && setPage(() => module.ImportPage));
    return () => {
      live = false;
    };
  }, []);
  return Page ? <Page {...props} /> : null;
}
