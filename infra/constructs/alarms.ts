import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { checkDurationInRange, checkEmail, checkIntegerInRange, checkNonEmpty } from './checks.js';
import { alarmsDefaults, withDefaults } from './defaults.js';
import { InvalidPropsError } from './errors.js';

/** A function to watch, with the short name its alarms carry. */
export interface WatchedFunction {
  readonly name: string;
  readonly function: IFunction;
}

/** A dead-letter queue to watch, with the short name its alarm carries. */
export interface WatchedQueue {
  readonly name: string;
  readonly queue: IQueue;
}

export interface AlarmsProps {
  /** Functions whose errors and throttles raise an alarm. */
  readonly functions: readonly WatchedFunction[];
  /** Dead-letter queues whose depth raises an alarm as soon as one message is in. */
  readonly deadLetterQueues: readonly WatchedQueue[];
  /**
   * Where alarm notifications are e-mailed. The address must confirm the SNS subscription.
   * @default - no topic, no e-mail: alarms show in the CloudWatch console only
   */
  readonly alarmEmail?: string;
  /**
   * The period every alarm evaluates.
   * @default Duration.minutes(5)
   */
  readonly period?: Duration;
  /**
   * Consecutive periods with throttles before the throttle alarm fires. Publish runs with
   * reserved concurrency 1, so an isolated throttle is expected; a sustained one is not.
   * @default 3
   */
  readonly throttleEvaluationPeriods?: number;
}

const NAME = 'Alarms';

/**
 * One alarm per dead-letter queue (ApproximateNumberOfMessagesVisible > 0), per function
 * errors (> 0) and per function throttles (> 0 for several periods); all sent to an SNS
 * topic with an e-mail subscription when an address is given.
 */
export class Alarms extends Construct {
  readonly alarms: Alarm[] = [];
  readonly topic?: Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const resolved = withDefaults(alarmsDefaults(), props);
    checkAlarmsProps(props, resolved);

    if (props.alarmEmail !== undefined) {
      this.topic = new Topic(this, 'Topic', { displayName: 'Entente alarms', enforceSSL: true });
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    }

    const add = (alarmId: string, metric: IMetric, description: string, evaluationPeriods = 1): void => {
      const alarm = new Alarm(this, alarmId, {
        metric,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods,
        datapointsToAlarm: evaluationPeriods,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      if (this.topic) alarm.addAlarmAction(new SnsAction(this.topic));
      this.alarms.push(alarm);
    };

    for (const { name, queue } of props.deadLetterQueues) {
      add(
        `${name}DeadLetters`,
        queue.metricApproximateNumberOfMessagesVisible({ period: resolved.period, statistic: 'Maximum' }),
        `Messages in the ${name} dead-letter queue: events the pipeline gave up on after their retries. ` +
          `Find the cause in the function's logs and fix it, then move them back to their queue: npm run redrive -- --aws --dlq-arn ${queue.queueArn}`,
      );
    }
    for (const { name, function: fn } of props.functions) {
      add(`${name}Errors`, fn.metricErrors({ period: resolved.period, statistic: 'Sum' }), `The ${name} function failed (errors > 0).`);
      add(
        `${name}Throttles`,
        fn.metricThrottles({ period: resolved.period, statistic: 'Sum' }),
        `The ${name} function was throttled for ${resolved.throttleEvaluationPeriods} periods in a row.`,
        resolved.throttleEvaluationPeriods,
      );
    }
  }
}

export function checkAlarmsProps(props: AlarmsProps, resolved: ReturnType<typeof alarmsDefaults>): void {
  checkNonEmpty(NAME, 'functions', props.functions);
  checkNonEmpty(NAME, 'deadLetterQueues', props.deadLetterQueues);
  if (props.alarmEmail !== undefined) checkEmail(NAME, 'alarmEmail', props.alarmEmail);
  checkDurationInRange(NAME, 'period', resolved.period, Duration.minutes(1), Duration.days(1));
  if (resolved.period.toSeconds() % 60 !== 0) {
    throw new InvalidPropsError(NAME, 'period', resolved.period.toHumanString(), 'must be a whole number of minutes');
  }
  checkIntegerInRange(NAME, 'throttleEvaluationPeriods', resolved.throttleEvaluationPeriods, 1, 24);
  const names = [...props.functions.map((f) => f.name), ...props.deadLetterQueues.map((q) => q.name)];
  for (const name of names) {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new InvalidPropsError(NAME, 'name', name, 'must be PascalCase letters and digits (it becomes a construct id)');
  }
  for (const list of [props.functions.map((f) => f.name), props.deadLetterQueues.map((q) => q.name)]) {
    if (new Set(list).size !== list.length) throw new InvalidPropsError(NAME, 'name', list, 'names must be unique');
  }
}
