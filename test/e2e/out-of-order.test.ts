import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSBatchResponse } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_BUCKETS, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../cli/local-bucket/defaults.js';
import type { NotificationRule } from '../../cli/local-bucket/notifications.js';
import { NotificationRouter } from '../../cli/local-bucket/notifications.js';
import { handler as normalise } from '../../functions/normalise.js';
import { handler as publish } from '../../functions/publish.js';
import { logger } from '../../functions/runtime/observability.js';
import { PUBLISH_TRIGGER_PREFIXES } from '../../src/records/record-store.js';
import { sqsEvent } from '../helpers/events.js';
import type { FaultProxy } from '../helpers/fault-proxy.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { generatedArticle } from '../helpers/generated-articles.js';
import type { BucketSnapshot } from '../helpers/publication.js';
import { differencesFromCleanRun, emptyBucket, publicationProblems, snapshotBucket } from '../helpers/publication.js';
import { parseCsv } from '../helpers/csv.js';
import type { LocalS3 } from '../helpers/s3rver.js';
import { startS3rver } from '../helpers/s3rver.js';

/**
 * S3 delivers each event at least once and in no set order. Here the normalise handler is
 * fed the very records S3 would send (captured from s3rver's notifications and rewritten
 * as AWS writes them, by the local bucket's NotificationRouter), late, twice and out of
 * order: a delete before its put, an older put after a newer overwrite, every event again
 * once the object is gone or replaced. Whatever the order, the published datasets must be
 * those of a clean run over the final state of the upload bucket, byte for byte.
 *
 * The functions reach s3rver through a fault proxy (test/helpers/fault-proxy.ts), which
 * here only holds requests, to force the interleavings of two invocations on one key.
 */
const { upload: UPLOAD, work: WORK, datasets: DATASETS } = LOCAL_BUCKETS;
const MAX_BYTES = 4_000;

let s3: LocalS3;
let proxy: FaultProxy;
/** Message bodies S3 would have sent to each queue, in the order the changes happened. */
const sent = { normalise: [] as string[], publish: [] as string[] };

beforeAll(async () => {
  s3 = await startS3rver([UPLOAD, WORK, DATASETS]);
  proxy = await startFaultProxy(s3.endpoint);
  // What the stack sets on the functions; they reach S3 through the proxy.
  Object.assign(process.env, {
    UPLOAD_BUCKET: UPLOAD,
    WORK_BUCKET: WORK,
    DATASETS_BUCKET: DATASETS,
    INCOMING_PREFIX: 'incoming/',
    MAX_BYTES: String(MAX_BYTES),
    BASE_URI: 'https://w3id.org/entente/',
    AWS_ENDPOINT_URL_S3: proxy.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  });
  logger.setLogLevel('SILENT');
  const capture = (queue: 'normalise' | 'publish') => ({ queue, deliver: (body: string) => void sent[queue].push(body) });
  const rules: NotificationRule[] = [
    { id: 'normalise-uploads', bucket: UPLOAD, events: ['ObjectCreated', 'ObjectRemoved'], prefix: 'incoming/', ...capture('normalise') },
    ...PUBLISH_TRIGGER_PREFIXES.map((prefix): NotificationRule => ({ id: `publish-${prefix}`, bucket: WORK, events: ['ObjectCreated', 'ObjectRemoved'], prefix, ...capture('publish') })),
  ];
  const router = new NotificationRouter(rules, LOCAL_REGION);
  s3.server.on('event', (notification) => router.route(notification));
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await s3?.close();
});

beforeEach(async () => {
  proxy.clear();
  for (const bucket of [UPLOAD, WORK, DATASETS]) await emptyBucket(s3.client, bucket);
  sent.normalise.length = 0;
  sent.publish.length = 0;
});

/** The S3 event record of one change to the upload bucket, as S3 sends it to the queue. */
type Delivery = string;

async function put(sourceKey: string, body: string | Buffer): Promise<Delivery> {
  await s3.client.send(new PutObjectCommand({ Bucket: UPLOAD, Key: `incoming/${sourceKey}`, Body: typeof body === 'string' ? Buffer.from(body) : body }));
  return lastEvent();
}

async function remove(sourceKey: string): Promise<Delivery> {
  await s3.client.send(new DeleteObjectCommand({ Bucket: UPLOAD, Key: `incoming/${sourceKey}` }));
  return lastEvent();
}

function lastEvent(): Delivery {
  const body = sent.normalise.at(-1);
  if (body === undefined) throw new Error('the change sent no notification');
  return body;
}

/** One invocation of the normalise function with these messages; every one must succeed. */
async function deliver(...bodies: Delivery[]): Promise<void> {
  const response = (await normalise(sqsEvent(bodies))) as SQSBatchResponse;
  expect(response.batchItemFailures).toEqual([]);
}

