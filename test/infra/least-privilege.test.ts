import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../infra/app.js';
import type { EntenteStack } from '../../infra/entente-stack.js';
import type { Principal, TemplateJson } from './policy-access.js';
import { ANONYMOUS, PolicyAccess, patternReachesBucket, role, wildcardMatch } from './policy-access.js';
import { BUNDLING_TIMEOUT, cdkJsonContext, logicalId, removeOutdir, SKIP_BUNDLING, tempOutdir } from './support.js';

/**
 * Least privilege, proved on the synthesized template: for each function role (and for
 * anyone on the internet) the policies of the template are evaluated as IAM would (identity
 * policies, bucket and queue policies, explicit denies) by PolicyAccess, and every test
 * asks both what must be possible and what must not be: a helper that always answered
 * "no" would fail the first half, one that always answered "yes" the second.
 */

/** Everything that changes an object or its metadata. */
const OBJECT_WRITES = [
  's3:PutObject',
  's3:DeleteObject',
  's3:DeleteObjectVersion',
  's3:PutObjectAcl',
  's3:PutObjectVersionAcl',
  's3:PutObjectTagging',
  's3:DeleteObjectTagging',
  's3:PutObjectRetention',
  's3:PutObjectLegalHold',
  's3:RestoreObject',
  's3:AbortMultipartUpload',
  's3:ReplicateObject',
  's3:ReplicateDelete',
];
/** Everything that reads an object (GetObject also covers HEAD). */
const OBJECT_READS = ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectAcl', 's3:GetObjectTagging', 's3:GetObjectAttributes', 's3:GetObjectVersionAttributes'];
/** Everything that lists a bucket's keys. */
const BUCKET_LISTS = ['s3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads'];
/** Everything that changes a bucket's configuration. */
const BUCKET_WRITES = [
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
  's3:PutBucketAcl',
  's3:DeleteBucket',
  's3:PutBucketNotification',
  's3:PutLifecycleConfiguration',
  's3:PutBucketVersioning',
  's3:PutBucketPublicAccessBlock',
  's3:PutEncryptionConfiguration',
  's3:PutBucketCORS',
  's3:PutBucketLogging',
  's3:PutBucketOwnershipControls',
  's3:PutBucketTagging',
];
/** What a Lambda SQS event source needs on its queue, and nothing more. */
const EVENT_SOURCE_ACTIONS = ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'];
const OTHER_QUEUE_ACTIONS = ['sqs:SendMessage', 'sqs:PurgeQueue', 'sqs:SetQueueAttributes', 'sqs:DeleteQueue', 'sqs:StartMessageMoveTask', 'sqs:AddPermission'];

/**
 * Keys the tests probe each bucket with: an upload, where earlier versions wrote a report
 * beside it, a working object, a published file, a root file, something else.
 */
const SAMPLE_KEYS = [
  'incoming/article.txt',
  'incoming/folder/article.json',
  'rejected/article.txt.json',
  'records/0123abcd.json',
  'sources/0123abcd/incoming%2Farticle.txt',
  'by-key/incoming%2Farticle.txt/0123abcd',
  'rejections/incoming%2Farticle.txt.json',
  'events.csv',
  'events/year=2022/month=08/events.csv',
  'partitions.json',
  'README.md',
  'upload/2024-01-01-00-00-00-ABCDEF',
  'anything-else',
];

interface Subject {
  readonly stack: EntenteStack;
  readonly access: PolicyAccess;
  readonly json: TemplateJson;
  readonly normalise: Principal;
  readonly publish: Principal;
  readonly buckets: { readonly upload: string; readonly work: string; readonly datasets: string; readonly logs: string };
  readonly queues: { readonly normalise: string; readonly normaliseDlq: string; readonly publish: string; readonly publishDlq: string };
}

