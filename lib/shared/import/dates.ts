import { remembered } from './remembered';

/**
 * Dates as exports write them, to milliseconds since the epoch.
 *
 * - ISO (`2024-03-15`, `2024-03-15T14:30:00Z`, `2024-03-15 14:30`), year first with `/` or `.` too;
 * - slashed `03/15/2024` or `15/03/2024` (2- or 4-digit year, optional `2:30 PM`);
 * - dotted `15.03.2024` (always day first: nobody writes month-first with dots);
 * - named months: LinkedIn's `15 Mar 2021`, `15-Mar-21`, `March 15, 2021`, RFC 2822's `Fri, 15 Mar 2021 10:00:00 +0000`;
 * - epoch seconds (10 digits) and milliseconds (13 digits), as API-made exports write them.
 *
 * A time without a zone is the seller's local time, and a date without a time is local
 * midnight: CRMs export in the user's own zone. An explicit zone (`Z`, `+02:00`) is honoured.
 *
 * `01/02/2024` is ambiguous. The rule: a part above 12 decides it; otherwise the mapping's
 * `dateOrder` does, which defaults to month first (HubSpot, Salesforce and Google export
 * US-style) and to day first for `;`-separated files (European Excel), and which
 * `inferDateOrder` corrects when any date in the sample rows is unambiguous.
 */

export type DateOrder = 'mdy' | 'dmy';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = String.raw`(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]\.?m\.?)?)?`;
const ZONE = String.raw`\s*(z|utc|gmt|[+-]\d{2}:?\d{2}|(?:utc|gmt)[+-]\d{1,2}(?::?\d{2})?)?`;

const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}${ZONE}$`, 'i');
const SLASHED = new RegExp(String.raw`^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})${TIME}${ZONE}$`, 'i');
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\.?${TIME}${ZONE}$`, 'i');
const DAY_MONTH = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?[\s,-]+(\d{4}|\d{2})${TIME}${ZONE}$`,
  'i',
);
const MONTH_DAY = new RegExp(String.raw`^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}${ZONE}$`, 'i');
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;

type Parts = [year: number, month: number, day: number, time: (string | undefined)[]];

/** The instant a cell names, or undefined when it names none (or one before 1970). */
export function parseDate(text: string, order: DateOrder = 'mdy'): number | undefined {
  return DATES[order](text);
}

function parseDateNow(text: string, order: DateOrder): number | undefined {
  const value = text.trim().replace(WEEKDAY, '');
  if (/^\d{13}$/.test(value)) return Number(value);
  if (/^\d{10}$/.test(value)) return Number(value) * 1000;
  const parts = splitDate(value, order);
  return parts ? instant(...parts) : undefined;
}

/** A file repeats its days thousands of times: each is parsed once (remembered.ts). */
const DATES: Record<DateOrder, (text: string) => number | undefined> = {
  mdy: remembered((text) => parseDateNow(text, 'mdy')),
  dmy: remembered((text) => parseDateNow(text, 'dmy')),
};

/** Settles the day/month order from dates that only read one way (`25/03/2024`). */
export function inferDateOrder(values: readonly string[], fallback: DateOrder): DateOrder {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const value of values) {
    const m = SLASHED.exec(value.trim());
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) dayFirst++;
    if (b > 12 && a <= 12) monthFirst++;
  }
  if (dayFirst === monthFirst) return fallback;
  return dayFirst > monthFirst ? 'dmy' : 'mdy';
}

function splitDate(value: string, order: DateOrder): Parts | undefined {
  let m = YEAR_FIRST.exec(value);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m.slice(4)];
  m = SLASHED.exec(value);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const dayFirst = a > 12 || (b <= 12 && order === 'dmy');
    return [year(m[3]), dayFirst ? b : a, dayFirst ? a : b, m.slice(4)];
  }
  m = DOTTED.exec(value);
  if (m) return [year(m[3]), Number(m[2]), Number(m[1]), m.slice(4)];
  m = DAY_MONTH.exec(value);
  if (m) return withMonth(m[2], year(m[3]), Number(m[1]), m.slice(4));
  m = MONTH_DAY.exec(value);
  if (m) return withMonth(m[1], year(m[3]), Number(m[2]), m.slice(4));
  return undefined;
}

function withMonth(name: string | undefined, y: number, d: number, time: (string | undefined)[]): Parts | undefined {
  const lower = (name ?? '').toLowerCase();
  // "Sept" is common; the rest are the first three letters of an English month name.
  const month = MONTHS.indexOf(lower === 'sept' ? 'sep' : lower.slice(0, 3)) + 1;
  if (month === 0 || (lower.length > 4 && !fullMonthName(lower))) return undefined;
  return [y, month, d, time];
}

const FULL = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const fullMonthName = (name: string) => FULL.includes(name);

/** Two-digit years are this century up to 69, the last one from 70: exports rarely reach back further. */
function year(text: string | undefined): number {
  const y = Number(text);
  if ((text ?? '').length > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

function instant(y: number, mo: number, d: number, time: (string | undefined)[]): number | undefined {
  const [hText, miText, sText, fraction, meridiem, zone] = time;
  let h = Number(hText ?? 0);
  const mi = Number(miText ?? 0);
  const s = Number(sText ?? 0);
  const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (meridiem.toLowerCase().startsWith('p') ? 12 : 0);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  const offset = zoneOffset(zone);
  let at: number;
  if (offset === undefined) {
    // Local time: the seller's zone. A time skipped by a daylight-saving jump moves forward, as clocks do.
    at = new Date(y, mo - 1, d, h, mi, s, ms).getTime();
  } else {
    at = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000;
  }
  return Number.isFinite(at) && at >= 0 ? at : undefined;
}

function daysIn(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Minutes east of UTC, or undefined for local time. */
function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  const z = zone.toLowerCase();
  if (z === 'z' || z === 'utc' || z === 'gmt') return 0;
  const m = /([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}
