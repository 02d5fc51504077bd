import path from 'node:path';
import { evaluateInContentScript, expect, gmailSidebar, launch, PAGES, requestFrom, test } from './harness';

const sidebar = async (page: import('@playwright/test').Page) => (await gmailSidebar(page)).getByTestId('sidebar');

test('the worker answers a request from an extension page', async ({ api }) => {
  const pong = await api('ping', {});
  expect(pong.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(pong.bootId).toMatch(/[0-9a-f-]{36}/);
});

test('a first install opens the onboarding, and skipping it leaves a working dashboard', async ({
  context,
  extensionId,
}) => {
  const onboardingTab =
    context.pages().find((p) => p.url().includes('/options.html')) ??
    (await context.waitForEvent('page', { predicate: (p) => p.url().includes('/options.html') }));
  expect(onboardingTab.url()).toBe(`chrome-extension://${extensionId}/options.html#onboarding`);
  await expect(onboardingTab.getByTestId('onboarding')).toBeVisible();
  await onboardingTab.getByTestId('onboarding-skip').click();
  await expect(onboardingTab.getByTestId('dashboard')).toBeVisible();
  await expect(onboardingTab.getByTestId('overview')).toBeVisible();
  await expect(onboardingTab.getByTestId('count-contacts')).toContainText('0');
  const settings = await requestFrom(onboardingTab, 'settings.get', {});
  expect(settings.ok && settings.data.onboardedAt).toBeGreaterThan(0);
});

test('onboarding saves who the seller is and proposes their work domain as internal', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#onboarding`);
  await page.getByLabel('Your name', { exact: true }).fill('Robin Seller');
  await page.getByLabel('Work e-mail address(es)').fill('Robin@Sales.OurCo.co.uk, robin.private@gmail.com');
  await expect(page.getByLabel('Internal domains')).toHaveValue('ourco.co.uk');
  await page.getByLabel('High value: ideal gap in days').fill('10');
  await page.getByTestId('onboarding-save').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  const settings = await requestFrom(page, 'settings.get', {});
  expect(settings).toMatchObject({
    ok: true,
    data: {
      me: { name: 'Robin Seller', emails: ['robin@sales.ourco.co.uk', 'robin.private@gmail.com'] },
      internalDomains: ['ourco.co.uk'],
      cadence: { high: { idealDays: 10, maxDays: 30 } },
    },
  });
});

test('settings show a clear error for a bad value and keep what was typed', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await page.getByLabel('Medium value: longest gap in days').fill('5');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-status')).toContainText('maximum gap must not be shorter');
  await expect(page.getByLabel('Medium value: longest gap in days')).toHaveValue('5');
});

test('the popup renders, with a useful empty state on a fresh store', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('popup')).toBeVisible();
  await expect(popup.getByTestId('followups-empty')).toContainText('Nothing due this week');
});

test('the Gmail content script mounts the sidebar on Gmail', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(PAGES.gmailThread.url);
  await expect(await sidebar(page)).toBeVisible();
  // Rapport's own page in a frame, in a closed shadow root: the page sees an element, nothing in it.
  expect(await page.evaluate(() => document.querySelector('rapport-sidebar')?.shadowRoot)).toBeNull();
});

test('no sidebar on a site Rapport does not read', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://example.com/');
  await expect(page.locator('h1')).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.locator('rapport-sidebar')).toHaveCount(0);
});

test('a content script is refused page-only actions, and its allowed requests work', async ({ context, api }) => {
  await api('data.put', {
    contacts: [{ id: 'c1', name: 'Ada', emails: ['ada@acme.example'], createdAt: 1, updatedAt: 1 }] as never,
  });
  const page = await context.newPage();
  await page.goto(PAGES.gmailThread.url);
  await expect(await sidebar(page)).toBeVisible();
  const send = (type: string, payload: unknown) =>
    evaluateInContentScript(page, `chrome.runtime.sendMessage(${JSON.stringify({ rapport: 1, type, payload })})`);

  for (const [type, payload] of [
    ['data.reset', { confirm: 'erase everything' }],
    ['data.export', {}],
    ['data.put', { contacts: [] }],
    ['data.page', { store: 'contacts' }],
    ['import.write', { contacts: [] }],
    ['import.settle', { contactIds: ['c1'] }],
    ['owner.claim', { sellerId: null }],
    ['settings.update', { inboxMarkers: false }],
    // What the sidebar shows and does is the sidebar page's, in Rapport's origin, not the page's.
    ['settings.get', {}],
    ['contact.find', { email: 'ada@acme.example' }],
    ['people.lookup', { emails: ['ada@acme.example'] }],
    ['touch.list', { contactId: 'c1' }],
    ['contact.track', { name: 'Eve', email: 'eve@evil.example' }],
    ['account.confirm', { account: 'sales@ourco.example' }],
    ['followup.act', { type: 'dismiss', id: 'f1' }],
  ] as const) {
    expect(await send(type, payload), type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }
  expect(await send('settings.view', {})).toMatchObject({ ok: true, data: { inboxMarkers: true } });
  expect(await api('data.counts', {})).toMatchObject({ contacts: 1 });
  expect(await api('settings.get', {})).toMatchObject({ inboxMarkers: true });
});

test('another extension cannot reach the worker', async ({ userDataDir }) => {
  const foreignDir = path.resolve('test/fixtures/foreign-extension');
  const { context, extensionId } = await launch(userDataDir, [foreignDir]);
  const page = await context.newPage();
  await page.goto('chrome://extensions/');
  const foreignId = await page.evaluate(async () => {
    // chrome://extensions exposes the management API to the page itself.
    const all = await chrome.management.getAll();
    return all.find((e) => e.name === 'Foreign test extension')?.id;
  });
  expect(foreignId).toBeTruthy();
  await page.goto(`chrome-extension://${foreignId}/page.html`);
  const answer = await page.evaluate(
    (id) =>
      chrome.runtime
        .sendMessage(id, { rapport: 1, type: 'data.reset', payload: { confirm: 'erase everything' } })
        .then((r) => ({ answered: r }))
        .catch((e: Error) => ({ refused: e.message })),
    extensionId,
  );
  expect(answer).toHaveProperty('refused');
  await context.close();
});

test('data written through the protocol survives a worker restart and a browser restart', async ({ userDataDir }) => {
  let { context, extensionId } = await launch(userDataDir);
  let page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const tracked = await requestFrom(page, 'contact.track', { name: 'Kai', email: 'kai@acme.example' });
  expect(tracked.ok).toBe(true);
  const before = await requestFrom(page, 'ping', {});

  // Stop the service worker the way Chrome does when it is idle; the next request wakes a new one.
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const after = await requestFrom(page, 'ping', {});
  expect(after.ok && before.ok && after.data.bootId !== before.data.bootId).toBe(true);
  expect(await requestFrom(page, 'contact.find', { email: 'kai@acme.example' })).toMatchObject({
    ok: true,
    data: { name: 'Kai' },
  });
  await context.close();

  ({ context, extensionId } = await launch(userDataDir));
  page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  expect(await requestFrom(page, 'contact.find', { email: 'kai@acme.example' })).toMatchObject({
    ok: true,
    data: { name: 'Kai' },
  });
  await context.close();
});
