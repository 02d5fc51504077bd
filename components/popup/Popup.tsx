import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ResponseOf, Result } from '@/lib/messaging/protocol';
import { TODAY_MARK } from '@/lib/shared/marks';
import { daysBetween } from '@/lib/shared/relationship/calendar';
import { calendarDay } from '@/lib/shared/relationship/describe';
import type { Settings } from '@/lib/shared/model';
import { useApi } from '../common/api';
import { type Act, FollowUpRow } from './FollowUpRow';

type List = ResponseOf<'followup.list'>;
type Row = List['rows'][number];

const GROUPS: { id: Row['group']; title: string }[] = [
  { id: 'reply', title: 'Waiting for your reply' },
  { id: 'overdue', title: 'Overdue' },
  { id: 'today', title: 'Today' },
  { id: 'upcoming', title: 'Next days' },
];

/**
 * Where "Open" goes: the last Gmail thread with the person, in the account it was seen in;
 * else their LinkedIn profile; else a Gmail search for their address. Gmail opens a thread by
 * its legacy hex id under `#all/` (site-dom.md A1: InboxSDK's route view accepts 16-hex thread
 * ids in the URL) and picks the account by `authuser`.
 */
export function openUrlFor(row: Pick<Row, 'email' | 'linkedinId' | 'gmail'>): string | undefined {
  if (row.gmail) {
    const hex = BigInt(row.gmail.threadId).toString(16);
    return `https://mail.google.com/mail/?authuser=${encodeURIComponent(row.gmail.account)}#all/${hex}`;
  }
  if (row.linkedinId) return `https://www.linkedin.com/in/${encodeURIComponent(row.linkedinId)}/`;
  if (row.email) return `https://mail.google.com/mail/u/0/#search/${encodeURIComponent(row.email)}`;
  return undefined;
}

/** What an empty list means: nothing tracked yet, or when the next follow-up comes and for whom. */
function EmptyWords({ list }: { list: List }) {
  if (list.next) {
    const days = daysBetween(list.today, list.next.due);
    return (
      <>
        Nothing due this week. Next: <strong>{list.next.name}</strong> on {calendarDay(list.next.due)} (in {days} days).
      </>
    );
  }
  if (list.tracked > 0) {
    return (
      <>
        Nothing due. None of the {list.tracked === 1 ? 'person' : `${list.tracked} people`} you track is a customer or
        an active prospect, so none has a next touch: set their status in their card.
      </>
    );
  }
  return (
    <>
      Nothing due this week. Track customers from Gmail or LinkedIn, or import them in the dashboard, and Rapport plans
      each one's next touch.
    </>
  );
}

/** The toolbar popup: today's follow-ups, done / snooze / open / dismiss in one click. */
export function Popup({
  openDashboard,
  openUrl,
  openSidePanel,
  firstList,
}: {
  openDashboard: (section: string) => void;
  openUrl: (url: string) => void;
  /** Absent where there is no side panel (the dashboard's Today page). */
  openSidePanel?: () => void;
  /** The seller's own list, asked for before the popup was first drawn (entrypoints/popup/main.tsx). */
  firstList?: Promise<Result<List>>;
}) {
  const api = useApi();
  const [settings, setSettings] = useState<Settings>();
  const [list, setList] = useState<List>();
  const [team, setTeam] = useState(false);
  const [error, setError] = useState('');
  const asked = useRef(firstList);
  const load = useCallback(() => {
    const answer = (!team && asked.current) || api('followup.list', { team });
    asked.current = undefined;
    return answer.then((r) => (r.ok ? setList(r.data) : setError(r.error.message)));
  }, [api, team]);
  useEffect(() => {
    void api('settings.get', {}).then((r) => (r.ok ? setSettings(r.data) : setError(r.error.message)));
  }, [api]);
  // Before the first paint, not after it (useEffect waits a frame): the list is what the
  // seller opened the popup for, and its request should not wait for an empty one to be drawn.
  useLayoutEffect(() => {
    void load();
  }, [load]);
  useLayoutEffect(() => {
    if (list) performance.mark(TODAY_MARK);
  }, [list]);

  const act = async (row: Row, action: Act) => {
    const result = await api('followup.act', { ...action, id: row.followUp.id });
    if (!result.ok) setError(result.error.message);
    await load();
  };

  return (
    <div class="popup" data-testid="popup">
      <header class="popup-header">
        <h1>Rapport</h1>
        {list?.ownerKnown && (
          <label class="inline">
            <input
              type="checkbox"
              data-testid="followups-team"
              checked={team}
              onChange={(e) => setTeam(e.currentTarget.checked)}
            />
            Team's too
          </label>
        )}
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
      {list && list.rows.length === 0 && (
        <p class="callout" data-testid="followups-empty">
          <EmptyWords list={list} />
        </p>
      )}
      {list &&
        GROUPS.map(({ id, title }) => {
          const rows = list.rows.filter((r) => r.group === id);
          if (rows.length === 0) return null;
          return (
            <section key={id} aria-labelledby={`group-${id}`}>
              <h2 id={`group-${id}`}>
                {title} <span class="count">{list.counts[id]}</span>
              </h2>
              <ul class="followups">
                {rows.map((row) => (
                  <FollowUpRow
                    key={row.followUp.id}
                    row={row}
                    today={list.today}
                    onAct={(action) => void act(row, action)}
                    onOpen={() => {
                      const url = openUrlFor(row);
                      if (url) openUrl(url);
                    }}
                  />
                ))}
              </ul>
              {list.counts[id] > rows.length && <p class="more">and {list.counts[id] - rows.length} more</p>}
            </section>
          );
        })}
      <footer>
        <button type="button" onClick={() => openDashboard('overview')}>
          Open dashboard
        </button>
        {openSidePanel && (
          <button
            type="button"
            data-testid="open-side-panel"
            title="On LinkedIn, Rapport shows who this is in the browser's side panel (Alt+Shift+L)"
            onClick={openSidePanel}
          >
            Side panel
          </button>
        )}
      </footer>
    </div>
  );
}
