import { REJECTION_REASONS } from '../article/article.js';
import type { AgreementStatus, AgreementTopic } from '../extract/types.js';
import { EVENT_TYPES } from '../extract/types.js';

/**
 * The one column list of every published table. The CSV writers, the CSVW and Data
 * Package metadata, the catalog and the docs read it; no other module spells a column
 * list. Columns may be added at the end of a table, never renamed or dropped
 * (../DATASET-CONTRACT.md); every addition gets an entry in version.ts's SCHEMA_CHANGELOG.
 */
export type ColumnType = 'string' | 'date' | 'integer' | 'decimal' | 'code-list' | 'string-list';

export type TableName = 'events' | 'agreements' | 'articles' | 'rejected' | 'mentions';

/** What the catalog reads from a column: the period the data covers, the countries it covers, the date the data is as of. */
export type CoverageRole = 'temporal' | 'spatial' | 'modified';

export interface ColumnOptions {
  /** Every row has a value (an empty cell is an error). */
  readonly required?: boolean;
  /**
   * The RDF property of the cell, as `schema:term` (https://schema.org/) or
   * `entente:term` (the project vocabulary, `${baseUri}vocab#`). Default: `entente:<camelCaseName>`.
   */
  readonly property?: string;
  /**
   * For cells that name a node: an RFC 6570 URI template, relative to the base URI
   * (`actors/{participants}`) unless it starts with `{+` (`{+url}`). For list columns it
   * applies to each item.
   */
  readonly valueUrl?: string;
  /** The closed list of values a cell (each item, for lists) may take. */
  readonly values?: readonly string[];
  /** A regular expression every value (each item, for lists) matches. */
  readonly pattern?: string;
  readonly coverage?: CoverageRole;
}

export interface Column extends ColumnOptions {
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
}

export interface ForeignKey {
  /** A column of this table; for a list column, every item must be found. */
  readonly column: string;
  readonly references: { readonly table: TableName; readonly column: string };
}

export interface TableSchema {
  readonly name: TableName;
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly primaryKey?: string;
  /** URI template of the node a row describes, relative to the base URI (`events/{event_id}`). */
  readonly aboutUrl?: string;
  /** The class of that node, as `schema:Class` or `entente:Class`. */
  readonly rdfType?: string;
  readonly foreignKeys?: readonly ForeignKey[];
  readonly columns: readonly Column[];
}

/** ISO 8601 at the precision the source supports: `2022`, `2022-08` or `2022-08-14`. */
export const PARTIAL_DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
/** The separator of list cells. */
export const LIST_SEPARATOR = ';';

export const AGREEMENT_TOPICS = [
  'visa', 'consultation', 'trade', 'investment', 'economic', 'energy', 'defense', 'security', 'judicial', 'education',
  'culture', 'health', 'science', 'transport', 'agriculture', 'environment', 'tourism', 'migration', 'taxation',
  'communication', 'youth_sports', 'peace', 'other', 'unspecified',
] as const satisfies readonly AgreementTopic[];
export const AGREEMENT_STATUSES = ['signed', 'announced', 'ratified', 'in_force'] as const satisfies readonly AgreementStatus[];
// Compile-time guards: a topic or status added to the extractor's types must be added above.
const _everyTopic: Exclude<AgreementTopic, (typeof AGREEMENT_TOPICS)[number]> extends never ? true : false = true;
const _everyStatus: Exclude<AgreementStatus, (typeof AGREEMENT_STATUSES)[number]> extends never ? true : false = true;
void _everyTopic;
void _everyStatus;

const col = (name: string, type: ColumnType, description: string, options: ColumnOptions = {}): Column => ({ name, type, description, ...options });

/** ISO3, or an organisation code (CAMEO's, or the project's: BRICS, G20, MERCOSUR). */
const CODE = '^[A-Z][A-Z0-9]{1,9}$';
const WIKIDATA = '^Q[1-9]\\d*$';
const ISO639 = '^[a-z]{2,3}$';
const OFFSETS = '^\\d+-\\d+$';

