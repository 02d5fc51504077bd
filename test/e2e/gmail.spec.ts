import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { chrisCustomer, expect, gmailSidebar, serveGmail, test } from './harness';

const ME = 'sales@ourco.example';
const THREAD = 'test/fixtures/gmail/variants/SYNTHETIC-thread-outbound-and-colleague.html';
const OTHER_THREAD = 'test/fixtures/gmail/variants/SYNTHETIC-thread-dark-theme.html';
const URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrkZxKJjhXbQmTvRmHLVNsXm';
/** The same thread beside Gmail's right side panel (icon rail; Calendar panel closed). */
const SIDE_PANEL = 'test/fixtures/gmail/variants/SYNTHETIC-thread-side-panel.html';

/**
 * A compose window inserted after load, as Gmail does when the seller clicks Compose. Markup
 * from the synthetic chip-UI variant (test/fixtures/gmail/variants/SYNTHETIC-compose-chips-classic-inline.html),
 * whose header names the public project behind each selector.
 */
const COMPOSE = `<div class="dw"><div class="nH"><div class="nH"><div class="no"><div class="AD">
  <div class="nH Hd"><div role="dialog"><div class="aaZ"><div class="M9"><form method="POST">
    <input type="hidden" name="composeid" value=""><input type="hidden" name="draft" value="#msg-a:r222">
    <table class="GS"><tbody><tr class="bzf"><td class="eV"><div><div>
      <div class="anm" name="to"><div><div><div><div>
        <div role="listbox"><div><div class="chips"></div></div></div>
        <input peoplekit-id="BbVjBd" type="text">
      </div></div></div></div></div>
    </div></div></td></tr></tbody></table>
    <input name="subjectbox" value="Next steps">
    <table class="IZ"><tbody><tr class="btC"><td class="gU Up"><div class="J-J5-Ji btA">
      <div role="button" class="T-I J-J5-Ji aoO v7 T-I-atl L3" id="send">Send</div>
    </div></td></tr></tbody></table>
  </form></div></div></div></div>
</div></div></div></div></div>`;

/** The sidebar's frame (its page, in Rapport's origin); the host element is `page.locator('rapport-sidebar')`. */
const sidebar = (page: Page) => gmailSidebar(page);
/** The inbox markers' words as the accessibility tree has them (a screen reader's view; no page script's). */
async function markerLabels(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { role?: { value?: string }; name?: { value?: string } }[];
  };
  await cdp.detach();
  return nodes.flatMap((n) =>
    n.role?.value === 'image' && n.name?.value?.startsWith('Rapport:') ? [n.name.value] : [],
  );
}

/** The customer's account in these threads, at the lowest value tier. */
const customerCo = (now: number) => ({
  id: 'a1',
  name: 'Customer Co',
  domains: ['customer.example'],
  valueTier: 'low' as const,
  products: [] as string[],
  notes: '',
  createdAt: now,
  updatedAt: now,
});

/**
 * Picks an option the way a seller does, with the keyboard (typing its first letter): the
 * sidebar acts only on the browser's own events, and Playwright's selectOption dispatches
 * script events, which a page script could send too.
 */
const choose = async (select: Locator, key: string) => {
  await select.focus();
  await select.page().keyboard.press(key);
};
const people = async (page: Page) =>
  (await sidebar(page))
    .getByTestId('person')
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-email')}:${r.getAttribute('data-tracked')}`));

test.beforeEach(async ({ context, api }) => {
  await serveGmail(context, THREAD);
  await api('settings.update', { me: { emails: [ME] }, internalDomains: ['ourco.example'] });
});

