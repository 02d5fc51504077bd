import { readFileSync } from 'node:fs';
import { chrisCustomer, expect, gmailSidebar, serveGmail, test } from './harness';

const THREAD = 'test/fixtures/gmail/variants/SYNTHETIC-thread-german-de.html';

test('a record that breaks the schema: the sidebar works for everyone else, the overview names it, the backup keeps it', async ({
  context,
  extensionId,
  extensionPage,
  api,
  seed,
}) => {
  const since = Date.now() - 200 * 86_400_000;
  await api('settings.update', {
    me: { emails: ['verkauf@ourco.example'] },
    internalDomains: ['ourco.example'],
    confirmedAccounts: ['verkauf@ourco.example'],
    onboardedAt: Date.now(),
  });
  await seed({
    contacts: [
      chrisCustomer(since, { id: 'klara', name: 'Klara Kunde', emails: ['klara.kunde@kunde.example'] }),
      chrisCustomer(since, { id: 'paul', name: 'Paul Partner', emails: ['paul.partner@kunde.example'] }),
    ],
  } as never);
  // An older version (or a hand edit) left Paul with a status Rapport no longer knows, written
  // straight into IndexedDB, past every check.
  await extensionPage.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onsuccess = () => {
          const tx = open.result.transaction('contacts', 'readwrite');
          const store = tx.objectStore('contacts');
          const get = store.get('paul');
          get.onsuccess = () => store.put({ ...get.result, status: 'vip' });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );

  await serveGmail(context, THREAD);
  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrkZxKJjhXbQmTvRmHLVNsXm');
  const sidebar = await gmailSidebar(gmail);
  const klara = sidebar.locator('[data-testid="person"][data-email="klara.kunde@kunde.example"]');
  await expect(klara.getByTestId('trust')).toHaveAttribute('data-level', /none|some|full/);
  await expect(klara.getByTestId('next-touch')).toBeVisible();
  // Paul is still there as a person on the thread, without the card his record cannot give.
  await expect(sidebar.locator('[data-testid="person"][data-email="paul.partner@kunde.example"]')).toBeVisible();

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#overview`);
  const bad = dashboard.getByTestId('bad-record');
  await expect(bad).toHaveCount(1);
  await expect(bad).toHaveAttribute('data-id', 'paul');
  await expect(bad).toHaveAttribute('data-store', 'contacts');
  await expect(bad).toContainText('status');

  await dashboard.goto(`chrome-extension://${extensionId}/options.html#import`);
  const download = dashboard.waitForEvent('download');
  await dashboard.getByTestId('export-json').click();
  const backup = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(backup.data.contacts.find((c: { id: string }) => c.id === 'paul')).toMatchObject({ status: 'vip' });
  await expect(dashboard.getByTestId('export-note')).toContainText('1 of them fail');

  // Deleting it from the overview clears the notice.
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#overview`);
  await dashboard.getByTestId('bad-record-delete').click();
  await expect(dashboard.getByTestId('bad-records')).toHaveCount(0);
});
