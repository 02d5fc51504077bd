import { browser } from 'wxt/browser';
import { keepBadgeCurrent, updateBadge } from '@/lib/background/badge';
import { listenToCommands } from '@/lib/background/commands';
import { store } from '@/lib/background/db/open';
import { createHandlers } from '@/lib/background/handlers';
import { announceInterruptedImports } from '@/lib/background/import-notice';
import { listen, listenForImportTabs } from '@/lib/background/listen';
import { openOnboardingOnInstall } from '@/lib/background/onboarding';
import { forgetClosedTabs } from '@/lib/background/pages';
import { armReminders, keepRemindersCurrent } from '@/lib/background/reminders';
import { keepTeamInSync } from '@/lib/background/sync';

export default defineBackground(() => {
  // Listeners register synchronously at start, so an event that woke the worker is not missed.
  const handlers = createHandlers({
    db: store,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    version: browser.runtime.getManifest().version,
    bootId: crypto.randomUUID(),
    startedAt: Date.now(),
    // A tab whose page has no content script of ours (closed meanwhile) has nobody to answer.
    tellTab: (tabId, message) => browser.tabs.sendMessage(tabId, message).catch(() => undefined),
    // Side by side: each is a few reads and a call to the browser. Run after each write, in
    // turn, without holding the write's answer (lib/background/handlers.ts, `refresher`).
    afterWrite: async (db) => {
      await Promise.all([updateBadge(db, Date.now()), armReminders(db, Date.now())]);
    },
  });
  listen(handlers);
  keepTeamInSync(handlers.team);
  listenForImportTabs();
  announceInterruptedImports(store);
  openOnboardingOnInstall();
  keepBadgeCurrent(store, Date.now);
  keepRemindersCurrent(store, Date.now);
  listenToCommands();
  forgetClosedTabs();
});