function synth(context: Record<string, unknown>): Subject {
  const outdir = tempOutdir();
  try {
    const { stack } = createApp({ outdir, context: { ...cdkJsonContext(), ...SKIP_BUNDLING, ...context } });
    const json = Template.fromStack(stack).toJSON() as TemplateJson;
    const access = new PolicyAccess(json);
    return {
      stack,
      json,
      access,
      normalise: access.roleOfFunction(logicalId(stack.normalise.function)),
      publish: access.roleOfFunction(logicalId(stack.publisher.function)),
      buckets: {
        upload: logicalId(stack.buckets.uploadBucket),
        work: logicalId(stack.buckets.workBucket),
        datasets: logicalId(stack.buckets.datasetsBucket),
        logs: logicalId(stack.buckets.accessLogsBucket),
      },
      queues: {
        normalise: logicalId(stack.normalise.queue),
        normaliseDlq: logicalId(stack.normalise.deadLetterQueue),
        publish: logicalId(stack.publisher.queue),
        publishDlq: logicalId(stack.publisher.deadLetterQueue),
      },
    };
  } finally {
    removeOutdir(outdir);
  }
}

/** The (action, key) pairs of `actions` × `keys` that `principal` may perform on the bucket's objects. */
function allowedOnObjects(s: Subject, principal: Principal, bucket: string, actions: readonly string[], keys: readonly string[] = SAMPLE_KEYS): string[] {
  return keys.flatMap((key) => actions.filter((action) => s.access.may(principal, action, s.access.objectArn(bucket, key))).map((action) => `${action} ${key}`));
}

function allowedOnBucket(s: Subject, principal: Principal, bucket: string, actions: readonly string[]): string[] {
  return actions.filter((action) => s.access.may(principal, action, s.access.arn(bucket)));
}

