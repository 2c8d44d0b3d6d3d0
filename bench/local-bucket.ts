/**
 * Local bucket latency: the local bucket (cli/local-bucket/, started in this process on a
 * free 127.0.0.1 port with a temporary data folder and its default publish window), then
 * `--uploads` small articles uploaded one after another with @aws-sdk/client-s3; for each,
 * the time from the start of its PutObject until articles.csv of the datasets bucket names
 * it, read at its public URL every 25 ms (a read that stalls is given up after 1 s and
 * counted). Bounded: each upload gives up after 30 s, the whole run after `--deadline`
 * seconds; the bucket is closed and its folder removed in every case.
 *
 *   npx tsx bench/local-bucket.ts [--uploads 100] [--deadline 300] [--json FILE]
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLocalBucket } from '../cli/local-bucket/local-bucket.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../cli/local-bucket/defaults.js';
import { DEFAULT_SEED, generateCorpus } from '../scripts/generate-corpus.js';
import { emit, intFlag, median, parseFlags, quantile } from './common.js';

export interface LocalBucketResult {
  readonly uploads: number;
  readonly published: number;
  readonly timedOut: number;
  readonly stoppedEarly: boolean;
  readonly publishWindowMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Median of the first and of the last tenth: does latency grow with what is published? */
  readonly firstTenthMedianMs: number;
  readonly lastTenthMedianMs: number;
  readonly articleBytesMedian: number;
  readonly deadLetters: number;
  /** Reads of articles.csv that failed or stalled past 1 s for another reason than its absence (polled again). */
  readonly readErrors: number;
  /** How long each of those reads took before it failed. */
  readonly readErrorMs: readonly number[];
  readonly latenciesMs: readonly number[];
}

const POLL_MS = 25;
const READ_TIMEOUT_MS = 1_000;
const PER_UPLOAD_TIMEOUT_MS = 30_000;
/** The local bucket's default (LocalBucketOptions.publishWindowMs), as `npm run dev` runs it. */
const PUBLISH_WINDOW_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Small plain-text articles, each made unique by its key. */
function smallArticles(count: number): string[] {
  const out: string[] = [];
  for (const object of generateCorpus({ count: count * 20, seed: DEFAULT_SEED + 1 })) {
    if (object.format === 'txt' && object.body.length < 2_500) out.push(object.body);
    if (out.length === count) break;
  }
  if (out.length < count) throw new Error(`only ${out.length} small articles generated`);
  return out;
}

export async function benchLocalBucket(uploads: number, deadlineMs: number): Promise<LocalBucketResult> {
  const articles = smallArticles(uploads);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'entente-bench-bucket-'));
  const bucket = await startLocalBucket({ port: 0, host: '127.0.0.1', dataDir, mirrorDir: false, logLevel: 'SILENT', publishWindowMs: PUBLISH_WINDOW_MS });
  const client = new S3Client({ endpoint: bucket.endpoint, forcePathStyle: true, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const run = Date.now().toString(36);
  const latencies: number[] = [];
  let timedOut = 0;
  let stoppedEarly = false;
  let deadLetters = 0;
  let readErrors = 0;
  const readErrorMs: number[] = [];
  try {
    await bucket.idle();
    // As anyone downloads the published file: an anonymous GET of its URL. A read that stalls
    // (s3rver can hold a GET of a file being rewritten for ~6 s, then reset the connection)
    // is given up after 1 s and the poll goes on: what is measured is the pipeline.
    const readArticlesCsv = async (): Promise<string> => {
      const pollStarted = performance.now();
      try {
        const response = await fetch(bucket.datasetUrl('articles.csv'), { signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
        if (response.status === 404) {
          await response.body?.cancel();
          return '';
        }
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return await response.text();
      } catch {
        readErrors++;
        readErrorMs.push(performance.now() - pollStarted);
        return '';
      }
    };
    const deadline = performance.now() + deadlineMs;
    for (const [i, body] of articles.entries()) {
      if (performance.now() > deadline) {
        stoppedEarly = true;
        break;
      }
      const name = `bench-${run}-${String(i).padStart(3, '0')}.txt`;
      const started = performance.now();
      await client.send(new PutObjectCommand({ Bucket: bucket.buckets.upload, Key: `${bucket.incomingPrefix}latency/${name}`, Body: body, ContentType: 'text/plain; charset=utf-8' }));
      let seen = false;
      while (performance.now() - started < PER_UPLOAD_TIMEOUT_MS) {
        if ((await readArticlesCsv()).includes(name)) {
          seen = true;
          break;
        }
        await sleep(POLL_MS);
      }
      if (seen) latencies.push(performance.now() - started);
      else timedOut++;
    }
    await Promise.race([bucket.idle(), sleep(10_000)]);
  } finally {
    deadLetters = Object.values(bucket.deadLetters()).reduce((n, list) => n + list.length, 0);
    client.destroy();
    await bucket.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  const tenth = Math.max(1, Math.floor(latencies.length / 10));
  const sizes = articles.map((a) => Buffer.byteLength(a));
  return {
    uploads,
    published: latencies.length,
    timedOut,
    stoppedEarly,
    publishWindowMs: PUBLISH_WINDOW_MS,
    medianMs: median(latencies),
    p95Ms: quantile(latencies, 0.95),
    minMs: Math.min(...latencies),
    maxMs: Math.max(...latencies),
    firstTenthMedianMs: median(latencies.slice(0, tenth)),
    lastTenthMedianMs: median(latencies.slice(-tenth)),
    articleBytesMedian: median(sizes),
    deadLetters,
    readErrors,
    readErrorMs: readErrorMs.map((ms) => Math.round(ms)),
    latenciesMs: latencies.map((ms) => Math.round(ms)),
  };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const result = await benchLocalBucket(Math.max(1, intFlag(flags, 'uploads', 100)), intFlag(flags, 'deadline', 300) * 1000);
  await emit(flags, result);
  // Nothing should be left running; if a library keeps a handle open, do not wait for it.
  setTimeout(() => process.exit(0), 2_000).unref();
}

await main();
