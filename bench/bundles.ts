/**
 * The Lambda bundles: built with the local esbuild from the very options the stack gives
 * NodejsFunction (infra/constructs/defaults.ts: bundlingDefaults() and each function's
 * entry), into a temporary folder; then
 *   - size of index.mjs (minified, what Lambda loads) and of its gzip (about what is uploaded);
 *   - cold initialisation: wall time of a fresh `node index.mjs` (module loaded and evaluated,
 *     no handler call) against a fresh `node -e ''`, the two interleaved, median of the runs;
 *     and the import alone, timed inside a fresh process;
 *   - composition, from esbuild's metafile: bytes in the output by package and by file.
 *
 *   npx tsx bench/bundles.ts [--runs 10] [--json FILE]
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BuildOptions, Metafile } from 'esbuild';
import { build } from 'esbuild';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { bundlingDefaults, datasetPublisherDefaults, normaliseFunctionDefaults, REPO_ROOT } from '../infra/constructs/defaults.js';
import { emit, intFlag, median, OUT_DIR, parseFlags, quantile } from './common.js';

export interface BundleResult {
  readonly name: string;
  readonly entry: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly sourceMapBytes: number;
  readonly runs: number;
  /** Median wall time of `node index.mjs`. */
  readonly processMs: number;
  /** Median wall time of `node -e ''`, measured alongside. */
  readonly emptyNodeMs: number;
  readonly initAboveEmptyMs: number;
  readonly ratioToEmpty: number;
  /** Median time of `await import(bundle)` inside a fresh process. */
  readonly importMs: number;
  readonly importP95Ms: number;
  /** Median CPU time of a fresh process that imports the bundle, start-up included. */
  readonly cpuMs: number;
  readonly emptyNodeCpuMs: number;
  /** The CPU-time view of initAboveEmptyMs: what a busy machine changes least. */
  readonly initCpuAboveEmptyMs: number;
  /** Packages rolled up by what they are there for. */
  readonly byGroup: readonly { readonly name: string; readonly bytes: number; readonly percent: number }[];
  readonly byPackage: readonly { readonly name: string; readonly bytes: number; readonly percent: number }[];
  readonly byFile: readonly { readonly file: string; readonly bytes: number; readonly percent: number }[];
}

export interface BundlesResult {
  readonly esbuildVersion: string;
  readonly options: Record<string, unknown>;
  readonly bundles: readonly BundleResult[];
}

/**
 * What NodejsFunction's esbuild command line says, as build options: `--bundle
 * --platform=node --target --format --outfile=index.mjs --minify --sourcemap
 * --sources-content --external (none when the AWS SDK is bundled) --main-fields --banner:js
 * --charset --log-level`, run from the project root.
 */
export function esbuildOptions(bundling: BundlingOptions, entry: string, outdir: string): BuildOptions {
  const format = bundling.format === undefined ? 'cjs' : (String(bundling.format) as 'esm' | 'cjs');
  const sourcemap = bundling.sourceMap
    ? bundling.sourceMapMode === undefined || bundling.sourceMapMode === SourceMapMode.DEFAULT
      ? true
      : (String(bundling.sourceMapMode) as 'linked' | 'external' | 'inline' | 'both')
    : false;
  const external = bundling.externalModules ?? (bundling.bundleAwsSDK ? [] : ['@aws-sdk/*']);
  return {
    absWorkingDir: REPO_ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: bundling.target,
    format,
    outfile: path.join(outdir, format === 'esm' ? 'index.mjs' : 'index.js'),
    minify: bundling.minify ?? false,
    sourcemap,
    sourcesContent: bundling.sourcesContent ?? true,
    external: [...external, ...(bundling.nodeModules ?? [])],
    mainFields: bundling.mainFields ? [...bundling.mainFields] : undefined,
    banner: bundling.banner ? { js: bundling.banner } : undefined,
    footer: bundling.footer ? { js: bundling.footer } : undefined,
    charset: bundling.charset === undefined ? undefined : (String(bundling.charset) as 'utf8' | 'ascii'),
    logLevel: bundling.logLevel === undefined ? 'warning' : (String(bundling.logLevel) as 'warning'),
    keepNames: bundling.keepNames,
    define: bundling.define,
    loader: bundling.loader as BuildOptions['loader'],
    metafile: true,
  };
}

