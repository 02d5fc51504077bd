import { stripBidi } from './gmail/address';

/**
 * Dates as sites show them, in the page's language: Gmail's message and row titles (the fallback
 * when a message has no time-based id) and LinkedIn's message times (linkedin/times.ts).
 *
 * Gmail's `title` of `span.g3` and of list-row dates is localized: "20 Aug 2025, 13:19",
 * "Thu, Dec 18, 2014 at 12:35 PM", "Mo., 14. Okt. 2026, 09:12", "2025年8月20日 13:19". We read
 * what needs no guessing: a four-digit year, a time, a month by name (in the page's language,
 * from Intl, plus English) or by CJK marker, and the one number left as the day. Purely numeric
 * dates need the page's language to know the order of day and month. Anything else (two-digit
 * years, non-Gregorian calendars, leftovers we cannot place) gives undefined: no time is better
 * than a wrong one.
 */

/** A wall-clock reading in the site's display time zone; month is 1-12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

// Arabic-Indic, Persian and full-width digits → ASCII; bidi marks (RTL titles carry them) removed.
function asciiDigits(text: string): string {
  return stripBidi(text)
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10));
}

/** Lower-case, accents off ("août" = "aout"), recomposed so Hangul syllables stay whole. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
}

const WORD = /\p{L}[\p{L}\p{M}]*/gu;

interface Vocabulary {
  /** Folded word → month 1-12; words that name two months are left out. */
  months: Map<string, number>;
  /** Long month names, for prefixes such as "Sept". */
  longMonths: [string, number][];
  weekdays: Set<string>;
  /** Folded day-period words → true for afternoon (PM). */
  periods: Map<string, boolean>;
  /** Order of the numeric parts, e.g. ['day', 'month', 'year']. */
  numericOrder: string[];
}

const vocabularies = new Map<string, Vocabulary>();

function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  // Always the Gregorian calendar: we only want names for Gregorian months.
  return new Intl.DateTimeFormat(lang, { ...options, calendar: 'gregory', timeZone: 'UTC' });
}

function buildVocabulary(lang: string): Vocabulary {
  const monthWords = new Map<string, Set<number>>();
  const longMonths: [string, number][] = [];
  const add = (text: string, month: number) => {
    for (const w of text.match(WORD) ?? []) {
      const key = fold(w);
      const set = monthWords.get(key) ?? new Set<number>();
      set.add(month);
      monthWords.set(key, set);
    }
  };
  for (let m = 1; m <= 12; m++) {
    const date = new Date(Date.UTC(2001, m - 1, 15, 12));
    const long = formatter(lang, { month: 'long' }).format(date);
    longMonths.push([fold(long), m]);
    add(long, m);
    add(formatter(lang, { month: 'short' }).format(date), m);
    // In-context forms: Russian "августа", Hebrew "באוג׳" (the month with its preposition).
    for (const style of ['long', 'short'] as const) {
      const parts = formatter(lang, { day: 'numeric', month: style }).formatToParts(date);
      add(
        parts
          .filter((p) => p.type !== 'day')
          .map((p) => p.value)
          .join(''),
        m,
      );
    }
  }
  const months = new Map<string, number>();
  for (const [word, set] of monthWords) {
    const [only] = set;
    if (set.size === 1 && only !== undefined) months.set(word, only);
  }

  const weekdays = new Set<string>();
  for (let d = 0; d < 7; d++) {
    const date = new Date(Date.UTC(2001, 0, 7 + d, 12));
    for (const style of ['long', 'short'] as const) {
      for (const w of formatter(lang, { weekday: style }).format(date).match(WORD) ?? []) weekdays.add(fold(w));
    }
  }

  // Korean Gmail writes 오전/오후 where Intl's Korean data now says AM/PM.
  const periods = new Map<string, boolean>([
    ['오전', false],
    ['오후', true],
  ]);
  for (const [hour, pm] of [
    [9, false],
    [15, true],
  ] as const) {
    const parts = formatter(lang, { hour: 'numeric', hour12: true }).formatToParts(
      new Date(Date.UTC(2001, 0, 1, hour)),
    );
    const text = parts.find((p) => p.type === 'dayPeriod')?.value ?? '';
    const words = text.match(WORD) ?? [];
    // Only single-word periods ("午後", "م", "오후"); "a. m." style is matched by pattern below.
    if (words.length === 1 && words[0]) periods.set(fold(words[0]), pm);
  }

  const numericOrder = formatter(lang, { year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date(Date.UTC(2001, 10, 23)))
    .map((p) => p.type)
    .filter((t) => t === 'year' || t === 'month' || t === 'day');

  return { months, longMonths, weekdays, periods, numericOrder };
}

function vocabulary(lang: string): Vocabulary | undefined {
  let v = vocabularies.get(lang);
  if (!v) {
    try {
      v = buildVocabulary(lang);
    } catch {
      return undefined; // not a language tag Intl knows
    }
    vocabularies.set(lang, v);
  }
  return v;
}

// "13:19", "1:19"; dots only when they cannot be part of a numeric date ("klo 9.12", not "14.10.2026").
const TIME_COLON = /(\d{1,2}):(\d{2})(?::\d{2})?/;
const TIME_DOT = /(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])/;
// AM/PM written with Latin letters in any of the usual ways: "PM", "p.m.", "p. m.".
const LATIN_PERIOD = /(?<!\p{L})([ap])\.?\s?m\.?(?!\p{L})/iu;
const CJK_DATE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/;

