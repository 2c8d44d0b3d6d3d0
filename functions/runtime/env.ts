import { DEFAULT_MAX_BYTES } from '../../src/article/limits.js';
import { ConfigurationError } from './errors.js';

/**
 * The functions' configuration, read from the environment once per container. The CDK
 * stack sets these; the local bucket (cli/local-bucket) sets the same names.
 */
export interface S3Settings {
  /** AWS_ENDPOINT_URL_S3: another S3 API (the local bucket); unset on AWS. */
  readonly endpoint?: string;
  /** S3_FORCE_PATH_STYLE=true: bucket in the path rather than the host name (needed by s3rver). */
  readonly forcePathStyle: boolean;
}

export interface NormaliseEnv {
  /** UPLOAD_BUCKET: where users drop articles; only read, under INCOMING_PREFIX (normalise writes nothing there). */
  readonly uploadBucket: string;
  /** WORK_BUCKET: private working storage (records, markers, and the rejections of each upload key, published in rejected.csv). */
  readonly workBucket: string;
  /** MAX_BYTES: larger uploads are rejected unread. @default 5 MiB */
  readonly maxBytes: number;
  /** INCOMING_PREFIX: the prefix the upload notifications are filtered on. @default 'incoming/' */
  readonly incomingPrefix: string;
  readonly s3: S3Settings;
}

export interface PublishEnv {
  readonly workBucket: string;
  /** DATASETS_BUCKET: the public bucket the datasets are written to. */
  readonly datasetsBucket: string;
  /** BASE_URI: base of the JSON-LD node ids, e.g. https://w3id.org/entente/. */
  readonly baseUri: string;
  /** CACHE_CONTROL: Cache-Control of the published files. @default 'public, max-age=300' */
  readonly cacheControl: string;
  readonly s3: S3Settings;
}

export const DEFAULT_INCOMING_PREFIX = 'incoming/';
export const DEFAULT_CACHE_CONTROL = 'public, max-age=300';

type Env = Readonly<Record<string, string | undefined>>;

export function readNormaliseEnv(env: Env = process.env): NormaliseEnv {
  const read = new EnvReader(env);
  const config = {
    uploadBucket: read.bucket('UPLOAD_BUCKET'),
    workBucket: read.bucket('WORK_BUCKET'),
    maxBytes: read.positiveInteger('MAX_BYTES', DEFAULT_MAX_BYTES),
    incomingPrefix: read.prefix('INCOMING_PREFIX', DEFAULT_INCOMING_PREFIX),
    s3: read.s3(),
  };
  return read.done(config);
}

export function readPublishEnv(env: Env = process.env): PublishEnv {
  const read = new EnvReader(env);
  const config = {
    workBucket: read.bucket('WORK_BUCKET'),
    datasetsBucket: read.bucket('DATASETS_BUCKET'),
    baseUri: read.baseUri('BASE_URI'),
    cacheControl: read.optional('CACHE_CONTROL') ?? DEFAULT_CACHE_CONTROL,
    s3: read.s3(),
  };
  return read.done(config);
}

/** Collects every problem before throwing, so one deploy fixes them all. */
class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  bucket(name: string): string {
    const value = this.optional(name);
    if (value === undefined) return this.problem(`${name} is not set (the name of an S3 bucket)`);
    // The rules for general purpose bucket names, minus the reserved prefixes and suffixes.
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value)) return this.problem(`${name}="${value}" is not an S3 bucket name`);
    return value;
  }

  positiveInteger(name: string, fallback: number): number {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) return this.problem(`${name}="${value}" is not a positive whole number of bytes`, fallback);
    return n;
  }

  prefix(name: string, fallback: string): string {
    const value = this.optional(name) ?? fallback;
    if (!value.endsWith('/') || value.startsWith('/')) return this.problem(`${name}="${value}" must end with "/" and not start with one`);
    return value;
  }

  baseUri(name: string): string {
    const value = this.optional(name);
    if (value === undefined) return this.problem(`${name} is not set (the base IRI of the JSON-LD nodes, e.g. https://w3id.org/entente/)`);
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(value) || !(value.endsWith('/') || value.endsWith('#'))) {
      return this.problem(`${name}="${value}" must be an absolute IRI ending with "/" or "#"`);
    }
    return value;
  }

  s3(): S3Settings {
    const endpoint = this.optional('AWS_ENDPOINT_URL_S3');
    if (endpoint !== undefined && !URL.canParse(endpoint)) this.problem(`AWS_ENDPOINT_URL_S3="${endpoint}" is not a URL`);
    const pathStyle = this.optional('S3_FORCE_PATH_STYLE')?.toLowerCase();
    if (pathStyle !== undefined && pathStyle !== 'true' && pathStyle !== 'false') this.problem(`S3_FORCE_PATH_STYLE="${pathStyle}" must be true or false`);
    return { ...(endpoint !== undefined ? { endpoint } : {}), forcePathStyle: pathStyle === 'true' };
  }

  done<T>(config: T): T {
    if (this.problems.length > 0) throw new ConfigurationError(this.problems);
    return config;
  }

  private problem(message: string): string;
  private problem<T>(message: string, fallback: T): T;
  private problem(message: string, fallback: unknown = ''): unknown {
    this.problems.push(message);
    return fallback;
  }
}
