import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArticleBuckets } from '../../infra/constructs/article-buckets.js';
import { DATASETS_ROOT_DIRECTORY } from '../../infra/constructs/defaults.js';
import { InvalidPropsError } from '../../infra/constructs/errors.js';
import { actionsOf, bareStack, logicalId, nagFindings, objectsArn, removeOutdir } from './support.js';
import type { TemplateStatement } from './support.js';

const TLS_ONLY = Match.objectLike({
  Effect: 'Deny',
  Action: 's3:*',
  Principal: { AWS: '*' },
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

function build(props: ConstructorParameters<typeof ArticleBuckets>[2] = {}) {
  const { stack, outdir } = bareStack();
  try {
    const buckets = new ArticleBuckets(stack, 'Buckets', props);
    return { stack, buckets, template: Template.fromStack(stack) };
  } finally {
    removeOutdir(outdir);
  }
}

function bucketProps(template: Template, bucket: ArticleBuckets['uploadBucket']): Record<string, unknown> {
  return template.toJSON().Resources[logicalId(bucket)].Properties as Record<string, unknown>;
}

function policyStatements(template: Template, bucket: ArticleBuckets['uploadBucket']): TemplateStatement[] {
  const policies = template.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: logicalId(bucket) } } });
  return Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement as TemplateStatement[]);
}

describe('ArticleBuckets with its defaults', () => {
  let built: ReturnType<typeof build>;
  beforeAll(() => {
    built = build();
  });

  it('creates the upload, working, datasets and access-log buckets', () => {
    built.template.resourceCountIs('AWS::S3::Bucket', 4);
  });

  it('encrypts every bucket, disables ACLs on all but the log bucket, and refuses plain HTTP on all four', () => {
    const { buckets, template } = built;
    for (const bucket of [buckets.uploadBucket, buckets.workBucket, buckets.datasetsBucket, buckets.accessLogsBucket]) {
      expect(bucketProps(template, bucket).BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: logicalId(bucket) },
        PolicyDocument: { Statement: Match.arrayWith([TLS_ONLY]) },
      });
    }
    for (const bucket of [buckets.uploadBucket, buckets.workBucket, buckets.datasetsBucket]) {
      expect(bucketProps(template, bucket).OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    }
  });

  it('keeps the upload bucket private, versioned, with old versions expired, stale multipart uploads aborted and access logged', () => {
    const { buckets, template } = built;
    const upload = bucketProps(template, buckets.uploadBucket);
    expect(upload.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(upload.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(upload.LifecycleConfiguration).toEqual({
      Rules: [
        expect.objectContaining({
          Status: 'Enabled',
          NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        }),
      ],
    });
    expect(upload.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logicalId(buckets.accessLogsBucket) },
      LogFilePrefix: 'upload/',
    });
  });

  it('keeps the working bucket private and access logged', () => {
    const { buckets, template } = built;
    const work = bucketProps(template, buckets.workBucket);
    expect(work.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(work.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: logicalId(buckets.accessLogsBucket) }, LogFilePrefix: 'work/' });
    expect(policyStatements(template, buckets.workBucket).filter((s) => s.Effect === 'Allow')).toEqual([]);
  });

  it('lets anyone GET the published objects, and nothing else: no listing, no writes, ACLs still blocked', () => {
    const { buckets, template } = built;
    const datasets = bucketProps(template, buckets.datasetsBucket);
    expect(datasets.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: false,
    });
    const allows = policyStatements(template, buckets.datasetsBucket).filter((s) => s.Effect === 'Allow');
    expect(allows).toEqual([
      { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: objectsArn(buckets.datasetsBucket, '*') },
    ]);
    for (const statement of allows) {
      expect(actionsOf(statement)).not.toContain('s3:ListBucket');
      expect(actionsOf(statement).some((action) => /Put|Delete|\*/.test(action))).toBe(false);
    }
    expect(datasets.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: logicalId(buckets.accessLogsBucket) }, LogFilePrefix: 'datasets/' });
  });

  it('lets browsers GET and HEAD the datasets from any origin (CORS)', () => {
    const { buckets, template } = built;
    expect(bucketProps(template, buckets.datasetsBucket).CorsConfiguration).toEqual({
      CorsRules: [expect.objectContaining({ AllowedMethods: ['GET', 'HEAD'], AllowedOrigins: ['*'] })],
    });
  });

  it('gives the access-log bucket a retention, blocks public access to it, and lets only the S3 logging service write to it', () => {
    const { buckets, template } = built;
    const logs = bucketProps(template, buckets.accessLogsBucket);
    expect(logs.LifecycleConfiguration).toEqual({ Rules: [expect.objectContaining({ ExpirationInDays: 365, Status: 'Enabled' })] });
    expect(logs.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const allows = policyStatements(template, buckets.accessLogsBucket).filter((s) => s.Effect === 'Allow');
    expect(allows.length).toBeGreaterThan(0);
    for (const statement of allows) {
      expect(statement.Principal).toEqual({ Service: 'logging.s3.amazonaws.com' });
      expect(actionsOf(statement)).toEqual(['s3:PutObject']);
    }
  });

  it('writes README.md and LICENSE at the root of the datasets bucket, from infra/datasets-root/, with their content types', () => {
    const { buckets, template } = built;
    const files = Object.values(template.findResources('Custom::DatasetsRootFile'));
    expect(files).toHaveLength(2);
    const calls = files.map((file) => {
      const parts = (file.Properties.Create as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      // The bucket name is the only token in the call; stand it in to read the JSON.
      expect(parts.filter((part) => typeof part !== 'string')).toEqual([{ Ref: logicalId(buckets.datasetsBucket) }]);
      const json = parts.map((part) => (typeof part === 'string' ? part : 'BUCKET')).join('');
      expect(file.Properties.Update).toEqual(file.Properties.Create);
      return JSON.parse(json) as { service: string; action: string; parameters: Record<string, string> };
    });
    const byKey = Object.fromEntries(calls.map((call) => [call.parameters.Key, call]));
    expect(Object.keys(byKey).sort()).toEqual(['LICENSE', 'README.md']);
    expect(byKey['README.md']).toMatchObject({
      service: 'S3',
      action: 'putObject',
      parameters: {
        Bucket: 'BUCKET',
        ContentType: 'text/markdown; charset=utf-8',
        Body: readFileSync(path.join(DATASETS_ROOT_DIRECTORY, 'README.md'), 'utf8'),
      },
    });
    expect(byKey.LICENSE).toMatchObject({
      parameters: { ContentType: 'text/plain; charset=utf-8', Body: readFileSync(path.join(DATASETS_ROOT_DIRECTORY, 'LICENSE'), 'utf8') },
    });
  });

  it('lets the root-file writer put exactly those two objects', () => {
    const { buckets, template } = built;
    const putStatements = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as TemplateStatement[])
      .filter((statement) => actionsOf(statement).includes('s3:PutObject'));
    expect(putStatements.map((s) => s.Resource).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      objectsArn(buckets.datasetsBucket, 'LICENSE'),
      objectsArn(buckets.datasetsBucket, 'README.md'),
    ]);
  });

  it('retains every bucket by default, and empties none', () => {
    const { template } = built;
    const all = Object.values(template.findResources('AWS::S3::Bucket'));
    expect(all.map((bucket) => [bucket.DeletionPolicy, bucket.UpdateReplacePolicy])).toEqual(all.map(() => ['Retain', 'Retain']));
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('has no unacknowledged cdk-nag finding', () => {
    expect(nagFindings(built.buckets)).toEqual([]);
  });

  it('exposes the datasets URL as the bucket regional https address', () => {
    const { stack, buckets } = built;
    expect(stack.resolve(buckets.datasetsUrl)).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(buckets.datasetsBucket), 'RegionalDomainName'] }, '/']],
    });
  });
});

