import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Size } from 'aws-cdk-lib';
import { Runtime, Architecture } from 'aws-cdk-lib/aws-lambda';
import { OutputFormat, SourceMapMode, LogLevel, Charset } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * Every default the constructs use, one function per construct, so that a construct reads
 * `{ ...xDefaults(), ...props }` and the values can be read (and tested) without building
 * anything. The handler contract (prefixes, environment variable names) lives here too: it
 * is what `functions/` is written against.
 */

/** The repository root: entries, the lock file and esbuild's working directory hang off it. */
export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** The lock file NodejsFunction reads to decide the package manager (no install is run). */
export const LOCK_FILE = path.join(REPO_ROOT, 'package-lock.json');

/**
 * Upload bucket: where users drop articles. Only this prefix triggers the pipeline, and it
 * is all normalise may read there; nothing may write to the upload bucket but its users.
 */
export const INCOMING_PREFIX = 'incoming/';

/**
 * Working bucket: every prefix the pipeline keeps its private state under. Mirrors
 * WORK_PREFIXES in src/records/record-store.ts (a test keeps the two equal).
 */
export const WORK_PREFIXES = ['records/', 'sources/', 'by-key/', 'rejections/'] as const;

/**
 * Working bucket: the prefixes publish reads. A publication is built from the records, the
 * source markers and the rejections; the by-key/ index is normalise's alone.
 */
export const PUBLISH_READ_PREFIXES = ['records/', 'sources/', 'rejections/'] as const;

/** What the pipeline keeps under each working prefix (used in acknowledgement reasons). */
export const WORK_PREFIX_PURPOSE: Readonly<Record<(typeof WORK_PREFIXES)[number], string>> = {
  'records/': 'the records of each article, one object per content hash',
  'sources/': 'the upload keys each content hash was read from',
  'by-key/': 'the content hash each upload key points to, so a delete finds its records',
  'rejections/': 'what could not be read in each upload (reason, message, line, column), published in rejected.csv',
};

/**
 * Working bucket: the prefixes whose changes trigger a publication. rejections/ is one of
 * them because rejected.csv is published from it. Mirrors PUBLISH_TRIGGER_PREFIXES in
 * src/records/record-store.ts (a test keeps the two equal).
 */
export const PUBLISH_TRIGGER_PREFIXES = ['records/', 'sources/', 'rejections/'] as const;

/**
 * The largest upload normalise reads, in bytes. Mirrors `DEFAULT_MAX_BYTES` in
 * src/article/read-object.ts (a test keeps the two equal) without importing the core into
 * the CDK app.
 */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** The Lambda runtime both functions use. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_22_X;

/** The instruction set both functions run on. */
export const FUNCTION_ARCHITECTURE = Architecture.ARM_64;

/** Visibility timeout = this × function timeout (+ batching window), as AWS advises for SQS event sources. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

/** Names of the environment variables the handlers read. */
export const ENV = {
  uploadBucket: 'UPLOAD_BUCKET',
  workBucket: 'WORK_BUCKET',
  datasetsBucket: 'DATASETS_BUCKET',
  baseUri: 'BASE_URI',
  maxBytes: 'MAX_BYTES',
  incomingPrefix: 'INCOMING_PREFIX',
  serviceName: 'POWERTOOLS_SERVICE_NAME',
  logLevel: 'POWERTOOLS_LOG_LEVEL',
} as const;

/** Log levels Powertools Logger accepts. */
export type PipelineLogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT' | 'CRITICAL';

/** A file written once at the root of the datasets bucket at deploy time. */
export interface DatasetsRootFile {
  /** The object key: a bare file name at the bucket root (no `/`). */
  readonly key: string;
  /** The local file whose bytes become the object (read at synth time, UTF-8). */
  readonly path: string;
  /** The `Content-Type` the object is served with. */
  readonly contentType: string;
}

/** The folder holding the files written at the root of the datasets bucket. */
export const DATASETS_ROOT_DIRECTORY = path.join(REPO_ROOT, 'infra', 'datasets-root');

