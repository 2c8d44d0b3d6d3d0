import type { ArticleRef } from '../records/fusion.js';
import { agreementKey, agreementReport, articleRef, eventKey, eventReport, fuseAgreementReportsAwaitingSigning, fuseEventReports } from '../records/fusion.js';
import type { AgreementRecord, ArticleRecords, EventRecord } from '../records/records.js';
import { subEventParents } from '../records/sub-events.js';
import { csvRecordAround, csvValue } from './csv.js';
import { partitionValues } from './partitions.js';
import type { CoverageAccumulator, CoverageState } from './catalog.js';
import type { ChartEventTally } from './landing-page.js';
import type { RangeSortState, SortedFrames } from './range-sort.js';
import { RangeSort } from './range-sort.js';
import { renderAgreement, renderEvent } from './rendered-records.js';
import { articleRow } from './rows.js';
import type { Column, Row } from './schema.js';
import { ARTICLES_TABLE } from './schema.js';
import type { Spill } from './spill.js';

/**
 * The fused rows of a publication, in scratch files (spill.ts), never all in memory:
 * scatter() sends each article's reports to shards by event key or party set (the only
 * reports fusion compares, src/records/fusion.ts) and its row to a sort by id;
 * fuseShards() fuses one shard at a time and renders each fused row at once
 * (rendered-records.ts) into a sort by reading order (range-sort.ts), from which the
 * publisher writes the full files and the monthly partitions in one pass.
 */

/** Scratch bucket prefixes: report shards, and the sorts of events, agreements and article rows. */
const EVENT_REPORTS = 'er';
const AGREEMENT_REPORTS = 'gr';
const EVENTS_IN_ORDER = 'ro';
const AGREEMENTS_IN_ORDER = 'rg';
const ARTICLES_IN_ORDER = 'ra';

/**
 * Shards the reports are fused in: every report of one event key (or party set) lands in
 * one. Many, so that a shard of a million reports is a few thousand: the reports of the
 * shard being fused are the one large set of objects alive, and smaller ones are cheaper
 * to collect.
 */
const REPORT_SHARDS = 256;
/**
 * Agreement reports are a few for every ten event reports: fewer shards hold about as many
 * reports each, and a shard is a file made (about a millisecond each on some disks).
 */
const AGREEMENT_SHARDS = 32;

/**
 * What fusing and rendering an agreement report costs, in event reports: at 1M reports the
 * publication's thread, which fuses the agreements, waited 0.9 s for the other at 1.
 */
const AGREEMENT_WEIGHT = 0.8;

/**
 * Reports fused together, about: all those of a set of keys (fusion compares only reports
 * of one key). A shard at 1M reports holds 4,000; fused at once, their objects outlived
 * several collections of the young generation and were copied each time.
 */
const FUSED_TOGETHER = 128;

/** About what a fused row takes once rendered (CSV, JSON-LD, mentions), to size the sorts. */
const RENDERED_CHARS_PER_REPORT = 2600;
/** What a sort's bucket should hold, about. */
const BUCKET_CHARS = 8 * 1024 * 1024;

interface SpilledEventReport {
  readonly a: ArticleRef;
  readonly r: EventRecord;
  /** The report id of the visit it was held during, as read in its article. */
  readonly p?: string;
}

interface SpilledAgreementReport {
  readonly a: ArticleRef;
  readonly r: AgreementRecord;
}

export interface Scattered {
  /** Keys of articles given more than once (the same content under several keys), beyond the first's. */
  readonly extraKeys: ReadonlyMap<string, readonly string[]>;
  /** Report ids other rows point at: parent visits and signing events. */
  readonly referenced: ReadonlySet<string>;
  readonly eventReports: number;
  readonly agreementReports: number;
  /** Article rows by id: frames [id, csvHead, source_key cell, csvTail, source keys] (see articleCsv). */
  readonly articles: RangeSort;
}

