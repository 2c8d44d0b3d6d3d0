import type { Evidence } from '../extract/types.js';
import type { ArticleRef, UnparentedEvent } from '../records/fusion.js';
import { agreementKey, agreementReport, articleRef, eventKey, eventReport, fuseAgreementReports, fuseEventReports } from '../records/fusion.js';
import type { AgreementRecord, ArticleRecords, EventRecord } from '../records/records.js';
import { subEventParents } from '../records/sub-events.js';
import { partitionValues } from './partitions.js';
import { articleRow } from './rows.js';
import type { Spill } from './spill.js';

/**
 * The fused rows of a publication, in scratch files (spill.ts), never all in memory:
 * scatter() sends each article's reports to shards by event key or party set (the only
 * reports fusion compares, src/records/fusion.ts) and its row to a hash shard;
 * fuseShards() fuses one shard at a time into month buckets (FUSED_EVENTS + YYYYMM);
 * readingOrderChunks() reads a month back in reading order, a bounded chunk at a time.
 */

/** Scratch bucket prefixes: report shards, fused rows by month, article rows by hash shard. */
const EVENT_REPORTS = 'er';
const AGREEMENT_REPORTS = 'gr';
export const FUSED_EVENTS = 'ef';
export const FUSED_AGREEMENTS = 'gf';
export const ARTICLE_ROWS = 'ar';

/** Shards the reports are fused in: every report of one event key (or party set) lands in one. */
const REPORT_SHARDS = 32;

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

export interface SpilledEvent {
  readonly f: UnparentedEvent;
  /** Per source, the report id of its parent visit (null: none). */
  readonly p: readonly (string | null)[];
}

export interface Scattered {
  /** Keys of articles given more than once (the same content under several keys), beyond the first's. */
  readonly extraKeys: ReadonlyMap<string, readonly string[]>;
  /** Report ids other rows point at: parent visits and signing events. */
  readonly referenced: ReadonlySet<string>;
}

/** FNV-1a: a spread of keys over shards that is the same on every run. */
/** Article rows go to hash shards, sorted and merged by id when articles.csv is written. */
const articleShard = (id: string): string => shardOf(id, ARTICLE_ROWS);

export function shardOf(key: string, prefix: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return `${prefix}${String((h >>> 0) % REPORT_SHARDS).padStart(2, '0')}`;
}

/** A fused row's month bucket: `<prefix><YYYY><MM>`, as its partition. */
function monthBucket(prefix: string, date: string | undefined): string {
  const v = partitionValues(date);
  return `${prefix}${v.year}${v.month}`;
}

/**
 * A scratch line of a fused row: its date, id and reading-order key in front, so it is
 * ordered and split without parsing its JSON (which never holds a raw tab).
 */
const keyedLine = (record: { readonly id: string; readonly articleIds: readonly string[]; readonly evidence: readonly Evidence[] }, date: string | undefined, row: unknown): string =>
  `${date ?? ''}\t${record.id}\t${readingKey(record.articleIds, record.evidence[0]?.start ?? 0, record.id)}\t${JSON.stringify(row)}`;

/** A string that sorts as rows.ts readingOrder does: article ids, then first offset, then id (\u0001 sorts before any id character). */
export const readingKey = (articleIds: readonly string[], offset: number, id: string): string => `${articleIds.join(';')}\u0001${String(offset).padStart(12, '0')}\u0001${id}`;

/** Buckets larger than this are split before they are read (readingOrderChunks). */
export const DEFAULT_CHUNK_BYTES = 16 * 1024 * 1024;

/**
 * The rows of a month bucket in reading order (rows.ts, readingOrder: by source articles,
 * then where in the primary article), a chunk at a time: the whole bucket when it is
 * small, as it is unless a month holds hundreds of thousands of rows. A larger bucket is
 * first split, line by line, into buckets of one day and id prefix (`d<DD>_<hex>`), or of
 * one id prefix for rows dated to the month or less (`a<hex>`), each in reading order: no
 * chunk then holds more than a day's rows of one id prefix, however large a month (or the
 * undated partition) grows, at the price of reading order holding only within each chunk.
 */
