import Papa from 'papaparse';
import { type Account, type Contact, ME, type Seller } from '@/lib/shared/model';
import { escapeFormula } from './formula';
import { linkedInProfileUrl } from './links';

/** The columns of a contacts export, in order; the import recognises every one of them. */
export const CONTACT_CSV_HEADERS = [
  'Name',
  'Email',
  'Other emails',
  'Title',
  'Company',
  'Status',
  'Owner',
  'LinkedIn URL',
  'Phone',
  'Notes',
] as const;

export interface ContactCsvContext {
  accounts?: readonly Account[];
  sellers?: readonly Seller[];
  /** How to write the seller's own name in the Owner column (`Settings.me.crmOwnerName` or `name`). */
  meName?: string;
}

/**
 * Contacts as CSV for a spreadsheet or another CRM. Every cell that a spreadsheet would run as
 * a formula is escaped (`escapeFormula`); quoting is papaparse's. CRLF line ends, as RFC 4180
 * and Excel expect, and a byte-order mark so Excel reads UTF-8 as UTF-8.
 */
export function contactsToCsv(
  contacts: readonly Contact[],
  context: ContactCsvContext = {},
  options: { bom?: boolean } = {},
): string {
  const accounts = new Map((context.accounts ?? []).map((a) => [a.id, a.name]));
  const sellers = new Map((context.sellers ?? []).map((s) => [s.id, s.name]));
  const owner = (id: string | undefined) =>
    id === undefined ? '' : id === ME ? context.meName || 'Me' : (sellers.get(id) ?? '');
  const rows = contacts.map((c) =>
    [
      c.name,
      c.emails[0] ?? '',
      c.emails.slice(1).join('; '),
      c.title ?? '',
      c.accountId ? (accounts.get(c.accountId) ?? '') : '',
      c.status,
      owner(c.ownerId),
      c.linkedinId ? linkedInProfileUrl(c.linkedinId) : '',
      // Several numbers in one cell, as the import reads them back.
      (c.phones ?? []).join('; '),
      c.notes,
    ].map(escapeFormula),
  );
  const csv = Papa.unparse({ fields: [...CONTACT_CSV_HEADERS], data: rows }, { newline: '\r\n' });
  return `${options.bom === false ? '' : '\uFEFF'}${csv}\r\n`;
}
