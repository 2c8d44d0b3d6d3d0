import type { S3Client } from '@aws-sdk/client-s3';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { handler as normaliseHandler } from '../../functions/normalise.js';
import { handler as publishHandler } from '../../functions/publish.js';
import { DEFAULT_INCOMING_PREFIX } from '../../functions/runtime/env.js';
import { logger } from '../../functions/runtime/observability.js';
import { createS3Client } from '../../functions/runtime/s3.js';
import { parseS3EventMessage } from '../../functions/runtime/s3-event.js';
import { DEFAULT_MAX_BYTES } from '../../src/article/read-object.js';
import { DEFAULT_BASE_URI } from '../../src/datasets/jsonld.js';
import { PUBLISH_TRIGGER_PREFIXES } from '../../src/records/record-store.js';
import { ObjectNotFoundError } from '../../src/storage/errors.js';
import { FsStorage } from '../../src/storage/fs-storage.js';
import { S3Storage } from '../../src/storage/s3-storage.js';
import type { DeadLetter } from './dead-letters.js';
import { deadLetterFileIn } from './dead-letters.js';
import type { BucketNames } from './defaults.js';
import { DEFAULT_DATA_DIR, DEFAULT_MIRROR_DIR, DEFAULT_PORT, LOCAL_BUCKETS, LOCAL_CREDENTIALS, LOCAL_QUEUES, LOCAL_REGION } from './defaults.js';
import type { Invocation } from './local-queue.js';
import { LocalQueue } from './local-queue.js';
import type { NotificationRule } from './notifications.js';
import { NotificationRouter } from './notifications.js';
import { startS3Server } from './s3-server.js';

/**
 * The serverless pipeline on one machine: s3rver with the three buckets, the bucket
 * notifications of the stack (upload bucket incoming/ → normalise queue; working bucket
 * records/, sources/, rejections/ → publish queue), and in-process queues driving the very
 * handlers Lambda runs, configured through the same environment variables.
 * One local bucket per process: the handlers read their environment once.
 */
export interface LocalBucketOptions {
  /** 0 picks a free port. @default 4569 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** s3rver's data; kept across restarts. @default '.local/s3' */
  readonly dataDir?: string;
  /** A plain copy of the datasets bucket, refreshed after each publication; false for none. @default '.local/datasets' */
  readonly mirrorDir?: string | false;
  readonly buckets?: BucketNames;
  /** @default 'incoming/' */
  readonly incomingPrefix?: string;
  /** @default https://w3id.org/entente/ */
  readonly baseUri?: string;
  /** @default 5 MiB */
  readonly maxBytes?: number;
  /** How long the publish queue gathers changes before publishing. @default 500 */
  readonly publishWindowMs?: number;
  /** Normalise invocations at once, as Lambda would run several. @default 4 */
  readonly normaliseConcurrency?: number;
  /** Delay before a failed message is handed out again. @default 1000 */
  readonly retryDelayMs?: number;
  /** Level of the handlers' JSON logs. @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** s3rver's request log. @default false */
  readonly requestLog?: boolean;
  readonly onInvocation?: (invocation: Invocation) => void;
  /**
   * Where the functions reach the S3 API, given the server's own endpoint: a test puts a
   * proxy in between (test/helpers/fault-proxy.ts). The `client` of the local bucket always
   * talks to the server directly. @default the server's endpoint
   */
  readonly functionsEndpoint?: (serverEndpoint: string) => string | Promise<string>;
  /** Where messages that run out of receives are kept, one JSON line each, for `npm run redrive`; false for memory only. @default '<dataDir>/dead-letters.jsonl' */
  readonly deadLetterFile?: string | false;
  /** Called for each message given up on. */
  readonly onDeadLetter?: (letter: DeadLetter) => void;
}

