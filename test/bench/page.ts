import type { Frame, Page } from '@playwright/test';
import { contactEmail } from './dataset';
import { gmailPage, inboxRows, threadMarkup } from './gmail-page';
import type { BenchContext } from './types';

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox';
export const THREAD_MESSAGES = 100;

/** Serves the heavy Gmail page at Gmail's real URL (this route wins over the fixtures'). */
export async function serveHeavyGmail(bench: BenchContext): Promise<void> {
  const html = gmailPage(bench.me, inboxRows(100, contactEmail));
  await bench.context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/** Gmail at its real URL; `framed: false` when the seller keeps Rapport in the side panel. */
export async function openGmail(bench: BenchContext, { framed = true } = {}): Promise<Page> {
  const page = await bench.context.newPage();
  await page.goto(GMAIL_URL);
  if (framed) await page.locator('rapport-sidebar').waitFor({ state: 'attached' });
  return page;
}

/**
 * Swaps the open thread in place, as Gmail does (hash changed, DOM replaced, no reload),
 * after placing the mark the measurement starts from.
 */
export async function showThread(page: Page, bench: BenchContext, threadNo: number, customer: string): Promise<void> {
  const html = threadMarkup(threadNo, customer, bench.me, THREAD_MESSAGES, bench.now - 30 * 86_400_000);
  await page.evaluate(
    ([markup, no]) => {
      performance.mark('rapport-bench:insert');
      // Gmail's thread tokens are 16+ letters and digits (site-dom.md A1).
      history.replaceState(null, '', `#inbox/FMfcgzQbdrkBench${String(no).padStart(6, '0')}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      const slot = document.querySelector('.bench-thread') as HTMLElement;
      slot.innerHTML = markup;
    },
    [html, threadNo] as const,
  );
}

/**
 * Milliseconds from the last bench insert mark to the first mark the extension emits with
 * this name after it, or undefined if none comes within the timeout.
 */
export async function timeToMark(
  page: Page,
  mark: string,
  timeoutMs: number,
  /** Where the extension marks its moment, when not in the page: the sidebar's frame in Gmail. */
  markedIn?: Frame,
): Promise<number | undefined> {
  try {
    // The two timelines have different origins: compare absolute times (timeOrigin + startTime).
    const insertedAt = await page.evaluate(() => {
      const insert = performance.getEntriesByName('rapport-bench:insert').at(-1);
      return insert ? performance.timeOrigin + insert.startTime : undefined;
    });
    if (insertedAt === undefined) return undefined;
    const handle = await (markedIn ?? page).waitForFunction(
      ([name, after]) => {
        const done = performance.getEntriesByName(name).find((e) => performance.timeOrigin + e.startTime >= after);
        return done ? performance.timeOrigin + done.startTime - after : undefined;
      },
      [mark, insertedAt] as const,
      { timeout: timeoutMs, polling: 10 },
    );
    return (await handle.jsonValue()) as number;
  } catch {
    return undefined;
  }
}
