import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, neutraliseCell, restoreCell, toCsv } from '../../src/datasets/csv.js';
import type { Column, TableSchema } from '../../src/datasets/schema.js';
import { EVENTS_TABLE } from '../../src/datasets/schema.js';
import { parseCsv } from '../helpers/csv.js';

const text: Column = { name: 'note', type: 'string', description: 'a text cell' };
const list: Column = { name: 'names', type: 'string-list', description: 'a list cell' };
const decimal: Column = { name: 'longitude', type: 'decimal', description: 'a number' };
const integer: Column = { name: 'count', type: 'integer', description: 'a number' };
const date: Column = { name: 'date', type: 'date', description: 'a date' };
const TABLE: TableSchema = { name: 'rejected', file: 't.csv', title: 'T', description: 'A test table.', columns: [text, list, decimal, integer, date] };

describe('CSV hygiene', () => {
  it('neutralises text cells a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    for (const cell of ['=1+1', '+33 1 23', '-2', '@SUM(A1)', '\tx', '\rx', '=cmd|\' /C calc\'!A0']) {
      expect(neutraliseCell(text, cell), JSON.stringify(cell)).toBe(`'${cell}`);
      expect(neutraliseCell(list, cell), JSON.stringify(cell)).toBe(`'${cell}`);
    }
    for (const cell of ['Accra', '2024-05', 'KEN;GHA', '', ' =not first', "l'accord", '0-39']) expect(neutraliseCell(text, cell)).toBe(cell);
  });

  it('never touches numeric columns: negative coordinates stay numbers', () => {
    expect(neutraliseCell(decimal, '-0.1969')).toBe('-0.1969');
    expect(neutraliseCell(integer, '-3')).toBe('-3');
    expect(neutraliseCell(date, '2024-05')).toBe('2024-05');
  });

  it('can be undone without ambiguity, apostrophes included', () => {
    for (const cell of ['=1+1', "'=1+1", "''-x", "'plain", 'plain', '-', "'"]) {
      expect(restoreCell(text, neutraliseCell(text, cell)), JSON.stringify(cell)).toBe(cell);
    }
    expect(neutraliseCell(text, "'=1")).toBe("''=1");
  });

  it('writes UTF-8 text without BOM, CRLF records, quotes where RFC 4180 needs, and every cell as given', () => {
    const csv = toCsv(TABLE, [
      { note: 'a, "b"\nc', names: 'Zoë;Ōe', longitude: '-0.1969', count: '042', date: '2024' },
      { note: ' padded ', names: '=HYPERLINK("x")', longitude: '', count: '', date: '' },
      { note: 'lone\rCR', names: '', longitude: '12', count: '0', date: '2024-05-14' },
    ]);
    expect(csv.startsWith('note,names,longitude,count,date\r\n')).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"a, ""b""\nc"');
    expect(csv).toContain('"lone\rCR"');
    expect(csv).toContain('" padded "');
    expect(csv).toContain(',-0.1969,042,2024\r\n');
    expect(parseCsv(csv)).toEqual([
      { note: 'a, "b"\nc', names: 'Zoë;Ōe', longitude: '-0.1969', count: '042', date: '2024' },
      { note: ' padded ', names: '\'=HYPERLINK("x")', longitude: '', count: '', date: '' },
      { note: 'lone\rCR', names: '', longitude: '12', count: '0', date: '2024-05-14' },
    ]);
    expect(Buffer.from(csv, 'utf8').toString('utf8')).toBe(csv);
  });

  it('refuses a cell that is not a string', () => {
    const row = { event_id: 1 } as unknown as Record<string, string>;
    expect(() => toCsv(EVENTS_TABLE, [row])).toThrow(/event_id: a cell must be a string/);
  });
});

describe('csvRecords, the hot-path writer', () => {
  // csv-stringify, configured as toCsv's header is, is the oracle: the same bytes for any cells.
  const oracle = (rows: readonly Record<string, string>[]): string =>
    stringify(
      rows.map((row) => TABLE.columns.map((c) => neutraliseCell(c, row[c.name] ?? ''))),
      { header: false, record_delimiter: 'windows', bom: false, quoted_match: /^\s|\s$|[\r\n]/ },
    );
  const cell = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('', ' ', '"', '""', ',', '\r', '\n', '\r\n', '\u00a0x', 'x\u2028', '=1', "'-x", 'a,b', 'say "hi"', '\t', ' lead', 'trail '),
    fc.array(fc.constantFrom('a', ' ', '"', ',', '\r', '\n', '\t', '=', '-', "'", 'é', '\u3000'), { maxLength: 8 }).map((cs) => cs.join('')),
  );

  it('writes exactly what csv-stringify writes, for any cells (3,000 generated tables)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ note: cell, names: cell, longitude: cell, count: cell, date: cell }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(csvRecords(TABLE, rows)).toBe(oracle(rows));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes nothing for no rows, and refuses a cell that is not text', () => {
    expect(csvRecords(TABLE, [])).toBe('');
    expect(() => csvRecords(TABLE, [{ note: 1 as unknown as string }])).toThrow(/rejected.note: a cell must be a string/);
  });
});
