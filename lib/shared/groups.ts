/** Items by key, each list in the items' order, keys in the order first seen. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Groups packed in order into batches of about `size` items, never splitting a group: a group
 * larger than `size` is a batch of its own.
 */
export function packGroups<T>(groups: Iterable<readonly T[]>, size: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  for (const group of groups) {
    if (current.length > 0 && current.length + group.length > size) {
      batches.push(current);
      current = [];
    }
    // A loop, not push(...group): one contact's touches may be more than a call's arguments hold.
    for (const item of group) current.push(item);
  }
  if (current.length) batches.push(current);
  return batches;
}
