import type { Rejection } from '../article/article.js';
import type { FusedAgreement, FusedEvent } from '../records/fusion.js';
import { parentOf } from '../records/fusion.js';
import type { ArticleRecords } from '../records/records.js';
import type { Storage } from '../storage/storage.js';
import type { FileFacts, PublicationOptions } from './catalog.js';
import { ATTRIBUTIONS, catalogDocument, catalogJsonLd, CoverageAccumulator, DATASET_DESCRIPTION, DATASET_TITLE, fileFacts, publicationVersion, resolvedPublication } from './catalog.js';
import { csvHeader, csvRecords } from './csv.js';
import { csvwFileName, csvwJson } from './csvw.js';
import { dataPackageJson } from './datapackage.js';
import { FileSink } from './file-sink.js';
import type { JsonLdOptions } from './jsonld.js';
import { agreementNode, eventNode, graphClosing, graphNode, graphOpening } from './jsonld.js';
import { ChartEventTally, renderLandingPage } from './landing-page.js';
import { agreementMentions, eventMentions } from './mentions.js';
import { PARTITION_MANIFEST_FILE, PartitionWriter } from './partitions.js';
import { agreementRow, eventRow, joinList, rejectedOrder, rejectedRow } from './rows.js';
import type { Row, TableSchema } from './schema.js';
import { AGREEMENTS_TABLE, ARTICLES_TABLE, EVENTS_TABLE, MENTIONS_TABLE, REJECTED_TABLE } from './schema.js';
import { Spill } from './spill.js';
import { mergeSortedRuns } from './sorted-runs.js';
import type { SpilledEvent } from './fused-scratch.js';
import { ARTICLE_ROWS, DEFAULT_CHUNK_BYTES, FUSED_AGREEMENTS, FUSED_EVENTS, fuseShards, readingKey, readingOrderChunks, scatter } from './fused-scratch.js';

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

export type WriteDatasetsOptions = JsonLdOptions &
  Omit<PublicationOptions, 'baseUri'> & {
    readonly prefix?: string;
    readonly cacheControl?: string;
    /** Where the publication's scratch files go (see spill.ts). @default os.tmpdir() */
    readonly scratchFolder?: string;
    /** Scratch buckets larger than this are split by day and id before they are read (see readingOrderChunks). @default 16 MiB */
    readonly chunkBytes?: number;
  };

const DESCRIPTIONS = {
  eventsJsonLd: 'The events as schema.org Event nodes (JSON-LD, context embedded).',
  agreementsJsonLd: 'The agreements as schema.org Legislation nodes (JSON-LD, context embedded).',
};

/**
 * Writes every published file under `prefix` of `storage`, holding at any time one shard of
 * reports or one scratch bucket of rows, never all of them, however many articles there are:
 *
 *   1. scatter: each article's reports go to scratch shards by event key (type,
 *      participants, direction) or party set, the only reports fusion ever compares
 *      (src/records/fusion.ts), with each report's parent visit as read in its article;
 *      the article's row goes to a shard of its id's first bytes (so shards in order are
 *      articles in id order);
 *   2. fuse each shard; fused rows go to scratch months, and the fused ids of reports that
 *      other rows point at (parent visits, signing events) are kept;
 *   3. month by month, in partition order: the rows, in reading order, go to the monthly
 *      partition (made visible only when its bytes changed, see partitions.ts) and, as a
 *      sorted run, to scratch; then the runs of every partition are merged back into one
 *      reading order (by source articles, then position in the text) for the full files:
 *      events.csv holds exactly the rows of the events partitions, events.jsonld their
 *      nodes, mentions.csv their mentions (the events', then the agreements');
 *   4. rejected.csv, then articles.csv (last of the data: whoever sees a new articles.csv
 *      finds rows for every article in it);
 *   5. partitions.json, the metadata (CSVW, datapackage.json), catalog.jsonld, then
 *      index.html, which embeds the catalog.
 * Full files are written with Storage.openWrite: nothing is visible until one is whole. The
 * figures, coverage and counts the metadata need are tallied on the way.
 */
