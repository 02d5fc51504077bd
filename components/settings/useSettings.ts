import { signal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { Settings, SettingsPatch } from '@/lib/shared/model';
import { useApi } from '../common/api';

/** Loads settings once and saves patches; `status` is what the form says after a save. */
export function useSettingsStore() {
  const api = useApi();
  return useMemo(() => {
    const settings = signal<Settings | undefined>(undefined);
    const status = signal<{ kind: 'idle' | 'saved' | 'error'; message: string }>({ kind: 'idle', message: '' });
    void api('settings.get', {}).then((result) => {
      if (result.ok) settings.value = result.data;
      else status.value = { kind: 'error', message: result.error.message };
    });
    async function save(patch: SettingsPatch): Promise<boolean> {
      const result = await api('settings.update', patch);
      if (!result.ok) {
        status.value = { kind: 'error', message: result.error.message };
        return false;
      }
      settings.value = result.data;
      status.value = { kind: 'saved', message: 'Saved.' };
      return true;
    }
    return { settings, status, save };
  }, [api]);
}