/** Where each field lies in a frame of the fused events' sorts (after the key), and of the agreements'. */
export const EVENT_FIELDS = { id: 0, month: 1, parents: 2, csvHead: 3, csvTail: 4, nodeOpen: 5, mentions: 6 } as const;
export const AGREEMENT_FIELDS = { month: 0, signingReports: 1, csvHead: 2, csvTail: 3, nodeHead: 4, nodeTail: 5, mentions: 6 } as const;

export interface FusedScratch {
  /** Report id → fused event id, for the reports other rows point at. */
  readonly fusedIdOf: ReadonlyMap<string, string>;
  /** The fused events in sorts by reading order (EVENT_FIELDS), one per thread that fused, to be read together; the agreements in one. */
  readonly events: readonly RangeSort[];
  readonly agreements: RangeSort;
  /** Rows of mentions.csv to come. */
  readonly mentions: number;
}

const SOURCE_KEY = ARTICLES_TABLE.columns.find((c) => c.name === 'source_key') as Column;

/** Where each field lies in a frame of the article rows' sort (after the key). */
const ARTICLE_FIELDS = { csvHead: 0, sourceKeyCell: 1, csvTail: 2, sourceKeys: 3 } as const;

/**
 * Article row `i` of `rows` (the sort scatter() wrote) as its CSV record, to `write`: the
 * bytes as they are, or with its source keys completed by those found later.
 */
export function articleCsv(rows: SortedFrames, i: number, bounds: Int32Array, extraKeys: ReadonlyMap<string, readonly string[]>, write: (data: Uint8Array, start: number, end: number) => void): void {
  const data = rows.bytesOf(i);
  rows.bounds(i, bounds);
  const F = ARTICLE_FIELDS;
  const extra = extraKeys.size === 0 ? undefined : extraKeys.get(rows.keys[i] as string);
  if (extra === undefined) {
    write(data, bounds[F.csvHead]!, bounds[F.csvTail + 1]!);
    return;
  }
  const keys = data.toString('utf8', bounds[F.sourceKeys], bounds[F.sourceKeys + 1]);
  const all = [...new Set([...keys.split(';').filter((k) => k !== ''), ...extra])].sort();
  const cell = Buffer.from(csvValue(SOURCE_KEY, all.join(';')), 'utf8');
  write(data, bounds[F.csvHead]!, bounds[F.sourceKeyCell]!);
  write(cell, 0, cell.byteLength);
  write(data, bounds[F.csvTail]!, bounds[F.csvTail + 1]!);
}

/** Event reports from which most shards are written to, before the first is full enough to be written out (4 KiB, about six reports). */
const PREPARE_SHARDS_FROM = 500;

const shardName = (prefix: string, shard: number): string => `${prefix}${String(shard).padStart(3, '0')}`;
const shardNames = (prefix: string, shards: number): string[] => Array.from({ length: shards }, (_, n) => shardName(prefix, n));

/** FNV-1a: a spread of keys over shards (and over sets within a shard) that is the same on every run. */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A string that sorts as rows.ts readingOrder does: article ids, then first offset, then id (\u0001 sorts before any id character). */
const readingKey = (articleIds: readonly string[], offset: number, id: string): string => `${articleIds.join(';')}\u0001${String(offset).padStart(12, '0')}\u0001${id}`;

/** Hex-led keys (hash ids) over buckets of about BUCKET_CHARS: 16^n buckets. */
function prefixCharsFor(chars: number): number {
  return Math.max(1, Math.floor(Math.log(Math.max(1, chars / BUCKET_CHARS)) / Math.log(16)));
}

const month = (date: string | undefined): string => {
  const v = partitionValues(date);
  return `${v.year}${v.month}`;
};

export interface ScatterOptions {
  /** See RangeSortOptions. */
  readonly maxBucketBytes?: number;
  /** Called once, as soon as `count` event reports are scattered (to start threads while the rest is read). */
  readonly whenEventReports?: { readonly count: number; readonly then: () => void };
}

