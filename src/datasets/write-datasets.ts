import type { Rejection } from '../article/article.js';
import type { ArticleRecords } from '../records/records.js';
import type { Storage } from '../storage/storage.js';
import { toCsv } from './csv.js';
import type { JsonLdOptions } from './jsonld.js';
import { agreementsJsonLd, eventsJsonLd } from './jsonld.js';
import { toTableRows } from './rows.js';
import { AGREEMENTS_TABLE, ARTICLES_TABLE, EVENTS_TABLE, REJECTED_TABLE } from './schema.js';

export interface PublishedFile {
  readonly key: string;
  readonly bytes: number;
  readonly rows?: number;
}

export interface DatasetSummary {
  readonly articles: number;
  readonly events: number;
  readonly agreements: number;
  readonly rejected: number;
  readonly files: readonly PublishedFile[];
}

const CSV = 'text/csv; charset=utf-8';
const JSON_LD = 'application/ld+json';

/**
 * Writes every published file under `prefix` of `storage`. Data files first; a later
 * catalog (written last) may then describe files that are all in place.
 */
export async function writeDatasets(
  articles: readonly ArticleRecords[],
  rejections: readonly Rejection[],
  storage: Storage,
  options: JsonLdOptions & { readonly prefix?: string; readonly cacheControl?: string },
): Promise<DatasetSummary> {
  const prefix = options.prefix ?? '';
  const rows = toTableRows(articles, rejections);
  const outputs: { key: string; body: string; contentType: string; rows?: number }[] = [
    { key: EVENTS_TABLE.file, body: toCsv(EVENTS_TABLE, rows.events), contentType: CSV, rows: rows.events.length },
    { key: AGREEMENTS_TABLE.file, body: toCsv(AGREEMENTS_TABLE, rows.agreements), contentType: CSV, rows: rows.agreements.length },
    { key: REJECTED_TABLE.file, body: toCsv(REJECTED_TABLE, rows.rejected), contentType: CSV, rows: rows.rejected.length },
    { key: 'events.jsonld', body: eventsJsonLd(articles, options), contentType: JSON_LD },
    { key: 'agreements.jsonld', body: agreementsJsonLd(articles, options), contentType: JSON_LD },
    // The index of what was read goes last: whoever sees a new articles.csv finds rows for every article in it.
    { key: ARTICLES_TABLE.file, body: toCsv(ARTICLES_TABLE, rows.articles), contentType: CSV, rows: rows.articles.length },
  ];
  const files: PublishedFile[] = [];
  for (const output of outputs) {
    const key = `${prefix}${output.key}`;
    await storage.put(key, output.body, { contentType: output.contentType, cacheControl: options.cacheControl });
    files.push({ key, bytes: Buffer.byteLength(output.body), rows: output.rows });
  }
  return {
    articles: rows.articles.length,
    events: rows.events.length,
    agreements: rows.agreements.length,
    rejected: rows.rejected.length,
    files,
  };
}
