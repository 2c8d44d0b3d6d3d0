import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeEventKey } from '../../cli/local-bucket/notifications.js';
import { handler as normaliseHandler } from '../../functions/normalise.js';
import { logger } from '../../functions/runtime/observability.js';
import { processObject } from '../../src/pipeline.js';
import type { Rejection } from '../../src/article/article.js';
import { RecordStore } from '../../src/records/record-store.js';
import { S3Storage } from '../../src/storage/s3-storage.js';
import { fixture, sqsEvent } from '../helpers/events.js';
import type { LocalS3 } from '../helpers/s3rver.js';
import { startS3rver } from '../helpers/s3rver.js';

const UPLOAD = 'entente-uploads';
const WORK = 'entente-work';
const MAX_BYTES = 20_000;
const SEED = readFileSync(new URL('../../seeds/000_c6b8037a3e0ee50b.txt', import.meta.url));

interface S3Notification {
  Records: { eventName: string; s3: { object: { key: string; size?: number; eTag?: string; sequencer: string } } }[];
}

let s3: LocalS3;
let store: RecordStore;
let work: S3Storage;
let uploads: S3Storage;

beforeAll(async () => {
  s3 = await startS3rver([UPLOAD, WORK]);
  // What the stack sets on the function; the handler reads it on its first invocation.
  Object.assign(process.env, {
    UPLOAD_BUCKET: UPLOAD,
    WORK_BUCKET: WORK,
    MAX_BYTES: String(MAX_BYTES),
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  });
  logger.setLogLevel('SILENT');
  work = new S3Storage(s3.client, { bucket: WORK });
  uploads = new S3Storage(s3.client, { bucket: UPLOAD });
  store = new RecordStore(work);
});
afterAll(async () => {
  await s3?.close();
});

/** Uploads `body` at `key` and returns the notification S3 sends for it (from the put fixture). */
async function upload(key: string, body: Uint8Array | string): Promise<S3Notification> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  await s3.client.send(new PutObjectCommand({ Bucket: UPLOAD, Key: key, Body: bytes }));
  return putEvent(key, bytes.length, createHash('md5').update(bytes).digest('hex'));
}

function putEvent(key: string, size: number, eTag: string): S3Notification {
  const event = fixture<S3Notification>('s3-put.json');
  Object.assign(event.Records[0]!.s3.object, { key: encodeEventKey(key), size, eTag });
  return event;
}

async function remove(key: string): Promise<S3Notification> {
  await s3.client.send(new DeleteObjectCommand({ Bucket: UPLOAD, Key: key }));
  return deleteEvent(key);
}

function deleteEvent(key: string): S3Notification {
  const event = fixture<S3Notification>('s3-delete.json');
  event.Records[0]!.s3.object.key = encodeEventKey(key);
  return event;
}

async function text(bucket: string, key: string): Promise<string> {
  const response = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await response.Body?.transformToString('utf8')) ?? '';
}

async function keys(storage: S3Storage, prefix: string): Promise<string[]> {
  const out = [];
  for await (const o of storage.list(prefix)) out.push(o.key);
  return out;
}

const sourcesOf = async (sourceKey: string): Promise<string[]> => store.articleIdsOf(sourceKey);

/** Requests that would change the upload bucket: object puts, copies, deletes, multi-deletes (POST ?delete). */
const UPLOAD_WRITE = new RegExp(`^(PUT|POST|DELETE) /${UPLOAD}(/|$)`);

/**
 * The handler, checked on every call to write nothing to the upload bucket: normalise only
 * reads it (its role grants no write there, test/infra/least-privilege.test.ts).
 */
async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const before = s3.requests.length;
  const result = await normaliseHandler(event);
  expect(s3.requests.slice(before).filter((r) => UPLOAD_WRITE.test(r)), 'requests that change the upload bucket').toEqual([]);
  return result;
}

/** The rejections working storage keeps for an upload key, where rejected.csv is published from; undefined when none. */
async function rejectionsOf(sourceKey: string): Promise<Rejection[] | undefined> {
  const key = `rejections/${encodeURIComponent(sourceKey)}.json`;
  if ((await work.head(key)) === undefined) return undefined;
  return JSON.parse(await text(WORK, key)) as Rejection[];
}

