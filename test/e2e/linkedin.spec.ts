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
