/**
 * `npm run bench [-- --quick]`: every benchmark, each in a fresh child process, then a
 * table on stdout and bench/results.json. Profiles and esbuild metafiles go to bench/.out/.
 *
 *   normalise     processObject over ≥ 10,000 generated articles + the dev corpus, one core
 *   profile       the same on a smaller corpus under `node --cpu-prof`: top self time
 *   dates         findDateMentions alone
 *   publish       publish() of 1k, 10k, 100k, 1M synthetic events into a FsStorage;
 *                 stops at the first size that fails or passes the time limit
 *   bundles       the two Lambda bundles: size, composition, cold initialisation
 *   local-bucket  upload → articles.csv latency on the local bucket
 *
 * --quick: a smaller corpus, sizes up to 100k, fewer runs and uploads (a minute or two).
 * --only a,b: just those parts.
 * Only a full run of every part writes bench/results.json (committed); --quick and --only
 * write bench/.out/results-quick.json or results-partial.json instead.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BundlesResult } from './bundles.js';
import { BENCH_DIR, fmt, fmtInt, machine, nodeWithTsx, OUT_DIR, oneCorePrefix, parseFlags, runChild, stringFlag } from './common.js';
import type { DatesResult } from './dates.js';
import type { LocalBucketResult } from './local-bucket.js';
import type { NormaliseResult } from './normalise.js';
import type { ProfileSummary } from './profile.js';
import { summariseProfile } from './profile.js';
import type { PublishFailure, PublishResult } from './publish.js';

const PARTS = ['normalise', 'profile', 'dates', 'publish', 'bundles', 'local-bucket'] as const;
type Part = (typeof PARTS)[number];

const TARGETS = {
  sentencesPerSecond: 20_000,
  publishEvents: 1_000_000,
  publishSeconds: 30,
  publishRssMiB: 512,
  bundleBytes: 1_000_000,
  initAboveEmptyMs: 100,
};

interface Config {
  readonly articles: number;
  readonly profileArticles: number;
  readonly dateSentences: number;
  readonly publishSizes: readonly number[];
  readonly publishTimeoutMs: number;
  /**
   * Heap ceiling of a publish child: about what a 512 MB Lambda leaves the JavaScript heap.
   * The publication streams, so it must fit; without a ceiling V8 lets garbage pile up far
   * beyond the live set, and the peak RSS would measure the collector's laziness.
   */
  readonly publishHeapMiB: number;
  /**
   * Runs of the target size (1M), each in a fresh process: the time checked against the
   * target is their median, the memory their largest. A single run on the shared machine
   * varies by a tenth either way (docs/PERFORMANCE.md).
   */
  readonly publishTargetRuns: number;
  readonly bundleRuns: number;
  readonly uploads: number;
  readonly uploadDeadlineS: number;
}

const FULL: Config = {
  articles: 10_000,
  profileArticles: 2_000,
  dateSentences: 10_000,
  publishSizes: [1_000, 10_000, 100_000, 1_000_000],
  publishTimeoutMs: 10 * 60_000,
  publishHeapMiB: 384,
  publishTargetRuns: 3,
  bundleRuns: 10,
  uploads: 100,
  uploadDeadlineS: 240,
};

const QUICK: Config = {
  articles: 1_000,
  profileArticles: 300,
  dateSentences: 10_000,
  publishSizes: [1_000, 10_000, 100_000],
  publishTimeoutMs: 2 * 60_000,
  publishHeapMiB: 384,
  publishTargetRuns: 1,
  bundleRuns: 5,
  uploads: 20,
  uploadDeadlineS: 60,
};

interface PublishRow {
  readonly events: number;
  /** The run of median time, when the size ran several times (see `runs`). */
  readonly result?: PublishResult;
  /** Every run of the size, in the order they ran (more than one for the target size). */
  readonly runs?: readonly { readonly seconds: number; readonly peakRssMiB: number; readonly phases: Readonly<Record<string, number>> }[];
  readonly failure?: string;
  readonly seconds?: number;
  readonly peakRssMiB?: number;
}

