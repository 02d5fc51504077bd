import { describe, expect, it } from 'vitest';
import { inferDateOrder, parseDate } from '@/lib/shared/import';

const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(y, mo - 1, d, h, mi, s).getTime();

describe('parseDate', () => {
  it.each([
    ['2024-03-15', local(2024, 3, 15)],
    ['2024-03-15 14:30', local(2024, 3, 15, 14, 30)],
    ['2024-03-15 14:30:05', local(2024, 3, 15, 14, 30, 5)],
    ['2024-03-15T14:30:00Z', Date.UTC(2024, 2, 15, 14, 30)],
    ['2024-03-15T14:30:00.250+02:00', Date.UTC(2024, 2, 15, 12, 30, 0, 250)],
    ['2024/3/5', local(2024, 3, 5)],
    ['03/15/2024', local(2024, 3, 15)],
    ['3/15/2024 2:30 PM', local(2024, 3, 15, 14, 30)],
    ['12/11/2023 12:05 am', local(2023, 12, 11, 0, 5)],
    ['15.03.2024', local(2024, 3, 15)],
    ['15.03.2024 09:00', local(2024, 3, 15, 9)],
    ['15 Mar 2021', local(2021, 3, 15)],
    ['02 Jan 2023', local(2023, 1, 2)],
    ['7-Feb-22', local(2022, 2, 7)],
    ['March 15, 2021', local(2021, 3, 15)],
    ['Sept 1st, 2021', local(2021, 9, 1)],
    ['Fri, 15 Mar 2021 10:00:00 +0000', Date.UTC(2021, 2, 15, 10)],
    ['1710513000', 1710513000000],
    ['1710513000123', 1710513000123],
  ])('%s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it('reads ambiguous slashed dates by the order given; a part above 12 decides by itself', () => {
    expect(parseDate('01/02/2024', 'mdy')).toBe(local(2024, 1, 2));
    expect(parseDate('01/02/2024', 'dmy')).toBe(local(2024, 2, 1));
    expect(parseDate('25/03/2024', 'mdy')).toBe(local(2024, 3, 25));
    expect(parseDate('03/25/2024', 'dmy')).toBe(local(2024, 3, 25));
  });

  it.each([
    '',
    'yesterday',
    '31/31/2024',
    '2024-02-30',
    '30.02.2024',
    '13/13/2024',
    '15 Foo 2021',
    '25:00',
    '1969-12-31',
  ])('refuses %j', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});

describe('inferDateOrder', () => {
  it('follows the dates that read one way only, else the fallback', () => {
    expect(inferDateOrder(['01/02/2024', '25/03/2024'], 'mdy')).toBe('dmy');
    expect(inferDateOrder(['01/02/2024', '03/25/2024'], 'dmy')).toBe('mdy');
    expect(inferDateOrder(['01/02/2024', '2024-01-01'], 'dmy')).toBe('dmy');
    expect(inferDateOrder([], 'mdy')).toBe('mdy');
  });
});
