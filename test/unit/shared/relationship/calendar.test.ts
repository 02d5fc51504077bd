import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addWorkingDays,
  dateOf,
  daysBetween,
  isWorkingDay,
  nextTouch,
  nextWorkingDay,
  startOfDate,
} from '@/lib/shared/relationship';
import { monthIndex, utcMonthIndex, utcMonthOf } from '@/lib/shared/relationship/calendar';
import { contextOf, inbound, summaryOf } from './histories';

const BERLIN = 'Europe/Berlin';
const LA = 'America/Los_Angeles';
const HOUR = 3_600_000;

describe('the calendar date of an instant follows the seller’s zone', () => {
  it.each([
    // Berlin springs forward on 29 March 2026 (01:00 UTC): +1 before, +2 after.
    ['2026-03-28T22:59:00Z', BERLIN, '2026-03-28'],
    ['2026-03-28T23:00:00Z', BERLIN, '2026-03-29'],
    ['2026-03-29T21:59:00Z', BERLIN, '2026-03-29'],
    ['2026-03-29T22:00:00Z', BERLIN, '2026-03-30'],
    // Los Angeles springs forward on 8 March 2026 (10:00 UTC): -8 before, -7 after.
    ['2026-03-08T07:59:00Z', LA, '2026-03-07'],
    ['2026-03-08T08:00:00Z', LA, '2026-03-08'],
    ['2026-03-09T06:59:00Z', LA, '2026-03-08'],
    ['2026-03-09T07:00:00Z', LA, '2026-03-09'],
    // Falls back on 1 November 2026.
    ['2026-11-02T07:59:00Z', LA, '2026-11-01'],
    ['2026-11-02T08:00:00Z', LA, '2026-11-02'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(dateOf(Date.parse(instant), zone)).toBe(date);
  });

  it('reads an unknown zone as UTC rather than failing', () => {
    expect(dateOf(Date.parse('2026-03-08T23:30:00Z'), 'Not/AZone')).toBe('2026-03-08');
  });
});

describe('the start of a date', () => {
  it('gives a 23-hour day when the clocks go forward and a 25-hour day when they go back', () => {
    const length = (date: string, zone: string) => startOfDate(addDays(date, 1), zone) - startOfDate(date, zone);
    expect(startOfDate('2026-03-08', LA)).toBe(Date.parse('2026-03-08T08:00:00Z'));
    expect(length('2026-03-08', LA)).toBe(23 * HOUR);
    expect(length('2026-03-29', BERLIN)).toBe(23 * HOUR);
    expect(length('2026-10-25', BERLIN)).toBe(25 * HOUR);
    expect(length('2026-06-15', BERLIN)).toBe(24 * HOUR);
  });

  it('is the first instant that falls on the date', () => {
    for (const zone of [BERLIN, LA]) {
      for (const date of ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01']) {
        const start = startOfDate(date, zone);
        expect(dateOf(start, zone)).toBe(date);
        expect(dateOf(start - 1, zone)).toBe(addDays(date, -1));
      }
    }
  });
});

describe('date arithmetic', () => {
  it('adds days across month ends, leap days and years, whatever the clocks do', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-04-01', '2026-03-01')).toBe(-31);
  });

  it('counts working days Monday to Friday', () => {
    expect(isWorkingDay('2026-03-13')).toBe(true); // Friday
    expect(isWorkingDay('2026-03-14')).toBe(false);
    expect(addWorkingDays('2026-03-13', 1)).toBe('2026-03-16'); // Friday + 1 is Monday
    expect(addWorkingDays('2026-03-14', 1)).toBe('2026-03-16'); // Saturday + 1 is Monday
    expect(addWorkingDays('2026-03-09', 2)).toBe('2026-03-11'); // Monday + 2 is Wednesday
    expect(addWorkingDays('2026-03-12', 0)).toBe('2026-03-12');
    expect(nextWorkingDay('2026-03-15')).toBe('2026-03-16');
  });

  it('steps months', () => {
    expect(addMonths('2026-01', -2)).toBe('2025-11');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
  });
});

it('due dates are calendar dates in the seller’s zone', () => {
  // Monday 23:30 in Los Angeles is already Tuesday morning in Berlin.
  const summary = summaryOf([inbound(Date.parse('2026-03-09T23:30:00-07:00'))]);
  const now = Date.parse('2026-03-10T12:00:00Z');
  const inZone = (timeZone: string) => nextTouch(summary, { ...contextOf({ now }), timeZone })?.due;
  expect(inZone(LA)).toBe('2026-03-11');
  expect(inZone(BERLIN)).toBe('2026-03-12');
});

describe('the zone offset read once per quarter hour', () => {
  const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
  // Intl's own reading, uncached: what dateOf must always agree with.
  const intlDate = (at: number, timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

  it('gives the date Intl gives, at any instant, across clock changes and odd offsets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1975, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...ZONES),
        (at, zone) => {
          expect(dateOf(at, zone)).toBe(intlDate(at, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is right on both sides of a transition, to the millisecond', () => {
    // Berlin went to summer time at 01:00 UTC on 29 March 2026: 00:59:59.999 is still the 29th at 01:59.
    const change = Date.UTC(2026, 2, 29, 1);
    for (const at of [change - 1, change, change + 1])
      expect(dateOf(at, 'Europe/Berlin')).toBe(intlDate(at, 'Europe/Berlin'));
    expect(startOfDate('2026-03-30', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 22));
  });
});

describe('months as numbers', () => {
  it('an instant’s UTC month index is the index of its UTC month, from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (at) => {
        expect(utcMonthIndex(at)).toBe(monthIndex(utcMonthOf(at)));
      }),
      { numRuns: 2_000 },
    );
    // The last millisecond of a month and the first of the next.
    expect(utcMonthIndex(Date.UTC(2026, 0, 31, 23, 59, 59, 999))).toBe(monthIndex('2026-01'));
    expect(utcMonthIndex(Date.UTC(2026, 1, 1))).toBe(monthIndex('2026-02'));
  });
});
