import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { useApi } from '../common/api';
import { dateTime } from '../common/words';
import { Field } from './Field';

type View = ResponseOf<'team.view'>;
type Said = { text: string; failed: boolean; result?: string };

/**
 * Settings → Team: the team's CouchDB server. Saving asks the browser for access to that server
 * (an optional permission, never asked at install), tests it, and keeps the details only when
 * the server answers. A server on this computer (http://127.0.0.1, `npm run sync-server`)
 * answers Rapport's own origin itself, so no permission is asked for it.
 */
export function TeamSettings({ askForOrigin }: { askForOrigin: (origin: string) => Promise<void> }) {
  const api = useApi();
  const [view, setView] = useState<View>();
  const [fields, setFields] = useState({ url: '', database: 'team', user: '', password: '' });
  const [said, setSaid] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async () => {
    const answer = await api('team.view', {});
    if (!answer.ok) return setSaid({ text: answer.error.message, failed: true });
    setView(answer.data);
    const { server } = answer.data;
    if (server) setFields((f) => ({ ...f, url: server.url, database: server.database, user: server.user }));
  };
  useEffect(() => {
    void load();
  }, []);
  const set = (key: keyof typeof fields) => (e: { currentTarget: HTMLInputElement }) =>
    setFields({ ...fields, [key]: e.currentTarget.value });

  const save = async () => {
    setBusy(true);
    setSaid(null);
    try {
      const origin = serverOrigin(fields.url);
      if (origin) await askForOrigin(origin);
      const { password, ...rest } = fields;
      const answer = await api('team.save', { ...rest, ...(password ? { password } : {}) });
      if (!answer.ok) return setSaid({ text: answer.error.message, failed: true });
      setSaid({ text: answer.data.words, failed: answer.data.result !== 'ok', result: answer.data.result });
      if (answer.data.result === 'ok') setFields((f) => ({ ...f, password: '' }));
      await load();
    } finally {
      setBusy(false);
    }
  };
  const act = async (type: 'team.sync' | 'team.leave') => {
    setBusy(true);
    const answer = await api(type, {});
    if (!answer.ok) setSaid({ text: answer.error.message, failed: true });
    else if (type === 'team.leave')
      setSaid({ text: 'This browser has left the team: nothing more is shared.', failed: false });
    else setSaid(null);
    await load();
    setBusy(false);
  };

  const status = view?.status;
  return (
    <section data-testid="team" aria-labelledby="team-title">
      <h2 id="team-title">Team</h2>
      <p>
        Share accounts, contacts and touches with your team through your team's CouchDB server. Notes, your own
        follow-ups and settings stay here. The password is kept in this browser only, never in a backup.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label="Server address" hint="https://…, or http://127.0.0.1:… for a server on this computer">
          {(p) => <input {...p} type="url" required value={fields.url} onInput={set('url')} data-testid="team-url" />}
        </Field>
        <Field label="Team database">
          {(p) => (
            <input {...p} required value={fields.database} onInput={set('database')} data-testid="team-database" />
          )}
        </Field>
        <Field label="User">
          {(p) => (
            <input {...p} autocomplete="username" value={fields.user} onInput={set('user')} data-testid="team-user" />
          )}
        </Field>
        <Field label="Password" hint={view?.server?.hasPassword ? 'Leave empty to keep the one saved' : undefined}>
          {(p) => (
            <input
              {...p}
              type="password"
              autocomplete="current-password"
              value={fields.password}
              onInput={set('password')}
              data-testid="team-password"
            />
          )}
        </Field>
        {said && (
          <p
            class={`status${said.failed ? ' error' : ''}`}
            role={said.failed ? 'alert' : 'status'}
            data-testid="team-result"
            data-result={said.result ?? ''}
          >
            {said.text}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy} data-testid="team-save">
            Test and save
          </button>
          {view?.server && (
            <>
              <button type="button" disabled={busy} onClick={() => void act('team.sync')} data-testid="team-sync">
                Sync now
              </button>
              <button type="button" disabled={busy} onClick={() => void act('team.leave')} data-testid="team-leave">
                Leave the team
              </button>
            </>
          )}
        </div>
      </form>
      {view?.server && (
        <p data-testid="team-pending" data-count={view.pending}>
          {view.pending === 0
            ? 'Nothing made here is waiting to be sent.'
            : `${view.pending.toLocaleString()} ${view.pending === 1 ? 'change' : 'changes'} made here ${
                view.pending === 1 ? 'waits' : 'wait'
              } for the next sync.`}
        </p>
      )}
      {status && (
        <p
          class={`status${status.ok ? '' : ' error'}`}
          role="status"
          data-testid="team-status"
          data-ok={String(status.ok)}
        >
          {status.ok
            ? `Last sync ${dateTime(status.at)}: ${status.pushed.toLocaleString()} sent, ${status.pulled.toLocaleString()} received${
                status.refused.length ? `, ${status.refused.length} refused (${status.refused[0]})` : ''
              }.`
            : `The last sync, ${dateTime(status.at)}, failed: ${status.error ?? 'unknown error'}`}
        </p>
      )}
    </section>
  );
}

/**
 * The origin to ask access for, or none: a server on this computer answers Rapport's origin
 * itself (test/tools/sync-server.mjs), and a wrong address is the worker's to explain.
 */
function serverOrigin(url: string): string | undefined {
  try {
    const { origin } = new URL(url);
    return /^http:\/\/(127\.0\.0\.1|localhost)(:|$)/.test(origin) ? undefined : origin;
  } catch {
    return undefined;
  }
}
