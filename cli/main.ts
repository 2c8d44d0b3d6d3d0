import { stat } from 'node:fs/promises';
import path from 'node:path';
import { processStorage, publish } from '../src/pipeline.js';
import { FsStorage } from '../src/storage/fs-storage.js';
import type { CliArguments } from './arguments.js';
import { parseArguments, USAGE } from './arguments.js';
import { runCommand } from './command.js';
import { progressReporter } from './progress.js';

/** `npm start -- [INPUT_DIR] --out DIR`: the local door into the pipeline. */
async function main(args: CliArguments): Promise<number> {
  const inputDir = path.resolve(args.input);
  const outDir = path.resolve(args.out);
  const info = await stat(inputDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    process.stderr.write(`input folder not found: ${inputDir}\n\n${USAGE}\n`);
    return 2;
  }
  // An output folder inside the input folder must not be read back as input.
  const outInside = path.relative(inputDir, outDir);
  const excluded = outInside && !outInside.startsWith('..') && !path.isAbsolute(outInside) ? `${outInside.split(path.sep).join('/')}/` : undefined;

  const started = performance.now();
  const run = await processStorage(new FsStorage(inputDir), {
    maxBytes: args.maxBytes,
    baseUri: args.baseUri,
    exclude: excluded ? (key) => key.startsWith(excluded) : undefined,
    onProgress: progressReporter(process.stdout),
  });
  let summary;
  try {
    summary = await publish(run.records, run.rejections, new FsStorage(outDir), { baseUri: args.baseUri });
  } catch (error) {
    process.stderr.write(`cannot write the datasets to ${outDir}: ${error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error)}\n`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const lines = [
    '',
    `Read ${run.objects} file(s) from ${inputDir} in ${seconds} s:`,
    `  articles    ${summary.articles}`,
    `  rejected    ${summary.rejected}${summary.rejected ? ` (see ${path.join(outDir, 'rejected.csv')})` : ''}`,
    `  events      ${summary.events}`,
    `  agreements  ${summary.agreements}`,
    `Datasets in ${outDir}:`,
    ...summary.files.map((f) => `  ${f.key.padEnd(18)} ${String(f.bytes).padStart(9)} bytes${f.rows === undefined ? '' : `  ${f.rows} row(s)`}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

runCommand(process.argv.slice(2), parseArguments, USAGE, main);
