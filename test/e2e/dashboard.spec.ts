import { SIX_MONTHS_EXPECTED, sixMonthsDataSet, ZONE } from '../helpers/six-months';
import { expect, seriousViolations, test } from './harness';

// The dashboard on a book with six known months of history (the engine's own test data):
// the leaky bucket shows exactly the engine's counts, search answers as you type, and the
// coverage picture puts every account in its quadrant.

test.beforeEach(async ({ api, seed }) => {
  await api('settings.update', { timeZone: ZONE, onboardedAt: Date.now() });
  expect((await seed(sixMonthsDataSet())).toString()).toBeTruthy();
});

test('the leaky bucket shows, month by month, the accounts the engine counts won, lost and at risk', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#bucket`);
  const bucket = page.getByTestId('leaky-bucket');
  for (const [month, won, lost, atRisk] of SIX_MONTHS_EXPECTED) {
    const row = bucket.locator(`[data-testid="bucket-month"][data-month="${month}"]`);
    await expect(row).toHaveAttribute('data-won', String(won.length));
    await expect(row).toHaveAttribute('data-lost', String(lost.length));
    await expect(row).toHaveAttribute('data-at-risk', String(atRisk.length));
  }
  // The accounts behind a month, one click away: November 2025 won Bolt and lost Fern.
  await bucket.locator('[data-month="2025-11"] button').click();
  const accounts = page.getByTestId('bucket-accounts');
  await expect(accounts).toHaveAttribute('data-month', '2025-11');
  await expect(accounts).toContainText('Bolt');
  await expect(accounts).toContainText('Fern');
  expect(await seriousViolations(page)).toEqual([]);
});

test('opened after a change, a view shows the last book at once, says it is updating, then shows today’s', async ({
  context,
  extensionId,
  api,
}) => {
  const open = async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html#contacts`);
    await expect(page.getByTestId('contact-row')).toHaveCount(6);
    return page;
  };
  await (await open()).close();
  await api('contact.setStatus', { contactId: 'c1', status: 'former' });
  const page = await open();
  const c1 = page.locator('[data-testid="contact-row"][data-email="c1@core.example"]');
  await expect(c1).toContainText('former');
  await expect(page.getByTestId('book-as-of')).toHaveAttribute('data-stale', 'false');
  // Two renders with data: the last book kept (still "customer"), then today's.
  const marks = await page.evaluate(() => performance.getEntriesByName('rapport:dashboard:book').length);
  expect(marks).toBe(2);
});

test('contacts: the search finds a contact by part of the name, an address or the company, as you type', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#contacts`);
  const rows = page.getByTestId('contact-row');
  await expect(rows).toHaveCount(6);
  const search = page.getByTestId('search');
  await search.pressSequentially('act c1');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-email', 'c1@core.example');
  await search.fill('e2@echo');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-email', 'e2@echo.example');
  // By the account's name: Echo has two contacts.
  await search.fill('ECHO');
  await expect(rows).toHaveCount(2);
});