describe('ArticleBuckets for a throw-away stage', () => {
  it('deletes the buckets with the stack and empties them first', () => {
    const { template } = build({ removalPolicy: RemovalPolicy.DESTROY });
    const all = Object.values(template.findResources('AWS::S3::Bucket'));
    expect(all.map((bucket) => bucket.DeletionPolicy)).toEqual(all.map(() => 'Delete'));
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 4);
  });

  it('takes other lifecycle settings', () => {
    const { buckets, template } = build({ noncurrentVersionExpiration: Duration.days(90), corsAllowedOrigins: ['https://example.org'] });
    expect(JSON.stringify(bucketProps(template, buckets.uploadBucket).LifecycleConfiguration)).toContain('"NoncurrentDays":90');
    expect(JSON.stringify(bucketProps(template, buckets.datasetsBucket).CorsConfiguration)).toContain('https://example.org');
  });
});

describe('ArticleBuckets props are checked before anything is built', () => {
  it.each([
    ['a noncurrent expiry under a day', { noncurrentVersionExpiration: Duration.hours(1) }],
    ['a fractional number of days', { accessLogsExpiration: Duration.hours(36) }],
    ['no CORS origin', { corsAllowedOrigins: [] }],
    ['a snapshot removal policy', { removalPolicy: RemovalPolicy.SNAPSHOT }],
    ['a nested root file key', { rootFiles: [{ key: 'docs/README.md', path: path.join(DATASETS_ROOT_DIRECTORY, 'README.md'), contentType: 'text/markdown' }] }],
    ['a missing root file', { rootFiles: [{ key: 'README.md', path: path.join(DATASETS_ROOT_DIRECTORY, 'nope.md'), contentType: 'text/markdown' }] }],
  ])('refuses %s', (_what, props) => {
    const { stack, outdir } = bareStack();
    try {
      expect(() => new ArticleBuckets(stack, 'Buckets', props)).toThrow(InvalidPropsError);
      expect(stack.node.findAll().filter((c) => c.node.id === 'Upload')).toEqual([]);
    } finally {
      removeOutdir(outdir);
    }
  });
});
