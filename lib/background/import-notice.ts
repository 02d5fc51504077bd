import type { IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import type { RapportDB } from './db/schema';
import { isInterrupted, listJournals, markAnnounced } from './import-journal';

const NOTICE_PREFIX = 'rapport-import-interrupted:';

/**
 * How long a new worker waits before it calls an unfinished import interrupted: a dashboard tab
 * still working on it opens its port again within this time (a restarted worker closed it).
 */
const SETTLE_MS = 5_000;

/**
 * When a worker starts, an import that was cut off (and has not been announced yet) is announced
 * once with a notification; clicking it opens the dashboard, which offers finish or roll back.
 */
export function announceInterruptedImports(db: () => Promise<IDBPDatabase<RapportDB>>): void {
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTICE_PREFIX)) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/options.html#overview') });
    void browser.notifications.clear(id);
  });
  setTimeout(() => {
    void db().then(async (database) => {
      for (const journal of await listJournals(database)) {
        if (!isInterrupted(journal) || journal.announced) continue;
        await browser.notifications.create(`${NOTICE_PREFIX}${journal.importId}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: 'An import was interrupted',
          message: `Rapport has part of “${journal.name.slice(0, 80)}”. Open Rapport to finish it or roll it back.`,
        });
        await markAnnounced(database, journal.importId);
      }
    });
  }, SETTLE_MS);
}
