import { GetQueueAttributesCommand, GetQueueUrlCommand, ListMessageMoveTasksCommand, SQSClient, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import type { ListMessageMoveTasksResultEntry } from '@aws-sdk/client-sqs';

/**
 * `npm run redrive -- --aws`: the deployed stack's dead-letter queue moved back to its
 * source queue with SQS's own redrive (StartMessageMoveTask), then followed until the
 * move task ends. The messages keep their bodies; the source queue's Lambda receives them
 * again with a fresh set of receives. The command-line tool only: the SQS client is never
 * part of a Lambda bundle.
 */
export interface QueueArn {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly name: string;
}

const QUEUE_ARN = /^arn:(aws[a-z-]*):sqs:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,80}(?:\.fifo)?)$/;

export function parseQueueArn(arn: string): QueueArn | undefined {
  const match = QUEUE_ARN.exec(arn);
  if (match === null) return undefined;
  const [, partition, region, account, name] = match as unknown as [string, string, string, string, string];
  return { partition, region, account, name };
}

export interface SqsRedriveOptions {
  /** The dead-letter queue to empty. */
  readonly dlqArn: string;
  /** Where the messages go. @default - each message back to the queue it came from */
  readonly sourceArn?: string;
  /** @default - as fast as SQS allows (up to 500 per second) */
  readonly maxPerSecond?: number;
  /** Only count the messages and print the command. */
  readonly dryRun?: boolean;
  /** Follow the move task until it ends. @default true */
  readonly wait?: boolean;
  /** Between two looks at the move task. @default 5000 */
  readonly pollMs?: number;
}

/** The same move with the AWS CLI. */
export function awsCliCommand(options: Pick<SqsRedriveOptions, 'dlqArn' | 'sourceArn' | 'maxPerSecond'>): string {
  const region = parseQueueArn(options.dlqArn)?.region;
  return [
    'aws sqs start-message-move-task',
    `--source-arn ${options.dlqArn}`,
    ...(options.sourceArn !== undefined ? [`--destination-arn ${options.sourceArn}`] : []),
    ...(options.maxPerSecond !== undefined ? [`--max-number-of-messages-per-second ${options.maxPerSecond}`] : []),
    ...(region !== undefined ? [`--region ${region}`] : []),
  ].join(' ');
}

/** A client in the dead-letter queue's region (AWS_ENDPOINT_URL_SQS and the usual credential chain apply). */
export function sqsClientFor(dlqArn: string): SQSClient {
  const arn = parseQueueArn(dlqArn);
  if (arn === undefined) throw new Error(`not an SQS queue ARN: ${dlqArn}`);
  return new SQSClient({ region: arn.region });
}

const FINAL = new Set(['COMPLETED', 'CANCELLED', 'FAILED']);

/**
 * Starts the move (unless dry run) and, by default, follows it to its end. Returns the exit
 * code: 0 when every message was moved (or there was nothing to move), 1 otherwise.
 */
export async function redriveSqs(client: SQSClient, options: SqsRedriveOptions, print: (line: string) => void): Promise<number> {
  const arn = parseQueueArn(options.dlqArn);
  if (arn === undefined) throw new Error(`not an SQS queue ARN: ${options.dlqArn}`);
  const { QueueUrl: dlqUrl } = await client.send(new GetQueueUrlCommand({ QueueName: arn.name, QueueOwnerAWSAccountId: arn.account }));
  const waiting = await visibleMessages(client, dlqUrl);
  print(`${arn.name}: ${waiting} message(s) waiting (approximate).`);
  if (options.dryRun) {
    print(`Dry run: nothing moved. To move them back${options.sourceArn === undefined ? ' to their source queue' : ''}:`);
    print(`  npm run redrive -- --aws --dlq-arn ${options.dlqArn}${options.sourceArn !== undefined ? ` --source-arn ${options.sourceArn}` : ''}`);
    print(`  or: ${awsCliCommand(options)}`);
    return 0;
  }
  if (waiting === 0) {
    print('Nothing to redrive.');
    return 0;
  }

  const { TaskHandle } = await client.send(
    new StartMessageMoveTaskCommand({
      SourceArn: options.dlqArn,
      ...(options.sourceArn !== undefined ? { DestinationArn: options.sourceArn } : {}),
      ...(options.maxPerSecond !== undefined ? { MaxNumberOfMessagesPerSecond: options.maxPerSecond } : {}),
    }),
  );
  print(`Move task started${options.sourceArn === undefined ? ' (back to the source queue)' : ` (to ${options.sourceArn})`}: ${TaskHandle ?? '?'}`);
  if (options.wait === false) {
    print(`Follow it with: aws sqs list-message-move-tasks --source-arn ${options.dlqArn} --region ${arn.region}`);
    return 0;
  }

  let last: ListMessageMoveTasksResultEntry | undefined;
  let lastMoved = -1;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 5000));
    const { Results } = await client.send(new ListMessageMoveTasksCommand({ SourceArn: options.dlqArn, MaxResults: 1 }));
    last = Results?.[0];
    if (last === undefined) throw new Error(`SQS lists no move task for ${options.dlqArn}`);
    const moved = last.ApproximateNumberOfMessagesMoved ?? 0;
    if (moved !== lastMoved) {
      print(`  ${last.Status ?? '?'}: ${moved} of ${last.ApproximateNumberOfMessagesToMove ?? '?'} moved`);
      lastMoved = moved;
    }
    if (FINAL.has(last.Status ?? '')) break;
  }
  const left = await visibleMessages(client, dlqUrl);
  if (last.Status === 'COMPLETED') {
    print(`Done: ${last.ApproximateNumberOfMessagesMoved ?? 0} message(s) moved; ${left} left in ${arn.name}. Messages that fail again come back here after their retries (and the alarm fires again).`);
    return 0;
  }
  print(`The move task ended ${last.Status}${last.FailureReason ? `: ${last.FailureReason}` : ''}; ${left} message(s) left in ${arn.name}.`);
  return 1;
}

async function visibleMessages(client: SQSClient, queueUrl: string | undefined): Promise<number> {
  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
}
