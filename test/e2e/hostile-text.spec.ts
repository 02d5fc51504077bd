import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chrisCustomer, expect, gmailSidebar, serveGmail, test } from './harness';

/**
 * Text that came from a page or a file (a display name, a subject line, a job title) may hold
 * markup, script or a spreadsheet formula. Everywhere Rapport shows or exports it, it is those
 * characters: nothing runs, no element appears, no cell computes.
 */

const DAY = 86_400_000;
const PWN = 'window.__rapportPwned=1';
const NAME = `<img src=x onerror="${PWN}">Chris <b>Customer</b>`;
const TITLE = `=HYPERLINK("https://evil.example","CEO")`;
const SUBJECT = `<script>${PWN}</script>Renewal <i>terms</i>`;
const THREAD = 'test/fixtures/gmail/variants/SYNTHETIC-thread-outbound-and-colleague.html';
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrkZxKJjhXbQmTvRmHLVNsXm';

/** Nothing ran and no element was made from the text, on this page. */
async function expectInert(page: Page, where: string) {
  expect(await page.evaluate(() => (window as { __rapportPwned?: number }).__rapportPwned), where).toBeUndefined();
  expect(await page.locator('img[src="x"], script:has-text("__rapportPwned")').count(), where).toBe(0);
}

test('markup, script and formulas in names, titles and subjects are text in the sidebar, popup, dashboard and exports', async ({
  context,
  extensionId,
  seed,
  api,
}) => {
  const now = Date.now();
  const day = new Date(now - 3 * DAY);
  const overdue = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  await api('settings.update', { me: { emails: ['sales@ourco.example'] }, internalDomains: ['ourco.example'] });
  await seed({
    accounts: [
      {
        id: 'customer-inc',
        name: `<svg onload="${PWN}">Customer Inc`,
        domains: ['customer.example'],
        createdAt: now,
        updatedAt: now,
      },
    ],
    contacts: [chrisCustomer(now - 200 * DAY, { name: NAME, title: TITLE, accountId: 'customer-inc' })],
    touches: [
      {
        id: 't1',
        contactId: 'chris',
        accountId: 'customer-inc',
        kind: 'email',
        direction: 'inbound',
        at: now - 40 * DAY,
        source: 'captured',
        sourceId: 'gmail:hostile-1',
        summary: SUBJECT,
      },
    ],
    followUps: [
      {
        id: 'fu-chris',
        contactId: 'chris',
        due: overdue,
        kind: 'follow-up',
        reason: { code: 'cadence', params: { days: 30 } },
        state: 'open',
        liveFor: 'chris',
        setByHand: true,
        createdAt: now - 10 * DAY,
      },
    ],
  } as never);
  const shown: string[] = [];

  // The popup's row for the overdue follow-up.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const row = popup.getByTestId('followup').first();
  await expect(row).toContainText(NAME);
  await expectInert(popup, 'popup');
  shown.push('popup');

  // The dashboard: the contacts list, the contact's page with the subject, the account's page.
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#contacts`);
  await expect(dashboard.locator('[data-testid="contact-row"][data-email="chris@customer.example"]')).toContainText(
    NAME,
  );
  await expectInert(dashboard, 'contacts');
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#contact/chris`);
  await expect(dashboard.getByTestId('contact-page')).toContainText(NAME);
  await expect(dashboard.getByTestId('contact-page')).toContainText(SUBJECT);
  await expectInert(dashboard, 'contact page');
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#account/customer-inc`);
  await expect(dashboard.getByTestId('account-page')).toContainText(`<svg onload="${PWN}">Customer Inc`);
  await expectInert(dashboard, 'account page');
  shown.push('contacts', 'contact page', 'account page');

  // The Gmail sidebar's card for the same person.
  await serveGmail(context, THREAD);
  const gmail = await context.newPage();
  await gmail.goto(GMAIL);
  const sidebar = await gmailSidebar(gmail);
  await expect(sidebar.getByTestId('touch').first()).toContainText(SUBJECT);
  await expectInert(gmail, 'gmail');
  const frame = gmail.frames().find((f) => f.url().includes('sidepanel.html'));
  expect(await frame?.evaluate(() => (window as { __rapportPwned?: number }).__rapportPwned)).toBeUndefined();
  shown.push('gmail sidebar');

  // The CSV export: a cell that would start a formula starts with a quote instead.
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#import`);
  const [download] = await Promise.all([
    dashboard.waitForEvent('download'),
    dashboard.getByTestId('export-csv').click(),
  ]);
  const csv = readFileSync((await download.path()) as string, 'utf8');
  expect(csv).toContain(`'=HYPERLINK(""https://evil.example"",""CEO"")`);
  expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  shown.push('CSV export');
  console.log(`hostile text: shown as text in ${shown.join(', ')}; nothing ran`);
});