export const EVENTS_TABLE: TableSchema = {
  name: 'events',
  file: 'events.csv',
  title: 'Diplomatic events',
  description: 'One row per event (visit, meeting, call, signing, press conference) read from the news articles.',
  primaryKey: 'event_id',
  aboutUrl: 'events/{event_id}',
  rdfType: 'schema:Event',
  foreignKeys: [
    { column: 'article_ids', references: { table: 'articles', column: 'article_id' } },
    { column: 'parent_event_id', references: { table: 'events', column: 'event_id' } },
  ],
  columns: [
    col('event_id', 'string', 'Stable identifier: the same event from the same sources gets the same id on every run.', { required: true, property: 'schema:identifier' }),
    col('event_type', 'string', 'visit, meeting, call, signing or press_conference.', { required: true, values: EVENT_TYPES }),
    col('cameo_code', 'string', 'CAMEO code of the event type (042 visit, 040 meeting, 041 call, 057 signing, 010 press conference).', { required: true, pattern: '^\\d{3,4}$' }),
    col('date', 'date', 'When it happened, ISO 8601 at the precision the source supports (YYYY, YYYY-MM or YYYY-MM-DD).', { property: 'schema:startDate', coverage: 'temporal' }),
    col('participants', 'code-list', 'Countries (ISO 3166-1 alpha-3) and organisations (CAMEO codes) involved, ";"-separated, sorted.', { property: 'entente:participant', valueUrl: 'actors/{participants}', pattern: CODE }),
    col('actor1_name', 'string', 'Initiator: for a visit, the visitor; the person when named, else the country.', { property: 'entente:actorName' }),
    col('actor1_country', 'string', 'Country or organisation code of actor 1.', { property: 'entente:actor', valueUrl: 'actors/{actor1_country}', pattern: CODE }),
    col('actor2_name', 'string', 'Counterpart: for a visit, the host.', { property: 'entente:counterpartName' }),
    col('actor2_country', 'string', 'Country or organisation code of actor 2.', { property: 'entente:counterpart', valueUrl: 'actors/{actor2_country}', pattern: CODE }),
    col('people', 'string-list', 'Named officials taking part, ";"-separated, as written in the article.', { property: 'entente:attendeeName' }),
    col('location_city', 'string', 'City where it happened (English exonym).'),
    col('location_country', 'string', 'Country where it happened (ISO3).', { valueUrl: 'actors/{location_country}', pattern: CODE, coverage: 'spatial' }),
    col('latitude', 'decimal', 'Latitude of the city (WGS84), from GeoNames.'),
    col('longitude', 'decimal', 'Longitude of the city (WGS84), from GeoNames.'),
    col('evidence', 'string', 'The sentence(s) the event was read from, joined by " … ".', { required: true, property: 'entente:evidenceText' }),
    col('language', 'string', 'ISO 639-1 code of the source article.', { required: true, property: 'schema:inLanguage', pattern: ISO639 }),
    col('source_keys', 'string-list', 'Object keys (or paths relative to the input folder) of the articles that report it.', { required: true, property: 'entente:sourceKey' }),
    col('article_ids', 'string-list', 'Ids of the articles (articles.csv) that report it.', { required: true, property: 'entente:article', valueUrl: 'articles/{article_ids}' }),
    col('evidence_offsets', 'string-list', 'start-end character offsets of each evidence sentence in the normalised article text.', { pattern: OFFSETS }),
    col('extractor_version', 'string', 'Version of the Entente extractor that read the row.', { required: true }),
    col('source_count', 'integer', 'Number of distinct articles that report it (src/records/fusion.ts says when reports are one event).', { required: true }),
    col('source_urls', 'string-list', 'URLs of the reporting articles that give one, in article_ids order.', { property: 'schema:url' }),
    col('certainty', 'string', 'How the sources state it: reported (the extractor keeps only events told as having happened).', { required: true, values: ['reported'] }),
    col('parent_event_id', 'string', 'The visit it was held during, for meetings, signings and press conferences on a trip.', { property: 'schema:superEvent', valueUrl: 'events/{parent_event_id}' }),
    col('plover_event_type', 'string', 'PLOVER event type (CONSULT, SUPPORT, …) of the CAMEO code; empty where PLOVER has none (press conferences).'),
    col('plover_mode', 'string', 'PLOVER mode (visit, phone, third-party) when the CAMEO code implies one.'),
    col('goldstein_scale', 'decimal', 'Goldstein (1992) score of the CAMEO code, as in GDELT\'s CAMEO Goldstein table (-10 conflict … +10 cooperation).'),
    col('participants_wikidata', 'string-list', 'Wikidata ids of the participating countries, in participants order (organisations have none here).', { pattern: WIKIDATA }),
    col('actor1_wikidata', 'string', 'Wikidata id of actor 1\'s country.', { pattern: WIKIDATA }),
    col('actor2_wikidata', 'string', 'Wikidata id of actor 2\'s country.', { pattern: WIKIDATA }),
    col('location_country_wikidata', 'string', 'Wikidata id of the country where it happened.', { pattern: WIKIDATA }),
    col('location_geonames_id', 'integer', 'GeoNames id of the city where it happened.'),
  ],
};

