import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalBucket } from '../../cli/local-bucket/local-bucket.js';
import { startLocalBucket } from '../../cli/local-bucket/local-bucket.js';
import type { Invocation } from '../../cli/local-bucket/local-queue.js';
import type { Fault, FaultProxy } from '../helpers/fault-proxy.js';
import { completedWrites, isObjectWrite, isWriteRequest, startFaultProxy } from '../helpers/fault-proxy.js';
import { generatedArticle, generatedKey } from '../helpers/generated-articles.js';
import { differencesFromCleanRun, emptyBucket, malformedFiles, publicationProblems, snapshotBucket } from '../helpers/publication.js';

/**
 * A publication that crashes half-way, with a real fault: the functions reach s3rver
 * through a proxy on 127.0.0.1 (AWS_ENDPOINT_URL_S3, as for any S3 endpoint) that fails
 * every write of one file of the datasets bucket, with a 500, a dropped connection, or a
 * write that is done but never answered, until the publish invocation has failed; the
 * queue then retries it. Checked from the outside only (objects and the order of
 * requests), so that it holds however the publisher writes its files:
 *  - when it crashes, every published file is whole (each CSV and JSON parses);
 *  - whenever catalog.jsonld is written, every file it lists is already in place, with the
 *    size, SHA-256 and row count it states (the proxy holds the catalog's answer, and so the
 *    publisher, while the test reads the bucket);
 *  - after the retry, the files are consistent and equal to a clean publication of the same
 *    working bucket into an empty datasets bucket, byte for byte.
 */
const SEED_FILE = new URL('../../seeds/000_c6b8037a3e0ee50b.txt', import.meta.url);

let bucket: LocalBucket;
let proxy: FaultProxy;
let dataDir: string;
const invocations: Invocation[] = [];
/** publicationProblems() of the datasets bucket each time the catalog was written, with the catalog's bytes. */
const atCatalog: { problems: string[]; catalog: string }[] = [];
/** Called when a publish invocation fails. */
let onPublishFailure: (() => void) | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'entente-faults-'));
  bucket = await startLocalBucket({
    port: 0,
    dataDir,
    mirrorDir: false,
    logLevel: 'SILENT',
    publishWindowMs: 200,
    retryDelayMs: 300,
    functionsEndpoint: async (endpoint) => {
      proxy = await startFaultProxy(endpoint);
      return proxy.endpoint;
    },
    onInvocation: (invocation) => {
      invocations.push(invocation);
      if (invocation.queue === bucket.queues.publish.name && invocation.failures > 0) onPublishFailure?.();
    },
  });
  proxy.onResponse = async (exchange, body) => {
    if (exchange.bucket !== bucket.buckets.datasets || exchange.key !== 'catalog.jsonld' || exchange.status !== 200 || !isObjectWrite(exchange)) return;
    // The publisher waits for this answer: nothing it writes can change while the bucket is
    // read, except the landing page, which comes after the catalog (it embeds it) and may be
    // on its way if the publisher writes both at once.
    const files = await snapshotBucket(bucket.client, bucket.buckets.datasets);
    files.delete('index.html');
    atCatalog.push({ problems: publicationProblems(files), catalog: files.get('catalog.jsonld')?.toString('utf8') ?? body.toString('utf8') });
  };
  await bucket.idle();
  // A first publication to crash into: generated articles, the seed (agreements), a bad file.
  const seed = await readFile(SEED_FILE);
  await Promise.all([
    ...Array.from({ length: 24 }, (_, n) => upload(generatedKey(n), generatedArticle(n).text)),
    upload('seed.txt', seed),
    upload('broken/article.json', '{"title": "Visite",,}'),
  ]);
  await bucket.idle();
}, 120_000);

afterAll(async () => {
  await bucket?.close();
  await proxy?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function upload(sourceKey: string, body: string | Buffer): Promise<void> {
  await bucket.client.send(new PutObjectCommand({ Bucket: bucket.buckets.upload, Key: `incoming/${sourceKey}`, Body: typeof body === 'string' ? Buffer.from(body) : body }));
}

async function remove(sourceKey: string): Promise<void> {
  await bucket.client.send(new DeleteObjectCommand({ Bucket: bucket.buckets.upload, Key: `incoming/${sourceKey}` }));
}

const datasets = (): Promise<Map<string, Buffer>> => snapshotBucket(bucket.client, bucket.buckets.datasets);

/** The same working bucket published into an empty datasets bucket. */
async function cleanPublication(): Promise<Map<string, Buffer>> {
  await emptyBucket(bucket.client, bucket.buckets.datasets);
  bucket.queues.publish.send(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Time: new Date().toISOString(), Bucket: bucket.buckets.work }));
  await bucket.idle();
  return datasets();
}

/** The last publication ended with the catalog, then only the landing page (which embeds it). */
function expectCatalogLast(): void {
  const order = completedWrites(proxy.log, bucket.buckets.datasets).map((e) => e.key);
  const lastCatalog = order.lastIndexOf('catalog.jsonld');
  expect(lastCatalog).toBeGreaterThanOrEqual(0);
  expect(order.slice(lastCatalog + 1).filter((key) => key !== 'index.html'), 'written after the catalog').toEqual([]);
}

