import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, LAZY_MODULES, REPO_ROOT, VISIBILITY_TIMEOUT_FACTOR } from '../../infra/constructs/defaults.js';
import { InvalidPropsError } from '../../infra/constructs/errors.js';
import { NormaliseFunction } from '../../infra/constructs/normalise-function.js';
import type { NormaliseFunctionProps } from '../../infra/constructs/normalise-function.js';
import {
  actionsOf,
  arnOf,
  bareStack,
  BUNDLING_TIMEOUT,
  bundleFiles,
  logicalId,
  nagFindings,
  objectsArn,
  removeOutdir,
  resourcesOf,
  roleStatements,
  SKIP_BUNDLING,
} from './support.js';

const BASE_URI = 'https://data.example.org/entente/';

function withBuckets(stack: Stack) {
  return { upload: new Bucket(stack, 'Upload'), work: new Bucket(stack, 'Work'), datasets: new Bucket(stack, 'Datasets') };
}

describe('NormaliseFunction', () => {
  let app: App;
  let stack: Stack;
  let outdir: string;
  let buckets: ReturnType<typeof withBuckets>;
  let normalise: NormaliseFunction;
  let template: Template;
  let functionProps: Record<string, unknown>;

  beforeAll(() => {
    ({ app, stack, outdir } = bareStack());
    buckets = withBuckets(stack);
    normalise = new NormaliseFunction(stack, 'Normalise', { buckets, baseUri: BASE_URI });
    app.synth();
    template = Template.fromStack(stack);
    functionProps = template.toJSON().Resources[logicalId(normalise.function)].Properties;
  }, BUNDLING_TIMEOUT);
  afterAll(() => removeOutdir(outdir));

  it('runs Node.js 22 on arm64, with recursive-loop detection set to terminate', () => {
    expect(functionProps).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      RecursiveLoop: 'Terminate',
      MemorySize: 1024,
      Timeout: 60,
    });
  });

  it('is bundled by the local esbuild into one minified ES module with its source map, the lazy modules beside it', () => {
    const { dir, files } = bundleFiles(outdir, stack, 'Normalise/Function/Code');
    expect(files).toEqual(['html-dom.js', 'html-dom.js.map', 'index.mjs', 'index.mjs.map', 'language-model.js', 'language-model.js.map', 'package.json']);
    const code = readFileSync(path.join(dir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import { createRequire } from 'node:module';")).toBe(true);
    expect(code).toContain('//# sourceMappingURL=index.mjs.map');
    // Minified: esbuild's unminified output indents statements by two spaces; minified code has none.
    expect(code).not.toMatch(/^\s{2,}(const|let|var|function|return|if)\b/m);
    // Each lazy module is imported by index.mjs, not bundled into it, and is a minified ES module itself.
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
    for (const { specifier } of LAZY_MODULES.filter((m) => m.loadedBy === 'import')) {
      expect(code).toContain(`import("${specifier}")`);
      const lazy = readFileSync(path.join(dir, path.basename(specifier)), 'utf8');
      expect(lazy).toContain(`//# sourceMappingURL=${path.basename(specifier)}.map`);
      expect(lazy).not.toMatch(/^\s{2,}(const|let|var|function|return|if)\b/m);
    }
  });

  it('logs to its own log group, kept for a month', () => {
    const logGroupId = (functionProps.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    expect(template.toJSON().Resources[logGroupId]).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: 30 },
      DeletionPolicy: 'Retain',
    });
  });

  it('hands the handler the bucket names, base URI, size limit, prefix and Powertools settings', () => {
    expect((functionProps.Environment as { Variables: Record<string, unknown> }).Variables).toEqual({
      UPLOAD_BUCKET: { Ref: logicalId(buckets.upload) },
      WORK_BUCKET: { Ref: logicalId(buckets.work) },
      DATASETS_BUCKET: { Ref: logicalId(buckets.datasets) },
      BASE_URI: BASE_URI,
      MAX_BYTES: String(DEFAULT_MAX_BYTES),
      INCOMING_PREFIX: 'incoming/',
      POWERTOOLS_SERVICE_NAME: 'entente-normalise',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('is fed by an SQS queue, five messages at a time, reporting failures per message', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(normalise.function) },
      EventSourceArn: arnOf(normalise.queue),
      BatchSize: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('gives the queue SQS-managed encryption, a visibility of six function timeouts, and a dead-letter queue after five receives', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: Match.absent(),
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 60 * VISIBILITY_TIMEOUT_FACTOR,
      RedrivePolicy: { deadLetterTargetArn: arnOf(normalise.deadLetterQueue), maxReceiveCount: 5 },
    });
    const queue = template.toJSON().Resources[logicalId(normalise.queue)].Properties;
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * (functionProps.Timeout as number));
    expect(template.toJSON().Resources[logicalId(normalise.deadLetterQueue)].Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
  });

  it('refuses plain HTTP on both queues', () => {
    for (const queue of [normalise.queue, normalise.deadLetterQueue]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: logicalId(queue) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Principal: { AWS: '*' } }),
          ]),
        },
      });
    }
  });

  it('subscribes the queue to objects created and removed under incoming/ of the upload bucket', () => {
    const rule = (event: string) => ({ Events: [event], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } }, QueueArn: arnOf(normalise.queue) });
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: logicalId(buckets.upload) },
      NotificationConfiguration: { QueueConfigurations: [rule('s3:ObjectCreated:*'), rule('s3:ObjectRemoved:*')] },
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: logicalId(normalise.queue) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: Match.arrayWith(['sqs:SendMessage']),
            Condition: { ArnLike: { 'aws:SourceArn': arnOf(buckets.upload) } },
          }),
        ]),
      },
    });
  });

  describe('its role (least privilege, per prefix)', () => {
    const statements = () => roleStatements(template, logicalId(normalise.function.role!));

    it('carries no AWS managed policy', () => {
      const role = template.toJSON().Resources[logicalId(normalise.function.role!)];
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    });

    it('may only read uploads under incoming/, and nothing else of the upload bucket', () => {
      expect(statements()).toEqual(
        expect.arrayContaining([expect.objectContaining({ Effect: 'Allow', Action: 's3:GetObject', Resource: objectsArn(buckets.upload, 'incoming/*') })]),
      );
      // Every statement that names the upload bucket: the read above and the listing; no write anywhere in it.
      const naming = statements().filter((s) => JSON.stringify(resourcesOf(s)).includes(`"${logicalId(buckets.upload)}"`));
      expect(naming.map((s) => [s.Action, s.Resource])).toEqual([
        ['s3:GetObject', objectsArn(buckets.upload, 'incoming/*')],
        ['s3:ListBucket', [arnOf(buckets.upload), arnOf(buckets.work)]],
      ]);
    });

    it('may list the upload and working buckets (a missing key is then a 404, not a 403), nothing else', () => {
      const lists = statements().filter((s) => actionsOf(s).includes('s3:ListBucket'));
      expect(lists).toEqual([expect.objectContaining({ Action: 's3:ListBucket', Resource: [arnOf(buckets.upload), arnOf(buckets.work)] })]);
    });

    it('may get, put and delete the working prefixes only', () => {
      const state = statements().find((s) => s.Sid === 'ReadWriteWorkingState');
      expect(state && actionsOf(state)).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
      expect(state && resourcesOf(state)).toEqual(
        ['by-key/*', 'records/*', 'rejections/*', 'sources/*'].map((pattern) => objectsArn(buckets.work, pattern)),
      );
    });

    it('writes only its own logs and consumes only its own queue', () => {
      const logs = statements().filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));
      const logGroupId = (functionProps.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(logs).toEqual([
        expect.objectContaining({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } }),
      ]);
      const sqs = statements().filter((s) => actionsOf(s).some((a) => a.startsWith('sqs:')));
      expect(sqs.map((s) => s.Resource)).toEqual([arnOf(normalise.queue)]);
    });

    it('cannot touch the datasets bucket, change uploads, or use a bucket-wide object wildcard', () => {
      const text = JSON.stringify(statements());
      expect(text).not.toContain(`"${logicalId(buckets.datasets)}"`);
      for (const statement of statements()) {
        for (const resource of resourcesOf(statement)) {
          const flat = JSON.stringify(resource);
          if (flat.includes('/incoming/')) expect(actionsOf(statement)).toEqual(['s3:GetObject']);
          expect(flat).not.toMatch(/"\/\*"/);
        }
        expect(actionsOf(statement).some((a) => a.endsWith(':*'))).toBe(false);
      }
    });
  });

  it('has no unacknowledged cdk-nag finding', () => {
    expect(nagFindings(normalise)).toEqual([]);
  });
});

describe('NormaliseFunction props are checked before anything is built', () => {
  const base = (stack: Stack): NormaliseFunctionProps => ({ buckets: withBuckets(stack), baseUri: BASE_URI });

  it.each<[string, Partial<NormaliseFunctionProps>]>([
    ['a base URI without a trailing slash', { baseUri: 'https://data.example.org/entente' }],
    ['a base URI that is not http(s)', { baseUri: 'ftp://data.example.org/' }],
    ['an incoming prefix without a trailing slash', { incomingPrefix: 'incoming' }],
    ['a batch above 10 without a batching window', { batchSize: 11 }],
    ['a timeout over 15 minutes', { timeout: Duration.minutes(16) }],
    ['a size limit of zero', { maxBytes: 0 }],
    ['an entry outside the repository', { entry: '/tmp/handler.ts' }],
    ['an entry that does not exist', { entry: path.join(REPO_ROOT, 'functions', 'missing.ts') }],
  ])('refuses %s', (_what, override) => {
    const { stack, outdir } = bareStack(SKIP_BUNDLING);
    try {
      expect(() => new NormaliseFunction(stack, 'Normalise', { ...base(stack), ...override })).toThrow(InvalidPropsError);
    } finally {
      removeOutdir(outdir);
    }
  });
});