/** One invocation of the publish function with what the working bucket sent since the last one. */
async function publishNow(): Promise<void> {
  const bodies = sent.publish.splice(0);
  const response = await publish(sqsEvent(bodies.length > 0 ? bodies : [{ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: WORK }], 'entente-publish'));
  expect(response.batchItemFailures).toEqual([]);
}

interface Outcome {
  readonly datasets: BucketSnapshot;
  /** Markers and rejections of the working bucket (records/ is a cache of content hashes, left out). */
  readonly markers: BucketSnapshot;
  /** What could not be read in each upload, as kept under rejections/ of the working bucket. */
  readonly rejections: BucketSnapshot;
  /** Keys of the upload bucket outside incoming/: normalise writes nothing there, so none. */
  readonly besideUploads: readonly string[];
}

async function outcome(): Promise<Outcome> {
  const work = await snapshotBucket(s3.client, WORK);
  return {
    datasets: await snapshotBucket(s3.client, DATASETS),
    markers: new Map([...work].filter(([key]) => !key.startsWith('records/'))),
    rejections: new Map([...work].filter(([key]) => key.startsWith('rejections/'))),
    besideUploads: [...(await snapshotBucket(s3.client, UPLOAD)).keys()].filter((key) => !key.startsWith('incoming/')),
  };
}

/**
 * A clean run over the upload bucket as it is now: working and datasets buckets emptied,
 * one event per upload (the upload put again, same bytes) delivered once, in key order,
 * then one publication.
 */
async function cleanRun(): Promise<Outcome> {
  const uploads = await snapshotBucket(s3.client, UPLOAD, 'incoming/');
  await emptyBucket(s3.client, WORK);
  await emptyBucket(s3.client, DATASETS);
  sent.normalise.length = 0;
  sent.publish.length = 0;
  for (const [key, bytes] of uploads) await deliver(await put(key.slice('incoming/'.length), bytes));
  await publishNow();
  return outcome();
}

async function expectSameAsCleanRun(): Promise<Outcome & { emptiedPartitions: string[] }> {
  const published = await outcome();
  expect(publicationProblems(published.datasets)).toEqual([]);
  const clean = await cleanRun();
  expect(publicationProblems(clean.datasets)).toEqual([]);
  const { differences, emptiedPartitions } = differencesFromCleanRun(published.datasets, clean.datasets);
  expect(differences, 'published files against a clean run').toEqual([]);
  expect([...published.markers.keys()], 'markers and rejections of the working bucket').toEqual([...clean.markers.keys()]);
  for (const [key, bytes] of clean.rejections) expect(published.rejections.get(key)?.toString('utf8'), key).toBe(bytes.toString('utf8'));
  expect(published.besideUploads, 'objects written to the upload bucket').toEqual([]);
  return { ...published, emptiedPartitions };
}

const article = (n: number): string => generatedArticle(n).text;

