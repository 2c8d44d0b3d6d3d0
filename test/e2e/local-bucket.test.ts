import { DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalBucket } from '../../cli/local-bucket/local-bucket.js';
import { countLegacyReports, startLocalBucket } from '../../cli/local-bucket/local-bucket.js';
import { S3Storage } from '../../src/storage/s3-storage.js';
import { parseCsv } from '../helpers/csv.js';

/**
 * The local bucket end to end: real S3 API calls against s3rver on 127.0.0.1, its
 * notifications turned into S3 event records, the normalise and publish handlers driven by
 * the in-process queues. Every test waits for the pipeline with idle(), never with a sleep.
 */
const SEED_FILE = new URL('../../seeds/000_c6b8037a3e0ee50b.txt', import.meta.url);
const SEED_KEY = '000_c6b8037a3e0ee50b.txt';

let bucket: LocalBucket;
let dataDir: string;
let mirrorDir: string;
let seed: Buffer;

beforeAll(async () => {
  seed = await readFile(SEED_FILE);
  dataDir = await mkdtemp(path.join(tmpdir(), 'entente-local-s3-'));
  mirrorDir = await mkdtemp(path.join(tmpdir(), 'entente-local-datasets-'));
  bucket = await startLocalBucket({ port: 0, dataDir, mirrorDir, logLevel: 'SILENT', publishWindowMs: 100, retryDelayMs: 200 });
  await bucket.idle();
});

afterAll(async () => {
  await bucket?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(mirrorDir, { recursive: true, force: true });
});

afterEach(() => {
  for (const [queue, messages] of Object.entries(bucket.deadLetters())) expect(messages, queue).toEqual([]);
});

async function upload(sourceKey: string, body: Uint8Array | string): Promise<void> {
  await bucket.client.send(new PutObjectCommand({ Bucket: bucket.buckets.upload, Key: `incoming/${sourceKey}`, Body: typeof body === 'string' ? Buffer.from(body) : body }));
}

async function remove(sourceKey: string): Promise<void> {
  await bucket.client.send(new DeleteObjectCommand({ Bucket: bucket.buckets.upload, Key: `incoming/${sourceKey}` }));
}

async function uploaded(key: string): Promise<string> {
  const response = await bucket.client.send(new GetObjectCommand({ Bucket: bucket.buckets.upload, Key: key }));
  return (await response.Body?.transformToString('utf8')) ?? '';
}

/** Every key of the upload bucket. */
async function uploadKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const { key } of new S3Storage(bucket.client, { bucket: bucket.buckets.upload }).list()) keys.push(key);
  return keys;
}

/** A published file as anyone downloads it: an unsigned GET of its URL. */
async function download(file: string): Promise<string> {
  const response = await fetch(bucket.datasetUrl(file));
  expect(response.status, file).toBe(200);
  return response.text();
}

/** The columns these tests read; every published CSV has the ones of its table. */
type Row = Readonly<Record<'article_id' | 'source_key' | 'source_keys' | 'event_type' | 'topic' | 'reason' | 'message' | 'line' | 'column', string>>;

const table = async (file: string): Promise<Row[]> => parseCsv(await download(file)) as unknown as Row[];

/** A short article of its own (distinct text, so a distinct id). */
function article(n: number): string {
  const cities = ['Dakar', 'Rabat', 'Accra', 'Nairobi', 'Kigali', 'Abuja', 'Tunis', 'Lomé', 'Bamako', 'Niamey'];
  return `date 2024-05-${String(1 + (n % 28)).padStart(2, '0')}\n\nLe ministre des Affaires étrangères a reçu à ${cities[n % cities.length]} une délégation de ${n + 2} diplomates pour la réunion numéro ${n}.`;
}