export interface LocalBucket {
  readonly endpoint: string;
  readonly port: number;
  readonly buckets: BucketNames;
  readonly incomingPrefix: string;
  readonly dataDir: string;
  readonly mirrorDir: string | undefined;
  /** The dead-letter file, when dead letters are kept on disk. */
  readonly deadLetterFile: string | undefined;
  /** A client for this server (path style, s3rver's credentials). */
  readonly client: S3Client;
  readonly queues: { readonly normalise: LocalQueue; readonly publish: LocalQueue; readonly mirror?: LocalQueue };
  /** Where a published file can be downloaded. */
  datasetUrl(file: string): string;
  /** Resolves once every queue is empty and no handler runs: all uploads so far are published. */
  idle(): Promise<void>;
  /** Messages that exhausted their retries, by queue. */
  deadLetters(): Record<string, readonly SQSRecord[]>;
  close(): Promise<void>;
}

/** Lets a browser page read the datasets, like the CORS rule of the deployed bucket. */
const DATASETS_CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader></CORSRule></CORSConfiguration>`;

export async function startLocalBucket(options: LocalBucketOptions = {}): Promise<LocalBucket> {
  const buckets = options.buckets ?? LOCAL_BUCKETS;
  const incomingPrefix = options.incomingPrefix ?? DEFAULT_INCOMING_PREFIX;
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const mirrorDir = options.mirrorDir === false ? undefined : path.resolve(options.mirrorDir ?? DEFAULT_MIRROR_DIR);
  await mkdir(dataDir, { recursive: true });

  const s3 = await startS3Server({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? DEFAULT_PORT,
    directory: dataDir,
    silent: !options.requestLog,
    buckets: [{ name: buckets.upload }, { name: buckets.work }, { name: buckets.datasets, configs: [DATASETS_CORS] }],
  });

  const functionsEndpoint = options.functionsEndpoint ? await options.functionsEndpoint(s3.endpoint) : s3.endpoint;
  Object.assign(process.env, localFunctionEnvironment(functionsEndpoint, { ...options, buckets, incomingPrefix }));
  logger.setLogLevel(options.logLevel ?? 'INFO');
  const deadLetterFile = options.deadLetterFile === false ? undefined : path.resolve(options.deadLetterFile ?? deadLetterFileIn(dataDir));

  const client = createS3Client({ endpoint: s3.endpoint, forcePathStyle: true, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const normalise = new LocalQueue({
    name: LOCAL_QUEUES.normalise,
    handler: normaliseHandler,
    batchSize: 10,
    concurrency: options.normaliseConcurrency ?? 4,
    retryDelayMs,
    deadLetterFile,
  });
  // One publisher at a time, fed by a batching window: a burst of uploads is one publication.
  const publish = new LocalQueue({
    name: LOCAL_QUEUES.publish,
    handler: publishHandler,
    batchSize: 100,
    batchWindowMs: options.publishWindowMs ?? 500,
    concurrency: 1,
    retryDelayMs,
    deadLetterFile,
  });
  const mirror =
    mirrorDir === undefined
      ? undefined
      : new LocalQueue({ name: LOCAL_QUEUES.mirror, handler: mirrorHandler(new S3Storage(client, { bucket: buckets.datasets }), new FsStorage(mirrorDir)), batchSize: 100, batchWindowMs: 100, retryDelayMs, deadLetterFile });
  const queues = [normalise, publish, ...(mirror ? [mirror] : [])];
  for (const queue of queues) {
    queue.onInvocation = options.onInvocation;
    queue.onDeadLetter = options.onDeadLetter;
  }

  const toQueue = (queue: LocalQueue) => ({ queue: queue.name, deliver: (body: string) => queue.send(body) });
  const rules: NotificationRule[] = [
    { id: 'normalise-uploads', bucket: buckets.upload, events: ['ObjectCreated', 'ObjectRemoved'], prefix: incomingPrefix, ...toQueue(normalise) },
    ...PUBLISH_TRIGGER_PREFIXES.map(
      (prefix): NotificationRule => ({
        id: `publish-${prefix.replace(/\/$/, '')}`,
        bucket: buckets.work,
        events: ['ObjectCreated', 'ObjectRemoved'],
        prefix,
        ...toQueue(publish),
      }),
    ),
    ...(mirror ? [{ id: 'mirror-datasets', bucket: buckets.datasets, events: ['ObjectCreated', 'ObjectRemoved'] as const, ...toQueue(mirror) }] : []),
  ];
  const router = new NotificationRouter(rules, LOCAL_REGION);
  s3.server.on('event', (notification) => router.route(notification));
  // As S3 does when a notification configuration is saved. The publisher publishes on any
  // message, so this also brings the datasets up to date with what a previous run left.
  router.testEvents();

  const idle = async (): Promise<void> => {
    for (;;) {
      await Promise.all(queues.map((q) => q.whenIdle()));
      // A handler that just finished may have caused notifications still on their way.
      await new Promise((resolve) => setImmediate(resolve));
      if (queues.every((q) => q.idle)) return;
    }
  };

  return {
    endpoint: s3.endpoint,
    port: s3.port,
    buckets,
    incomingPrefix,
    dataDir,
    mirrorDir,
    deadLetterFile,
    client,
    queues: { normalise, publish, ...(mirror ? { mirror } : {}) },
    datasetUrl: (file) => `${s3.endpoint}/${buckets.datasets}/${file}`,
    idle,
    deadLetters: () => Object.fromEntries(queues.map((q) => [q.name, q.deadLetters])),
    async close() {
      for (const queue of queues) await queue.close();
      client.destroy();
      await s3.close();
    },
  };
}

/**
 * What the stack sets on the functions, plus what Lambda itself provides, for handlers
 * talking to the local S3 API at `endpoint`.
 */
export function localFunctionEnvironment(
  endpoint: string,
  options: Pick<LocalBucketOptions, 'buckets' | 'incomingPrefix' | 'maxBytes' | 'baseUri'> = {},
): Record<string, string> {
  const buckets = options.buckets ?? LOCAL_BUCKETS;
  return {
    UPLOAD_BUCKET: buckets.upload,
    WORK_BUCKET: buckets.work,
    DATASETS_BUCKET: buckets.datasets,
    INCOMING_PREFIX: options.incomingPrefix ?? DEFAULT_INCOMING_PREFIX,
    MAX_BYTES: String(options.maxBytes ?? DEFAULT_MAX_BYTES),
    BASE_URI: options.baseUri ?? DEFAULT_BASE_URI,
    AWS_ENDPOINT_URL_S3: endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  };
}

/** Where normalise once wrote a JSON report beside each refused upload, in the upload bucket. */
export const LEGACY_REPORT_PREFIX = 'rejected/';

/**
 * How many reports an earlier version left under rejected/ of the upload bucket. Nothing
 * keeps them up to date any more (normalise only reads the upload bucket; what could not be
 * read is in rejected.csv), so one may call bad a file fixed or deleted since. `npm run dev`
 * points them out rather than deleting what sits in a user's bucket.
 */
export async function countLegacyReports(client: S3Client, uploadBucket: string): Promise<number> {
  let count = 0;
  for await (const _ of new S3Storage(client, { bucket: uploadBucket }).list(LEGACY_REPORT_PREFIX)) count++;
  return count;
}

/** Keeps a plain folder in step with the datasets bucket; a test event copies everything. */
export function mirrorHandler(datasets: S3Storage, folder: FsStorage) {
  return async (event: SQSEvent): Promise<void> => {
    const latest = new Map<string, 'created' | 'removed'>();
    let everything = false;
    for (const message of event.Records) {
      const changes = parseS3EventMessage(message.body);
      if (changes.length === 0) everything = true;
      for (const change of changes) if (change.kind !== 'other') latest.set(change.key, change.kind);
    }
    if (everything) for await (const { key } of datasets.list()) latest.set(key, 'created');
    for (const [key, kind] of latest) {
      if (kind === 'removed') await folder.delete(key);
      else {
        const bytes = await datasets.get(key).catch((error: unknown) => {
          if (error instanceof ObjectNotFoundError) return undefined;
          throw error;
        });
        if (bytes === undefined) await folder.delete(key);
        else await folder.put(key, bytes);
      }
    }
  };
}
