import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page, type Worker } from '@playwright/test';
import type { RequestOf, RequestType, ResponseOf, Result } from '@/lib/messaging/protocol';
import { ensureChromium } from '../tools/chromium.mjs';
import { chromiumArgs, extensionDir } from './browser';

const FIXTURES = path.resolve('test/fixtures');

/** Real captured markup, served at the real sites' URLs so the content scripts' match patterns run for real. */
export const PAGES = {
  gmailThread: {
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrkZxKJjhXbQmTvRmHLVNsXm',
    file: 'gmail/gmail-message-expanded-2025-08__jiit-placement-alerts.anonymized.excerpt.html',
  },
  linkedinProfile: {
    url: 'https://www.linkedin.com/in/jane-example-doe/',
    file: 'linkedin/linkedin-profile-2024-07__scoutr-profile1.anonymized.excerpt.html',
  },
  /** A profile in LinkedIn's 2026 layout whose current company is Globex (previously Acme Corp). */
  linkedinMoved: {
    url: 'https://www.linkedin.com/in/sam-synthetic/',
    file: 'linkedin/SYNTHETIC-linkedin-profile-2026-hashed.html',
  },
} as const;

const OTHER_SITE =
  '<!doctype html><html><head><title>Example</title></head><body><h1>Not a site Rapport reads</h1></body></html>';

/**
 * Serves fixtures at the real hosts and answers everything else with a 404, never the network;
 * loopback (127.0.0.1) passes, for the team server a test starts there.
 */
export async function serveFixtures(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 404, body: '' }));
  await context.route('https://example.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: OTHER_SITE }),
  );
  for (const [host, page] of [
    ['https://mail.google.com/**', PAGES.gmailThread],
    ['https://www.linkedin.com/in/**', PAGES.linkedinProfile],
    // Routes added later win: this profile's address gets its own page.
    ['https://www.linkedin.com/in/sam-synthetic/**', PAGES.linkedinMoved],
  ] as const) {
    await context.route(host, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(path.join(FIXTURES, page.file)) }),
    );
  }
}

/**
 * Serves a Gmail page (a fixture file, optionally with addresses swapped so a seeded contact
 * is in it) at Gmail's real URL, for every later navigation in this context.
 */
export async function serveGmail(
  context: BrowserContext,
  file: string,
  swap: Record<string, string> = {},
): Promise<void> {
  let body = readFileSync(file, 'utf8');
  for (const [from, to] of Object.entries(swap)) body = body.replaceAll(from, to);
  await context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body }),
  );
}

/** Starts Chromium with the built extension in a profile folder that may be reused across restarts. */
export async function launch(
  userDataDir: string,
  alsoLoad: string[] = [],
  headless = true,
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    // Debian's Chromium (or CHROMIUM_PATH), installed first when missing: test/tools/chromium.mjs.
    executablePath: ensureChromium(),
    headless,
    args: chromiumArgs([extensionDir(), ...alsoLoad]),
  });
  await serveFixtures(context);
  const worker = await workerOf(context, '/background.js');
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

/** The service worker whose script ends so (Rapport's is `/background.js`; another extension's differs). */
export async function workerOf(context: BrowserContext, script: string): Promise<Worker> {
  const mine = () => context.serviceWorkers().find((w) => w.url().endsWith(script));
  for (let tries = 0; !mine() && tries < 50; tries++) {
    await context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => undefined);
  }
  const found = mine();
  if (!found) throw new Error(`no service worker ${script} started`);
  return found;
}

/**
 * Runs an expression inside Rapport's content script world on a page (the isolated world
 * Chromium names after the extension), so a test can send what a content script can send.
 */
export async function evaluateInContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Rapport');
  if (!isolated) throw new Error(`no Rapport content-script world on ${page.url()}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: isolated.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

/**
 * Sends a protocol request from one of our own pages, exactly as the popup and dashboard do.
 * Used to read back what features stored and to seed data without the import UI.
 */
export async function requestFrom<T extends RequestType>(
  page: Page,
  type: T,
  payload: RequestOf<T>,
): Promise<Result<ResponseOf<T>>> {
  return page.evaluate(([t, p]) => chrome.runtime.sendMessage({ rapport: 1, type: t, payload: p }), [
    type,
    payload,
  ] as const) as Promise<Result<ResponseOf<T>>>;
}

/**
 * What the side panel shows for the site's tab whose content script reported last: the sidebar page
 * opened as a tab with `?tab=<id>` (Playwright cannot open the browser's own side panel). Tabs'
 * URLs are not the extension's to read, so the tab is found by its report in the session store
 * (`page:<id>`), read from `control`, an extension page.
 */
export async function openSidePanelPage(
  context: BrowserContext,
  extensionId: string,
  control: Page,
  site: 'gmail' | 'linkedin',
  /** Only a tab that reported at or after this time (ms): the page just opened, not an older one. */
  since = 0,
): Promise<Page> {
  const tabId = await control.evaluate(
    async ([wanted, after]) => {
      for (let tries = 0; tries < 50; tries++) {
        const reports = Object.entries(await chrome.storage.session.get(null)) as [
          string,
          { at: number; site: string },
        ][];
        const newest = reports
          .filter(([, r]) => r.site === wanted && r.at >= after)
          .sort((a, b) => b[1].at - a[1].at)[0];
        if (newest) return Number(newest[0].slice('page:'.length));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return undefined;
    },
    [site, since] as const,
  );
  if (tabId === undefined) throw new Error(`no ${site} content script reported a page`);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 360, height: 800 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

/**
 * The sidebar framed into Gmail: Rapport's own page in an iframe inside a closed shadow root, out
 * of reach of selectors (and of the page's scripts), so tests reach it as the page's frame.
 */
export async function gmailSidebar(page: Page): Promise<Frame> {
  for (let tries = 0; tries < 100; tries++) {
    const frame = page.frames().find((f) => f.url().includes('/sidepanel.html') && !f.isDetached());
    if (frame) {
      await frame.waitForLoadState();
      return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no Rapport sidebar frame on ${page.url()}`);
}

/**
 * Prints what a seller would have seen when a test failed: every page, the text of every Rapport
 * sidebar frame on it, and the page reports the sidebar reads. CI keeps only the run's output, so
 * a failure that does not come back on a second run can still be read from it.
 */
export async function describeFailure(context: BrowserContext): Promise<void> {
  const lines: string[] = ['— what the browser showed when the test failed —'];
  for (const page of context.pages()) {
    lines.push(`page ${page.url()}`);
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || frame.isDetached()) continue;
      const text = await frame
        .evaluate(() => document.body?.innerText ?? '')
        .catch((error: unknown) => `(unreadable: ${String(error)})`);
      lines.push(`  frame ${frame.url()}: ${JSON.stringify(text.slice(0, 600))}`);
    }
  }
  const worker = context.serviceWorkers()[0];
  const reports = await worker
    ?.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)))
    .catch((error: unknown) => `(unreadable: ${String(error)})`);
  lines.push(`page reports: ${(reports ?? '(no worker)').slice(0, 2000)}`);
  console.log(lines.join('\n'));
}
