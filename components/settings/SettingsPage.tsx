import { useMemo } from 'preact/hooks';
import type { Settings } from '@/lib/shared/model';
import { StatusLine } from './Onboarding';
import { createSettingsForm } from './form-state';
import { SettingsFields } from './SettingsFields';
import type { useSettingsStore } from './useSettings';

export function SettingsPage({ store, settings }: { store: ReturnType<typeof useSettingsStore>; settings: Settings }) {
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
        <SettingsFields form={form} />
        <StatusLine store={store} />
        <div class="actions">
          <button type="submit" class="primary" data-testid="settings-save">
            Save
          </button>
        </div>
      </form>
    </section>
  );
}
