import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { describeThrown, lastErrorFor, withCapturedOutput } from './captured-output.js';
import type { DeadLetter } from './dead-letters.js';
import { appendDeadLetters } from './dead-letters.js';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './defaults.js';
import { sqsRecord } from './notifications.js';

/**
 * An SQS queue and its Lambda event source mapping, in process: messages are handed to
 * the handler in batches (up to `batchSize`, waiting up to `batchWindowMs` for a batch to
 * fill), at most `concurrency` invocations at once; the ids a handler returns in
 * batchItemFailures (or every id, if it throws) come back after `retryDelayMs`, until
 * `maxReceiveCount` receives send them to the dead-letter list, and, given a
 * `deadLetterFile`, to one JSON line of that file each (see dead-letters.ts), where they
 * wait for `npm run redrive`.
 */
export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface LocalQueueOptions {
  readonly name: string;
  readonly handler: SqsHandler;
  /** @default 10 */
  readonly batchSize?: number;
  /** @default 0 */
  readonly batchWindowMs?: number;
  /** @default 1 */
  readonly concurrency?: number;
  /** The visibility timeout, as far as a failed message is concerned. @default 1000 */
  readonly retryDelayMs?: number;
  /** @default 3 */
  readonly maxReceiveCount?: number;
  /** Where dead letters are appended, one JSON line each, to outlive the process. @default - kept in memory only */
  readonly deadLetterFile?: string;
}

export interface Invocation {
  readonly queue: string;
  readonly messages: number;
  readonly failures: number;
  readonly milliseconds: number;
  readonly error?: unknown;
}

interface Message {
  readonly id: string;
  readonly body: string;
  readonly sent: number;
  firstReceive?: number;
  receives: number;
}

export class LocalQueue {
  readonly name: string;
  /** Messages that failed `maxReceiveCount` times, as the handler last saw them. */
  readonly deadLetters: SQSRecord[] = [];
  /** Called after each invocation. */
  onInvocation: ((invocation: Invocation) => void) | undefined;
  /** Called for each message given up on, with what is persisted of it. */
  onDeadLetter: ((letter: DeadLetter) => void) | undefined;

  private readonly options: Required<Omit<LocalQueueOptions, 'name' | 'handler' | 'deadLetterFile'>>;
  private readonly ready: Message[] = [];
  private inFlight = 0;
  private delayed = 0;
  private windowTimer: NodeJS.Timeout | undefined;
  private windowOpen = false;
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private closed = false;
  private pollScheduled = false;
  private waiters: (() => void)[] = [];
  private invocations = 0;
  /** Dead letters being written to the file: the queue is not idle until they are on disk. */
  private persisting = 0;

  constructor(private readonly config: LocalQueueOptions) {
    this.name = config.name;
    this.options = {
      batchSize: config.batchSize ?? 10,
      batchWindowMs: config.batchWindowMs ?? 0,
      concurrency: config.concurrency ?? 1,
      retryDelayMs: config.retryDelayMs ?? 1000,
      maxReceiveCount: config.maxReceiveCount ?? 3,
    };
  }

  /**
   * The message is counted at once (the queue is no longer idle) and polled on the next turn
   * of the event loop. Returns its message id (empty once the queue is closed).
   */
  send(body: string): string {
    if (this.closed) return '';
    const id = randomUUID();
    this.ready.push({ id, body, sent: Date.now(), receives: 0 });
    if (!this.pollScheduled) {
      this.pollScheduled = true;
      setImmediate(() => {
        this.pollScheduled = false;
        this.pump();
      });
    }
    return id;
  }

