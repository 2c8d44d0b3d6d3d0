/**
 * The one column list of every published table. The CSV writers, the JSON-LD mapping
 * and the docs read it; no other module spells a column name. Columns may be added at the
 * end of a table, never renamed or dropped (../DATASET-CONTRACT.md).
 */
export type ColumnType = 'string' | 'date' | 'integer' | 'decimal' | 'code-list' | 'string-list';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
}

export interface TableSchema {
  readonly name: 'events' | 'agreements' | 'articles' | 'rejected';
  readonly file: string;
  readonly primaryKey?: string;
  readonly columns: readonly Column[];
}

const col = (name: string, type: ColumnType, description: string): Column => ({ name, type, description });

export const EVENTS_TABLE: TableSchema = {
  name: 'events',
  file: 'events.csv',
  primaryKey: 'event_id',
  columns: [
    col('event_id', 'string', 'Stable identifier: the same event from the same sources gets the same id on every run.'),
    col('event_type', 'string', 'visit, meeting, call, signing or press_conference.'),
    col('cameo_code', 'string', 'CAMEO code of the event type (042 visit, 040 meeting, 041 call, 057 signing, 010 press conference).'),
    col('date', 'date', 'When it happened, ISO 8601 at the precision the source supports (YYYY, YYYY-MM or YYYY-MM-DD).'),
    col('participants', 'code-list', 'Countries (ISO 3166-1 alpha-3) and organisations (CAMEO codes) involved, ";"-separated, sorted.'),
    col('actor1_name', 'string', 'Initiator: for a visit, the visitor; the person when named, else the country.'),
    col('actor1_country', 'string', 'Country or organisation code of actor 1.'),
    col('actor2_name', 'string', 'Counterpart: for a visit, the host.'),
    col('actor2_country', 'string', 'Country or organisation code of actor 2.'),
    col('people', 'string-list', 'Named officials taking part, ";"-separated, as written in the article.'),
    col('location_city', 'string', 'City where it happened (English exonym).'),
    col('location_country', 'string', 'Country where it happened (ISO3).'),
    col('latitude', 'decimal', 'Latitude of the city (WGS84), from GeoNames.'),
    col('longitude', 'decimal', 'Longitude of the city (WGS84), from GeoNames.'),
    col('evidence', 'string', 'The sentence(s) the event was read from, joined by " … ".'),
    col('language', 'string', 'ISO 639-1 code of the source article.'),
    col('source_keys', 'string-list', 'Object keys (or paths relative to the input folder) of the articles that report it.'),
    col('article_ids', 'string-list', 'Ids of the articles (articles.csv) that report it.'),
    col('evidence_offsets', 'string-list', 'start-end character offsets of each evidence sentence in the normalised article text.'),
  ],
};

export const AGREEMENTS_TABLE: TableSchema = {
  name: 'agreements',
  file: 'agreements.csv',
  primaryKey: 'agreement_id',
  columns: [
    col('agreement_id', 'string', 'Stable identifier.'),
    col('title', 'string', 'The agreement as reported (normalised, source language); "unspecified" when only counted.'),
    col('topic', 'string', 'visa, consultation, trade, investment, economic, energy, defense, security, judicial, education, culture, health, science, transport, agriculture, environment, tourism, migration, taxation, communication, youth_sports, peace, other or unspecified.'),
    col('parties', 'code-list', 'Countries / organisations bound by it, ";"-separated, sorted.'),
    col('signatories', 'string-list', 'People who signed, ";"-separated.'),
    col('date_signed', 'date', 'When it was signed (or announced), ISO 8601 at the precision the source supports.'),
    col('place_city', 'string', 'City where it was signed (English exonym).'),
    col('place_country', 'string', 'Country where it was signed (ISO3).'),
    col('status', 'string', 'signed, announced, ratified or in_force.'),
    col('signing_event_id', 'string', 'The signing event (events.csv) it belongs to, when there is one.'),
    col('evidence', 'string', 'The sentence(s) the agreement was read from.'),
    col('language', 'string', 'ISO 639-1 code of the source article.'),
    col('source_keys', 'string-list', 'Object keys of the articles that report it.'),
    col('article_ids', 'string-list', 'Ids of the articles (articles.csv) that report it.'),
    col('evidence_offsets', 'string-list', 'start-end character offsets of each evidence sentence in the normalised article text.'),
  ],
};

export const ARTICLES_TABLE: TableSchema = {
  name: 'articles',
  file: 'articles.csv',
  primaryKey: 'article_id',
  columns: [
    col('article_id', 'string', 'Content-derived id: the same text, date and language give the same id under any key.'),
    col('source_key', 'string-list', 'Object key(s) or relative path(s) the article was read from, ";"-separated.'),
    col('title', 'string', 'Title, when the source gives one.'),
    col('published', 'date', 'Publication date at the precision the source gives.'),
    col('language', 'string', 'ISO 639-1 code; "und" when it cannot be told.'),
    col('url', 'string', 'Canonical URL, when the source gives one.'),
    col('sha256', 'string', 'SHA-256 of the normalised text.'),
    col('event_count', 'integer', 'Events read from this article.'),
    col('agreement_count', 'integer', 'Agreements read from this article.'),
    col('format', 'string', 'seed-text, plain-text, json, jsonl or html.'),
    col('language_source', 'string', 'metadata when the source states the language, detected otherwise.'),
    col('extracted', 'string', 'yes when the language is one the extractor reads (fr, en); no when the article was only listed.'),
  ],
};

export const REJECTED_TABLE: TableSchema = {
  name: 'rejected',
  file: 'rejected.csv',
  columns: [
    col('source_key', 'string', 'The object or file that could not be read.'),
    col('reason', 'string', 'empty, binary, invalid-utf8, malformed-json, invalid-article, unknown-extension or too-large.'),
    col('message', 'string', 'What was wrong and where.'),
    col('line', 'integer', '1-based line, when the reason has one.'),
    col('column', 'integer', '1-based column, when the reason has one.'),
  ],
};

export const TABLES = [EVENTS_TABLE, AGREEMENTS_TABLE, ARTICLES_TABLE, REJECTED_TABLE] as const;

/** A row as written: every cell already a string (lists joined, numbers formatted). */
export type Row = Readonly<Record<string, string>>;

export function columnNames(table: TableSchema): string[] {
  return table.columns.map((c) => c.name);
}
