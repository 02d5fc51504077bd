import type { Requester } from '@/lib/messaging/client';
import { type DataSet, PART, type RequestOf } from '@/lib/messaging/protocol';
import { emptyDataSet } from '@/lib/shared/model';

/**
 * Moving many records between the dashboard and the background. A browser message carries at
 * most 64 MB (Chromium's limit), which a store of a few hundred thousand touches passes, so
 * nothing large travels in one message: records go and come in parts.
 */

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

type Creates = Partial<Omit<DataSet, 'followUps'>>;
type Merges = RequestOf<'import.stage'>['merges'];
export const NO_MERGES: Merges = { accounts: [], contacts: [] };

/**
 * Hands an import's records to the worker's journal part by part (`import.stage`): nothing is
 * live until the import is committed. Throws on the first part refused.
 */
export async function handOver(importId: string, records: Creates, merges: Merges, request: Requester): Promise<void> {
  const parts: [Creates, Merges][] = [];
  for (const name of ['sellers', 'accounts', 'contacts', 'purchases', 'touches'] as const) {
    const list = records[name] ?? [];
    for (let i = 0; i < list.length; i += PART) parts.push([{ [name]: list.slice(i, i + PART) }, NO_MERGES]);
  }
  for (const name of ['accounts', 'contacts'] as const) {
    const list = merges[name];
    for (let i = 0; i < list.length; i += PART) parts.push([{}, { ...NO_MERGES, [name]: list.slice(i, i + PART) }]);
  }
  // The next part is sent while the worker stores this one, so its copying and checking overlap
  // the write; two at most, so memory stays bounded. Nothing depends on the order they land in
  // (finishImport, regroupTouches).
  let previous: Promise<void> | undefined;
  for (const [part, partMerges] of parts) {
    // Stores a part does not name default to none.
    const sending = request('import.stage', { importId, records: part, merges: partMerges }).then((staged) => {
      if (!staged.ok) throw new Error(staged.error.message);
    });
    // Awaited below or in the next turn; this only keeps a failure from being reported as unhandled meanwhile.
    sending.catch(() => undefined);
    await previous;
    previous = sending;
  }
  await previous;
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

/**
 * Everything the store holds, read part by part: what the exports are made from. Records come
 * as stored, also one that fails today's schema (a backup carries everything); `invalid` says
 * how many do.
 */
export async function readEverything(request: Requester): Promise<{ data: DataSet; invalid: number }> {
  const data = emptyDataSet();
  let invalid = 0;
  for (const store of STORES) {
    let after: string | undefined;
    do {
      const page = await request('data.page', { store, limit: PART, ...(after ? { after } : {}) });
      if (!page.ok) throw new Error(page.error.message);
      (data[store] as unknown[]).push(...(page.data.data[store] ?? []));
      invalid += page.data.invalid;
      after = page.data.next;
    } while (after);
  }
  return { data, invalid };
}
