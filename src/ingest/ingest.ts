import type { Rejection } from '../article/article.js';
import { DEFAULT_MAX_BYTES } from '../article/read-object.js';
import type { ObjectOutcome, PipelineOptions } from '../pipeline.js';
import { processObject, tooLargeOutcome } from '../pipeline.js';
import type { RecordStore } from '../records/record-store.js';
import { ObjectNotFoundError } from '../storage/errors.js';
import type { ObjectInfo, Storage } from '../storage/storage.js';
import { UploadKeptChangingError } from './errors.js';

/**
 * One upload key → working storage, whatever order its notifications arrive in. S3 to SQS
 * delivers at least once and in no set order, so the event only says which key to look
 * at: the key is brought in line with the object as it is now (or with its absence), and
 * the work is checked against the object's version afterwards; if the object changed
 * meanwhile, the pass is made again with what is there now.
 *
 * The upload storage is only read (get, head): every write goes to working storage. What
 * could not be read is kept there with the key's other contributions (the RecordStore's
 * rejections/<enc(sourceKey)>.json, replaced or removed with them) and published in
 * rejected.csv; no report is written beside the upload.
 */
export interface UploadHint {
  /** What the notification said happened. */
  readonly kind: 'created' | 'removed';
  /** From an ObjectCreated event: lets an object over the limit be rejected without reading it. */
  readonly size?: number;
  /** The ETag of the event (created only). */
  readonly version?: string;
}

export interface IngestOptions extends PipelineOptions {
  /** Uploads live under it; the source key is the rest of the object key. @default 'incoming/' */
  readonly incomingPrefix?: string;
  /** @default 3 */
  readonly maxPasses?: number;
}

export type IngestState =
  /** The key's articles and rejections are recorded. */
  | 'recorded'
  /** The key is gone; what it contributed is removed. */
  | 'removed'
  /** Not an upload: outside the prefix, or a folder placeholder. */
  | 'ignored';

export interface IngestResult {
  readonly key: string;
  readonly sourceKey: string;
  readonly state: IngestState;
  /** Articles the key holds now. */
  readonly articleIds: readonly string[];
  /** Articles it held before this change and no longer does. */
  readonly removedArticleIds: readonly string[];
  /** What could not be read, as kept in working storage (and published in rejected.csv). */
  readonly rejections: readonly Rejection[];
  /** 1 unless the upload changed while it was read. */
  readonly passes: number;
}

/** All ingestUpload may do with the upload storage: read. */
export type UploadReader = Pick<Storage, 'get' | 'head'>;

export async function ingestUpload(uploads: UploadReader, store: RecordStore, key: string, hint: UploadHint, options: IngestOptions = {}): Promise<IngestResult> {
  const incomingPrefix = options.incomingPrefix ?? 'incoming/';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxPasses = options.maxPasses ?? 3;
  const sourceKey = key.startsWith(incomingPrefix) ? key.slice(incomingPrefix.length) : '';
  if (sourceKey === '' || key.endsWith('/')) {
    return { key, sourceKey, state: 'ignored', articleIds: [], removedArticleIds: [], rejections: [], passes: 0 };
  }
  store.checkSourceKey(sourceKey);

  // What the object is believed to be: from the event for a creation (so its size can be
  // checked before reading), looked up for a removal (the key may hold a newer upload).
  let seen: ObjectInfo | undefined =
    hint.kind === 'created' ? { key, size: hint.size ?? 0, version: hint.version ?? '' } : await uploads.head(key);
  // Articles marked for the key by an earlier pass: if that pass read a version that was
  // replaced meanwhile, another invocation may have removed those markers while this one
  // was writing them, leaving a sources/ marker without its by-key/ entry. The next pass
  // unlinks them by name rather than trusting the index to find them.
  const marked = new Set<string>();
  for (let pass = 1; pass <= maxPasses; pass++) {
    let outcome: ObjectOutcome | undefined;
    if (seen !== undefined) {
      if (seen.size > maxBytes) outcome = tooLargeOutcome(sourceKey, seen.size, maxBytes);
      else {
        try {
          outcome = await processObject(sourceKey, await uploads.get(key), options);
        } catch (error) {
          if (!(error instanceof ObjectNotFoundError)) throw error;
          seen = undefined;
        }
      }
    }

    let result: IngestResult;
    if (outcome === undefined) {
      // Its rejections go with its markers: nothing is left that says the key is bad.
      const change = await store.removeContribution(sourceKey, { marked });
      result = { key, sourceKey, state: 'removed', articleIds: [], removedArticleIds: change.removedArticleIds, rejections: [], passes: pass };
    } else {
      // Replaces the key's rejections too: an upload that now reads cleanly loses them.
      const change = await store.putContribution(sourceKey, outcome.records, outcome.rejections, { marked });
      for (const id of change.articleIds) marked.add(id);
      result = {
        key,
        sourceKey,
        state: 'recorded',
        articleIds: change.articleIds,
        removedArticleIds: change.removedArticleIds,
        rejections: outcome.rejections,
        passes: pass,
      };
    }

    const now = await uploads.head(key);
    if (now?.version === seen?.version) return result;
    seen = now;
  }
  throw new UploadKeptChangingError(key, maxPasses);
}