function expectNoDeadLetters(): void {
  for (const [queue, letters] of Object.entries(bucket.deadLetters())) expect(letters, queue).toEqual([]);
}

interface Crash {
  /** The file whose writes fail, from its first one until the publication has failed. */
  readonly file: (key: string) => boolean;
  readonly fault: Fault;
}

/**
 * Arms `crash`, makes `change` to the uploads, waits until everything is published, and
 * returns the files as they were when the publication failed and as they are at the end.
 */
async function crashDuring(crash: Crash, change: () => Promise<void>): Promise<{ atCrash: Map<string, Buffer>; final: Map<string, Buffer>; faulted: number }> {
  const failedBefore = invocations.filter((i) => i.queue === bucket.queues.publish.name && i.failures > 0).length;
  const checksBefore = atCatalog.length;
  const rule = proxy.inject({ match: (r) => r.bucket === bucket.buckets.datasets && isWriteRequest(r) && crash.file(r.key), fault: crash.fault });
  // Once the publication has failed, the retry is held at its first request to the datasets
  // bucket until the files left by the crash are read.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let crashed!: () => void;
  const hasCrashed = new Promise<void>((resolve) => (crashed = resolve));
  let hold: { remove(): void } | undefined;
  onPublishFailure = () => {
    onPublishFailure = undefined;
    rule.remove();
    hold = proxy.inject({ match: (r) => r.bucket === bucket.buckets.datasets, fault: { kind: 'hold', until: released } });
    crashed();
  };
  let atCrash: Map<string, Buffer>;
  try {
    await change();
    await hasCrashed;
    // Writes the failed invocation left in flight land first (s3rver writes objects in place,
    // so one read half-way would look truncated where S3 would show the old or the new object).
    await proxy.quiet((r) => r.bucket === bucket.buckets.datasets);
    atCrash = await datasets();
  } finally {
    hold?.remove();
    release();
    rule.remove();
    onPublishFailure = undefined;
  }
  await bucket.idle();
  expectNoDeadLetters();
  expect(invocations.filter((i) => i.queue === bucket.queues.publish.name && i.failures > 0).length, 'failed publications').toBe(failedBefore + 1);
  expect(atCatalog.length, 'catalogs written since').toBeGreaterThan(checksBefore);
  for (const check of atCatalog.slice(checksBefore)) expect(check.problems, 'the files the catalog lists, when it is written').toEqual([]);
  expectCatalogLast();
  return { atCrash, final: await datasets(), faulted: rule.faulted.length };
}

let next = 100;
/** New uploads, one overwritten and one deleted: the next publication differs from the last. */
async function someChanges(): Promise<void> {
  const n = next;
  next += 3;
  await Promise.all([
    upload(generatedKey(n), generatedArticle(n).text),
    upload(generatedKey(n + 1), generatedArticle(n + 1).text),
    upload(generatedKey(n - 100), generatedArticle(n + 2).text),
  ]);
  await remove(generatedKey(n - 99));
}

describe('a publication that crashes half-way', () => {
  it('starts from a consistent publication, the catalog written after every file it lists', async () => {
    const files = await datasets();
    expect(publicationProblems(files)).toEqual([]);
    expect(atCatalog.length).toBeGreaterThan(0);
    for (const check of atCatalog) expect(check.problems).toEqual([]);
    expectCatalogLast();
    expectNoDeadLetters();
  });

  const crashes: [string, Crash][] = [
    ['events.csv, the first data file (500)', { file: (key) => key === 'events.csv', fault: { kind: 'error', status: 500 } }],
    ['articles.csv, the last data file (connection dropped)', { file: (key) => key === 'articles.csv', fault: { kind: 'drop' } }],
    ['a monthly partition (503 SlowDown)', { file: (key) => key.startsWith('events/year='), fault: { kind: 'error', status: 503, code: 'SlowDown' } }],
    ['partitions.json (written, never answered)', { file: (key) => key === 'partitions.json', fault: { kind: 'drop-response' } }],
    ['datapackage.json (500)', { file: (key) => key === 'datapackage.json', fault: { kind: 'error', status: 500 } }],
    ['catalog.jsonld (connection dropped)', { file: (key) => key === 'catalog.jsonld', fault: { kind: 'drop' } }],
    ['index.html, after the catalog (written, never answered)', { file: (key) => key === 'index.html', fault: { kind: 'drop-response' } }],
  ];

  for (const [name, crash] of crashes) {
    it(`at ${name}: is retried, every file whole meanwhile, and ends as a clean publication`, async () => {
      const { atCrash, final, faulted } = await crashDuring(crash, someChanges);
      expect(faulted, 'requests the proxy failed').toBeGreaterThan(0);
      expect(malformedFiles(atCrash), 'files left by the crash').toEqual([]);
      expect(publicationProblems(final), 'files after the retry').toEqual([]);
      const clean = await cleanPublication();
      expect(differencesFromCleanRun(final, clean).differences).toEqual([]);
    });
  }
});