export function* readingOrderChunks<T>(spill: Spill, bucket: string, chunkBytes: number): Generator<T[]> {
  if (spill.bytes(bucket) <= chunkBytes) {
    yield sortedRows<T>(spill.lines(bucket));
    return;
  }
  for (const lines of spill.lineBatches(bucket)) {
    for (const line of lines) {
      const tab = line.indexOf('\t');
      const date = line.slice(0, tab);
      const id = line.slice(tab + 1, line.indexOf('\t', tab + 1));
      const prefix = Buffer.from(id, 'utf8').subarray(0, 4).toString('hex');
      spill.append(`${bucket}_${/^\d{4}-\d{2}-\d{2}$/.test(date) ? `d${date.slice(8, 10)}_` : 'a'}${prefix}`, line);
    }
  }
  for (const part of spill.buckets(`${bucket}_`)) yield sortedRows<T>(spill.lines(part));
}

function sortedRows<T>(lines: readonly string[]): T[] {
  const keyed = lines.map((line) => {
    const second = line.indexOf('\t', line.indexOf('\t') + 1);
    const third = line.indexOf('\t', second + 1);
    return { key: line.slice(second + 1, third), line, json: third + 1 };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => JSON.parse(k.line.slice(k.json)) as T);
}

export async function scatter(articles: Iterable<ArticleRecords> | AsyncIterable<ArticleRecords>, spill: Spill): Promise<Scattered> {
  const seen = new Set<string>();
  const extraKeys = new Map<string, string[]>();
  const referenced = new Set<string>();
  for await (const article of articles) {
    const id = article.articleId;
    if (seen.has(id)) {
      // The same article read again: only its keys are new (mergeArticleRecords' rule).
      extraKeys.set(id, [...(extraKeys.get(id) ?? []), ...article.sourceKeys]);
      continue;
    }
    seen.add(id);
    const ref = articleRef(article);
    spill.append(articleShard(id), `${id}\t${JSON.stringify(articleRow(article))}`);
    const parents = subEventParents(article.events);
    for (const parent of parents.values()) referenced.add(parent);
    for (const r of article.events) spill.append(shardOf(eventKey(r), EVENT_REPORTS), JSON.stringify({ a: ref, r, p: parents.get(r.id) } satisfies SpilledEventReport));
    for (const r of article.agreements) {
      if (r.signingEventId !== undefined) referenced.add(r.signingEventId);
      spill.append(shardOf(agreementKey(r), AGREEMENT_REPORTS), JSON.stringify({ a: ref, r } satisfies SpilledAgreementReport));
    }
  }
  return { extraKeys, referenced };
}

/** Fuses each shard (events first: agreements point at fused signing events); returns report id → fused id for the referenced reports. */
export function fuseShards(spill: Spill, scattered: Scattered): Map<string, string> {
  const fusedIdOf = new Map<string, string>();
  const ref = (a: ArticleRef): ArticleRef => {
    const extra = scattered.extraKeys.get(a.articleId);
    return extra === undefined ? a : { ...a, sourceKeys: [...new Set([...a.sourceKeys, ...extra])].sort() };
  };
  for (const shard of spill.buckets(EVENT_REPORTS)) {
    const spilled = spill.records<SpilledEventReport>(shard);
    const parentOfReport = new Map<string, string>();
    for (const x of spilled) if (x.p !== undefined) parentOfReport.set(x.r.id, x.p);
    for (const f of fuseEventReports(spilled.map((x) => eventReport(x.r, ref(x.a))))) {
      for (const s of f.sources) if (scattered.referenced.has(s.reportId)) fusedIdOf.set(s.reportId, f.id);
      const spilledEvent: SpilledEvent = { f, p: f.sources.map((s) => parentOfReport.get(s.reportId) ?? null) };
      spill.append(monthBucket(FUSED_EVENTS, f.date), keyedLine(f, f.date, spilledEvent));
    }
  }
  for (const shard of spill.buckets(AGREEMENT_REPORTS)) {
    const reports = spill.records<SpilledAgreementReport>(shard).map((x) => agreementReport(x.r, ref(x.a)));
    for (const f of fuseAgreementReports(reports, (id) => fusedIdOf.get(id))) spill.append(monthBucket(FUSED_AGREEMENTS, f.dateSigned), keyedLine(f, f.dateSigned, f));
  }
  return fusedIdOf;
}
