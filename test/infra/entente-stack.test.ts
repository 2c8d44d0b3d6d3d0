import { App, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, stackPropsFromContext } from '../../infra/app.js';
import { InvalidPropsError } from '../../infra/constructs/errors.js';
import type { EntenteStack } from '../../infra/entente-stack.js';
import { arnOf, BUNDLING_TIMEOUT, cdkJsonContext, logicalId, removeOutdir, SKIP_BUNDLING, tempOutdir } from './support.js';

/** The template with asset hashes (bundle outputs, CDK's own handler zips) replaced, so bundling changes do not churn the snapshot. */
function normalisedTemplate(template: Template): string {
  return `${JSON.stringify(template.toJSON(), null, 2).replace(/[0-9a-f]{64}/g, '<asset-hash>')}\n`;
}

function functionVariables(template: Template, stack: EntenteStack): Record<string, unknown>[] {
  return [stack.normalise.function, stack.publisher.function].map(
    (fn) => template.toJSON().Resources[logicalId(fn)].Properties.Environment.Variables as Record<string, unknown>,
  );
}

/** A variant of the app from context, without bundling (the template is all these tests read). */
function variant(context: Record<string, unknown>) {
  const outdir = tempOutdir();
  try {
    const { stack } = createApp({ outdir, context: { ...cdkJsonContext(), ...SKIP_BUNDLING, ...context } });
    return { stack, template: Template.fromStack(stack) };
  } finally {
    removeOutdir(outdir);
  }
}

describe('EntenteStack as `npx cdk synth` builds it (cdk.json context, no -c)', () => {
  let app: App;
  let stack: EntenteStack;
  let template: Template;
  let outdir: string;

  beforeAll(() => {
    outdir = tempOutdir();
    ({ app, stack } = createApp({ outdir, context: cdkJsonContext() }));
    app.synth(); // bundles both handlers and runs cdk-nag: throws on any unacknowledged error
    template = Template.fromStack(stack);
  }, BUNDLING_TIMEOUT);
  afterAll(() => removeOutdir(outdir));

  it('is one environment-agnostic stack named after the default stage', () => {
    expect(app.node.children.filter((c) => c === stack)).toHaveLength(1);
    expect(stack.stackName).toBe('Entente-prod');
    expect(Token.isUnresolved(stack.account)).toBe(true);
    expect(Token.isUnresolved(stack.region)).toBe(true);
    expect(stack.environment).toBe('aws://unknown-account/unknown-region');
  });

  it('composes the four buckets, two queue-fed functions with their dead-letter queues, and six alarms', () => {
    template.resourceCountIs('AWS::S3::Bucket', 4);
    template.resourceCountIs('AWS::SQS::Queue', 4);
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 6);
    template.resourceCountIs('Custom::DatasetsRootFile', 2);
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Runtime: 'nodejs22.x', Architectures: ['arm64'] }, 2);
  });

  it('wires uploads to normalise and working-state changes to publish', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: logicalId(stack.buckets.uploadBucket) },
      NotificationConfiguration: { QueueConfigurations: [{ QueueArn: arnOf(stack.normalise.queue) }, { QueueArn: arnOf(stack.normalise.queue) }] },
    });
    const workNotifications = Object.values(
      template.findResources('Custom::S3BucketNotifications', { Properties: { BucketName: { Ref: logicalId(stack.buckets.workBucket) } } }),
    );
    expect(workNotifications).toHaveLength(1);
    const queues = (workNotifications[0]!.Properties.NotificationConfiguration.QueueConfigurations as { QueueArn: unknown }[]).map((c) => c.QueueArn);
    expect(queues).toEqual(queues.map(() => arnOf(stack.publisher.queue)));
  });

  it('gives both handlers the datasets bucket URL as BASE_URI when none is given', () => {
    const url = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(stack.buckets.datasetsBucket), 'RegionalDomainName'] }, '/']] };
    for (const variables of functionVariables(template, stack)) expect(variables.BASE_URI).toEqual(url);
  });

  it('outputs the bucket names, the datasets URL, the base URI, the upload command and the dead-letter queues to redrive', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs).sort()).toEqual(
      [
        'AthenaDatabase',
        'BaseUri',
        'DatasetsBucketName',
        'DatasetsUrl',
        'NormaliseDeadLetterQueueArn',
        'PublishDeadLetterQueueArn',
        'Stage',
        'UploadBucketName',
        'UploadCommand',
        'WorkBucketName',
      ].sort(),
    );
    expect(outputs.UploadBucketName!.Value).toEqual({ Ref: logicalId(stack.buckets.uploadBucket) });
    expect(outputs.WorkBucketName!.Value).toEqual({ Ref: logicalId(stack.buckets.workBucket) });
    expect(outputs.DatasetsBucketName!.Value).toEqual({ Ref: logicalId(stack.buckets.datasetsBucket) });
    expect(outputs.DatasetsUrl!.Value).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(stack.buckets.datasetsBucket), 'RegionalDomainName'] }, '/']],
    });
    expect(outputs.AthenaDatabase!.Value).toBe('entente_prod');
    expect(outputs.NormaliseDeadLetterQueueArn!.Value).toEqual(arnOf(stack.normalise.deadLetterQueue));
    expect(outputs.PublishDeadLetterQueueArn!.Value).toEqual(arnOf(stack.publisher.deadLetterQueue));
    expect(outputs.UploadCommand!.Value).toEqual({ 'Fn::Join': ['', ['aws s3 cp FILE s3://', { Ref: logicalId(stack.buckets.uploadBucket) }, '/incoming/']] });
  });

  it('retains buckets and log groups, and empties nothing, outside dev stages', () => {
    for (const type of ['AWS::S3::Bucket', 'AWS::Logs::LogGroup']) {
      const all = Object.values(template.findResources(type));
      expect(all.map((r) => r.DeletionPolicy)).toEqual(all.map(() => 'Retain'));
    }
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('matches the committed template (asset hashes normalised)', async () => {
    await expect(normalisedTemplate(template)).toMatchFileSnapshot('__snapshots__/Entente-prod.template.json');
  });
});