test('a thread: the external people, tracked and recorded once, following the page without reloads', async ({
  context,
  api,
}) => {
  const page = await context.newPage();
  await page.goto(URL);
  // Exactly the external people: not me, not the colleague on a subdomain.
  await expect.poll(() => people(page)).toEqual(['chris@customer.example:false']);
  await expect((await sidebar(page)).getByTestId('confirm-account')).toContainText(ME);
  await expect((await sidebar(page)).getByTestId('health')).toHaveCount(0);

  // Track confirms the work account, and the thread's messages are recorded.
  await (await sidebar(page)).getByTestId('track').click();
  await expect.poll(() => people(page)).toEqual(['chris@customer.example:true']);
  const chris = await api('contact.find', { email: 'chris@customer.example' });
  if (!chris) throw new Error('Chris was not tracked');
  const recorded = async () =>
    (await api('touch.list', { contactId: chris.id, limit: 50 })).map((t) => t.direction).sort();
  // Chris wrote (inbound); the seller and the colleague replied (outbound).
  await expect.poll(recorded).toEqual(['inbound', 'outbound', 'outbound']);
  const touches = await api('touch.list', { contactId: chris.id, limit: 50 });
  expect(new Set(touches.map((t) => t.sellerId)).size).toBe(2);
  expect(touches.every((t) => t.summary === 'Pilot scope' && t.sourceId?.startsWith('gmail:'))).toBe(true);
  // The thread is kept (the subject's `data-thread-perm-id`), so the popup's Open can go straight to it.
  expect(touches.map((t) => t.threadId)).toEqual(Array(3).fill('1842863092531652600'));

  // Reload and reopen: nothing twice.
  await page.reload();
  await expect.poll(() => people(page)).toEqual(['chris@customer.example:true']);
  await page.waitForTimeout(500);
  expect(await recorded()).toHaveLength(3);

  // Gmail swaps the thread in place: new hash, new DOM, no reload. The sidebar follows.
  const other = readFileSync(OTHER_THREAD, 'utf8');
  await page.evaluate((html) => {
    const next = new DOMParser().parseFromString(html, 'text/html').querySelector('[role=main]');
    document.querySelector('[role=main]')?.replaceWith(next as Element);
    location.hash = '#inbox/FMfcgzQbdrkZxKJjhXbQmTvRmHLVNsXz';
  }, other);
  await expect.poll(() => people(page)).toEqual(['morgan.buyer@customer.example:false']);
});

test('a compose window that appears after load shows its recipient, and Send records the e-mail at once', async ({
  context,
  api,
}) => {
  const page = await context.newPage();
  await page.goto(URL);
  await expect.poll(() => people(page)).toEqual(['chris@customer.example:false']);
  await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), COMPOSE);
  // The seller picks a recipient: Gmail adds the chip.
  await page.evaluate(() => {
    const chip = document.createElement('div');
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-hovercard-id', 'dana@lakoach.example');
    chip.setAttribute('data-name', 'Dana Lakoach');
    chip.textContent = 'Dana Lakoach';
    document.querySelector('.chips')?.append(chip);
  });
  await expect.poll(() => people(page)).toContain('dana@lakoach.example:false');
  await (await sidebar(page)).locator('[data-email="dana@lakoach.example"]').getByTestId('track').click();
  await expect.poll(() => people(page)).toContain('dana@lakoach.example:true');

  await page.locator('#send').click();
  const dana = await api('contact.find', { email: 'dana@lakoach.example' });
  if (!dana) throw new Error('Dana was not tracked');
  await expect
    .poll(async () =>
      (await api('touch.list', { contactId: dana.id, limit: 10 })).map((t) => [t.direction, t.sourceId, t.summary]),
    )
    .toEqual([['outbound', 'gmail-sent:r222', 'Next steps']]);
});

test('when Gmail changes its markup, the sidebar names the reader that failed; a normal page shows none', async ({
  context,
  extensionId,
}) => {
  await serveGmail(context, 'test/fixtures/gmail/variants/SYNTHETIC-thread-sender-attributes-removed.html');
  const page = await context.newPage();
  await page.goto(URL);
  await expect((await sidebar(page)).getByTestId('health')).toHaveAttribute('data-readers', /thread\.sender/);
  // The page itself keeps working.
  await expect(page.locator('h2.hP')).toBeVisible();
  // The dashboard shows the last report, after the tab is gone.
  await page.close();
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#overview`);
  await expect(dashboard.getByTestId('health-report')).toHaveAttribute('data-failed', /thread\.sender/);

  // A healthy page clears it.
  await serveGmail(context, THREAD);
  const healthy = await context.newPage();
  await healthy.goto(URL);
  await expect.poll(() => people(healthy)).toEqual(['chris@customer.example:false']);
  await expect((await sidebar(healthy)).getByTestId('health')).toHaveCount(0);
  await dashboard.reload();
  await expect(dashboard.getByTestId('health-report')).toHaveAttribute('data-failed', '');
});

