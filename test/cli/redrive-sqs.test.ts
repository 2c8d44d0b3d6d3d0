import { SQSClient } from '@aws-sdk/client-sqs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redriveSqs } from '../../cli/redrive/sqs.js';

/**
 * `npm run redrive -- --aws` with the real SQS client, against a small HTTP endpoint that
 * answers SQS's JSON protocol the way SQS does for a dead-letter queue and its move task
 * (no account, no SDK mock): what the command sends, and how it follows the task.
 */

const DLQ = 'arn:aws:sqs:eu-west-3:111122223333:Entente-prod-NormaliseDeadLetterQueue-ABC';
const SOURCE = 'arn:aws:sqs:eu-west-3:111122223333:Entente-prod-NormaliseQueue-DEF';

interface Call {
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

/** What the fake SQS holds: messages waiting in the DLQ, and the statuses its move task goes through. */
const sqs = {
  waiting: 0,
  statuses: [] as { Status: string; moved: number; FailureReason?: string }[],
  calls: [] as Call[],
  toMove: 0,
};

let server: Server;
let client: SQSClient;

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      const operation = String(request.headers['x-amz-target'] ?? '').replace(/^AmazonSQS\./, '');
      const input = JSON.parse(text || '{}') as Record<string, unknown>;
      sqs.calls.push({ operation, input });
      let output: unknown;
      if (operation === 'GetQueueUrl') output = { QueueUrl: `https://sqs.eu-west-3.amazonaws.com/${String(input.QueueOwnerAWSAccountId)}/${String(input.QueueName)}` };
      else if (operation === 'GetQueueAttributes') output = { Attributes: { ApproximateNumberOfMessages: String(sqs.waiting) } };
      else if (operation === 'StartMessageMoveTask') {
        sqs.toMove = sqs.waiting;
        output = { TaskHandle: 'task-handle-1' };
      } else if (operation === 'ListMessageMoveTasks') {
        const step = sqs.statuses.shift() ?? { Status: 'COMPLETED', moved: sqs.toMove };
        if (step.Status === 'COMPLETED') sqs.waiting = 0;
        output = {
          Results: [
            {
              Status: step.Status,
              SourceArn: input.SourceArn,
              ApproximateNumberOfMessagesMoved: step.moved,
              ApproximateNumberOfMessagesToMove: sqs.toMove,
              ...(step.FailureReason !== undefined ? { FailureReason: step.FailureReason } : {}),
            },
          ],
        };
      } else {
        response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify({ __type: 'com.amazonaws.sqs#InvalidAction', message: operation }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify(output));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new SQSClient({
    region: 'eu-west-3',
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });
});

afterAll(async () => {
  client?.destroy();
  await new Promise((resolve) => server?.close(resolve));
});

beforeEach(() => {
  sqs.waiting = 0;
  sqs.statuses = [];
  sqs.calls = [];
});

async function redrive(options: Parameters<typeof redriveSqs>[1]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await redriveSqs(client, { pollMs: 1, ...options }, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

const operations = (): string[] => sqs.calls.map((c) => c.operation);

describe('redrive of a deployed dead-letter queue (SQS StartMessageMoveTask)', () => {
  it('moves the messages back to their source queue and follows the task to its end', async () => {
    sqs.waiting = 3;
    sqs.statuses = [
      { Status: 'RUNNING', moved: 1 },
      { Status: 'RUNNING', moved: 1 },
      { Status: 'COMPLETED', moved: 3 },
    ];
    const { code, out } = await redrive({ dlqArn: DLQ });
    expect(code).toBe(0);
    expect(operations()).toEqual(['GetQueueUrl', 'GetQueueAttributes', 'StartMessageMoveTask', 'ListMessageMoveTasks', 'ListMessageMoveTasks', 'ListMessageMoveTasks', 'GetQueueAttributes']);
    expect(sqs.calls[0]!.input).toEqual({ QueueName: 'Entente-prod-NormaliseDeadLetterQueue-ABC', QueueOwnerAWSAccountId: '111122223333' });
    // No destination: SQS sends each message back to the queue it was dead-lettered from.
    expect(sqs.calls[2]!.input).toEqual({ SourceArn: DLQ });
    expect(sqs.calls[3]!.input).toEqual({ SourceArn: DLQ, MaxResults: 1 });
    expect(out).toContain('3 message(s) waiting');
    expect(out).toContain('RUNNING: 1 of 3 moved');
    expect(out.match(/1 of 3 moved/g)).toHaveLength(1);
    expect(out).toContain('Done: 3 message(s) moved; 0 left');
  });

  it('passes the destination and the rate when given', async () => {
    sqs.waiting = 1;
    const { code } = await redrive({ dlqArn: DLQ, sourceArn: SOURCE, maxPerSecond: 5 });
    expect(code).toBe(0);
    expect(sqs.calls.find((c) => c.operation === 'StartMessageMoveTask')!.input).toEqual({ SourceArn: DLQ, DestinationArn: SOURCE, MaxNumberOfMessagesPerSecond: 5 });
  });

  it('only counts and prints the commands on a dry run', async () => {
    sqs.waiting = 2;
    const { code, out } = await redrive({ dlqArn: DLQ, dryRun: true });
    expect(code).toBe(0);
    expect(operations()).toEqual(['GetQueueUrl', 'GetQueueAttributes']);
    expect(out).toContain(`npm run redrive -- --aws --dlq-arn ${DLQ}`);
    expect(out).toContain(`aws sqs start-message-move-task --source-arn ${DLQ} --region eu-west-3`);
  });

  it('starts nothing when the queue is empty', async () => {
    const { code, out } = await redrive({ dlqArn: DLQ });
    expect(code).toBe(0);
    expect(operations()).not.toContain('StartMessageMoveTask');
    expect(out).toContain('Nothing to redrive.');
  });

  it('exits 1 with the reason when the move task fails', async () => {
    sqs.waiting = 2;
    sqs.statuses = [{ Status: 'FAILED', moved: 1, FailureReason: 'AWS.SimpleQueueService.NonExistentQueue' }];
    const { code, out } = await redrive({ dlqArn: DLQ });
    expect(code).toBe(1);
    expect(out).toContain('The move task ended FAILED: AWS.SimpleQueueService.NonExistentQueue; 2 message(s) left');
  });

  it('returns once the task is started with wait: false', async () => {
    sqs.waiting = 2;
    const { code, out } = await redrive({ dlqArn: DLQ, wait: false });
    expect(code).toBe(0);
    expect(operations()).toEqual(['GetQueueUrl', 'GetQueueAttributes', 'StartMessageMoveTask']);
    expect(out).toContain('aws sqs list-message-move-tasks');
  });
});
