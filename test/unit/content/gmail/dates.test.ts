import { describe, expect, it } from 'vitest';
import { parseShownDate, type WallClock, wallClockToMs } from '@/lib/content/sites/gmail';

const at = (year: number, month: number, day: number, hour: number, minute: number): WallClock => ({
  year,
  month,
  day,
  hour,
  minute,
});

describe('visible Gmail dates', () => {
  it.each<[string, string | undefined, WallClock]>([
    // Real captures: the Aug-2025 message header and the 2014 inbox rows.
    ['20 Aug 2025, 13:19', undefined, at(2025, 8, 20, 13, 19)],
    ['Thu, Dec 18, 2014 at 12:35 PM', undefined, at(2014, 12, 18, 12, 35)],
    ['Fri, Oct 10, 2014 at 6:12 PM', undefined, at(2014, 10, 10, 18, 12)],
    ['Mon, Jan 5, 2015 at 11:02 AM', undefined, at(2015, 1, 5, 11, 2)],
    ['Thu, Jan 1, 2015 at 12:05 AM', undefined, at(2015, 1, 1, 0, 5)],
    // site-dom.md A2b's German example, and other spellings Gmail uses.
    ['Mo., 14. Okt. 2026, 09:12', 'de', at(2026, 10, 14, 9, 12)],
    ['Di., 4. März 2025, 17:03', 'de', at(2025, 3, 4, 17, 3)],
    ['1 Sept 2025, 08:30', 'en-GB', at(2025, 9, 1, 8, 30)],
    ['Tue, Aug 19, 2025, 9:02 AM', 'en-US', at(2025, 8, 19, 9, 2)],
    ['mer. 20 août 2025, 13:19', 'fr', at(2025, 8, 20, 13, 19)],
    // Spanish "mar" is Tuesday and March; with another month present it is the weekday.
    ['mar, 4 nov 2025, 9:05', 'es', at(2025, 11, 4, 9, 5)],
    ['20 авг. 2025 г., 13:19', 'ru', at(2025, 8, 20, 13, 19)],
    ['20 באוג׳ 2025, 13:19', 'he', at(2025, 8, 20, 13, 19)],
    ['\u200f20 באוג׳ 2025, 13:19\u200f', 'he', at(2025, 8, 20, 13, 19)],
    ['٢٠ أغسطس ٢٠٢٥، ١:١٩ م', 'ar', at(2025, 8, 20, 13, 19)],
    ['2025年8月20日 13:19', 'ja', at(2025, 8, 20, 13, 19)],
    ['2025年8月20日 下午1:19', 'zh-CN', at(2025, 8, 20, 13, 19)],
    ['2025년 8월 20일 (수) 오후 1:19', 'ko', at(2025, 8, 20, 13, 19)],
    ['20 de ago. de 2025, 13:19', 'pt-BR', at(2025, 8, 20, 13, 19)],
    // Numeric dates: year first needs no language; day/month order comes from the language.
    ['2025-08-20 13:19', undefined, at(2025, 8, 20, 13, 19)],
    ['20.08.2025, 13:19', 'de', at(2025, 8, 20, 13, 19)],
    ['8/20/2025, 1:19 PM', 'en-US', at(2025, 8, 20, 13, 19)],
    ['20/08/2025, 13:19', 'en-GB', at(2025, 8, 20, 13, 19)],
  ])('%s (%s)', (title, lang, expected) => {
    expect(parseShownDate(title, lang)).toEqual(expected);
  });

  it.each<[string, string | undefined]>([
    ['13:19', undefined], // the short form shown for today: no date
    ['19 Aug', undefined], // no year, no time
    ['20 Aug 2025', undefined], // no time of day: not enough
    ['20/08/2025, 13:19', undefined], // day or month first? unknown without the language
    ['8/20/25, 1:19 PM', 'en-US'], // two-digit year
    ['۲۹ مرداد ۱۴۰۴، ۱۳:۱۹', 'fa'], // Persian calendar: not a Gregorian date
    ['31 Feb 2025, 10:00', undefined], // no such day
    ['20 Aug 2025, 13:19 (2 days ago)', undefined], // a number we cannot place
    ['', undefined],
    ['Not starred', undefined],
  ])('%s (%s) is not guessed', (title, lang) => {
    expect(parseShownDate(title, lang)).toBeUndefined();
  });

  it('copes with a language tag Intl does not know', () => {
    expect(parseShownDate('20 Aug 2025, 13:19', 'not a tag!')).toEqual(at(2025, 8, 20, 13, 19));
  });
});

describe('wall clock to instant', () => {
  it.each<[WallClock, string, string]>([
    [at(2025, 8, 20, 13, 19), 'UTC', '2025-08-20T13:19:00.000Z'],
    [at(2025, 10, 14, 9, 12), 'Europe/Berlin', '2025-10-14T07:12:00.000Z'], // summer time
    [at(2025, 11, 6, 8, 5), 'Europe/Berlin', '2025-11-06T07:05:00.000Z'], // winter time
    [at(2025, 8, 20, 13, 19), 'Asia/Jerusalem', '2025-08-20T10:19:00.000Z'],
    [at(2025, 1, 5, 9, 0), 'America/Los_Angeles', '2025-01-05T17:00:00.000Z'],
    [at(2025, 3, 30, 3, 30), 'Europe/Berlin', '2025-03-30T01:30:00.000Z'], // just after the spring change
  ])('%o in %s', (wall, zone, iso) => {
    expect(new Date(wallClockToMs(wall, zone)).toISOString()).toBe(iso);
  });

  it("uses the browser's zone when none or an unknown one is given", () => {
    const local = new Date(2025, 7, 20, 13, 19).getTime();
    expect(wallClockToMs(at(2025, 8, 20, 13, 19))).toBe(local);
    expect(wallClockToMs(at(2025, 8, 20, 13, 19), 'Mars/Olympus_Mons')).toBe(local);
  });
});
