import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Duration } from 'aws-cdk-lib';
import type { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetPublisher } from '../../infra/constructs/dataset-publisher.js';
import type { DatasetPublisherProps } from '../../infra/constructs/dataset-publisher.js';
import { VISIBILITY_TIMEOUT_FACTOR } from '../../infra/constructs/defaults.js';
import { InvalidPropsError } from '../../infra/constructs/errors.js';
import { Spill } from '../../src/datasets/spill.js';
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

describe('DatasetPublisher', () => {
  let app: App;
  let stack: Stack;
  let outdir: string;
  let buckets: ReturnType<typeof withBuckets>;
  let publisher: DatasetPublisher;
  let template: Template;
  let functionProps: Record<string, unknown>;

  beforeAll(() => {
    ({ app, stack, outdir } = bareStack());
    buckets = withBuckets(stack);
    publisher = new DatasetPublisher(stack, 'Publisher', { buckets, baseUri: BASE_URI });
    app.synth();
    template = Template.fromStack(stack);
    functionProps = template.toJSON().Resources[logicalId(publisher.function)].Properties;
  }, BUNDLING_TIMEOUT);
  afterAll(() => removeOutdir(outdir));

  it('runs Node.js 22 on arm64, one instance at a time, with recursive-loop detection set to terminate', () => {
    expect(functionProps).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      RecursiveLoop: 'Terminate',
      ReservedConcurrentExecutions: 1,
      MemorySize: 1536,
      Timeout: 300,
    });
  });

  it('gives the publication 10 GiB of /tmp for its scratch files', () => {
    expect(functionProps).toMatchObject({ EphemeralStorage: { Size: 10240 } });
  });

  it('is bundled by the local esbuild into one minified ES module with its source map', () => {
    const { dir, files } = bundleFiles(outdir, stack, 'Publish/Function/Code');
    // The thread that shares a large publication's work is a file of its own beside it (LAZY_MODULES).
    expect(files).toEqual(['index.mjs', 'index.mjs.map', 'package.json', 'publish-thread.js', 'publish-thread.js.map']);
    const code = readFileSync(path.join(dir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import { createRequire } from 'node:module';")).toBe(true);
    expect(code).toContain('//# sourceMappingURL=index.mjs.map');
    expect(code).not.toMatch(/^\s{2,}(const|let|var|function|return|if)\b/m);
    expect(code).toContain('"./publish-thread.js"');
  });

  it('bundles a publication thread that runs: asked to fuse a shard of reports, it answers with the sort it wrote', async () => {
    const { dir } = bundleFiles(outdir, stack, 'Publish/Function/Code');
    const folder = mkdtempSync(path.join(tmpdir(), 'entente-publish-thread-'));
    const spill = new Spill({ folder });
    const article = { articleId: 'a1', sourceKeys: ['in/a1.txt'], language: 'en' };
    const report = { id: 'ev-1', type: 'meeting', cameoCode: '040', date: '2024-05-02', participants: ['FRA', 'SEN'], people: [], evidence: [{ start: 0, end: 5, text: 'Met.' }] };
    // A shard's line as scatter writes it: under its key's group.
    spill.appendGrouped('er000', 7, JSON.stringify({ a: article, r: report }));
    spill.dispose();
    const context = { baseUri: 'https://example.org/', extraKeys: new Map(), referenced: new Set(['ev-1']), prefixChars: 1 };
    const worker = new Worker(path.join(dir, 'publish-thread.js'), { workerData: { folder } });
    const answer = await new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ kind: 'fuse', shards: ['er000'], context, sortName: 'ro1_' });
    }).finally(() => worker.terminate());
    expect(answer).toMatchObject({ ok: true, value: { fusedIdOf: [['ev-1', 'ev-1']], mentions: 1, sort: { name: 'ro1_', added: 1 } } });
    // The shard it read is removed; its sort stays for the publication to read.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(folder).sort()).toEqual(['ro1_0']);
  });

  it('logs to its own log group, kept for a month', () => {
    const logGroupId = (functionProps.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    expect(template.toJSON().Resources[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
  });

  it('hands the handler the bucket names, base URI and Powertools settings', () => {
    expect((functionProps.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      UPLOAD_BUCKET: { Ref: logicalId(buckets.upload) },
      WORK_BUCKET: { Ref: logicalId(buckets.work) },
      DATASETS_BUCKET: { Ref: logicalId(buckets.datasets) },
      BASE_URI: BASE_URI,
      POWERTOOLS_SERVICE_NAME: 'entente-publish',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    });
  });

  it('gathers messages for 30 s, up to 100 a batch, with at most two pollers, reporting failures per message', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(publisher.function) },
      EventSourceArn: arnOf(publisher.queue),
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 30,
      ScalingConfig: { MaximumConcurrency: 2 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('sizes the queue visibility to six function timeouts plus the window, encrypts it, and dead-letters after five receives', () => {
    const queue = template.toJSON().Resources[logicalId(publisher.queue)].Properties;
    expect(queue).toMatchObject({
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 300 * VISIBILITY_TIMEOUT_FACTOR + 30,
      RedrivePolicy: { deadLetterTargetArn: arnOf(publisher.deadLetterQueue), maxReceiveCount: 5 },
    });
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * (functionProps.Timeout as number));
    expect(template.toJSON().Resources[logicalId(publisher.deadLetterQueue)].Properties).toMatchObject({ SqsManagedSseEnabled: true });
    for (const q of [publisher.queue, publisher.deadLetterQueue]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: logicalId(q) }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    }
  });

  it('subscribes the queue to objects created and removed under records/, sources/ and rejections/ of the working bucket', () => {
    const rules = ['records/', 'sources/', 'rejections/'].flatMap((prefix) =>
      ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'].map((event) => ({
        Events: [event],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: prefix }] } },
        QueueArn: arnOf(publisher.queue),
      })),
    );
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: logicalId(buckets.work) },
      NotificationConfiguration: { QueueConfigurations: rules },
    });
    template.resourcePropertiesCountIs('Custom::S3BucketNotifications', { BucketName: { Ref: logicalId(buckets.upload) } }, 0);
  });

  describe('its role (least privilege, per prefix)', () => {
    const statements = () => roleStatements(template, logicalId(publisher.function.role!));

    it('carries no AWS managed policy', () => {
      expect(template.toJSON().Resources[logicalId(publisher.function.role!)].Properties.ManagedPolicyArns).toBeUndefined();
    });

    it('may read records/, sources/ and rejections/ and list the working bucket, nothing more there', () => {
      const onWork = statements().filter((s) => JSON.stringify(s.Resource).includes(`"${logicalId(buckets.work)}"`));
      expect(onWork).toEqual([
        expect.objectContaining({
          Action: 's3:GetObject',
          Resource: ['records/*', 'rejections/*', 'sources/*'].map((pattern) => objectsArn(buckets.work, pattern)),
        }),
        expect.objectContaining({ Action: 's3:ListBucket', Resource: arnOf(buckets.work) }),
      ]);
    });

    it('may put objects in the datasets bucket, read only the partition manifest, and delete nothing', () => {
      const onDatasets = statements().filter((s) => JSON.stringify(s.Resource).includes(`"${logicalId(buckets.datasets)}"`));
      expect(onDatasets).toEqual([
        expect.objectContaining({ Effect: 'Allow', Action: 's3:PutObject', Resource: objectsArn(buckets.datasets, '*') }),
        expect.objectContaining({ Effect: 'Allow', Action: 's3:GetObject', Resource: objectsArn(buckets.datasets, 'partitions.json') }),
      ]);
    });

    it('cannot touch the upload bucket, and holds no service-wide wildcard action', () => {
      expect(JSON.stringify(statements())).not.toContain(`"${logicalId(buckets.upload)}"`);
      for (const statement of statements()) {
        expect(actionsOf(statement).some((a) => a.endsWith(':*'))).toBe(false);
        expect(resourcesOf(statement)).not.toContain('*');
      }
    });
  });

  it('has no unacknowledged cdk-nag finding', () => {
    expect(nagFindings(publisher)).toEqual([]);
  });
});

describe('DatasetPublisher props are checked before anything is built', () => {
  const base = (stack: Stack): DatasetPublisherProps => ({ buckets: withBuckets(stack), baseUri: BASE_URI });

  it.each<[string, Partial<DatasetPublisherProps>]>([
    ['no trigger prefix', { triggerPrefixes: [] }],
    ['a trigger prefix outside the working prefixes', { triggerPrefixes: ['datasets/'] }],
    ['overlapping trigger prefixes', { triggerPrefixes: ['records/', 'records/fr/'] }],
    ['a trigger prefix twice', { triggerPrefixes: ['records/', 'records/'] }],
    ['a batch over 10 000', { batchSize: 10_001 }],
    ['a batching window over 5 minutes', { maxBatchingWindow: Duration.minutes(6) }],
    ['a base URI with a query', { baseUri: 'https://data.example.org/?v=1' }],
  ])('refuses %s', (_what, override) => {
    const { stack, outdir } = bareStack(SKIP_BUNDLING);
    try {
      expect(() => new DatasetPublisher(stack, 'Publisher', { ...base(stack), ...override })).toThrow(InvalidPropsError);
    } finally {
      removeOutdir(outdir);
    }
  });
});
