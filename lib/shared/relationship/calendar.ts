/**
 * Calendar dates (`YYYY-MM-DD`) in the seller's time zone. Due dates are dates, not instants:
 * "due Tuesday" must stay Tuesday whatever the clock change in between. Only the step from
 * an instant to a date (and back, for month boundaries) needs the zone; all other arithmetic
 * is plain date arithmetic done in UTC, where every day has 24 hours.
 */

export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The runtime's own zone for '' (the seller left it blank); UTC for a name Intl does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  };
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: timeZone || undefined });
  } catch {
    formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/**
 * A zone's offset changes only at a transition, and every transition of today's zones (and of
 * every zone since 1972) falls on a quarter hour. So the offset read once for a quarter hour
 * holds for every instant in it: the engine runs this for every contact at every month's end
 * (the leaky bucket), and `formatToParts` costs microseconds while a Map look-up costs nothing.
 */
const QUARTER_HOUR_MS = 900_000;
const offsets = new Map<string, number>();
const MAX_OFFSETS = 50_000;

/** The wall-clock reading of an instant in a zone, as if that reading were UTC. */
function wallClockAsUtc(at: number, timeZone: string): number {
  const quarter = Math.floor(at / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= MAX_OFFSETS) offsets.clear();
    offset = readWallClock(quarter, timeZone) - quarter;
    offsets.set(key, offset);
  }
  return at + offset;
}

function readWallClock(at: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(at))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function fromUtcMidnight(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function utcMidnight(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** The calendar date an instant falls on in the zone. */
export function dateOf(at: number, timeZone: string): string {
  if (!Number.isFinite(at)) return fromUtcMidnight(0);
  return fromUtcMidnight(wallClockAsUtc(at, timeZone));
}

export function addDays(date: string, days: number): string {
  return fromUtcMidnight(utcMidnight(date) + (Number.isFinite(days) ? Math.round(days) : 0) * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Monday to Friday. Public holidays differ by country and are not known here. */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(utcMidnight(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date `count` working days after `date` (Friday + 1 is Monday; Saturday + 1 is Monday). */
export function addWorkingDays(date: string, count: number): string {
  let current = date;
  for (let left = Math.max(0, Math.floor(count)); left > 0; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: string): string {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}

/**
 * The instant the date begins in the zone. The offset is read at a first guess and again at
 * the corrected instant, which settles it even on the day a clock change happens.
 */
export function startOfDate(date: string, timeZone: string): number {
  const target = utcMidnight(date);
  let guess = target;
  for (let i = 0; i < 2; i++) guess = target - (wallClockAsUtc(guess, timeZone) - guess);
  return guess;
}

/** `YYYY-MM` of a date. */
export const monthOfDate = (date: string) => date.slice(0, 7);

/** The month `count` months after `month` (`YYYY-MM`). */
export function addMonths(month: string, count: number): string {
  const [y = 1970, m = 1] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + Math.round(count), 1));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`;
}

/** Months as a running number, so months compare and subtract like integers. */
export function monthIndex(month: string): number {
  // Sliced, not split: trust reads every kept month of every contact through this.
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** `monthIndex(utcMonthOf(at))` without making the string: trust asks it at every look at a summary. */
export function utcMonthIndex(at: number): number {
  const d = new Date(Number.isFinite(at) ? at : 0);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The UTC month of an instant: summaries bucket by it so they do not depend on a zone setting. */
export function utcMonthOf(at: number): string {
  return fromUtcMidnight(Number.isFinite(at) ? at : 0).slice(0, 7);
}
