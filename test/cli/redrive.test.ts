import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSBatchItemFailure } from 'aws-lambda';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeadLetter } from '../../cli/local-bucket/dead-letters.js';
import { claimDeadLetters, deadLetterFileIn, parseDeadLetters, readDeadLetters, serialiseDeadLetter } from '../../cli/local-bucket/dead-letters.js';
import { LOCAL_BUCKETS, LOCAL_CREDENTIALS, LOCAL_QUEUES, LOCAL_REGION } from '../../cli/local-bucket/defaults.js';
import type { SqsHandler } from '../../cli/local-bucket/local-queue.js';
import { LocalQueue } from '../../cli/local-bucket/local-queue.js';
import { describeMessage, listDeadLetters, replayDeadLetters } from '../../cli/local-bucket/replay.js';
import { startS3Server } from '../../cli/local-bucket/s3-server.js';
import { parseRedriveArguments } from '../../cli/redrive/arguments.js';
import { awsCliCommand } from '../../cli/redrive/sqs.js';
import { createS3Client } from '../../functions/runtime/s3.js';
import { fixture } from '../helpers/events.js';

/**
 * The local dead-letter queue: messages that run out of receives are written to
 * <data>/dead-letters.jsonl, and `npm run redrive` replays them once the cause is fixed.
 * The queue tests use a handler that fails for named messages ("the cause") until the test
 * fixes it; the command-line test runs the real handlers against the real local S3 API.
 */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'entente-redrive-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Fails every message whose body is in `broken` (by throwing when `throws`), records every body it sees. */
