import type { Rejection } from './article/article.js';
import { DEFAULT_MAX_BYTES, readObject } from './article/read-object.js';
import { extractArticle } from './extract/extractor.js';
import type { ArticleRecords } from './records/records.js';
import { buildArticleRecords } from './records/records.js';
import type { Storage } from './storage/storage.js';

/**
 * The one sequence both doors (CLI, Lambda handlers) call:
 *   processObject: bytes of one upload → article records + rejections (no I/O but the
 *                  on-demand import of the reader's heavy parts: see readObject)
 *   publish:       every article's records → the dataset files in a Storage (src/publish.ts)
 */
export interface PipelineOptions {
  /** Objects larger than this are rejected unread. */
  readonly maxBytes?: number;
  /** IRIs of JSON-LD nodes live under it. */
  readonly baseUri?: string;
}

export interface ObjectOutcome {
  readonly sourceKey: string;
  readonly records: ArticleRecords[];
  readonly rejections: Rejection[];
}

export async function processObject(sourceKey: string, bytes: Uint8Array, options: PipelineOptions = {}): Promise<ObjectOutcome> {
  const read = await readObject(sourceKey, bytes, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES });
  const records: ArticleRecords[] = [];
  const rejections: Rejection[] = [...read.rejections];
  for (const article of read.articles) {
    try {
      records.push(buildArticleRecords(article, extractArticle(article)));
    } catch (error) {
      // A defect of ours must not lose the batch: report it against the article and go on.
      const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      rejections.push({ sourceKey, reason: 'internal-error', message: `extraction failed for article ${article.index} (${article.id}): ${why}` });
    }
  }
  return { sourceKey, records, rejections };
}

/** An object known from its listing or event to be over the limit: rejected without reading it. */
export function tooLargeOutcome(sourceKey: string, size: number, maxBytes: number): ObjectOutcome {
  return {
    sourceKey,
    records: [],
    rejections: [{ sourceKey, reason: 'too-large', message: `${size} bytes is over the limit of ${maxBytes} bytes; not read` }],
  };
}

export interface ProcessProgress {
  readonly index: number;
  readonly total: number;
  readonly outcome: ObjectOutcome;
}

export interface StorageRun {
  readonly records: ArticleRecords[];
  readonly rejections: Rejection[];
  readonly objects: number;
}

/** Every object of `input` (under `prefix`, minus `exclude`), in key order. */
export async function processStorage(
  input: Storage,
  options: PipelineOptions & { readonly prefix?: string; readonly exclude?: (key: string) => boolean; readonly onProgress?: (p: ProcessProgress) => void } = {},
): Promise<StorageRun> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const objects = [];
  for await (const object of input.list(options.prefix ?? '')) if (!options.exclude?.(object.key)) objects.push(object);
  const records: ArticleRecords[] = [];
  const rejections: Rejection[] = [];
  for (const [index, object] of objects.entries()) {
    const outcome: ObjectOutcome =
      object.size > maxBytes ? tooLargeOutcome(object.key, object.size, maxBytes) : await processObject(object.key, await input.get(object.key), options);
    records.push(...outcome.records);
    rejections.push(...outcome.rejections);
    options.onProgress?.({ index, total: objects.length, outcome });
  }
  return { records, rejections, objects: objects.length };
}

export { publish } from './publish.js';
export type { PublishOptions } from './publish.js';
