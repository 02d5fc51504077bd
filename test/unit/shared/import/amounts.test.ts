import { describe, expect, it } from 'vitest';
import { parseAmount } from '@/lib/shared/import/amounts';

describe('parseAmount', () => {
  it('an amount past a trillion is refused, so a book’s sums stay finite', () => {
    expect(parseAmount('1e308', false)).toMatchObject({ ok: false });
    expect(parseAmount('10000000000000', false)).toEqual({
      ok: false,
      negative: false,
      reason: 'too large: at most 1,000,000,000,000',
    });
    expect(parseAmount('1000000000000', false)).toEqual({ ok: true, amount: 1e12 });
  });

  it.each([
    ['1200', false, 1200, undefined],
    ['1,200.50', false, 1200.5, undefined],
    ['1.200,50', true, 1200.5, undefined],
    ['1.200,50', false, 1200.5, undefined],
    ['1 200,50', true, 1200.5, undefined],
    ["1'200.50", false, 1200.5, undefined],
    ['1,200', false, 1200, undefined],
    ['1,200', true, 1.2, undefined],
    ['1.200', true, 1200, undefined],
    ['99,90', true, 99.9, undefined],
    ['99,90', false, 99.9, undefined],
    ['1,234,567', false, 1234567, undefined],
    ['$1,200', false, 1200, 'USD'],
    ['€ 499', false, 499, 'EUR'],
    ['£12.5', false, 12.5, 'GBP'],
    ['US$100', false, 100, 'USD'],
    ['99 EUR', false, 99, 'EUR'],
    ['CHF 1’200', false, 1200, 'CHF'],
    ['0', false, 0, undefined],
  ])('%s (decimal comma: %s)', (text, decimalComma, amount, currency) => {
    const result = parseAmount(text, decimalComma);
    if (amount === undefined) return expect(result.ok).toBe(false);
    expect(result).toEqual({ ok: true, amount, ...(currency ? { currency } : {}) });
  });

  it.each(['-50', '−50', '(75.00)', '-$10', 'EUR -3'])('%s is negative', (text) => {
    expect(parseAmount(text, false)).toMatchObject({ ok: false, negative: true });
  });

  it.each(['ten', '1.2.3,4,5', '12abc', '', '1,23,4'])('%j is not a number', (text) => {
    expect(parseAmount(text, false)).toMatchObject({ ok: false, negative: false });
  });
});
