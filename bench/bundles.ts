/**
 * The Lambda bundles: built with the local esbuild from the very options the stack gives
 * NodejsFunction (infra/constructs/defaults.ts: bundlingDefaults() and each function's
 * entry), then its afterBundling hook run as CDK runs it (`bash -c`, from the project root:
 * it writes the lazily imported modules beside index.mjs), into a folder under bench/.out/;
 * then
 *   - size of index.mjs (the entry: what a cold start loads) and of every file the asset
 *     holds (the lazy modules too), minified, and their gzip (about what is uploaded);
 *   - cold initialisation: wall time of a fresh `node index.mjs` (the handler module loaded
 *     and evaluated, no handler call, no lazy module) against a fresh `node -e ''`, the two
 *     interleaved, median of the runs; and the import alone, timed inside a fresh process;
 *   - what each lazy module adds when it is first needed: `await import()` of it, timed
 *     in a fresh process that has loaded index.mjs;
 *   - composition, from esbuild's metafile of index.mjs: bytes by package and by file.
 *
 *   npx tsx bench/bundles.ts [--runs 10] [--json FILE] [--runtime-sdk]
 *
 * --runtime-sdk adds a variant of each bundle built with `@aws-sdk/*` external, as with
 * `bundleAwsSDK: false`, loading the SDK from node_modules the way Lambda loads its
 * runtime's copy (unbundled, from many files): the trade-off of not bundling it.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BuildOptions, Metafile } from 'esbuild';
import { build } from 'esbuild';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { bundlingDefaults, datasetPublisherDefaults, normaliseFunctionDefaults, REPO_ROOT } from '../infra/constructs/defaults.js';
import { emit, intFlag, median, OUT_DIR, parseFlags, quantile } from './common.js';

export interface BundleFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface LazyModuleLoad {
  readonly file: string;
  readonly bytes: number;
  /** Median time of `await import()` of the module in a fresh process that has loaded index.mjs. */
  readonly importMs: number;
}

