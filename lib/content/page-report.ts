import type { Requester } from '@/lib/messaging/client';
import type { RequestOf } from '@/lib/messaging/protocol';

type Report = RequestOf<'page.report'>;

/**
 * What a content script tells the background about its page, kept whole and sent as one
 * `page.report` whenever a part changes (parts changed in the same task go in one message).
 * The sidebar page reads it from the background's session store.
 */
export function createPageReporter(request: Requester, site: Report['site']) {
  let report: Report = { site, people: [], health: [], empty: '' };
  let sent = '';
  let pending: Promise<void> | undefined;
  return {
    /** Changes part of the report; resolves once the background has the new one. */
    set(part: Partial<Omit<Report, 'site'>>): Promise<void> {
      report = { ...report, ...part };
      pending ??= Promise.resolve().then(async () => {
        pending = undefined;
        const text = JSON.stringify(report);
        if (text === sent) return;
        sent = text;
        await request('page.report', report);
      });
      return pending;
    },
  };
}