describe.each([
  ['prod (retained buckets)', {}],
  ['dev (buckets emptied and destroyed with the stack)', { stage: 'dev' }],
])('least privilege in the %s template', (_name, context) => {
  let s: Subject;
  beforeAll(() => {
    s = synth(context);
  }, BUNDLING_TIMEOUT);

  describe('normalise', () => {
    it('can read the uploads under incoming/ and list the upload and working buckets', () => {
      for (const key of ['incoming/article.txt', 'incoming/folder/article.json']) {
        expect(s.access.may(s.normalise, 's3:GetObject', s.access.objectArn(s.buckets.upload, key)), key).toBe(true);
      }
      expect(allowedOnBucket(s, s.normalise, s.buckets.upload, BUCKET_LISTS)).toEqual(['s3:ListBucket']);
      expect(allowedOnBucket(s, s.normalise, s.buckets.work, BUCKET_LISTS)).toEqual(['s3:ListBucket']);
    });

    it('can read, write and delete the working state', () => {
      for (const key of ['records/0123abcd.json', 'sources/0123abcd/incoming%2Farticle.txt', 'by-key/incoming%2Farticle.txt/0123abcd', 'rejections/incoming%2Farticle.txt.json']) {
        for (const action of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']) {
          expect(s.access.may(s.normalise, action, s.access.objectArn(s.buckets.work, key)), `${action} ${key}`).toBe(true);
        }
      }
      // Nowhere else in the working bucket.
      expect(allowedOnObjects(s, s.normalise, s.buckets.work, ['s3:PutObject'], ['anything-else', 'events.csv', 'incoming/article.txt'])).toEqual([]);
    });

    it('can do nothing to the upload bucket but read it: no write, delete, tag or re-permission of any object, anywhere in it', () => {
      expect(allowedOnObjects(s, s.normalise, s.buckets.upload, OBJECT_WRITES)).toEqual([]);
      for (const key of ['incoming/article.txt', 'incoming/folder/article.json']) {
        expect(s.access.allowedActions(s.normalise, s.access.objectArn(s.buckets.upload, key)), key).toEqual(['s3:GetObject']);
      }
      // It reads the uploads and nothing else there, and not even an old version of an upload: versions are the upload bucket's undo.
      expect(allowedOnObjects(s, s.normalise, s.buckets.upload, OBJECT_READS)).toEqual(['s3:GetObject incoming/article.txt', 's3:GetObject incoming/folder/article.json']);
      expect(allowedOnBucket(s, s.normalise, s.buckets.upload, BUCKET_WRITES)).toEqual([]);
      // Every statement of its own that reaches the upload bucket grants reads only.
      const reaching = s.access.identityStatements(roleId(s.normalise)).filter((st) => (st.resources ?? []).some((r) => patternReachesBucket(r, s.access.arn(s.buckets.upload))));
      expect(reaching.length).toBeGreaterThan(0);
      for (const st of reaching) expect((st.actions ?? []).filter((a) => a !== 's3:GetObject' && a !== 's3:ListBucket'), st.source).toEqual([]);
    });

    it('keeps what it could not read in an upload in the working bucket, under rejections/, where publish reads it for rejected.csv and is woken by its changes', () => {
      const key = `rejections/${encodeURIComponent('incoming/folder/article.json')}.json`;
      for (const action of ['s3:PutObject', 's3:DeleteObject', 's3:GetObject']) {
        expect(s.access.may(s.normalise, action, s.access.objectArn(s.buckets.work, key)), action).toBe(true);
      }
      expect(s.access.may(s.publish, 's3:GetObject', s.access.objectArn(s.buckets.work, key))).toBe(true);
      expect(queuesNotified(s, s.buckets.work, key)).toEqual({ created: [s.queues.publish], removed: [s.queues.publish] });
      // In the upload bucket only the uploads are watched, by normalise alone.
      expect(queuesNotified(s, s.buckets.upload, 'incoming/article.txt')).toEqual({ created: [s.queues.normalise], removed: [s.queues.normalise] });
      expect(queuesNotified(s, s.buckets.upload, 'rejected/article.txt.json')).toEqual({ created: [], removed: [] });
    });

    it('cannot write to, delete from or reconfigure the datasets bucket', () => {
      expect(allowedOnObjects(s, s.normalise, s.buckets.datasets, OBJECT_WRITES)).toEqual([]);
      expect(allowedOnBucket(s, s.normalise, s.buckets.datasets, [...BUCKET_WRITES, ...BUCKET_LISTS])).toEqual([]);
      // Its own policies do not name the datasets bucket at all; what reaches it is the public read.
      expect(s.access.identityStatements(roleId(s.normalise)).filter((st) => (st.resources ?? []).some((r) => patternReachesBucket(r, s.access.arn(s.buckets.datasets))))).toEqual([]);
    });

    it('cannot touch the access logs', () => {
      expect(s.access.allowsTouching(s.normalise, s.buckets.logs)).toEqual([]);
    });
  });

  describe('publish', () => {
    it('can read the working records, sources and rejections, and list the working bucket', () => {
      for (const key of ['records/0123abcd.json', 'sources/0123abcd/incoming%2Farticle.txt', 'rejections/incoming%2Farticle.txt.json']) {
        expect(s.access.may(s.publish, 's3:GetObject', s.access.objectArn(s.buckets.work, key)), key).toBe(true);
      }
      expect(allowedOnBucket(s, s.publish, s.buckets.work, BUCKET_LISTS)).toEqual(['s3:ListBucket']);
    });

    it('can write every published file and read back the partition manifest', () => {
      for (const key of ['events.csv', 'agreements.jsonld', 'index.html', 'events/year=2022/month=08/events.csv', 'partitions.json']) {
        expect(s.access.may(s.publish, 's3:PutObject', s.access.objectArn(s.buckets.datasets, key)), key).toBe(true);
      }
      expect(s.access.may(s.publish, 's3:GetObject', s.access.objectArn(s.buckets.datasets, 'partitions.json'))).toBe(true);
    });

    it('cannot read, list or even name the upload bucket', () => {
      expect(s.access.allowsTouching(s.publish, s.buckets.upload)).toEqual([]);
      expect(allowedOnObjects(s, s.publish, s.buckets.upload, [...OBJECT_READS, ...OBJECT_WRITES])).toEqual([]);
      expect(allowedOnBucket(s, s.publish, s.buckets.upload, [...BUCKET_LISTS, ...BUCKET_WRITES])).toEqual([]);
    });

    it('cannot change the working state, nor read the by-key index it does not need', () => {
      expect(allowedOnObjects(s, s.publish, s.buckets.work, OBJECT_WRITES)).toEqual([]);
      expect(s.access.may(s.publish, 's3:GetObject', s.access.objectArn(s.buckets.work, 'by-key/incoming%2Farticle.txt/0123abcd'))).toBe(false);
      expect(allowedOnBucket(s, s.publish, s.buckets.work, BUCKET_WRITES)).toEqual([]);
    });

    it('cannot delete, re-permission or list the published files, nor reconfigure their bucket', () => {
      expect(allowedOnObjects(s, s.publish, s.buckets.datasets, OBJECT_WRITES.filter((a) => a !== 's3:PutObject'))).toEqual([]);
      expect(allowedOnBucket(s, s.publish, s.buckets.datasets, [...BUCKET_LISTS, ...BUCKET_WRITES])).toEqual([]);
    });

    it('cannot touch the access logs', () => {
      expect(s.access.allowsTouching(s.publish, s.buckets.logs)).toEqual([]);
    });
  });

  describe('the public (an unsigned request from anyone)', () => {
    it('can download every published file', () => {
      for (const key of ['events.csv', 'events/year=2022/month=08/events.csv', 'index.html', 'README.md', 'LICENSE']) {
        expect(s.access.may(ANONYMOUS, 's3:GetObject', s.access.objectArn(s.buckets.datasets, key)), key).toBe(true);
      }
    });

    it('can do nothing else with the datasets bucket: no listing, no writes, no versions, no ACLs', () => {
      expect(allowedOnObjects(s, ANONYMOUS, s.buckets.datasets, [...OBJECT_READS.filter((a) => a !== 's3:GetObject'), ...OBJECT_WRITES])).toEqual([]);
      expect(allowedOnBucket(s, ANONYMOUS, s.buckets.datasets, [...BUCKET_LISTS, ...BUCKET_WRITES, 's3:GetBucketPolicy', 's3:GetBucketAcl'])).toEqual([]);
    });

    it('can reach nothing in the upload, working and access-log buckets', () => {
      for (const bucket of [s.buckets.upload, s.buckets.work, s.buckets.logs]) {
        expect(s.access.allowsTouching(ANONYMOUS, bucket), bucket).toEqual([]);
        expect(allowedOnObjects(s, ANONYMOUS, bucket, [...OBJECT_READS, ...OBJECT_WRITES]), bucket).toEqual([]);
      }
    });

    it('is granted exactly one statement in the whole template: s3:GetObject on the datasets objects', () => {
      const publicAllows = s.access.resourcePolicyStatements().filter((st) => st.effect === 'Allow' && (st.principal.everyone || st.principal.not));
      expect(publicAllows.map((st) => ({ actions: st.actions, resources: st.resources, notActions: st.notActions, notResources: st.notResources, condition: st.condition }))).toEqual([
        { actions: ['s3:GetObject'], resources: [`${s.access.arn(s.buckets.datasets)}/*`], notActions: undefined, notResources: undefined, condition: undefined },
      ]);
    });

    it('cannot send to, read from or redrive any queue', () => {
      for (const queue of Object.values(s.queues)) {
        expect([...EVENT_SOURCE_ACTIONS, ...OTHER_QUEUE_ACTIONS].filter((a) => s.access.may(ANONYMOUS, a, s.access.arn(queue))), queue).toEqual([]);
      }
    });

    it('meets the bucket settings that keep it that way: public ACLs blocked everywhere, public policies only on the datasets bucket', () => {
      const settings = (bucket: string) => s.json.Resources[bucket]?.Properties as Record<string, unknown>;
      for (const bucket of [s.buckets.upload, s.buckets.work, s.buckets.logs]) {
        expect(settings(bucket).PublicAccessBlockConfiguration, bucket).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      }
      expect(settings(s.buckets.datasets).PublicAccessBlockConfiguration).toMatchObject({ BlockPublicAcls: true, IgnorePublicAcls: true });
      for (const bucket of Object.values(s.buckets)) expect(settings(bucket).AccessControl, bucket).toBeUndefined();
      // Nothing else in the stack is reachable from the internet.
      for (const type of ['AWS::Lambda::Url', 'AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api', 'AWS::CloudFront::Distribution']) {
        expect(Object.values(s.json.Resources).filter((r) => r.Type === type), type).toEqual([]);
      }
      const permissions = Object.values(s.json.Resources).filter((r) => r.Type === 'AWS::Lambda::Permission');
      expect(permissions.filter((p) => p.Properties?.Principal === '*')).toEqual([]);
    });
  });

  describe('both function roles', () => {
    const both = (): [string, Principal][] => [
      ['normalise', s.normalise],
      ['publish', s.publish],
    ];

    it('carry no AWS managed policy and no wildcard action, resource or negation', () => {
      for (const [name, principal] of both()) {
        const id = roleId(principal);
        expect(s.json.Resources[id]?.Properties?.ManagedPolicyArns, name).toBeUndefined();
        const statements = s.access.identityStatements(id);
        expect(statements.length, name).toBeGreaterThan(0);
        for (const st of statements) {
          expect(st.effect, st.source).toBe('Allow');
          expect(st.notActions, st.source).toBeUndefined();
          expect(st.notResources, st.source).toBeUndefined();
          for (const action of st.actions ?? []) expect(action, st.source).not.toContain('*');
          for (const resource of st.resources ?? []) expect(resource, st.source).not.toBe('*');
        }
        // Neither can do everything to any bucket (s3:* and * would both say yes here).
        for (const bucket of Object.values(s.buckets)) expect(s.access.may(principal, 's3:DeleteBucket', s.access.arn(bucket)), `${name} ${bucket}`).toBe(false);
      }
    });

    it('each consume their own queue and touch no other queue, dead-letter queues included', () => {
      const own = { normalise: s.queues.normalise, publish: s.queues.publish };
      for (const [name, principal] of both()) {
        for (const [queueName, queue] of Object.entries(s.queues)) {
          const allowed = [...EVENT_SOURCE_ACTIONS, ...OTHER_QUEUE_ACTIONS].filter((a) => s.access.may(principal, a, s.access.arn(queue)));
          expect(allowed, `${name} on ${queueName}`).toEqual(queue === own[name as keyof typeof own] ? EVENT_SOURCE_ACTIONS : []);
        }
      }
    });

    it('each write only their own log group', () => {
      const logGroups = Object.entries(s.json.Resources).filter(([, r]) => r.Type === 'AWS::Logs::LogGroup').map(([id]) => id);
      for (const [name, principal] of both()) {
        const writable = logGroups.filter((id) => s.access.may(principal, 'logs:PutLogEvents', s.access.arn(id).replace(/:\*$/, ':log-stream:x')));
        expect(writable, name).toHaveLength(1);
      }
      expect(new Set(both().map(([, p]) => s.access.identityStatements(roleId(p)).find((st) => st.actions?.includes('logs:PutLogEvents'))?.resources?.join()))).toHaveProperty('size', 2);
    });
  });

  describe('across every role of the template', () => {
    const rolesThat = (action: string, arn: string): string[] => s.access.roles().filter((id) => s.access.may(role(id), action, arn));

    it('only normalise reads the uploads', () => {
      expect(rolesThat('s3:GetObject', s.access.objectArn(s.buckets.upload, 'incoming/article.txt'))).toEqual([roleId(s.normalise)]);
    });

    it('no role can put an object anywhere in the upload bucket, and only the stack teardown of a dev stage may delete one', () => {
      for (const key of SAMPLE_KEYS) expect(rolesThat('s3:PutObject', s.access.objectArn(s.buckets.upload, key)), key).toEqual([]);
      const deleters = rolesThat('s3:DeleteObject', s.access.objectArn(s.buckets.upload, 'incoming/article.txt'));
      if (s.stack.stage === 'dev') expect(deleters).toEqual([expect.stringMatching(/^CustomS3AutoDeleteObjects/)]);
      else expect(deleters).toEqual([]);
    });

    it('only publish writes the published files', () => {
      expect(rolesThat('s3:PutObject', s.access.objectArn(s.buckets.datasets, 'events.csv'))).toEqual([roleId(s.publish)]);
    });
  });
});

