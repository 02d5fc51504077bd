import { diffRecord, type MergeChange } from './changes';

/** A record this import creates carries its id, so undo can find everything it added. */
export type Imported<T> = T & { importId: string };

/**
 * The records one import works on: those it creates, and copies of existing ones it may
 * change. Existing records are copied on first touch and the first copy is kept, so the plan
 * can say exactly what each merge changed.
 */
export class Book<T extends { id: string; updatedAt: number }> {
  private readonly created = new Map<string, Imported<T>>();
  private readonly working = new Map<string, T>();
  private readonly originals = new Map<string, T>();

  get(id: string): T | undefined {
    return this.created.get(id) ?? this.working.get(id);
  }

  isCreated(id: string): boolean {
    return this.created.has(id);
  }

  add(record: Imported<T>): Imported<T> {
    this.created.set(record.id, record);
    return record;
  }

  /** The working copy of an existing record (made on first call). */
  adopt(existing: T): T {
    const known = this.get(existing.id);
    if (known) return known;
    const copy = structuredClone(existing);
    this.originals.set(existing.id, existing);
    this.working.set(existing.id, copy);
    return copy;
  }

  createdRecords(): Imported<T>[] {
    return [...this.created.values()];
  }

  /** What changed in existing records; each changed record gets `updatedAt = now`. */
  changes(now: number): MergeChange<T>[] {
    const changes: MergeChange<T>[] = [];
    for (const [id, original] of this.originals) {
      const copy = this.working.get(id);
      const change = copy && diffRecord(original, copy);
      if (!change) continue;
      change.after.updatedAt = now;
      changes.push(change);
    }
    return changes;
  }
}
