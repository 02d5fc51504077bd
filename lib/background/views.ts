import type { IDBPDatabase } from 'idb';
import type { RapportDB } from './db/schema';
import { generation } from './kept';

/**
 * The dashboard's last answers of the whole book (the accounts table, the contacts table, the
 * leaky bucket), kept in `meta` so a dashboard opened with a stopped worker shows the book at
 * once: working it out afresh reads every contact and summary (about half a second at 10,000
 * contacts, README "Performance"). The answer shown that way says when it was worked out and
 * that today's is on its way; the page swaps it in a moment later.
 *
 * What a seller deleted must not live on in a copy: every request that removes a person or
 * their records forgets the kept answers before it writes (handlers.ts), and an answer worked
 * out while any write ran is not kept.
 */
const PREFIX = 'view:';
/** Raised when an answer's shape changes, so an older kept one is never shown. */
const VIEW_VERSION = 1;

export interface KeptView {
  at: number;
  data: unknown;
}

const keyOf = (name: string) => `${PREFIX}${VIEW_VERSION}:${name}`;

export async function lastView(db: IDBPDatabase<RapportDB>, name: string): Promise<KeptView | undefined> {
  return (await db.get('meta', keyOf(name))) as KeptView | undefined;
}

/** Keeps an answer worked out from what the store held at write generation `since`. */
export async function keepView(
  db: IDBPDatabase<RapportDB>,
  name: string,
  view: KeptView,
  since: number,
): Promise<void> {
  if (since < 0 || generation() !== since) return;
  await db.put('meta', view as never, keyOf(name));
}

export async function forgetViews(db: IDBPDatabase<RapportDB>): Promise<void> {
  await db.delete('meta', IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`));
}
