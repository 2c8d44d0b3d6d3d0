import type { Duration, RemovalPolicy, Size } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { PARTITION_MANIFEST_FILE } from '../../src/datasets/partitions.js';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { checkBaseUri, checkNonEmpty, checkPrefix } from './checks.js';
import { datasetPublisherDefaults, INCOMING_PREFIX, pipelineEnvironment, PUBLISH_READ_PREFIXES, WORK_PREFIX_PURPOSE, WORK_PREFIXES, withDefaults } from './defaults.js';
import type { PipelineLogLevel } from './defaults.js';
import { InvalidPropsError } from './errors.js';
import { acknowledgeBucketNotificationsHandler, acknowledgeObjectWildcards } from './acknowledgements.js';
import type { PipelineBuckets } from './queued-function.js';
import { QueuedFunction } from './queued-function.js';

export interface DatasetPublisherProps {
  /** The upload (only named in the environment), working and datasets buckets. */
  readonly buckets: PipelineBuckets;
  /** The base URI of the datasets' JSON-LD ids (BASE_URI), ending in `/` or `#`. */
  readonly baseUri: string;
  /**
   * The handler file.
   * @default functions/publish.ts
   */
  readonly entry?: string;
  /**
   * Working-bucket prefixes whose changes (created or removed) trigger a publication.
   * @default ['records/', 'sources/', 'rejections/']
   */
  readonly triggerPrefixes?: readonly string[];
  /**
   * @default 1536
   */
  readonly memorySize?: number;
  /**
   * The /tmp space of the function, where a publication keeps its scratch files.
   * @default Size.gibibytes(10)
   */
  readonly ephemeralStorageSize?: Size;
  /**
   * @default Duration.minutes(5)
   */
  readonly timeout?: Duration;
  /**
   * Messages per invocation: one publication covers them all.
   * @default 100
   */
  readonly batchSize?: number;
  /**
   * How long SQS gathers messages before invoking, so a burst of uploads makes one publication.
   * @default Duration.seconds(30)
   */
  readonly maxBatchingWindow?: Duration;
  /**
   * Receives before a message moves to the dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;
  /**
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * POWERTOOLS_LOG_LEVEL.
   * @default 'INFO'
   */
  readonly logLevel?: PipelineLogLevel;
  /**
   * Removal policy of the log group.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const NAME = 'DatasetPublisher';

/**
 * Working bucket `records/`, `sources/` and `rejections/` changes -> S3 notification -> SQS (batching
 * window) -> publish, one invocation at a time (reserved concurrency 1). It may read the
 * records/, sources/ and rejections/ prefixes of the working bucket and put objects in the
 * datasets bucket; it cannot read uploads, nor write the working bucket.
 */
export class DatasetPublisher extends Construct {
  readonly function: NodejsFunction;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: DatasetPublisherProps) {
    super(scope, id);
    const resolved = withDefaults(datasetPublisherDefaults(), props);
    checkDatasetPublisherProps(props, resolved);
    const { upload, work, datasets } = props.buckets;

    const state = PUBLISH_READ_PREFIXES.map((prefix) => ({ prefix, arn: work.arnForObjects(`${prefix}*`) }));
    const published = datasets.arnForObjects('*');
    const statements = [
      new PolicyStatement({
        sid: 'ReadWorkingState',
        actions: ['s3:GetObject'],
        resources: state.map(({ arn }) => arn),
      }),
      new PolicyStatement({
        // Listing turns a missing key into 404 instead of 403, and publish lists records/.
        sid: 'ListWorkingState',
        actions: ['s3:ListBucket'],
        resources: [work.bucketArn],
      }),
      new PolicyStatement({
        sid: 'WriteDatasets',
        actions: ['s3:PutObject'],
        resources: [published],
      }),
      new PolicyStatement({
        // The one published object it reads: the partition manifest, so that a publication
        // rewrites only the monthly partitions whose bytes changed.
        sid: 'ReadPartitionManifest',
        actions: ['s3:GetObject'],
        resources: [datasets.arnForObjects(PARTITION_MANIFEST_FILE)],
      }),
    ];

    const queued = new QueuedFunction(this, 'Publish', {
      construct: NAME,
      entry: resolved.entry,
      description: 'Entente publish: working records -> the public datasets, one writer at a time',
      environment: pipelineEnvironment({
        uploadBucketName: upload.bucketName,
        workBucketName: work.bucketName,
        datasetsBucketName: datasets.bucketName,
        baseUri: props.baseUri,
        maxBytes: resolved.maxBytes,
        incomingPrefix: INCOMING_PREFIX,
        serviceName: 'entente-publish',
        logLevel: resolved.logLevel,
      }),
      memorySize: resolved.memorySize,
      timeout: resolved.timeout,
      batchSize: resolved.batchSize,
      maxBatchingWindow: resolved.maxBatchingWindow,
      // One writer at a time. The SQS poller's floor is 2, which keeps throttled retries few.
      reservedConcurrentExecutions: 1,
      maxConcurrency: 2,
      maxReceiveCount: resolved.maxReceiveCount,
      logRetention: resolved.logRetention,
      removalPolicy: resolved.removalPolicy,
      statements,
    });
    (queued.function.node.defaultChild as CfnFunction).ephemeralStorage = { size: resolved.ephemeralStorageSize.toMebibytes() };
    this.function = queued.function;
    this.queue = queued.queue;
    this.deadLetterQueue = queued.deadLetterQueue;
    acknowledgeObjectWildcards(queued.role, [
      ...state.map(({ prefix, arn }) => ({
        arn,
        why: `publish reads, under ${prefix} of the private working bucket, ${WORK_PREFIX_PURPOSE[prefix]} (get only).`,
      })),
      {
        arn: published,
        why:
          'publish puts the dataset files (events.csv, agreements.csv, articles.csv, rejected.csv, *.jsonld, catalog files) at the root of the ' +
          'datasets bucket, which holds nothing else but README.md and LICENSE (put only: no read, no delete).',
      },
    ]);

    const destination = new SqsDestination(this.queue);
    for (const prefix of resolved.triggerPrefixes) {
      work.addEventNotification(EventType.OBJECT_CREATED, destination, { prefix });
      work.addEventNotification(EventType.OBJECT_REMOVED, destination, { prefix });
    }
    acknowledgeBucketNotificationsHandler(Stack.of(this));
  }
}

