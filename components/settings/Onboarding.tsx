import { useMemo } from 'preact/hooks';
import type { Settings } from '@/lib/shared/model';
import { createSettingsForm } from './form-state';
import { SettingsFields } from './SettingsFields';
import type { useSettingsStore } from './useSettings';

type Store = ReturnType<typeof useSettingsStore>;

/**
 * First run: who the seller is, in one short form. Every field is optional and the whole
 * step can be skipped; Rapport works with its defaults until then.
 */
export function Onboarding({ store, settings, onDone }: { store: Store; settings: Settings; onDone: () => void }) {
  const form = useMemo(() => createSettingsForm(settings), [settings]);
  const finish = async (patch: Parameters<Store['save']>[0]) => {
    if (await store.save({ ...patch, onboardedAt: Date.now() })) onDone();
  };
  return (
    <section class="onboarding" data-testid="onboarding" aria-labelledby="onboarding-title">
      <h1 id="onboarding-title">Welcome to Rapport</h1>
      <p>
        Tell Rapport who you are so it can tell your customers from your colleagues. Everything stays on this computer,
        and you can change it later in Settings.
      </p>
      <p class="hint" data-testid="side-panel-hint">
        In Gmail, Rapport sits beside your mail. On LinkedIn it adds nothing to the page: open it in the browser's side
        panel, from the toolbar popup's <strong>Side panel</strong> button or with <kbd>Alt</kbd>+<kbd>Shift</kbd>+
        <kbd>L</kbd>.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void finish(form.toPatch());
        }}
      >
        <SettingsFields form={form} />
        <StatusLine store={store} />
        <div class="actions">
          <button type="submit" class="primary" data-testid="onboarding-save">
            Save and start
          </button>
          <button type="button" data-testid="onboarding-skip" onClick={() => void finish({})}>
            Skip for now
          </button>
        </div>
      </form>
    </section>
  );
}

export function StatusLine({ store }: { store: Store }) {
  const { kind, message } = store.status.value;
  if (kind === 'idle') return null;
  return (
    <p class={`status ${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid="settings-status">
      {message}
    </p>
  );
}
