/**
 * Puts every record with plain IndexedDB requests, answering one promise for all of them:
 * resolved once the last has succeeded (a transaction runs its requests in the order they were
 * made, so every earlier one has too), rejected for the first that failed (or could not be
 * made) with the browser's error, or with what `describe` makes of it and the record. Through
 * idb every put is a promise of its own and its events' listeners: the settle of a
 * 10,000-contact import wrote its 10,000 follow-ups in 1.21-1.24 s this way against 1.35 s
 * through idb (bench, 6 December 2026), on a path where IndexedDB itself is the floor
 * (test/bench/experiments/record-cost.ts). A failed put aborts the transaction as through idb;
 * the caller's allOrNothing aborts it too when a put could not be made at all.
 */
export function putEach<T>(
  store: IDBObjectStore,
  records: readonly T[],
  describe: (record: T, error: unknown) => unknown = (_record, error) => error,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (record: T, error: unknown) => {
      if (failed) return;
      failed = true;
      reject(describe(record, error));
    };
    let last: IDBRequest | undefined;
    for (const record of records) {
      let request: IDBRequest;
      try {
        request = store.put(record);
      } catch (error) {
        fail(record, error);
        return;
      }
      request.onerror = () => fail(record, request.error);
      last = request;
    }
    if (last) last.onsuccess = () => resolve();
    else resolve();
  });
}
