import { existsSync, readFileSync, statSync } from 'node:fs';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { BucketProps } from 'aws-cdk-lib/aws-s3';
import { AwsCustomResource, AwsCustomResourcePolicy, Logging, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { checkDurationInRange, checkNonEmpty } from './checks.js';
import { articleBucketsDefaults, withDefaults } from './defaults.js';
import type { DatasetsRootFile } from './defaults.js';
import { InvalidPropsError } from './errors.js';

export interface ArticleBucketsProps {
  /**
   * What happens to the buckets (and their objects) when the stack is deleted or a bucket
   * is replaced. `DESTROY` also empties them first (autoDeleteObjects).
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * How long a replaced or deleted upload is kept as a noncurrent version.
   * @default Duration.days(30)
   */
  readonly noncurrentVersionExpiration?: Duration;
  /**
   * When an unfinished multipart upload to the upload bucket is aborted.
   * @default Duration.days(7)
   */
  readonly abortIncompleteMultipartUploadAfter?: Duration;
  /**
   * How long server access log files are kept.
   * @default Duration.days(365)
   */
  readonly accessLogsExpiration?: Duration;
  /**
   * Origins allowed to GET/HEAD the datasets from a browser.
   * @default ['*']
   */
  readonly corsAllowedOrigins?: readonly string[];
  /**
   * Files written once at the root of the datasets bucket at deploy time.
   * @default README.md and LICENSE from infra/datasets-root/
   */
  readonly rootFiles?: readonly DatasetsRootFile[];
  /**
   * `Cache-Control` of the root files.
   * @default 'public, max-age=300'
   */
  readonly rootFilesCacheControl?: string;
}

type ResolvedProps = ReturnType<typeof articleBucketsDefaults>;

const NAME = 'ArticleBuckets';
/** The custom resource Lambda receives the file bodies inline; stay well under its payload limit. */
const MAX_ROOT_FILE_BYTES = 64 * 1024;

/**
 * The four buckets of the pipeline:
 * - upload: private, versioned, where users put articles under `incoming/`;
 * - work: private, the pipeline's records keyed by content hash;
 * - datasets: anyone may GET (never list, never write) the published files; CORS for GET/HEAD;
 *   a README and LICENSE at its root;
 * - access logs: server access logs of the three others.
 * All four block ACLs, are encrypted with S3-managed keys and refuse plain HTTP.
 */
export class ArticleBuckets extends Construct {
  readonly uploadBucket: Bucket;
  readonly workBucket: Bucket;
  readonly datasetsBucket: Bucket;
  readonly accessLogsBucket: Bucket;
  /** `https://<datasets bucket regional domain>/`: where the published files can be fetched. */
  readonly datasetsUrl: string;

  constructor(scope: Construct, id: string, props: ArticleBucketsProps = {}) {
    super(scope, id);
    const resolved: ResolvedProps = withDefaults(articleBucketsDefaults(), props);
    checkArticleBucketsProps(resolved);

    const destroy = resolved.removalPolicy === RemovalPolicy.DESTROY;
    const common: BucketProps = {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: resolved.removalPolicy,
      autoDeleteObjects: destroy,
    };

    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      ...common,
      // Server access logs are delivered with SSE-S3 only; BucketOwnerPreferred lets the
      // logging service's bucket policy grant work as CDK sets it up.
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: resolved.accessLogsExpiration }],
    });

    this.uploadBucket = new Bucket(this, 'Upload', {
      ...common,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'upload/',
      lifecycleRules: [
        {
          id: 'expire-noncurrent-uploads',
          noncurrentVersionExpiration: resolved.noncurrentVersionExpiration,
          abortIncompleteMultipartUploadAfter: resolved.abortIncompleteMultipartUploadAfter,
        },
      ],
    });

    this.workBucket = new Bucket(this, 'Work', {
      ...common,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'work/',
      lifecycleRules: [{ id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: resolved.abortIncompleteMultipartUploadAfter }],
    });

    this.datasetsBucket = new Bucket(this, 'Datasets', {
      ...common,
      // ACLs stay blocked and ignored; only the bucket policy below may make objects public.
      blockPublicAccess: new BlockPublicAccess({
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: false,
        restrictPublicBuckets: false,
      }),
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'datasets/',
      cors: [
        {
          allowedMethods: [HttpMethods.GET, HttpMethods.HEAD],
          allowedOrigins: [...resolved.corsAllowedOrigins],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag', 'Content-Length', 'Content-Type', 'Last-Modified'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [{ id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: resolved.abortIncompleteMultipartUploadAfter }],
    });
    // s3:GetObject on the objects for anyone; no ListBucket, no writes. enforceSSL's deny still applies.
    this.datasetsBucket.grantPublicAccess('*', 's3:GetObject');
    Validations.of(this.datasetsBucket).acknowledge({
      id: 'AwsSolutions-S2',
      reason:
        'The datasets bucket publishes open data: its policy lets anyone s3:GetObject (no listing, no writes, TLS only). ' +
        'Public ACLs stay blocked and ignored; only the public-policy blocks are lifted, for that one statement.',
    });

    this.datasetsUrl = `https://${this.datasetsBucket.bucketRegionalDomainName}/`;

    this.writeRootFiles(resolved);

  }

  /** README, LICENSE …: one PutObject per file at deploy time, rerun whenever a file changes. */
  private writeRootFiles(resolved: ResolvedProps): void {
    const logGroup = new LogGroup(this, 'RootFilesLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: resolved.removalPolicy,
    });
    const role: IRole = new Role(this, 'RootFilesRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Writes the README and LICENSE at the root of the datasets bucket at deploy time',
    });
    logGroup.grantWrite(role);

    for (const file of resolved.rootFiles) {
      const body = readFileSync(file.path, 'utf8');
      const call = {
        service: 'S3',
        action: 'putObject',
        parameters: {
          Bucket: this.datasetsBucket.bucketName,
          Key: file.key,
          Body: body,
          ContentType: file.contentType,
          CacheControl: resolved.rootFilesCacheControl,
        },
        physicalResourceId: PhysicalResourceId.of(`root-file/${file.key}`),
        logging: Logging.withDataHidden(),
      };
      new AwsCustomResource(this, `RootFile${file.key.replace(/[^A-Za-z0-9]/g, '')}`, {
        resourceType: 'Custom::DatasetsRootFile',
        onCreate: call,
        onUpdate: call,
        policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: [this.datasetsBucket.arnForObjects(file.key)] }),
        role,
        logGroup,
        installLatestAwsSdk: false,
        timeout: Duration.minutes(1),
      });
    }
  }
}

