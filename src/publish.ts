import type { Rejection } from './article/article.js';
import { DEFAULT_BASE_URI } from './datasets/jsonld.js';
import type { DatasetSummary, PublishPhase } from './datasets/write-datasets.js';
import { writeDatasets } from './datasets/write-datasets.js';
import type { ArticleRecords } from './records/records.js';
import type { Storage } from './storage/storage.js';

export interface PublishOptions {
  /** IRIs of JSON-LD nodes live under it. */
  readonly baseUri?: string;
  readonly prefix?: string;
  readonly cacheControl?: string;
  /** Where scratch files go while publishing. @default os.tmpdir() */
  readonly scratchFolder?: string;
  /** Threads besides this one that share a large publication's work, fusing and rendering (src/datasets/publish-threads.ts). @default available cores − 1, at most 3 */
  readonly publishThreads?: number;
  /** Called as each step of the publication ends, with the seconds it took. */
  readonly onPhase?: (phase: PublishPhase, seconds: number) => void;
}

/**
 * Every article's records → the dataset files in a Storage. Kept apart from reading and
 * extraction (src/pipeline.ts) so that the publish function carries neither the HTML
 * reader nor the language model. The records are read once, in any order, and not kept:
 * memory does not grow with their number (see src/datasets/write-datasets.ts). An article
 * given twice (the same content under several keys) is published once with every key.
 */
export async function publish(
  records: Iterable<ArticleRecords> | AsyncIterable<ArticleRecords>,
  rejections: readonly Rejection[],
  output: Storage,
  options: PublishOptions = {},
): Promise<DatasetSummary> {
  return writeDatasets(records, rejections, output, {
    baseUri: options.baseUri ?? DEFAULT_BASE_URI,
    prefix: options.prefix,
    cacheControl: options.cacheControl,
    scratchFolder: options.scratchFolder,
    publishThreads: options.publishThreads,
    onPhase: options.onPhase,
  });
}
