/**
 * What a merge changed in a record that existed before the import, kept so the import can be
 * undone as one step: the fields' earlier values, and which fields it added.
 */
export interface MergeChange<T> {
  id: string;
  /** The record as the plan leaves it: what the background writes. */
  after: T;
  /** The changed fields' values before the import (fields listed in `added` had none). */
  before: Partial<T>;
  added: (keyof T & string)[];
  /** `updatedAt` when the plan was made; a different one when applying means the record changed since. */
  expectedUpdatedAt: number;
}

type Stamped = { id: string; updatedAt: number };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The change from `original` to `changed`, or undefined when nothing but the time stamp differs. */
export function diffRecord<T extends Stamped>(original: T, changed: T): MergeChange<T> | undefined {
  const before: Partial<T> = {};
  const added: (keyof T & string)[] = [];
  const fields = new Set([...Object.keys(original), ...Object.keys(changed)] as (keyof T & string)[]);
  for (const field of fields) {
    if (field === 'updatedAt' || same(original[field], changed[field])) continue;
    if (original[field] === undefined) added.push(field);
    else before[field] = original[field];
  }
  if (!added.length && !Object.keys(before).length) return undefined;
  return { id: original.id, after: changed, before, added, expectedUpdatedAt: original.updatedAt };
}

/**
 * Puts back what a merge changed, leaving alone whatever the seller changed since: a field is
 * restored only while it still holds the import's value, and from a list only the items the
 * import added are taken out (an address the seller added later stays) and the ones it took
 * out are put back.
 */
export function revertMerge<T extends Stamped>(current: T, change: MergeChange<T>, now: number): T {
  const next = structuredClone(current) as Record<string, unknown>;
  const fields = [...(Object.keys(change.before) as (keyof T & string)[]), ...change.added];
  for (const field of fields) {
    const after = change.after[field];
    const wasAdded = change.added.includes(field);
    const before = wasAdded ? undefined : change.before[field];
    if (Array.isArray(after)) {
      const earlier = Array.isArray(before) ? before : [];
      const importedItems = after.filter((item) => !earlier.some((e) => same(e, item)));
      const kept = ((next[field] as unknown[] | undefined) ?? []).filter(
        (item) => !importedItems.some((i) => same(i, item)),
      );
      // Items the import took out (a status entry a "customer since" date overruled) go back
      // where they were.
      earlier.forEach((item, index) => {
        if (!after.some((a) => same(a, item)) && !kept.some((k) => same(k, item))) kept.splice(index, 0, item);
      });
      if (wasAdded && kept.length === 0) delete next[field];
      else next[field] = kept;
    } else if (same(next[field], after)) {
      if (wasAdded) delete next[field];
      else next[field] = before;
    }
  }
  next.updatedAt = now;
  return next as T;
}

/**
 * Applies a merge planned against an earlier copy of a record to the record as it is now, field
 * by field: a field the seller (or a capture) changed since the plan keeps its present value; a
 * field still as the plan saw it takes the import's. A list changed on both sides gains the items
 * the import added and loses the ones it took out, around whatever was added meanwhile. Answers
 * the record to write.
 */
export function applyMerge<T extends Stamped>(current: T, change: MergeChange<T>, now: number): T {
  const next = structuredClone(current) as Record<string, unknown>;
  const fields = [...(Object.keys(change.before) as (keyof T & string)[]), ...change.added];
  for (const field of fields) {
    const base = change.added.includes(field) ? undefined : change.before[field];
    const ours = change.after[field];
    const theirs = next[field];
    if (same(theirs, base)) {
      if (ours === undefined) delete next[field];
      else next[field] = ours;
    } else if (Array.isArray(ours) && (Array.isArray(theirs) || theirs === undefined)) {
      const earlier = Array.isArray(base) ? base : [];
      const removed = earlier.filter((item) => !ours.some((o) => same(o, item)));
      const kept = ((theirs as unknown[] | undefined) ?? []).filter((item) => !removed.some((r) => same(r, item)));
      const added = ours.filter((item) => !earlier.some((e) => same(e, item)) && !kept.some((k) => same(k, item)));
      next[field] = inTimeOrder([...kept, ...added]);
    }
  }
  next.updatedAt = now;
  return next as T;
}

/** A list of dated entries (a status history) stays oldest first after items from both sides meet. */
function inTimeOrder(items: unknown[]): unknown[] {
  const dated = items.every((item) => typeof (item as { at?: unknown } | null)?.at === 'number');
  return dated ? [...items].sort((a, b) => (a as { at: number }).at - (b as { at: number }).at) : items;
}
