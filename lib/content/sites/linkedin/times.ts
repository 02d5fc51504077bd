import { parseShownDate, wallClockToMs } from '../dates';

/**
 * When a LinkedIn message was sent, from what the conversation shows: a day heading ("Today",
 * "Monday", "Nov 20", "Nov 20, 2024", in the page's language) and the sender group's time of day
 * ("10:32 AM", "10:32"). The words for today, yesterday and the weekdays come from Intl in the
 * page's language (and English), so no language is hard-coded. A message whose day or time cannot
 * be placed gets no time: Rapport records no touch rather than one at a wrong date.
 */

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase().replace(/[.,]/g, '').trim();

interface DayWords {
  /** Folded word → days back from today (0 today, 1 yesterday). */
  relative: Map<string, number>;
  /** Folded weekday name (long and short) → 0 (Sunday) … 6. */
  weekdays: Map<string, number>;
}

const wordsByLang = new Map<string, DayWords>();

function dayWords(lang: string): DayWords {
  const known = wordsByLang.get(lang);
  if (known) return known;
  const words: DayWords = { relative: new Map(), weekdays: new Map() };
  for (const tag of [lang, 'en']) {
    try {
      const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
      words.relative.set(fold(relative.format(0, 'day')), 0);
      words.relative.set(fold(relative.format(-1, 'day')), 1);
      for (const style of ['long', 'short'] as const) {
        const weekday = new Intl.DateTimeFormat(tag, { weekday: style, timeZone: 'UTC' });
        // 2001-01-07 was a Sunday.
        for (let d = 0; d < 7; d++) words.weekdays.set(fold(weekday.format(new Date(Date.UTC(2001, 0, 7 + d)))), d);
      }
    } catch {
      // an unknown language tag: English alone
    }
  }
  wordsByLang.set(lang, words);
  return words;
}

/** Today's calendar date where the seller is (`timeZone`, else the browser's zone). */
function calendarDate(ms: number, timeZone?: string): { year: number; month: number; day: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const year = get('year');
  const month = get('month');
  const day = get('day');
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/** The day a heading names as "D Mon YYYY", or the heading itself when it names a date. */
function resolveDay(heading: string, lang: string, now: number, timeZone?: string): string | undefined {
  const words = dayWords(lang);
  const folded = fold(heading);
  const today = calendarDate(now, timeZone);
  const back = words.relative.get(folded) ?? weekdayBack(words.weekdays.get(folded), today.weekday);
  if (back !== undefined) {
    const d = calendarDate(Date.UTC(today.year, today.month - 1, today.day, 12) - back * DAY_MS, 'UTC');
    return `${d.day} ${EN_MONTHS[d.month - 1]} ${d.year}`;
  }
  return /\d/.test(heading) ? heading : undefined;
}

/** LinkedIn names the days of the last week by weekday: the latest such day before today. */
function weekdayBack(weekday: number | undefined, todayWeekday: number): number | undefined {
  if (weekday === undefined) return undefined;
  return (todayWeekday - weekday + 7) % 7 || 7;
}

/**
 * The instant a message was sent, or undefined. A heading without a year is this year's date,
 * or last year's when that would lie in the future.
 */
export function messageTime(
  heading: string | undefined,
  clock: string | undefined,
  { lang, now, timeZone }: { lang: string; now: number; timeZone?: string },
): number | undefined {
  if (!heading || !clock) return undefined;
  const day = resolveDay(heading, lang, now, timeZone);
  if (!day) return undefined;
  const hasYear = /\d{4}/.test(day);
  const year = calendarDate(now, timeZone).year;
  for (const y of hasYear ? [undefined] : [year, year - 1]) {
    const wall = parseShownDate(`${day}${y ? ` ${y}` : ''} ${clock}`, lang);
    if (!wall) return undefined;
    const at = wallClockToMs(wall, timeZone);
    if (at <= now + 60_000) return at;
  }
  return undefined;
}
