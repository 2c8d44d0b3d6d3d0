import type { Rejection } from '../article/article.js';
import { fuseRecords } from '../records/fusion.js';
import type { ArticleRecords } from '../records/records.js';
import type { Storage } from '../storage/storage.js';
import type { FileFacts, PublicationOptions } from './catalog.js';
import { ATTRIBUTIONS, catalogDocument, catalogJsonLd, coverage, DATASET_DESCRIPTION, DATASET_TITLE, fileFacts, publicationVersion, resolvedPublication } from './catalog.js';
import { eventsFromRows, renderLandingPage } from './landing-page.js';
import { toCsv } from './csv.js';
import { csvwFileName, csvwJson } from './csvw.js';
import { dataPackageJson } from './datapackage.js';
import type { JsonLdOptions } from './jsonld.js';
import { agreementsJsonLd, eventsJsonLd } from './jsonld.js';
import { AGREEMENTS_PARTITIONS, EVENTS_PARTITIONS, writePartitions } from './partitions.js';
import { toTableRows } from './rows.js';
import type { Row, TableSchema } from './schema.js';
import { AGREEMENTS_TABLE, ARTICLES_TABLE, EVENTS_TABLE, MENTIONS_TABLE, REJECTED_TABLE } from './schema.js';

export interface PublishedFile {
  readonly key: string;
  readonly bytes: number;
  readonly rows?: number;
  /** Hex SHA-256 of the bytes written. */
  readonly sha256?: string;
}

export interface DatasetSummary {
  readonly articles: number;
  readonly events: number;
  readonly agreements: number;
  readonly rejected: number;
  readonly files: readonly PublishedFile[];
}

export const DATA_PACKAGE_FILE = 'datapackage.json';
export const CATALOG_FILE = 'catalog.jsonld';
export const LANDING_PAGE_FILE = 'index.html';

const CSV = 'text/csv; charset=utf-8';
const JSON_LD = 'application/ld+json';
const JSON_TYPE = 'application/json';
const HTML = 'text/html; charset=utf-8';

interface Output {
  readonly key: string;
  readonly body: string;
  readonly contentType: string;
  readonly description: string;
  readonly rows?: number;
  readonly table?: TableSchema;
}

const csvOutput = (table: TableSchema, rows: readonly Row[]): Output => ({
  key: table.file,
  body: toCsv(table, rows),
  contentType: CSV,
  description: table.description,
  rows: rows.length,
  table,
});

export type WriteDatasetsOptions = JsonLdOptions &
  Omit<PublicationOptions, 'baseUri'> & { readonly prefix?: string; readonly cacheControl?: string };

/**
 * Writes every published file under `prefix` of `storage`, in three steps: the data
 * files (and the monthly partitions of events and agreements that changed, see
 * partitions.ts); then the metadata that describes them (CSVW table descriptions, datapackage.json
 * with their sizes and hashes); then catalog.jsonld, last, once every file it lists is
 * in place; index.html, the landing page, after it.
 */
export async function writeDatasets(
  articles: readonly ArticleRecords[],
  rejections: readonly Rejection[],
  storage: Storage,
  options: WriteDatasetsOptions,
): Promise<DatasetSummary> {
  const prefix = options.prefix ?? '';
  const publication = resolvedPublication(options);
  // One row per real-world event: reports of it in several articles are fused first.
  const fused = fuseRecords(articles);
  const rows = toTableRows(fused, articles, rejections);
  const files: PublishedFile[] = [];
  const put = async (output: Output): Promise<FileFacts> => {
    const key = `${prefix}${output.key}`;
    await storage.put(key, output.body, { contentType: output.contentType, cacheControl: options.cacheControl });
    const facts = fileFacts(output.key, output.body, output.contentType.split(';')[0] ?? output.contentType, output.description, { rows: output.rows, table: output.table });
    files.push({ key, bytes: facts.bytes, rows: output.rows, sha256: facts.sha256 });
    return facts;
  };

  const data: Output[] = [
    csvOutput(EVENTS_TABLE, rows.events),
    csvOutput(AGREEMENTS_TABLE, rows.agreements),
    csvOutput(REJECTED_TABLE, rows.rejected),
    csvOutput(MENTIONS_TABLE, rows.mentions),
    { key: 'events.jsonld', body: eventsJsonLd(fused, options), contentType: JSON_LD, description: 'The events as schema.org Event nodes (JSON-LD, context embedded).' },
    { key: 'agreements.jsonld', body: agreementsJsonLd(fused, options), contentType: JSON_LD, description: 'The agreements as schema.org Legislation nodes (JSON-LD, context embedded).' },
    // The index of what was read goes last: whoever sees a new articles.csv finds rows for every article in it.
    csvOutput(ARTICLES_TABLE, rows.articles),
  ];
  const dataFiles: FileFacts[] = [];
  for (const output of data) dataFiles.push(await put(output));

  // Monthly partitions of events and agreements (for Athena), only those whose bytes changed,
  // then partitions.json. They are in the summary, not in the catalog or the data package.
  const partitioned = await writePartitions(new Map([[EVENTS_PARTITIONS, rows.events], [AGREEMENTS_PARTITIONS, rows.agreements]]), storage, {
    prefix,
    cacheControl: options.cacheControl,
  });
  files.push(...partitioned.written);

  const version = publicationVersion({ rows, dataFiles });
  const metadata: Output[] = [
    ...data.flatMap((o): Output[] =>
      o.table
        ? [{ key: csvwFileName(o.table), body: csvwJson(o.table, { baseUri: publication.baseUri, license: publication.license.url }), contentType: JSON_TYPE, description: `W3C CSVW table description of ${o.table.file}.` }]
        : [],
    ),
    { key: DATA_PACKAGE_FILE, body: dataPackageJson(dataFiles, { ...publication, version }), contentType: JSON_TYPE, description: 'Frictionless Data Package (v2) of the data files.' },
  ];
  const metadataFiles: FileFacts[] = [];
  for (const output of metadata) metadataFiles.push(await put(output));

  const catalog = catalogDocument({ rows, dataFiles, metadataFiles }, publication);
  const catalogFile = await put({
    key: CATALOG_FILE,
    body: catalogJsonLd(catalog),
    contentType: JSON_LD,
    description: 'schema.org and DCAT description of the dataset and its files.',
  });

  // The page a person lands on, after everything it lists; it embeds the catalog, so the
  // catalog does not list it (each would depend on the other's hash).
  await put({
    key: LANDING_PAGE_FILE,
    body: renderLandingPage({
      title: DATASET_TITLE,
      description: DATASET_DESCRIPTION,
      version,
      license: { name: publication.license.title, url: publication.license.url },
      lastUpdated: coverage(rows).dataDate ?? '',
      identifier: publication.baseUri,
      downloadBase: publication.publicUrl,
      files: [...dataFiles, ...metadataFiles, catalogFile].map((f) => ({ key: f.path, bytes: f.bytes, rows: f.rows, contentType: f.mediaType, description: f.description })),
      events: eventsFromRows(rows.events),
      jsonLd: catalog,
      attributions: ATTRIBUTIONS.map((a) => ({ name: a.name, url: a.url })),
    }),
    contentType: HTML,
    description: 'The landing page: what the data is, its files, columns, figures, how to cite and query it.',
  });

  return {
    articles: rows.articles.length,
    events: rows.events.length,
    agreements: rows.agreements.length,
    rejected: rows.rejected.length,
    files,
  };
}