export const AGREEMENTS_TABLE: TableSchema = {
  name: 'agreements',
  file: 'agreements.csv',
  title: 'International agreements',
  description: 'One row per agreement (treaty, memorandum, accord) reported signed, announced, ratified or in force.',
  primaryKey: 'agreement_id',
  aboutUrl: 'agreements/{agreement_id}',
  rdfType: 'schema:Legislation',
  foreignKeys: [
    { column: 'signing_event_id', references: { table: 'events', column: 'event_id' } },
    { column: 'article_ids', references: { table: 'articles', column: 'article_id' } },
  ],
  columns: [
    col('agreement_id', 'string', 'Stable identifier.', { required: true, property: 'schema:identifier' }),
    col('title', 'string', 'The agreement as reported (normalised, source language); "unspecified" when only counted.', { required: true, property: 'schema:name' }),
    col('topic', 'string', `${AGREEMENT_TOPICS.slice(0, -1).join(', ')} or ${AGREEMENT_TOPICS[AGREEMENT_TOPICS.length - 1]}.`, { required: true, values: AGREEMENT_TOPICS }),
    col('parties', 'code-list', 'Countries / organisations bound by it, ";"-separated, sorted.', { property: 'entente:party', valueUrl: 'actors/{parties}', pattern: CODE }),
    col('signatories', 'string-list', 'People who signed, ";"-separated.', { property: 'entente:signatoryName' }),
    col('date_signed', 'date', 'When it was signed (or announced), ISO 8601 at the precision the source supports.', { property: 'schema:legislationDate', coverage: 'temporal' }),
    col('place_city', 'string', 'City where it was signed (English exonym).'),
    col('place_country', 'string', 'Country where it was signed (ISO3).', { valueUrl: 'actors/{place_country}', pattern: CODE, coverage: 'spatial' }),
    col('status', 'string', `${AGREEMENT_STATUSES.slice(0, -1).join(', ')} or ${AGREEMENT_STATUSES[AGREEMENT_STATUSES.length - 1]}.`, { required: true, values: AGREEMENT_STATUSES }),
    col('signing_event_id', 'string', 'The signing event (events.csv) it belongs to, when there is one.', { property: 'entente:signingEvent', valueUrl: 'events/{signing_event_id}' }),
    col('evidence', 'string', 'The sentence(s) the agreement was read from.', { required: true, property: 'entente:evidenceText' }),
    col('language', 'string', 'ISO 639-1 code of the source article.', { required: true, property: 'schema:inLanguage', pattern: ISO639 }),
    col('source_keys', 'string-list', 'Object keys of the articles that report it.', { required: true, property: 'entente:sourceKey' }),
    col('article_ids', 'string-list', 'Ids of the articles (articles.csv) that report it.', { required: true, property: 'entente:article', valueUrl: 'articles/{article_ids}' }),
    col('evidence_offsets', 'string-list', 'start-end character offsets of each evidence sentence in the normalised article text.', { pattern: OFFSETS }),
    col('extractor_version', 'string', 'Version of the Entente extractor that read the row.', { required: true }),
    col('source_count', 'integer', 'Number of distinct articles that report it.', { required: true }),
    col('source_urls', 'string-list', 'URLs of the reporting articles that give one, in article_ids order.', { property: 'schema:url' }),
    col('parties_wikidata', 'string-list', 'Wikidata ids of the countries among the parties, in parties order.', { pattern: WIKIDATA }),
    col('place_country_wikidata', 'string', 'Wikidata id of the country where it was signed.', { pattern: WIKIDATA }),
    col('place_geonames_id', 'integer', 'GeoNames id of the city where it was signed.'),
  ],
};

