import { addDays, dateOf } from '@/lib/shared/relationship/calendar';
import { fold, parseShownDate, wallClockToMs } from '../dates';

/**
 * When a LinkedIn message was sent, from what the conversation shows: a day heading ("Today",
 * "Monday", "Nov 20", "Nov 20, 2024", in the page's language) and the sender group's time of day
 * ("10:32 AM", "10:32"). The words for today, yesterday and the weekdays come from Intl in the
 * page's language (and English), so no language is hard-coded. A message whose day or time cannot
 * be placed gets no time: Rapport records no touch rather than one at a wrong date.
 */

/** A heading or day word compared as the date reader compares words, without its dots and commas. */
const foldWord = (text: string) => fold(text).replace(/[.,]/g, '').trim();

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
      words.relative.set(foldWord(relative.format(0, 'day')), 0);
      words.relative.set(foldWord(relative.format(-1, 'day')), 1);
      for (const style of ['long', 'short'] as const) {
        const weekday = new Intl.DateTimeFormat(tag, { weekday: style, timeZone: 'UTC' });
        // 2001-01-07 was a Sunday.
        for (let d = 0; d < 7; d++) words.weekdays.set(foldWord(weekday.format(new Date(Date.UTC(2001, 0, 7 + d)))), d);
      }
    } catch {
      // an unknown language tag: English alone
    }
  }
  wordsByLang.set(lang, words);
  return words;
}

/** The day a heading names as `YYYY-MM-DD`, or the heading itself when it names a date. */
function resolveDay(heading: string, lang: string, today: string): string | undefined {
  const words = dayWords(lang);
  const folded = foldWord(heading);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const back = words.relative.get(folded) ?? weekdayBack(words.weekdays.get(folded), weekday);
  if (back !== undefined) return addDays(today, -back);
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
  // The seller's today ('' is the browser's own zone for dateOf).
  const today = dateOf(now, timeZone ?? '');
  const day = resolveDay(heading, lang, today);
  if (!day) return undefined;
  const hasYear = /\d{4}/.test(day);
  const year = Number(today.slice(0, 4));
  for (const y of hasYear ? [undefined] : [year, year - 1]) {
    const wall = parseShownDate(`${day}${y ? ` ${y}` : ''} ${clock}`, lang);
    if (!wall) return undefined;
    const at = wallClockToMs(wall, timeZone);
    if (at <= now + 60_000) return at;
  }
  return undefined;
}
