import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import path from 'node:path';
import { handler as normaliseHandler } from '../../functions/normalise.js';
import { handler as publishHandler } from '../../functions/publish.js';
import { logger } from '../../functions/runtime/observability.js';
import { createS3Client } from '../../functions/runtime/s3.js';
import { parseS3EventMessage } from '../../functions/runtime/s3-event.js';
import { FsStorage } from '../../src/storage/fs-storage.js';
import { S3Storage } from '../../src/storage/s3-storage.js';
import type { DeadLetter } from './dead-letters.js';
import { claimDeadLetters, deadLetterFileIn, readDeadLetters } from './dead-letters.js';
import { DEFAULT_DATA_DIR, DEFAULT_MIRROR_DIR, DEFAULT_PORT, LOCAL_BUCKETS, LOCAL_CREDENTIALS, LOCAL_QUEUES, LOCAL_REGION } from './defaults.js';
import { localFunctionEnvironment, mirrorHandler, startLocalBucket } from './local-bucket.js';
import { LocalQueue } from './local-queue.js';

/**
 * `npm run redrive` on the local bucket: the dead letters `npm run dev` kept in its data
 * folder go back to their queues, as SQS's redrive moves a dead-letter queue's messages
 * back to their source queue: each gets a fresh set of receives, through the same
 * handlers. Those that succeed leave the dead-letter file; those that fail again are
 * written back to it by their queue, with their new last error.
 */

/** What a replay tells about one dead letter. */
export interface ReplayOutcome {
  /** The letter as it was in the file. */
  readonly letter: DeadLetter;
  readonly ok: boolean;
  /** When it failed again: the letter as it is now back in the file. */
  readonly again?: DeadLetter;
}

export interface ReplayReport {
  readonly replayed: readonly ReplayOutcome[];
  /** Left in the file untouched: other queues than the one asked for. */
  readonly kept: readonly DeadLetter[];
  /** Lines of the file that are not dead letters (left in it). */
  readonly unreadable: number;
  /** Other messages given up on meanwhile (a publication the replay caused, say); in the file too. */
  readonly arisen: readonly DeadLetter[];
}

export interface ReplayOptions {
  readonly file: string;
  /** The queues to send the letters to, by name; letters of other queues stay in the file. */
  readonly queues: readonly LocalQueue[];
  /** Only the letters of this queue. @default - every queue given */
  readonly only?: string;
  /** Resolves once the queues have settled every message sent (succeeded, or dead again). */
  readonly settled: () => Promise<void>;
}

/**
 * Claims the file, sends each letter to its queue, waits for them to settle, and puts back
 * what was not replayed. When `settled` throws the claim is left on disk, and the next
 * replay takes it up again: a letter may then run twice, never be lost.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayReport> {
  const claim = await claimDeadLetters(options.file);
  const byName = new Map(options.queues.map((q) => [q.name, q]));
  const sent = new Map<string, DeadLetter>();
  const again = new Map<string, DeadLetter>();
  const hooks = options.queues.map((q) => q.onDeadLetter);
  for (const [i, queue] of options.queues.entries()) {
    queue.onDeadLetter = (letter) => {
      again.set(letter.messageId, letter);
      hooks[i]?.(letter);
    };
  }
  const kept: DeadLetter[] = [];
  try {
    for (const letter of claim.letters) {
      const queue = byName.get(letter.queue);
      const id = queue === undefined || (options.only !== undefined && letter.queue !== options.only) ? '' : queue.send(letter.body);
      // Another queue's letter (or a queue already closed): left in the file.
      if (id === '') kept.push(letter);
      else sent.set(id, letter);
    }
    await options.settled();
  } finally {
    for (const [i, queue] of options.queues.entries()) queue.onDeadLetter = hooks[i];
  }
  await claim.release(kept);
  const replayed = [...sent].map(([id, letter]): ReplayOutcome => {
    const failed = again.get(id);
    return failed === undefined ? { letter, ok: true } : { letter, ok: false, again: failed };
  });
  const arisen = [...again].filter(([id]) => !sent.has(id)).map(([, letter]) => letter);
  return { replayed, kept, unreadable: claim.unreadable.length, arisen };
}

/** The short names `--queue` takes. */
export type QueueChoice = keyof typeof LOCAL_QUEUES;

export interface LocalRedriveOptions {
  /** The port `npm run dev` listens on, or would. 0: never look for one, start on any free port. @default 4569 */
  readonly port?: number;
  /** @default '.local/s3' */
  readonly dataDir?: string;
  /** @default '.local/datasets'; false for none */
  readonly mirrorDir?: string | false;
  readonly queue?: QueueChoice;
  /** @default 1000 */
  readonly retryDelayMs?: number;
  /** Level of the handlers' JSON logs. @default 'WARN' */
  readonly logLevel?: LogLevel;
}