export const ARTICLES_TABLE: TableSchema = {
  name: 'articles',
  file: 'articles.csv',
  title: 'Articles read',
  description: 'One row per processed article: where it was read from, what it is, and how many rows it gave (provenance).',
  primaryKey: 'article_id',
  aboutUrl: 'articles/{article_id}',
  rdfType: 'schema:NewsArticle',
  columns: [
    col('article_id', 'string', 'Content-derived id: the same text, date and language give the same id under any key.', { required: true, property: 'schema:identifier' }),
    col('source_key', 'string-list', 'Object key(s) or relative path(s) the article was read from, ";"-separated.', { required: true, property: 'entente:sourceKey' }),
    col('title', 'string', 'Title, when the source gives one.', { property: 'schema:headline' }),
    col('published', 'date', 'Publication date at the precision the source gives.', { property: 'schema:datePublished', coverage: 'modified' }),
    col('language', 'string', 'ISO 639-1 code; "und" when it cannot be told.', { required: true, property: 'schema:inLanguage', pattern: ISO639 }),
    col('url', 'string', 'Canonical URL, when the source gives one.', { property: 'schema:url', valueUrl: '{+url}' }),
    col('sha256', 'string', 'SHA-256 of the normalised text.', { required: true, property: 'entente:textSha256', pattern: '^[0-9a-f]{64}$' }),
    col('event_count', 'integer', 'Events read from this article.', { required: true }),
    col('agreement_count', 'integer', 'Agreements read from this article.', { required: true }),
    col('format', 'string', 'seed-text, plain-text, json, jsonl or html.', { required: true }),
    col('language_source', 'string', 'metadata when the source states the language, detected otherwise.', { required: true, values: ['metadata', 'detected'] }),
    col('extracted', 'string', 'yes when the language is one the extractor reads (fr, en); no when the article was only listed.', { required: true, values: ['yes', 'no'] }),
  ],
};

export const REJECTED_TABLE: TableSchema = {
  name: 'rejected',
  file: 'rejected.csv',
  title: 'Rejected inputs',
  description: 'One row per input that could not be read as an article, with the reason.',
  columns: [
    col('source_key', 'string', 'The object or file that could not be read.', { required: true, property: 'entente:sourceKey' }),
    col('reason', 'string', `Why, one of: ${REJECTION_REASONS.join(', ')} (README, "Accepted input", says what each means).`, { required: true }),
    col('message', 'string', 'What was wrong and where.', { required: true, property: 'schema:description' }),
    col('line', 'integer', '1-based line, when the reason has one.'),
    col('column', 'integer', '1-based column, when the reason has one.'),
  ],
};

