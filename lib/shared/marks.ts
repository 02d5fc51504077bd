/**
 * The performance marks and measures Rapport emits for the benchmark (`npm run bench`): the
 * extension writes them, the bench reads them. One place, so the two cannot drift apart.
 */

/** The sidebar's cards (trust, next touch, history) are on screen. */
export const CARD_MARK = 'rapport:sidebar:card';
/** The popup's list of today's follow-ups is on screen. */
export const TODAY_MARK = 'rapport:popup:today';
/** A dashboard view of the book of business (accounts, contacts, bucket) is on screen with its data. */
export const BOOK_MARK = 'rapport:dashboard:book';
/** The same view with today's answer (the first may be the last one kept, shown while it is worked out). */
export const BOOK_FRESH_MARK = 'rapport:dashboard:book:fresh';
/** Around each frame of content-script work on the page. */
export const WORK_MEASURE = 'rapport:work';
/** An import's phases in the dashboard: the file read and planned, then the rows stored. */
export const IMPORT_PLAN_MEASURE = 'rapport:import:plan';
export const IMPORT_STORE_MEASURE = 'rapport:import:store';
/** The import view holds what an import plans against (askBasis): read while the seller picks a file. */
export const IMPORT_BASIS_MARK = 'rapport:import:basis';
/** In the worker: a capture's touches are written (its transaction committed), readable by any request. */
export const CAPTURED_MARK = 'rapport:capture:stored';
