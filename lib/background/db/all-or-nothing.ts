/**
 * Runs the work of one read-write transaction so that an error part-way leaves none of it.
 * IndexedDB commits a transaction once its queued requests have succeeded and nothing more is
 * asked of it, even when the code that queued them failed in between
 * (https://w3c.github.io/IndexedDB/#transaction-lifetime): an exception half-way through a
 * capture or a sync batch would otherwise leave half of it written. Aborting on the error keeps
 * the promise the store makes everywhere else: a write lands whole or not at all.
 */
export async function allOrNothing<T>(tx: { abort(): void; done: Promise<void> }, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (error) {
    // The transaction's own failure (already aborted) rejects `done`, which is then expected.
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // It had finished or aborted already: nothing of this work can be undone or needs to be.
    }
    throw error;
  }
}

/**
 * Requests sent without awaiting each (a round trip apiece would be slow), awaited together at
 * the end. If the work fails before then, the abort rejects every one of them: each is marked
 * handled as it is sent, so none is reported as an unhandled rejection on top of the real error.
 */
export function pendingWrites() {
  const sent: Promise<unknown>[] = [];
  return {
    add(request: Promise<unknown>): void {
      request.catch(() => undefined);
      sent.push(request);
    },
    all: () => Promise.all(sent),
  };
}
