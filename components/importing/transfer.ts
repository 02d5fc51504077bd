import type { Requester } from '@/lib/messaging/client';
import type { DataSet } from '@/lib/messaging/protocol';
import { emptyDataSet } from '@/lib/shared/model';

/**
 * Moving many records between the dashboard and the background. A browser message carries at
 * most 64 MB (Chromium's limit), which a store of a few hundred thousand touches passes, so
 * nothing large travels in one message: records go and come in parts.
 */

/** Records per message: a part serialises in milliseconds and never nears the limit. */
export const PART = 5_000;

const STORES = ['sellers', 'accounts', 'contacts', 'purchases', 'touches', 'followUps'] as const;

/** Stores the records part by part (one transaction each); throws on the first part refused. */
export async function writeInParts(records: Partial<DataSet>, request: Requester): Promise<void> {
  for (const name of STORES) {
    const list = records[name] ?? [];
    for (let i = 0; i < list.length; i += PART) {
      const written = await request('import.write', { [name]: list.slice(i, i + PART) });
      if (!written.ok) throw new Error(written.error.message);
    }
  }
}

/**
 * Has the background bring these contacts' summaries and follow-ups up to date, once.
 * `created`: contacts the import made; those no touch names have nothing to read yet.
 * `touched`: contacts of touches stored earlier (while the file was read).
 */
export async function settle(
  records: Partial<DataSet>,
  request: Requester,
  more: { created?: readonly { id: string }[]; touched?: ReadonlySet<string> } = {},
): Promise<void> {
  const touched = new Set([...(more.touched ?? []), ...(records.touches ?? []).map((t) => t.contactId)]);
  const created = more.created ?? [];
  const ids = new Set([...(records.contacts ?? []).map((c) => c.id), ...touched]);
  const blank = created.flatMap((c) => (touched.has(c.id) ? [] : [c.id]));
  const settled = await request('import.settle', { contactIds: [...ids], blank });
  if (!settled.ok) throw new Error(settled.error.message);
}

/** Everything the store holds, read part by part: what the exports are made from. */
export async function readEverything(request: Requester): Promise<DataSet> {
  const data = emptyDataSet();
  for (const store of STORES) {
    let after: string | undefined;
    do {
      const page = await request('data.page', { store, limit: PART, ...(after ? { after } : {}) });
      if (!page.ok) throw new Error(page.error.message);
      (data[store] as unknown[]).push(...page.data.data[store]);
      after = page.data.next;
    } while (after);
  }
  return data;
}