export async function scatter(articles: Iterable<ArticleRecords> | AsyncIterable<ArticleRecords>, spill: Spill, onArticleRow: (row: Row) => void, options: ScatterOptions = {}): Promise<Scattered> {
  let when = options.whenEventReports;
  const seen = new Set<string>();
  const extraKeys = new Map<string, string[]>();
  const referenced = new Set<string>();
  // How many articles come is not known: 16 buckets, split again when they grow large.
  const rows = new RangeSort(spill, ARTICLES_IN_ORDER, { prefixChars: 1, maxBucketBytes: options.maxBucketBytes });
  // A publication this large writes to every shard: their files are made in the background.
  let prepared = false;
  let eventReports = 0;
  let agreementReports = 0;
  for await (const article of articles) {
    const id = article.articleId;
    if (seen.has(id)) {
      // The same article read again: only its keys are new (mergeArticleRecords' rule).
      extraKeys.set(id, [...(extraKeys.get(id) ?? []), ...article.sourceKeys]);
      continue;
    }
    seen.add(id);
    // Every report line holds its article's reference: written once per article.
    const ref = JSON.stringify(articleRef(article));
    const row = articleRow(article);
    onArticleRow(row);
    const csv = csvRecordAround(ARTICLES_TABLE, row, 'source_key');
    rows.add(id, [csv.head, csv.cell, csv.tail, row.source_key ?? '']);
    const parents = subEventParents(article.events);
    for (const parent of parents.values()) referenced.add(parent);
    // Grouped by key: a shard is fused a set of keys at a time (Spill.recordGroups).
    for (const r of article.events) {
      const parent = parents.get(r.id);
      const key = keyHash(eventKey(r));
      spill.appendGrouped(shardName(EVENT_REPORTS, key % REPORT_SHARDS), key, `{"a":${ref},"r":${JSON.stringify(r)}${parent === undefined ? '' : `,"p":${JSON.stringify(parent)}`}}`);
    }
    for (const r of article.agreements) {
      if (r.signingEventId !== undefined) referenced.add(r.signingEventId);
      const key = keyHash(agreementKey(r));
      spill.appendGrouped(shardName(AGREEMENT_REPORTS, key % AGREEMENT_SHARDS), key, `{"a":${ref},"r":${JSON.stringify(r)}}`);
    }
    eventReports += article.events.length;
    if (!prepared && eventReports >= PREPARE_SHARDS_FROM) {
      void spill.prepare([...shardNames(EVENT_REPORTS, REPORT_SHARDS), ...shardNames(AGREEMENT_REPORTS, AGREEMENT_SHARDS)]);
      prepared = true;
    }
    if (when !== undefined && eventReports >= when.count) {
      when.then();
      when = undefined;
    }
    agreementReports += article.agreements.length;
  }
  return { extraKeys, referenced, eventReports, agreementReports, articles: rows };
}

/** What fusing a set of shards needs to know of the whole publication (plain data: it goes to other threads). */
export interface FusionContext {
  readonly baseUri: string;
  readonly extraKeys: ReadonlyMap<string, readonly string[]>;
  readonly referenced: ReadonlySet<string>;
  /** Of the sorts the fused rows go to: see RangeSortOptions. */
  readonly prefixChars: number;
  readonly maxBucketBytes?: number;
}

/** The figures the metadata needs, tallied from the fused rows wherever they are fused. */
export interface Tallies {
  readonly coverage: CoverageAccumulator;
  readonly chart: ChartEventTally;
}

/** Some event shards fused: their rows in a sort by reading order, and the fused ids of the referenced reports among them. */
export interface FusedEventShards {
  readonly sort: RangeSort;
  readonly fusedIdOf: Map<string, string>;
  readonly mentions: number;
}

const withExtraKeys = (context: FusionContext) => (a: ArticleRef): ArticleRef => {
  const extra = context.extraKeys.get(a.articleId);
  return extra === undefined ? a : { ...a, sourceKeys: [...new Set([...a.sourceKeys, ...extra])].sort() };
};

