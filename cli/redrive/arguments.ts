import { optionValue, UsageError } from '../command.js';
import { DEFAULT_DATA_DIR, DEFAULT_MIRROR_DIR, DEFAULT_PORT, LOCAL_QUEUES } from '../local-bucket/defaults.js';
import type { QueueChoice } from '../local-bucket/replay.js';
import { parseQueueArn } from './sqs.js';

/** Command line of `npm run redrive`: the local bucket's dead letters, or (--aws) a deployed dead-letter queue. */
export { UsageError } from '../command.js';

export interface LocalRedriveArguments {
  readonly target: 'local';
  readonly port: number;
  readonly dataDir: string;
  readonly mirrorDir: string;
  readonly queue?: QueueChoice;
  readonly dryRun: boolean;
  readonly verbose: boolean;
  readonly help: boolean;
}

export interface AwsRedriveArguments {
  readonly target: 'aws';
  readonly dlqArn: string;
  readonly sourceArn?: string;
  readonly maxPerSecond?: number;
  readonly dryRun: boolean;
  readonly wait: boolean;
  readonly help: boolean;
}

export type RedriveArguments = LocalRedriveArguments | AwsRedriveArguments;

const QUEUE_CHOICES = Object.keys(LOCAL_QUEUES) as QueueChoice[];

export const REDRIVE_USAGE = `Usage: npm run redrive -- [--queue ${QUEUE_CHOICES.join('|')}] [--dry-run] [--port N] [--data DIR] [--datasets DIR] [--verbose]
       npm run redrive -- --aws --dlq-arn ARN [--source-arn ARN] [--max-per-second N] [--dry-run] [--no-wait]

Replays the messages that ran out of retries, once their cause is fixed.

Local bucket (default): the dead letters \`npm run dev\` kept in DIR/dead-letters.jsonl go
through the same handlers again. If \`npm run dev\` is running it publishes the result;
if not, the local bucket is started for the replay and stopped after. Messages that
succeed leave the file; those that fail again stay, with their new last error.

  --queue Q         only the dead letters of one queue (${QUEUE_CHOICES.join(', ')}; default all)
  --dry-run         list the dead letters, replay nothing
  --port N          port of \`npm run dev\` (default ${DEFAULT_PORT}; 0: do not look for it, use any free port)
  --data DIR        the local bucket's data (default ${DEFAULT_DATA_DIR})
  --datasets DIR    the plain copy of the datasets bucket (default ${DEFAULT_MIRROR_DIR})
  --verbose         the handlers' INFO logs too

Deployed stack (--aws): SQS moves the dead-letter queue's messages back (StartMessageMoveTask);
the command follows the move until it ends. Needs AWS credentials allowed
sqs:StartMessageMoveTask, sqs:ListMessageMoveTasks, sqs:GetQueueUrl and
sqs:GetQueueAttributes on the dead-letter queue (and what SQS needs to move: receive and
delete on it, send on the destination).

  --dlq-arn ARN          the dead-letter queue (stack outputs NormaliseDeadLetterQueueArn,
                         PublishDeadLetterQueueArn; the alarm's description names it too)
  --source-arn ARN       where to move them (default: back to the queue each came from)
  --max-per-second N     move at most N messages per second (1 to 500)
  --dry-run              count the messages and print the command, move nothing
  --no-wait              start the move and return

  -h, --help             this text

Exits 0 when every replayed message succeeded, 1 when some failed again or the move failed,
2 when misused.`;

export function parseRedriveArguments(argv: readonly string[]): RedriveArguments {
  let aws = false;
  let port: number | undefined;
  let dataDir: string | undefined;
  let mirrorDir: string | undefined;
  let queue: QueueChoice | undefined;
  let dryRun = false;
  let verbose = false;
  let dlqArn: string | undefined;
  let sourceArn: string | undefined;
  let maxPerSecond: number | undefined;
  let wait = true;
  let help = false;
  const localOnly: string[] = [];
  const awsOnly: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => optionValue(argv, i++);
    if (arg === '--aws') aws = true;
    else if (arg === '--dry-run') dryRun = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--queue') {
      const v = value();
      if (!(QUEUE_CHOICES as string[]).includes(v)) throw new UsageError(`--queue must be one of ${QUEUE_CHOICES.join(', ')}, got "${v}"`);
      queue = v as QueueChoice;
      localOnly.push(arg);
    } else if (arg === '--port') {
      port = parsePort(value());
      localOnly.push(arg);
    } else if (arg === '--data') {
      dataDir = value();
      localOnly.push(arg);
    } else if (arg === '--datasets') {
      mirrorDir = value();
      localOnly.push(arg);
    } else if (arg === '--verbose') {
      verbose = true;
      localOnly.push(arg);
    } else if (arg === '--dlq-arn') {
      dlqArn = queueArn(arg, value());
      awsOnly.push(arg);
    } else if (arg === '--source-arn') {
      sourceArn = queueArn(arg, value());
      awsOnly.push(arg);
    } else if (arg === '--max-per-second') {
      const v = value();
      maxPerSecond = Number(v);
      if (!/^\d+$/.test(v) || maxPerSecond < 1 || maxPerSecond > 500) throw new UsageError(`--max-per-second must be a whole number from 1 to 500, got "${v}"`);
      awsOnly.push(arg);
    } else if (arg === '--no-wait') {
      wait = false;
      awsOnly.push(arg);
    } else throw new UsageError(`unknown argument ${arg}`);
  }
  if (aws) {
    if (localOnly.length > 0) throw new UsageError(`${localOnly.join(', ')}: for the local bucket only, not with --aws`);
    if (dlqArn === undefined && !help) throw new UsageError('--aws needs --dlq-arn ARN: the dead-letter queue to redrive (see the stack outputs)');
    return { target: 'aws', dlqArn: dlqArn ?? '', ...(sourceArn !== undefined ? { sourceArn } : {}), ...(maxPerSecond !== undefined ? { maxPerSecond } : {}), dryRun, wait, help };
  }
  if (awsOnly.length > 0) throw new UsageError(`${awsOnly.join(', ')}: only with --aws`);
  return {
    target: 'local',
    port: port ?? DEFAULT_PORT,
    dataDir: dataDir ?? DEFAULT_DATA_DIR,
    mirrorDir: mirrorDir ?? DEFAULT_MIRROR_DIR,
    ...(queue !== undefined ? { queue } : {}),
    dryRun,
    verbose,
    help,
  };
}

function queueArn(option: string, text: string): string {
  if (parseQueueArn(text) === undefined) throw new UsageError(`${option} must be an SQS queue ARN (arn:aws:sqs:REGION:ACCOUNT:NAME), got "${text}"`);
  return text;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${text}"`);
  return port;
}
