import type { Contact, ContactStatus } from '@/lib/shared/model';

/**
 * A contact's status at any moment, read from `statusHistory`, so past months can be
 * recomputed. Before the first recorded change a contact was a plain contact; a contact with
 * no history at all has held its current status since it was created.
 */
export type StatusRecord = Pick<Contact, 'status' | 'statusHistory' | 'createdAt'>;

function history(contact: StatusRecord): { status: ContactStatus; at: number }[] {
  if (contact.statusHistory.length === 0) return [{ status: contact.status, at: contact.createdAt }];
  return [...contact.statusHistory].sort((a, b) => a.at - b.at);
}

export function statusAt(contact: StatusRecord, at: number): ContactStatus {
  let status: ContactStatus = 'contact';
  for (const change of history(contact)) {
    if (change.at > at) break;
    status = change.status;
  }
  return status;
}

/** When the stretch of status that holds at `at` began (the creation time when none is recorded). */
export function statusSince(contact: StatusRecord, at: number): number {
  let since = contact.createdAt;
  let status: ContactStatus | undefined;
  for (const change of history(contact)) {
    if (change.at > at) break;
    if (change.status !== status) since = change.at;
    status = change.status;
  }
  return since;
}

/** When the contact became the customer they are at `at`; undefined when they are not one then. */
export function customerSince(contact: StatusRecord, at: number): number | undefined {
  return statusAt(contact, at) === 'customer' ? statusSince(contact, at) : undefined;
}

/** The first time the contact became a customer, if ever: the moment they were won. */
export function firstCustomerAt(contact: StatusRecord): number | undefined {
  return history(contact).find((c) => c.status === 'customer')?.at;
}

/**
 * When the contact changed to customer from another status, if that is what they are at `at`.
 * A contact recorded as a customer from the start (an import, say) was not converted here.
 */
export function convertedAt(contact: StatusRecord, at: number): number | undefined {
  const since = customerSince(contact, at);
  if (since === undefined) return undefined;
  return history(contact).some((c) => c.at < since && c.status !== 'customer') ? since : undefined;
}
