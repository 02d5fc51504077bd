import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ensureChromium } from '../tools/chromium.mjs';
import { expect, PAGES, test } from './harness';

// LinkedIn's User Agreement forbids inserting anything into its pages: Rapport reads the
// profile and shows the person in the browser's side panel, and leaves the page as it was.

const PROFILE = `test/fixtures/${PAGES.linkedinProfile.file}`;
const serialize = () => document.documentElement.outerHTML;

test('a LinkedIn profile is shown in the side panel, tracked there, and its page is left exactly as it was', async ({
  context,
  extensionId,
  api,
  sidePanelFor,
}) => {
  // Everything posted to the page's window, as a script of LinkedIn's own would see it.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { rapportSeen: string[] }).rapportSeen = seen;
    addEventListener('message', (event) => seen.push(JSON.stringify(event.data)));
  });
  const page = await context.newPage();
  await page.goto(PAGES.linkedinProfile.url);

  const panel = await sidePanelFor(page);
  const person = panel.getByTestId('person');
  await expect(person).toHaveAttribute('data-linkedin', 'jane-example-doe');
  await expect(person).toHaveAttribute('data-tracked', 'false');
  await expect(person).toContainText('Jane Example Doe');
  await person.getByTestId('track').click();
  await expect(person).toHaveAttribute('data-tracked', 'true');
  // Known only by LinkedIn: the account is the company the profile shows, by its name.
  await expect(person).toContainText('Acme Corp');
  expect(await api('contact.find', { linkedinId: 'jane-example-doe' })).toMatchObject({ name: 'Jane Example Doe' });
  await expect(panel.getByTestId('sidebar-toggle')).toHaveCount(0);

  // The page after Rapport read it, against the same page in a browser without Rapport.
  const withRapport = await page.evaluate(serialize);
  const plain = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox'] });
  const bare = await plain.newPage();
  await bare.route('https://www.linkedin.com/**', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(PROFILE) }),
  );
  await bare.goto(PAGES.linkedinProfile.url);
  const without = await bare.evaluate(serialize);
  await plain.close();
  expect(withRapport).toBe(without);
  // Nor does any message on the page's window name Rapport's id.
  const posted = await page.evaluate(() => (window as unknown as { rapportSeen: string[] }).rapportSeen.join('\n'));
  expect(posted).not.toContain(extensionId);
  expect(await page.locator('rapport-sidebar').count()).toBe(0);
});

test('the side panel follows LinkedIn’s in-page navigation, and says what to do off a profile', async ({
  context,
  sidePanelFor,
}) => {
  await context.route('https://www.linkedin.com/feed/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Feed | LinkedIn</title><main>Feed</main>' }),
  );
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  const panel = await sidePanelFor(page);
  await expect(panel.getByTestId('sidebar')).toContainText('Open a LinkedIn profile');
  // LinkedIn changes pages without reloading.
  await page.evaluate(() => history.pushState({}, '', '/in/jane-example-doe/'));
  await expect(panel.getByTestId('person')).toHaveAttribute('data-linkedin', 'jane-example-doe', { timeout: 10_000 });
});

const SAM_PROFILE = readFileSync(`test/fixtures/${PAGES.linkedinMoved.file}`, 'utf8');
// Midnight is always past: the thread's last message is "Today" whenever the test runs. Every
// 10:32 AM goes (the conversation list shows the same time as the message group), or before
// 10:32 the message would lie in the future and rightly be recorded not at all.
const THREAD = readFileSync('test/fixtures/linkedin/SYNTHETIC-linkedin-messaging-thread.html', 'utf8').replaceAll(
  '10:32 AM',
  '12:00 AM',
);
const html = (body: string) => ({ contentType: 'text/html; charset=utf-8', body });

