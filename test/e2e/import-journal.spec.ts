import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './harness';

/**
 * A seller's large import cut off: the dashboard tab closed while the file is read, and the
 * worker stopped while it applies or plans. Each time the dashboard says so when it opens again,
 * and offers what can be done: roll back (the store exactly as before, backup for backup) or,
 * once every row reached the worker, finish (every row in, every customer planned).
 */

const CUSTOMERS = 1_000;
const ACTIVITIES = 100_000;

/** A week's later activities: a second, smaller file. */
const LATER = 20_000;

function writeFiles() {
  const dir = os.tmpdir();
  const contacts = path.join(dir, 'rapport-e2e-customers.csv');
  const c = ['First Name,Last Name,Email,Company Name,Lifecycle Stage'];
  for (let i = 0; i < CUSTOMERS; i++) c.push(`Cus${i},Tomer,cus${i}@co${i % 100}.example,Co ${i % 100},Customer`);
  writeFileSync(contacts, c.join('\n'));
  const activitiesFile = (name: string, rows: number, year: number) => {
    const file = path.join(dir, name);
    const a = ['Activity date,Activity type,Direction,Contact email,Subject'];
    for (let i = 0; i < rows; i++) {
      const month = String(1 + (i % 12)).padStart(2, '0');
      const day = String(1 + (i % 28)).padStart(2, '0');
      a.push(
        `${year}-${month}-${day},Email,${i % 2 ? 'Inbound' : 'Outbound'},cus${i % CUSTOMERS}@co${(i % CUSTOMERS) % 100}.example,Note ${i}`,
      );
    }
    writeFileSync(file, a.join('\n'));
    return file;
  };
  return {
    contacts,
    activities: activitiesFile('rapport-e2e-activities.csv', ACTIVITIES, 2025),
    later: activitiesFile('rapport-e2e-later.csv', LATER, 2024),
  };
}

/** The seller starts the import and closes the tab once a third of the file is read. */
async function closeWhileReading(page: Page, file: string) {
  await startImport(page, file);
  await expect
    .poll(async () => Number(await page.getByTestId('import-progress').getAttribute('value')), { timeout: 60_000 })
    .toBeGreaterThan(0.3);
  await page.close();
}

async function dashboard(context: BrowserContext, extensionId: string, section = 'import'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#${section}`);
  return page;
}

async function startImport(page: Page, file: string) {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-confirm').click();
}

/** The seller's JSON backup, downloaded as they would, without the moment it was made. */
async function backup(page: Page): Promise<unknown> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = await (await download).path();
  const { exportedAt: _, ...rest } = JSON.parse(readFileSync(file, 'utf8'));
  return rest;
}

test('an import cut off while its file is read is said to be interrupted: rolled back, the store is exactly as before; cut off again and finished, every row is in and every customer planned; a tab closed after every row reached the worker cuts nothing off', async ({
  context,
  extensionId,
  api,
}) => {
  test.setTimeout(360_000);
  const files = writeFiles();
  const page = await dashboard(context, extensionId);
  await startImport(page, files.contacts);
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-imported', String(CUSTOMERS), {
    timeout: 60_000,
  });
  const before = await backup(page);

  await page.goto(`chrome-extension://${extensionId}/options.html#overview`);
  await page.goto(`chrome-extension://${extensionId}/options.html#import`);
  await closeWhileReading(page, files.activities);

  const again = await dashboard(context, extensionId, 'overview');
  const notice = again.getByTestId('import-interrupted');
  await expect(notice).toContainText('rapport-e2e-activities.csv');
  await expect(notice).toContainText('while its file was being read');
  await notice.getByTestId('import-rollback').click();
  await expect(again.getByRole('status')).toContainText('rolled back');
  await expect(notice).toHaveCount(0);
  await again.goto(`chrome-extension://${extensionId}/options.html#import`);
  expect(await backup(again)).toEqual(before);

  // The same again, and this time the seller chooses Finish: the file kept with the import is
  // read again, every row goes in and every customer gets a follow-up.
  await closeWhileReading(again, files.activities);
  const third = await dashboard(context, extensionId, 'accounts');
  const cut = third.getByTestId('import-interrupted');
  await expect(cut).toContainText('while its file was being read');
  await cut.getByTestId('import-finish').click();
  await expect(third.getByTestId('import-rereading')).toBeVisible();
  await expect(third.getByRole('status').filter({ hasText: 'is finished' })).toContainText(
    `${ACTIVITIES.toLocaleString('en-US')} new`,
    { timeout: 120_000 },
  );
  await expect(cut).toHaveCount(0);
  expect((await api('data.counts', {})).touches).toBe(ACTIVITIES);
  expect(await livePlans(api)).toBe(CUSTOMERS);
  expect((await api('import.journals', {})).journals.filter((j) => j.stage !== 'done')).toEqual([]);

  // A later file, and the tab closes once every row reached the worker: nothing is cut off, the
  // worker finishes on its own.
  await third.goto(`chrome-extension://${extensionId}/options.html#import`);
  await startImport(third, files.later);
  await expect
    .poll(async () => (await api('import.journals', {})).journals.find((j) => j.name.includes('later'))?.stage, {
      timeout: 60_000,
      intervals: [50],
    })
    .toMatch(/stored|settling|done/);
  await third.close();
  await expect
    .poll(async () => (await api('import.journals', {})).journals.find((j) => j.name.includes('later'))?.stage, {
      timeout: 120_000,
    })
    .toBe('done');
  expect((await api('data.counts', {})).touches).toBe(ACTIVITIES + LATER);
  expect(await livePlans(api)).toBe(CUSTOMERS);
});

