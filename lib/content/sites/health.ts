/**
 * Reader health, for every site. Sites change their markup without notice, so each reader says,
 * next to what it read, whether it found what it expected. The page keeps working with whatever
 * was found; the sidebar names the reader that failed instead of silently showing nobody (or,
 * worse, the wrong person). Each site names its readers (gmail/health.ts, linkedin/health.ts).
 */

/**
 * `ok` is false when the reader expected something and did not find it. For per-item readers
 * `found` of `expected` items had it (`thread.sender` 1 of 2: one message showed no sender).
 */
export interface Check<R extends string = string> {
  reader: R;
  ok: boolean;
  found: number;
  expected: number;
}

/** What a reader returns: the value (partial when a check failed) and the checks behind it. */
export interface Reading<T, R extends string = string> {
  value: T;
  health: Check<R>[];
}

/** A single thing expected once: found or not. */
export function single<R extends string>(reader: R, found: boolean): Check<R> {
  return { reader, ok: found, found: found ? 1 : 0, expected: 1 };
}

/** Items that each should have had something: ok when every one had it (zero of zero is fine). */
export function perItem<R extends string>(reader: R, found: number, expected: number): Check<R> {
  return { reader, ok: found === expected, found, expected };
}

/** The readers that failed, for a one-line "Gmail changed: thread.sender" message. */
export function failedReaders<R extends string>(health: readonly Check<R>[]): R[] {
  return [...new Set(health.filter((c) => !c.ok).map((c) => c.reader))];
}