test('the card of a known customer shows trust with its reasons, the next touch and the history', async ({
  context,
  seed,
}) => {
  const now = Date.now();
  const day = 86_400_000;
  await seed({
    accounts: [
      {
        id: 'a1',
        name: 'Customer Co',
        domains: ['customer.example'],
        valueTier: 'high',
        products: [],
        notes: '',
        createdAt: 1,
        updatedAt: 1,
      },
    ],
    contacts: [chrisCustomer(now - 400 * day, { accountId: 'a1', title: 'Buyer' })] as never,
    touches: Array.from({ length: 20 }, (_, i) => ({
      id: `t${i}`,
      contactId: 'chris',
      accountId: 'a1',
      kind: 'email',
      direction: i % 2 ? 'outbound' : 'inbound',
      at: now - (200 - i * 10) * day,
      source: 'imported',
      summary: `Subject ${i}`,
    })) as never,
    purchases: [{ id: 'p1', accountId: 'a1', amount: 1200, currency: 'EUR', at: now - 100 * day }],
  });
  const page = await context.newPage();
  await page.goto(URL);
  const card = (await sidebar(page)).locator('[data-email="chris@customer.example"]');
  await expect(card.getByTestId('trust')).toHaveAttribute('data-level', /none|some|full/);
  await expect(card.getByTestId('next-touch')).toHaveAttribute('data-due', /^\d{4}-\d{2}-\d{2}$/);
  await expect(card.getByTestId('touch')).toHaveCount(5);
  await expect(card.getByTestId('touch').first()).toHaveAttribute('data-direction', 'outbound');
  await expect(card.getByTestId('ltv')).toContainText('1,200');
  await expect(card).toContainText('Buyer · Customer Co');
  await card.getByTestId('show-all').click();
  await expect(card.getByTestId('touch')).toHaveCount(20);
});

test('inbox markers: a quiet mark beside a tracked sender who is waiting for a reply, off by a setting', async ({
  context,
  api,
  seed,
}) => {
  const INBOX = 'test/fixtures/gmail/gmail-inbox-list-2014__inboxsdk-injected-thread-identifier.excerpt.html';
  await serveGmail(context, INBOX);
  const now = Date.now();
  await api('settings.update', { me: { emails: ['streak.web.test.1@gmail.com'] }, internalDomains: [] });
  await seed({
    contacts: [
      {
        id: 'bot',
        name: 'Streak Notifications',
        emails: ['notifications@mailfoogae.appspotmail.com'],
        status: 'customer',
        createdAt: now - 100 * 86_400_000,
        updatedAt: now - 100 * 86_400_000,
      },
    ] as never,
    touches: [
      {
        id: 'q',
        contactId: 'bot',
        kind: 'email',
        direction: 'inbound',
        at: now - 6 * 86_400_000,
        source: 'imported',
        summary: 'A question',
      },
    ] as never,
  });
  const page = await context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  const marks = page.locator('[data-testid="rapport-marker"]');
  await expect(marks.first()).toBeAttached();
  // What a marker says reaches a screen reader (the accessibility tree) but not Gmail's scripts:
  // no attribute but the hook, no readable text, a closed shadow root.
  await expect.poll(() => markerLabels(page)).toEqual([expect.stringMatching(/waiting for your reply/)]);
  expect(
    await marks.evaluateAll((dots) =>
      dots.map((d) => [d.getAttributeNames().join(), d.textContent, d.shadowRoot === null].join('|')),
    ),
  ).toEqual(['data-testid||true']);
  // Only tracked senders are marked: the seller's own rows carry none.
  const marked = await marks.evaluateAll((dots) => dots.map((d) => d.previousElementSibling?.getAttribute('email')));
  expect(new Set(marked)).toEqual(new Set(['notifications@mailfoogae.appspotmail.com']));

  // Gmail changes a busy list on nearly every frame; new rows from the tracked sender, one a
  // frame for half a second, each get their mark (the list is read at most every 250 ms then).
  const before = await marks.count();
  await page.evaluate(async () => {
    const mark = document.querySelector('[data-testid="rapport-marker"]') as Element;
    const row = mark.closest('tr.zA') as HTMLElement;
    for (let i = 0; i < 30; i++) {
      await new Promise(requestAnimationFrame);
      const copy = row.cloneNode(true) as HTMLElement;
      copy.querySelector('[data-testid="rapport-marker"]')?.remove();
      copy.id = `arrived-${i}`;
      row.parentElement?.prepend(copy);
    }
  });
  await expect(marks).toHaveCount(before + 30);

  await api('settings.update', { inboxMarkers: false });
  await page.reload();
  await expect(page.locator('tr.zA').first()).toBeVisible();
  await page.waitForTimeout(500);
  await expect(marks).toHaveCount(0);
});

