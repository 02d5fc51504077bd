/**
 * Reader health. Gmail changes its markup without notice (site-dom.md A6), so every reader says,
 * next to what it read, whether it found what it expected. The page keeps working with whatever
 * was found; the sidebar can name the reader that failed instead of silently showing nobody.
 */

/** One name per thing a reader looks for; stable, so the sidebar and bug reports can quote it. */
export type ReaderName =
  | 'account.email'
  | 'account.index'
  | 'thread.subject'
  | 'thread.id'
  | 'thread.messages'
  | 'thread.messageId'
  | 'thread.sender'
  | 'thread.recipients'
  | 'thread.time'
  | 'compose.recipients'
  | 'compose.send'
  | 'list.rows'
  | 'list.senders'
  | 'list.recipients';

/**
 * `ok` is false when the reader expected something and did not find it. For per-item readers
 * `found` of `expected` items had it (`thread.sender` 1 of 2: one message showed no sender).
 */
export interface Check {
  reader: ReaderName;
  ok: boolean;
  found: number;
  expected: number;
}

/** What a reader returns: the value (partial when a check failed) and the checks behind it. */
export interface Reading<T> {
  value: T;
  health: Check[];
}

/** A single thing expected once: found or not. */
export function single(reader: ReaderName, found: boolean): Check {
  return { reader, ok: found, found: found ? 1 : 0, expected: 1 };
}

/** Items that each should have had something: ok when every one had it (zero of zero is fine). */
export function perItem(reader: ReaderName, found: number, expected: number): Check {
  return { reader, ok: found === expected, found, expected };
}

/** The readers that failed, for a one-line "Gmail changed: thread.sender" message. */
export function failedReaders(health: readonly Check[]): ReaderName[] {
  return [...new Set(health.filter((c) => !c.ok).map((c) => c.reader))];
}