/**
 * The queues the bucket's notification configuration (Custom::S3BucketNotifications) sends
 * the creation and the removal of `key` to, by logical id.
 */
function queuesNotified(s: Subject, bucket: string, key: string): { created: string[]; removed: string[] } {
  interface FilterRule {
    Name: string;
    Value: string;
  }
  interface QueueConfiguration {
    Events: string[];
    Filter?: { Key?: { FilterRules?: FilterRule[] } };
    QueueArn: unknown;
  }
  const configurations = Object.values(s.json.Resources)
    .filter((r) => r.Type === 'Custom::S3BucketNotifications' && s.access.resolve(r.Properties?.BucketName) === s.access.resolve({ Ref: bucket }))
    .flatMap((r) => ((r.Properties?.NotificationConfiguration as { QueueConfigurations?: QueueConfiguration[] } | undefined)?.QueueConfigurations ?? []));
  const queueOf = (arn: unknown): string => {
    const id = Object.keys(s.json.Resources).find((candidate) => s.json.Resources[candidate]?.Type === 'AWS::SQS::Queue' && s.access.arn(candidate) === s.access.resolve(arn));
    if (id === undefined) throw new Error(`no queue of the template has the ARN ${JSON.stringify(arn)}`);
    return id;
  };
  const matches = (c: QueueConfiguration): boolean =>
    (c.Filter?.Key?.FilterRules ?? []).every((rule) => {
      const name = rule.Name.toLowerCase();
      if (name === 'prefix') return key.startsWith(rule.Value);
      if (name === 'suffix') return key.endsWith(rule.Value);
      throw new Error(`unknown filter rule ${rule.Name}`);
    });
  const notified = (event: string): string[] =>
    [...new Set(configurations.filter((c) => matches(c) && c.Events.some((e) => wildcardMatch(e, event))).map((c) => queueOf(c.QueueArn)))].sort();
  return { created: notified('s3:ObjectCreated:Put'), removed: notified('s3:ObjectRemoved:Delete') };
}

