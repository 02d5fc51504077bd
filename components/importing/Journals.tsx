import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { useApi } from '../common/api';
import { dateTime } from '../common/words';

type Journal = ResponseOf<'import.journals'>['journals'][number];

/** The worker's import journals, read again after every action taken on one and when `key` changes. */
function useJournals(key?: unknown) {
  const api = useApi();
  const [journals, setJournals] = useState<Journal[]>([]);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const load = async () => {
    const answer = await api('import.journals', {});
    if (answer.ok) setJournals(answer.data.journals);
  };
  useEffect(() => {
    void load();
  }, [key]);
  const act = async (type: 'import.finish' | 'import.rollback', journal: Journal, done: string) => {
    setMessage(null);
    const answer = await api(type, { importId: journal.importId });
    setMessage(
      answer.ok ? { text: done, failed: false } : { text: `${journal.name}: ${answer.error.message}`, failed: true },
    );
    await load();
  };
  const say = (text: string, failed: boolean) => setMessage({ text, failed });
  return { journals, message, act, load, say };
}

/** What came of the last action: a status, or an alert when it failed. */
function Said({ text, failed }: { text: string; failed: boolean }) {
  return (
    <p class={`status${failed ? ' error' : ''}`} role={failed ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

/** An import's file rows all reached the worker: it can be finished from its journal. */
const canFinish = (j: Journal) => j.stage === 'stored' || j.stage === 'settling';
/** Cut off while its file was read, with the file kept: finishing reads it again. */
const canReread = (j: Journal) => j.stage === 'reading' && j.fileKept === true;

/**
 * Finishes an import cut off while its file was read: the file kept with the journal is read
 * again in this page (flow.ts, loaded only now), with its progress shown here.
 */
function useReread(load: () => Promise<void>, say: (text: string, failed: boolean) => void) {
  const api = useApi();
  const [progress, setProgress] = useState<{ name: string; share: number } | null>(null);
  const reread = async (j: Journal) => {
    setProgress({ name: j.name, share: 0 });
    try {
      const { finishFromKeptFile } = await import('./flow');
      const report = await finishFromKeptFile(j.importId, api, (share) => setProgress({ name: j.name, share }));
      say(
        `The import of ${j.name} is finished: ${report.imported.toLocaleString()} new, ${report.merged.toLocaleString()} merged, ${report.skipped.toLocaleString()} skipped.`,
        false,
      );
    } catch (error) {
      say(`${j.name}: ${error instanceof Error ? error.message : String(error)}`, true);
    } finally {
      setProgress(null);
      await load();
    }
  };
  return { progress, reread };
}

/**
 * Shown on every dashboard view while an import was cut off (its tab closed, the browser quit, the
 * worker stopped): what happened in plain words and the two ways out. Nothing half-done stays
 * without a word.
 */
export function InterruptedImports() {
  const { journals, message, act, load, say } = useJournals();
  const { progress, reread } = useReread(load, say);
  const interrupted = journals.filter((j) => j.interrupted);
  if (interrupted.length === 0 && !message && !progress) return null;
  return (
    <div class="notices">
      {message && <Said {...message} />}
      {progress && (
        <p class="status" role="status" data-testid="import-rereading">
          Finishing the import of {progress.name}: reading the file again, {Math.round(progress.share * 100)}%
        </p>
      )}
      {interrupted.map((j) => (
        <div key={j.importId} class="notice" role="alert" data-testid="import-interrupted" data-stage={j.stage}>
          <p>
            The import of <strong>{j.name}</strong> (started {dateTime(j.startedAt)}) was interrupted{' '}
            {canFinish(j)
              ? 'after every row reached Rapport: finish it to have them all, or roll it back.'
              : canReread(j)
                ? 'while its file was being read. Nothing of it is in use yet: finish it to read the file again, or roll it back.'
                : 'while its file was being read: roll it back, then import the file again.'}
          </p>
          <div class="actions">
            {(canFinish(j) || canReread(j)) && (
              <button
                type="button"
                class="primary"
                data-testid="import-finish"
                disabled={!!progress}
                onClick={() =>
                  void (canReread(j) ? reread(j) : act('import.finish', j, `The import of ${j.name} is finished.`))
                }
              >
                Finish it
              </button>
            )}
            <button
              type="button"
              data-testid="import-rollback"
              disabled={!!progress}
              onClick={() =>
                void act('import.rollback', j, `The import of ${j.name} is rolled back: Rapport is as before.`)
              }
            >
              Roll it back
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}

/** The last finished imports, each with its undo (kept in the store, so it survives a reload). */
export function RecentImports({ refreshKey }: { refreshKey: unknown }) {
  const { journals, message, act } = useJournals(refreshKey);
  const finished = journals.filter((j) => j.stage === 'done');
  if (finished.length === 0 && !message) return null;
  return (
    <section aria-labelledby="recent-imports-title" data-testid="recent-imports">
      <h2 id="recent-imports-title">Recent imports</h2>
      {message && <Said {...message} />}
      <ul>
        {finished.map((j) => (
          <li key={j.importId} data-testid="recent-import">
            {j.name}, {dateTime(j.finishedAt ?? j.startedAt)}
            {j.counts && `: ${j.counts.imported.toLocaleString()} new, ${j.counts.merged.toLocaleString()} merged`}{' '}
            <button
              type="button"
              data-testid="recent-import-undo"
              onClick={() => void act('import.rollback', j, `The import of ${j.name} is undone.`)}
            >
              Undo
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
