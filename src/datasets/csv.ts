import { stringify } from 'csv-stringify/sync';
import type { Column, Row, TableSchema } from './schema.js';
import { isNumeric } from './schema.js';

/**
 * What the CSV files promise, in one place (the CSVW and Data Package descriptions and
 * docs/DATASETS.md repeat this text):
 *   - UTF-8 without a byte order mark; RFC 4180: CRLF line ends, a header row from the
 *     table schema, fields quoted when they hold a comma, a quote, a line break or
 *     leading / trailing white space;
 *   - every cell is text as written, so codes such as CAMEO's "042" keep their zeros;
 *   - formula injection: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a
 *     carriage return (after any apostrophes) is written with one more leading
 *     apostrophe, so spreadsheets show it as text instead of running it (OWASP, "CSV
 *     Injection"). Numeric columns are never touched: `-0.1969` stays a longitude.
 */
export const SPREADSHEET_NOTE =
  'Text cells that begin with =, +, -, @, a tab or a carriage return (possibly after apostrophes) are written with one extra leading apostrophe (\') so that spreadsheets show them as text instead of evaluating a formula (OWASP CSV injection advice); remove one leading apostrophe from such a cell to get the original text. Numeric columns are never altered.';

/** A cell a spreadsheet could take for a formula; apostrophes first so that the escape can be undone without ambiguity. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The cell as written to a CSV: text cells neutralised for spreadsheets, numbers as they are. */
export function neutraliseCell(column: Column, cell: string): string {
  return !isNumeric(column) && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The inverse of neutraliseCell, for readers that want the original text back. */
export function restoreCell(column: Column, cell: string): string {
  return !isNumeric(column) && /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * RFC 4180 CSV: UTF-8 without BOM, CRLF line ends, a header from the table schema,
 * fields quoted only when they need it. Every cell must be a string already.
 */
export function toCsv(table: TableSchema, rows: readonly Row[]): string {
  return csvHeader(table) + csvRecords(table, rows);
}

/** The header line, CRLF included. */
export function csvHeader(table: TableSchema): string {
  return stringify([table.columns.map((c) => c.name)], STRINGIFY_OPTIONS);
}

/**
 * The rows as CSV records without a header: what a file that already has one is extended
 * with. Written here rather than by csv-stringify, which costs about 20 µs a row whether
 * called per row or per thousand (its per-field machinery), on the hot path of every
 * publication; its rules are the ones above, and a property test checks that this gives
 * exactly csv-stringify's bytes (test/datasets/csv.test.ts).
 */
export function csvRecords(table: TableSchema, rows: readonly Row[]): string {
  let out = '';
  for (const row of rows) out += csvRecord(table, row);
  return out;
}

/** One row as a CSV record, CRLF included. */
export function csvRecord(table: TableSchema, row: Row): string {
  const columns = table.columns;
  let out = '';
  for (let i = 0; i < columns.length; i++) out += (i === 0 ? '' : ',') + csvCell(table, columns[i] as Column, row);
  return `${out}\r\n`;
}

/**
 * A record in two parts around one column's cell: `head + csvCell(…) + tail` is the record.
 * For a cell known only later (a parent id), when the rest is built early.
 */
export function csvRecordAround(table: TableSchema, row: Row, column: string): { readonly head: string; readonly cell: string; readonly tail: string } {
  const columns = table.columns;
  const at = columns.findIndex((c) => c.name === column);
  if (at < 0) throw new RangeError(`${table.name} has no column ${column}`);
  let head = '';
  let tail = '';
  for (let i = 0; i < at; i++) head += `${csvCell(table, columns[i] as Column, row)},`;
  for (let i = at + 1; i < columns.length; i++) tail += `,${csvCell(table, columns[i] as Column, row)}`;
  return { head, cell: csvCell(table, columns[at] as Column, row), tail: `${tail}\r\n` };
}

/** A cell as written: neutralised for spreadsheets, quoted when it needs to be. */
export function csvCell(table: TableSchema, column: Column, row: Row): string {
  const cell = row[column.name] ?? '';
  if (typeof cell !== 'string') throw new TypeError(`${table.name}.${column.name}: a cell must be a string, not ${typeof cell}`);
  return csvValue(column, cell);
}

/** A string as written in `column`'s cells. */
export function csvValue(column: Column, cell: string): string {
  if (cell.length === 0) return cell;
  // Most cells (ids, codes, dates, names) need nothing: told by their ends and one scan, without the two regular expressions.
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  // Safe ends: a digit or an ASCII letter and the like first (no formula start, no white space), printable ASCII last.
  const plainFirst = (first >= 0x30 && first <= 0x39) || (first > 0x40 && first < 0x7f);
  if (plainFirst && last > 0x20 && last < 0x7f && !NEEDS_QUOTES_INSIDE.test(cell)) return cell;
  const value = neutraliseCell(column, cell);
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A delimiter, a quote or a line break anywhere: quoted. (Leading and trailing white space, and formula starts, are told by the ends.) */
const NEEDS_QUOTES_INSIDE = /[",\r\n]/;

/** What makes csv-stringify quote a field with STRINGIFY_OPTIONS: the delimiter, the quote, a line break, white space at either end. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

const STRINGIFY_OPTIONS = {
  header: false,
  record_delimiter: 'windows',
  bom: false,
  // csv-stringify quotes a field holding the record delimiter (CRLF), not one holding a lone CR or LF: RFC 4180 wants those quoted too.
  quoted_match: /^\s|\s$|[\r\n]/,
} as const;
