import type { Rejection } from '../article/article.js';
import type { ArticleRecords } from '../records/records.js';
import type { Storage } from '../storage/storage.js';
import type { FileFacts, PublicationOptions } from './catalog.js';
import { ATTRIBUTIONS, catalogDocument, catalogJsonLd, CoverageAccumulator, DATASET_DESCRIPTION, DATASET_TITLE, fileFacts, publicationVersion, resolvedPublication } from './catalog.js';
import { csvHeader, csvRecords } from './csv.js';
import { csvwFileName, csvwJson } from './csvw.js';
import { dataPackageJson } from './datapackage.js';
import { FileSink } from './file-sink.js';
import { ChunkBuilder, ChunkPool } from './chunk-builder.js';
import type { InOrderFile, RunRows, RunTarget } from './in-order.js';
import { fileBuilders, IN_ORDER_FILES, inOrderPlan, renderRun } from './in-order.js';
import { MonthPartitions } from './month-partitions.js';
import type { JsonLdOptions } from './jsonld.js';
import { graphClosing, graphOpening } from './jsonld.js';
import { ChartEventTally, renderLandingPage } from './landing-page.js';
import { PARTITION_MANIFEST_FILE, PartitionWriter } from './partitions.js';
import { rejectedOrder, rejectedRow } from './rows.js';
import type { TableSchema } from './schema.js';
import { AGREEMENTS_TABLE, ARTICLES_TABLE, EVENTS_TABLE, MENTIONS_TABLE, REJECTED_TABLE } from './schema.js';
import type { PublishThread, RunsElsewhere } from './publish-threads.js';
import { startPublishThreads } from './publish-threads.js';
import { DEFAULT_MAX_BUCKET_BYTES } from './range-sort.js';
import { Spill } from './spill.js';
import { articleCsv, fuseShards, scatter } from './fused-scratch.js';

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
    /**
     * Threads besides this one that fuse event shards and render rows, when there are at least
     * `parallelFrom` event reports (publish-threads.ts). @default available cores − 1 (at most 3), from 50,000
     */
    readonly publishThreads?: number;
    readonly parallelFrom?: number;
    /** Called as each step ends, with the seconds it took (the benchmark's breakdown). */
    readonly onPhase?: (phase: PublishPhase, seconds: number) => void;
    /** Scratch buckets larger than about this many bytes are split by longer key prefixes before they are read (see range-sort.ts). @default 32 MiB */
    readonly chunkBytes?: number;
  };

