import { useLayoutEffect } from 'preact/hooks';
import { PersonCard } from './PersonCard';
import { ProfileNotices } from './ProfileNotices';
import type { PersonView, SidebarState } from './state';

import { CARD_MARK } from '@/lib/shared/marks';

/** The sidebar shell: a header with a collapse toggle, then one row per person on the page. */
export function Sidebar({ state }: { state: SidebarState }) {
  // In the browser's side panel the browser opens and closes it: never collapsed here.
  const collapsed = !state.inPanel && state.shownCollapsed.value;
  const dock = state.dock.value;
  const people = state.people.value;
  // In the site's column the host's `data-in-column` styles it (sidebar.css), not a class.
  const place = !dock.inColumn && dock.right > 0 ? 'is-docked' : '';
  // A layout effect runs right after the cards are in the DOM (a plain effect waits for the next frame).
  useLayoutEffect(() => {
    if (people.some((p) => p.card)) performance.mark(CARD_MARK);
  }, [people]);
  return (
    <aside
      class={`rapport ${state.inPanel ? 'is-panel' : ''} ${state.framed ? 'is-framed' : ''} ${collapsed ? 'is-collapsed' : ''} ${state.dark.value ? 'is-dark' : ''} ${place}`}
      data-testid="sidebar"
      data-theme={state.dark.value ? 'dark' : 'light'}
      data-auto-collapsed={collapsed && !state.collapsed.value ? 'true' : undefined}
      aria-label="Rapport"
      // As an overlay: docked left of the site's own right-edge panel (lib/content/dock.ts); set
      // through the CSSOM, which a page's style-src policy does not block. In the site's column
      // the site's layout places it (lib/content/dock-column.ts): no offset.
      style={{ right: dock.inColumn ? '' : `${dock.right}px` }}
    >
      <header class="rapport-header">
        {!state.inPanel && (
          <button
            type="button"
            class="rapport-toggle"
            data-testid="sidebar-toggle"
            aria-expanded={!collapsed}
            aria-label={collapsed ? `Show Rapport (${state.count.value} people)` : 'Hide Rapport'}
            onClick={() => state.toggle()}
          >
            {collapsed ? <span class="rapport-badge">{state.count}</span> : '›'}
          </button>
        )}
        {!collapsed && <h2 class="rapport-title">Rapport</h2>}
      </header>
      {!collapsed && (
        <div class="rapport-body">
          <HealthNotice readers={state.health.value} />
          <AccountPrompt state={state} />
          {state.people.value.length === 0 ? (
            <p class="rapport-empty">{state.message}</p>
          ) : (
            <ul class="rapport-people">
              {state.people.value.map((person) => (
                <PersonRow key={person.email ?? person.linkedinId} person={person} state={state} />
              ))}
            </ul>
          )}
        </div>
      )}
    </aside>
  );
}

/** Only when a reader failed: say which, and that the page itself is fine. */
function HealthNotice({ readers }: { readers: string[] }) {
  if (readers.length === 0) return null;
  return (
    <p class="rapport-health" data-testid="health" data-readers={readers.join(' ')} role="status">
      The page changed and Rapport could not read: {readers.join(', ')}. The page itself still works.
    </p>
  );
}

/** Capture starts only on an account the seller confirmed: one line, one button. */
function AccountPrompt({ state }: { state: SidebarState }) {
  const account = state.account.value;
  if (!account || account.confirmed || state.people.value.length === 0) return null;
  return (
    <p class="rapport-prompt" data-testid="confirm-account">
      Record your e-mails with these people from <strong>{account.address}</strong>?{' '}
      <button
        type="button"
        class="rapport-button"
        data-testid="confirm-account-yes"
        onClick={() => state.confirmAccount()}
      >
        Yes, it is my work account
      </button>
    </p>
  );
}

function PersonRow({ person, state }: { person: PersonView; state: SidebarState }) {
  const onTrack = () => state.track(person);
  const tracked = !!person.contact;
  return (
    <li
      class="rapport-person"
      data-testid="person"
      data-email={person.email ?? undefined}
      data-linkedin={person.linkedinId ?? undefined}
      data-tracked={String(tracked)}
    >
      <span class="rapport-avatar" aria-hidden="true">
        {initials(person.name || person.email || person.linkedinId || '?')}
      </span>
      <span class="rapport-who">
        <span class="rapport-name">{person.contact?.name || person.name || person.email}</span>
        <span class="rapport-sub">
          {[person.contact?.title ?? person.title, person.card?.account?.name ?? person.company?.name]
            .filter(Boolean)
            .join(' · ') || person.email}
        </span>
      </span>
      {person.contact === null && (
        <button type="button" class="rapport-button" data-testid="track" onClick={onTrack}>
          Track
        </button>
      )}
      {person.email && !person.card && (
        <button
          type="button"
          class="rapport-button is-quiet"
          data-testid="ignore-address"
          aria-label={`Never show ${person.email} again`}
          onClick={() => void state.ignore(person)}
        >
          Ignore
        </button>
      )}
      {tracked && !person.card && <span class="rapport-sub">Tracked</span>}
      <ProfileNotices person={person} state={state} />
      {person.card && (
        <PersonCard card={person.card} now={Date.now()} state={state} name={person.contact?.name || person.name} />
      )}
      {person.error && (
        <span class="rapport-error" role="alert">
          {person.error}
        </span>
      )}
    </li>
  );
}

/** Two letters from a name (or an address): no remote images, ever. */
export function initials(name: string): string {
  const words = name
    .replace(/@.*/, '')
    .split(/[\s._-]+/)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? '?'];
  return letters
    .map((w) => Array.from(w ?? '')[0] ?? '')
    .join('')
    .toUpperCase();
}
