import type { BrowserContext, Page, Request } from '@playwright/test';
// @ts-expect-error: a plain Node module without types (test/tools/sync-server.mjs)
import { startSyncServer } from '../tools/sync-server.mjs';
import { expect, gmailSidebar, serveGmail, test } from './harness';

/**
 * What never leaves the page and never leaves the machine: no e-mail body is kept anywhere
 * Rapport keeps anything, and Rapport's worker and pages make no network request unless the
 * seller set up a team server, and then only to it. Playwright reports the service worker's
 * requests as the context's (on by default since 1.5x; `PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS`
 * in older versions), so the worker is watched as well as the pages.
 */

const THREAD = 'test/fixtures/gmail/variants/SYNTHETIC-thread-outbound-and-colleague.html';
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrkZxKJjhXbQmTvRmHLVNsXm';
const MARKER = `BODY-MARKER-${Date.now().toString(36)}-never-stored`;

/** The requests Rapport itself makes: its worker's, and those of its pages (tabs or frames). */
function watchRapport(context: BrowserContext) {
  const made: string[] = [];
  const ours = (request: Request) => {
    if (request.serviceWorker()) return true;
    try {
      return request.frame().url().startsWith('chrome-extension://');
    } catch {
      return false;
    }
  };
  context.on('request', (request) => {
    if (ours(request)) made.push(request.url());
  });
  /** Requests that left the extension (its own files are `chrome-extension://` URLs). */
  return () => made.filter((url) => !/^(chrome-extension|data|blob):/.test(url));
}

/** Everything Rapport keeps in this profile: every IndexedDB database, and its extension storage. */
async function everythingKept(page: Page) {
  return page.evaluate(async () => {
    const dump: unknown[] = [];
    let records = 0;
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name as string);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const name of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        records += all.length;
        dump.push({ db: info.name, store: name, all });
      }
      db.close();
    }
    const storage = [await chrome.storage.local.get(null), await chrome.storage.session.get(null)];
    return { records, text: JSON.stringify([dump, storage]) };
  });
}

test('no e-mail body is kept anywhere, and without a team server Rapport makes no request at all', async ({
  context,
  api,
  extensionId,
}) => {
  const outside = watchRapport(context);
  // The marker stands in every message's body, where a seller's customer writes.
  await serveGmail(context, THREAD, {
    'Here is the scope.': `Here is the scope. ${MARKER}`,
    'Adding the pricing.': `Adding the pricing. ${MARKER}`,
  });
  await api('settings.update', { me: { emails: ['sales@ourco.example'] }, internalDomains: ['ourco.example'] });

  const gmail = await context.newPage();
  await gmail.goto(GMAIL);
  await expect(gmail.locator('body')).toContainText(MARKER);
  await (await gmailSidebar(gmail)).getByTestId('track').click();
  const chris = async () => (await api('contact.find', { email: 'chris@customer.example' }))?.id;
  await expect.poll(chris).toBeTruthy();
  await expect
    .poll(async () => (await api('touch.list', { contactId: (await chris()) as string, limit: 50 })).length)
    .toBe(3);

  // The seller's day around it: the popup, the dashboard's views, a backup.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const dashboard = await context.newPage();
  for (const view of ['accounts', 'contacts', 'bucket', 'settings']) {
    await dashboard.goto(`chrome-extension://${extensionId}/options.html#${view}`);
    await dashboard.waitForLoadState('networkidle');
  }
  const backup = JSON.stringify(await api('data.export', {}));

  const kept = await everythingKept(dashboard);
  console.log(
    `privacy: ${kept.records} records in every database searched (${kept.text.length.toLocaleString('en')} characters), no body text; requests beyond the extension: ${outside().length}`,
  );
  // The search sees what was captured (the subject), so it would see a body too.
  expect(kept.text).toContain('Pilot scope');
  expect(kept.text).not.toContain(MARKER);
  expect(backup).toContain('Pilot scope');
  expect(backup).not.toContain(MARKER);
  expect(outside()).toEqual([]);
});

test('with a team server set up, the worker talks to that server and nowhere else', async ({ context, api }) => {
  const server = await startSyncServer();
  try {
    const outside = watchRapport(context);
    await api('settings.update', { me: { emails: ['sales@ourco.example'] }, internalDomains: ['ourco.example'] });
    const saved = await api('team.save', { url: server.url, database: 'team', user: 'sam', password: 'secret' });
    expect(saved.result).toBe('ok');
    expect(await api('team.sync', {})).toMatchObject({ ok: true });
    const made = outside();
    console.log(`privacy: ${made.length} requests with a team server set, all to ${server.url}`);
    expect(made.length).toBeGreaterThan(0);
    expect(made.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([]);
  } finally {
    await server.stop();
  }
});