export async function writeDatasets(
  articles: Iterable<ArticleRecords> | AsyncIterable<ArticleRecords>,
  rejections: readonly Rejection[],
  storage: Storage,
  options: WriteDatasetsOptions,
): Promise<DatasetSummary> {
  const prefix = options.prefix ?? '';
  const publication = resolvedPublication(options);
  const files: PublishedFile[] = [];
  const put = async (output: Output): Promise<FileFacts> => {
    const key = `${prefix}${output.key}`;
    await storage.put(key, output.body, { contentType: output.contentType, cacheControl: options.cacheControl });
    const facts = fileFacts(output.key, output.body, mediaTypeOf(output.contentType), output.description, { rows: output.rows, table: output.table });
    files.push({ key, bytes: facts.bytes, rows: output.rows, sha256: facts.sha256 });
    return facts;
  };

  const spill = new Spill({ parent: options.scratchFolder });
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const sinks: FileSink[] = [];
  const open = async (key: string, contentType: string): Promise<FileSink> => {
    const sink = await FileSink.open(storage, `${prefix}${key}`, { contentType, cacheControl: options.cacheControl });
    sinks.push(sink);
    return sink;
  };
  try {
    const scattered = await scatter(articles, spill);
    const fusedIdOf = fuseShards(spill, scattered);

    const coverage = new CoverageAccumulator();
    const tally = new ChartEventTally();
    const counts = { events: 0, agreements: 0, articles: 0, rejected: 0, mentions: 0 };
    const partitions = await PartitionWriter.open(storage, { prefix, cacheControl: options.cacheControl });
    const eventsCsv = await open(EVENTS_TABLE.file, CSV);
    const agreementsCsv = await open(AGREEMENTS_TABLE.file, CSV);
    const mentionsCsv = await open(MENTIONS_TABLE.file, CSV);
    const eventsJsonLd = await open('events.jsonld', JSON_LD);
    const agreementsJsonLd = await open('agreements.jsonld', JSON_LD);
    for (const sink of [eventsCsv, agreementsCsv]) await sink.write(csvHeader(sink === eventsCsv ? EVENTS_TABLE : AGREEMENTS_TABLE));
    await mentionsCsv.write(csvHeader(MENTIONS_TABLE));
    await eventsJsonLd.write(graphOpening(publication.baseUri));
    await agreementsJsonLd.write(graphOpening(publication.baseUri));

    // 3. Partition by partition (month), a chunk of rows at a time; each chunk, in reading
    // order, is also a sorted run for the full files, merged in step 3b.
    const months = [...new Set([...spill.buckets(FUSED_EVENTS).map((b) => b.slice(FUSED_EVENTS.length)), ...spill.buckets(FUSED_AGREEMENTS).map((b) => b.slice(FUSED_AGREEMENTS.length))])].sort();
    let runs = 0;
    for (const month of months) {
      const values = { year: month.slice(0, 4), month: month.slice(4, 6) };
      if (spill.bytes(`${FUSED_EVENTS}${month}`) > 0) {
        const partition = await partitions.openPartition(EVENTS_TABLE, values);
        let rowsInPartition = 0;
        for (const chunk of readingOrderChunks<SpilledEvent>(spill, `${FUSED_EVENTS}${month}`, chunkBytes)) {
          const run = `${EVENT_RUNS}${String(runs++).padStart(8, '0')}`;
          const rows: Row[] = [];
          for (const { f, p } of chunk) {
            const parentEventId = parentOf(f, p.map((x) => x ?? undefined), (id) => fusedIdOf.get(id));
            const event: FusedEvent = parentEventId === undefined ? f : { ...f, parentEventId };
            const row = eventRow(event);
            coverage.add('events', row);
            tally.addRow(row);
            rows.push(row);
            spill.append(run, runLine(event));
          }
          // One CSV call a chunk: csv-stringify's cost is mostly per call.
          await partition.write(csvRecords(EVENTS_TABLE, rows));
          rowsInPartition += chunk.length;
        }
        await partitions.closePartition(partition, rowsInPartition);
      }
      if (spill.bytes(`${FUSED_AGREEMENTS}${month}`) > 0) {
        const partition = await partitions.openPartition(AGREEMENTS_TABLE, values);
        let rowsInPartition = 0;
        for (const agreements of readingOrderChunks<FusedAgreement>(spill, `${FUSED_AGREEMENTS}${month}`, chunkBytes)) {
          const run = `${AGREEMENT_RUNS}${String(runs++).padStart(8, '0')}`;
          const rows: Row[] = [];
          for (const agreement of agreements) {
            const row = agreementRow(agreement);
            coverage.add('agreements', row);
            rows.push(row);
            spill.append(run, runLine(agreement));
          }
          await partition.write(csvRecords(AGREEMENTS_TABLE, rows));
          rowsInPartition += agreements.length;
        }
        await partitions.closePartition(partition, rowsInPartition);
      }
    }

    // 3b. The full files: the partitions' rows merged back into one reading order (the order
    // of the articles, then of their text), streaming; mentions.csv lists events' mentions first.
    // The runs carry the fused records themselves (smaller than their rows, nodes and
    // mentions together); those are built again here, a batch at a time.
    const full = async (batch: readonly string[], table: typeof EVENTS_TABLE, first: boolean): Promise<void> => {
      const parsed = batch.map((line) => JSON.parse(line.slice(line.indexOf('\t') + 1)) as unknown);
      if (table === EVENTS_TABLE) {
        const events = parsed as FusedEvent[];
        await eventsCsv.write(csvRecords(EVENTS_TABLE, events.map(eventRow)));
        await eventsJsonLd.write(events.map((e, n) => graphNode(eventNode(e, publication.baseUri), first && n === 0)).join(''));
        const mentions = eventMentions(events);
        await mentionsCsv.write(csvRecords(MENTIONS_TABLE, mentions));
        counts.mentions += mentions.length;
      } else {
        const agreements = parsed as FusedAgreement[];
        await agreementsCsv.write(csvRecords(AGREEMENTS_TABLE, agreements.map(agreementRow)));
        await agreementsJsonLd.write(agreements.map((a, n) => graphNode(agreementNode(a, publication.baseUri), first && n === 0)).join(''));
        const mentions = agreementMentions(agreements);
        // After every event's: kept aside, in order, until the events are done.
        spill.append(AGREEMENT_MENTIONS, JSON.stringify(csvRecords(MENTIONS_TABLE, mentions)));
        counts.mentions += mentions.length;
      }
    };
    for (const batch of mergeSortedRuns(spill, spill.buckets(EVENT_RUNS), runKey)) {
      await full(batch, EVENTS_TABLE, counts.events === 0);
      counts.events += batch.length;
    }
    await eventsJsonLd.write(graphClosing(counts.events));
    for (const batch of mergeSortedRuns(spill, spill.buckets(AGREEMENT_RUNS), runKey)) {
      await full(batch, AGREEMENTS_TABLE, counts.agreements === 0);
      counts.agreements += batch.length;
    }
    await agreementsJsonLd.write(graphClosing(counts.agreements));
    for (const lines of spill.lineBatches(AGREEMENT_MENTIONS)) await mentionsCsv.write(lines.map((line) => JSON.parse(line) as string).join(''));

    // 4. The remaining tables; articles.csv last.
    const rejectedRows = rejections.map(rejectedRow).sort(rejectedOrder);
    const rejectedCsv = await open(REJECTED_TABLE.file, CSV);
    await rejectedCsv.write(csvHeader(REJECTED_TABLE) + csvRecords(REJECTED_TABLE, rejectedRows));
    counts.rejected = rejectedRows.length;

    const dataFiles: FileFacts[] = [];
    const dataPublished: PublishedFile[] = [];
    const close = async (sink: FileSink, table: TableSchema | undefined, rows: number | undefined, description: string, mediaType: string): Promise<void> => {
      const facts = await sink.close();
      sinks.splice(sinks.indexOf(sink), 1);
      dataPublished.push({ key: sink.key, bytes: facts.bytes, rows, sha256: facts.sha256 });
      dataFiles.push({ path: sink.key.slice(prefix.length), mediaType, bytes: facts.bytes, sha256: facts.sha256, description, rows, table });
    };
    await close(eventsCsv, EVENTS_TABLE, counts.events, EVENTS_TABLE.description, 'text/csv');
    await close(agreementsCsv, AGREEMENTS_TABLE, counts.agreements, AGREEMENTS_TABLE.description, 'text/csv');
    await close(rejectedCsv, REJECTED_TABLE, counts.rejected, REJECTED_TABLE.description, 'text/csv');
    await close(mentionsCsv, MENTIONS_TABLE, counts.mentions, MENTIONS_TABLE.description, 'text/csv');
    await close(eventsJsonLd, undefined, undefined, DESCRIPTIONS.eventsJsonLd, 'application/ld+json');
    await close(agreementsJsonLd, undefined, undefined, DESCRIPTIONS.agreementsJsonLd, 'application/ld+json');

    const articlesCsv = await open(ARTICLES_TABLE.file, CSV);
    await articlesCsv.write(csvHeader(ARTICLES_TABLE));
    for (const rows of mergedArticleRows(spill)) {
      const complete = rows.map((row) => withExtraKeys(row, scattered.extraKeys));
      for (const row of complete) coverage.add('articles', row);
      await articlesCsv.write(csvRecords(ARTICLES_TABLE, complete));
      counts.articles += complete.length;
    }
    await close(articlesCsv, ARTICLES_TABLE, counts.articles, ARTICLES_TABLE.description, 'text/csv');
    // The scratch files are done with: freed before the metadata (the finally below is for failures).
    spill.dispose();

    // 5. The partition manifest, then what describes the files, catalog and landing page last.
    const partitioned = await partitions.finish();
    // In the order they became visible: partitions as each month was done, the full files, the manifest.
    const manifestKey = `${prefix}${PARTITION_MANIFEST_FILE}`;
    files.push(...partitioned.written.filter((f) => f.key !== manifestKey), ...dataPublished, ...partitioned.written.filter((f) => f.key === manifestKey));

    const cover = coverage.result();
    const version = publicationVersion({ coverage: cover, dataFiles });
    const metadata: Output[] = [
      ...dataFiles.flatMap((f): Output[] =>
        f.table
          ? [{ key: csvwFileName(f.table), body: csvwJson(f.table, { baseUri: publication.baseUri, license: publication.license.url }), contentType: JSON_TYPE, description: `W3C CSVW table description of ${f.table.file}.` }]
          : [],
      ),
      { key: DATA_PACKAGE_FILE, body: dataPackageJson(dataFiles, { ...publication, version }), contentType: JSON_TYPE, description: 'Frictionless Data Package (v2) of the data files.' },
    ];
    const metadataFiles: FileFacts[] = [];
    for (const output of metadata) metadataFiles.push(await put(output));

    const catalog = catalogDocument({ coverage: cover, dataFiles, metadataFiles }, publication);
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
        lastUpdated: cover.dataDate ?? '',
        identifier: publication.baseUri,
        downloadBase: publication.publicUrl,
        files: [...dataFiles, ...metadataFiles, catalogFile].map((f) => ({ key: f.path, bytes: f.bytes, rows: f.rows, contentType: f.mediaType, description: f.description })),
        events: tally.events(),
        jsonLd: catalog,
        attributions: ATTRIBUTIONS.map((a) => ({ name: a.name, url: a.url })),
      }),
      contentType: HTML,
      description: 'The landing page: what the data is, its files, columns, figures, how to cite and query it.',
    });

    return { articles: counts.articles, events: counts.events, agreements: counts.agreements, rejected: counts.rejected, files };
  } catch (error) {
    // Nothing half-written becomes visible: open files are dropped, their keys keep what they held.
    for (const sink of sinks) await sink.abort().catch(() => undefined);
    throw error;
  } finally {
    spill.dispose();
  }
}

