import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../cli/local-bucket/defaults.js';
import type { LocalBucket } from '../../cli/local-bucket/local-bucket.js';
import { startLocalBucket } from '../../cli/local-bucket/local-bucket.js';
import type { Invocation } from '../../cli/local-bucket/local-queue.js';
import { processObject } from '../../src/pipeline.js';
import { parseCsv } from '../helpers/csv.js';
import { generatedArticle, generatedKey } from '../helpers/generated-articles.js';
import { publicationProblems, snapshotBucket } from '../helpers/publication.js';

/**
 * 1,000 uploads at once to the local bucket (s3rver on 127.0.0.1, the real handlers behind
 * the in-process queues, the publish queue batched as the stack configures it: 100
 * messages, here a 500 ms window). Each upload is a small generated article reporting one
 * event of its own (test/helpers/generated-articles.ts), so what the datasets must hold is
 * known without the pipeline: one articles.csv row, one events.csv row and one mentions.csv
 * row per upload, no more, no less, and nothing left in any queue.
 *
 * ENTENTE_LOAD_UPLOADS=N changes the number of uploads. On the 2-core test machine the
 * 1,000 take 55-60 s when it is quiet, up to 110 s when other work loads it; 55-80 s of CPU
 * on the one thread that runs s3rver, the SDK and the handlers. Two thirds of that CPU is
 * S3 requests (about 22,000: 9 per upload, and each of the ~25 publications re-reads every
 * record); extraction and the dataset writers take under a tenth.
 */
const UPLOADS = Number(process.env.ENTENTE_LOAD_UPLOADS ?? 1000);

let bucket: LocalBucket;
let dataDir: string;
let client: S3Client;
const invocations: Invocation[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'entente-load-'));
  bucket = await startLocalBucket({ port: 0, dataDir, mirrorDir: false, logLevel: 'SILENT', retryDelayMs: 500, onInvocation: (i) => invocations.push(i) });
  // Enough sockets that the 1,000 puts are all on the wire at once, not queued in the client.
  client = new S3Client({
    endpoint: bucket.endpoint,
    forcePathStyle: true,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { httpAgent: new http.Agent({ keepAlive: true, maxSockets: UPLOADS }) },
  });
  await bucket.idle();
});

afterAll(async () => {
  client?.destroy();
  await bucket?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const articles = Array.from({ length: UPLOADS }, (_, n) => ({ ...generatedArticle(n), key: generatedKey(n) }));

describe(`${UPLOADS} concurrent uploads`, () => {
  it('are generated articles the extractor reads as intended: one event each, the one the template states', async () => {
    for (const a of articles) {
      const { records, rejections } = await processObject(a.key, Buffer.from(a.text));
      expect(rejections, a.key).toEqual([]);
      expect(records, a.key).toHaveLength(1);
      const [r] = records;
      expect(r?.language, a.key).toBe(a.language);
      expect(r?.agreements, a.key).toEqual([]);
      expect(
        r?.events.map((e) => ({
          eventType: e.type,
          date: e.date,
          participants: [...e.participants].sort().join(';'),
          actor1Country: e.actor1Country,
          actor2Country: e.actor2Country,
          city: e.location?.city ?? '',
        })),
        a.text,
      ).toEqual([a.expected]);
    }
  });

  it('are each published once: every row expected, none missing, none twice, no message left', async () => {
    const started = performance.now();
    await Promise.all(articles.map((a) => client.send(new PutObjectCommand({ Bucket: bucket.buckets.upload, Key: `incoming/${a.key}`, Body: Buffer.from(a.text) }))));
    await bucket.idle();
    const seconds = (performance.now() - started) / 1000;

    for (const [queue, letters] of Object.entries(bucket.deadLetters())) expect(letters, queue).toEqual([]);
    for (const queue of Object.values(bucket.queues)) expect(queue.idle, queue.name).toBe(true);
    const normalise = invocations.filter((i) => i.queue === bucket.queues.normalise.name);
    // One message per upload (plus S3's test event), each handled once: no failure, no retry.
    expect(normalise.reduce((sum, i) => sum + i.messages, 0)).toBe(UPLOADS + 1);
    expect(normalise.reduce((sum, i) => sum + i.failures, 0)).toBe(0);
    expect(invocations.filter((i) => i.failures > 0 || i.error !== undefined)).toEqual([]);

    const files = await snapshotBucket(bucket.client, bucket.buckets.datasets);
    expect(publicationProblems(files)).toEqual([]);
    const table = (file: string): Record<string, string>[] => parseCsv(files.get(file)?.toString('utf8') ?? '');

    const byKey = new Map(articles.map((a) => [a.key, a]));
    const published = table('articles.csv');
    expect(published.map((a) => a.source_key).sort()).toEqual([...byKey.keys()].sort());
    const idOf = new Map<string, string>();
    for (const row of published) {
      const a = byKey.get(row.source_key ?? '');
      expect(row, row.source_key).toMatchObject({ language: a?.language, published: a?.expected.date, event_count: '1', agreement_count: '0', extracted: 'yes' });
      idOf.set(row.source_key ?? '', row.article_id ?? '');
    }
    expect(new Set(idOf.values()).size).toBe(UPLOADS);

    const events = table('events.csv');
    expect(events.map((e) => e.source_keys).sort()).toEqual([...byKey.keys()].sort());
    const eventOf = new Map<string, string>();
    for (const row of events) {
      const a = byKey.get(row.source_keys ?? '');
      expect(row, row.source_keys).toMatchObject({
        event_type: a?.expected.eventType,
        date: a?.expected.date,
        participants: a?.expected.participants,
        actor1_country: a?.expected.actor1Country,
        actor2_country: a?.expected.actor2Country,
        location_city: a?.expected.city,
        language: a?.language,
        source_count: '1',
        article_ids: idOf.get(row.source_keys ?? ''),
      });
      eventOf.set(row.article_ids ?? '', row.event_id ?? '');
    }
    expect(new Set(events.map((e) => e.event_id)).size).toBe(UPLOADS);

    const mentions = table('mentions.csv');
    expect(mentions).toHaveLength(UPLOADS);
    for (const m of mentions) expect(m, m.mention_id).toMatchObject({ record_type: 'event', event_id: eventOf.get(m.article_id ?? '') });
    expect(new Set(mentions.map((m) => m.article_id)).size).toBe(UPLOADS);

    expect(table('agreements.csv')).toEqual([]);
    expect(table('rejected.csv')).toEqual([]);

    // Reported, not asserted: the machine is shared and its load changes the figure twofold.
    const publications = invocations.filter((i) => i.queue === bucket.queues.publish.name).length;
    console.info(`${UPLOADS} uploads published in ${seconds.toFixed(1)} s, ${publications} publications`);
  }, 600_000);
});
