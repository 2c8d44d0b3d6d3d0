import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationRouter } from '../../cli/local-bucket/notifications.js';
import { handler } from '../../functions/publish.js';
import { logger } from '../../functions/runtime/observability.js';
import { parseS3EventMessage } from '../../functions/runtime/s3-event.js';
import { processObject } from '../../src/pipeline.js';
import { PUBLISH_TRIGGER_PREFIXES, RecordStore } from '../../src/records/record-store.js';
import { S3Storage } from '../../src/storage/s3-storage.js';
import { parseCsv } from '../helpers/csv.js';
import { fixture, sqsEvent } from '../helpers/events.js';
import type { LocalS3 } from '../helpers/s3rver.js';
import { startS3rver } from '../helpers/s3rver.js';

const WORK = 'entente-work';
const DATASETS = 'entente-datasets';
const SEED = readFileSync(new URL('../../seeds/000_c6b8037a3e0ee50b.txt', import.meta.url));
const FILES = [
  // the seed's month (src/datasets/partitions.ts), then the full files built from the partitions, then the manifest
  'events/year=2022/month=08/events.csv', 'agreements/year=2022/month=08/agreements.csv',
  'events.csv', 'agreements.csv', 'rejected.csv', 'mentions.csv', 'events.jsonld', 'agreements.jsonld', 'articles.csv', 'partitions.json',
  'events.csv-metadata.json', 'agreements.csv-metadata.json', 'rejected.csv-metadata.json', 'mentions.csv-metadata.json', 'articles.csv-metadata.json', 'datapackage.json',
  'catalog.jsonld',
  'index.html',
];

let s3: LocalS3;
let store: RecordStore;
/** Notifications the working bucket sent to the publish queue, not yet handled. */
let pending: string[] = [];
/** Keys written to the datasets bucket, in order. */
let written: string[] = [];

beforeAll(async () => {
  s3 = await startS3rver([WORK, DATASETS]);
  Object.assign(process.env, {
    WORK_BUCKET: WORK,
    DATASETS_BUCKET: DATASETS,
    BASE_URI: 'https://data.example.org/entente/',
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  });
  logger.setLogLevel('SILENT');
  // The working bucket's notification configuration, as the stack sets it; real s3rver events.
  const router = new NotificationRouter([
    ...PUBLISH_TRIGGER_PREFIXES.map((prefix) => ({
      id: `publish-${prefix}`,
      bucket: WORK,
      events: ['ObjectCreated', 'ObjectRemoved'] as const,
      prefix,
      queue: 'entente-publish',
      deliver: (body: string) => pending.push(body),
    })),
    { id: 'watch', bucket: DATASETS, events: ['ObjectCreated'] as const, queue: 'watch', deliver: (body: string) => written.push(...parseS3EventMessage(body).map((c) => c.key)) },
  ]);
  s3.server.on('event', (n) => router.route(n));
  store = new RecordStore(new S3Storage(s3.client, { bucket: WORK }));
});
afterAll(async () => {
  await s3?.close();
});

/** What the queue would hand the function now. */
function drain(): ReturnType<typeof sqsEvent> {
  const event = sqsEvent(pending, 'entente-publish');
  pending = [];
  return event;
}