/** Validates everything before a resource is built (AWS Solutions Constructs' CheckS3Props). */
export function checkArticleBucketsProps(props: ResolvedProps): void {
  checkDurationInRange(NAME, 'noncurrentVersionExpiration', props.noncurrentVersionExpiration, Duration.days(1), Duration.days(3650));
  checkDurationInRange(NAME, 'abortIncompleteMultipartUploadAfter', props.abortIncompleteMultipartUploadAfter, Duration.days(1), Duration.days(365));
  checkDurationInRange(NAME, 'accessLogsExpiration', props.accessLogsExpiration, Duration.days(1), Duration.days(3650));
  for (const [name, duration] of [
    ['noncurrentVersionExpiration', props.noncurrentVersionExpiration],
    ['abortIncompleteMultipartUploadAfter', props.abortIncompleteMultipartUploadAfter],
    ['accessLogsExpiration', props.accessLogsExpiration],
  ] as const) {
    // Lifecycle rules count whole days.
    if (!duration.isUnresolved() && !Number.isInteger(duration.toSeconds() / 86_400)) {
      throw new InvalidPropsError(NAME, name, duration.toHumanString(), 'must be a whole number of days');
    }
  }
  checkNonEmpty(NAME, 'corsAllowedOrigins', props.corsAllowedOrigins);
  if (![RemovalPolicy.RETAIN, RemovalPolicy.DESTROY].includes(props.removalPolicy)) {
    throw new InvalidPropsError(NAME, 'removalPolicy', props.removalPolicy, 'buckets are either retained or destroyed');
  }
  const keys = new Set<string>();
  for (const file of props.rootFiles) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(file.key)) {
      throw new InvalidPropsError(NAME, 'rootFiles.key', file.key, 'must be a plain file name at the bucket root');
    }
    if (keys.has(file.key)) throw new InvalidPropsError(NAME, 'rootFiles.key', file.key, 'appears twice');
    keys.add(file.key);
    if (!existsSync(file.path) || !statSync(file.path).isFile()) {
      throw new InvalidPropsError(NAME, 'rootFiles.path', file.path, 'is not a file');
    }
    if (statSync(file.path).size > MAX_ROOT_FILE_BYTES) {
      throw new InvalidPropsError(NAME, 'rootFiles.path', file.path, `is over ${MAX_ROOT_FILE_BYTES} bytes; root files travel inline in the template`);
    }
    if (file.contentType.trim() === '') throw new InvalidPropsError(NAME, 'rootFiles.contentType', file.contentType, 'must not be empty');
  }
}
