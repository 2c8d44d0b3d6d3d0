import pkg from '../../package.json' with { type: 'json' };

/**
 * Versions of what is published, each kept in one place:
 *   - EXTRACTOR_VERSION: the package version, stamped on every event and agreement row;
 *   - SCHEMA_VERSION: the version of the column specification (schema.ts), raised with an
 *     entry in SCHEMA_CHANGELOG whenever a column or table is added;
 *   - the dataset version: derived from the schema version, the newest date in the data
 *     and a hash of the data files, so the same data always carries the same version.
 */
export const EXTRACTOR_VERSION: string = pkg.version;

export interface SchemaChange {
  /** `major.minor`: the minor part grows when columns are added, the major one would if any were renamed or dropped (never, per the contract). */
  readonly version: string;
  /** The extractor version that first published it. */
  readonly extractorVersion: string;
  readonly summary: string;
  /** Columns this version added, per table name (a new table lists all its columns). */
  readonly added: Readonly<Record<string, readonly string[]>>;
}

/** Oldest first. A test checks that every column of schema.ts beyond dataset contract v1 is named here. */
export const SCHEMA_CHANGELOG: readonly SchemaChange[] = [
  {
    version: '1.0',
    extractorVersion: '0.1.0',
    summary: 'events.csv, agreements.csv and articles.csv as in dataset contract v1; rejected.csv.',
    added: {},
  },
  {
    version: '1.1',
    extractorVersion: '0.1.0',
    summary: 'Rows link back to their articles and sentences and name the extractor version that read them; articles tell how they were read.',
    added: {
      events: ['article_ids', 'evidence_offsets', 'extractor_version'],
      agreements: ['article_ids', 'evidence_offsets', 'extractor_version'],
      articles: ['format', 'language_source', 'extracted'],
    },
  },
  {
    version: '1.2',
    extractorVersion: '0.1.0',
    summary:
      'Events and agreements are fused across articles (one row per real-world event, every source listed), with sub-events, crosswalks (PLOVER, Goldstein, Wikidata, GeoNames) and mentions.csv linking every row to its sentences in each article.',
    added: {
      events: ['source_count', 'source_urls', 'certainty', 'parent_event_id', 'plover_event_type', 'plover_mode', 'goldstein_scale', 'participants_wikidata', 'actor1_wikidata', 'actor2_wikidata', 'location_country_wikidata', 'location_geonames_id'],
      agreements: ['source_count', 'source_urls', 'parties_wikidata', 'place_country_wikidata', 'place_geonames_id'],
      mentions: ['mention_id', 'record_type', 'event_id', 'agreement_id', 'article_id', 'sentence_offsets', 'evidence'],
    },
  },
];

const latest = SCHEMA_CHANGELOG[SCHEMA_CHANGELOG.length - 1];
export const SCHEMA_VERSION: string = latest?.version ?? '1.0';

/**
 * `<schema major>.<schema minor>.<YYYYMMDD of the newest data date>+<12 hex of the data hash>`,
 * a valid semantic version: it sorts by schema, then by how recent the data is, and two
 * publications of different data never share it. No clock is read.
 */
export function datasetVersion(dataDate: string | undefined, dataSha256: string): string {
  const patch = dataDate === undefined ? '0' : String(Number.parseInt(`${dataDate}-00-00`.slice(0, 10).replaceAll('-', ''), 10));
  return `${SCHEMA_VERSION}.${patch}+${dataSha256.slice(0, 12)}`;
}