export function checkDatasetPublisherProps(
  props: DatasetPublisherProps,
  resolved: ReturnType<typeof datasetPublisherDefaults>,
): void {
  checkBaseUri(NAME, 'baseUri', props.baseUri);
  checkNonEmpty(NAME, 'triggerPrefixes', resolved.triggerPrefixes);
  for (const prefix of resolved.triggerPrefixes) {
    checkPrefix(NAME, 'triggerPrefixes', prefix);
    if (!WORK_PREFIXES.some((known) => prefix.startsWith(known))) {
      throw new InvalidPropsError(NAME, 'triggerPrefixes', prefix, `must lie under one of the working prefixes ${WORK_PREFIXES.join(', ')}`);
    }
  }
  // S3 refuses two notification rules whose prefixes overlap for the same event type.
  for (const a of resolved.triggerPrefixes) {
    for (const b of resolved.triggerPrefixes) {
      if (a !== b && a.startsWith(b)) throw new InvalidPropsError(NAME, 'triggerPrefixes', [a, b], 'overlap; S3 refuses overlapping notification filters');
    }
  }
  if (new Set(resolved.triggerPrefixes).size !== resolved.triggerPrefixes.length) {
    throw new InvalidPropsError(NAME, 'triggerPrefixes', resolved.triggerPrefixes, 'lists a prefix twice');
  }
}