/**
 * Fuses event shards and renders each fused event into a sort named `sortName` (one per
 * thread that fuses): what publish-thread.ts runs in another thread, and fuseShards here.
 */
export function fuseEventShards(spill: Spill, shards: readonly string[], context: FusionContext, sortName: string, tallies: Tallies): FusedEventShards {
  const fusedIdOf = new Map<string, string>();
  const sort = new RangeSort(spill, sortName, { prefixChars: context.prefixChars, maxBucketBytes: context.maxBucketBytes });
  const ref = withExtraKeys(context);
  let mentions = 0;
  for (const shard of shards) {
    for (const spilled of spill.recordGroups<SpilledEventReport>(shard, FUSED_TOGETHER)) {
      const parentOfReport = new Map<string, string>();
      for (const x of spilled) if (x.p !== undefined) parentOfReport.set(x.r.id, x.p);
      for (const f of fuseEventReports(spilled.map((x) => eventReport(x.r, ref(x.a))))) {
        let parents = false;
        for (const s of f.sources) {
          if (context.referenced.has(s.reportId)) fusedIdOf.set(s.reportId, f.id);
          if (parentOfReport.has(s.reportId)) parents = true;
        }
        const rendered = renderEvent(f, context.baseUri);
        tallies.coverage.add('events', rendered.row);
        tallies.chart.addRow(rendered.row);
        mentions += f.sources.length;
        sort.add(readingKey(f.articleIds, f.evidence[0]?.start ?? 0, f.id), [
          f.id,
          month(f.date),
          parents ? JSON.stringify(f.sources.map((s) => parentOfReport.get(s.reportId) ?? null)) : '',
          rendered.csvHead,
          rendered.csvTail,
          rendered.nodeOpen,
          rendered.mentions,
        ]);
      }
    }
    spill.discard(shard);
  }
  return { sort, fusedIdOf, mentions };
}

/**
 * Fuses the agreement shards and renders each agreement, but for its signing event, into a
 * sort by reading order (AGREEMENT_FIELDS): the reports of its signing event wait in the
 * frame, to be settled with signingEventOf once every event is fused.
 */
function fuseAgreementShards(spill: Spill, scattered: Scattered, context: FusionContext, tallies: Tallies): { readonly sort: RangeSort; readonly mentions: number } {
  const sort = new RangeSort(spill, AGREEMENTS_IN_ORDER, { prefixChars: prefixCharsFor(scattered.agreementReports * RENDERED_CHARS_PER_REPORT), maxBucketBytes: context.maxBucketBytes });
  const ref = withExtraKeys(context);
  let mentions = 0;
  for (const shard of spill.buckets(AGREEMENT_REPORTS)) {
    for (const spilled of spill.recordGroups<SpilledAgreementReport>(shard, FUSED_TOGETHER)) {
      for (const { agreement: f, signingReports } of fuseAgreementReportsAwaitingSigning(spilled.map((x) => agreementReport(x.r, ref(x.a))))) {
        const rendered = renderAgreement(f, context.baseUri);
        tallies.coverage.add('agreements', rendered.row);
        mentions += f.sources.length;
        const signing = signingReports.some((r) => r !== undefined) ? JSON.stringify(signingReports.map((r) => r ?? null)) : '';
        sort.add(readingKey(f.articleIds, f.evidence[0]?.start ?? 0, f.id), [month(f.dateSigned), signing, rendered.csvHead, rendered.csvTail, rendered.nodeHead, rendered.nodeTail, rendered.mentions]);
      }
    }
    spill.discard(shard);
  }
  return { sort, mentions };
}

/** Another thread that runs fuseEventShards (publish-threads.ts). */
export interface EventShardFuser {
  fuse(shards: readonly string[], context: FusionContext, sortName: string): Promise<FusedEventShardsState>;
}

