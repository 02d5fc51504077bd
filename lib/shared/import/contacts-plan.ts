import type { Contact, ContactStatus } from '@/lib/shared/model';
import type { AccountPlan, PlanIds } from './accounts-plan';
import { Book } from './book';
import { unionPhones } from './cells';
import type { ExistingRecords } from './existing';
import { withCustomerSince } from './status-history';

/** What one row says about a person. */
export interface PersonFacts {
  name?: string;
  emails: readonly string[];
  linkedinId?: string;
  title?: string;
  company?: string;
  /** The account the row settles on its own (a purchase's); otherwise company and domains decide. */
  accountId?: string;
  ownerId?: string;
  status?: ContactStatus;
  /** Phone numbers as the file wrote them; normalised here. */
  phones?: readonly string[];
  /** When the CRM says they became a customer; implies the status when the file gives none. */
  customerSince?: number;
}

/**
 * An import changes a status only forward and only where nobody has decided yet: a plain
 * contact may become anything, a prospect may become a customer. A customer or a former
 * customer stays as the seller (or an earlier import) set them: an old export does not
 * overrule the store.
 */
export function importedStatus(current: ContactStatus, incoming: ContactStatus | undefined): ContactStatus | undefined {
  if (!incoming || incoming === current) return undefined;
  if (current === 'contact') return incoming;
  if (current === 'prospect' && incoming === 'customer') return incoming;
  return undefined;
}

/**
 * Contacts are one per person: found by any e-mail address first, then by LinkedIn id, in
 * the store and among the rows already planned, so a later row merges into an earlier one.
 * A merge fills what is missing and never overwrites what is there.
 */
export class ContactPlan {
  readonly book = new Book<Contact>();
  private readonly byEmail = new Map<string, string>();
  private readonly byLinkedIn = new Map<string, string>();

  constructor(
    private readonly existing: ExistingRecords,
    private readonly ids: PlanIds,
    private readonly accounts: AccountPlan,
  ) {}

  /**
   * The person's contact as the plan has it: made by this import, a working copy of a stored
   * one this import changed, or the stored record itself while nothing changed it (copied on
   * the first change only: an activity file names thousands of known contacts and changes none).
   */
  find(emails: readonly string[], linkedinId?: string): Contact | undefined {
    for (const email of emails) {
      const id = this.byEmail.get(email);
      if (id) return this.book.get(id);
      const stored = this.existing.contactByEmail(email);
      if (stored) return this.book.get(stored.id) ?? stored;
    }
    if (!linkedinId) return undefined;
    const id = this.byLinkedIn.get(linkedinId);
    if (id) return this.book.get(id);
    const stored = this.existing.contactByLinkedIn(linkedinId);
    return stored && (this.book.get(stored.id) ?? stored);
  }

  /** Merges into the person's contact, or creates one; `created` says which. */
  upsert(facts: PersonFacts): { contact: Contact; created: boolean } {
    const found = this.find(facts.emails, facts.linkedinId);
    if (found) return { contact: this.merge(found, facts), created: false };
    return { contact: this.create(facts), created: true };
  }

  private create(facts: PersonFacts): Contact {
    const { importId, now, newId } = this.ids;
    const status = incomingStatus(facts) ?? 'contact';
    const accountId = facts.accountId ?? this.accountFor(facts)?.id;
    const phones = unionPhones([], facts.phones ?? []);
    const fresh = { status, statusHistory: [{ status, at: now }], createdAt: now };
    const contact = this.book.add({
      id: newId(),
      name: facts.name || facts.emails[0] || facts.linkedinId || '',
      emails: [...facts.emails],
      ...(facts.linkedinId ? { linkedinId: facts.linkedinId } : {}),
      ...(facts.title ? { title: facts.title } : {}),
      ...(phones.length ? { phones } : {}),
      ...(accountId ? { accountId } : {}),
      status,
      activeProspect: false,
      ...(facts.ownerId ? { ownerId: facts.ownerId } : {}),
      notes: '',
      statusHistory:
        facts.customerSince === undefined ? fresh.statusHistory : withCustomerSince(fresh, facts.customerSince),
      createdAt: now,
      updatedAt: now,
      importId,
    });
    this.register(contact);
    return contact;
  }