  /** Nothing waiting, nothing being handled, no failed message waiting for its retry, no dead letter being written. */
  get idle(): boolean {
    return this.ready.length === 0 && this.inFlight === 0 && this.delayed === 0 && this.persisting === 0;
  }

  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops taking messages and waits for the invocations under way. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.windowTimer);
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    this.delayed = 0;
    this.ready.length = 0;
    await this.whenIdle();
  }

  private pump(): void {
    const { batchSize, batchWindowMs, concurrency } = this.options;
    while (!this.closed && this.inFlight < concurrency && this.ready.length > 0) {
      if (this.ready.length < batchSize && batchWindowMs > 0 && !this.windowOpen) {
        // Lambda waits up to the batching window for a full batch.
        this.windowTimer ??= setTimeout(() => {
          this.windowTimer = undefined;
          this.windowOpen = true;
          this.pump();
        }, batchWindowMs);
        break;
      }
      clearTimeout(this.windowTimer);
      this.windowTimer = undefined;
      this.windowOpen = false;
      void this.invoke(this.ready.splice(0, batchSize));
    }
    this.settle();
  }

  private async invoke(batch: Message[]): Promise<void> {
    this.inFlight++;
    const started = Date.now();
    const records = batch.map((m) => {
      m.receives++;
      m.firstReceive ??= started;
      return sqsRecord(this.name, m.body, m.receives, m.sent, m.firstReceive, m.id);
    });
    let failed: Set<string>;
    let error: unknown;
    const run = await withCapturedOutput(() => this.config.handler({ Records: records }, this.context()));
    if (!run.threw) {
      const ids = new Set(batch.map((m) => m.id));
      const reported = (run.value ?? { batchItemFailures: [] }).batchItemFailures.map((f) => f.itemIdentifier);
      // Lambda fails the whole batch when an identifier is not one of its messages.
      failed = reported.every((id) => ids.has(id)) ? new Set(reported) : ids;
    } else {
      error = run.error;
      failed = new Set(batch.map((m) => m.id));
    }
    const given: DeadLetter[] = [];
    for (const [i, message] of batch.entries()) {
      if (!failed.has(message.id)) continue;
      if (message.receives >= this.options.maxReceiveCount) {
        this.deadLetters.push(records[i] as SQSRecord);
        given.push({
          queue: this.name,
          messageId: message.id,
          receiveCount: message.receives,
          sentAt: new Date(message.sent).toISOString(),
          deadLetteredAt: new Date().toISOString(),
          lastError: run.threw
            ? describeThrown(error)
            : (lastErrorFor(run.output, message.id, message.body) ?? 'the function reported the message as failed (batchItemFailures) and logged no error'),
          body: message.body,
        });
      } else this.retryLater(message);
    }
    this.persist(given);
    this.inFlight--;
    this.onInvocation?.({ queue: this.name, messages: batch.length, failures: failed.size, milliseconds: Date.now() - started, ...(error !== undefined ? { error } : {}) });
    this.pump();
  }

  private persist(letters: readonly DeadLetter[]): void {
    for (const letter of letters) {
      try {
        this.onDeadLetter?.(letter);
      } catch {
        // An observer's failure must not stall the queue.
      }
    }
    const file = this.config.deadLetterFile;
    if (file === undefined || letters.length === 0) return;
    this.persisting++;
    appendDeadLetters(file, letters)
      .catch((error: unknown) => {
        // Still in deadLetters; say why they will not survive a restart.
        process.stderr.write(`${this.name}: could not write ${letters.length} dead letter(s) to ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      })
      .finally(() => {
        this.persisting--;
        this.settle();
      });
  }

  private retryLater(message: Message): void {
    if (this.closed) return;
    this.delayed++;
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.delayed--;
      if (this.closed) return;
      this.ready.push(message);
      this.pump();
    }, this.options.retryDelayMs);
    this.retryTimers.add(timer);
  }

  private settle(): void {
    if (!this.idle) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private context(): Context {
    const requestId = randomUUID();
    const deadline = Date.now() + 60_000;
    const functionName = `local-${this.name}`;
    return {
      callbackWaitsForEmptyEventLoop: true,
      functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${functionName}`,
      memoryLimitInMB: '1024',
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/${functionName}`,
      logStreamName: `local/${++this.invocations}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    };
  }
}
