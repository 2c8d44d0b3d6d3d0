import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { removeStaleSpills } from '../src/datasets/spill.js';
import { publish } from '../src/publish.js';
import { logger } from './runtime/observability.js';
import { publishResources } from './runtime/resources.js';
import { parseS3EventMessage } from './runtime/s3-event.js';

/**
 * Working-storage change notifications (records/, sources/, rejections/ → SQS, batched
 * with a window; one instance at a time) → every dataset rebuilt from working storage and
 * written to the datasets bucket, data files first and articles.csv last. What changed
 * does not matter, only that something did: the publication is a pure function of the
 * working storage, so running it twice gives the same files. On failure every message of
 * the batch is returned for retry; a publication that fails half-way has made nothing
 * half-written visible (full files appear whole or not at all, the catalog goes last).
 */
/** Longer than any publication may run (Lambda stops a function after 15 minutes at most). */
const STALE_SCRATCH_MS = 20 * 60_000;

export const handler = async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
  if (context !== undefined) logger.addContext(context);
  if (event.Records.length === 0) return { batchItemFailures: [] };
  let changes = 0;
  for (const message of event.Records) {
    try {
      changes += parseS3EventMessage(message.body).length;
    } catch (error) {
      // It still says that something changed, which is all a publication needs.
      logger.warn('message is not an S3 event notification; publishing anyway', { messageId: message.messageId, error: error as Error });
    }
  }
  try {
    const { env, store, datasets } = publishResources();
    const started = performance.now();
    // A publication killed by a timeout leaves its scratch files in /tmp, which outlives it.
    const stale = removeStaleSpills(STALE_SCRATCH_MS);
    if (stale > 0) logger.warn('removed the scratch files of publications that did not finish', { folders: stale });
    const rejections = await store.loadRejections();
    const missing: string[] = [];
    // Streamed: the articles are read as the publication goes, never all held at once.
    const summary = await publish(store.articles(missing), rejections, datasets, { baseUri: env.baseUri, cacheControl: env.cacheControl });
    for (const articleId of missing) logger.warn('article named by a source marker has no records; left out', { articleId });
    logger.info('datasets published', {
      messages: event.Records.length,
      changes,
      articles: summary.articles,
      events: summary.events,
      agreements: summary.agreements,
      rejected: summary.rejected,
      files: summary.files.map((f) => f.key),
      milliseconds: Math.round(performance.now() - started),
    });
    return { batchItemFailures: [] };
  } catch (error) {
    logger.error('publication failed; the batch will be retried', { messages: event.Records.length, error: error as Error });
    return { batchItemFailures: event.Records.map((message) => ({ itemIdentifier: message.messageId })) };
  }
};
