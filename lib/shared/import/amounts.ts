import { MAX_AMOUNT } from '@/lib/shared/model/common';

/**
 * Money as sheets write it: `1200`, `1,200.50`, `1.200,50`, `1 200,50`, `1'200.50`, `$1,200`,
 * `€ 99`, `99 EUR`, `(1,200.00)` (accounting's negative). A symbol or code in the cell names
 * the currency; `$` is read as USD, the common case, and a currency column overrides it.
 *
 * Separators: with both `.` and `,`, the last one is the decimal point. With only one kind,
 * a single separator followed by exactly three digits (`1,200`) is a thousands separator
 * unless the mapping says decimal comma; otherwise it is the decimal point.
 */

// Longest first, so `US$` is not read as `$` with "US" left over.
const SYMBOLS: [string, string][] = [
  ['US$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['$', 'USD'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
];

export type AmountResult =
  | { ok: true; amount: number; currency?: string }
  | { ok: false; negative: boolean; reason: string };

export function parseAmount(text: string, decimalComma: boolean): AmountResult {
  let value = text.trim();
  let currency: string | undefined;
  const code = /^([A-Z]{3})\s*(?=[-−(\d.,])|(?<=[\d.,)])\s*([A-Z]{3})$/.exec(value);
  if (code) {
    currency = code[1] ?? code[2];
    value = value.replace(code[0], '').trim();
  }
  for (const [symbol, iso] of SYMBOLS) {
    if (value.includes(symbol)) {
      currency ??= iso;
      value = value.replace(symbol, '').trim();
      break;
    }
  }
  let negative = false;
  if (/^\(.*\)$/.test(value)) {
    negative = true;
    value = value.slice(1, -1).trim();
  }
  if (/^[-−]/.test(value)) {
    negative = true;
    value = value.slice(1).trim();
  }
  // Spaces (also the narrow no-break one French uses) and apostrophes (Swiss) group thousands.
  const digits = value.replace(/[\s\u00a0\u202f'’]/g, '');
  const number = readNumber(digits, decimalComma);
  if (number === undefined) return { ok: false, negative: false, reason: 'not a number' };
  if (negative && number !== 0) return { ok: false, negative: true, reason: 'negative' };
  if (number > MAX_AMOUNT)
    return { ok: false, negative: false, reason: `too large: at most ${MAX_AMOUNT.toLocaleString('en-US')}` };
  return { ok: true, amount: number, ...(currency ? { currency } : {}) };
}

function readNumber(digits: string, decimalComma: boolean): number | undefined {
  if (!/^\d[\d.,]*$|^[.,]\d+$/.test(digits)) return undefined;
  const dot = digits.lastIndexOf('.');
  const comma = digits.lastIndexOf(',');
  let decimal: string | undefined;
  if (dot >= 0 && comma >= 0) decimal = dot > comma ? '.' : ',';
  else if (dot >= 0 || comma >= 0) {
    const sep = dot >= 0 ? '.' : ',';
    const parts = digits.split(sep);
    const grouped = /^\d{1,3}$/.test(parts[0] ?? '') && parts.slice(1).every((p) => p.length === 3);
    if (parts.length > 2 && !grouped) return undefined;
    const localDecimal = decimalComma ? ',' : '.';
    // `1,200` is ambiguous: the sheet's own decimal separator decides.
    decimal = parts.length > 2 || (grouped && sep !== localDecimal) ? undefined : sep;
  }
  const thousands = decimal === undefined ? /[.,]/g : decimal === '.' ? /,/g : /\./g;
  const plain = digits.replace(thousands, '');
  if (decimal && plain.split(decimal).length > 2) return undefined;
  const amount = Number(decimal === ',' ? plain.replace(',', '.') : plain);
  return Number.isFinite(amount) ? amount : undefined;
}