/** FusedEventShards and the tallies as plain data, from another thread. */
export interface FusedEventShardsState {
  readonly sort: RangeSortState;
  readonly fusedIdOf: readonly (readonly [string, string])[];
  readonly mentions: number;
  readonly coverage: CoverageState;
  readonly chart: ReturnType<ChartEventTally['state']>;
}

export interface FuseOptions {
  readonly baseUri: string;
  readonly tallies: Tallies;
  /** See RangeSortOptions. */
  readonly maxBucketBytes?: number;
  /** Other threads to fuse event shards in, besides this one (see publish-threads.ts). @default none */
  readonly threads?: readonly EventShardFuser[];
  /**
   * This thread's own work that needs no fused row (articles.csv), done while the other
   * threads fuse; `meanwhileReports` is what it costs, in event reports fused, so that this
   * thread takes that many fewer event shards.
   */
  readonly meanwhile?: () => Promise<void>;
  readonly meanwhileReports?: number;
}

/**
 * Fuses each shard, renders each fused row, and sorts them by reading order (rows.ts
 * readingOrder) in scratch. Event shards are shared between this thread and the other
 * `threads` (each its own sort, read together); agreements, fewer, are fused here, their
 * signing events left to settle when read, once every event is fused.
 */
export async function fuseShards(spill: Spill, scattered: Scattered, options: FuseOptions): Promise<FusedScratch> {
  const context: FusionContext = {
    baseUri: options.baseUri,
    extraKeys: scattered.extraKeys,
    referenced: scattered.referenced,
    prefixChars: prefixCharsFor(scattered.eventReports * RENDERED_CHARS_PER_REPORT),
    maxBucketBytes: options.maxBucketBytes,
  };
  const shards = spill.buckets(EVENT_REPORTS);
  const others = shards.length > 1 ? (options.threads ?? []) : [];
  const threads = others.length + 1;
  // Shards are alike in size (keys are hashed). This thread also fuses the agreements and
  // does its `meanwhile` work: it takes that many fewer event shards, so that all threads
  // end together.
  const ownWork = scattered.agreementReports * AGREEMENT_WEIGHT + (options.meanwhileReports ?? 0);
  const perThread = (scattered.eventReports + ownWork) / threads;
  const here = shards.length * Math.max(0, Math.min(1, (perThread - ownWork) / Math.max(1, scattered.eventReports)));
  const firstOf = (t: number): number => (t === 0 ? 0 : Math.round(here + ((t - 1) * (shards.length - here)) / others.length));
  const share = (t: number): string[] => shards.slice(firstOf(t), t === threads - 1 ? shards.length : firstOf(t + 1));
  spill.flush();
  const elsewhere = others.map((thread, t) => thread.fuse(share(t + 1), context, `${EVENTS_IN_ORDER}${t + 1}_`));
  // A thread that fails fails the publication, but only once this thread is done with the scratch folder.
  const settled = Promise.allSettled(elsewhere);
  // This thread's sort files are made while it does its `meanwhile` work (which awaits).
  void spill.prepare(RangeSort.bucketNames(`${EVENTS_IN_ORDER}0_`, context.prefixChars));
  await options.meanwhile?.();
  // Agreements need no fused event until their signing events are settled, when read (in-order.ts).
  const agreements = fuseAgreementShards(spill, scattered, context, options.tallies);
  const own = fuseEventShards(spill, share(0), context, `${EVENTS_IN_ORDER}0_`, options.tallies);
  const fusedIdOf = own.fusedIdOf;
  const sorts = [own.sort];
  let mentions = own.mentions + agreements.mentions;
  for (const result of await settled) {
    if (result.status === 'rejected') throw result.reason;
    const state = result.value;
    sorts.push(RangeSort.restore(spill, state.sort));
    for (const [report, fused] of state.fusedIdOf) fusedIdOf.set(report, fused);
    mentions += state.mentions;
    options.tallies.coverage.merge(state.coverage);
    options.tallies.chart.merge(state.chart);
  }

  spill.flush();
  return { fusedIdOf, events: sorts, agreements: agreements.sort, mentions };
}
