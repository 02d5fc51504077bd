import type { Page } from '@playwright/test';
import { expect, gmailSidebar, serveGmail, test } from './harness';

const FIXTURES = 'test/fixtures/import';

async function importFile(page: Page, file: string) {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-confirm').click();
  return page.getByTestId('import-report');
}

test('import contacts and activities, see them in Gmail, bad rows reported by line, undo', async ({
  context,
  extensionId,
  api,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#import`);

  const contacts = await importFile(page, `${FIXTURES}/hubspot-contacts.csv`);
  await expect(contacts).toHaveAttribute('data-imported', '4');
  await expect(contacts).toHaveAttribute('data-merged', '1');
  await expect(contacts).toHaveAttribute('data-skipped', '0');

  await page.getByTestId('import-undo').waitFor();
  await page.goto(`chrome-extension://${extensionId}/options.html#overview`);
  await page.goto(`chrome-extension://${extensionId}/options.html#import`);
  const activities = await importFile(page, `${FIXTURES}/activities.csv`);
  await expect(activities).toHaveAttribute('data-imported', '6');

  // The imported history shows in the Gmail sidebar for one of those contacts.
  await serveGmail(context, 'test/fixtures/gmail/variants/SYNTHETIC-thread-outbound-and-colleague.html', {
    'chris@customer.example': 'jane.doe@acme.example',
  });
  await api('settings.update', { me: { emails: ['sales@ourco.example'] }, internalDomains: ['ourco.example'] });
  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrkZxKJjhXbQmTvRmHLVNsXm');
  const card = (await gmailSidebar(gmail)).locator('[data-email="jane.doe@acme.example"]');
  await expect(card.getByTestId('trust')).toHaveAttribute('data-level', /none|some|full/);
  await expect(card.getByTestId('touch').first()).toBeVisible();
  expect(await card.getByTestId('touch').count()).toBeGreaterThanOrEqual(3);

  // Bad rows: each reported with its line; the good ones imported; undo takes them back out.
  await page.reload();
  const bad = await importFile(page, `${FIXTURES}/bad-contacts.csv`);
  await expect(bad).toHaveAttribute('data-skipped', '4');
  expect(
    await page.getByTestId('import-error').evaluateAll((e) => e.map((x) => Number(x.getAttribute('data-line')))),
  ).toEqual([3, 4, 7, 8]);
  expect(await api('contact.find', { email: 'good@acme.example' })).not.toBeNull();
  // The undo is kept in the store: after a reload, the newest of the recent imports undoes it.
  await page.reload();
  await expect(page.getByTestId('recent-import')).toHaveCount(3);
  await expect(page.getByTestId('recent-import').first()).toContainText('bad-contacts.csv');
  await page.getByTestId('recent-import-undo').first().click();
  await expect(page.getByTestId('recent-import')).toHaveCount(2);
  expect(await api('contact.find', { email: 'good@acme.example' })).toBeNull();
  expect(await api('contact.find', { email: 'jane.doe@acme.example' })).not.toBeNull();
});

test('export everything as JSON, reset, restore: the same data', async ({ context, extensionId, api, seed }) => {
  const now = Date.now();
  await seed({
    accounts: [
      {
        id: 'a1',
        name: 'Acme',
        domains: ['acme.example'],
        valueTier: 'high',
        products: ['X'],
        notes: 'n',
        createdAt: now,
        updatedAt: now,
      },
    ],
    contacts: [
      {
        id: 'c1',
        name: 'Ada',
        emails: ['ada@acme.example'],
        accountId: 'a1',
        status: 'customer',
        createdAt: now,
        updatedAt: now,
      },
    ] as never,
    touches: [
      { id: 't1', contactId: 'c1', accountId: 'a1', kind: 'call', direction: 'none', at: now - 1000, source: 'manual' },
    ] as never,
    purchases: [{ id: 'p1', accountId: 'a1', amount: 10, currency: 'EUR', at: now - 5000 }],
  });
  const before = await api('data.export', {});
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#import`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const file = await download.path();
  await api('data.reset', { confirm: 'erase everything' });
  expect((await api('data.counts', {})).contacts).toBe(0);
  const restored = await importFile(page, file);
  await expect(restored).toHaveAttribute('data-skipped', '0');
  const after = await api('data.export', {});
  const sort = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  for (const store of ['sellers', 'accounts', 'contacts', 'touches', 'purchases', 'followUps'] as const) {
    expect(sort(after[store] as { id: string }[]), store).toEqual(sort(before[store] as { id: string }[]));
  }
});

test('an import whose owners match nobody asks which one is the seller; the answer makes their contacts the seller’s', async ({
  context,
  extensionId,
  api,
}) => {
  await api('settings.update', { me: { name: 'Sam Seller', emails: ['sam@ourco.example'] } });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#import`);
  const report = await importFile(page, `${FIXTURES}/hubspot-customers.csv`);
  await expect(report).toHaveAttribute('data-imported', '3');
  await expect(report.getByTestId('owner-claim')).toBeVisible();

  // The question is not lost when the seller walks away: the overview asks it too.
  await page.goto(`chrome-extension://${extensionId}/options.html#overview`);
  const claim = page.getByTestId('owner-claim');
  await expect(claim.getByTestId('owner-claim-choice')).toHaveCount(2);
  await claim.locator('[data-testid="owner-claim-choice"][data-owner="Samantha Seller"]').check();
  await claim.getByTestId('owner-claim-confirm').click();
  await expect(page.getByTestId('owner-claim-done')).toContainText('2 contacts');

  const data = await api('data.export', {});
  const byEmail = (email: string) => data.contacts.find((c) => c.emails.includes(email));
  expect(byEmail('nora.lind@fjord.example')).toMatchObject({
    ownerId: 'me',
    status: 'customer',
    phones: ['+4722000000'],
    statusHistory: [{ status: 'customer', at: new Date(2022, 8, 1, 10).getTime() }],
  });
  expect(byEmail('omar@fjord.example')?.ownerId).toBe('me');
  const alex = data.sellers.find((s) => s.name === 'Alex Colleague');
  expect(byEmail('pia@kranz.example')).toMatchObject({ ownerId: alex?.id, phones: ['+49305550100'] });
  expect(data.sellers.map((s) => s.name)).toEqual(['Alex Colleague']);
  expect((await api('settings.get', {})).me).toMatchObject({ crmOwnerName: 'Samantha Seller' });
  // The popup now tells the seller's own follow-ups from the team's.
  expect((await api('followup.list', {})).ownerKnown).toBe(true);

  // The next import of the same file recognises the seller by itself: nothing to ask.
  await page.goto(`chrome-extension://${extensionId}/options.html#import`);
  const again = await importFile(page, `${FIXTURES}/hubspot-customers.csv`);
  await expect(again).toHaveAttribute('data-merged', '3');
  await expect(page.getByTestId('owner-claim')).toHaveCount(0);
});

test('the dashboard’s bulk requests reach the worker by postMessage, through the same router and checks', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#import`);
  // What lib/messaging/bulk.ts does, by hand: an envelope and a port to answer on.
  const answers = (await page.evaluate(`(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    const ask = (message) => new Promise((resolve) => {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = (event) => resolve(event.data);
      worker.postMessage(message, [port2]);
    });
    return [
      await ask({ rapport: 1, type: 'import.stage', payload: { importId: 'none', records: {}, merges: { accounts: [], contacts: [] } } }),
      await ask({ rapport: 1, type: 'import.stage', payload: { importId: 5 } }),
      await ask({ hello: 'worker' }),
    ];
  })()`)) as { ok: boolean; error?: { code: string; message: string } }[];
  expect(answers[0]).toMatchObject({
    ok: false,
    error: { code: 'failed', message: expect.stringMatching(/no import with that id/) },
  });
  expect(answers[1]).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(answers[2]).toMatchObject({ ok: false, error: { code: 'invalid', message: 'not a Rapport request' } });
});
