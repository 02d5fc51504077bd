/**
 * Spreadsheet formula injection: a cell that starts with `=`, `+`, `-` or `@` (or a tab or
 * carriage return, which some spreadsheets skip before reading one) runs as a formula when
 * the file is opened. Exports put a single quote in front, which spreadsheets show as text.
 *
 * A value that already starts with quotes before such a character gets one more, so reading
 * back is exact: `unescapeFormula` drops one quote only where `escapeFormula` added one.
 */
const RISKY = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

export const escapeFormula = (value: string): string => (RISKY.test(value) ? `'${value}` : value);

export const unescapeFormula = (value: string): string => (ESCAPED.test(value) ? value.slice(1) : value);

/** True when a spreadsheet would run the cell: what an export must never write. */
export const startsFormula = (value: string): boolean => /^[=+\-@\t\r]/.test(value);
