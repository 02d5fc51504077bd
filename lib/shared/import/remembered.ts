/**
 * A pure function of one cell, answering again from memory for a cell it has seen. An activity
 * export names each address and each day thousands of times: 100,000 rows meant 200,000 runs of
 * zod's address check and the date patterns for a few thousand distinct cells, and their
 * garbage is what raised the dashboard's heap during an import. Past `limit` cells it forgets
 * everything and starts again, so a file of all-different cells keeps no more than that.
 */
export function remembered<R>(answer: (cell: string) => R, limit = 20_000): (cell: string) => R {
  const seen = new Map<string, R>();
  return (cell) => {
    if (seen.has(cell)) return seen.get(cell) as R;
    const result = answer(cell);
    if (seen.size >= limit) seen.clear();
    seen.set(cell, result);
    return result;
  };
}