function pickMonth(words: string[], vocabs: Vocabulary[]): number | undefined {
  const hits: { month: number; weekday: boolean }[] = [];
  for (const w of words) {
    for (const v of vocabs) {
      const month = v.months.get(w);
      if (month) hits.push({ month, weekday: vocabs.some((x) => x.weekdays.has(w)) });
    }
  }
  let months = new Set(hits.map((h) => h.month));
  // Spanish "mar" is Tuesday and March: when a word is both, and another month word is present, it was the weekday.
  if (months.size > 1) months = new Set(hits.filter((h) => !h.weekday).map((h) => h.month));
  if (months.size === 1) return [...months][0];
  if (months.size > 1) return undefined;
  // No exact word: an abbreviation of exactly one long name ("sept" → September).
  const prefixed = new Set<number>();
  for (const w of words) {
    if (w.length < 3 || vocabs.some((v) => v.weekdays.has(w))) continue;
    for (const v of vocabs) for (const [long, m] of v.longMonths) if (long.startsWith(w)) prefixed.add(m);
  }
  return prefixed.size === 1 ? [...prefixed][0] : undefined;
}

/** The text with a match replaced by a space, so its digits and letters are not read twice. */
function cut(text: string, match: RegExpExecArray): string {
  return `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
}

function valid(w: WallClock): WallClock | undefined {
  if (w.year < 1970 || w.year > 2100 || w.hour > 23 || w.minute > 59) return undefined;
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return d.getUTCMonth() === w.month - 1 && d.getUTCDate() === w.day ? w : undefined;
}

/**
 * A Gmail date title as a wall-clock reading, or undefined when it cannot be read without
 * guessing. `lang` is the page's language (`<html lang>`); English is always understood too.
 * A date without a time of day is not enough and gives undefined.
 */
export function parseShownDate(title: string, lang?: string): WallClock | undefined {
  let text = asciiDigits(title);
  const vocabs = [lang ? vocabulary(lang) : undefined, vocabulary('en')].filter((v): v is Vocabulary => !!v);

  const time = TIME_COLON.exec(text) ?? TIME_DOT.exec(text);
  if (!time) return undefined;
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  text = cut(text, time);

  let pm: boolean | undefined;
  const latin = LATIN_PERIOD.exec(text);
  if (latin) {
    pm = latin[1]?.toLowerCase() === 'p';
    text = cut(text, latin);
  }
  const words = (text.match(WORD) ?? []).map(fold);
  for (const w of words) {
    for (const v of vocabs) {
      const period = v.periods.get(w);
      if (period === undefined) continue;
      if (pm !== undefined && pm !== period) return undefined; // both AM and PM: not a date we understand
      pm = period;
    }
  }
  if (pm !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (pm ? 12 : 0);
  }

  const cjk = CJK_DATE.exec(text);
  if (cjk) return valid({ year: Number(cjk[1]), month: Number(cjk[2]), day: Number(cjk[3]), hour, minute });

  const numbers = (text.match(/\d+/g) ?? []).map((n) => ({ n: Number(n), digits: n.length }));
  const years = numbers.filter((x) => x.digits === 4);
  if (years.length !== 1 || !years[0]) return undefined;
  const year = years[0].n;
  const small = numbers.filter((x) => x.digits <= 2).map((x) => x.n);

  const month = pickMonth(words, vocabs);
  if (month) {
    if (small.length !== 1 || small[0] === undefined) return undefined;
    return valid({ year, month, day: small[0], hour, minute });
  }

  // Numeric date: year first is unambiguous (ISO, Korean "2025. 8. 20."); otherwise ask the language.
  if (small.length !== 2) return undefined;
  const [a = 0, b = 0] = small;
  if (numbers[0]?.digits === 4) return valid({ year, month: a, day: b, hour, minute });
  const order = lang ? vocabulary(lang)?.numericOrder.filter((t) => t !== 'year') : undefined;
  if (order?.[0] === 'day') return valid({ year, month: b, day: a, hour, minute });
  if (order?.[0] === 'month') return valid({ year, month: a, day: b, hour, minute });
  return undefined;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone` is ahead of UTC at the instant `ms`, in ms. */
function zoneOffset(ms: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock reading names in `timeZone` (IANA, e.g. the seller's settings), or in
 * the browser's zone when none is given or it is unknown. Gmail shows dates in the account's zone,
 * which is normally the browser's.
 */
export function wallClockToMs(w: WallClock, timeZone?: string): number {
  if (timeZone) {
    try {
      const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
      const first = guess - zoneOffset(guess, timeZone);
      // Once more with the offset at the result, for readings near a DST change.
      return guess - zoneOffset(first, timeZone);
    } catch {
      // unknown zone: fall through to the browser's
    }
  }
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute).getTime();
}