export interface BundleResult {
  readonly name: string;
  readonly entry: string;
  /** What the SDK is: 'bundled' (the stack's choice) or 'runtime' (external, the --runtime-sdk variant). */
  readonly awsSdk: 'bundled' | 'runtime';
  /** index.mjs, the entry: what a cold start loads. */
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly sourceMapBytes: number;
  /** Every code file of the asset (index.mjs and the lazy modules beside it), source maps left out. */
  readonly totalBytes: number;
  readonly totalGzipBytes: number;
  readonly files: readonly BundleFile[];
  readonly lazyModules: readonly LazyModuleLoad[];
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
  /** Packages of index.mjs rolled up by what they are there for. */
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
function importTimes(file: string | undefined, after?: string): { importMs: number; cpuMs: number } {
  const load = file === undefined ? '' : `await import(${JSON.stringify(pathToFileURL(file).href)});`;
  const before = after === undefined ? '' : `await import(${JSON.stringify(pathToFileURL(after).href)});`;
  const script = `${before} const t = performance.now(); ${load} const ms = performance.now() - t; const u = process.cpuUsage(); console.log(JSON.stringify({ importMs: ms, cpuMs: (u.user + u.system) / 1000 }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: LAMBDA_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0) throw new Error(`importing ${file} failed (${run.status}): ${run.stderr.toString().slice(-2000)}`);
  return JSON.parse(run.stdout.toString().trim()) as { importMs: number; cpuMs: number };
}

/** The afterBundling hook's commands, run as CDK runs them for local bundling. */
function runAfterBundling(bundling: BundlingOptions, outdir: string): void {
  for (const command of bundling.commandHooks?.afterBundling(REPO_ROOT, outdir) ?? []) {
    const run = spawnSync('bash', ['-c', command], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    if (run.status !== 0) throw new Error(`afterBundling command failed (${run.status}): ${command}\n${run.stderr.toString().slice(-2000)}`);
  }
}

/** Code files of the asset (index.mjs first), with their sizes. */
async function assetFiles(outdir: string, entryFile: string): Promise<BundleFile[]> {
  const names = (await readdir(outdir)).filter((n) => /\.(m?js|cjs)$/.test(n));
  const files: BundleFile[] = [];
  for (const name of names) {
    const code = await readFile(path.join(outdir, name));
    files.push({ file: name, bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength });
  }
  return files.sort((a, b) => (a.file === entryFile ? -1 : b.file === entryFile ? 1 : b.bytes - a.bytes));
}

export async function benchBundles(runs: number, variants: { runtimeSdk?: boolean } = {}): Promise<BundlesResult> {
  const stack = bundlingDefaults();
  const functions = [
    { name: 'normalise', entry: normaliseFunctionDefaults().entry },
    { name: 'publish', entry: datasetPublisherDefaults().entry },
  ];
  const sdkChoices: ('bundled' | 'runtime')[] = variants.runtimeSdk ? ['bundled', 'runtime'] : ['bundled'];
  // Under the project root, so that an external @aws-sdk resolves from node_modules as Lambda's runtime copy would.
  const root = path.join(OUT_DIR, 'bundles');
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const results: BundleResult[] = [];
  let shownOptions: Record<string, unknown> = {};
  try {
    // Node's own start, once, so the first measured run is not the one paying for a cold disk cache.
    wallMs(['-e', '']);
    for (const fn of functions) {
      for (const awsSdk of sdkChoices) {
        const bundling: BundlingOptions =
          awsSdk === 'bundled' ? stack : { ...stack, bundleAwsSDK: false, externalModules: [...(stack.externalModules ?? []), '@aws-sdk/*'] };
        const name = awsSdk === 'bundled' ? fn.name : `${fn.name} (runtime SDK)`;
        const outdir = path.join(root, `${fn.name}-${awsSdk}`);
        const options = esbuildOptions(bundling, fn.entry, outdir);
        const { absWorkingDir: _cwd, entryPoints: _entries, outfile: _outfile, ...rest } = options;
        if (awsSdk === 'bundled') shownOptions = rest;
        const result = await build(options);
        runAfterBundling(bundling, outdir);
        const outfile = options.outfile as string;
        const code = await readFile(outfile);
        const map = await readFile(`${outfile}.map`).catch(() => Buffer.alloc(0));
        const metafile = result.metafile as Metafile;
        await writeFile(path.join(OUT_DIR, `${fn.name}${awsSdk === 'bundled' ? '' : '-runtime-sdk'}.meta.json`), JSON.stringify(metafile));
        const outputKey = path.relative(REPO_ROOT, outfile).split(path.sep).join('/');
        const files = await assetFiles(outdir, path.basename(outfile));
        const lazyFiles = files.filter((f) => f.file !== path.basename(outfile));

        wallMs([outfile]);
        const processRuns: number[] = [];
        const emptyRuns: number[] = [];
        const imports: number[] = [];
        const cpu: number[] = [];
        const emptyCpu: number[] = [];
        const lazyImports = new Map<string, number[]>(lazyFiles.map((f) => [f.file, []]));
        for (let i = 0; i < runs; i++) {
          emptyRuns.push(wallMs(['-e', '']));
          processRuns.push(wallMs([outfile]));
          const loaded = importTimes(outfile);
          imports.push(loaded.importMs);
          cpu.push(loaded.cpuMs);
          emptyCpu.push(importTimes(undefined).cpuMs);
          for (const [file, times] of lazyImports) times.push(importTimes(path.join(outdir, file), outfile).importMs);
        }
        const processMs = median(processRuns);
        const emptyNodeMs = median(emptyRuns);
        results.push({
          name,
          entry: path.relative(REPO_ROOT, fn.entry),
          awsSdk,
          bytes: code.byteLength,
          gzipBytes: gzipSync(code, { level: 9 }).byteLength,
          sourceMapBytes: map.byteLength,
          totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
          totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
          files,
          lazyModules: lazyFiles.map((f) => ({ file: f.file, bytes: f.bytes, importMs: median(lazyImports.get(f.file) ?? []) })),
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
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const { version } = await import('esbuild');
  return { esbuildVersion: version, options: shownOptions, bundles: results };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  await emit(flags, await benchBundles(Math.max(5, intFlag(flags, 'runs', 10)), { runtimeSdk: flags.has('runtime-sdk') }));
}

await main();
