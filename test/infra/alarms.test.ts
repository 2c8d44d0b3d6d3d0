import { Duration } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { Alarms } from '../../infra/constructs/alarms.js';
import type { AlarmsProps } from '../../infra/constructs/alarms.js';
import { InvalidPropsError } from '../../infra/constructs/errors.js';
import { acknowledgements, bareStack, logicalId, nagFindings, removeOutdir } from './support.js';

/** Two functions and two dead-letter queues to watch; inline code, nothing to bundle. */
function watched(stack: Stack) {
  const fn = (id: string) => new LambdaFunction(stack, id, { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('exports.handler=async()=>{}') });
  return {
    normalise: fn('NormaliseFn'),
    publish: fn('PublishFn'),
    normaliseDlq: new Queue(stack, 'NormaliseDlq'),
    publishDlq: new Queue(stack, 'PublishDlq'),
  };
}

function build(extra: Partial<AlarmsProps> = {}) {
  const { stack, outdir } = bareStack();
  try {
    return buildOn(stack, extra);
  } finally {
    removeOutdir(outdir);
  }
}

function buildOn(stack: Stack, extra: Partial<AlarmsProps>) {
  const w = watched(stack);
  const alarms = new Alarms(stack, 'Alarms', {
    functions: [
      { name: 'Normalise', function: w.normalise },
      { name: 'Publish', function: w.publish },
    ],
    deadLetterQueues: [
      { name: 'Normalise', queue: w.normaliseDlq },
      { name: 'Publish', queue: w.publishDlq },
    ],
    ...extra,
  });
  const template = Template.fromStack(stack);
  return { stack, w, alarms, template };
}

describe('Alarms without an e-mail address', () => {
  const { w, alarms, template } = build();

  it('raises an alarm as soon as one message sits in a dead-letter queue', () => {
    for (const queue of [w.normaliseDlq, w.publishDlq]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(queue), 'QueueName'] } }],
        Statistic: 'Maximum',
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        EvaluationPeriods: 1,
        Period: 300,
        TreatMissingData: 'notBreaching',
      });
    }
  });

  it('raises an alarm on any function error', () => {
    for (const fn of [w.normalise, w.publish]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(fn) } }],
        Statistic: 'Sum',
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        EvaluationPeriods: 1,
      });
    }
  });

  it('raises an alarm on throttles sustained over three periods', () => {
    for (const fn of [w.normalise, w.publish]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Throttles',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(fn) } }],
        Statistic: 'Sum',
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 3,
      });
    }
  });

  it('makes exactly those six alarms, with no topic and no action', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 6);
    expect(alarms.alarms).toHaveLength(6);
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: Match.absent() });
    expect(alarms.topic).toBeUndefined();
  });

  it('has no unacknowledged cdk-nag finding', () => {
    expect(nagFindings(alarms)).toEqual([]);
  });
});

describe('Alarms with an e-mail address', () => {
  const { alarms, template } = build({ alarmEmail: 'ops@example.org' });

  it('e-mails every alarm through an SNS topic that refuses plain HTTP', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    const topicId = logicalId(alarms.topic!);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org', TopicArn: { Ref: topicId } });
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: topicId }] });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('has no cdk-nag finding, and needs no acknowledgement', () => {
    expect(nagFindings(alarms)).toEqual([]);
    expect(acknowledgements(alarms)).toEqual([]);
  });
});

describe('Alarms props are checked before anything is built', () => {
  it.each<[string, Partial<AlarmsProps>]>([
    ['an address that is not one', { alarmEmail: 'ops-at-example.org' }],
    ['no function', { functions: [] }],
    ['no dead-letter queue', { deadLetterQueues: [] }],
    ['a period under a minute', { period: Duration.seconds(30) }],
    ['a period that is not whole minutes', { period: Duration.seconds(90) }],
    ['zero throttle periods', { throttleEvaluationPeriods: 0 }],
  ])('refuses %s', (_what, override) => {
    expect(() => build(override)).toThrow(InvalidPropsError);
  });

  it('refuses two watched functions with the same name', () => {
    const { stack, outdir } = bareStack();
    const w = watched(stack);
    expect(
      () =>
        new Alarms(stack, 'Alarms', {
          functions: [
            { name: 'Same', function: w.normalise },
            { name: 'Same', function: w.publish },
          ],
          deadLetterQueues: [{ name: 'Normalise', queue: w.normaliseDlq }],
        }),
    ).toThrow(InvalidPropsError);
    removeOutdir(outdir);
  });
});
