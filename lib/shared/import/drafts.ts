import type { ContactStatus, Direction, TouchKind } from '@/lib/shared/model';

/**
 * What a row of a file says, checked but not yet matched against the store. Mapping a row
 * (columns → a draft) and planning it (draft → records, merges) are separate steps so the
 * dashboard can parse in the page and the background can plan against the store.
 */

/** Why a row was not imported. `code` is stable for the UI; `reason` is an English sentence. */
export type RowErrorCode =
  | 'no-identity'
  | 'invalid-email'
  | 'invalid-linkedin'
  | 'missing-date'
  | 'invalid-date'
  | 'missing-amount'
  | 'invalid-amount'
  | 'negative-amount'
  | 'missing-currency'
  | 'invalid-currency'
  | 'missing-kind'
  | 'unknown-kind'
  | 'unknown-direction'
  | 'missing-account'
  | 'free-mail-account'
  | 'broken-quotes'
  | 'invalid-record'
  | 'duplicate-record'
  | 'not-a-backup';

/** `line` is 1-based in the file as the seller sees it: header and preamble lines count. */
export interface RowError {
  line: number;
  code: RowErrorCode;
  reason: string;
}

/** Someone named in an owner or seller column: a name, an address, or both. */
export interface PersonRef {
  name?: string;
  email?: string;
}

export interface ContactDraft {
  line: number;
  /** Empty when the file gave none; the planner falls back to an address. */
  name: string;
  emails: string[];
  linkedinId?: string;
  title?: string;
  company?: string;
  owner?: PersonRef;
  /** As the file wrote them; the planner normalises them. */
  phones: string[];
  status?: ContactStatus;
  /** When the CRM says they became a customer ("Became a Customer Date", "Customer Since", "Won time"). */
  customerSince?: number;
}

export interface ActivityDraft {
  line: number;
  at: number;
  kind: TouchKind;
  direction: Direction;
  /** One touch per contact: an e-mail to three customers is three touches with one source id. */
  contactEmails: string[];
  contactLinkedinId?: string;
  contactName?: string;
  seller?: PersonRef;
  summary?: string;
  /** Stable across imports of the same file, so importing it twice adds nothing. */
  sourceId: string;
}

export interface PurchaseDraft {
  line: number;
  at: number;
  amount: number;
  currency: string;
  accountName?: string;
  accountDomain?: string;
  contactEmail?: string;
  product?: string;
}

/** One row as the planner takes it while a file is read: its draft, or the error that keeps it out. */
export type MappedRow =
  | { kind: 'contacts'; draft: ContactDraft }
  | { kind: 'activities'; draft: ActivityDraft }
  | { kind: 'purchases'; draft: PurchaseDraft }
  | { kind: 'error'; error: RowError };

export type MappedRows =
  | { kind: 'contacts'; drafts: ContactDraft[]; errors: RowError[] }
  | { kind: 'activities'; drafts: ActivityDraft[]; errors: RowError[] }
  | { kind: 'purchases'; drafts: PurchaseDraft[]; errors: RowError[] };

/** Runs of whitespace as one space; the text itself when it has none to fold (most subjects), so no copy per row. */
export const oneLine = (text: string): string => (/\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text);

/** Quotes a cell's value in a reason, cut short so one wild cell cannot flood the error list. */
export function quoted(value: string): string {
  const text = oneLine(value);
  return `"${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`;
}
