import type { Rejection } from '../article/article.js';
import { ObjectNotFoundError } from '../storage/errors.js';
import type { Storage } from '../storage/storage.js';
import { CorruptRecordError, InvalidArticleIdError, SourceKeyTooLongError } from './errors.js';
import type { ArticleRecords } from './records.js';

/**
 * The private working storage of the serverless pipeline, over any Storage (a bucket,
 * or a folder in tests). Every object is written whole by one writer and never read,
 * changed and written back, so concurrent handlers cannot lose each other's work:
 *
 *   records/<articleId>.json                  the article's records, without source keys:
 *                                             keyed by content, so a redelivered event or the
 *                                             same content under another key rewrites the same bytes
 *   sources/<articleId>/<enc(sourceKey)>      empty marker: this key holds this article
 *   by-key/<enc(sourceKey)>/<articleId>       the same fact indexed by key, for deletes
 *   rejections/<enc(sourceKey)>.json          the Rejections of that key, while it has any
 *
 * enc = encodeURIComponent, so a key is one segment whatever "/" it holds. An article is
 * published while at least one marker names it; records of an article with no marker left
 * stay (they are the cache of a content hash) but are no longer read.
 */
export const WORK_PREFIXES = {
  records: 'records/',
  sources: 'sources/',
  byKey: 'by-key/',
  rejections: 'rejections/',
} as const;

/** Changes under these prefixes change the next publication: the publisher is notified of them. */
export const PUBLISH_TRIGGER_PREFIXES: readonly string[] = [WORK_PREFIXES.records, WORK_PREFIXES.sources, WORK_PREFIXES.rejections];

export interface RecordStoreOptions {
  /** Requests at once when a step touches many objects. @default 16 */
  readonly concurrency?: number;
  /** Longest key the storage takes, in UTF-8 bytes. @default 1024 (S3) */
  readonly maxKeyBytes?: number;
}

/** What the caller knows beyond the by-key index. */
export interface ContributionOptions {
  /**
   * Articles the caller marked for this key earlier (a previous pass over an older version
   * of the upload). Unlinked unless the key holds them now, even when the by-key index no
   * longer names them: a marker written while another invocation removed the same article
   * would otherwise be found by nothing (see ingestUpload).
   */
  readonly marked?: Iterable<string>;
}

/** What one source key contributes after a change. */
export interface Contribution {
  readonly sourceKey: string;
  /** Articles the key holds now, in the order read. */
  readonly articleIds: readonly string[];
  /** Articles the key held before and holds no more. */
  readonly removedArticleIds: readonly string[];
  readonly rejections: number;
}

/** Everything to publish, as working storage holds it now. */
export interface WorkingSnapshot {
  /** One per article still named by a marker, sourceKeys filled from the markers, by article id. */
  readonly records: ArticleRecords[];
  readonly rejections: Rejection[];
  /** Articles named by a marker whose records file is missing (skipped). */
  readonly missing: readonly string[];
}

type StoredRecords = Omit<ArticleRecords, 'sourceKeys'>;