test('browsing Sent records mail the seller sent from elsewhere, once', async ({ context, api, seed }) => {
  await serveGmail(context, 'test/fixtures/gmail/variants/SYNTHETIC-sent-list.html');
  await api('account.confirm', { account: ME });
  await seed({
    contacts: [
      { id: 'chris', name: 'Chris Customer', emails: ['chris@customer.example'], createdAt: 1, updatedAt: 1 },
    ] as never,
  });
  const page = await context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#sent');
  const sent = async () =>
    (await api('touch.list', { contactId: 'chris', limit: 10 })).map((t) => [t.direction, t.sourceId?.split(':')[0]]);
  await expect.poll(sent).toEqual([['outbound', 'gmail-sent']]);
  await page.reload();
  await page.waitForTimeout(500);
  expect(await sent()).toHaveLength(1);
});

test('card actions: a 2/5 check-in lowers trust and brings the next touch forward; former removes it; collapse is remembered', async ({
  context,
  seed,
}) => {
  const now = Date.now();
  const day = 86_400_000;
  // A year of monthly two-way e-mail with Chris, the last a week ago, and a happy check-in.
  const touches = Array.from({ length: 12 }, (_, i) => [
    {
      id: `in${i}`,
      contactId: 'chris',
      kind: 'email',
      direction: 'inbound',
      at: now - (7 + i * 30) * day,
      source: 'imported',
    },
    {
      id: `out${i}`,
      contactId: 'chris',
      kind: 'email',
      direction: 'outbound',
      at: now - (7 + i * 30) * day + 3_600_000,
      source: 'imported',
    },
  ]).flat();
  touches.push({
    id: 'happy',
    contactId: 'chris',
    kind: 'check-in',
    direction: 'outbound',
    at: now - 40 * day,
    source: 'imported',
    happiness: 5,
  } as never);
  await seed({
    contacts: [chrisCustomer(now - 400 * day)] as never,
    touches: touches as never,
  });
  const page = await context.newPage();
  await page.goto(URL);
  const card = (await sidebar(page)).locator('[data-email="chris@customer.example"]');
  const trustRank = async () =>
    ['none', 'some', 'full'].indexOf((await card.getByTestId('trust').getAttribute('data-level')) ?? '');
  const due = () => card.getByTestId('next-touch').getAttribute('data-due');
  await expect(card.getByTestId('next-touch')).toBeVisible();
  const [rankBefore, dueBefore] = [await trustRank(), await due()];

  await choose(card.getByTestId('checkin'), '2');
  await expect.poll(async () => Date.parse((await due()) ?? '')).toBeLessThan(Date.parse(dueBefore ?? ''));
  expect(await trustRank()).toBeLessThan(rankBefore);
  await expect(card.getByTestId('touch').first()).toHaveAttribute('data-kind', 'check-in');

  await choose(card.getByTestId('set-status'), 'F');
  await expect(card.getByTestId('next-touch')).toHaveCount(0);

  // Collapse, reload: still collapsed. The host page's own controls stay clickable.
  await (await sidebar(page)).getByTestId('sidebar-toggle').click();
  await page.reload();
  await expect((await sidebar(page)).getByTestId('sidebar-toggle')).toHaveAttribute('aria-expanded', 'false');
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'host-button';
    button.textContent = 'Gmail button';
    button.style.cssText = 'position:fixed;top:80px;right:330px';
    button.onclick = () => button.setAttribute('data-clicked', 'yes');
    document.body.append(button);
  });
  await page.locator('#host-button').click();
  await expect(page.locator('#host-button')).toHaveAttribute('data-clicked', 'yes');
});