function causeOfFailure(broken: Set<string>, seen: string[], throws = false): SqsHandler {
  return async (event) => {
    const batchItemFailures: SQSBatchItemFailure[] = [];
    for (const record of event.Records) {
      seen.push(record.body);
      if (!broken.has(record.body)) continue;
      if (throws) throw new Error(`${record.body} is broken`);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
    return { batchItemFailures };
  };
}

function queue(name: string, handler: SqsHandler, file: string): LocalQueue {
  return new LocalQueue({ name, handler, batchSize: 1, retryDelayMs: 5, maxReceiveCount: 3, deadLetterFile: file });
}

const count = (list: readonly string[], body: string): number => list.filter((b) => b === body).length;

describe('LocalQueue dead letters on disk', () => {
  it('writes a message that fails maxReceiveCount times to the file: queue, body, receives, times, last error', async () => {
    const file = deadLetterFileIn(dir);
    const seen: string[] = [];
    const q = queue(LOCAL_QUEUES.normalise, causeOfFailure(new Set(['poison']), seen, true), file);
    const before = Date.now();
    const id = q.send('poison');
    q.send('fine');
    await q.whenIdle();
    expect(count(seen, 'poison')).toBe(3);
    expect(count(seen, 'fine')).toBe(1);
    expect(q.deadLetters.map((r) => r.body)).toEqual(['poison']);

    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const letter = JSON.parse(lines[0]!) as DeadLetter;
    expect(letter).toEqual({
      queue: 'entente-normalise',
      messageId: id,
      receiveCount: 3,
      sentAt: expect.any(String),
      deadLetteredAt: expect.any(String),
      lastError: 'the function threw: Error: poison is broken',
      body: 'poison',
    });
    expect(Date.parse(letter.sentAt)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(letter.deadLetteredAt)).toBeGreaterThanOrEqual(Date.parse(letter.sentAt));
    await q.close();
  });

  it("takes the last error from the handler's error log line about the message when it reports a failure without throwing", async () => {
    const file = deadLetterFileIn(dir);
    const body = JSON.stringify({ Records: [{ s3: { object: { key: 'incoming/bad+file.txt' } } }] });
    const q = queue(
      LOCAL_QUEUES.normalise,
      async (event) => {
        // What the Powertools logger writes (one JSON line), for this message's key and for another.
        process.stdout.write(`${JSON.stringify({ level: 'ERROR', message: 'upload could not be processed', objectKey: 'incoming/bad file.txt', error: { name: 'AccessDenied', message: 'Access Denied' } })}\n`);
        process.stdout.write(`${JSON.stringify({ level: 'ERROR', message: 'something else', objectKey: 'incoming/other.txt' })}\n`);
        return { batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) };
      },
      file,
    );
    q.send(body);
    await q.whenIdle();
    const { letters } = await readDeadLetters(file);
    expect(letters.map((l) => l.lastError)).toEqual(['upload could not be processed (incoming/bad file.txt): AccessDenied: Access Denied']);
    await q.close();
  });

  it('keeps dead letters in memory only, as before, without a file', async () => {
    const q = new LocalQueue({ name: 'q', handler: causeOfFailure(new Set(['x']), []), retryDelayMs: 1, maxReceiveCount: 2 });
    q.send('x');
    await q.whenIdle();
    expect(q.deadLetters.map((r) => [r.body, r.attributes.ApproximateReceiveCount])).toEqual([['x', '2']]);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('replaying the dead letters', () => {
  it('replays a poison message once its cause is fixed, leaving the file empty; one still failing stays, with a fresh receive count', async () => {
    const file = deadLetterFileIn(dir);
    const broken = new Set(['poison-a', 'poison-b']);
    const seen: string[] = [];
    const normalise = queue(LOCAL_QUEUES.normalise, causeOfFailure(broken, seen), file);
    for (const body of ['poison-a', 'fine', 'poison-b']) normalise.send(body);
    await normalise.whenIdle();
    expect((await readDeadLetters(file)).letters.map((l) => [l.body, l.receiveCount])).toEqual([
      ['poison-a', 3],
      ['poison-b', 3],
    ]);

    // The cause of poison-a is fixed; poison-b's is not.
    broken.delete('poison-a');
    seen.length = 0;
    const report = await replayDeadLetters({ file, queues: [normalise], settled: () => normalise.whenIdle() });
    expect(report.replayed.map((o) => [o.letter.body, o.ok])).toEqual([
      ['poison-a', true],
      ['poison-b', false],
    ]);
    expect(count(seen, 'poison-a')).toBe(1);
    expect(count(seen, 'poison-b')).toBe(3);
    const left = (await readDeadLetters(file)).letters;
    expect(left.map((l) => [l.body, l.receiveCount])).toEqual([['poison-b', 3]]);
    expect(left[0]!.messageId).toBe(report.replayed[1]!.again!.messageId);
    expect(report.kept).toEqual([]);
    expect(report.arisen).toEqual([]);

    broken.clear();
    const last = await replayDeadLetters({ file, queues: [normalise], settled: () => normalise.whenIdle() });
    expect(last.replayed.map((o) => [o.letter.body, o.ok])).toEqual([['poison-b', true]]);
    expect((await readDeadLetters(file)).letters).toEqual([]);
    expect((await readdir(dir)).filter((f) => f.includes('claimed'))).toEqual([]);
    await normalise.close();
  });

  it('replays only the queue asked for, and leaves the other letters and unreadable lines in the file', async () => {
    const file = deadLetterFileIn(dir);
    const letter = (queueName: string, body: string): DeadLetter => ({ queue: queueName, messageId: body, receiveCount: 3, sentAt: '', deadLetteredAt: '', lastError: 'x', body });
    await writeFile(file, [serialiseDeadLetter(letter('entente-normalise', 'n1')), 'not json', serialiseDeadLetter(letter('entente-publish', 'p1')), ''].join('\n'));
    const seen: string[] = [];
    const normalise = queue(LOCAL_QUEUES.normalise, causeOfFailure(new Set(), seen), file);
    const publish = queue(LOCAL_QUEUES.publish, causeOfFailure(new Set(), seen), file);
    const report = await replayDeadLetters({ file, queues: [normalise, publish], only: LOCAL_QUEUES.publish, settled: async () => void (await Promise.all([normalise.whenIdle(), publish.whenIdle()])) });
    expect(seen).toEqual(['p1']);
    expect(report.replayed.map((o) => o.letter.body)).toEqual(['p1']);
    expect(report.kept.map((l) => l.body)).toEqual(['n1']);
    expect(report.unreadable).toBe(1);
    const after = parseDeadLetters(await readFile(file, 'utf8'));
    expect(after.letters.map((l) => l.body)).toEqual(['n1']);
    expect(after.unreadable).toEqual(['not json']);
  });

  it('never loses a letter: a replay that dies leaves its claim, and the next replay takes it up', async () => {
    const file = deadLetterFileIn(dir);
    await writeFile(file, `${serialiseDeadLetter({ queue: 'entente-normalise', messageId: 'm', receiveCount: 3, sentAt: '', deadLetteredAt: '', lastError: '', body: 'b' })}\n`);
    const seen: string[] = [];
    const normalise = queue(LOCAL_QUEUES.normalise, causeOfFailure(new Set(), seen), file);
    await expect(
      replayDeadLetters({
        file,
        queues: [normalise],
        settled: async () => {
          throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    await normalise.whenIdle();
    expect((await readdir(dir)).filter((f) => f.includes('.claimed-'))).toHaveLength(1);
    expect((await readDeadLetters(file)).letters.map((l) => l.body)).toEqual(['b']);

    const report = await replayDeadLetters({ file, queues: [normalise], settled: () => normalise.whenIdle() });
    expect(report.replayed.map((o) => [o.letter.body, o.ok])).toEqual([['b', true]]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('lets new dead letters written while a replay runs survive it', async () => {
    const file = deadLetterFileIn(dir);
    await writeFile(file, `${serialiseDeadLetter({ queue: 'entente-normalise', messageId: 'm', receiveCount: 3, sentAt: '', deadLetteredAt: '', lastError: '', body: 'old' })}\n`);
    const claim = await claimDeadLetters(file);
    // npm run dev gives up on another message meanwhile.
    const other = queue(LOCAL_QUEUES.publish, causeOfFailure(new Set(['new']), []), file);
    other.send('new');
    await other.whenIdle();
    await claim.release([]);
    expect((await readDeadLetters(file)).letters.map((l) => l.body)).toEqual(['new']);
  });
});

describe('npm run redrive arguments', () => {
  it('replays the local bucket by default, every queue', () => {
    expect(parseRedriveArguments([])).toEqual({ target: 'local', port: 4569, dataDir: '.local/s3', mirrorDir: '.local/datasets', dryRun: false, verbose: false, help: false });
    expect(parseRedriveArguments(['--queue', 'normalise', '--dry-run', '--data', 'd', '--port', '0'])).toMatchObject({ target: 'local', queue: 'normalise', dryRun: true, dataDir: 'd', port: 0 });
  });

  it('redrives a deployed dead-letter queue with --aws', () => {
    const dlq = 'arn:aws:sqs:eu-west-3:111122223333:Entente-prod-NormaliseDeadLetterQueue-ABC';
    const source = 'arn:aws:sqs:eu-west-3:111122223333:Entente-prod-NormaliseQueue-DEF';
    expect(parseRedriveArguments(['--aws', '--dlq-arn', dlq, '--source-arn', source, '--max-per-second', '10', '--no-wait'])).toEqual({
      target: 'aws',
      dlqArn: dlq,
      sourceArn: source,
      maxPerSecond: 10,
      dryRun: false,
      wait: false,
      help: false,
    });
    expect(awsCliCommand({ dlqArn: dlq })).toBe(`aws sqs start-message-move-task --source-arn ${dlq} --region eu-west-3`);
  });

  it.each([
    [['--queue', 'mailroom'], /--queue must be one of normalise, publish, mirror/],
    [['--aws'], /--aws needs --dlq-arn/],
    [['--aws', '--dlq-arn', 'arn:aws:s3:::bucket'], /SQS queue ARN/],
    [['--aws', '--dlq-arn', 'arn:aws:sqs:eu-west-3:111122223333:q', '--queue', 'normalise'], /--queue: for the local bucket only/],
    [['--dlq-arn', 'arn:aws:sqs:eu-west-3:111122223333:q'], /--dlq-arn: only with --aws/],
    [['--aws', '--dlq-arn', 'arn:aws:sqs:eu-west-3:111122223333:q', '--max-per-second', '0'], /--max-per-second/],
    [['--port', 'x'], /--port/],
    [['--frobnicate'], /unknown argument --frobnicate/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseRedriveArguments(argv)).toThrow(message);
  });

  it('describes a message by the S3 event it carries', () => {
    expect(describeMessage(JSON.stringify(fixture('s3-put.json')))).toBe('ObjectCreated:Put s3://entente-uploads/incoming/000_c6b8037a3e0ee50b.txt');
    expect(describeMessage('{"hello": 1}')).toMatch(/^not an S3 event: /);
  });
});

describe('npm run redrive (the command, real handlers, real local S3 API)', () => {
  async function redrive(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
    try {
      const { stdout, stderr } = await run('npx', ['tsx', 'cli/redrive.ts', ...args], { cwd: root, env: { ...process.env, CI: 'true' } });
      return { stdout, stderr, code: 0 };
    } catch (error) {
      const e = error as { stdout: string; stderr: string; code: number };
      return { stdout: e.stdout, stderr: e.stderr, code: e.code };
    }
  }

  it('lists, then replays, the dead letters of a stopped local bucket: the fixed upload is published, the poison message stays', { timeout: 120_000 }, async () => {
    const dataDir = path.join(dir, 's3');
    const mirrorDir = path.join(dir, 'datasets');
    const seed = await readFile(path.join(root, 'seeds', '000_c6b8037a3e0ee50b.txt'));
    const key = 'incoming/000_c6b8037a3e0ee50b.txt';

    // What `npm run dev` left behind: the upload in its bucket, and two dead letters.
    const s3 = await startS3Server({ port: 0, directory: dataDir, buckets: Object.values(LOCAL_BUCKETS).map((name) => ({ name })) });
    const client = createS3Client({ endpoint: s3.endpoint, forcePathStyle: true, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const put = await client.send(new PutObjectCommand({ Bucket: LOCAL_BUCKETS.upload, Key: key, Body: seed }));
    client.destroy();
    await s3.close();
    const event = fixture<{ Records: { s3: { object: Record<string, unknown> } }[] }>('s3-put.json');
    event.Records[0]!.s3.object = { key, size: seed.length, eTag: put.ETag!.replace(/"/g, ''), sequencer: '0062E99A88DC407460' };
    const letter = (body: string, lastError: string): string =>
      serialiseDeadLetter({ queue: 'entente-normalise', messageId: body.slice(0, 8), receiveCount: 3, sentAt: '2026-11-29T10:15:03.512Z', deadLetteredAt: '2026-11-29T10:15:09.000Z', lastError, body });
    await writeFile(deadLetterFileIn(dataDir), `${letter(JSON.stringify(event), 'upload could not be processed: Error: the working bucket was down')}\n${letter('{"not": "an S3 event"}', 'message is not an S3 event notification')}\n`);

    const dry = await redrive(['--dry-run', '--data', dataDir]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('2 dead letter(s)');
    expect(dry.stdout).toContain(`ObjectCreated:Put s3://entente-uploads/${key}`);
    expect(dry.stdout).toContain('last error: upload could not be processed: Error: the working bucket was down');
    expect((await listDeadLetters({ dataDir })).letters).toHaveLength(2);

    const result = await redrive(['--port', '0', '--data', dataDir, '--datasets', mirrorDir]);
    expect(result.stdout).toContain('Replayed 2 dead letter(s)');
    expect(result.stdout).toMatch(/ok {6}entente-normalise {2}ObjectCreated:Put s3:\/\/entente-uploads\/incoming\/000_c6b8037a3e0ee50b\.txt/);
    expect(result.stdout).toMatch(/failed {2}entente-normalise {2}not an S3 event/);
    expect(result.stdout).toContain('1 succeeded, 1 failed again');
    expect(result.code).toBe(1);

    // The replayed upload went all the way: normalised, published, copied to the datasets folder.
    const events = await readFile(path.join(mirrorDir, 'events.csv'), 'utf8');
    expect(events).toContain('000_c6b8037a3e0ee50b.txt');
    const left = (await listDeadLetters({ dataDir })).letters;
    expect(left.map((l) => [l.body, l.receiveCount])).toEqual([['{"not": "an S3 event"}', 3]]);
    expect(left[0]!.lastError).toContain('message is not an S3 event notification');

    const usage = await redrive(['--queue', 'nope']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run redrive');
  });
});