export interface LocalRedrive extends ReplayReport {
  readonly file: string;
  /** `attached`: `npm run dev` was running and publishes what the replay changed; `started`: the replay ran the local bucket itself. */
  readonly mode: 'attached' | 'started';
  readonly endpoint: string;
}

/**
 * Replays the dead-letter file of the local bucket in `dataDir`. When `npm run dev` answers
 * on the port, the handlers run here against it (its own queues then publish what they
 * change); otherwise the local bucket is started here for the replay, the whole pipeline
 * run until idle, and stopped.
 */
export async function redriveLocalBucket(options: LocalRedriveOptions = {}): Promise<LocalRedrive> {
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const port = options.port ?? DEFAULT_PORT;
  const mirrorDir = options.mirrorDir === false ? undefined : path.resolve(options.mirrorDir ?? DEFAULT_MIRROR_DIR);
  const file = deadLetterFileIn(dataDir);
  const only = options.queue === undefined ? undefined : LOCAL_QUEUES[options.queue];
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const logLevel = options.logLevel ?? 'WARN';

  const endpoint = `http://127.0.0.1:${port}`;
  if (port !== 0 && (await localBucketAnswers(endpoint))) {
    Object.assign(process.env, localFunctionEnvironment(endpoint));
    logger.setLogLevel(logLevel);
    const client = createS3Client({ endpoint, forcePathStyle: true, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const queues = [
      new LocalQueue({ name: LOCAL_QUEUES.normalise, handler: normaliseHandler, batchSize: 10, concurrency: 4, retryDelayMs, deadLetterFile: file }),
      new LocalQueue({ name: LOCAL_QUEUES.publish, handler: publishHandler, batchSize: 100, concurrency: 1, retryDelayMs, deadLetterFile: file }),
      ...(mirrorDir === undefined
        ? []
        : [new LocalQueue({ name: LOCAL_QUEUES.mirror, handler: mirrorHandler(new S3Storage(client, { bucket: LOCAL_BUCKETS.datasets }), new FsStorage(mirrorDir)), batchSize: 100, retryDelayMs, deadLetterFile: file })]),
    ];
    try {
      const report = await replayDeadLetters({ file, queues, only, settled: async () => void (await Promise.all(queues.map((q) => q.whenIdle()))) });
      return { ...report, file, mode: 'attached', endpoint };
    } finally {
      for (const queue of queues) await queue.close();
      client.destroy();
    }
  }

  const bucket = await startLocalBucket({ port, dataDir, mirrorDir: mirrorDir ?? false, retryDelayMs, logLevel, deadLetterFile: file });
  try {
    const queues = [bucket.queues.normalise, bucket.queues.publish, ...(bucket.queues.mirror ? [bucket.queues.mirror] : [])];
    const report = await replayDeadLetters({ file, queues, only, settled: bucket.idle });
    return { ...report, file, mode: 'started', endpoint: bucket.endpoint };
  } finally {
    await bucket.close();
  }
}

/** The dead letters in the file of `dataDir`, without touching them (`--dry-run`). */
export async function listDeadLetters(options: Pick<LocalRedriveOptions, 'dataDir' | 'queue'> = {}): Promise<{ file: string; letters: DeadLetter[]; unreadable: number }> {
  const file = deadLetterFileIn(path.resolve(options.dataDir ?? DEFAULT_DATA_DIR));
  const { letters, unreadable } = await readDeadLetters(file);
  const only = options.queue === undefined ? undefined : LOCAL_QUEUES[options.queue];
  return { file, letters: letters.filter((l) => only === undefined || l.queue === only), unreadable: unreadable.length };
}

/** True when the local bucket answers at `endpoint`; false when nothing listens there. */
export async function localBucketAnswers(endpoint: string): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch(`${endpoint}/${LOCAL_BUCKETS.upload}`, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === 'ECONNREFUSED') return false;
    throw new Error(`cannot tell whether the local bucket runs at ${endpoint}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (response.status !== 200) {
    throw new Error(`${endpoint} answers, but without the local upload bucket (HEAD /${LOCAL_BUCKETS.upload}: ${response.status}): is it \`npm run dev\`?`);
  }
  return true;
}

/** One line about a message: what its S3 event names, or the start of its body. */
export function describeMessage(body: string): string {
  try {
    const changes = parseS3EventMessage(body);
    if (changes.length === 0) return 's3:TestEvent';
    return changes.map((c) => `${c.eventName} s3://${c.bucket}/${c.key}`).join(', ');
  } catch {
    const flat = body.replace(/\s+/g, ' ');
    return `not an S3 event: ${flat.length > 60 ? `${flat.slice(0, 60)}…` : flat}`;
  }
}