/** The steps of a publication, in order (see writeDatasets). */
export type PublishPhase = 'scatter' | 'fuse' | 'in order' | 'partitions' | 'tables' | 'metadata';

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
 *      the article's row goes to a sort by id;
 *   2. fuse each shard; each fused row is rendered at once (rendered-records.ts) into a
 *      sort by reading order (range-sort.ts), but for what needs every event fused (an
 *      event's parent visit, an agreement's signing event), and the fused ids of reports
 *      that other rows point at are kept;
 *   3. the sorts read in order, in runs (in-order.ts), give events.csv, events.jsonld and
 *      mentions.csv (the events' mentions, then the agreements'), then the agreements'
 *      files; each row also goes to its month's partition, in that order, straight or
 *      through scratch (month-partitions.ts); the partitions are made visible as the pass
 *      ends, each only if its bytes changed (partitions.ts);
 *   4. rejected.csv, then articles.csv (last of the data: whoever sees a new articles.csv
 *      finds rows for every article in it; its rows are written during step 2, while other
 *      threads fuse, and the file made visible here);
 *   5. partitions.json, the metadata (CSVW, datapackage.json), catalog.jsonld, then
 *      index.html, which embeds the catalog.
 * Full files are written with Storage.openWrite: nothing is visible until one is whole, and
 * the full files become visible after the partitions. The figures, coverage and counts the
 * metadata need are tallied on the way. A large publication shares steps 2 and 3 with other
 * threads (publish-threads.ts); the bytes are the same.
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
  let threads: PublishThread[] = [];
  let streams: RunsElsewhere[] = [];
  let monthly: MonthPartitions | undefined;
  const sinks: FileSink[] = [];
  // The full files' chunks are written from buffers used again once written (see ChunkPool).
  const pool = new ChunkPool();
  const open = async (key: string, contentType: string): Promise<FileSink> => {
    const sink = await FileSink.open(storage, `${prefix}${key}`, { contentType, cacheControl: options.cacheControl, written: (chunk) => pool.give(chunk) });
    sinks.push(sink);
    return sink;
  };
  let phaseStarted = performance.now();
  const phaseDone = (phase: PublishPhase): void => {
    const now = performance.now();
    options.onPhase?.(phase, (now - phaseStarted) / 1000);
    phaseStarted = now;
  };
  try {
    const coverage = new CoverageAccumulator();
    const tally = new ChartEventTally();
    // A thread costs a start (0.1 s bundled, about 0.5 s from source through tsx): worth it
    // for large publications only. They start as soon as the publication is known to be
    // one, and load while the rest is read.
    const parallelFrom = options.parallelFrom ?? 50_000;
    const startThreads = (): void => {
      threads = startPublishThreads(spill.folder, { threads: options.publishThreads });
    };
    const scattered = await scatter(articles, spill, (row) => coverage.add('articles', row), {
      maxBucketBytes: options.chunkBytes,
      whenEventReports: { count: Math.max(1, parallelFrom), then: startThreads },
    });
    phaseDone('scatter');
    // articles.csv needs no fused row: it is written while other threads fuse, and made
    // visible last of the data files, as before.
    const articlesCsv = await open(ARTICLES_TABLE.file, CSV);
    let articleRows = 0;
    const writeArticles = async (): Promise<void> => {
      await articlesCsv.write(csvHeader(ARTICLES_TABLE));
      const bounds = new Int32Array(8);
      for (const rows of scattered.articles.sorted()) {
        const chunks = new ChunkBuilder(pool.chunkBytes, pool);
        for (let i = 0; i < rows.length; i++) articleCsv(rows, i, bounds, scattered.extraKeys, (data, start, end) => chunks.copy(data, start, end));
        for (const chunk of chunks.end()) await articlesCsv.writeBytes(chunk);
        articleRows += rows.length;
      }
    };
    const fused = await fuseShards(spill, scattered, {
      baseUri: publication.baseUri,
      tallies: { coverage, chart: tally },
      maxBucketBytes: options.chunkBytes,
      threads,
      meanwhile: writeArticles,
      // An article row costs about a tenth of fusing and rendering an event report (1.0 s for 400k rows, against ~25 µs a report).
      meanwhileReports: scattered.articles.size / 10,
    });
    phaseDone('fuse');

    const counts = { events: 0, agreements: 0, articles: 0, rejected: 0, mentions: fused.mentions };
    const eventsCsv = await open(EVENTS_TABLE.file, CSV);
    const agreementsCsv = await open(AGREEMENTS_TABLE.file, CSV);
    const mentionsCsv = await open(MENTIONS_TABLE.file, CSV);
    const eventsJsonLd = await open('events.jsonld', JSON_LD);
    const agreementsJsonLd = await open('agreements.jsonld', JSON_LD);
    for (const sink of [eventsCsv, agreementsCsv]) await sink.write(csvHeader(sink === eventsCsv ? EVENTS_TABLE : AGREEMENTS_TABLE));
    await mentionsCsv.write(csvHeader(MENTIONS_TABLE));
    await eventsJsonLd.write(graphOpening(publication.baseUri));
    await agreementsJsonLd.write(graphOpening(publication.baseUri));

    // 3. The full files in reading order, run after run (in-order.ts): this thread's
    // rendered straight to the files, the other threads' handed over as they are done.
    // Each row also goes to its month's partition, in the same order (month-partitions.ts).
    const plan = inOrderPlan(fused, threads.length, publication.baseUri, (options.chunkBytes ?? DEFAULT_MAX_BUCKET_BYTES) / 2);
    const elsewhere = threads.map((thread, t) => thread.inOrder(plan.context, plan.runs.filter((run) => run.thread === t + 1)));
    streams = elsewhere;
    const sinkOf: Record<InOrderFile, FileSink> = { eventsCsv, eventsJsonLd, mentionsCsv, agreementsCsv, agreementsJsonLd };
    // This thread's own sort objects, and the others' restored from their state by fuseShards.
    const sorts = { events: [...fused.events], agreements: [fused.agreements] };
    const builders = fileBuilders(pool);
    // Months are written in the background: this thread's time goes to rendering and to the files.
    const partitions = await PartitionWriter.open(storage, { prefix, cacheControl: options.cacheControl });
    monthly = new MonthPartitions(partitions, spill, { straight: storage.cheapOpenWriters === true, written: (chunk) => pool.give(chunk) });
    const months = monthly;
    const target: RunTarget = {
      files: builders,
      toMonth: (table, month, data, start, end) => months.append(table, month, data, start, end),
    };
    for (const run of plan.runs) {
      let rows: RunRows;
      if (run.thread === 0) {
        const rendering = renderRun(sorts, plan.context, run, target);
        let step = rendering.next();
        for (; step.done !== true; step = rendering.next()) for (const file of IN_ORDER_FILES) for (const chunk of builders[file].take()) await sinkOf[file].writeBytes(chunk);
        for (const file of IN_ORDER_FILES) for (const chunk of builders[file].end()) await sinkOf[file].writeBytes(chunk);
        rows = step.value;
      } else {
        const rendered = await (elsewhere[run.thread - 1] as RunsElsewhere).take(run.index);
        for (const [file, chunks] of rendered.files) for (const chunk of chunks) await sinkOf[file].writeBytes(chunk);
        for (const [bucket, chunks] of rendered.months) for (const chunk of chunks) months.appendBucket(bucket, chunk);
        rows = rendered.rows;
      }
      counts[run.table] += rows.rows;
      months.count(run.table, rows.months);
    }
    for (const stream of elsewhere) {
      await stream.done;
      stream.close();
    }
    await eventsJsonLd.write(graphClosing(counts.events));
    await agreementsJsonLd.write(graphClosing(counts.agreements));
    phaseDone('in order');

    // 3b. The monthly partitions: closed, or copied from scratch (month-partitions.ts).
    await months.finish(pool);
    phaseDone('partitions');
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

    await close(articlesCsv, ARTICLES_TABLE, articleRows, ARTICLES_TABLE.description, 'text/csv');
    counts.articles = articleRows;
    // The scratch files are done with: freed before the metadata (the finally below is for failures).
    spill.dispose();

    phaseDone('tables');
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

    phaseDone('metadata');
    return { articles: counts.articles, events: counts.events, agreements: counts.agreements, rejected: counts.rejected, files };
  } catch (error) {
    // Nothing half-written becomes visible: open files are dropped, their keys keep what they held.
    for (const sink of sinks) await sink.abort().catch(() => undefined);
    await monthly?.abort();
    throw error;
  } finally {
    for (const stream of streams) stream.close();
    await Promise.all(threads.map((thread) => thread.close()));
    spill.dispose();
  }
}


const mediaTypeOf = (contentType: string): string => contentType.split(';')[0] ?? contentType;
