import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Settings } from '@/lib/shared/model';
import { useApi } from '../common/api';
import { StatusLine } from './Onboarding';
import { createSettingsForm } from './form-state';
import { SettingsFields } from './SettingsFields';
import { TeamSettings } from './Team';
import type { useSettingsStore } from './useSettings';

type Store = ReturnType<typeof useSettingsStore>;

/**
 * Settings as they are when the page opens: Rapport changes some in the background (a Gmail
 * account's domain proposed as internal), and a form made from an older copy would, once
 * saved, take back what it never showed.
 */
export function SettingsPage({
  store,
  settings,
  askForOrigin,
}: {
  store: Store;
  settings: Settings;
  askForOrigin: (origin: string) => Promise<void>;
}) {
  const api = useApi();
  const [fresh, setFresh] = useState<Settings>();
  useEffect(() => {
    void api('settings.get', {}).then((result) => setFresh(result.ok ? result.data : settings));
  }, []);
  return fresh ? (
    <SettingsForm store={store} settings={fresh}>
      <TeamSettings askForOrigin={askForOrigin} />
    </SettingsForm>
  ) : null;
}

/** `children`: the sections after the form (Team), inside the one Settings section. */
function SettingsForm({
  store,
  settings,
  children,
}: {
  store: Store;
  settings: Settings;
  children?: ComponentChildren;
}) {
  // A new form only when the page opens: saving must not reset what the seller is typing.
  const form = useMemo(() => createSettingsForm(settings), []);
  return (
    <section data-testid="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void store.save(form.toPatch());
        }}
      >
        <SettingsFields form={form} lists />
        <StatusLine store={store} />
        <div class="actions">
          <button type="submit" class="primary" data-testid="settings-save">
            Save
          </button>
        </div>
      </form>
      {children}
    </section>
  );
}