/** A seeded shuffle, so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('S3 events delivered late, twice and out of order', () => {
  it('converge on the final state of the upload bucket: the datasets are those of a clean run, byte for byte', async () => {
    const history: Delivery[] = [];
    const record = async (delivery: Promise<Delivery>): Promise<Delivery> => {
      const body = await delivery;
      history.push(body);
      return body;
    };

    // Overwritten: the older put arrives after the newer one, then again.
    const a1 = await record(put('overwritten/a.txt', article(1)));
    const a2 = await record(put('overwritten/a.txt', article(2)));
    await deliver(a2);
    await deliver(a1, a1);

    // Deleted: the delete arrives before its put.
    // (Dated July 2020, a month of its own here: its partition is published, then emptied.)
    const b = await record(put('deleted/b.txt', article(200)));
    await deliver(b);
    await publishNow();
    const bGone = await record(remove('deleted/b.txt'));
    await deliver(bGone);
    await deliver(b);

    // Deleted, then uploaded again with other content: both older events arrive last.
    const c1 = await record(put('again/c.txt', article(4)));
    const cGone = await record(remove('again/c.txt'));
    const c2 = await record(put('again/c.txt', article(5)));
    await deliver(c2, cGone, c1);

    // The same content under two keys, one of them deleted.
    const d1 = await record(put('copies/d1.txt', article(6)));
    const d2 = await record(put('copies/d2.txt', article(6)));
    await deliver(d1, d2);
    const d2Gone = await record(remove('copies/d2.txt'));
    await deliver(d2, d2Gone, d2);

    // A bad file replaced by a good one, and a good one by a bad one (an empty file).
    const e1 = await record(put('fixed/e.json', '{"title": "Visite", "text": "Le ministre",,}'));
    const e2 = await record(put('fixed/e.json', JSON.stringify({ title: 'Visite', published: generatedArticle(7).expected.date, text: article(7).split('\n\n')[1] })));
    const f1 = await record(put('broken/f.txt', article(8)));
    await deliver(f1);
    const f2 = await record(put('broken/f.txt', ''));
    await deliver(e2, e1, f2, f1);

    // Too large by the size its event states, then replaced by a small file.
    const g1 = await record(put('large/g.txt', `${article(9)}\n${'Une phrase sans événement. '.repeat(200)}`));
    const g2 = await record(put('large/g.txt', article(9)));
    await deliver(g2, g1);

    // A, B, A again: the first event's ETag is the object's again.
    const h1 = await record(put('aba/h.txt', article(10)));
    const h2 = await record(put('aba/h.txt', article(11)));
    const h3 = await record(put('aba/h.txt', article(10)));
    await deliver(h2, h1, h3, h2);
    await publishNow();

    // Every event once more, newest first; then once more in a random order, three a message batch.
    for (const body of [...history].reverse()) await deliver(body);
    const again = shuffled(history, 20261130);
    for (let i = 0; i < again.length; i += 3) await deliver(...again.slice(i, i + 3));
    await publishNow();

    const published = await expectSameAsCleanRun();
    const articles = parseCsv(published.datasets.get('articles.csv')?.toString('utf8') ?? '');
    expect(articles.map((a) => a.source_key).sort()).toEqual(['aba/h.txt', 'again/c.txt', 'copies/d1.txt', 'fixed/e.json', 'large/g.txt', 'overwritten/a.txt']);
    const rejected = parseCsv(published.datasets.get('rejected.csv')?.toString('utf8') ?? '');
    expect(rejected.map((r) => [r.source_key, r.reason])).toEqual([['broken/f.txt', 'empty']]);
    // The one difference from a clean run, on purpose: publish cannot delete, so the month
    // the deleted article was alone in keeps a header-only partition, listed in partitions.json.
    expect(published.emptiedPartitions).toEqual(['events/year=2020/month=07/events.csv']);
  });

  it('delivered all at once, in parallel and shuffled, once the bucket has settled, converge too', async () => {
    const history: Delivery[] = [];
    for (let round = 0; round < 3; round++) {
      for (let k = 0; k < 6; k++) {
        const key = `parallel/${k}.txt`;
        // Each key: put, overwrite; every other key deleted at the end of a round.
        history.push(await put(key, article(20 + round * 10 + k)));
        if ((k + round) % 2 === 0) history.push(await remove(key));
      }
    }
    await Promise.all(shuffled([...history, ...history], 7).map((body) => deliver(body)));
    await publishNow();
    await expectSameAsCleanRun();
  });
});

describe('two invocations on one key, their writes interleaved (forced through the proxy)', () => {
  /**
   * Invocation A reads version 1 and writes its markers; before its sources/ marker lands,
   * the object changes and invocation B, for the newer event, removes what version 1
   * contributed (sources/ marker, then by-key/ entry). Then A's marker lands: it names an
   * article the key no longer holds, with no by-key/ entry to find it by. A sees the change
   * (ETag) and makes a second pass, but that pass finds stale articles through by-key/ only.
   */
  async function raceOnKey(sourceKey: string, change: () => Promise<Delivery>): Promise<void> {
    const enc = encodeURIComponent(sourceKey);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const hold = proxy.inject({
      match: (r) => r.bucket === WORK && r.method === 'PUT' && r.key.startsWith('sources/') && r.key.endsWith(`/${enc}`),
      fault: { kind: 'hold', until: released },
      times: 1,
    });
    proxy.onResponse = (exchange) => {
      if (exchange.bucket === WORK && exchange.method === 'DELETE' && exchange.key.startsWith(`by-key/${enc}/`)) release();
    };
    try {
      const v1 = await put(sourceKey, article(40));
      const first = deliver(v1);
      await hold.firstFault; // A has read version 1 and written records/ and by-key/
      const second = await change();
      await deliver(second); // B: removes version 1's markers, which lets A's held PUT through
      await first;
    } finally {
      release();
      proxy.onResponse = undefined;
      hold.remove();
    }
    await publishNow();
  }

  // KNOWN BUG, reported with issue 6: the orphaned sources/ marker keeps the old article
  // published under the key. The fix (RecordStore.putContribution/removeContribution take
  // the ids an earlier pass marked, ingestUpload passes them) is the lead's to land; these
  // two tests then pass, and `.fails` must go.
  it('an overwrite processed while a stale put is half-written leaves only the new article', async () => {
    await raceOnKey('race/overwritten.txt', () => put('race/overwritten.txt', article(41)));
    await expectSameAsCleanRun();
  });

  it('a delete processed while a stale put is half-written leaves nothing of the key', async () => {
    await raceOnKey('race/deleted.txt', () => remove('race/deleted.txt'));
    await expectSameAsCleanRun();
  });
});
