import path from 'node:path';
import { TABLES } from '../src/datasets/schema.js';
import { CATALOG_FILE, LANDING_PAGE_FILE } from '../src/datasets/write-datasets.js';
import { runCommand } from './command.js';
import type { DevArguments } from './local-bucket/arguments.js';
import { DEV_USAGE, parseDevArguments } from './local-bucket/arguments.js';
import type { LocalBucket } from './local-bucket/local-bucket.js';
import { countLegacyReports, LEGACY_REPORT_PREFIX, startLocalBucket } from './local-bucket/local-bucket.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-bucket/defaults.js';

/** `npm run dev`: the local bucket, until Ctrl-C. */
async function main(args: DevArguments): Promise<number> {

  let bucket: LocalBucket;
  try {
    bucket = await startLocalBucket({
      port: args.port,
      dataDir: args.dataDir,
      mirrorDir: args.mirrorDir,
      logLevel: args.quiet ? 'WARN' : 'INFO',
      requestLog: args.requestLog,
      onInvocation: (i) => {
        if (i.error !== undefined) process.stderr.write(`${i.queue}: the function threw: ${i.error instanceof Error ? i.error.message : String(i.error)}\n`);
        if (i.failures > 0) process.stderr.write(`${i.queue}: ${i.failures} of ${i.messages} message(s) failed; retried until they succeed or run out of attempts\n`);
      },
      onDeadLetter: (letter) => {
        process.stderr.write(`${letter.queue}: gave up on a message after ${letter.receiveCount} attempts (${letter.lastError}); kept in the dead-letter file: fix the cause, then \`npm run redrive\`\n`);
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      process.stderr.write(`port ${args.port} is in use: is \`npm run dev\` already running? Pick another with --port.\n`);
      return 1;
    }
    throw error;
  }

  process.stdout.write(banner(bucket, await countLegacyReports(bucket.client, bucket.buckets.upload)));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write('\nStopping: finishing the work under way (Ctrl-C again to quit at once)…\n');
  process.once('SIGINT', () => process.exit(130));
  await Promise.race([bucket.idle(), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
  await bucket.close();
  const dead = Object.entries(bucket.deadLetters()).filter(([, messages]) => messages.length > 0);
  for (const [queue, messages] of dead) process.stderr.write(`${queue}: ${messages.length} message(s) gave up after their retries (see the logs above)\n`);
  if (dead.length > 0 && bucket.deadLetterFile !== undefined) {
    process.stderr.write(`They are kept in ${path.relative(process.cwd(), bucket.deadLetterFile)}; once the cause is fixed, \`npm run redrive\` replays them.\n`);
  }
  return 0;
}

function banner(bucket: LocalBucket, legacyReports: number): string {
  const relative = (dir: string): string => path.relative(process.cwd(), dir) || '.';
  const { upload, work, datasets } = bucket.buckets;
  // The published tables from the one schema, the JSON-LD and the catalog; index.html lists everything.
  const files = [LANDING_PAGE_FILE, ...TABLES.map((t) => t.file), 'events.jsonld', 'agreements.jsonld', CATALOG_FILE];
  return [
    '',
    `Entente local bucket: S3 API on ${bucket.endpoint} (data in ${relative(bucket.dataDir)}/, kept across restarts)`,
    `  upload bucket     ${upload}   drop articles under ${bucket.incomingPrefix} (the pipeline only reads it)`,
    `  working storage   ${work}   private: records, markers, rejections`,
    `  datasets bucket   ${datasets}`,
    '',
    'Upload:',
    `  npm run upload -- FILE…${bucket.port === 4569 ? '' : ` --port ${bucket.port}`}`,
    '  or, with the AWS CLI:',
    `  export AWS_ACCESS_KEY_ID=${LOCAL_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${LOCAL_CREDENTIALS.secretAccessKey} AWS_DEFAULT_REGION=${LOCAL_REGION} AWS_REQUEST_CHECKSUM_CALCULATION=when_required`,
    `  aws s3 cp FILE s3://${upload}/${bucket.incomingPrefix} --endpoint-url ${bucket.endpoint}`,
    `  aws s3 rm s3://${upload}/${bucket.incomingPrefix}FILE --endpoint-url ${bucket.endpoint}   (its rows leave the datasets)`,
    '',
    'Datasets (updated a moment after each upload):',
    ...files.map((f) => `  ${bucket.datasetUrl(f)}`),
    ...(bucket.mirrorDir !== undefined ? [`  on disk: ${relative(bucket.mirrorDir)}/`] : []),
    '',
    'A file that cannot be read gets a row in rejected.csv (source_key, reason, message, line, column)',
    'and a warning "upload rejected" in the log; the upload itself is left as it is.',
    '',
    ...(legacyReports > 0 ? legacyReportsNote(bucket, legacyReports) : []),
    'The functions log JSON lines below. Ctrl-C to stop.',
    '',
  ].join('\n');
}

/** Reports an earlier version wrote beside the uploads: nothing updates them now. */
function legacyReportsNote(bucket: LocalBucket, count: number): string[] {
  const { upload } = bucket.buckets;
  return [
    `Note: ${count} report(s) under ${LEGACY_REPORT_PREFIX} in ${upload} come from an earlier version and are no longer kept`,
    '  up to date (a file fixed or deleted since may still be called bad there); rejected.csv is what holds now.',
    `  Remove them: aws s3 rm s3://${upload}/${LEGACY_REPORT_PREFIX} --recursive --endpoint-url ${bucket.endpoint}`,
    '',
  ];
}

runCommand(process.argv.slice(2), parseDevArguments, DEV_USAGE, main);