function roleId(principal: Principal): string {
  if (!('role' in principal)) throw new Error('not a role');
  return principal.role;
}

describe('PolicyAccess (the helper the tests above rely on)', () => {
  const policy = (statements: unknown[], roles = [{ Ref: 'FnRole' }]) => ({ Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: { Statement: statements }, Roles: roles } });
  const bucketArn = { 'Fn::GetAtt': ['Bucket', 'Arn'] };
  const base = (extra: Record<string, unknown>): TemplateJson =>
    ({
      Resources: {
        Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
        Other: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'other-bucket' } },
        FnRole: { Type: 'AWS::IAM::Role', Properties: {} },
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['FnRole', 'Arn'] } } },
        ...extra,
      },
    }) as TemplateJson;

  it('resolves Ref, Fn::GetAtt, Fn::Join and Fn::Sub to the same ARN', () => {
    const access = new PolicyAccess(base({}));
    const arn = access.arn('Bucket');
    expect(access.resolve({ 'Fn::Join': ['', [bucketArn, '/x']] })).toBe(`${arn}/x`);
    expect(access.resolve({ 'Fn::Sub': '${Bucket.Arn}/x' })).toBe(`${arn}/x`);
    expect(access.resolve({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: 'Bucket' }, '/x']] })).toBe(`${arn}/x`);
    expect(access.arn('Other')).toBe('arn:aws:s3:::other-bucket');
    expect(() => access.resolve({ 'Fn::ImportValue': 'x' })).toThrow(/cannot resolve/);
    expect(() => access.resolve({ 'Fn::GetAtt': ['Missing', 'Arn'] })).toThrow(/no resource Missing/);
  });

  it('matches IAM wildcards: actions without case, resources with it', () => {
    expect(wildcardMatch('s3:Get*', 's3:getobject', true)).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::b/in?oming/*', 'arn:aws:s3:::b/incoming/a/b')).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::b/incoming/*', 'arn:aws:s3:::b/Incoming/a')).toBe(false);
    expect(patternReachesBucket('*', 'arn:aws:s3:::b')).toBe(true);
    expect(patternReachesBucket('arn:aws:s3:::*', 'arn:aws:s3:::b')).toBe(true);
    expect(patternReachesBucket('arn:aws:s3:::b/rejected/*', 'arn:aws:s3:::b')).toBe(true);
    expect(patternReachesBucket('arn:aws:s3:::bb/*', 'arn:aws:s3:::b')).toBe(false);
    expect(patternReachesBucket('arn:aws:s3:::c*', 'arn:aws:s3:::b')).toBe(false);
  });

  it('says yes to a grant and no without one', () => {
    const access = new PolicyAccess(base({ P: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [bucketArn, '/incoming/*']] } }]) }));
    const fn = access.roleOfFunction('Fn');
    expect(access.may(fn, 's3:GetObject', access.objectArn('Bucket', 'incoming/a'))).toBe(true);
    expect(access.may(fn, 's3:GetObject', access.objectArn('Bucket', 'rejected/a'))).toBe(false);
    expect(access.may(fn, 's3:PutObject', access.objectArn('Bucket', 'incoming/a'))).toBe(false);
    expect(access.may(ANONYMOUS, 's3:GetObject', access.objectArn('Bucket', 'incoming/a'))).toBe(false);
  });

  it.each([
    ['s3:* on everything in an attached policy', { P: policy([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]) }, {}],
    ['"*" in a customer managed policy', { M: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, Roles: [{ Ref: 'FnRole' }] } } }, {}],
    ['NotAction in an inline policy', {}, { Policies: [{ PolicyName: 'inline', PolicyDocument: { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: { 'Fn::Sub': '${Bucket.Arn}/*' } }] } }] }],
    ['an AWS managed policy the helper cannot read', {}, { ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonS3FullAccess']] }] }],
    [
      'a bucket policy naming the role',
      { BP: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['FnRole', 'Arn'] } }, Action: 's3:Put*', Resource: { 'Fn::Join': ['', [bucketArn, '/*']] } }] } } } },
      {},
    ],
  ])('catches a role that may write uploads through %s', (_what, extra, roleProps) => {
    const template = base(extra);
    (template.Resources.FnRole as { Properties: Record<string, unknown> }).Properties = roleProps;
    const access = new PolicyAccess(template);
    expect(access.may(access.roleOfFunction('Fn'), 's3:PutObject', access.objectArn('Bucket', 'incoming/a'))).toBe(true);
    expect(access.allowsTouching(access.roleOfFunction('Fn'), 'Bucket')).not.toEqual([]);
  });

  it('lets an explicit deny win, and evaluates conditions it knows against the request', () => {
    const everything = { Effect: 'Allow', Action: 's3:*', Resource: '*' };
    const denyPlainHttp = { Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Resource: [bucketArn, { 'Fn::Join': ['', [bucketArn, '/*']] }], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    const denyPut = { ...denyPlainHttp, Action: 's3:PutObject', Condition: undefined };
    const bucketPolicy = (statements: unknown[]) => ({ Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: { Statement: statements } } });
    const tls = new PolicyAccess(base({ P: policy([everything]), BP: bucketPolicy([denyPlainHttp]) }));
    expect(tls.may(role('FnRole'), 's3:PutObject', tls.objectArn('Bucket', 'a'))).toBe(true);
    const plain = new PolicyAccess(base({ P: policy([everything]), BP: bucketPolicy([denyPlainHttp]) }), { 'aws:SecureTransport': 'false' });
    expect(plain.may(role('FnRole'), 's3:PutObject', plain.objectArn('Bucket', 'a'))).toBe(false);
    const denied = new PolicyAccess(base({ P: policy([everything]), BP: bucketPolicy([denyPut]) }));
    expect(denied.may(role('FnRole'), 's3:PutObject', denied.objectArn('Bucket', 'a'))).toBe(false);
    expect(denied.may(role('FnRole'), 's3:GetObject', denied.objectArn('Bucket', 'a'))).toBe(true);
  });

  it('counts a bucket policy for everyone as a grant to anonymous callers, a service principal as none', () => {
    const statement = (principal: unknown) => ({ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [bucketArn, '/*']] } });
    const bucketPolicy = (principal: unknown) => base({ BP: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: { Statement: [statement(principal)] } } } });
    for (const everyone of ['*', { AWS: '*' }]) {
      const access = new PolicyAccess(bucketPolicy(everyone));
      expect(access.may(ANONYMOUS, 's3:GetObject', access.objectArn('Bucket', 'x'))).toBe(true);
      expect(access.may(role('FnRole'), 's3:GetObject', access.objectArn('Bucket', 'x'))).toBe(true);
      expect(access.may(ANONYMOUS, 's3:ListBucket', access.arn('Bucket'))).toBe(false);
    }
    const service = new PolicyAccess(bucketPolicy({ Service: 'logging.s3.amazonaws.com' }));
    expect(service.may(ANONYMOUS, 's3:GetObject', service.objectArn('Bucket', 'x'))).toBe(false);
  });
});