test('accounts and coverage: every account in a quadrant or uncovered, a cell’s accounts one click away', async ({
  context,
  extensionId,
  seed,
}) => {
  // Recent exchanges (the picture counts the last six months): one contact at Acme, two at Echo.
  const recent = Date.now() - 10 * 86_400_000;
  await seed({
    touches: ['a1', 'e1', 'e2'].flatMap((contactId) =>
      (['inbound', 'outbound'] as const).map((direction, i) => ({
        id: `recent-${contactId}-${i}`,
        contactId,
        kind: 'email' as const,
        direction,
        at: recent + i * 3_600_000,
        source: 'captured' as const,
        sourceId: `recent:${contactId}:${i}`,
        sellerId: 'me',
      })),
    ),
  });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#accounts`);
  await expect(page.getByTestId('account-row')).toHaveCount(6);
  await expect(page.locator('[data-testid="account-row"][data-domain="bolt.example"]')).toHaveAttribute(
    'data-quadrant',
    '',
  );
  await page.goto(`chrome-extension://${extensionId}/options.html#coverage`);
  const cells = page.getByTestId('coverage-cell');
  await expect(cells).toHaveCount(4);
  const counts = await cells.evaluateAll((all) =>
    all.reduce((sum, cell) => sum + Number(cell.getAttribute('data-accounts')), 0),
  );
  const uncovered = await page.getByTestId('coverage').innerText();
  // The cells and the uncovered accounts together are the whole book.
  expect(counts + Number(/(\d+) accounts have had no two-way contact/.exec(uncovered)?.[1])).toBe(6);
  await expect(page.locator('[data-testid="coverage-cell"][data-quadrant="1"]')).toHaveAttribute('data-accounts', '1');
  await expect(page.locator('[data-testid="coverage-cell"][data-quadrant="2"]')).toHaveAttribute('data-accounts', '1');
  await page.locator('[data-testid="coverage-cell"][data-quadrant="2"]').click();
  const inCell = page.getByTestId('coverage-accounts');
  await expect(inCell).toHaveAttribute('data-quadrant', '2');
  await expect(inCell.getByTestId('account-row')).toHaveAttribute('data-domain', 'echo.example');
  // Its move toward quadrant 4: bring in a colleague.
  await expect(inCell.getByTestId('account-row')).not.toContainText('None needed');
  expect(await seriousViolations(page)).toEqual([]);

  // The account's page: who is there, which sellers know them, and its history.
  await inCell.getByRole('link', { name: 'Echo' }).click();
  const account = page.getByTestId('account-page');
  await expect(account).toHaveAttribute('data-quadrant', '2');
  await expect(account.getByTestId('account-contact')).toHaveCount(2);
  await expect(account.locator('[data-testid="account-contact"][data-contact="e2"]')).toContainText('you');
  await expect(account.getByTestId('touch').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a contact page shows the card; merging another contact keeps every touch of both; delete asks, and undo restores', async ({
  context,
  extensionId,
  api,
}) => {
  // e1 and e2 at Echo are one person in this story.
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#contacts`);
  await page.getByTestId('search').fill('e2@echo');
  await page.getByTestId('contact-row').getByRole('link').click();
  const contactPage = page.getByTestId('contact-page');
  await expect(contactPage).toHaveAttribute('data-contact', 'e2');
  await expect(contactPage.getByTestId('trust')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const touchesOf = async (contactId: string) =>
    ((await api('touch.list', { contactId, limit: 1000 })) as unknown[]).length;
  const [mine, theirs] = [await touchesOf('e2'), await touchesOf('e1')];
  expect(theirs).toBeGreaterThan(0);
  await contactPage.getByTestId('merge-other').selectOption('e1');
  await contactPage.getByTestId('merge').click();
  await expect(contactPage.getByRole('status')).toContainText('touches moved');
  expect(await touchesOf('e2')).toBe(mine + theirs);
  expect(await api('contact.get', { contactId: 'e1' })).toBeNull();

  await contactPage.getByTestId('delete-contact').click();
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('contact-deleted')).toBeVisible();
  expect(await api('contact.get', { contactId: 'e2' })).toBeNull();
  await page.getByTestId('undo-delete').click();
  await expect(page.getByTestId('contact-page')).toHaveAttribute('data-contact', 'e2');
  expect(await touchesOf('e2')).toBe(mine + theirs);
});

test('the addresses Ignore hid are listed in Settings, and removing one there shows that person again', async ({
  context,
  extensionId,
  api,
}) => {
  await api('address.ignore', { email: 'news@letters.example' });
  await api('address.ignore', { email: 'c1@core.example' });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  const list = page.getByTestId('ignored-addresses');
  await expect(list).toHaveValue('news@letters.example\nc1@core.example');
  await list.fill('news@letters.example');
  await page.getByTestId('settings-save').click();
  await expect
    .poll(async () => ((await api('settings.get', {})) as { ignoredAddresses: string[] }).ignoredAddresses)
    .toEqual(['news@letters.example']);
});

test('the seller corrects a contact’s name and an account’s name, and merges two accounts of one company', async ({
  context,
  extensionId,
  api,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#contact/a1`);
  const edit = page.getByTestId('contact-edit');
  await edit.getByLabel('Name').fill('Alma Acme');
  await edit.getByTestId('contact-save').click();
  await expect(edit.getByRole('status')).toHaveText('Saved.');
  expect(await api('contact.get', { contactId: 'a1' })).toMatchObject({ name: 'Alma Acme' });

  await page.goto(`chrome-extension://${extensionId}/options.html#account/echo`);
  const account = page.getByTestId('account-page');
  await account.getByTestId('account-edit').getByLabel('Name').fill('Echo Group');
  await account.getByTestId('account-save').click();
  await expect(page.locator('#account-title')).toHaveText('Echo Group');
  await account.getByTestId('account-merge-other').selectOption('fern');
  await account.getByTestId('account-merge').click();
  // Fern's contact now counts at Echo: three people there.
  await expect(account.getByTestId('account-contact')).toHaveCount(3);
  expect(await api('contact.get', { contactId: 'f1' })).toMatchObject({ accountId: 'echo' });
});