export function articleBucketsDefaults() {
  return {
    removalPolicy: RemovalPolicy.RETAIN,
    noncurrentVersionExpiration: Duration.days(30),
    abortIncompleteMultipartUploadAfter: Duration.days(7),
    accessLogsExpiration: Duration.days(365),
    corsAllowedOrigins: ['*'] as readonly string[],
    rootFiles: [
      { key: 'README.md', path: path.join(DATASETS_ROOT_DIRECTORY, 'README.md'), contentType: 'text/markdown; charset=utf-8' },
      { key: 'LICENSE', path: path.join(DATASETS_ROOT_DIRECTORY, 'LICENSE'), contentType: 'text/plain; charset=utf-8' },
    ] as readonly DatasetsRootFile[],
    rootFilesCacheControl: 'public, max-age=300',
  };
}

/** What both function constructs share. */
export function queuedFunctionDefaults() {
  return {
    maxReceiveCount: 5,
    logRetention: RetentionDays.ONE_MONTH,
    logLevel: 'INFO' as PipelineLogLevel,
    removalPolicy: RemovalPolicy.RETAIN,
    maxBytes: DEFAULT_MAX_BYTES,
  };
}

export function normaliseFunctionDefaults() {
  return {
    ...queuedFunctionDefaults(),
    entry: path.join(REPO_ROOT, 'functions', 'normalise.ts'),
    incomingPrefix: INCOMING_PREFIX,
    memorySize: 1024,
    timeout: Duration.seconds(60),
    batchSize: 5,
  };
}

export function datasetPublisherDefaults() {
  return {
    ...queuedFunctionDefaults(),
    entry: path.join(REPO_ROOT, 'functions', 'publish.ts'),
    triggerPrefixes: [...PUBLISH_TRIGGER_PREFIXES] as readonly string[],
    memorySize: 1536,
    // The publication's scratch files (src/datasets/spill.ts) live in /tmp: a few KB per
    // report, so 10 GiB, the most Lambda gives, holds a couple of million of them.
    ephemeralStorageSize: Size.gibibytes(10),
    timeout: Duration.minutes(5),
    batchSize: 100,
    maxBatchingWindow: Duration.seconds(30),
  };
}

export function alarmsDefaults() {
  return {
    period: Duration.minutes(5),
    throttleEvaluationPeriods: 3,
  };
}

/** A stage is a development stage when it is `dev` or starts with `dev-`. */
export function isDevStage(stage: string): boolean {
  return stage === 'dev' || stage.startsWith('dev-');
}

export function stackDefaults(stage: string) {
  return {
    // Development stages are thrown away with their data; anything else keeps its buckets and logs.
    removalPolicy: isDevStage(stage) ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  };
}

/** The stage used when the context gives none. */
export const DEFAULT_STAGE = 'prod';

/**
 * Modules the handlers load only when they need them, by a dynamic `import()` of this
 * specifier or as a worker thread: each is bundled as a file of its own beside index.mjs
 * instead of into it, so that a cold start does not pay for it. NodejsFunction writes one file (esbuild's
 * `--outfile`; code splitting needs `--outdir`), hence the specifier is left external in
 * index.mjs and the module bundled by a command hook after it.
 */
export const LAZY_MODULES: readonly { readonly specifier: string; readonly source: string; readonly loadedBy: 'import' | 'worker' }[] = [
  // linkedom and Readability (~460 kB): for .html and .htm pages only.
  { specifier: './html-dom.js', source: 'src/article/formats/html-dom.ts', loadedBy: 'import' },
  // eld's n-gram table (~0.95 MB): for a text that is not plainly French or English.
  { specifier: './language-model.js', source: 'src/article/language-model.ts', loadedBy: 'import' },
  // The thread that shares a large publication's work (src/datasets/publish-threads.ts): `new Worker(new URL(specifier, import.meta.url))`.
  { specifier: './publish-thread.js', source: 'src/datasets/publish-thread.ts', loadedBy: 'worker' },
];

const BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** POSIX shell quoting: the hook commands run under `bash -c`. */
function shellQuote(arg: string): string {
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** The esbuild options of index.mjs that a lazy module is built with too (what NodejsFunction passes). */
function sharedEsbuildArgs(options: BundlingOptions): string[] {
  return [
    '--bundle',
    '--platform=node',
    `--target=${options.target ?? 'node22'}`,
    `--format=${options.format ?? OutputFormat.CJS}`,
    ...(options.minify ? ['--minify'] : []),
    ...(options.sourceMap ? ['--sourcemap'] : []),
    ...(options.sourcesContent === false ? ['--sources-content=false'] : []),
    ...(options.mainFields ? [`--main-fields=${options.mainFields.join(',')}`] : []),
    ...(options.banner ? [`--banner:js=${options.banner}`] : []),
    ...(options.charset ? [`--charset=${options.charset}`] : []),
    ...(options.logLevel ? [`--log-level=${options.logLevel}`] : []),
  ];
}

/**
 * The commands that bundle, beside index.mjs and with its options, each lazy module whose
 * specifier index.mjs imports; then a package.json that makes their `.js` ES modules. A
 * bundle that imports none (publish) is left as index.mjs and its map.
 */
export function lazyModuleCommands(options: BundlingOptions, inputDir: string, outputDir: string): string[] {
  const esbuild = shellQuote(path.join(inputDir, 'node_modules', '.bin', 'esbuild'));
  const index = shellQuote(path.join(outputDir, 'index.mjs'));
  const outfile = (specifier: string): string => path.join(outputDir, path.basename(specifier));
  const builds = LAZY_MODULES.map(({ specifier, source }) => {
    const args = [path.join(inputDir, source), ...sharedEsbuildArgs(options), `--outfile=${outfile(specifier)}`];
    return `if grep -qF ${shellQuote(`"${specifier}"`)} ${index}; then ${esbuild} ${args.map(shellQuote).join(' ')}; fi`;
  });
  const anyBuilt = LAZY_MODULES.map(({ specifier }) => `[ -e ${shellQuote(outfile(specifier))} ]`).join(' || ');
  const packageJson = shellQuote(path.join(outputDir, 'package.json'));
  return [...builds, `if ${anyBuilt}; then printf '%s\\n' '{"type":"module"}' > ${packageJson}; fi`];
}

/**
 * esbuild on the local machine (never Docker): one minified ESM file with an external
 * source map, the AWS SDK bundled (pinned by our lock file, not the runtime's copy; the
 * runtime's copy is loaded unbundled from many files, which costs the cold start more than
 * its bytes save), and the lazy modules (LAZY_MODULES) as files of their own beside it.
 * The banner gives CommonJS dependencies the `require` that ESM lacks.
 */
export function bundlingDefaults(): BundlingOptions {
  const options: BundlingOptions = {
    forceDockerBundling: false,
    minify: true,
    sourceMap: true,
    sourceMapMode: SourceMapMode.DEFAULT,
    sourcesContent: false,
    target: 'node22',
    format: OutputFormat.ESM,
    mainFields: ['module', 'main'],
    banner: BANNER,
    bundleAwsSDK: true,
    // Left as `import('./x.js')` in index.mjs: the hook puts ./x.js beside it.
    externalModules: LAZY_MODULES.map((m) => m.specifier),
    charset: Charset.UTF8,
    logLevel: LogLevel.WARNING,
  };
  return {
    ...options,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir, outputDir) => lazyModuleCommands(options, inputDir, outputDir),
    },
  };
}

/** What the two function constructs need to build the handlers' environment. */
export interface PipelineEnvironmentInput {
  readonly uploadBucketName: string;
  readonly workBucketName: string;
  readonly datasetsBucketName: string;
  readonly baseUri: string;
  readonly maxBytes: number;
  readonly incomingPrefix: string;
  readonly serviceName: string;
  readonly logLevel: PipelineLogLevel;
}

/**
 * The environment every handler gets. Both get every variable, whatever they use: the
 * names are not secrets and IAM, not the environment, decides what each may touch.
 */
export function pipelineEnvironment(input: PipelineEnvironmentInput): Record<string, string> {
  return {
    [ENV.uploadBucket]: input.uploadBucketName,
    [ENV.workBucket]: input.workBucketName,
    [ENV.datasetsBucket]: input.datasetsBucketName,
    [ENV.baseUri]: input.baseUri,
    [ENV.maxBytes]: String(input.maxBytes),
    [ENV.incomingPrefix]: input.incomingPrefix,
    [ENV.serviceName]: input.serviceName,
    [ENV.logLevel]: input.logLevel,
    // The bundle ships an external source map; this makes stack traces point at the TypeScript.
    NODE_OPTIONS: '--enable-source-maps',
  };
}

/**
 * The defaults overlaid with every prop the caller set (an explicit `undefined` keeps the
 * default). Props that have no default are read from the props themselves.
 */
export function withDefaults<D extends object>(defaults: D, props: { readonly [K in keyof D]?: D[K] | undefined }): D {
  const given = Object.fromEntries(
    Object.entries(props).filter(([key, value]) => value !== undefined && key in defaults),
  ) as Partial<D>;
  return { ...defaults, ...given };
}