/** Sam, a customer at Acme whom the seller tracks by LinkedIn id, last written to three weeks ago. */
async function seedSam(seed: (data: never) => Promise<unknown>) {
  const now = Date.now();
  await seed({
    accounts: [
      {
        id: 'acme',
        name: 'Acme Corp',
        domains: ['acme.example'],
        linkedinCompanyId: '1000001',
        createdAt: now,
        updatedAt: now,
      },
    ],
    contacts: [
      {
        id: 'sam',
        name: 'Sam Synthetic',
        emails: ['sam@acme.example'],
        linkedinId: 'sam-synthetic',
        accountId: 'acme',
        status: 'customer',
        statusHistory: [{ status: 'customer', at: now - 400 * 86_400_000 }],
        createdAt: now,
        updatedAt: now,
      },
    ],
    touches: [
      {
        id: 't1',
        contactId: 'sam',
        kind: 'email',
        direction: 'outbound',
        at: now - 21 * 86_400_000,
        source: 'captured',
        sourceId: 'gmail:1',
      },
      {
        id: 't2',
        contactId: 'sam',
        kind: 'email',
        direction: 'inbound',
        at: now - 20 * 86_400_000,
        source: 'captured',
        sourceId: 'gmail:2',
      },
    ],
  } as never);
}

test('a tracked customer now at another company: the card says they moved, and one click moves them', async ({
  context,
  seed,
  api,
  sidePanelFor,
}) => {
  await seedSam(seed);
  const page = await context.newPage();
  await page.goto(PAGES.linkedinMoved.url);
  const panel = await sidePanelFor(page);
  const person = panel.locator('[data-testid="person"][data-linkedin="sam-synthetic"]');
  await expect(person.getByTestId('trust')).toBeVisible();
  const notice = person.getByTestId('job-change');
  await expect(notice).toHaveAttribute('data-from', 'Acme Corp');
  await expect(notice).toHaveAttribute('data-to', 'Globex');
  await notice.getByTestId('job-change-move').click();
  await expect(person.getByTestId('job-change')).toHaveCount(0);
  await expect(person).toContainText('VP Procurement · Globex');
  expect(await api('contact.find', { linkedinId: 'sam-synthetic' })).toMatchObject({ title: 'VP Procurement' });
});

test('an in-page navigation to another profile switches the card only once that profile is on the page', async ({
  context,
  seed,
  sidePanelFor,
}) => {
  await seedSam(seed);
  const page = await context.newPage();
  await page.goto(PAGES.linkedinProfile.url);
  const panel = await sidePanelFor(page);
  await expect(panel.getByTestId('person')).toHaveAttribute('data-linkedin', 'jane-example-doe');
  // LinkedIn changes the address first and renders the new profile after.
  await page.evaluate(() => history.pushState({}, '', '/in/sam-synthetic/'));
  await page.waitForTimeout(1_000);
  await expect(panel.getByTestId('person')).toHaveAttribute('data-linkedin', 'jane-example-doe');
  await expect(panel.locator('[data-linkedin="sam-synthetic"]')).toHaveCount(0);
  await page.evaluate((markup) => {
    const next = new DOMParser().parseFromString(markup, 'text/html');
    document.title = next.title;
    document.body.replaceWith(document.adoptNode(next.body));
  }, SAM_PROFILE);
  const sam = panel.locator('[data-testid="person"][data-linkedin="sam-synthetic"]');
  await expect(sam).toContainText('Sam Synthetic');
  await expect(sam.getByTestId('trust')).toBeVisible();
  await expect(panel.getByTestId('person')).toHaveCount(1);
});

test('a LinkedIn conversation shows its participant, records each message once, and the customer’s reply is owed an answer', async ({
  context,
  seed,
  api,
  sidePanelFor,
}) => {
  await seedSam(seed);
  await context.route('https://www.linkedin.com/messaging/**', (route) => route.fulfill(html(THREAD)));
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/messaging/thread/2-SYNTHETICthread1/');
  const panel = await sidePanelFor(page);
  const sam = panel.locator('[data-testid="person"][data-linkedin="sam-synthetic"]');
  await expect(sam).toBeVisible();
  const linkedinTouches = async () =>
    ((await api('touch.list', { contactId: 'sam', limit: 50 })) as { kind: string; direction: string }[])
      .filter((t) => t.kind === 'linkedin-message')
      .map((t) => t.direction)
      .sort();
  await expect.poll(linkedinTouches).toEqual(['inbound', 'inbound', 'outbound']);
  // Sam wrote last (today): like an e-mail, the next touch is the seller's reply.
  await expect(sam.getByTestId('next-touch')).toHaveAttribute('data-kind', 'reply');
  await page.reload();
  await expect(sam).toBeVisible();
  await page.waitForTimeout(1_000);
  expect(await linkedinTouches()).toEqual(['inbound', 'inbound', 'outbound']);
});
