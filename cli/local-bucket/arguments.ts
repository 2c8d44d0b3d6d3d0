import { DEFAULT_INCOMING_PREFIX } from '../../functions/runtime/env.js';
import { optionValue, UsageError } from '../command.js';
import { DEFAULT_DATA_DIR, DEFAULT_MIRROR_DIR, DEFAULT_PORT, LOCAL_BUCKETS } from './defaults.js';

/** Command lines of `npm run dev` and `npm run upload`. */
export { UsageError } from '../command.js';

export interface DevArguments {
  readonly port: number;
  readonly dataDir: string;
  readonly mirrorDir: string;
  readonly quiet: boolean;
  readonly requestLog: boolean;
  readonly help: boolean;
}

export const DEV_USAGE = `Usage: npm run dev -- [--port N] [--data DIR] [--datasets DIR] [--quiet] [--request-log]

Starts a local S3 API on 127.0.0.1 with the upload, working and datasets buckets, and runs
the normalise and publish functions on every upload, as the deployed stack does.

  --port N          port of the S3 API (default ${DEFAULT_PORT}; 0 for any free port)
  --data DIR        where the buckets are kept across restarts (default ${DEFAULT_DATA_DIR})
  --datasets DIR    a plain copy of the datasets bucket (default ${DEFAULT_MIRROR_DIR})
  --quiet           only warnings and errors from the functions' JSON logs
  --request-log     print every S3 request
  -h, --help        this text`;

export function parseDevArguments(argv: readonly string[]): DevArguments {
  let port = DEFAULT_PORT;
  let dataDir = DEFAULT_DATA_DIR;
  let mirrorDir = DEFAULT_MIRROR_DIR;
  let quiet = false;
  let requestLog = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => optionValue(argv, i++);
    if (arg === '--port') port = parsePort(value());
    else if (arg === '--data') dataDir = value();
    else if (arg === '--datasets') mirrorDir = value();
    else if (arg === '--quiet') quiet = true;
    else if (arg === '--request-log') requestLog = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else throw new UsageError(`unknown argument ${arg}`);
  }
  return { port, dataDir, mirrorDir, quiet, requestLog, help };
}

export interface UploadArguments {
  readonly files: readonly string[];
  readonly port: number;
  readonly bucket: string;
  readonly prefix: string;
  readonly help: boolean;
}

export const UPLOAD_USAGE = `Usage: npm run upload -- FILE|DIR… [--port N] [--bucket NAME] [--prefix P]

Puts each FILE under ${DEFAULT_INCOMING_PREFIX} of the local upload bucket (npm run dev must be running);
a DIR is uploaded whole, its files keyed by their path from the folder's parent.

  --port N        port of the local S3 API (default ${DEFAULT_PORT})
  --bucket NAME   upload bucket (default ${LOCAL_BUCKETS.upload})
  --prefix P      key prefix (default ${DEFAULT_INCOMING_PREFIX})
  -h, --help      this text`;

export function parseUploadArguments(argv: readonly string[]): UploadArguments {
  const files: string[] = [];
  let port = DEFAULT_PORT;
  let bucket = LOCAL_BUCKETS.upload;
  let prefix = DEFAULT_INCOMING_PREFIX;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => optionValue(argv, i++);
    if (arg === '--port') port = parsePort(value());
    else if (arg === '--bucket') bucket = value();
    else if (arg === '--prefix') {
      prefix = value();
      if (prefix !== '' && !prefix.endsWith('/')) prefix += '/';
    } else if (arg === '--help' || arg === '-h') help = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0 && !help) throw new UsageError('name at least one file or folder to upload');
  return { files, port, bucket, prefix, help };
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${text}"`);
  return port;
}
