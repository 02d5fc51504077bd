/**
 * The relationship engine: pure functions over plain data, so the sidebar, popup, dashboard
 * and reminders all give the same answers. Every function takes `now` (and, where dates are
 * involved, the seller's IANA time zone) instead of reading a clock.
 *
 * - `summarize(input)`: a contact's compact summary from all their touches and follow-ups.
 *   Background, on every write that touches a contact (touch added, follow-up closed); stored.
 * - `contextFor(sources)`: the small context trust and next touch read (status, tier, override,
 *   cadence, account facts). Background, sidebar and popup handlers, beside the stored summary.
 * - `trust(summary, ctx)`: level, 0-100 score and reasons. Sidebar card; popup rows.
 * - `nextTouch(summary, ctx)`: due date, kind and reason, or null when no cadence. Background,
 *   after `summarize`, to create or update the contact's live follow-up; sidebar card.
 * - `riskOf(summary, ctx)`: healthy, at risk or lost, with reasons. Sidebar, dashboard; feeds `stagger`.
 * - `riskStateOf(summary, ctx)`: the state alone, at any moment of the summary's past. Leaky bucket.
 * - `stagger(items, { today })`: spreads a pile of overdue follow-ups. Background, after an import.
 * - `coverage(summaries, now)`: an account's quadrant, what is lost if someone leaves, the moves.
 *   Sidebar account section, dashboard accounts; its counts feed `contextFor`.
 * - `leakyBucket(input)`: won, lost, at risk and net per month. Dashboard.
 * - `lifetimeValue(purchases, opts)` and `observedRetention(months)`: revenue to date, per year
 *   and ahead. Sidebar account section, dashboard.
 * - `jobChange(account, current)`: did the person move? LinkedIn content script's sidebar.
 * - `describeReason(reason)`: a reason code as one English sentence. UI.
 * - Calendar helpers (`dateOf`, `addDays`, `addWorkingDays`, …): dates in the seller's zone.
 *
 * This barrel loads zod (the summary schema). Content scripts and components stay free of it:
 * they import types from here and functions from their own files (`./trust`, `./next-touch`,
 * `./describe`, `./job-change`, `./coverage`, …); only `summary`, `summarize` and `bucket` load zod.
 */
export { lastTwoWayBefore, summaryAsOf } from './as-of';
export { type BucketContact, type BucketInput, type BucketMonth, leakyBucket } from './bucket';
export {
  addDays,
  addMonths,
  addWorkingDays,
  DAY_MS,
  dateOf,
  daysBetween,
  isWorkingDay,
  monthOfDate,
  nextWorkingDay,
  startOfDate,
} from './calendar';
export {
  type AccountFacts,
  type CadenceDays,
  type CadenceTable,
  type ContextSources,
  cadenceOf,
  contextFor,
  hasCadence,
  type RelationshipContext,
  tierOf,
} from './context';
export { COVERAGE_WINDOW_DAYS, type Coverage, coverage, type Quadrant } from './coverage';
export { describeReason } from './describe';
export {
  type CurrentCompany,
  type JobChange,
  type JobChangeStatus,
  jobChange,
  normaliseCompanyName,
} from './job-change';
export {
  AFTERCARE,
  FOLLOW_UP_AFTER_DAYS,
  intervalDays,
  type NextTouch,
  nextTouch,
  REPLY_WITHIN_WORKING_DAYS,
  UNHAPPY,
} from './next-touch';
export { REASON_CODES, type ReasonCode, type ReasonParams, type RelationshipReason, reason } from './reasons';
export {
  LOST_AFTER_GAPS,
  type Risk,
  type RiskState,
  riskOf,
  riskStateOf,
  TRUST_FALL_MARGIN,
  TRUST_FALL_WINDOW_DAYS,
  trustFall,
} from './risk';
export { chooseKind, FEW_PRODUCTS, GIVES_BEFORE_ASK, isAsk } from './rotation';
export { byPriority, DEFAULT_PER_DAY, type StaggerItem, type Staggered, stagger } from './stagger';
export { convertedAt, customerSince, firstCustomerAt, statusAt, statusSince } from './status';
export { type SummaryInput, summarize } from './summarize';
export {
  ContactSummary,
  emptySummary,
  isEmptySummary,
  KEPT,
  RotationKind,
  SILENCE_MIN_DAYS,
  SUMMARY_VERSION,
} from './summary';
export {
  activeOverride,
  effectiveScore,
  FULL_RECIPROCITY,
  LEVEL_RANK,
  levelOf,
  THRESHOLDS,
  type Trust,
  trust,
  WEIGHTS,
} from './trust';
export { BREADTH_WINDOW_DAYS, type TrustSignals } from './trust-signals';
export { expectedYearsAhead, type LifetimeValue, lifetimeValue, observedRetention } from './value';