test('card actions: trust by hand shows as the seller’s, a purchase shows in lifetime value, the tier is set', async ({
  context,
  seed,
  api,
}) => {
  const now = Date.now();
  await seed({
    accounts: [customerCo(now)],
    contacts: [chrisCustomer(now, { accountId: 'a1' })] as never,
  });
  const page = await context.newPage();
  await page.goto(URL);
  const card = (await sidebar(page)).locator('[data-email="chris@customer.example"]');
  await expect(card.getByTestId('trust')).toHaveAttribute('data-level', 'none');

  await choose(card.getByTestId('set-trust'), 'T');
  await expect(card.getByTestId('trust')).toHaveAttribute('data-override', 'true');
  await expect(card.getByTestId('trust')).toHaveAttribute('data-level', 'full');

  await card.getByTestId('log-purchase').click();
  await card.getByTestId('purchase-amount').fill('2500');
  await card.getByTestId('purchase-save').click();
  await expect(card.getByTestId('ltv')).toContainText('2,500');

  await choose(card.getByTestId('set-tier'), 'H');
  await expect.poll(async () => (await api('data.export', {})).accounts[0]?.valueTier).toBe('high');
});

test('never show an address again: it leaves the sidebar, also after a reload', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(URL);
  await expect.poll(() => people(page)).toEqual(['chris@customer.example:false']);
  await (await sidebar(page)).getByTestId('ignore-address').click();
  await expect.poll(() => people(page)).toEqual([]);
  await page.reload();
  await page.waitForTimeout(500);
  expect(await people(page)).toEqual([]);
});

test('the sidebar follows Gmail’s light or dark theme', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(URL);
  await expect((await sidebar(page)).getByTestId('sidebar')).toHaveAttribute('data-theme', 'light');
  await serveGmail(context, 'test/fixtures/gmail/variants/SYNTHETIC-thread-dark-theme.html');
  await page.reload();
  await expect((await sidebar(page)).getByTestId('sidebar')).toHaveAttribute('data-theme', 'dark');
});