const ARTICLE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class RecordStore {
  private readonly concurrency: number;
  private readonly maxKeyBytes: number;

  constructor(
    readonly storage: Storage,
    options: RecordStoreOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 16;
    this.maxKeyBytes = options.maxKeyBytes ?? 1024;
  }

  /** Throws SourceKeyTooLongError when the key cannot be tracked; call before any work on it. */
  checkSourceKey(sourceKey: string): void {
    const enc = encodeURIComponent(sourceKey);
    // The longest key the layout builds for it: a marker under an article id of up to 64 characters.
    const bytes = Math.max(WORK_PREFIXES.sources.length + 65, WORK_PREFIXES.byKey.length + 65, WORK_PREFIXES.rejections.length + 5) + Buffer.byteLength(enc);
    if (bytes > this.maxKeyBytes) throw new SourceKeyTooLongError(sourceKey, bytes, this.maxKeyBytes);
  }

  /**
   * Makes `records` and `rejections` what `sourceKey` contributes, replacing whatever it
   * contributed before. Order matters for a crash half-way: records before the markers that
   * name them, the by-key index before the marker it finds, stale markers removed last.
   */
  async putContribution(sourceKey: string, records: readonly ArticleRecords[], rejections: readonly Rejection[], options: ContributionOptions = {}): Promise<Contribution> {
    this.checkSourceKey(sourceKey);
    const enc = encodeURIComponent(sourceKey);
    const byId = new Map<string, ArticleRecords>();
    for (const r of records) {
      if (!ARTICLE_ID.test(r.articleId) || r.articleId.length > 64) throw new InvalidArticleIdError(r.articleId);
      if (!byId.has(r.articleId)) byId.set(r.articleId, r);
    }
    const before = [...new Set([...(await this.articleIdsOf(sourceKey)), ...(options.marked ?? [])])];

    await this.each([...byId.values()], (r) => this.storage.put(recordsKey(r.articleId), serialise(r), { contentType: 'application/json' }));
    await this.each([...byId.keys()], async (id) => {
      await this.storage.put(byKeyKey(enc, id), '');
      await this.storage.put(sourcesKey(id, enc), '');
    });
    await this.putRejections(enc, rejections);

    const stale = before.filter((id) => !byId.has(id));
    await this.each(stale, (id) => this.unlink(id, enc));
    return { sourceKey, articleIds: [...byId.keys()], removedArticleIds: stale, rejections: rejections.length };
  }

  /** `sourceKey` is gone: its markers and rejections go; records other keys hold stay published. */
  async removeContribution(sourceKey: string, options: ContributionOptions = {}): Promise<Contribution> {
    this.checkSourceKey(sourceKey);
    const enc = encodeURIComponent(sourceKey);
    const before = [...new Set([...(await this.articleIdsOf(sourceKey)), ...(options.marked ?? [])])];
    await this.each(before, (id) => this.unlink(id, enc));
    await this.putRejections(enc, []);
    return { sourceKey, articleIds: [], removedArticleIds: before, rejections: 0 };
  }

  /** The articles `sourceKey` holds, from the by-key index. */
  async articleIdsOf(sourceKey: string): Promise<string[]> {
    const prefix = `${WORK_PREFIXES.byKey}${encodeURIComponent(sourceKey)}/`;
    const ids: string[] = [];
    for await (const { key } of this.storage.list(prefix)) ids.push(key.slice(prefix.length));
    return ids;
  }

  /** Everything the next publication is built from, in memory (see `articles` for a stream). */
  async loadAll(): Promise<WorkingSnapshot> {
    const missing: string[] = [];
    const records: ArticleRecords[] = [];
    for await (const r of this.articles(missing)) records.push(r);
    return { records, rejections: await this.loadRejections(), missing: missing.sort() };
  }

  /**
   * Every article still named by a marker, its sourceKeys filled from the markers, in id
   * order, read `concurrency` at a time ahead of the consumer and not kept: memory holds the
   * marker index (ids and keys) and a window of records, not every article. Ids whose
   * records file is missing are skipped and pushed to `missing`.
   */
  async *articles(missing: string[] = []): AsyncGenerator<ArticleRecords> {
    const sourcesById = new Map<string, string[]>();
    for await (const { key } of this.storage.list(WORK_PREFIXES.sources)) {
      const rest = key.slice(WORK_PREFIXES.sources.length);
      const slash = rest.indexOf('/');
      if (slash <= 0) throw new CorruptRecordError(`"${key}" is not sources/<articleId>/<encoded key>`, key);
      const id = rest.slice(0, slash);
      const sourceKey = decodeSegment(rest.slice(slash + 1), key);
      const keys = sourcesById.get(id);
      if (keys) keys.push(sourceKey);
      else sourcesById.set(id, [sourceKey]);
    }

    const ids = [...sourcesById.keys()].sort();
    const read = async (id: string): Promise<ArticleRecords | undefined> => {
      const key = recordsKey(id);
      let bytes: Uint8Array;
      try {
        bytes = await this.storage.get(key);
      } catch (error) {
        if (error instanceof ObjectNotFoundError) return undefined;
        throw error;
      }
      const stored = parseJson(bytes, key) as StoredRecords;
      if (typeof stored !== 'object' || stored === null || stored.articleId !== id || !Array.isArray(stored.events) || !Array.isArray(stored.agreements)) {
        throw new CorruptRecordError(`"${key}" does not hold the records of ${id}`, key);
      }
      return { ...stored, sourceKeys: [...new Set(sourcesById.get(id))].sort() };
    };
    // A window of reads in flight, consumed in order.
    const window: Promise<ArticleRecords | undefined>[] = [];
    let next = 0;
    const fill = (): void => {
      while (window.length < this.concurrency && next < ids.length) {
        const pending = read(ids[next++] as string);
        pending.catch(() => undefined); // awaited in turn below; not an unhandled rejection meanwhile
        window.push(pending);
      }
    };
    for (let i = 0; i < ids.length; i++) {
      fill();
      const records = await (window.shift() as Promise<ArticleRecords | undefined>);
      if (records === undefined) missing.push(ids[i] as string);
      else yield records;
    }
  }

  /** Every stored rejection (a few per bad upload). */
  async loadRejections(): Promise<Rejection[]> {
    const rejections: Rejection[] = [];
    const rejectionKeys: string[] = [];
    for await (const { key } of this.storage.list(WORK_PREFIXES.rejections)) rejectionKeys.push(key);
    const lists = await this.map(rejectionKeys, async (key) => {
      try {
        return parseRejections(parseJson(await this.storage.get(key), key), key);
      } catch (error) {
        // Removed between the listing and the read: the key was deleted or now reads fine.
        if (error instanceof ObjectNotFoundError) return [];
        throw error;
      }
    });
    for (const list of lists) rejections.push(...list);
    return rejections;
  }

  private async putRejections(enc: string, rejections: readonly Rejection[]): Promise<void> {
    const key = rejectionsKey(enc);
    if (rejections.length > 0) {
      await this.storage.put(key, `${JSON.stringify(rejections, null, 2)}\n`, { contentType: 'application/json' });
    } else if ((await this.storage.head(key)) !== undefined) {
      // Only when there is one: a delete is a change the publisher would be woken for.
      await this.storage.delete(key);
    }
  }

  private async unlink(id: string, enc: string): Promise<void> {
    await this.storage.delete(sourcesKey(id, enc));
    await this.storage.delete(byKeyKey(enc, id));
  }

  private async each<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
    await this.map(items, work);
  }

  /** `work` over `items`, at most `concurrency` at once, results in order. */
  private async map<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array<R>(items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i] as T);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, items.length) }, worker));
    return results;
  }
}

