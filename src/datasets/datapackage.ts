import type { FileFacts, PublicationOptions } from './catalog.js';
import { ATTRIBUTIONS, catalogIds, DATASET_DESCRIPTION, DATASET_TITLE, KEYWORDS, resolvedPublication } from './catalog.js';
import { SPREADSHEET_NOTE } from './csv.js';
import type { Column, TableSchema } from './schema.js';
import { isList, LIST_SEPARATOR, PARTIAL_DATE_PATTERN, tableByName } from './schema.js';

/**
 * Frictionless Data Package v2 (`datapackage.json`): every data file as a resource with
 * its size and SHA-256, and for the CSVs a Table Schema read from schema.ts (field types,
 * constraints, primary and foreign keys). It describes the data files only, so it is
 * written after them and before the catalog.
 */
export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const TABLE_SCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';
export const TABLE_DIALECT_PROFILE = 'https://datapackage.org/profiles/2.0/tabledialect.json';

type JsonObject = { [key: string]: unknown };

/** A Table Schema field: lists become `list` fields of strings; partial dates stay strings with a pattern (v2 has no type for "year, month or day"). */
export function dataPackageField(column: Column): JsonObject {
  const field: JsonObject = { name: column.name, title: column.name, description: column.description };
  const constraints: JsonObject = {};
  if (column.type === 'integer') field.type = 'integer';
  else if (column.type === 'decimal') field.type = 'number';
  else if (isList(column)) {
    field.type = 'list';
    field.delimiter = LIST_SEPARATOR;
    field.itemType = 'string';
  } else {
    field.type = 'string';
    if (column.valueUrl?.startsWith('{+')) field.format = 'uri';
  }
  if (column.required) constraints.required = true;
  if (column.type === 'date') constraints.pattern = PARTIAL_DATE_PATTERN;
  else if (column.pattern !== undefined && !isList(column)) constraints.pattern = column.pattern;
  if (column.values !== undefined && !isList(column)) constraints.enum = [...column.values];
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  return field;
}

export function tableSchema(table: TableSchema): JsonObject {
  const schema: JsonObject = {
    $schema: TABLE_SCHEMA_PROFILE,
    fields: table.columns.map(dataPackageField),
    missingValues: [''],
  };
  if (table.primaryKey !== undefined) schema.primaryKey = [table.primaryKey];
  if (table.foreignKeys?.length) {
    schema.foreignKeys = table.foreignKeys.map((fk) => ({
      fields: [fk.column],
      reference: { resource: tableByName(fk.references.table).name, fields: [fk.references.column] },
    }));
  }
  return schema;
}

/** A resource name: lower-case letters, digits, "-", "_" and "."; the table name for a CSV. */
const resourceName = (file: FileFacts): string => file.table?.name ?? file.path.toLowerCase().replace(/[^a-z0-9._-]/g, '-');

function resource(file: FileFacts): JsonObject {
  const out: JsonObject = {
    name: resourceName(file),
    type: file.table ? 'table' : undefined,
    path: file.path,
    scheme: 'file',
    format: file.table ? 'csv' : file.mediaType === 'application/ld+json' ? 'jsonld' : 'json',
    mediatype: file.mediaType,
    encoding: 'utf-8',
    bytes: file.bytes,
    hash: `sha256:${file.sha256}`,
    title: file.table?.title ?? file.path,
    description: file.table ? `${file.table.description} ${SPREADSHEET_NOTE}` : file.description,
  };
  if (file.table) {
    out.dialect = { $schema: TABLE_DIALECT_PROFILE, header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true };
    out.schema = tableSchema(file.table);
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

export function dataPackage(dataFiles: readonly FileFacts[], options: PublicationOptions & { readonly version: string }): JsonObject {
  const { baseUri, license, publisher, landingPage } = resolvedPublication(options);
  const pkg: JsonObject = {
    $schema: DATA_PACKAGE_PROFILE,
    name: 'entente',
    id: catalogIds(baseUri).dataset,
    title: DATASET_TITLE,
    description: DATASET_DESCRIPTION,
    version: options.version,
    keywords: KEYWORDS,
    licenses: [{ name: license.id, path: license.url, title: license.title }],
    contributors: [{ title: publisher.name, roles: ['creator', 'publisher'], ...(publisher.url === undefined ? {} : { path: publisher.url }) }],
    sources: ATTRIBUTIONS.map((a) => ({ title: a.name, path: a.url })),
    resources: dataFiles.map(resource),
  };
  if (landingPage !== undefined) pkg.homepage = landingPage;
  return pkg;
}

export function dataPackageJson(dataFiles: readonly FileFacts[], options: PublicationOptions & { readonly version: string }): string {
  return `${JSON.stringify(dataPackage(dataFiles, options), null, 2)}\n`;
}
