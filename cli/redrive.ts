import path from 'node:path';
import { runCommand } from './command.js';
import type { DeadLetter } from './local-bucket/dead-letters.js';
import type { LocalRedrive } from './local-bucket/replay.js';
import { describeMessage, listDeadLetters, redriveLocalBucket } from './local-bucket/replay.js';
import type { AwsRedriveArguments, LocalRedriveArguments, RedriveArguments } from './redrive/arguments.js';
import { parseRedriveArguments, REDRIVE_USAGE } from './redrive/arguments.js';
import { redriveSqs, sqsClientFor } from './redrive/sqs.js';

/** `npm run redrive`: replays the dead letters once their cause is fixed (see REDRIVE_USAGE). */
async function main(args: RedriveArguments): Promise<number> {
  return args.target === 'aws' ? aws(args) : local(args);
}

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const relative = (file: string): string => {
  const shown = path.relative(process.cwd(), file);
  return shown === '' || shown.startsWith('..') ? path.resolve(file) : shown;
};

async function local(args: LocalRedriveArguments): Promise<number> {
  if (args.dryRun) {
    const { file, letters, unreadable } = await listDeadLetters(args);
    if (letters.length === 0) print(`No dead letters${args.queue ? ` of ${args.queue}` : ''} in ${relative(file)}.`);
    else {
      print(`${letters.length} dead letter(s)${args.queue ? ` of ${args.queue}` : ''} in ${relative(file)} (dry run: nothing replayed):`);
      for (const letter of letters) print(describeLetter(letter));
    }
    if (unreadable > 0) print(`${unreadable} line(s) of the file are not dead letters; they are left as they are.`);
    return 0;
  }

  let result: LocalRedrive;
  try {
    result = await redriveLocalBucket({ ...args, logLevel: args.verbose ? 'INFO' : 'WARN' });
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      process.stderr.write(`port ${args.port} is in use, but not by the local bucket: pick the port of \`npm run dev\` with --port.\n`);
      return 1;
    }
    throw error;
  }
  const where =
    result.mode === 'attached'
      ? `through the running \`npm run dev\` on ${result.endpoint}`
      : `through the local bucket, started on ${result.endpoint} for the replay and stopped after`;
  if (result.replayed.length === 0) print(`No dead letters${args.queue ? ` of ${args.queue}` : ''} to replay in ${relative(result.file)}.`);
  else {
    print(`Replayed ${result.replayed.length} dead letter(s) from ${relative(result.file)} ${where}:`);
    for (const outcome of result.replayed) {
      print(outcome.ok ? `  ok      ${outcome.letter.queue}  ${describeMessage(outcome.letter.body)}` : describeLetter(outcome.again ?? outcome.letter, 'failed'));
    }
  }
  if (result.kept.length > 0) print(`${result.kept.length} dead letter(s) of other queues left as they are.`);
  if (result.unreadable > 0) print(`${result.unreadable} line(s) of the file are not dead letters; they are left as they are.`);
  for (const letter of result.arisen) print(`${describeLetter(letter, 'new')}  (given up on during the replay)`);
  const failed = result.replayed.filter((o) => !o.ok).length;
  if (result.replayed.length > 0) {
    print(
      failed === 0
        ? `All ${result.replayed.length} succeeded; they are out of the dead-letter file.`
        : `${result.replayed.length - failed} succeeded, ${failed} failed again and ${failed === 1 ? 'is' : 'are'} back in ${relative(result.file)}: fix the cause, then run \`npm run redrive\` again.`,
    );
  }
  return failed > 0 || result.arisen.length > 0 ? 1 : 0;
}

function describeLetter(letter: DeadLetter, status = 'dead'): string {
  const lines = [`  ${status.padEnd(6)}  ${letter.queue}  ${describeMessage(letter.body)}`, `          ${letter.receiveCount} receive(s), given up on ${letter.deadLetteredAt}`];
  if (letter.lastError !== '') lines.push(`          last error: ${letter.lastError}`);
  return lines.join('\n');
}

async function aws(args: AwsRedriveArguments): Promise<number> {
  const client = sqsClientFor(args.dlqArn);
  try {
    return await redriveSqs(client, args, print);
  } finally {
    client.destroy();
  }
}

runCommand(process.argv.slice(2), parseRedriveArguments, REDRIVE_USAGE, main);