describe('EntenteStack from context', () => {
  it('destroys and empties a dev stage with the stack', () => {
    const { stack, template } = variant({ stage: 'dev' });
    expect(stack.stackName).toBe('Entente-dev');
    for (const type of ['AWS::S3::Bucket', 'AWS::Logs::LogGroup']) {
      const all = Object.values(template.findResources(type));
      expect(all.map((r) => r.DeletionPolicy)).toEqual(all.map(() => 'Delete'));
    }
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 4);
  });

  it('lets removalPolicy override what the stage implies, both ways', () => {
    const kept = variant({ stage: 'dev-alice', removalPolicy: 'retain' }).template;
    expect(Object.values(kept.findResources('AWS::S3::Bucket')).every((b) => b.DeletionPolicy === 'Retain')).toBe(true);
    const dropped = variant({ stage: 'staging', removalPolicy: 'destroy' }).template;
    expect(Object.values(dropped.findResources('AWS::S3::Bucket')).every((b) => b.DeletionPolicy === 'Delete')).toBe(true);
  });

  it('passes a given base URI to both handlers and the BaseUri output', () => {
    const { stack, template } = variant({ baseUri: 'https://w3id.org/entente/' });
    for (const variables of functionVariables(template, stack)) expect(variables.BASE_URI).toBe('https://w3id.org/entente/');
    expect(template.toJSON().Outputs.BaseUri.Value).toBe('https://w3id.org/entente/');
  });

  it('e-mails the alarms when alarmEmail is given, and outputs the topic', () => {
    const { template } = variant({ alarmEmail: 'ops@example.org' });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
    expect(Object.keys(template.toJSON().Outputs)).toContain('AlarmTopicArn');
  });

  it.each([
    ['an unknown removal policy', { removalPolicy: 'keep' }],
    ['a stage with capitals', { stage: 'Prod' }],
    ['a base URI without a trailing slash', { baseUri: 'https://w3id.org/entente' }],
    ['an alarm address that is not one', { alarmEmail: 'nobody' }],
    ['a non-string context value', { stage: 42 }],
  ])('refuses %s', (_what, context) => {
    expect(() => variant(context)).toThrow(InvalidPropsError);
  });

  it('reads every setting from the context, and only those it knows', () => {
    const outdir = tempOutdir();
    const app = new App({ outdir, context: { stage: 'dev', baseUri: 'https://w3id.org/entente/', alarmEmail: 'ops@example.org', other: 'x' } });
    removeOutdir(outdir);
    expect(stackPropsFromContext(app.node)).toEqual({
      stage: 'dev',
      baseUri: 'https://w3id.org/entente/',
      removalPolicy: undefined,
      alarmEmail: 'ops@example.org',
    });
  });
});
