import { stringify } from 'csv-stringify/sync';

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a text cell that a spreadsheet would take for a formula with an apostrophe. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 CSV (CRLF line ends, quotes where needed) in UTF-8 with a byte-order mark so Excel
 * shows æ, ø and å. Text cells are neutralised against formula injection; numbers stay numbers.
 */
export function toCsv(rows: (string | number)[][]): string {
  return stringify(rows, {
    bom: true,
    record_delimiter: 'windows',
    // RFC 4180: a field holding a line break of either kind is quoted.
    quoted_match: /[\r\n]/,
    cast: { string: (value) => neutraliseFormula(value) },
  });
}
