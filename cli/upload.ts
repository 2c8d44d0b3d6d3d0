import { PutObjectCommand } from '@aws-sdk/client-s3';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createS3Client } from '../functions/runtime/s3.js';
import { runCommand } from './command.js';
import type { UploadArguments } from './local-bucket/arguments.js';
import { parseUploadArguments, UPLOAD_USAGE } from './local-bucket/arguments.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-bucket/defaults.js';

/** `npm run upload -- FILE…`: puts files under incoming/ of the local upload bucket. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.ndjson': 'application/x-ndjson',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
};

async function main(args: UploadArguments): Promise<number> {

  const uploads: { file: string; key: string }[] = [];
  for (const given of args.files) {
    const info = await stat(given).catch(() => undefined);
    if (info === undefined) {
      process.stderr.write(`not found: ${given}\n`);
      return 2;
    }
    if (info.isDirectory()) {
      const base = path.dirname(path.resolve(given));
      for (const file of await filesUnder(path.resolve(given))) uploads.push({ file, key: `${args.prefix}${toKey(path.relative(base, file))}` });
    } else uploads.push({ file: given, key: `${args.prefix}${path.basename(given)}` });
  }

  const endpoint = `http://127.0.0.1:${args.port}`;
  const client = createS3Client({ endpoint, forcePathStyle: true, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    for (const { file, key } of uploads) {
      await client.send(
        new PutObjectCommand({
          Bucket: args.bucket,
          Key: key,
          Body: await readFile(file),
          ContentType: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        }),
      );
      process.stdout.write(`uploaded ${file} → s3://${args.bucket}/${key}\n`);
    }
  } catch (error) {
    const refused = (error as { code?: string }).code === 'ECONNREFUSED' || String(error).includes('ECONNREFUSED');
    process.stderr.write(refused ? `nothing listens on ${endpoint}: start the local bucket with \`npm run dev\` first.\n` : `upload failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    client.destroy();
  }
  process.stdout.write(`${uploads.length} file(s) uploaded; the datasets update in a moment (http://127.0.0.1:${args.port}/…).\n`);
  return 0;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

function toKey(relative: string): string {
  return relative.split(path.sep).join('/');
}

runCommand(process.argv.slice(2), parseUploadArguments, UPLOAD_USAGE, main);
