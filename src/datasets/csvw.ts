import { SPREADSHEET_NOTE } from './csv.js';
import type { Column, TableSchema } from './schema.js';
import { columnProperty, expandIri, expandTemplate, isList, LIST_SEPARATOR, PARTIAL_DATE_PATTERN, tableByName } from './schema.js';

/**
 * W3C CSVW table descriptions ("Metadata Vocabulary for Tabular Data"), one per CSV,
 * written next to it as `<file>-metadata.json` where CSVW processors look for it. Read
 * from schema.ts: names, datatypes, list separators, required cells, the property and
 * value IRIs of each cell, the table's primary key, foreign keys and row IRIs (the same
 * IRIs as the JSON-LD nodes, so the CSV and JSON-LD views describe the same things).
 */
export interface CsvwOptions {
  readonly baseUri: string;
  /** IRI of the license of the data (dc:license). */
  readonly license: string;
}

type JsonObject = { [key: string]: unknown };

export const CSVW_CONTEXT = 'http://www.w3.org/ns/csvw';

/** The file name CSVW processors look for first: `events.csv` → `events.csv-metadata.json`. */
export const csvwFileName = (table: TableSchema): string => `${table.file}-metadata.json`;

const anyOf = (values: readonly string[]): string => `^(?:${values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;

/** A CSVW datatype: built-in names for numbers and URLs; strings constrained by a regular expression where the schema has one. */
export function csvwDatatype(column: Column): string | JsonObject {
  if (column.type === 'integer') return 'integer';
  if (column.type === 'decimal') return 'decimal';
  const format = column.type === 'date' ? PARTIAL_DATE_PATTERN : column.values ? anyOf(column.values) : column.pattern;
  if (column.valueUrl?.startsWith('{+')) return 'anyURI';
  return format === undefined ? 'string' : { base: 'string', format };
}

function csvwColumn(column: Column, baseUri: string): JsonObject {
  const out: JsonObject = {
    name: column.name,
    titles: column.name,
    'dc:description': column.description,
    datatype: csvwDatatype(column),
  };
  if (isList(column)) out.separator = LIST_SEPARATOR;
  if (column.required) out.required = true;
  out.propertyUrl = expandIri(columnProperty(column), baseUri);
  if (column.valueUrl !== undefined) out.valueUrl = expandTemplate(column.valueUrl, baseUri);
  return out;
}

export function csvwTableDescription(table: TableSchema, options: CsvwOptions): JsonObject {
  const { baseUri } = options;
  const columns = table.columns.map((c) => csvwColumn(c, baseUri));
  if (table.rdfType !== undefined) {
    columns.push({ name: 'rdf_type', virtual: true, propertyUrl: 'rdf:type', valueUrl: expandIri(table.rdfType, baseUri) });
  }
  const tableSchema: JsonObject = { columns };
  if (table.primaryKey !== undefined) tableSchema.primaryKey = table.primaryKey;
  if (table.aboutUrl !== undefined) tableSchema.aboutUrl = expandTemplate(table.aboutUrl, baseUri);
  if (table.foreignKeys?.length) {
    tableSchema.foreignKeys = table.foreignKeys.map((fk) => ({
      columnReference: fk.column,
      reference: { resource: tableByName(fk.references.table).file, columnReference: fk.references.column },
    }));
  }
  return {
    '@context': [CSVW_CONTEXT, { '@language': 'en' }],
    url: table.file,
    'dc:title': table.title,
    'dc:description': `${table.description} Lists inside a cell are separated by "${LIST_SEPARATOR}"; an empty cell is a missing value. ${SPREADSHEET_NOTE}`,
    'dc:license': { '@id': options.license },
    dialect: { encoding: 'utf-8', lineTerminators: ['\r\n'], header: true, headerRowCount: 1, delimiter: ',', quoteChar: '"', doubleQuote: true, trim: false },
    tableSchema,
  };
}

/** The description as published: two-space indented JSON and a final line end. */
export function csvwJson(table: TableSchema, options: CsvwOptions): string {
  return `${JSON.stringify(csvwTableDescription(table, options), null, 2)}\n`;
}
