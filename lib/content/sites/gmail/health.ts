import type { Check as SiteCheck, Reading as SiteReading } from '../health';

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

/** Gmail's checks and readings: the shared shapes (../health.ts) with Gmail's reader names. */
export type Check = SiteCheck<ReaderName>;
export type Reading<T> = SiteReading<T, ReaderName>;
export { failedReaders, perItem, single } from '../health';