describe('local bucket', () => {
  it('publishes the seed: its 4 events and 2 agreements', async () => {
    await upload(SEED_KEY, seed);
    await bucket.idle();
    const events = (await table('events.csv')).filter((e) => e.source_keys === SEED_KEY);
    expect(events.map((e) => e.event_type).sort()).toEqual(['meeting', 'press_conference', 'signing', 'visit']);
    const agreements = (await table('agreements.csv')).filter((a) => a.source_keys === SEED_KEY);
    expect(agreements.map((a) => a.topic).sort()).toEqual(['consultation', 'visa']);
    // The plain copy on disk is the same file.
    expect(await readFile(path.join(mirrorDir, 'events.csv'), 'utf8')).toBe(await download('events.csv'));
  });

  it('takes keys with spaces, "+", accents and nested prefixes', async () => {
    const keys = ['dossiers 2024/Sénégal + Maroc/visite (1).txt', 'a+b/c d/e%20f.txt', 'Ωmega/ünïcødé/日本.txt'];
    await Promise.all(keys.map((k, i) => upload(k, article(100 + i))));
    await bucket.idle();
    const published = (await table('articles.csv')).map((a) => a.source_key);
    for (const key of keys) expect(published).toContain(key);
  });

  it('keeps one row for the same content under a second key, naming both keys', async () => {
    await upload('copies/seed copy.txt', seed);
    await bucket.idle();
    const events = (await table('events.csv')).filter((e) => e.source_keys.includes(SEED_KEY));
    expect(events).toHaveLength(4);
    for (const e of events) expect(e.source_keys).toBe(`${SEED_KEY};copies/seed copy.txt`);
    const agreements = (await table('agreements.csv')).filter((a) => a.source_keys.includes(SEED_KEY));
    expect(agreements).toHaveLength(2);
    expect((await table('articles.csv')).filter((a) => a.source_key.includes(SEED_KEY))).toHaveLength(1);
  });

  it('drops the rows of a deleted upload and keeps the others', async () => {
    await upload('short-lived.txt', article(200));
    await bucket.idle();
    expect((await table('articles.csv')).map((a) => a.source_key)).toContain('short-lived.txt');

    await remove('short-lived.txt');
    await remove('copies/seed copy.txt');
    await bucket.idle();
    const articles = await table('articles.csv');
    expect(articles.map((a) => a.source_key)).not.toContain('short-lived.txt');
    expect(articles.map((a) => a.source_key)).toContain(SEED_KEY);
    expect((await table('events.csv')).filter((e) => e.source_keys === SEED_KEY)).toHaveLength(4);
  });

  it('drops the rows of uploads removed in one batch delete (aws s3 rm --recursive)', async () => {
    await Promise.all([upload('batch/one.txt', article(300)), upload('batch/two.txt', article(301))]);
    await bucket.idle();
    await bucket.client.send(
      new DeleteObjectsCommand({ Bucket: bucket.buckets.upload, Delete: { Objects: [{ Key: 'incoming/batch/one.txt' }, { Key: 'incoming/batch/two.txt' }] } }),
    );
    await bucket.idle();
    expect((await table('articles.csv')).filter((a) => a.source_key.startsWith('batch/'))).toEqual([]);
  });

  it('lists a bad file in rejected.csv with what is wrong and where, leaves it intact with nothing beside it, and publishes the others', async () => {
    const bad = '{"title": "Visite",\n "text": "Le ministre",,}';
    await Promise.all([upload('broken/article.json', bad), upload('fine/article.txt', article(400))]);
    await bucket.idle();
    const rows = (await table('rejected.csv')).filter((r) => r.source_key === 'broken/article.json');
    expect(rows).toEqual([
      expect.objectContaining({ reason: 'malformed-json', message: expect.stringContaining('malformed JSON') as string, line: '2', column: expect.stringMatching(/^[1-9]\d*$/) as string }),
    ]);
    expect(await uploaded('incoming/broken/article.json')).toBe(bad);
    // The pipeline only reads the upload bucket: no report, nothing but the uploads.
    expect((await uploadKeys()).filter((key) => !key.startsWith('incoming/'))).toEqual([]);
    const articles = (await table('articles.csv')).map((a) => a.source_key);
    expect(articles).toContain('fine/article.txt');
    expect(articles).toContain(SEED_KEY);

    // Fixed and uploaded again: its row goes, so nothing says the file is bad any more.
    await upload('broken/article.json', '{"title": "Visite", "text": "Le ministre marocain est arrivé à Dakar.", "published": "2024-05-02"}');
    await bucket.idle();
    expect((await table('rejected.csv')).map((r) => r.source_key)).not.toContain('broken/article.json');
    expect((await table('articles.csv')).map((a) => a.source_key)).toContain('broken/article.json');
  });

  it('drops the rejected.csv row of a bad file once it is deleted', async () => {
    await upload('broken/empty.txt', '');
    await bucket.idle();
    expect((await table('rejected.csv')).filter((r) => r.source_key === 'broken/empty.txt').map((r) => r.reason)).toEqual(['empty']);
    await remove('broken/empty.txt');
    await bucket.idle();
    expect((await table('rejected.csv')).map((r) => r.source_key)).not.toContain('broken/empty.txt');
  });

  it('counts the reports an earlier version left under rejected/ (npm run dev points them out) and leaves them alone', async () => {
    expect(await countLegacyReports(bucket.client, bucket.buckets.upload)).toBe(0);
    await bucket.client.send(new PutObjectCommand({ Bucket: bucket.buckets.upload, Key: 'rejected/old/article.json.json', Body: '{"rejections": []}' }));
    await bucket.idle();
    expect(await countLegacyReports(bucket.client, bucket.buckets.upload)).toBe(1);
    expect(await uploaded('rejected/old/article.json.json')).toBe('{"rejections": []}');
    await bucket.client.send(new DeleteObjectCommand({ Bucket: bucket.buckets.upload, Key: 'rejected/old/article.json.json' }));
    expect(await countLegacyReports(bucket.client, bucket.buckets.upload)).toBe(0);
  });

  it('publishes 50 concurrent uploads: all 50 articles, no duplicate ids', async () => {
    const keys = Array.from({ length: 50 }, (_, i) => `bulk/article-${String(i).padStart(2, '0')}.txt`);
    await Promise.all(keys.map((key, i) => upload(key, article(i))));
    await bucket.idle();
    const articles = await table('articles.csv');
    const bulk = articles.filter((a) => a.source_key.startsWith('bulk/'));
    expect(bulk.map((a) => a.source_key).sort()).toEqual(keys);
    expect(new Set(bulk.map((a) => a.article_id)).size).toBe(50);
    expect(new Set(articles.map((a) => a.article_id)).size).toBe(articles.length);
  });
});