interface Results {
  generatedAt: string;
  mode: 'full' | 'quick';
  machine: ReturnType<typeof machine> & { loadAverageAfter?: number[] };
  config: Config;
  durationSeconds?: number;
  normalise?: NormaliseResult & { pinnedToOneCore: boolean };
  profile?: ProfileSummary & { articles: number };
  dates?: DatesResult;
  publish?: { rows: PublishRow[]; stoppedBecause?: string; largestThatWorks?: number };
  bundles?: BundlesResult;
  localBucket?: LocalBucketResult;
  targets?: { name: string; target: string; actual: string; met: boolean | undefined }[];
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function readJson<T>(file: string): Promise<T | undefined> {
  if (!existsSync(file)) return undefined;
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** The last error line a dead child printed. */
function why(stderr: string, fallback: string): string {
  const lines = stderr.split('\n').map((l) => l.trim());
  const fatal = lines.find((l) => /FATAL ERROR|out of memory/i.test(l));
  if (fatal) return fatal;
  const error = [...lines].reverse().find((l) => /^(\w*Error|Error)\b/.test(l));
  return error ?? fallback;
}

async function child(name: string, script: string, args: readonly string[], options: { oneCore?: string[]; nodeFlags?: string[]; timeoutMs: number }) {
  const json = path.join(OUT_DIR, `${name}.json`);
  await rm(json, { force: true });
  const [command, ...rest] = [...(options.oneCore ?? []), ...nodeWithTsx(options.nodeFlags ?? []), path.join(BENCH_DIR, script), ...args, '--json', json];
  const outcome = await runChild(command as string, rest, { timeoutMs: options.timeoutMs });
  return { outcome, json };
}

async function runNormalise(config: Config, oneCore: string[]): Promise<Results['normalise']> {
  log(`normalise: ${fmtInt(config.articles)} generated articles + the dev corpus, ${oneCore.length ? 'pinned to one core' : 'one thread (taskset not found)'}…`);
  const { outcome, json } = await child('normalise', 'normalise.ts', ['--articles', String(config.articles)], { oneCore, timeoutMs: 8 * 60_000 });
  const result = await readJson<NormaliseResult>(json);
  if (!result || outcome.code !== 0) throw new Error(`normalise failed: ${why(outcome.stderr, `exit ${outcome.code}`)}`);
  return { ...result, pinnedToOneCore: oneCore.length > 0 };
}

async function runProfile(config: Config, oneCore: string[]): Promise<Results['profile']> {
  const dir = path.join(OUT_DIR, 'profile');
  await rm(dir, { recursive: true, force: true });
  log(`profile: node --cpu-prof over ${fmtInt(config.profileArticles)} generated articles + the dev corpus…`);
  const { outcome } = await child('profile-run', 'normalise.ts', ['--articles', String(config.profileArticles)], {
    oneCore,
    nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    timeoutMs: 5 * 60_000,
  });
  if (outcome.code !== 0) throw new Error(`profile run failed: ${why(outcome.stderr, `exit ${outcome.code}`)}`);
  // One profile per thread (tsx's loader has its own): keep the one that ran the pipeline.
  let best: ProfileSummary | undefined;
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.cpuprofile')) continue;
    const summary = await summariseProfile(path.join(dir, name), { within: 'processObject', top: 15 });
    if (!best || summary.totalMs > best.totalMs) best = summary;
  }
  if (!best) throw new Error('no .cpuprofile written');
  return { ...best, articles: config.profileArticles };
}

async function runDates(config: Config, oneCore: string[]): Promise<DatesResult> {
  log(`dates: findDateMentions over ${fmtInt(config.dateSentences)} sentences…`);
  const { outcome, json } = await child('dates', 'dates.ts', ['--sentences', String(config.dateSentences)], { oneCore, timeoutMs: 2 * 60_000 });
  const result = await readJson<DatesResult>(json);
  if (!result || outcome.code !== 0) throw new Error(`dates failed: ${why(outcome.stderr, `exit ${outcome.code}`)}`);
  return result;
}

async function runPublish(config: Config): Promise<Results['publish']> {
  const rows: PublishRow[] = [];
  let stoppedBecause: string | undefined;
  for (const events of config.publishSizes) {
    // Cost should grow linearly: a size projected past twice the limit is not started.
    const last = rows.at(-1)?.result;
    const projected = last ? (last.seconds * events) / last.events : 0;
    if (projected > (2 * config.publishTimeoutMs) / 1000) {
      stoppedBecause = `${fmtInt(events)} events: not run, ${fmtInt(projected)} s projected linearly from ${fmtInt(last?.events ?? 0)} events, over twice the ${config.publishTimeoutMs / 60_000} min limit`;
      rows.push({ events, failure: stoppedBecause });
      log(`publish: stopping: ${stoppedBecause}`);
      break;
    }
    const repeats = events === TARGETS.publishEvents ? config.publishTargetRuns : 1;
    const done: PublishResult[] = [];
    let outcome: Awaited<ReturnType<typeof child>>['outcome'] | undefined;
    let written: PublishResult | PublishFailure | undefined;
    for (let run = 1; run <= repeats; run++) {
      log(`publish: ${fmtInt(events)} events in a fresh process${repeats > 1 ? `, run ${run} of ${repeats}` : ''} (limit ${config.publishTimeoutMs / 60_000} min${projected ? `, ~${fmtInt(projected)} s projected` : ''})…`);
      // The folder is made here so that it is removed even when the child is killed.
      const dir = await mkdtemp(path.join(os.tmpdir(), 'entente-bench-publish-'));
      const ran = await child(`publish-${events}`, 'publish.ts', ['--events', String(events), '--dir', dir], {
        nodeFlags: [`--max-old-space-size=${config.publishHeapMiB}`],
        timeoutMs: config.publishTimeoutMs,
      }).finally(() => rm(dir, { recursive: true, force: true }));
      outcome = ran.outcome;
      written = await readJson<PublishResult | PublishFailure>(ran.json);
      if (outcome.code !== 0 || !written || 'error' in written) break;
      done.push(written);
    }
    if (done.length === repeats && outcome !== undefined) {
      const median = [...done].sort((a, b) => a.seconds - b.seconds)[Math.floor((done.length - 1) / 2)] as PublishResult;
      rows.push({ events, result: median, runs: done.map((d) => ({ seconds: d.seconds, peakRssMiB: d.peakRssMiB, phases: d.phases })) });
      continue;
    }
    if (outcome === undefined) break;
    if (outcome.timedOut) stoppedBecause = `${fmtInt(events)} events: stopped after ${config.publishTimeoutMs / 60_000} min without finishing`;
    else if (written && 'error' in written) {
      stoppedBecause = `${fmtInt(events)} events: ${written.error.split(' (')[0]} after ${fmt(written.seconds)} s, peak RSS ${fmtInt(written.peakRssMiB)} MiB`;
    } else stoppedBecause = `${fmtInt(events)} events: the process died (${outcome.signal ?? `exit ${outcome.code}`}) after ${fmt(outcome.seconds)} s: ${why(outcome.stderr, 'no error printed')}`;
    const peak = written && 'error' in written ? written.peakRssMiB : outcome.peakRssMiB;
    if (outcome.timedOut && peak !== undefined) stoppedBecause += `, peak RSS ${fmtInt(peak)} MiB by then`;
    rows.push({
      events,
      failure: written && 'error' in written ? written.error : why(outcome.stderr, outcome.timedOut ? 'timed out' : `exit ${outcome.code}`),
      seconds: written && 'error' in written ? written.seconds : outcome.seconds,
      ...(peak !== undefined ? { peakRssMiB: peak } : {}),
    });
    log(`publish: stopping: ${stoppedBecause}`);
    break;
  }
  const largest = rows.filter((r) => r.result).at(-1)?.events;
  return { rows, ...(stoppedBecause ? { stoppedBecause } : {}), ...(largest !== undefined ? { largestThatWorks: largest } : {}) };
}

async function runBundles(config: Config): Promise<BundlesResult> {
  log(`bundles: esbuild with the stack's options, then ${config.bundleRuns} cold starts each…`);
  const { outcome, json } = await child('bundles', 'bundles.ts', ['--runs', String(config.bundleRuns)], { timeoutMs: 5 * 60_000 });
  const result = await readJson<BundlesResult>(json);
  if (!result || outcome.code !== 0) throw new Error(`bundles failed: ${why(outcome.stderr, `exit ${outcome.code}`)}`);
  return result;
}

async function runLocalBucket(config: Config): Promise<LocalBucketResult> {
  log(`local bucket: ${config.uploads} uploads, one after another…`);
  const { outcome, json } = await child('local-bucket', 'local-bucket.ts', ['--uploads', String(config.uploads), '--deadline', String(config.uploadDeadlineS)], {
    timeoutMs: (config.uploadDeadlineS + 90) * 1000,
  });
  const result = await readJson<LocalBucketResult>(json);
  if (!result || outcome.code !== 0) throw new Error(`local bucket failed: ${why(outcome.stderr, outcome.timedOut ? 'timed out' : `exit ${outcome.code}`)}`);
  return result;
}

// ---------------------------------------------------------------------------------------
// Report.

const mark = (met: boolean | undefined) => (met === undefined ? '–' : met ? '✓' : '✗');

function targets(r: Results): NonNullable<Results['targets']> {
  const out: NonNullable<Results['targets']> = [];
  if (r.normalise) {
    const s = r.normalise.total.sentencesPerSecond;
    out.push({
      name: 'normalise sentences/s (one core)',
      target: `≥ ${fmtInt(TARGETS.sentencesPerSecond)}`,
      actual: `${fmtInt(s)} (${fmtInt(r.normalise.total.sentencesPerCpuSecond)} per CPU-s)`,
      met: s >= TARGETS.sentencesPerSecond,
    });
  }
  if (r.publish) {
    const row = r.publish.rows.find((x) => x.events === TARGETS.publishEvents);
    const ok = row?.result;
    out.push({
      name: 'publish 1M events: time',
      target: `≤ ${TARGETS.publishSeconds} s`,
      actual: ok
        ? `${fmt(ok.seconds)} s${row?.runs !== undefined && row.runs.length > 1 ? ` (median of ${row.runs.map((x) => fmt(x.seconds)).join(', ')})` : ''}`
        : row
          ? row.seconds === undefined
            ? 'not run (projected over the limit)'
            : `did not finish: stopped after ${fmt(row.seconds)} s`
          : 'not run',
      met: ok ? ok.seconds <= TARGETS.publishSeconds : row ? false : undefined,
    });
    const peak = ok === undefined ? undefined : Math.max(ok.peakRssMiB, ...(row?.runs ?? []).map((x) => x.peakRssMiB));
    out.push({
      name: 'publish 1M events: peak RSS',
      target: `≤ ${TARGETS.publishRssMiB} MiB`,
      actual: peak !== undefined ? `${fmtInt(peak)} MiB${row?.runs !== undefined && row.runs.length > 1 ? ' (largest of the runs)' : ''}` : row ? (row.peakRssMiB !== undefined ? `${fmtInt(row.peakRssMiB)} MiB when it stopped` : 'not measured') : 'not run',
      met: peak !== undefined ? peak <= TARGETS.publishRssMiB : row ? false : undefined,
    });
  }
  for (const b of r.bundles?.bundles ?? []) {
    out.push({ name: `${b.name} bundle size`, target: `≤ ${fmtInt(TARGETS.bundleBytes)} B`, actual: `${fmtInt(b.bytes)} B`, met: b.bytes <= TARGETS.bundleBytes });
    out.push({
      name: `${b.name} cold init above empty node`,
      target: `≤ ${TARGETS.initAboveEmptyMs} ms`,
      actual: `${fmtInt(b.initAboveEmptyMs)} ms (×${fmt(b.ratioToEmpty)})`,
      met: b.initAboveEmptyMs <= TARGETS.initAboveEmptyMs,
    });
  }
  return out;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function report(r: Results): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`Entente benchmarks (${r.mode}) — ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, load average before ${m.loadAverage.join(' ')}`);
  if (r.normalise) {
    const n = r.normalise;
    const row = (name: string, t: NormaliseResult['total']) => [
      name,
      fmtInt(t.articles),
      fmtInt(t.sentences),
      fmt(t.bytes / 1e6, 2),
      fmt(t.seconds, 2),
      fmt(t.cpuSeconds, 2),
      fmtInt(t.articlesPerSecond),
      fmtInt(t.sentencesPerSecond),
      fmt(t.megabytesPerSecond, 2),
      fmtInt(t.sentencesPerCpuSecond),
    ];
    out.push('', `Normalise throughput (processObject, ${n.pinnedToOneCore ? 'one core' : 'one thread'}; first object ${fmtInt(n.firstObjectMs)} ms, peak RSS ${fmtInt(n.peakRssMiB)} MiB)`);
    out.push(
      table(
        ['corpus', 'articles', 'sentences', 'MB', 'wall s', 'CPU s', 'articles/s', 'sentences/s', 'MB/s', 'sentences/CPU-s'],
        [
          row('all', n.total),
          row('generated', n.generated),
          ...(n.dev ? [row('dev corpus', n.dev)] : []),
          ...Object.entries(n.byFormat).map(([f, t]) => row(`  .${f}`, t)),
        ],
      ),
    );
  }
  if (r.dates) {
    const d = r.dates;
    out.push('', `findDateMentions alone: ${fmtInt(d.sentencesPerSecond)} sentences/s (${fmtInt(d.sentences / d.cpuSeconds)} per CPU-s), ${fmtInt(d.mentionsPerSecond)} mentions/s over ${fmtInt(d.sentences)} sentences`);
  }
  if (r.profile) {
    const p = r.profile;
    out.push('', `Hotspots (self time inside processObject, ${fmtInt(p.totalMs)} ms sampled over ${fmtInt(p.articles)} articles; GC ${fmtInt(p.engine['(garbage collector)'] ?? 0)} ms)`);
    out.push(table(['function', 'where', 'self ms', '%'], p.functions.slice(0, 12).map((f) => [f.function, f.location, fmt(f.selfMs), fmt(f.selfPercent)])));
    out.push(`  by file: ${p.files.slice(0, 8).map((f) => `${f.file.replace(/^node_modules\//, '')} ${fmt(f.selfPercent)}%`).join(', ')}`);
  }
  if (r.publish) {
    out.push('', 'Publish (fresh process per size, FsStorage in a temporary folder)');
    out.push(
      table(
        ['event reports', 'articles', 'fused events', 'wall s', 'CPU s', 'µs/report', 'peak RSS MiB', 'baseline MiB', 'files', 'output MB'],
        r.publish.rows.map((row) =>
          row.result
            ? [
                fmtInt(row.events),
                fmtInt(row.result.articles),
                fmtInt(row.result.publishedEvents),
                fmt(row.result.seconds, 2),
                fmt(row.result.cpuSeconds, 2),
                fmt((row.result.seconds / row.events) * 1e6),
                fmtInt(row.result.peakRssMiB),
                fmtInt(row.result.baselineRssMiB),
                fmtInt(row.result.files),
                fmt(row.result.outputBytes / 1e6),
              ]
            : [fmtInt(row.events), '', '', row.seconds === undefined ? '✗ not run' : `✗ ${fmt(row.seconds, 1)}`, '', '', row.peakRssMiB !== undefined ? fmtInt(row.peakRssMiB) : '', '', '', ''],
        ),
      ),
    );
    const phased = r.publish.rows.filter((row) => row.result?.phases !== undefined);
    if (phased.length > 0) {
      const phases = [...new Set(phased.flatMap((row) => Object.keys(row.result?.phases ?? {})))];
      out.push('  seconds by step (src/datasets/write-datasets.ts):');
      out.push(table(['event reports', ...phases], phased.map((row) => [fmtInt(row.events), ...phases.map((p) => fmt(row.result?.phases[p] ?? 0, 2))])));
    }
    for (const row of r.publish.rows) {
      if (row.runs === undefined || row.runs.length < 2) continue;
      out.push(`  ${fmtInt(row.events)} reports, ${row.runs.length} runs (the median above): ${row.runs.map((x) => `${fmt(x.seconds, 2)} s, ${fmtInt(x.peakRssMiB)} MiB`).join('; ')}`);
      const phases = Object.keys(row.runs[0]?.phases ?? {});
      out.push(table(['run', ...phases], row.runs.map((x, i) => [String(i + 1), ...phases.map((p) => fmt(x.phases[p] ?? 0, 2))])));
    }
    if (r.publish.stoppedBecause) out.push(`Stopped at ${r.publish.stoppedBecause}; largest size that works: ${r.publish.largestThatWorks !== undefined ? fmtInt(r.publish.largestThatWorks) : 'none'} events.`);
  }
  if (r.bundles) {
    out.push('', `Lambda bundles (esbuild ${r.bundles.esbuildVersion}, the stack's options; cold init = median of ${r.bundles.bundles[0]?.runs ?? 0} fresh processes)`);
    out.push(
      table(
        ['bundle', 'bytes', 'gzip', 'node ms', 'empty node ms', 'above empty ms', 'ratio', 'import ms', 'CPU ms above empty'],
        r.bundles.bundles.map((b) => [b.name, fmtInt(b.bytes), fmtInt(b.gzipBytes), fmtInt(b.processMs), fmtInt(b.emptyNodeMs), fmtInt(b.initAboveEmptyMs), `×${fmt(b.ratioToEmpty)}`, fmtInt(b.importMs), fmtInt(b.initCpuAboveEmptyMs)]),
      ),
    );
    for (const b of r.bundles.bundles) {
      out.push(`  ${b.name}: ${b.byGroup.map((g) => `${g.name} ${fmt(g.bytes / 1000, 0)} kB (${fmt(g.percent)}%)`).join('; ')}`);
      out.push(`    largest inputs: ${b.byFile.slice(0, 4).map((f) => `${f.file.replace(/^.*node_modules\//, '')} ${fmt(f.bytes / 1000, 0)} kB`).join(', ')}`);
    }
  }
  if (r.localBucket) {
    const l = r.localBucket;
    out.push(
      '',
      `Local bucket: upload → articles.csv, ${l.published}/${l.uploads} uploads (publish window ${l.publishWindowMs} ms): median ${fmtInt(l.medianMs)} ms, p95 ${fmtInt(l.p95Ms)} ms, ` +
        `min ${fmtInt(l.minMs)}, max ${fmtInt(l.maxMs)}; first tenth ${fmtInt(l.firstTenthMedianMs)} ms, last tenth ${fmtInt(l.lastTenthMedianMs)} ms` +
        `${l.timedOut ? `; ${l.timedOut} never appeared` : ''}${l.stoppedEarly ? '; stopped at the deadline' : ''}${l.deadLetters ? `; ${l.deadLetters} dead letters` : ''}`,
    );
  }
  if (r.targets?.length) {
    out.push('', 'Targets');
    out.push(table(['', 'target', 'actual', ''], r.targets.map((t) => [t.name, t.target, t.actual, mark(t.met)])));
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const quick = flags.get('quick') === true;
  const only = stringFlag(flags, 'only')?.split(',') ?? [...PARTS];
  for (const part of only) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--only: unknown part "${part}" (${PARTS.join(', ')})`);
  const wanted = (part: Part) => only.includes(part);
  const config = quick ? QUICK : FULL;
  await mkdir(OUT_DIR, { recursive: true });
  const started = performance.now();
  const results: Results = { generatedAt: new Date().toISOString(), mode: quick ? 'quick' : 'full', machine: machine(), config };
  const oneCore = await oneCorePrefix();
  const failures: string[] = [];
  const attempt = async (part: Part, run: () => Promise<void>) => {
    if (!wanted(part)) return;
    try {
      await run();
    } catch (error) {
      failures.push(`${part}: ${error instanceof Error ? error.message : String(error)}`);
      log(`${part}: FAILED: ${failures.at(-1)}`);
    }
  };
  // Heaviest CPU measurements first, each alone on the machine as far as this run goes.
  await attempt('normalise', async () => void (results.normalise = await runNormalise(config, oneCore)));
  await attempt('dates', async () => void (results.dates = await runDates(config, oneCore)));
  await attempt('profile', async () => void (results.profile = await runProfile(config, oneCore)));
  await attempt('bundles', async () => void (results.bundles = await runBundles(config)));
  await attempt('local-bucket', async () => void (results.localBucket = await runLocalBucket(config)));
  // Last, as the largest size may run until its time limit.
  await attempt('publish', async () => void (results.publish = await runPublish(config)));
  results.targets = targets(results);
  results.durationSeconds = Math.round((performance.now() - started) / 100) / 10;
  results.machine.loadAverageAfter = machine().loadAverage;

  // Only a full run of every part replaces the committed figures.
  const complete = !quick && only.length === PARTS.length;
  const file = complete ? path.join(BENCH_DIR, 'results.json') : path.join(OUT_DIR, `results-${quick ? 'quick' : 'partial'}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(report(results));
  console.log(`\n${results.durationSeconds} s in all; ${path.relative(process.cwd(), file)} written; profiles and metafiles under ${path.relative(process.cwd(), OUT_DIR)}/`);
  if (failures.length) {
    console.log(`\nParts that could not run:\n${failures.map((f) => `  ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
