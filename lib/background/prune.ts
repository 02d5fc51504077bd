/**
 * One stored record that no longer matches today's schema (written by an older version, edited
 * by hand, or cut by a crash) must not take a whole answer down with it: every card on a page,
 * a whole list. The router checks every answer against its schema; where that fails, the
 * records the failures sit in are left out and the answer is checked again. The dashboard's
 * overview lists such records (`data.check`) so the seller can delete them.
 */

interface Issue {
  path: PropertyKey[];
}

const isRecord = (value: unknown): value is { id: string } =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

/**
 * Removes, for each issue, the innermost element of a list on its path that is a record (has
 * an `id`), or else the innermost list element at all. Answers the ids left out, or undefined
 * when an issue lies outside every list (the answer itself is wrong, not one record in it).
 */
export function leaveOutBadRecords(answer: unknown, issues: readonly Issue[]): string[] | undefined {
  const drop = new Map<unknown[], Set<number>>();
  const ids: string[] = [];
  for (const issue of issues) {
    let node: unknown = answer;
    let chosen: { list: unknown[]; index: number; record: boolean } | undefined;
    for (const key of issue.path) {
      if (Array.isArray(node) && typeof key === 'number') {
        const element = node[key];
        if (isRecord(element) || !chosen?.record) chosen = { list: node, index: key, record: isRecord(element) };
      }
      node = node === null || typeof node !== 'object' ? undefined : (node as Record<PropertyKey, unknown>)[key];
    }
    if (!chosen) return undefined;
    const element = chosen.list[chosen.index];
    if (isRecord(element)) ids.push(element.id);
    const indexes = drop.get(chosen.list) ?? new Set<number>();
    indexes.add(chosen.index);
    drop.set(chosen.list, indexes);
  }
  for (const [list, indexes] of drop) {
    for (const index of [...indexes].sort((a, b) => b - a)) list.splice(index, 1);
  }
  return ids;
}