/** "node_modules/@aws-sdk/client-s3/dist-es/x.js" → "@aws-sdk/client-s3"; first-party files by folder. */
function packageOf(input: string): string {
  const i = input.lastIndexOf('node_modules/');
  if (i >= 0) {
    const parts = input.slice(i + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? input);
  }
  const parts = input.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}/` : `${parts[0]}/`;
}

/** What each package is there for, to read the composition at a glance. */
const GROUPS: readonly { readonly name: string; readonly test: (pkg: string) => boolean }[] = [
  { name: 'language detection (eld n-gram table)', test: (p) => p === 'eld' },
  {
    name: 'HTML reading (linkedom, cssomnom, htmlparser2, entities, readability…)',
    test: (p) =>
      ['linkedom', 'cssomnom', 'htmlparser2', 'entities', 'domutils', 'dom-serializer', 'domhandler', 'domelementtype', 'css-select', 'css-what', 'nth-check', 'boolbase', 'uhyphen', 'html-escaper', '@mozilla/readability'].includes(p),
  },
  { name: 'AWS SDK (@aws-sdk, @smithy, bundled on purpose)', test: (p) => p.startsWith('@aws-sdk/') || p.startsWith('@smithy/') || p.startsWith('@aws/') || p === 'fast-xml-parser' || p === 'strnum' || p === 'tslib' },
  { name: 'date parsing (chrono-node)', test: (p) => p === 'chrono-node' },
  { name: 'Powertools logger', test: (p) => p.startsWith('@aws-lambda-powertools/') },
  { name: 'project code (src/, functions/)', test: (p) => p.startsWith('src/') || p.startsWith('functions/') },
];

function composition(metafile: Metafile, output: string, bytes: number) {
  const out = metafile.outputs[output];
  if (!out) throw new Error(`metafile has no output ${output}`);
  const byPackage = new Map<string, number>();
  const byFile: { file: string; bytes: number }[] = [];
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
    byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
    byFile.push({ file: input, bytes: bytesInOutput });
  }
  const percent = (n: number) => Math.round((n / bytes) * 1000) / 10;
  const byGroup = new Map<string, number>();
  for (const [pkg, n] of byPackage) {
    const group = GROUPS.find((g) => g.test(pkg))?.name ?? 'other';
    byGroup.set(group, (byGroup.get(group) ?? 0) + n);
  }
  return {
    byGroup: [...byGroup].sort((a, b) => b[1] - a[1]).map(([name, n]) => ({ name, bytes: n, percent: percent(n) })),
    byPackage: [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([name, n]) => ({ name, bytes: n, percent: percent(n) })),
    byFile: byFile
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 12)
      .map((f) => ({ ...f, percent: percent(f.bytes) })),
  };
}

/** The environment the stack gives the functions (values are placeholders: nothing is called). */
const LAMBDA_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  AWS_REGION: 'eu-west-1',
  UPLOAD_BUCKET: 'entente-uploads',
  WORK_BUCKET: 'entente-work',
  DATASETS_BUCKET: 'entente-datasets',
  POWERTOOLS_LOG_LEVEL: 'INFO',
};

function wallMs(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { env: LAMBDA_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr.toString().slice(-2000)}`);
  return ms;
}

/**
 * Inside a fresh process: the time `await import(file)` takes, and the CPU time (user +
 * system, all threads) the process has used once it is done, start-up included. Without a
 * file, the same process with nothing imported.
 */
function importTimes(file: string | undefined): { importMs: number; cpuMs: number } {
  const load = file === undefined ? '' : `await import(${JSON.stringify(pathToFileURL(file).href)});`;
  const script = `const t = performance.now(); ${load} const ms = performance.now() - t; const u = process.cpuUsage(); console.log(JSON.stringify({ importMs: ms, cpuMs: (u.user + u.system) / 1000 }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: LAMBDA_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0) throw new Error(`importing ${file} failed (${run.status}): ${run.stderr.toString().slice(-2000)}`);
  return JSON.parse(run.stdout.toString().trim()) as { importMs: number; cpuMs: number };
}

export async function benchBundles(runs: number): Promise<BundlesResult> {
  const bundling = bundlingDefaults();
  const functions = [
    { name: 'normalise', entry: normaliseFunctionDefaults().entry },
    { name: 'publish', entry: datasetPublisherDefaults().entry },
  ];
  const temp = await mkdtemp(path.join(os.tmpdir(), 'entente-bench-bundles-'));
  const results: BundleResult[] = [];
  let shownOptions: Record<string, unknown> = {};
  try {
    // Node's own start, once, so the first measured run is not the one paying for a cold disk cache.
    wallMs(['-e', '']);
    for (const fn of functions) {
      const outdir = path.join(temp, fn.name);
      const options = esbuildOptions(bundling, fn.entry, outdir);
      const { absWorkingDir: _cwd, entryPoints: _entries, outfile: _outfile, ...rest } = options;
      shownOptions = rest;
      const result = await build(options);
      const outfile = options.outfile as string;
      const code = await readFile(outfile);
      const map = await readFile(`${outfile}.map`).catch(() => Buffer.alloc(0));
      const metafile = result.metafile as Metafile;
      await mkdir(OUT_DIR, { recursive: true });
      await writeFile(path.join(OUT_DIR, `${fn.name}.meta.json`), JSON.stringify(metafile));
      const outputKey = path.relative(REPO_ROOT, outfile).split(path.sep).join('/');

      wallMs([outfile]);
      const processRuns: number[] = [];
      const emptyRuns: number[] = [];
      const imports: number[] = [];
      const cpu: number[] = [];
      const emptyCpu: number[] = [];
      for (let i = 0; i < runs; i++) {
        emptyRuns.push(wallMs(['-e', '']));
        processRuns.push(wallMs([outfile]));
        const loaded = importTimes(outfile);
        imports.push(loaded.importMs);
        cpu.push(loaded.cpuMs);
        emptyCpu.push(importTimes(undefined).cpuMs);
      }
      const processMs = median(processRuns);
      const emptyNodeMs = median(emptyRuns);
      results.push({
        name: fn.name,
        entry: path.relative(REPO_ROOT, fn.entry),
        bytes: code.byteLength,
        gzipBytes: gzipSync(code, { level: 9 }).byteLength,
        sourceMapBytes: map.byteLength,
        runs,
        processMs,
        emptyNodeMs,
        initAboveEmptyMs: processMs - emptyNodeMs,
        ratioToEmpty: processMs / emptyNodeMs,
        importMs: median(imports),
        importP95Ms: quantile(imports, 0.95),
        cpuMs: median(cpu),
        emptyNodeCpuMs: median(emptyCpu),
        initCpuAboveEmptyMs: median(cpu) - median(emptyCpu),
        ...composition(metafile, outputKey, code.byteLength),
      });
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  const { version } = await import('esbuild');
  return { esbuildVersion: version, options: shownOptions, bundles: results };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  await emit(flags, await benchBundles(Math.max(5, intFlag(flags, 'runs', 10))));
}

await main();
