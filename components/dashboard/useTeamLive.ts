import { useEffect, useState } from 'preact/hooks';
import { useApi } from '../common/api';

/** How often the open dashboard syncs with the team (the worker's alarm does every five minutes). */
const EVERY_MS = 60_000;

/**
 * While the dashboard is open and shown and a team server is set up: a sync when it opens and
 * every minute, so a teammate's work arrives while the seller looks. Answers how many of those
 * syncs brought something, for the views to read the book again.
 */
export function useTeamLive(): number {
  const api = useApi();
  const [arrivals, setArrivals] = useState(0);
  useEffect(() => {
    let open = true;
    const sync = async () => {
      if (document.visibilityState !== 'visible') return;
      const view = await api('team.view', {});
      if (!view.ok || !view.data.server) return;
      const synced = await api('team.sync', {});
      if (open && synced.ok && synced.data.pulled > 0) setArrivals((n) => n + 1);
    };
    void sync();
    const timer = setInterval(() => void sync(), EVERY_MS);
    return () => {
      open = false;
      clearInterval(timer);
    };
  }, []);
  return arrivals;
}