test('beside Gmail’s right side panel the sidebar docks to its left, the panel stays clickable, the toggle works', async ({
  context,
}) => {
  await serveGmail(context, SIDE_PANEL);
  const page = await context.newPage();
  await page.goto(URL);
  await expect.poll(() => people(page)).toEqual(['chris@customer.example:false']);
  const box = (await sidebar(page)).getByTestId('sidebar');
  const toggle = (await sidebar(page)).getByTestId('sidebar-toggle');
  /** px between the sidebar's right side and the element's left side: 0 or more when clear of it. */
  const gapTo = async (selector: string) => {
    const [ours, theirs] = [await box.boundingBox(), await page.locator(selector).boundingBox()];
    return ours && theirs ? Math.round(theirs.x - (ours.x + ours.width)) : Number.NaN;
  };
  await expect.poll(() => gapTo('.brC-aT5-aOt-Jw')).toBeGreaterThanOrEqual(0);

  // Gmail opens Calendar to the rail's left when its icon is clicked: a normal click reaches it,
  // and the sidebar moves left of the open panel.
  await page.evaluate(() => {
    const icon = document.getElementById('side-calendar') as HTMLElement;
    icon.addEventListener('click', () => {
      icon.setAttribute('aria-selected', 'true');
      (document.querySelector('.WN9Ejb') as HTMLElement).style.display = '';
    });
  });
  await page.getByRole('tab', { name: 'Calendar' }).click();
  await expect(page.getByRole('tab', { name: 'Calendar' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => gapTo('.brC-brG')).toBeGreaterThanOrEqual(0);
  await expect(box).toBeInViewport();
  await page.getByRole('tab', { name: 'Tasks' }).click();

  // The sidebar's own toggle still works, and the tab stays clear of the panel too.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => gapTo('.brC-brG')).toBeGreaterThanOrEqual(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  // A narrow window leaves no room beside the open panel: the sidebar collapses by itself, still
  // clear of the panel; the seller can open it anyway; a wide window brings it back open.
  await page.setViewportSize({ width: 900, height: 720 });
  await expect(box).toHaveAttribute('data-auto-collapsed', 'true');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => gapTo('.brC-brG')).toBeGreaterThanOrEqual(0);
  await page.getByRole('tab', { name: 'Keep' }).click();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(box).not.toHaveAttribute('data-auto-collapsed', 'true');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
});

test('in Gmail’s right column the open sidebar pushes the conversation: its header buttons, the rail and compose stay clickable', async ({
  context,
  seed,
}) => {
  await serveGmail(context, SIDE_PANEL);
  const now = Date.now();
  await seed({
    contacts: [chrisCustomer(now)] as never,
  });
  const page = await context.newPage();
  await page.goto(URL);
  const toggle = (await sidebar(page)).getByTestId('sidebar-toggle');
  await expect((await sidebar(page)).getByTestId('trust')).toBeVisible();
  // In Gmail's layout, left of the rail: the mail view ends where the sidebar begins.
  await expect(page.locator('.aUx > rapport-sidebar:first-child')).toHaveCount(1);
  const right = async (selector: string) => {
    const b = await page.locator(selector).boundingBox();
    return b ? Math.round(b.x + b.width) : Number.NaN;
  };
  const left = async (selector: string) => Math.round((await page.locator(selector).boundingBox())?.x ?? Number.NaN);
  await expect.poll(async () => (await left('rapport-sidebar')) - (await right('.bkK'))).toBeGreaterThanOrEqual(0);
  expect(await right('rapport-sidebar')).toBeLessThanOrEqual(await left('.bAw'));

  // Each click lands where Gmail's would: a plain click() fails when something lies over the target.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('[id^=fixture-], [role=tab]')) {
      el.addEventListener('click', () =>
        el.setAttribute('data-clicked', String(Number(el.getAttribute('data-clicked')) + 1)),
      );
    }
  });
  const clicks = (selector: string) => page.locator(selector).getAttribute('data-clicked');
  await page.locator('#fixture-more-pricing').click();
  await page.locator('#fixture-reply-pricing').click();
  await page.getByRole('tab', { name: 'Tasks' }).click();
  expect([await clicks('#fixture-more-pricing'), await clicks('#fixture-reply-pricing')]).toEqual(['1', '1']);
  expect(await clicks('[aria-label=Tasks]')).toBe('1');

  // Compose windows are kept clear of the open sidebar: the mole spacer is widened to the column.
  const spacer = page.locator('.dw > .jAmAWb').last();
  const spacerWidth = async () => Number(/width:\s*([\d.]+)px/.exec((await spacer.getAttribute('style')) ?? '')?.[1]);
  await expect.poll(spacerWidth).toBeGreaterThanOrEqual(376);
  expect(await right('.AD')).toBeLessThanOrEqual(await left('rapport-sidebar'));
  await page.locator('#fixture-mole').click();
  expect(await clicks('#fixture-mole')).toBe('1');

  // Collapsed: a slim tab in the column, the spacer given back, the conversation wider still.
  const openWidth = await right('.bkK');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(spacer).toHaveAttribute('style', 'width: 66px;');
  await expect.poll(() => right('.bkK')).toBeGreaterThan(openWidth + 200);
  expect(await right('rapport-sidebar')).toBeLessThanOrEqual(await left('.bAw'));
  await page.locator('#fixture-more-pricing').click();
  expect(await clicks('#fixture-more-pricing')).toBe('2');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect((await sidebar(page)).getByTestId('trust')).toBeVisible();
  await expect.poll(spacerWidth).toBeGreaterThanOrEqual(376);

  // Gmail re-renders its column: the sidebar goes into the new one, its cards intact.
  await page.evaluate(() => {
    const old = document.querySelector('.aUx') as HTMLElement;
    const fresh = old.cloneNode(true) as HTMLElement;
    fresh.querySelector('rapport-sidebar')?.remove();
    old.replaceWith(fresh);
  });
  await expect(page.locator('.aUx > rapport-sidebar:first-child')).toHaveCount(1);
  await expect((await sidebar(page)).getByTestId('trust')).toBeVisible();
  await page.locator('#fixture-reply-scope').click();
  expect(await clicks('#fixture-reply-scope')).toBe('1');

  // No column any more (an older layout): back to a fixed overlay at the end of <body>.
  await page.evaluate(() => document.querySelector('.aUx')?.remove());
  await expect(page.locator('body > rapport-sidebar')).toHaveCount(1);
  await expect(page.locator('rapport-sidebar')).not.toHaveAttribute('data-in-column');
  await expect((await sidebar(page)).getByTestId('trust')).toBeVisible();
});