async function contribute(sourceKey: string, bytes: Uint8Array | string): Promise<string[]> {
  const outcome = await processObject(sourceKey, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
  return (await store.putContribution(sourceKey, outcome.records, outcome.rejections)).articleIds as string[];
}

async function published(file: string): Promise<string> {
  const response = await s3.client.send(new GetObjectCommand({ Bucket: DATASETS, Key: file }));
  return (await response.Body?.transformToString('utf8')) ?? '';
}

const rows = async (file: string): Promise<Record<string, string>[]> => parseCsv(await published(file));

describe('publish handler', () => {
  it('publishes the seed: its 4 events and 2 agreements, typed and cacheable, articles.csv last', async () => {
    await contribute('seed.txt', SEED);
    const event = drain();
    expect(event.Records.length).toBeGreaterThan(0);
    written = [];
    expect(await handler(event)).toEqual({ batchItemFailures: [] });

    expect(await rows('events.csv')).toHaveLength(4);
    expect((await rows('agreements.csv')).map((a) => a.topic).sort()).toEqual(['consultation', 'visa']);
    expect(await rows('articles.csv')).toEqual([expect.objectContaining({ source_key: 'seed.txt', language: 'fr', event_count: '4', agreement_count: '2' })]);
    expect(written).toEqual(FILES);
    for (const file of FILES) {
      const head = await s3.client.send(new HeadObjectCommand({ Bucket: DATASETS, Key: file }));
      expect(head.ContentType, file).toBe(file.endsWith('.csv') ? 'text/csv; charset=utf-8' : file.endsWith('.json') ? 'application/json' : file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/ld+json');
      expect(head.CacheControl, file).toBe('public, max-age=300');
    }
    expect(JSON.parse(await published('events.jsonld'))).toMatchObject({ '@graph': expect.arrayContaining([expect.objectContaining({ '@id': expect.stringMatching(/^https:\/\/data\.example\.org\/entente\//) as string })]) as unknown[] });
  });

  it('is idempotent: publishing again writes the same bytes', async () => {
    const before = await Promise.all(FILES.map(published));
    expect(await handler(sqsEvent([fixture('s3-test-event.json')], 'entente-publish'))).toEqual({ batchItemFailures: [] });
    expect(await Promise.all(FILES.map(published))).toEqual(before);
  });

  it('keeps one row for the same content under two keys, naming both', async () => {
    await contribute('copies/seed again.txt', SEED);
    await handler(drain());
    const events = await rows('events.csv');
    expect(events).toHaveLength(4);
    for (const e of events) expect(e.source_keys).toBe('copies/seed again.txt;seed.txt');
    expect(await rows('articles.csv')).toHaveLength(1);
  });

  it('drops the rows only a removed key supported, and lists rejections while they last', async () => {
    await store.removeContribution('copies/seed again.txt');
    const other = `date 2024-05-03\n\nLe ministre sénégalais des Affaires étrangères s'est rendu à Rabat, où il a été reçu par son homologue marocain.`;
    await contribute('other.txt', other);
    await contribute('broken.json', '{"text": ');
    await handler(drain());
    expect(new Set((await rows('events.csv')).map((e) => e.source_keys))).toEqual(new Set(['seed.txt', 'other.txt']));
    expect(await rows('rejected.csv')).toEqual([expect.objectContaining({ source_key: 'broken.json', reason: 'malformed-json' })]);

    await store.removeContribution('seed.txt');
    await store.removeContribution('broken.json');
    await handler(drain());
    expect(new Set((await rows('events.csv')).map((e) => e.source_keys))).toEqual(new Set(['other.txt']));
    expect((await rows('articles.csv')).map((a) => a.source_key)).toEqual(['other.txt']);
    expect(await rows('rejected.csv')).toEqual([]);
  });

  it('returns every message for retry when the publication fails, and succeeds once fixed', async () => {
    const [id] = await contribute('later.txt', `${SEED.toString('utf8')}\n\nPlus tard.`);
    const good = await s3.client.send(new GetObjectCommand({ Bucket: WORK, Key: `records/${id}.json` }));
    const goodBytes = await good.Body!.transformToByteArray();
    await s3.client.send(new PutObjectCommand({ Bucket: WORK, Key: `records/${id}.json`, Body: 'not json' }));
    const event = drain();
    expect(event.Records.length).toBeGreaterThan(1);
    expect(await handler(event)).toEqual({ batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) });

    await s3.client.send(new PutObjectCommand({ Bucket: WORK, Key: `records/${id}.json`, Body: goodBytes }));
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect((await rows('articles.csv')).map((a) => a.source_key).sort()).toEqual(['later.txt', 'other.txt']);
  });

  it('does nothing for an empty batch', async () => {
    written = [];
    expect(await handler({ Records: [] })).toEqual({ batchItemFailures: [] });
    expect(written).toEqual([]);
  });
});
