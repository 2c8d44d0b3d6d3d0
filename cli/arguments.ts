import { DEFAULT_MAX_BYTES } from '../src/article/read-object.js';
import { DEFAULT_BASE_URI } from '../src/datasets/jsonld.js';

import { optionValue, UsageError } from './command.js';

export { UsageError } from './command.js';

export interface CliArguments {
  readonly input: string;
  readonly out: string;
  readonly baseUri: string;
  readonly maxBytes: number;
  readonly help: boolean;
}

export const USAGE = `Usage: npm start -- [INPUT_DIR] [--out DIR] [--base-uri IRI] [--max-bytes N]

Reads every article file under INPUT_DIR (default: seeds/, recursive) and writes the
datasets to DIR (default: datasets/).

  --out DIR        where events.csv, agreements.csv, articles.csv, rejected.csv and the
                   JSON-LD files are written (created if missing)
  --base-uri IRI   base of the JSON-LD node ids (default: ${DEFAULT_BASE_URI})
  --max-bytes N    reject files larger than N bytes (default: ${DEFAULT_MAX_BYTES})
  -h, --help       this text`;

export function parseArguments(argv: readonly string[]): CliArguments {
  let input: string | undefined;
  let out = 'datasets';
  let baseUri = DEFAULT_BASE_URI;
  let maxBytes = DEFAULT_MAX_BYTES;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => optionValue(argv, i++);
    if (arg === '--out' || arg === '-o') out = value();
    else if (arg === '--base-uri') {
      baseUri = value();
      if (!/^[a-z][a-z0-9+.-]*:/i.test(baseUri)) throw new UsageError(`--base-uri must be an absolute IRI, got "${baseUri}"`);
      if (!baseUri.endsWith('/') && !baseUri.endsWith('#')) baseUri += '/';
    } else if (arg === '--max-bytes') {
      const v = value();
      maxBytes = Number(v);
      if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UsageError(`--max-bytes must be a positive whole number, got "${v}"`);
    } else if (arg === '--help' || arg === '-h') help = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (input === undefined) input = arg;
    else throw new UsageError(`one input folder only (got "${input}" and "${arg}")`);
  }
  return { input: input ?? 'seeds', out, baseUri, maxBytes, help };
}