/** How many contacts have their one live follow-up. */
async function livePlans(api: Parameters<Parameters<typeof test>[2]>[0]['api']): Promise<number> {
  const { data } = await api('data.page', { store: 'followUps', limit: 10_000 });
  return new Set((data.followUps ?? []).filter((f) => f.liveFor).map((f) => f.contactId)).size;
}

test('the worker stopped while applying, then while planning: finish brings every row in and plans every customer', async ({
  context,
  extensionId,
  api,
}) => {
  test.setTimeout(300_000);
  const files = writeFiles();
  const page = await dashboard(context, extensionId);
  await startImport(page, files.contacts);
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-imported', String(CUSTOMERS), {
    timeout: 60_000,
  });
  await page.goto(`chrome-extension://${extensionId}/options.html#overview`);
  await page.goto(`chrome-extension://${extensionId}/options.html#import`);
  await startImport(page, files.activities);

  // While the worker applies the parts, it is stopped (as Chrome stops an idle worker, through
  // the DevTools protocol); the tab says what happened.
  const watcher = await dashboard(context, extensionId, 'overview');
  const stopWorkerWhen = async (stage: (j: { stage: string; applied: number }) => boolean) => {
    await expect
      .poll(
        async () => {
          const { journals } = await api('import.journals', {});
          const current = journals.find((j) => j.name === 'rapport-e2e-activities.csv');
          if (!current || !stage(current)) return false;
          const cdp = await context.newCDPSession(watcher);
          await cdp.send('ServiceWorker.enable');
          await cdp.send('ServiceWorker.stopAllWorkers');
          await cdp.detach();
          return true;
        },
        { timeout: 180_000, intervals: [50] },
      )
      .toBe(true);
  };
  await stopWorkerWhen((j) => j.stage === 'stored' && j.applied > 0);
  await expect(page.getByRole('alert')).toContainText('finish the import or roll it back');

  // The dashboard opened again says so; Finish goes on, and the worker is stopped once more while
  // it plans the follow-ups.
  await watcher.reload();
  let notice = watcher.getByTestId('import-interrupted');
  await expect(notice).toHaveAttribute('data-stage', 'stored');
  await expect(notice).toContainText('after every row reached Rapport');
  await notice.getByTestId('import-finish').click();
  await stopWorkerWhen((j) => j.stage === 'settling');

  await watcher.reload();
  notice = watcher.getByTestId('import-interrupted');
  await expect(notice).toHaveAttribute('data-stage', 'settling');
  await notice.getByTestId('import-finish').click();
  await expect(watcher.getByRole('status')).toContainText('is finished', { timeout: 120_000 });
  await expect(notice).toHaveCount(0);

  const counts = await api('data.counts', {});
  expect(counts.touches).toBe(ACTIVITIES);
  expect(counts.contacts).toBe(CUSTOMERS);
  // Every customer has their one live follow-up.
  expect(await livePlans(api)).toBe(CUSTOMERS);
});
