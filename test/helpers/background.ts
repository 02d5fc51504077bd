import type { IDBPDatabase } from 'idb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openStore } from '@/lib/background/db/open';
import type { RapportDB } from '@/lib/background/db/schema';
import { createHandlers } from '@/lib/background/handlers';
import { listen } from '@/lib/background/listen';
import type { Sender } from '@/lib/background/router';

let dbCounter = 0;

/** The background as it runs in the extension: listener registered, a fresh database of its own. */
export async function startBackground(now = () => Date.UTC(2026, 10, 23, 10)) {
  fakeBrowser.reset();
  const db: IDBPDatabase<RapportDB> = await openStore({ name: `rapport-test-${++dbCounter}` });
  let ids = 0;
  listen(
    createHandlers({
      db: async () => db,
      now,
      newId: () => `id-${++ids}`,
      version: '0.0.0-test',
      bootId: 'boot-test',
      startedAt: now(),
    }),
  );
  return db;
}

/** Senders built by hand: WXT's fakeBrowser passes an empty sender through sendMessage. */
export const senders = {
  page: { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` },
  popup: { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` },
  content: { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } },
  /** The sidebar page framed into Gmail's tab 7: an extension page (its URL is ours) in a tab. */
  frame: {
    id: fakeBrowser.runtime.id,
    url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html?host=gmail`,
    tab: { id: 7 },
  },
  otherExtension: { id: 'another-extension-id', url: 'chrome-extension://another-extension-id/page.html' },
  /** A content script's frame claiming our id but sitting in a web page without a tab: refused. */
  noTab: { id: fakeBrowser.runtime.id, url: 'https://evil.example/' },
} satisfies Record<string, Sender>;

/** Delivers a message to the background's listener as the browser would, and waits for the answer. */
export function deliver(
  message: unknown,
  sender: Sender,
): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender as never, resolve);
  });
}

export const envelope = (type: string, payload: unknown = {}) => ({ rapport: 1, type, payload });
