import type { Page } from '@playwright/test';
import { expect, gmailSidebar, serveGmail, test } from './harness';

// A new seller's first ten minutes, as the issue "the advice is right from the first import"
// walks them: skip onboarding, import the CRM's contacts, then its activities, then look at the
// popup, the badge and a customer's thread in Gmail. Nothing is seeded through the protocol.

const DAY = 86_400_000;
const THREAD = 'test/fixtures/gmail/variants/SYNTHETIC-thread-outbound-and-colleague.html';
/** `YYYY-MM-DD HH:MM`, `days` before now, as a CRM export writes it. */
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 16).replace('T', ' ');
/** Today in the browser's zone, as the extension computes it. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

// A HubSpot contacts export (its header names), two customers owned by Sam Seller.
const CONTACTS = [
  '"Record ID","First Name","Last Name","Email","Contact owner","Lifecycle Stage","Became a Customer Date","Company Name"',
  `"301","Nora","Lind","nora@fjord.example","Sam Seller","Customer","${ago(900)}","Fjord AS"`,
  `"302","Pia","Kranz","pia@kranz.example","Sam Seller","Customer","${ago(900)}","Kranz GmbH"`,
].join('\n');

// The same CRM's activities: Nora silent for five months after e-mails both ways and a meeting;
// Pia wrote ten days ago and was answered the next day.
const ACTIVITIES = [
  'Activity date,Activity type,Direction,Contact email,Owner,Subject',
  `${ago(200)},Email,Inbound,nora@fjord.example,Sam Seller,Renewal questions`,
  `${ago(199)},Email,Outbound,nora@fjord.example,Sam Seller,Re: Renewal questions`,
  `${ago(150)},Meeting,,nora@fjord.example,Sam Seller,Renewal meeting`,
  `${ago(10)},Email,Inbound,pia@kranz.example,Sam Seller,Order status`,
  `${ago(9)},Email,Outbound,pia@kranz.example,Sam Seller,Re: Order status`,
].join('\n');

async function importCsv(page: Page, name: string, csv: string) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('import-confirm').click();
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  return report;
}

test('contacts, then their history: the silent customer is overdue everywhere; a colleague is no customer', async ({
  context,
  extensionId,
  extensionPage,
  api,
}) => {
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#import`);
  await expect(await importCsv(dashboard, 'hubspot-contacts.csv', CONTACTS)).toHaveAttribute('data-imported', '2');
  await dashboard.reload();
  await expect(await importCsv(dashboard, 'activities.csv', ACTIVITIES)).toHaveAttribute('data-imported', '5');

  // The popup: Nora is overdue, Pia is not due this week; the badge counts Nora.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const nora = popup.locator('[data-testid="followup"][data-email="nora@fjord.example"]');
  await expect(nora).toBeVisible();
  expect((await nora.getAttribute('data-due')) ?? '').not.toBe('');
  expect(((await nora.getAttribute('data-due')) as string) < today()).toBe(true);
  await expect(popup.locator('section', { has: nora }).getByRole('heading')).toContainText('Overdue');
  await expect(popup.getByTestId('followups-empty')).toHaveCount(0);
  await expect(popup.locator('[data-testid="followup"][data-email="pia@kranz.example"]')).toHaveCount(0);
  // The badge follows the import's last write a moment after it is answered (afterWrite, in turn).
  await expect
    .poll(async () => Number(await extensionPage.evaluate(() => chrome.action.getBadgeText({}))))
    .toBeGreaterThanOrEqual(1);

  // Gmail, with no settings at all: the account's company domain makes Pat a colleague.
  const gmail = await context.newPage();
  await serveGmail(context, THREAD, { 'chris@customer.example': 'nora@fjord.example' });
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrkZxKJjhXbQmTvRmHLVNsXm');
  const bar = await gmailSidebar(gmail);
  const card = bar.locator('[data-testid="person"][data-email="nora@fjord.example"]');
  const due = await card.getByTestId('next-touch').getAttribute('data-due');
  expect((due ?? '9999') <= today()).toBe(true);
  await expect(bar.locator('[data-testid="person"]')).toHaveCount(1);
  await expect(bar.locator('[data-email="pat@mail.ourco.example"]')).toHaveCount(0);

  // Pia's next touch stays ahead: her thread is the same page with her address.
  await serveGmail(context, THREAD, { 'chris@customer.example': 'pia@kranz.example' });
  const pia = await context.newPage();
  await pia.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrkZxKJjhXbQmTvRmHLVNsXm');
  const piaDue = await (await gmailSidebar(pia))
    .locator('[data-email="pia@kranz.example"]')
    .getByTestId('next-touch')
    .getAttribute('data-due');
  expect((piaDue ?? '') > today()).toBe(true);
  await pia.close();

  // Settings show the proposal, which the seller can remove.
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await expect(dashboard.getByTestId('internal-domain-proposal')).toHaveAttribute('data-domain', 'ourco.example');

  // The seller confirms the account: Pat's message on Nora's thread is recorded as Pat's.
  await (await gmailSidebar(gmail)).getByTestId('confirm-account-yes').click();
  const contact = (await api('contact.find', { email: 'nora@fjord.example' })) as { id: string };
  await expect
    .poll(async () => ((await api('touch.list', { contactId: contact.id, limit: 50 })) as unknown[]).length)
    .toBeGreaterThan(3);
  const { sellers } = (await api('data.export', {})) as { sellers: { id: string; emails: string[] }[] };
  const pat = sellers.find((s) => s.emails.includes('pat@mail.ourco.example'));
  expect(pat).toBeDefined();
  const touches = (await api('touch.list', { contactId: contact.id, limit: 50 })) as { sellerId: string }[];
  expect(touches.some((t) => t.sellerId === pat?.id)).toBe(true);
});
