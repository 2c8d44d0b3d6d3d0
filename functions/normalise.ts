import type { Context, SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { ingestUpload } from '../src/ingest/ingest.js';
import { SourceKeyTooLongError } from '../src/records/errors.js';
import { logger } from './runtime/observability.js';
import type { NormaliseResources } from './runtime/resources.js';
import { normaliseResources } from './runtime/resources.js';
import type { S3ObjectChange } from './runtime/s3-event.js';
import { parseS3EventMessage } from './runtime/s3-event.js';

/**
 * Upload notifications (upload bucket, incoming/ → SQS) → working storage. The upload
 * bucket is only read; what could not be read is logged here and kept in working storage,
 * from which it is published in rejected.csv. Each message is settled on its own: the ids
 * of those that failed are returned for SQS to retry (reportBatchItemFailures), the others
 * are done.
 */
export const handler = async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
  if (context !== undefined) logger.addContext(context);
  const resources = normaliseResources();
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const message of event.Records) {
    if (!(await handleMessage(message, resources))) batchItemFailures.push({ itemIdentifier: message.messageId });
  }
  return { batchItemFailures };
};

/** True when the message is done with (processed, or nothing to do); false to have it retried. */
async function handleMessage(message: SQSRecord, resources: NormaliseResources): Promise<boolean> {
  let changes: S3ObjectChange[];
  try {
    changes = parseS3EventMessage(message.body);
  } catch (error) {
    // Retried, then kept in the dead-letter queue where someone can look at it.
    logger.error('message is not an S3 event notification', { messageId: message.messageId, error: error as Error });
    return false;
  }
  if (changes.length === 0) logger.info('s3:TestEvent skipped', { messageId: message.messageId });
  let done = true;
  for (const change of changes) {
    if (!(await handleChange(change, resources))) done = false;
  }
  return done;
}

async function handleChange(change: S3ObjectChange, { env, uploads, store }: NormaliseResources): Promise<boolean> {
  const objectKey = change.key;
  if (change.kind === 'other' || change.bucket !== env.uploadBucket) {
    logger.warn('notification ignored', { objectKey, bucket: change.bucket, eventName: change.eventName });
    return true;
  }
  try {
    const result = await ingestUpload(
      uploads,
      store,
      objectKey,
      { kind: change.kind, ...(change.size !== undefined ? { size: change.size } : {}), ...(change.eTag !== undefined ? { version: change.eTag } : {}) },
      { incomingPrefix: env.incomingPrefix, maxBytes: env.maxBytes },
    );
    for (const articleId of result.articleIds) logger.info('article recorded', { objectKey, articleId });
    for (const articleId of result.removedArticleIds) logger.info('article no longer held by this key', { objectKey, articleId });
    for (const rejection of result.rejections) {
      logger.warn('upload rejected', { objectKey, reason: rejection.reason, detail: rejection.message, line: rejection.line, column: rejection.column });
    }
    logger.info(`upload ${result.state}`, {
      objectKey,
      eventName: change.eventName,
      sequencer: change.sequencer,
      articles: result.articleIds.length,
      rejections: result.rejections.length,
      passes: result.passes,
    });
    return true;
  } catch (error) {
    if (error instanceof SourceKeyTooLongError) {
      // Retrying cannot make the key shorter.
      logger.error('upload skipped: its key is too long to track', { objectKey, error });
      return true;
    }
    logger.error('upload could not be processed; the message will be retried', { objectKey, error: error as Error });
    return false;
  }
}