describe('normalise handler', () => {
  it('records the seed from the put fixture: records, markers, no rejection', async () => {
    await s3.client.send(new PutObjectCommand({ Bucket: UPLOAD, Key: 'incoming/000_c6b8037a3e0ee50b.txt', Body: SEED }));
    const result = await handler(sqsEvent([fixture('s3-put.json')]));
    expect(result).toEqual({ batchItemFailures: [] });

    const [id] = await sourcesOf('000_c6b8037a3e0ee50b.txt');
    expect(id).toMatch(/^art-[0-9a-f]{16}$/);
    expect(await keys(work, '')).toEqual([
      `by-key/000_c6b8037a3e0ee50b.txt/${id}`,
      `records/${id}.json`,
      `sources/${id}/000_c6b8037a3e0ee50b.txt`,
    ]);
    const stored = JSON.parse(await text(WORK, `records/${id}.json`)) as Record<string, unknown>;
    expect(stored).toMatchObject({ articleId: id, language: 'fr', published: '2022-08' });
    expect(stored).not.toHaveProperty('sourceKeys');
    expect((stored.events as unknown[]).length).toBe(4);
    expect((stored.agreements as unknown[]).length).toBe(2);
    expect(await keys(uploads, '')).toEqual(['incoming/000_c6b8037a3e0ee50b.txt']);
  });

  it('rewrites identical bytes when the event is delivered again', async () => {
    const event = await upload('incoming/again.txt', SEED);
    await handler(sqsEvent([event]));
    const [id] = await sourcesOf('again.txt');
    const first = await text(WORK, `records/${id}.json`);
    await handler(sqsEvent([event, event]));
    expect(await text(WORK, `records/${id}.json`)).toBe(first);
    expect(await sourcesOf('again.txt')).toEqual([id]);
  });

  it('decodes URL-encoded keys: spaces, "+", accents, nested prefixes', async () => {
    const key = 'incoming/dossiers 2022/Algérie + Azerbaïdjan (visite).txt';
    await s3.client.send(new PutObjectCommand({ Bucket: UPLOAD, Key: key, Body: SEED }));
    const result = await handler(sqsEvent([fixture('s3-put-encoded-key.json')]));
    expect(result.batchItemFailures).toEqual([]);
    const ids = await sourcesOf('dossiers 2022/Algérie + Azerbaïdjan (visite).txt');
    expect(ids).toHaveLength(1);
    expect(await keys(work, `sources/${ids[0]}/`)).toContain(`sources/${ids[0]}/${encodeURIComponent('dossiers 2022/Algérie + Azerbaïdjan (visite).txt')}`);
  });

  it('keeps what is wrong with a bad file in working storage, writing nothing beside the upload', async () => {
    const bad = '{"title": "Visite", "text": "Le ministre"\n  "published": "2024-05-02"}';
    const event = await upload('incoming/bad/article.json', bad);
    expect((await handler(sqsEvent([event]))).batchItemFailures).toEqual([]);

    // What rejected.csv is published from: the reason, a message to act on, line and column.
    expect(await keys(work, 'rejections/')).toEqual([`rejections/${encodeURIComponent('bad/article.json')}.json`]);
    expect(await rejectionsOf('bad/article.json')).toEqual([
      { sourceKey: 'bad/article.json', reason: 'malformed-json', message: expect.any(String) as string, line: 2, column: expect.any(Number) as number },
    ]);
    expect(await text(UPLOAD, 'incoming/bad/article.json')).toBe(bad);
    expect((await keys(uploads, '')).filter((key) => !key.startsWith('incoming/'))).toEqual([]);

    // Fixed and uploaded again: the rejection goes, so nothing says the file is bad any more.
    const fixed = await upload('incoming/bad/article.json', '{"title": "Visite", "text": "Le ministre marocain est arrivé à Dakar.", "published": "2024-05-02"}');
    await handler(sqsEvent([fixed]));
    expect(await rejectionsOf('bad/article.json')).toBeUndefined();
    expect(await keys(work, 'rejections/')).toEqual([]);
    expect(await sourcesOf('bad/article.json')).toHaveLength(1);
  });

  it('forgets the rejections of a bad upload once it is deleted', async () => {
    await handler(sqsEvent([await upload('incoming/bad/deleted.txt', '')]));
    expect((await rejectionsOf('bad/deleted.txt'))?.map((r) => r.reason)).toEqual(['empty']);

    await handler(sqsEvent([await remove('incoming/bad/deleted.txt')]));
    expect(await rejectionsOf('bad/deleted.txt')).toBeUndefined();
    expect(await keys(work, 'rejections/')).toEqual([]);
  });

  it('rejects an object over MAX_BYTES from the size in the event, without reading it', async () => {
    const big = `date 2024-05-02\n\n${'Le ministre est arrivé à Dakar. '.repeat(1000)}`;
    const event = await upload('incoming/big.txt', big);
    const before = s3.requests.length;
    await handler(sqsEvent([event]));
    const requests = s3.requests.slice(before);
    expect(requests).not.toContain(`GET /${UPLOAD}/incoming/big.txt`);
    expect(await rejectionsOf('big.txt')).toEqual([{ sourceKey: 'big.txt', reason: 'too-large', message: `${Buffer.byteLength(big)} bytes is over the limit of ${MAX_BYTES} bytes; not read` }]);
    expect(await sourcesOf('big.txt')).toEqual([]);
  });

  it('removes what a deleted upload contributed', async () => {
    const event = await upload('incoming/gone.txt', `${SEED.toString('utf8')}\n\nUne phrase de plus.`);
    await handler(sqsEvent([event]));
    const [id] = await sourcesOf('gone.txt');
    expect(await keys(work, `sources/${id}/`)).toHaveLength(1);

    expect((await handler(sqsEvent([await remove('incoming/gone.txt')]))).batchItemFailures).toEqual([]);
    expect(await sourcesOf('gone.txt')).toEqual([]);
    expect(await keys(work, `sources/${id}/`)).toEqual([]);
    const snapshot = await store.loadAll();
    expect(snapshot.records.map((r) => r.articleId)).not.toContain(id);
  });

  it('takes a late delete of a key uploaded again for what it is: stale', async () => {
    const event = await upload('incoming/back.txt', `${SEED.toString('utf8')}\n\nDe retour.`);
    await handler(sqsEvent([event]));
    const ids = await sourcesOf('back.txt');
    // The delete that came before the upload is delivered after it.
    await handler(sqsEvent([deleteEvent('incoming/back.txt')]));
    expect(await sourcesOf('back.txt')).toEqual(ids);
  });

  it('reads the object as it is now when the event is older than the object', async () => {
    const second = `${SEED.toString('utf8')}\n\nSeconde version.`;
    const first = await upload('incoming/changing.txt', `${SEED.toString('utf8')}\n\nPremière version.`);
    await upload('incoming/changing.txt', second);
    await handler(sqsEvent([first]));
    const expected = (await processObject('changing.txt', Buffer.from(second))).records[0]?.articleId;
    expect(await sourcesOf('changing.txt')).toEqual([expected]);
  });

  it('drops the article an overwritten upload no longer holds', async () => {
    await handler(sqsEvent([await upload('incoming/rewritten.txt', `${SEED.toString('utf8')}\n\nAvant.`)]));
    const [before] = await sourcesOf('rewritten.txt');
    await handler(sqsEvent([await upload('incoming/rewritten.txt', `${SEED.toString('utf8')}\n\nAprès.`)]));
    const [after] = await sourcesOf('rewritten.txt');
    expect(after).not.toBe(before);
    expect(await keys(work, `sources/${before}/`)).toEqual([]);
  });

  it('fails only the message that fails, and skips the test event', async () => {
    const good = await upload('incoming/batch/good.txt', `${SEED.toString('utf8')}\n\nLot.`);
    const event = sqsEvent([fixture('s3-test-event.json'), good, '{"Records": [{"eventSource": "aws:s3"}]}', 'not json at all']);
    const result = await handler(event);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: event.Records[2]!.messageId }, { itemIdentifier: event.Records[3]!.messageId }]);
    expect(await sourcesOf('batch/good.txt')).toHaveLength(1);
  });

  it('ignores keys outside incoming/ and folder placeholders', async () => {
    const before = (await keys(work, '')).length;
    const result = await handler(sqsEvent([putEvent('elsewhere/x.txt', 3, 'abc'), putEvent('incoming/folder/', 0, 'd41d8cd98f00b204e9800998ecf8427e')]));
    expect(result.batchItemFailures).toEqual([]);
    expect((await keys(work, '')).length).toBe(before);
  });

  it('logs JSON lines that carry the object key, the article id, and what is wrong with a bad upload', async () => {
    const lines: string[] = [];
    const capture = (chunk: string | Uint8Array): boolean => {
      lines.push(String(chunk));
      return true;
    };
    // Warnings and errors go to stderr.
    const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(capture), vi.spyOn(process.stderr, 'write').mockImplementation(capture)];
    logger.setLogLevel('INFO');
    try {
      await handler(sqsEvent([await upload('incoming/logged.txt', `${SEED.toString('utf8')}\n\nJournal.`)]));
      await handler(sqsEvent([await upload('incoming/logged-bad.jsonl', '{"text": "Le ministre est arrivé à Dakar."}\n{"text": \n')]));
    } finally {
      logger.setLogLevel('SILENT');
      for (const spy of spies) spy.mockRestore();
    }
    const entries = lines.flatMap((l) => l.split('\n')).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const [id] = await sourcesOf('logged.txt');
    expect(entries).toContainEqual(expect.objectContaining({ level: 'INFO', message: 'article recorded', objectKey: 'incoming/logged.txt', articleId: id, service: expect.any(String) as string }));
    expect(entries).toContainEqual(expect.objectContaining({ message: 'upload recorded', objectKey: 'incoming/logged.txt', articles: 1 }));
    expect(entries).toContainEqual(
      expect.objectContaining({ level: 'WARN', message: 'upload rejected', objectKey: 'incoming/logged-bad.jsonl', reason: 'malformed-json', line: 2, column: expect.any(Number) as number }),
    );
    expect(entries).toContainEqual(expect.objectContaining({ message: 'upload recorded', objectKey: 'incoming/logged-bad.jsonl', articles: 1, rejections: 1 }));
  });
});
