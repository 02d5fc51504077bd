import { chrisCustomer, expect, gmailSidebar, PAGES, seriousViolations, serveGmail, test } from './harness';

for (const [name, hash] of [
  ['onboarding', 'onboarding'],
  ['settings', 'settings'],
  ['overview', 'overview'],
  ['accounts', 'accounts'],
  ['contacts', 'contacts'],
  ['coverage', 'coverage'],
  ['leaky bucket', 'bucket'],
] as const) {
  test(`the dashboard's ${name} passes axe`, async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html#${hash}`);
    await expect(page.getByTestId('dashboard').locator('main > section')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the popup passes axe', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByTestId('followups-empty')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the side panel on a LinkedIn profile passes axe', async ({ context, sidePanelFor }) => {
  const page = await context.newPage();
  await page.goto(PAGES.linkedinProfile.url);
  const panel = await sidePanelFor(page);
  await expect(panel.getByTestId('person')).toBeVisible();
  expect(await seriousViolations(panel)).toEqual([]);
});

test('the sidebar card with its actions passes axe', async ({ context, seed, api, sidePanelFor }) => {
  await serveGmail(context, 'test/fixtures/gmail/variants/SYNTHETIC-thread-outbound-and-colleague.html');
  await api('settings.update', { me: { emails: ['sales@ourco.example'] }, internalDomains: ['ourco.example'] });
  const now = Date.now();
  await seed({
    contacts: [chrisCustomer(now)] as never,
    touches: [
      { id: 't1', contactId: 'chris', kind: 'email', direction: 'inbound', at: now - 86_400_000, source: 'imported' },
    ] as never,
  });
  const page = await context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrkZxKJjhXbQmTvRmHLVNsXm');
  await expect((await gmailSidebar(page)).getByTestId('trust')).toBeVisible();
  // The same sidebar page the frame shows, opened for this tab, where axe can run on it whole.
  const panel = await sidePanelFor(page);
  await expect(panel.getByTestId('trust')).toBeVisible();
  expect(await seriousViolations(panel)).toEqual([]);
});
