// `npm run demo`: builds Rapport, seeds the demo book of business through the protocol and
// opens Chromium on the demo Gmail and LinkedIn pages and the popup. With a display the
// window stays open to explore; without one, screenshots are written to demo-output/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gmailSidebar, launch, openSidePanelPage, PAGES, requestFrom } from '../e2e/launch';
import { ensureChromiumOrExit } from './chromium.mjs';
import { DEMO_GMAIL_THREAD, demoData, demoSettings } from './demo-data';

const OUT = path.resolve('demo-output');

// The browser first: on a fresh machine it is installed here, or the one command to run is named.
ensureChromiumOrExit();

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const headed = !!process.env.DISPLAY && process.env.DEMO_HEADLESS !== '1';
const { context, extensionId } = await launch(mkdtempSync(path.join(os.tmpdir(), 'rapport-demo-')), [], !headed);

// The same thread in Gmail's dark theme: Gmail marks it only by colours (see the dark-theme variant).
const DARK = '<style>body{background:#111;color:#e8eaed}.bkK>.nH{background-color:rgb(32,33,36)}</style>';
await context.route('https://mail.google.com/**', (route) => {
  const thread = readFileSync(DEMO_GMAIL_THREAD, 'utf8');
  const body = route.request().url().includes('dark') ? thread.replace('</head>', `${DARK}</head>`) : thread;
  return route.fulfill({ contentType: 'text/html; charset=utf-8', body });
});
const popupUrl = `chrome-extension://${extensionId}/popup.html`;
const dashboardUrl = `chrome-extension://${extensionId}/options.html`;
const control = await context.newPage();
await control.goto(popupUrl);
for (const result of [
  await requestFrom(control, 'settings.update', demoSettings),
  await requestFrom(control, 'data.put', demoData(Date.now())),
]) {
  if (!result.ok) throw new Error(`seeding the demo failed: ${result.error.message}`);
}
for (const page of context.pages()) if (page.url().includes('options.html')) await page.close();

const shots: [string, string, { width: number; height: number }][] = [
  ['gmail.png', PAGES.gmailThread.url, { width: 1280, height: 800 }],
  [
    'gmail-dark.png',
    'https://mail.google.com/mail/u/0/?theme=dark#inbox/FMfcgzQbdrkZxKJjhXbQmTvRmHLVNsXm',
    { width: 1280, height: 800 },
  ],
  // On LinkedIn Rapport lives in the browser's side panel: the picture is the panel's page.
  ['linkedin.png', PAGES.linkedinProfile.url, { width: 920, height: 800 }],
  // A customer whose profile names another company now: the job-change notice.
  ['linkedin-job-change.png', PAGES.linkedinMoved.url, { width: 920, height: 800 }],
  ['popup.png', popupUrl, { width: 380, height: 320 }],
  // The dashboard's book of business.
  ['dashboard-accounts.png', `${dashboardUrl}#accounts`, { width: 1280, height: 700 }],
  ['dashboard-coverage.png', `${dashboardUrl}#coverage`, { width: 1280, height: 700 }],
  ['dashboard-bucket.png', `${dashboardUrl}#bucket`, { width: 1280, height: 900 }],
  ['dashboard-contact.png', `${dashboardUrl}#contact/c-sam`, { width: 1280, height: 1000 }],
];
/** What each dashboard picture waits for: the view with its data. */
const DASHBOARD_READY: Record<string, string> = {
  'dashboard-accounts.png': 'account-row',
  'dashboard-coverage.png': 'coverage-cell',
  'dashboard-bucket.png': 'bucket-month',
  'dashboard-contact.png': 'trust',
};
if (!headed) {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
}
for (const [file, url, viewport] of shots) {
  const site = await context.newPage();
  await site.setViewportSize(viewport);
  const openedAt = Date.now();
  await site.goto(url);
  const onLinkedIn = url.startsWith('https://www.linkedin.com/');
  const page = onLinkedIn ? await openSidePanelPage(context, extensionId, control, 'linkedin', openedAt) : site;
  const dashboardView = DASHBOARD_READY[file];
  const ready = dashboardView
    ? page.getByTestId(dashboardView).first()
    : url === popupUrl
      ? page.getByTestId('popup')
      : file === 'linkedin-job-change.png'
        ? page.getByTestId('job-change')
        : onLinkedIn
          ? page.locator('[data-testid="person"][data-tracked="true"]').first()
          : (await gmailSidebar(page)).locator('[data-testid="person"][data-tracked="true"]').first();
  await ready.waitFor();
  // Let the sidebar's look-ups answer before the picture is taken.
  await page.waitForTimeout(300);
  if (!headed) await page.screenshot({ path: path.join(OUT, file) });
  // The demo's account known only by LinkedIn's company id is named from the profile: no id shows.
  if (file === 'linkedin-job-change.png') {
    const [from, to] = [await ready.getAttribute('data-from'), await ready.getAttribute('data-to')];
    if (from !== 'Acme Corp' || to !== 'Globex') throw new Error(`the demo's job change reads ${from} → ${to}`);
  }
  if (file === 'linkedin.png' || file === 'popup.png') {
    const text = url === popupUrl ? await page.innerText('body') : await ready.innerText();
    if (!text.includes('Acme Corp') || /Company \d+/.test(text)) {
      throw new Error(`the demo's ${file} does not name the company from LinkedIn:\n${text}`);
    }
  }
}

if (!headed) await control.close();
if (headed) {
  console.log('Rapport demo is open. Close the browser window to end the demo.');
  await new Promise((resolve) => context.on('close', resolve));
} else {
  await context.close();
  console.log(`Headless: screenshots written to ${OUT}/ (${shots.map(([f]) => f).join(', ')})`);
}
