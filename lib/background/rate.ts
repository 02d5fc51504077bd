/**
 * At most `limit` requests per tab in each window of `windowMs`. Kept in the worker's memory:
 * a worker that restarts forgets (it keeps no state between events), which only ever lets a
 * page ask again sooner; the limit is there so one tab cannot read the store out in a burst.
 */
export function perTabLimit(limit: number, windowMs: number) {
  const windows = new Map<number, { start: number; count: number }>();
  return (tabId: number | undefined, now: number): boolean => {
    if (tabId === undefined) return true;
    const current = windows.get(tabId);
    if (!current || now - current.start >= windowMs) {
      windows.set(tabId, { start: now, count: 1 });
      return true;
    }
    current.count++;
    return current.count <= limit;
  };
}
