/**
 * Normalise throughput: bytes of an upload → article records (read, normalise, detect the
 * language, extract, build records), i.e. `processObject` of src/pipeline.ts, the work the
 * normalise function does for each upload minus the S3 round trips.
 *
 * Input: `--articles` generated articles (scripts/generate-corpus.ts) plus every .txt of the
 * dev corpus, read at run time. The timed loop runs the objects one after the other on
 * the main thread; sentences are counted afterwards, outside the timing, with the
 * extractor's own sentence splitter.
 *
 *   npx tsx bench/normalise.ts [--articles 10000] [--seed N] [--dev DIR] [--json FILE]
 * (bench/run.ts runs it pinned to one core.)
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readObject } from '../src/article/read-object.js';
import { compileLocale } from '../src/extract/compiled-locale.js';
import { splitSentences } from '../src/extract/common/sentences.js';
import { localeFor } from '../src/extract/locales/index.js';
import { processObject } from '../src/pipeline.js';
import { DEFAULT_SEED, generateCorpus } from '../scripts/generate-corpus.js';
import { emit, intFlag, parseFlags, stringFlag } from './common.js';

export const DEV_CORPUS = '/work/shared/corpus/dev';

interface Input {
  readonly key: string;
  readonly group: 'generated' | 'dev';
  readonly format: string;
  readonly bytes: Uint8Array;
}

export interface Throughput {
  readonly objects: number;
  readonly articles: number;
  readonly sentences: number;
  readonly bytes: number;
  /** Wall time of the timed loop. */
  readonly seconds: number;
  /** CPU time (user + system) of the process over the same loop: less sensitive to a busy machine. */
  readonly cpuSeconds: number;
  readonly articlesPerSecond: number;
  readonly sentencesPerSecond: number;
  readonly megabytesPerSecond: number;
  readonly sentencesPerCpuSecond: number;
  readonly events: number;
  readonly agreements: number;
  readonly rejections: number;
}

export interface NormaliseResult {
  readonly seed: number;
  readonly generatedArticles: number;
  readonly devCorpus: string | undefined;
  /** First object through the pipeline, before any warm-up: word lists compiled, language model loaded. */
  readonly firstObjectMs: number;
  readonly total: Throughput;
  readonly generated: Throughput;
  readonly dev: Throughput | undefined;
  readonly byFormat: Record<string, Throughput>;
  /** Slowest objects, to see whether a few dominate. */
  readonly slowest: readonly { key: string; ms: number; bytes: number }[];
  readonly peakRssMiB: number;
}

interface Tally {
  objects: number;
  articles: number;
  sentences: number;
  bytes: number;
  ms: number;
  cpuUs: number;
  events: number;
  agreements: number;
  rejections: number;
}

const emptyTally = (): Tally => ({ objects: 0, articles: 0, sentences: 0, bytes: 0, ms: 0, cpuUs: 0, events: 0, agreements: 0, rejections: 0 });

function throughput(t: Tally): Throughput {
  const seconds = t.ms / 1000;
  return {
    objects: t.objects,
    articles: t.articles,
    sentences: t.sentences,
    bytes: t.bytes,
    seconds,
    cpuSeconds: t.cpuUs / 1e6,
    articlesPerSecond: t.articles / seconds,
    sentencesPerSecond: t.sentences / seconds,
    megabytesPerSecond: t.bytes / 1e6 / seconds,
    sentencesPerCpuSecond: t.sentences / (t.cpuUs / 1e6),
    events: t.events,
    agreements: t.agreements,
    rejections: t.rejections,
  };
}

async function loadDevCorpus(dir: string): Promise<Input[]> {
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(names.map(async (name) => ({ key: `dev/${name}`, group: 'dev' as const, format: 'txt', bytes: new Uint8Array(await readFile(path.join(dir, name))) })));
}

/** Sentences as the extractor splits them; articles in a language it does not read count none. */
async function countSentences(input: Input): Promise<number> {
  let n = 0;
  for (const article of (await readObject(input.key, input.bytes)).articles) {
    const locale = localeFor(article.language);
    if (locale) n += splitSentences(article.text, locale.code, compileLocale(locale).abbreviations).length;
  }
  return n;
}

export async function benchNormalise(options: { articles: number; seed: number; devDir: string | undefined }): Promise<NormaliseResult> {
  const encoder = new TextEncoder();
  const inputs: Input[] = [];
  for (const object of generateCorpus({ count: options.articles, seed: options.seed })) {
    inputs.push({ key: object.key, group: 'generated', format: object.format, bytes: encoder.encode(object.body) });
  }
  const dev = options.devDir === undefined ? [] : await loadDevCorpus(options.devDir);
  inputs.push(...dev);

  // Cold: the first object pays for compiling the word lists (and for importing the HTML reader or eld's model, when it needs them).
  const first = inputs[0];
  if (first === undefined) throw new Error('nothing to normalise');
  let t = performance.now();
  await processObject(first.key, first.bytes);
  const firstObjectMs = performance.now() - t;
  // Warm-up: a few objects of every format, so the timed loop measures steady state.
  const seen = new Map<string, number>();
  for (const input of inputs) {
    const n = seen.get(input.format) ?? 0;
    if (n >= 20) continue;
    seen.set(input.format, n + 1);
    await processObject(input.key, input.bytes);
  }

  const tallies = { total: emptyTally(), generated: emptyTally(), dev: emptyTally() };
  const byFormat = new Map<string, Tally>();
  const times = new Float64Array(inputs.length);
  for (const [i, input] of inputs.entries()) {
    const cpu = process.cpuUsage();
    t = performance.now();
    const outcome = await processObject(input.key, input.bytes);
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const cpuUs = used.user + used.system;
    times[i] = ms;
    let format = byFormat.get(input.format);
    if (!format) byFormat.set(input.format, (format = emptyTally()));
    for (const tally of [tallies.total, tallies[input.group], format]) {
      tally.objects++;
      tally.articles += outcome.records.length;
      tally.bytes += input.bytes.byteLength;
      tally.ms += ms;
      tally.cpuUs += cpuUs;
      tally.rejections += outcome.rejections.length;
      for (const records of outcome.records) {
        tally.events += records.events.length;
        tally.agreements += records.agreements.length;
      }
    }
  }

  // Untimed: sentences per object.
  for (const input of inputs) {
    const n = await countSentences(input);
    tallies.total.sentences += n;
    tallies[input.group].sentences += n;
    (byFormat.get(input.format) as Tally).sentences += n;
  }

  const slowest = [...times.keys()]
    .sort((a, b) => (times[b] as number) - (times[a] as number))
    .slice(0, 5)
    .map((i) => ({ key: (inputs[i] as Input).key, ms: times[i] as number, bytes: (inputs[i] as Input).bytes.byteLength }));

  return {
    seed: options.seed,
    generatedArticles: options.articles,
    devCorpus: dev.length > 0 ? options.devDir : undefined,
    firstObjectMs,
    total: throughput(tallies.total),
    generated: throughput(tallies.generated),
    dev: dev.length > 0 ? throughput(tallies.dev) : undefined,
    byFormat: Object.fromEntries([...byFormat].sort().map(([k, v]) => [k, throughput(v)])),
    slowest,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const result = await benchNormalise({
    articles: intFlag(flags, 'articles', 10_000),
    seed: intFlag(flags, 'seed', DEFAULT_SEED),
    devDir: flags.get('no-dev') ? undefined : (stringFlag(flags, 'dev') ?? DEV_CORPUS),
  });
  await emit(flags, result);
}

await main();
