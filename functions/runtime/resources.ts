import type { UploadReader } from '../../src/ingest/ingest.js';
import { RecordStore } from '../../src/records/record-store.js';
import { S3Storage } from '../../src/storage/s3-storage.js';
import type { NormaliseEnv, PublishEnv } from './env.js';
import { readNormaliseEnv, readPublishEnv } from './env.js';
import { sharedS3Client } from './s3.js';

/**
 * What each handler works with, built on its first invocation and kept for the life of the
 * container (the environment does not change under a running container).
 */
export interface NormaliseResources {
  readonly env: NormaliseEnv;
  /** The upload bucket, read only (its role grants no write there either). */
  readonly uploads: UploadReader;
  /** The working bucket: records, markers and the rejections of each upload key. */
  readonly store: RecordStore;
}

export interface PublishResources {
  readonly env: PublishEnv;
  readonly store: RecordStore;
  readonly datasets: S3Storage;
}

let normalise: NormaliseResources | undefined;
let publish: PublishResources | undefined;

export function normaliseResources(): NormaliseResources {
  if (normalise === undefined) {
    const env = readNormaliseEnv();
    const client = sharedS3Client(env.s3);
    normalise = { env, uploads: new S3Storage(client, { bucket: env.uploadBucket }), store: new RecordStore(new S3Storage(client, { bucket: env.workBucket })) };
  }
  return normalise;
}

export function publishResources(): PublishResources {
  if (publish === undefined) {
    const env = readPublishEnv();
    const client = sharedS3Client(env.s3);
    publish = { env, store: new RecordStore(new S3Storage(client, { bucket: env.workBucket })), datasets: new S3Storage(client, { bucket: env.datasetsBucket }) };
  }
  return publish;
}
