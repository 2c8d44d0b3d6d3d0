import { stringify } from 'csv-stringify/sync';
import type { Row, TableSchema } from './schema.js';
import { columnNames } from './schema.js';

/**
 * RFC 4180 CSV: UTF-8 without BOM, CRLF line ends, a header from the table schema,
 * fields quoted only when they need it. Every cell is a string already, so codes such
 * as CAMEO's "042" keep their leading zero.
 */
export function toCsv(table: TableSchema, rows: readonly Row[]): string {
  const columns = columnNames(table);
  return stringify(
    rows.map((row) => columns.map((c) => row[c] ?? '')),
    { header: true, columns, record_delimiter: 'windows', quoted_match: /^\s|\s$/ },
  );
}