  /**
   * Fills in what the contact lacks; answers the contact as it is now. A stored contact is
   * copied at its first change only (`adopt`, once): an activity file names thousands of known
   * contacts and changes none of them. No closure here either: this runs once per row.
   */
  private merge(found: Contact, facts: PersonFacts): Contact {
    let contact = found;
    for (const email of facts.emails) {
      // An address that belongs to someone else stays theirs: the store keeps addresses unique.
      if (contact.emails.includes(email) || this.ownerOfEmail(email)) continue;
      contact = this.adopt(found);
      contact.emails.push(email);
      this.byEmail.set(email, contact.id);
    }
    if (facts.linkedinId && !contact.linkedinId && !this.ownerOfLinkedIn(facts.linkedinId)) {
      contact = this.adopt(found);
      contact.linkedinId = facts.linkedinId;
      this.byLinkedIn.set(facts.linkedinId, contact.id);
    }
    if (facts.name && facts.name !== contact.name && isPlaceholderName(contact)) {
      contact = this.adopt(found);
      contact.name = facts.name;
    }
    if (facts.title && !contact.title) {
      contact = this.adopt(found);
      contact.title = facts.title;
    }
    if (facts.phones?.length) {
      const phones = unionPhones(contact.phones ?? [], facts.phones);
      if (phones.length > (contact.phones?.length ?? 0)) {
        contact = this.adopt(found);
        contact.phones = phones;
      }
    }
    if (facts.ownerId && !contact.ownerId) {
      contact = this.adopt(found);
      contact.ownerId = facts.ownerId;
    }
    if (!contact.accountId) {
      const accountId = facts.accountId ?? this.accountFor(facts)?.id;
      if (accountId) {
        contact = this.adopt(found);
        contact.accountId = accountId;
      }
    }
    const status = importedStatus(contact.status, incomingStatus(facts));
    if (status) {
      contact = this.adopt(found);
      contact.status = status;
      contact.statusHistory = [...contact.statusHistory, { status, at: this.ids.now }];
    }
    if (facts.customerSince !== undefined) {
      contact = this.adopt(found);
      contact.statusHistory = withCustomerSince(contact, facts.customerSince);
    }
    return contact;
  }

  private accountFor(facts: PersonFacts) {
    return this.accounts.resolve(facts.company, this.accounts.domainsOf(facts.emails));
  }

  private ownerOfEmail(email: string): string | undefined {
    return this.byEmail.get(email) ?? this.existing.contactByEmail(email)?.id;
  }

  private ownerOfLinkedIn(id: string): string | undefined {
    return this.byLinkedIn.get(id) ?? this.existing.contactByLinkedIn(id)?.id;
  }

  private adopt(stored: Contact): Contact {
    const contact = this.book.adopt(stored);
    this.register(contact);
    return contact;
  }

  private register(contact: Contact): void {
    for (const email of contact.emails) if (!this.byEmail.has(email)) this.byEmail.set(email, contact.id);
    if (contact.linkedinId && !this.byLinkedIn.has(contact.linkedinId)) {
      this.byLinkedIn.set(contact.linkedinId, contact.id);
    }
  }
}

/** A "customer since" date with no status column says customer. */
const incomingStatus = (facts: PersonFacts): ContactStatus | undefined =>
  facts.status ?? (facts.customerSince === undefined ? undefined : 'customer');

/** A name made from an address or id because none was known: a real one may replace it. */
function isPlaceholderName(contact: Contact): boolean {
  return !contact.name || contact.emails.includes(contact.name) || contact.name === contact.linkedinId;
}
