import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, test as base, type Page, type Worker } from '@playwright/test';
import type { DataSet, RequestOf, RequestType, ResponseOf } from '@/lib/messaging/protocol';
import { describeFailure, launch, openSidePanelPage, requestFrom } from './launch';

export { evaluateInContentScript, gmailSidebar, launch, PAGES, requestFrom, serveGmail } from './launch';

type Fixtures = {
  userDataDir: string;
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** An extension page to send requests from (the popup, opened as a tab). */
  extensionPage: Page;
  api: <T extends RequestType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;
  seed: (data: Partial<DataSet>) => Promise<ResponseOf<'data.put'>>;
  /**
   * What the side panel shows for a site's tab: the same sidebar page opened as a tab with
   * `?tab=<id>` (Playwright cannot open the browser's own side panel).
   */
  sidePanelFor: (site: Page) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ userDataDir }, use, testInfo) => {
    const { context } = await launch(userDataDir);
    await use(context);
    if (testInfo.status !== testInfo.expectedStatus) await describeFailure(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  extensionPage: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await use(page);
  },
  api: async ({ extensionPage }, use) => {
    await use(async (type, payload) => {
      const result = await requestFrom(extensionPage, type, payload);
      if (!result.ok) throw new Error(`${type} failed: ${result.error.message}`);
      return result.data;
    });
  },
  seed: async ({ api }, use) => {
    await use((data) => api('data.put', data as RequestOf<'data.put'>));
  },
  sidePanelFor: async ({ context, extensionId, extensionPage }, use) => {
    await use(async (site) => {
      await site.waitForLoadState();
      const kind = new URL(site.url()).hostname === 'mail.google.com' ? 'gmail' : 'linkedin';
      return openSidePanelPage(context, extensionId, extensionPage, kind);
    });
  },
});

export { expect } from '@playwright/test';

/**
 * Chris, the external person on the Gmail thread fixtures, as a tracked customer since `since`
 * (seed input: the background fills the defaults).
 */
export function chrisCustomer(since: number, over: Record<string, unknown> = {}) {
  return {
    id: 'chris',
    name: 'Chris Customer',
    emails: ['chris@customer.example'],
    status: 'customer',
    statusHistory: [{ status: 'customer', at: since }],
    createdAt: since,
    updatedAt: since,
    ...over,
  };
}

/** Serious and critical accessibility violations only (axe-core): the bar the UI guide sets. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