const recordsKey = (id: string): string => `${WORK_PREFIXES.records}${id}.json`;
const sourcesKey = (id: string, enc: string): string => `${WORK_PREFIXES.sources}${id}/${enc}`;
const byKeyKey = (enc: string, id: string): string => `${WORK_PREFIXES.byKey}${enc}/${id}`;
const rejectionsKey = (enc: string): string => `${WORK_PREFIXES.rejections}${enc}.json`;

function serialise(records: ArticleRecords): string {
  const { sourceKeys: _sourceKeys, ...stored } = records;
  return `${JSON.stringify(stored satisfies StoredRecords)}\n`;
}

function decodeSegment(segment: string, key: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    throw new CorruptRecordError(`"${key}" does not end with a URL-encoded source key`, key, { cause: error });
  }
}

function parseJson(bytes: Uint8Array, key: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new CorruptRecordError(`"${key}" is not JSON`, key, { cause: error });
  }
}

function parseRejections(json: unknown, key: string): Rejection[] {
  const ok =
    Array.isArray(json) &&
    json.every((r: unknown) => typeof r === 'object' && r !== null && typeof (r as Rejection).sourceKey === 'string' && typeof (r as Rejection).reason === 'string' && typeof (r as Rejection).message === 'string');
  if (!ok) throw new CorruptRecordError(`"${key}" is not a list of rejections`, key);
  return json as Rejection[];
}