test('the page can neither read nor drive Rapport: Gmail’s own scripts find nothing it shows, and their clicks change nothing', async ({
  context,
  seed,
  api,
}) => {
  const now = Date.now();
  await seed({
    accounts: [customerCo(now)],
    contacts: [chrisCustomer(now, { accountId: 'a1' })] as never,
    purchases: [{ id: 'p9', accountId: 'a1', amount: 48_250, currency: 'EUR', at: now - 30 * 86_400_000 }] as never,
    touches: [
      {
        id: 't1',
        contactId: 'chris',
        kind: 'email',
        direction: 'inbound',
        at: now - 86_400_000,
        source: 'captured',
        sourceId: 'gmail:1',
        summary: 'Renewal terms for Q3',
      },
    ] as never,
  });
  const page = await context.newPage();
  await page.goto(URL);
  await expect((await sidebar(page)).getByTestId('next-touch')).toBeVisible();
  const before = { data: await api('data.export', {}), settings: await api('settings.get', {}) };
  const bar = await sidebar(page);
  // What the sidebar shows that Gmail's page must never hold: the subject line of a captured
  // e-mail, the trust reasons, the next touch's date, the lifetime value.
  const secrets = [
    'Renewal terms for Q3',
    await bar.getByTestId('next-touch').getAttribute('data-due'),
    ...(await bar.locator('.rapport-reasons li').allInnerTexts()),
    (await bar.getByTestId('ltv').innerText()).replace(/^.*?(\d[\d,.]*).*$/s, '$1'),
  ].filter((x): x is string => !!x && x.length > 3);
  expect(secrets.length).toBeGreaterThanOrEqual(4);

  // A script of the page's own (the main world), as any of Gmail's scripts or an XSS could run:
  // it reads everything it can reach, then clicks, changes and submits everything it can reach.
  const { text, reached } = await page.evaluate(async () => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const root of roots) {
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    const text = [
      ...roots.map((r) => (r instanceof Document ? r.documentElement.outerHTML : r.innerHTML)),
      JSON.stringify(performance.getEntries().map((e) => e.name)),
    ].join('\n');
    let reached = 0;
    for (const root of roots) {
      for (const input of root.querySelectorAll('input')) {
        input.dispatchEvent(new Event('change', { bubbles: true }));
        reached++;
      }
      for (const select of root.querySelectorAll('select')) {
        select.dispatchEvent(new Event('change', { bubbles: true }));
        reached++;
      }
      for (const form of root.querySelectorAll('form')) form.requestSubmit();
      for (const button of root.querySelectorAll('button, [role="button"], rapport-sidebar')) {
        (button as HTMLElement).click();
        reached++;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { text, reached };
  });
  for (const secret of secrets) expect(text, secret).not.toContain(secret);
  expect(reached).toBeGreaterThan(0);
  expect(await api('data.export', {})).toEqual(before.data);
  expect(await api('settings.get', {})).toEqual(before.settings);

  // The page hides the host, makes it inert and restyles it: Rapport puts it back at once, and
  // the seller's own click on Done still completes the follow-up.
  await page.evaluate(() => {
    const host = document.querySelector('rapport-sidebar') as HTMLElement;
    host.setAttribute('inert', '');
    host.hidden = true;
    host.style.setProperty('display', 'none', 'important');
    host.style.setProperty('--rapport-right', '-9999px');
  });
  await expect(page.locator('rapport-sidebar')).not.toHaveAttribute('inert');
  await expect(page.locator('rapport-sidebar')).toBeVisible();
  await bar.getByTestId('done').click();
  await expect
    .poll(async () =>
      ((await api('data.export', {})) as { followUps: { state: string }[] }).followUps.map((f) => f.state),
    )
    .toContain('done');
});

test('with the side panel chosen for Gmail too, nothing is framed into Gmail and the panel shows the thread’s people', async ({
  context,
  api,
  sidePanelFor,
}) => {
  await api('settings.update', { gmailInSidePanel: true });
  const page = await context.newPage();
  await page.goto(URL);
  const panel = await sidePanelFor(page);
  await expect(panel.locator('[data-testid="person"][data-email="chris@customer.example"]')).toBeVisible();
  await expect(page.locator('rapport-sidebar')).toHaveCount(0);
});
