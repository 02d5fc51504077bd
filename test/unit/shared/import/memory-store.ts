import type { BackupData } from '@/lib/shared/export';
import { type ImportPlan, type ImportUndo, indexRecords, planUndo } from '@/lib/shared/import';

type Stores = { [K in keyof BackupData]: Map<string, BackupData[K][number]> };

/**
 * The store as the background keeps it, in memory: enough to apply a plan and undo it the way
 * the background will, with the unique indexes it has (one contact per address and LinkedIn id).
 */
export class MemoryStore {
  readonly stores: Stores;

  constructor(data: Partial<BackupData> = {}) {
    const map = <T extends { id: string }>(list: readonly T[] = []) =>
      new Map(list.map((r) => [r.id, structuredClone(r)]));
    this.stores = {
      sellers: map(data.sellers),
      accounts: map(data.accounts),
      contacts: map(data.contacts),
      touches: map(data.touches),
      purchases: map(data.purchases),
      followUps: map(data.followUps),
    };
  }

  lists() {
    return {
      sellers: [...this.stores.sellers.values()],
      accounts: [...this.stores.accounts.values()],
      contacts: [...this.stores.contacts.values()],
      touches: [...this.stores.touches.values()],
      purchases: [...this.stores.purchases.values()],
    };
  }

  existing() {
    return indexRecords(this.lists());
  }

  /** One transaction: refuses the whole plan if a merged record changed since the plan was made. */
  apply(plan: ImportPlan): void {
    for (const store of ['accounts', 'contacts'] as const) {
      for (const change of plan.merge[store]) {
        if (this.stores[store].get(change.id)?.updatedAt !== change.expectedUpdatedAt) {
          throw new Error(`${store} ${change.id} changed since the plan was made`);
        }
      }
    }
    const { create, merge } = plan;
    for (const s of create.sellers) this.add('sellers', s);
    for (const a of create.accounts) this.add('accounts', a);
    for (const c of create.contacts) this.add('contacts', c);
    for (const t of create.touches) this.add('touches', t);
    for (const p of create.purchases) this.add('purchases', p);
    for (const m of merge.accounts) this.stores.accounts.set(m.id, structuredClone(m.after));
    for (const m of merge.contacts) this.stores.contacts.set(m.id, structuredClone(m.after));
    this.checkUnique();
  }

  undo(undo: ImportUndo, now: number): void {
    const steps = planUndo(
      undo,
      { account: (id) => this.stores.accounts.get(id), contact: (id) => this.stores.contacts.get(id) },
      now,
    );
    for (const [store, ids] of Object.entries(steps.delete) as [keyof ImportUndo['created'], string[]][]) {
      for (const id of ids) this.stores[store].delete(id);
    }
    for (const a of steps.put.accounts) this.stores.accounts.set(a.id, a);
    for (const c of steps.put.contacts) this.stores.contacts.set(c.id, c);
  }

  private add<K extends keyof Stores>(store: K, record: BackupData[K][number]): void {
    if (this.stores[store].has(record.id)) throw new Error(`${store} ${record.id} exists already`);
    (this.stores[store] as Map<string, unknown>).set(record.id, structuredClone(record));
  }

  /** The unique indexes: a clash would abort the background's transaction. */
  private checkUnique(): void {
    const seen = new Map<string, string>();
    const claim = (key: string, id: string) => {
      const other = seen.get(key);
      if (other && other !== id) throw new Error(`${key} is on both ${other} and ${id}`);
      seen.set(key, id);
    };
    for (const c of this.stores.contacts.values()) {
      for (const e of c.emails) claim(`email ${e}`, c.id);
      if (c.linkedinId) claim(`linkedin ${c.linkedinId}`, c.id);
    }
    for (const t of this.stores.touches.values()) if (t.sourceId) claim(`touch ${t.sourceId} ${t.contactId}`, t.id);
  }
}
