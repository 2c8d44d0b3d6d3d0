import type { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { checkBaseUri, checkIntegerInRange, checkPrefix } from './checks.js';
import { normaliseFunctionDefaults, pipelineEnvironment, WORK_PREFIX_PURPOSE, WORK_PREFIXES, withDefaults } from './defaults.js';
import type { PipelineLogLevel } from './defaults.js';
import { acknowledgeBucketNotificationsHandler, acknowledgeObjectWildcards } from './acknowledgements.js';
import type { PipelineBuckets } from './queued-function.js';
import { QueuedFunction } from './queued-function.js';

export interface NormaliseFunctionProps {
  /** The upload, working and datasets buckets (the last only named in the environment). */
  readonly buckets: PipelineBuckets;
  /** The base URI of the datasets' JSON-LD ids (BASE_URI), ending in `/` or `#`. */
  readonly baseUri: string;
  /**
   * The handler file.
   * @default functions/normalise.ts
   */
  readonly entry?: string;
  /**
   * The upload prefix that triggers normalisation.
   * @default 'incoming/'
   */
  readonly incomingPrefix?: string;
  /**
   * Uploads larger than this are rejected without being read (MAX_BYTES).
   * @default 5 MiB (DEFAULT_MAX_BYTES)
   */
  readonly maxBytes?: number;
  /**
   * @default 1024
   */
  readonly memorySize?: number;
  /**
   * @default Duration.seconds(60)
   */
  readonly timeout?: Duration;
  /**
   * Messages per invocation.
   * @default 5
   */
  readonly batchSize?: number;
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

const NAME = 'NormaliseFunction';

/**
 * Upload bucket `incoming/` (created or removed) -> S3 notification -> SQS -> normalise.
 * It may read uploads under `incoming/` (and list the upload bucket), and read, write and
 * delete the working bucket's prefixes, where what an upload holds and what could not be
 * read in it are kept (rejections/, published in rejected.csv). Nothing else: it writes
 * nothing to the upload bucket and cannot touch the datasets bucket.
 */
export class NormaliseFunction extends Construct {
  readonly function: NodejsFunction;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: NormaliseFunctionProps) {
    super(scope, id);
    const resolved = withDefaults(normaliseFunctionDefaults(), props);
    checkNormaliseFunctionProps(props, resolved);
    const { upload, work, datasets } = props.buckets;

    const uploads = upload.arnForObjects(`${resolved.incomingPrefix}*`);
    const state = WORK_PREFIXES.map((prefix) => ({ prefix, arn: work.arnForObjects(`${prefix}*`) }));
    const statements = [
      new PolicyStatement({
        // GetObject also covers HeadObject.
        sid: 'ReadUploads',
        actions: ['s3:GetObject'],
        resources: [uploads],
      }),
      new PolicyStatement({
        // Listing turns a missing key into 404 instead of 403, so a vanished upload is told apart from a denial.
        sid: 'ListBuckets',
        actions: ['s3:ListBucket'],
        resources: [upload.bucketArn, work.bucketArn],
      }),
      new PolicyStatement({
        // Records and markers, and the rejections of each upload (kept here, not beside the upload).
        sid: 'ReadWriteWorkingState',
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: state.map(({ arn }) => arn),
      }),
    ];

    const queued = new QueuedFunction(this, 'Normalise', {
      construct: NAME,
      entry: resolved.entry,
      description: 'Entente normalise: one uploaded article -> its records in the working bucket',
      environment: pipelineEnvironment({
        uploadBucketName: upload.bucketName,
        workBucketName: work.bucketName,
        datasetsBucketName: datasets.bucketName,
        baseUri: props.baseUri,
        maxBytes: resolved.maxBytes,
        incomingPrefix: resolved.incomingPrefix,
        serviceName: 'entente-normalise',
        logLevel: resolved.logLevel,
      }),
      memorySize: resolved.memorySize,
      timeout: resolved.timeout,
      batchSize: resolved.batchSize,
      maxReceiveCount: resolved.maxReceiveCount,
      logRetention: resolved.logRetention,
      removalPolicy: resolved.removalPolicy,
      statements,
    });
    this.function = queued.function;
    this.queue = queued.queue;
    this.deadLetterQueue = queued.deadLetterQueue;
    acknowledgeObjectWildcards(queued.role, [
      { arn: uploads, why: `normalise reads the uploads under ${resolved.incomingPrefix} of the upload bucket, whatever their names (read only).` },
      ...state.map(({ prefix, arn }) => ({
        arn,
        why: `normalise keeps, under ${prefix} of the private working bucket, ${WORK_PREFIX_PURPOSE[prefix]} (get, put, delete).`,
      })),
    ]);

    const destination = new SqsDestination(this.queue);
    const filter = { prefix: resolved.incomingPrefix };
    upload.addEventNotification(EventType.OBJECT_CREATED, destination, filter);
    upload.addEventNotification(EventType.OBJECT_REMOVED, destination, filter);
    acknowledgeBucketNotificationsHandler(Stack.of(this));
  }
}

export function checkNormaliseFunctionProps(
  props: NormaliseFunctionProps,
  resolved: ReturnType<typeof normaliseFunctionDefaults>,
): void {
  checkBaseUri(NAME, 'baseUri', props.baseUri);
  checkPrefix(NAME, 'incomingPrefix', resolved.incomingPrefix);
  checkIntegerInRange(NAME, 'maxBytes', resolved.maxBytes, 1, 1024 * 1024 * 1024);
}
