import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDeadLetters, deadLetterFileIn } from '../../cli/local-bucket/dead-letters.js';
import { LOCAL_BUCKETS, LOCAL_QUEUES } from '../../cli/local-bucket/defaults.js';
import { localFunctionEnvironment } from '../../cli/local-bucket/local-bucket.js';
import { LocalQueue } from '../../cli/local-bucket/local-queue.js';
import { NotificationRouter } from '../../cli/local-bucket/notifications.js';
import { redriveLocalBucket } from '../../cli/local-bucket/replay.js';
import { handler as normaliseHandler } from '../../functions/normalise.js';
import { logger } from '../../functions/runtime/observability.js';
import type { LocalS3 } from '../helpers/s3rver.js';
import { startS3rver } from '../helpers/s3rver.js';

/**
 * A poison upload end to end, with the real normalise handler and the real local S3 API:
 * the working bucket refuses (403 AccessDenied, as a missing IAM grant would) every write
 * about the named uploads until the test "fixes the cause". Their messages run out of
 * receives and land in the dead-letter file; `redrive` — finding the S3 API up, as it finds
 * a running `npm run dev` — replays them through the handler: the fixed one succeeds and
 * leaves the file, the other stays.
 */

/** s3rver's own error type: thrown by its store, it becomes an S3 error response. */
const S3Error = createRequire(import.meta.url)('s3rver/lib/models/error') as new (code: string, message: string) => Error;

const article = (n: number): string =>
  `date 2024-05-0${n}\n\nLe ministre des Affaires étrangères du Sénégal s'est rendu à Rabat le 3 mai pour la réunion numéro ${n}.`;

let s3: LocalS3;
let dataDir: string;
/** Upload names whose working-state writes are refused. */
const refused = new Set<string>();
let normalise: LocalQueue;

beforeAll(async () => {
  s3 = await startS3rver(Object.values(LOCAL_BUCKETS));
  // The store is looked up per request (middleware added to a running s3rver would not be).
  const store = s3.server.store as unknown as { putObject(object: { bucket: string; key: string }): Promise<unknown> };
  const putObject = store.putObject.bind(store);
  store.putObject = async (object) => {
    if (object.bucket === LOCAL_BUCKETS.work && [...refused].some((name) => object.key.includes(name))) throw new S3Error('AccessDenied', 'Access Denied');
    return putObject(object);
  };
  dataDir = await mkdtemp(path.join(tmpdir(), 'entente-redrive-s3-'));
  Object.assign(process.env, localFunctionEnvironment(s3.endpoint));
  // Error lines only: they carry the last error of a dead letter.
  logger.setLogLevel('ERROR');
  normalise = new LocalQueue({ name: LOCAL_QUEUES.normalise, handler: normaliseHandler, retryDelayMs: 20, deadLetterFile: deadLetterFileIn(dataDir) });
  const router = new NotificationRouter([
    { id: 'normalise-uploads', bucket: LOCAL_BUCKETS.upload, events: ['ObjectCreated', 'ObjectRemoved'], prefix: 'incoming/', queue: normalise.name, deliver: (body) => normalise.send(body) },
  ]);
  s3.server.on('event', (notification) => router.route(notification));
});

afterAll(async () => {
  await normalise?.close();
  await s3?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function workingKeys(prefix: string): Promise<string[]> {
  const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: LOCAL_BUCKETS.work, Prefix: prefix }));
  return (listed.Contents ?? []).map((o) => o.Key!).sort();
}

describe('a poison upload, its dead letter, and the redrive', () => {
  it('lands in the dead-letter file after its receives, and is replayed once the cause is fixed; the one still failing stays', { timeout: 60_000 }, async () => {
    refused.add('poison-fixed').add('poison-forever');
    for (const [n, name] of ['fine', 'poison-fixed', 'poison-forever'].entries()) {
      await s3.client.send(new PutObjectCommand({ Bucket: LOCAL_BUCKETS.upload, Key: `incoming/${name}.txt`, Body: article(n + 1) }));
    }
    await new Promise((resolve) => setImmediate(resolve));
    await normalise.whenIdle();

    const file = deadLetterFileIn(dataDir);
    const dead = (await readDeadLetters(file)).letters;
    expect(dead.map((l) => [l.queue, l.receiveCount, JSON.parse(l.body).Records[0].s3.object.key]).sort()).toEqual([
      ['entente-normalise', 3, 'incoming/poison-fixed.txt'],
      ['entente-normalise', 3, 'incoming/poison-forever.txt'],
    ]);
    for (const letter of dead) expect(letter.lastError).toMatch(/^upload could not be processed.* \(incoming\/poison-(fixed|forever)\.txt\): StorageError: .*AccessDenied: Access Denied$/);
    expect((await workingKeys('sources/')).filter((k) => k.includes('poison'))).toEqual([]);
    expect((await workingKeys('sources/')).filter((k) => k.includes('fine'))).toHaveLength(1);

    // The grant for poison-fixed is repaired; poison-forever's is not.
    refused.delete('poison-fixed');
    const first = await redriveLocalBucket({ port: Number(new URL(s3.endpoint).port), dataDir, mirrorDir: false, retryDelayMs: 20, logLevel: 'ERROR' });
    expect(first.mode).toBe('attached');
    expect(first.replayed.map((o) => [JSON.parse(o.letter.body).Records[0].s3.object.key, o.ok]).sort()).toEqual([
      ['incoming/poison-fixed.txt', true],
      ['incoming/poison-forever.txt', false],
    ]);
    expect((await workingKeys('sources/')).filter((k) => k.includes('poison'))).toEqual([expect.stringMatching(/^sources\/art-[0-9a-f]+\/poison-fixed\.txt$/)]);
    const left = (await readDeadLetters(file)).letters;
    expect(left.map((l) => [JSON.parse(l.body).Records[0].s3.object.key, l.receiveCount])).toEqual([['incoming/poison-forever.txt', 3]]);
    expect(left[0]!.lastError).toContain('AccessDenied');

    refused.clear();
    const second = await redriveLocalBucket({ port: Number(new URL(s3.endpoint).port), dataDir, mirrorDir: false, retryDelayMs: 20, logLevel: 'ERROR' });
    expect(second.replayed.map((o) => o.ok)).toEqual([true]);
    expect((await readDeadLetters(file)).letters).toEqual([]);
    // The records of the replayed upload are those of its content.
    const markers = (await workingKeys('sources/')).filter((k) => k.includes('poison-forever'));
    expect(markers).toHaveLength(1);
    const articleId = markers[0]!.split('/')[1]!;
    const records = await s3.client.send(new GetObjectCommand({ Bucket: LOCAL_BUCKETS.work, Key: `records/${articleId}.json` }));
    expect(await records.Body!.transformToString()).toContain('réunion numéro 3');
  });
});
