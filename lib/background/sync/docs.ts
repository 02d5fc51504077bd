import { z } from 'zod';
import { Account, Contact, ME, Purchase, Seller, Touch } from '@/lib/shared/model';
import type { StoreName } from '../db/schema';

/**
 * What a team shares, as CouchDB documents: one per record, `_id` `<kind>:<record id>`, the
 * record's shared fields under `record`. Never shared (the issue's list): settings, the seller's
 * own follow-ups and snoozes, notes, a hand-set trust level, ignored addresses, and which import
 * made a record. Summaries and coverage are worked out again on each machine from what arrives.
 *
 * The seller using this browser is `me` in their own store; to the team they are
 * `team:<their first address>`, the same on each of their computers.
 */
export const SHARED_KINDS = ['seller', 'account', 'contact', 'touch', 'purchase'] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];

export const STORE_OF: Record<SharedKind, Exclude<StoreName, 'followUps'>> = {
  seller: 'sellers',
  account: 'accounts',
  contact: 'contacts',
  touch: 'touches',
  purchase: 'purchases',
};

/** Fields that stay on this machine, by kind. */
const PRIVATE: Record<SharedKind, readonly string[]> = {
  seller: ['importId'],
  account: ['notes', 'importId'],
  contact: ['notes', 'trustOverride', 'importId'],
  touch: ['importId'],
  purchase: ['importId'],
};

/** Today's shape of each kind's shared fields: what arrives from the server is held to it. */
const SHARED_SCHEMA = {
  seller: Seller.omit({ importId: true }),
  account: Account.omit({ notes: true, importId: true }),
  contact: Contact.omit({ notes: true, trustOverride: true, importId: true }),
  // Metadata only, as captured: a document with a body (or anything else) is refused whole.
  touch: Touch.omit({ importId: true }).strict(),
  purchase: Purchase.omit({ importId: true }),
} as const;

export interface SharedDoc {
  _id: string;
  _rev?: string;
  kind: SharedKind;
  record: Record<string, unknown>;
}

export const docId = (kind: SharedKind, id: string) => `${kind}:${id}`;

export function teamSellerId(myEmail: string): string {
  return `team:${myEmail.trim().toLowerCase()}`;
}

/** The seller ids a record names: a touch's seller, a contact's CRM owner. */
const SELLER_FIELDS: Partial<Record<SharedKind, readonly string[]>> = { touch: ['sellerId'], contact: ['ownerId'] };

function renameSellers(kind: SharedKind, record: Record<string, unknown>, from: string, to: string) {
  for (const field of SELLER_FIELDS[kind] ?? []) if (record[field] === from) record[field] = to;
}

/** A record of this store as the team sees it. */
export function toDoc(kind: SharedKind, record: { id: string } & object, me: string): SharedDoc {
  const shared: Record<string, unknown> = { ...record };
  for (const field of PRIVATE[kind]) delete shared[field];
  renameSellers(kind, shared, ME, me);
  return { _id: docId(kind, record.id), kind, record: shared };
}

export type Incoming = { kind: SharedKind; record: { id: string } & Record<string, unknown> };

/**
 * Two contacts one seller merged: the absorbed contact's document becomes this, naming the one
 * it went into, so every other computer merges the same two instead of keeping the absorbed one
 * beside the merged (a delete would lose where its history went).
 */
export type MergedInto = { kind: 'merged'; record: { id: string; into: string } };

export const mergedDoc = (id: string, into: string) => ({
  _id: docId('contact', id),
  kind: 'merged' as const,
  record: { id, into },
});

const MergedRecord = z.object({ id: z.string().min(1).max(200), into: z.string().min(1).max(200) }).strict();

/**
 * A document from the server, held to today's schema and turned into this machine's terms, or
 * the reason it is refused. Its id must be the one its record names: a document cannot
 * overwrite another record under a borrowed id.
 */
export function fromDoc(doc: unknown, me: string): Incoming | MergedInto | { refused: string } {
  const head = z.object({
    _id: z.string(),
    kind: z.enum([...SHARED_KINDS, 'merged']),
    record: z.record(z.string(), z.unknown()),
  });
  const parsed = head.safeParse(doc);
  if (!parsed.success) return { refused: `not a Rapport record (${parsed.error.issues[0]?.message})` };
  const { _id, kind, record } = parsed.data;
  if (kind === 'merged') {
    const merged = MergedRecord.safeParse(record);
    if (!merged.success || docId('contact', merged.data.id) !== _id || merged.data.id === merged.data.into)
      return { refused: `${_id}: not a merge of two contacts` };
    return { kind, record: merged.data };
  }
  const checked = SHARED_SCHEMA[kind].safeParse(record);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { refused: `${_id}: ${issue?.path.join('.') || 'record'}: ${issue?.message}` };
  }
  const shared = { ...checked.data } as { id: string } & Record<string, unknown>;
  if (docId(kind, shared.id) !== _id) return { refused: `${_id}: its record says it is ${shared.id}` };
  renameSellers(kind, shared, me, ME);
  return { kind, record: shared };
}

/** JSON with object keys in order: two records with the same fields compare equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  );
}
