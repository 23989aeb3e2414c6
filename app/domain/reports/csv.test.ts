import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from './csv';

describe('funder CSV', () => {
  it('starts with a byte-order mark, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = toCsv([
      ['metric', 'value'],
      ['Møter, gjennomført', 12],
      ['Sitat "her"', 3],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv).toContain('"Møter, gjennomført",12');
    expect(csv).toContain('"Sitat ""her""",3');
  });

  it.each(['=SUM(A1:A9)', '+47 999', '-2+3', '@cmd', '\tindent', '\rreturn'])('neutralises a cell starting like a formula: %j', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
    const rows: string[][] = parse(toCsv([[value]]), { bom: true });
    const [cell] = rows[0] ?? [];
    expect(cell).toBe(`'${value}`);
  });

  it('leaves ordinary text and numbers alone, including negative numbers as numbers', () => {
    expect(neutraliseFormula('Trondheim')).toBe('Trondheim');
    const rows: string[][] = parse(toCsv([['Trondheim', -3]]), { bom: true });
    const [text, negative] = rows[0] ?? [];
    expect(text).toBe('Trondheim');
    expect(negative).toBe('-3');
  });

  it('parses back to the same rows', () => {
    const rows = [
      ['seksjon', 'nøkkel', 'verdi'],
      ['møter', 'timer', '12.5'],
    ];
    expect(parse(toCsv(rows), { bom: true })).toEqual(rows);
  });
});
