import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, gmailSidebar, serveGmail, test } from './harness';

const DAY = 86_400_000;
/** A calendar date `days` from today in the browser's zone, as the popup computes it. */
const dateIn = (days: number) => {
  const d = new Date(Date.now() + days * DAY);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const person = (id: string, name: string) => ({
  id,
  name,
  emails: [`${id}@customer.example`],
  status: 'customer',
  createdAt: Date.now() - 400 * DAY,
  updatedAt: Date.now() - 400 * DAY,
});
/**
 * A follow-up at a date the seller chose (set by hand), so no write re-plans it: these tests are
 * about the popup's list; the engine's plan after an import is tested in first-import.spec.ts.
 */
const due = (id: string, days: number, kind: string) => ({
  id: `fu-${id}`,
  contactId: id,
  due: dateIn(days),
  kind,
  reason: { code: 'cadence', params: { days: 30 } },
  state: 'open',
  liveFor: id,
  setByHand: true,
  createdAt: Date.now() - 40 * DAY,
});
const badge = (page: Page) => page.evaluate(() => chrome.action.getBadgeText({}));

test('today’s follow-ups: order, badge, done and snooze', async ({
  context,
  extensionId,
  seed,
  api,
  extensionPage,
}) => {
  await seed({
    contacts: [person('olga', 'Olga Overdue'), person('tom', 'Tom Today'), person('nina', 'Nina Nextweek')] as never,
    followUps: [due('nina', 5, 'value-add'), due('tom', 0, 'follow-up'), due('olga', -3, 'check-in')] as never,
  });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const rows = popup.getByTestId('followup');
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-email')))).toEqual([
    'olga@customer.example',
    'tom@customer.example',
    'nina@customer.example',
  ]);
  await expect(rows.first()).toHaveAttribute('data-due', dateIn(-3));
  // The list passes axe with rows in it (serious or critical: none).
  const { violations } = await new AxeBuilder({ page: popup }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await expect.poll(() => badge(extensionPage)).toBe('2');
  // Reminders: one alarm for the next day something falls due, one for the digest.
  await expect
    .poll(() => extensionPage.evaluate(() => chrome.alarms.getAll().then((all) => all.map((a) => a.name).sort())))
    .toEqual(['rapport:digest', 'rapport:midnight', 'rapport:next-due']);

  // Done on a check-in asks how happy they are, then logs it.
  await rows.first().getByTestId('followup-done').click();
  await rows.first().getByTestId('happiness-4').click();
  await expect(
    popup.locator(`[data-testid="followup"][data-email="olga@customer.example"][data-due="${dateIn(-3)}"]`),
  ).toHaveCount(0);
  await expect.poll(() => badge(extensionPage)).toBe('1');
  const olga = await api('contact.find', { email: 'olga@customer.example' });
  const touches = await api('touch.list', { contactId: olga?.id ?? '', limit: 5 });
  expect(touches.map((t) => [t.kind, t.happiness])).toEqual([['check-in', 4]]);
  // And it shows in her Gmail card.
  await serveGmail(context, 'test/fixtures/gmail/variants/SYNTHETIC-thread-outbound-and-colleague.html', {
    'chris@customer.example': 'olga@customer.example',
  });
  await api('settings.update', { me: { emails: ['sales@ourco.example'] }, internalDomains: ['ourco.example'] });
  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrkZxKJjhXbQmTvRmHLVNsXm');
  await expect(
    (await gmailSidebar(gmail)).locator('[data-email="olga@customer.example"]').getByTestId('touch').first(),
  ).toHaveAttribute('data-kind', 'check-in', { timeout: 10_000 });
  await gmail.close();

  // Snooze moves Tom out of today, and the badge drops.
  const tom = popup.locator('[data-testid="followup"][data-email="tom@customer.example"]');
  await tom.getByTestId('followup-snooze').selectOption('7');
  await expect(tom)
    .toHaveAttribute('data-state', 'snoozed', { timeout: 1000 })
    .catch(() => undefined);
  await expect.poll(() => badge(extensionPage)).toBe('');
});

test('Open goes to the last Gmail thread with the person, in the work account', async ({
  context,
  extensionId,
  seed,
  api,
}) => {
  await api('settings.update', { me: { emails: ['sales@ourco.example'] }, confirmedAccounts: ['sales@ourco.example'] });
  await seed({
    contacts: [person('olga', 'Olga Overdue'), person('tom', 'Tom Today')] as never,
    followUps: [due('olga', -3, 'follow-up'), due('tom', 0, 'check-in')] as never,
    touches: [
      {
        id: 't-olga',
        contactId: 'olga',
        kind: 'email',
        direction: 'inbound',
        at: Date.now() - 10 * DAY,
        source: 'captured',
        sourceId: 'gmail:1842863092531652601',
        threadId: '1842863092531652600',
      },
    ] as never,
  });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const opened = context.waitForEvent('page');
  await popup
    .locator('[data-testid="followup"][data-email="olga@customer.example"]')
    .getByTestId('followup-open')
    .click();
  // The thread by its legacy hex id (the fixture's `data-legacy-thread-id`), chosen by account.
  const tab = await opened;
  await expect
    .poll(() => tab.url())
    .toBe('https://mail.google.com/mail/?authuser=sales%40ourco.example#all/19932a380006e7f8');
});
