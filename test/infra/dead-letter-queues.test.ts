import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../infra/app.js';
import type { EntenteStack } from '../../infra/entente-stack.js';
import { arnOf, BUNDLING_TIMEOUT, cdkJsonContext, logicalId, removeOutdir, SKIP_BUNDLING, tempOutdir } from './support.js';

/**
 * A poison message lands in a dead-letter queue after its retries; the alarm on that queue
 * says how to replay it (`npm run redrive -- --aws --dlq-arn <its ARN>`), and the stack
 * outputs the ARNs the command takes.
 */

type Json = Record<string, { Type: string; Properties: Record<string, unknown> }>;

let stack: EntenteStack;
let resources: Json;
let outputs: Record<string, { Value: unknown }>;

beforeAll(() => {
  const outdir = tempOutdir();
  try {
    ({ stack } = createApp({ outdir, context: { ...cdkJsonContext(), ...SKIP_BUNDLING } }));
    const json = Template.fromStack(stack).toJSON();
    resources = json.Resources as Json;
    outputs = json.Outputs as Record<string, { Value: unknown }>;
  } finally {
    removeOutdir(outdir);
  }
}, BUNDLING_TIMEOUT);

const pairs = () =>
  [
    ['Normalise', stack.normalise.queue, stack.normalise.deadLetterQueue],
    ['Publish', stack.publisher.queue, stack.publisher.deadLetterQueue],
  ] as const;

describe('dead-letter queues and their redrive', () => {
  it('send every message of both queues to its own dead-letter queue after five receives, and keep it longer than the source would', () => {
    for (const [name, queue, dlq] of pairs()) {
      const source = resources[logicalId(queue)]!.Properties;
      const dead = resources[logicalId(dlq)]!.Properties;
      expect(source.RedrivePolicy, name).toEqual({ deadLetterTargetArn: arnOf(dlq), maxReceiveCount: 5 });
      expect(dead.MessageRetentionPeriod as number, name).toBeGreaterThan(source.MessageRetentionPeriod as number);
      expect(dead.RedrivePolicy, name).toBeUndefined();
    }
  });

  it('name the redrive command, with the queue ARN, in the description of the alarm on each dead-letter queue', () => {
    for (const [name, , dlq] of pairs()) {
      const alarm = Object.values(resources).find(
        (r) => r.Type === 'AWS::CloudWatch::Alarm' && JSON.stringify(r.Properties.Dimensions) === JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(dlq), 'QueueName'] } }]),
      );
      expect(alarm, name).toBeDefined();
      const description = alarm!.Properties.AlarmDescription as { 'Fn::Join': [string, unknown[]] };
      expect(description['Fn::Join'][1]).toEqual([expect.stringMatching(/npm run redrive -- --aws --dlq-arn $/), arnOf(dlq)]);
    }
  });

  it('are output, so that the command can be given their ARNs', () => {
    expect(outputs.NormaliseDeadLetterQueueArn!.Value).toEqual(arnOf(stack.normalise.deadLetterQueue));
    expect(outputs.PublishDeadLetterQueueArn!.Value).toEqual(arnOf(stack.publisher.deadLetterQueue));
  });
});