export const MENTIONS_TABLE: TableSchema = {
  name: 'mentions',
  file: 'mentions.csv',
  title: 'Mentions',
  description: 'One row per (event or agreement, article): the link from every published row back to the sentences it was read from in each article that reports it.',
  primaryKey: 'mention_id',
  aboutUrl: 'mentions/{mention_id}',
  rdfType: 'entente:Mention',
  foreignKeys: [
    { column: 'event_id', references: { table: 'events', column: 'event_id' } },
    { column: 'agreement_id', references: { table: 'agreements', column: 'agreement_id' } },
    { column: 'article_id', references: { table: 'articles', column: 'article_id' } },
  ],
  columns: [
    col('mention_id', 'string', 'The id the report had in its own article; for the first source, the id of the published row.', { required: true, property: 'schema:identifier' }),
    col('record_type', 'string', 'event or agreement.', { required: true, values: ['event', 'agreement'] }),
    col('event_id', 'string', 'The event (events.csv) mentioned; empty for an agreement.', { property: 'entente:event', valueUrl: 'events/{event_id}' }),
    col('agreement_id', 'string', 'The agreement (agreements.csv) mentioned; empty for an event.', { property: 'entente:agreement', valueUrl: 'agreements/{agreement_id}' }),
    col('article_id', 'string', 'The article (articles.csv) that mentions it.', { required: true, property: 'entente:article', valueUrl: 'articles/{article_id}' }),
    col('sentence_offsets', 'string-list', 'start-end character offsets of each sentence in the normalised article text.', { required: true, pattern: OFFSETS }),
    col('evidence', 'string', 'The sentences, joined by " … ".', { required: true, property: 'entente:evidenceText' }),
  ],
};

export const TABLES = [EVENTS_TABLE, AGREEMENTS_TABLE, ARTICLES_TABLE, REJECTED_TABLE, MENTIONS_TABLE] as const;

/** A row as written: every cell already a string (lists joined, numbers formatted). */
export type Row = Readonly<Record<string, string>>;

export function columnNames(table: TableSchema): string[] {
  return table.columns.map((c) => c.name);
}

export function tableByName(name: TableName): TableSchema {
  const table = TABLES.find((t) => t.name === name);
  if (!table) throw new RangeError(`no table ${name}`);
  return table;
}

export const isList = (column: Column): boolean => column.type === 'code-list' || column.type === 'string-list';
export const isNumeric = (column: Column): boolean => column.type === 'integer' || column.type === 'decimal';

/** The items of a cell: a list cell split on ";", another cell as itself; an empty cell has none. */
export function cellValues(column: Column, cell: string): string[] {
  if (cell === '') return [];
  return isList(column) ? cell.split(LIST_SEPARATOR) : [cell];
}

const camelCase = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The column's property as a compact IRI (`schema:startDate`, `entente:cameoCode`). */
export const columnProperty = (column: Column): string => column.property ?? `entente:${camelCase(column.name)}`;

/** `schema:x` → `https://schema.org/x`, `entente:x` → `${baseUri}vocab#x`; anything else as given. */
export function expandIri(compact: string, baseUri: string): string {
  if (compact.startsWith('schema:')) return `https://schema.org/${compact.slice('schema:'.length)}`;
  if (compact.startsWith('entente:')) return `${baseUri}vocab#${compact.slice('entente:'.length)}`;
  return compact;
}

/** A template of the schema made absolute: relative ones hang off the base URI, `{+…}` ones stay. */
export const expandTemplate = (template: string, baseUri: string): string => (template.startsWith('{+') ? template : `${baseUri}${template}`);

/** The type of a column in words, for the docs and the landing page. */
export function columnTypeLabel(column: Column): string {
  switch (column.type) {
    case 'string':
      return 'text';
    case 'date':
      return 'date (YYYY, YYYY-MM or YYYY-MM-DD)';
    case 'integer':
      return 'integer';
    case 'decimal':
      return 'decimal';
    case 'code-list':
      return 'list of codes, ";"-separated';
    case 'string-list':
      return 'list of texts, ";"-separated';
  }
}

export interface ColumnDoc {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

/** A table's columns as the docs and the landing page show them. */
export function columnDocs(table: TableSchema): ColumnDoc[] {
  return table.columns.map((c) => ({ name: c.name, type: columnTypeLabel(c), required: c.required === true, description: c.description }));
}
