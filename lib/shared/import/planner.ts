import type { Account, Contact, Purchase, Seller, Touch } from '@/lib/shared/model';
import { AccountPlan } from './accounts-plan';
import { ActivityPlan } from './activity-plan';
import type { Imported } from './book';
import type { MergeChange } from './changes';
import { ContactPlan } from './contacts-plan';
import type { ContactDraft, MappedRow, MappedRows, RowError } from './drafts';
import { type ExistingRecords, indexRecords } from './existing';
import { type MeInSettings, OwnerPlan, type OwnerSummary } from './owners';
import { PurchasePlan } from './purchase-plan';

export interface PlanContext {
  /** Stamped on every record the import creates: undo removes them as one step. */
  importId: string;
  now: number;
  /** Record ids; the background passes `() => crypto.randomUUID()`. */
  newId: () => string;
  /** What the store holds; an empty store when left out. */
  existing?: ExistingRecords;
  /** The seller's settings (`Settings.me`): how owner columns name them. */
  me?: MeInSettings;
  /** `Settings.internalDomains`: colleagues' addresses never make a customer account. */
  internalDomains?: readonly string[];
}

/**
 * `imported`: rows that created a record. `merged`: rows that went into a record that was
 * there already, stored or made by an earlier row of the same import. `skipped`: bad rows,
 * one error each. Every row is exactly one of the three.
 */
export interface ImportCounts {
  rows: number;
  imported: number;
  merged: number;
  skipped: number;
}

/** Everything an import does, for the background to apply in one transaction. */
export interface ImportPlan {
  importId: string;
  counts: ImportCounts;
  /** One per bad row, in line order. */
  errors: RowError[];
  create: {
    sellers: Imported<Seller>[];
    accounts: Imported<Account>[];
    contacts: Imported<Contact>[];
    touches: Touch[];
    purchases: Purchase[];
  };
  /** Existing records the import changed, with what each change replaced (for undo). */
  merge: { accounts: MergeChange<Account>[]; contacts: MergeChange<Contact>[] };
  /** The distinct owners and sellers the file named, most rows first. */
  owners: OwnerSummary[];
  /**
   * False when the file named owners but none of them is the seller: the dashboard asks
   * which one is (then `claimSeller`). True when one matched or the file names no owner.
   */
  meFound: boolean;
}

export interface ImportPlanner {
  /** Plans a batch of mapped rows (from `parseVCards`); call as often as there are batches. */
  add(mapped: MappedRows): void;
  /** Plans one row as the file is read (from `mapRow`): the same as `add` with a batch of one. */
  addRow(mapped: MappedRow): void;
  readonly counts: Readonly<ImportCounts>;
  /** Touches planned and not yet taken. */
  readonly pendingTouches: number;
  /**
   * Takes the touches planned so far out of the plan (the caller stores them, and keeps their
   * ids for undo); `finish` then holds only the rest.
   */
  takeTouches(): Touch[];
  finish(): ImportPlan;
}

export function createPlanner(context: PlanContext): ImportPlanner {
  const existing = context.existing ?? indexRecords();
  const ids = { importId: context.importId, now: context.now, newId: context.newId };
  const accounts = new AccountPlan(existing, ids, context.internalDomains ?? []);
  const contacts = new ContactPlan(existing, ids, accounts);
  const owners = new OwnerPlan(existing, ids, context.me);
  const activities = new ActivityPlan(existing, ids, contacts, owners);
  const purchases = new PurchasePlan(existing, ids, contacts, accounts);
  const errors: RowError[] = [];
  const counts: ImportCounts = { rows: 0, imported: 0, merged: 0, skipped: 0 };

  const record = (outcome: 'imported' | 'merged' | RowError) => {
    counts.rows++;
    if (typeof outcome === 'string') counts[outcome]++;
    else {
      counts.skipped++;
      errors.push(outcome);
    }
  };

  const contactRow = (d: ContactDraft): 'imported' | 'merged' => {
    const { created } = contacts.upsert({
      ...(d.name ? { name: d.name } : {}),
      emails: d.emails,
      ...(d.linkedinId ? { linkedinId: d.linkedinId } : {}),
      ...(d.title ? { title: d.title } : {}),
      ...(d.company ? { company: d.company } : {}),
      ...(d.owner ? { ownerId: owners.resolve(d.owner) } : {}),
      ...(d.status ? { status: d.status } : {}),
      phones: d.phones,
      // A date after the import is a typing error in the CRM, not a fact to plan a cadence on.
      ...(d.customerSince !== undefined && d.customerSince <= context.now ? { customerSince: d.customerSince } : {}),
    });
    return created ? 'imported' : 'merged';
  };

  const planRow = (mapped: MappedRow) => {
    if (mapped.kind === 'error') record(mapped.error);
    else if (mapped.kind === 'contacts') record(contactRow(mapped.draft));
    else if (mapped.kind === 'activities') record(activities.add(mapped.draft));
    else record(purchases.add(mapped.draft));
  };

  return {
    counts,
    get pendingTouches() {
      return activities.touches.length;
    },
    takeTouches: () => activities.take(),
    addRow: planRow,
    add(mapped) {
      for (const error of mapped.errors) record(error);
      for (const draft of mapped.drafts) planRow({ kind: mapped.kind, draft } as MappedRow);
    },
    finish() {
      const ownerList = owners.owners();
      return {
        importId: context.importId,
        counts: { ...counts },
        errors: [...errors].sort((a, b) => a.line - b.line),
        create: {
          sellers: owners.sellers(),
          accounts: accounts.book.createdRecords(),
          contacts: contacts.book.createdRecords(),
          touches: [...activities.touches],
          purchases: [...purchases.purchases],
        },
        merge: { accounts: accounts.book.changes(context.now), contacts: contacts.book.changes(context.now) },
        owners: ownerList,
        meFound: ownerList.length === 0 || ownerList.some((o) => o.isMe),
      };
    },
  };
}
