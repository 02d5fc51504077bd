/**
 * Runs `work` after each call, one run at a time, and no more often than it can tell a change:
 * calls that come while a run is going share the one run queued after it, which begins after
 * the last of them. For work that brings something up to date from the store (the badge, the
 * alarms): the last run reads the last write, and no older run can finish after a newer one.
 */
export function inTurn(work: () => Promise<void>): () => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  return () => {
    if (queued) return queued;
    const run = last
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return work();
      });
    queued = run;
    last = run;
    return run;
  };
}
