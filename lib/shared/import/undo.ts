import type { Account, Contact } from '@/lib/shared/model';
import { type MergeChange, revertMerge } from './changes';
import type { ImportPlan } from './planner';

/**
 * What undoing an import needs: the ids of every record it created (each of which also carries
 * `importId`) and what each merge changed. The worker's import journal keeps one per applied
 * part (lib/background/import-journal.ts); `undoRecord` makes one for a whole plan (tests).
 */
export interface ImportUndo {
  importId: string;
  created: {
    sellers: string[];
    accounts: string[];
    contacts: string[];
    /** With the contact where known: the store keeps each contact's touches together. */
    touches: (string | { id: string; contactId: string })[];
    purchases: string[];
  };
  merge: { accounts: MergeChange<Account>[]; contacts: MergeChange<Contact>[] };
}

/** `storedTouches`: ids of touches taken out of the plan and stored while the file was read. */
export function undoRecord(plan: ImportPlan, storedTouches: readonly string[] = []): ImportUndo {
  const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);
  return {
    importId: plan.importId,
    created: {
      sellers: ids(plan.create.sellers),
      accounts: ids(plan.create.accounts),
      contacts: ids(plan.create.contacts),
      touches: [...storedTouches, ...plan.create.touches.map(({ id, contactId }) => ({ id, contactId }))],
      purchases: ids(plan.create.purchases),
    },
    merge: plan.merge,
  };
}

export interface UndoSteps {
  delete: ImportUndo['created'];
  /** Merged records with the import's changes taken back out. */
  put: { accounts: Account[]; contacts: Contact[] };
}

/**
 * The writes that undo an import, given the merged records as they are now (read them in the
 * undo transaction). A record deleted since is left deleted; one the seller edited since keeps
 * the seller's edits (see `revertMerge`).
 */
export function planUndo(
  undo: ImportUndo,
  current: { account(id: string): Account | undefined; contact(id: string): Contact | undefined },
  now: number,
): UndoSteps {
  const revert = <T extends { id: string; updatedAt: number }>(
    changes: readonly MergeChange<T>[],
    read: (id: string) => T | undefined,
  ): T[] =>
    changes.flatMap((change) => {
      const record = read(change.id);
      return record ? [revertMerge(record, change, now)] : [];
    });
  return {
    delete: undo.created,
    put: {
      accounts: revert(undo.merge.accounts, (id) => current.account(id)),
      contacts: revert(undo.merge.contacts, (id) => current.contact(id)),
    },
  };
}
