import type { Contact } from '@/lib/shared/model';

type Change = Contact['statusHistory'][number];
type StatusRecord = Pick<Contact, 'status' | 'statusHistory' | 'createdAt'>;

/**
 * The history with "customer since `since`" (a CRM's "Became a Customer Date", say) in it,
 * oldest first. Entries that repeat the status before them are left out: they change nothing
 * and would be duplicates. What the store knew is kept, with one exception: when the contact is
 * a customer now, a plain-contact or prospect entry after `since` only says Rapport met the
 * person before it learned they were a customer (tracked from Gmail, say), and would hide the
 * date, so it goes (undo puts it back). A later `former` is real history and stays: then the
 * customer stretch that counts is the one after it. A contact who is not a customer now gets
 * the date only as past history, before its latest entry; the store's present status wins.
 */
export function withCustomerSince(contact: StatusRecord, since: number): Change[] {
  const known = contact.statusHistory.length
    ? [...contact.statusHistory]
    : [{ status: contact.status, at: contact.createdAt }];
  known.sort((a, b) => a.at - b.at);
  const latest = known[known.length - 1];
  if (contact.status !== 'customer') {
    if (!latest || since >= latest.at) return tidy(known);
    return tidy([...known, { status: 'customer', at: since }]);
  }
  const kept = known.filter((c) => c.at <= since || c.status === 'customer' || c.status === 'former');
  return tidy([...kept, { status: 'customer', at: since }]);
}

/** Oldest first, without an entry that repeats the status before it (the earlier one is kept). */
function tidy(history: readonly Change[]): Change[] {
  const sorted = [...history].sort((a, b) => a.at - b.at);
  return sorted.filter((c, i) => i === 0 || sorted[i - 1]?.status !== c.status);
}