// ---- scratch layout ----

/** Scratch bucket prefixes of this module (fused-scratch.ts has the others): sorted article rows, agreement mentions, sorted runs of the full files. */
const SORTED_ARTICLE_ROWS = 'as';
const AGREEMENT_MENTIONS = 'gm';
const EVENT_RUNS = 'eo';
const AGREEMENT_RUNS = 'go';


/**
 * Every article row in id order, a batch at a time: an external merge sort. Each shard (a
 * 32nd of the articles, by hash) is sorted in memory and written back; then the sorted
 * shards are merged (mergeSortedRuns).
 */
function* mergedArticleRows(spill: Spill, batchRows = 5000): Generator<Row[]> {
  const idOf = (line: string): string => line.slice(0, line.indexOf('\t'));
  for (const shard of spill.buckets(ARTICLE_ROWS)) {
    const lines = spill.lines(shard).sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
    for (const line of lines) spill.append(`${SORTED_ARTICLE_ROWS}${shard.slice(ARTICLE_ROWS.length)}`, line);
  }
  for (const lines of mergeSortedRuns(spill, spill.buckets(SORTED_ARTICLE_ROWS), idOf, batchRows)) {
    yield lines.map((line) => JSON.parse(line.slice(line.indexOf('\t') + 1)) as Row);
  }
}

function withExtraKeys(row: Row, extraKeys: ReadonlyMap<string, readonly string[]>): Row {
  const extra = extraKeys.get(row.article_id ?? '');
  if (extra === undefined) return row;
  const keys = [...new Set([...(row.source_key ?? '').split(';').filter((k) => k !== ''), ...extra])].sort();
  return { ...row, source_key: joinList(keys) };
}

/** A line of a sorted run: the fused record after its reading-order key. */
function runLine(record: FusedEvent | FusedAgreement): string {
  return `${readingKey(record.articleIds, record.evidence[0]?.start ?? 0, record.id)}\t${JSON.stringify(record)}`;
}

const runKey = (line: string): string => line.slice(0, line.indexOf('\t'));

const mediaTypeOf = (contentType: string): string => contentType.split(';')[0] ?? contentType;
