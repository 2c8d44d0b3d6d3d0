import { randomUUID } from 'node:crypto';
import { appendFile, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * The local bucket's dead-letter queue, kept on disk so that it outlives `npm run dev`:
 * one JSON line per message that ran out of receives, appended as it happens, in
 * `<data dir>/dead-letters.jsonl` (next to s3rver's bucket folders, which it ignores).
 * `npm run redrive` claims the file by renaming it, replays what it holds, and puts back
 * what it did not replay; messages that fail again are appended anew by their queue.
 */
export const DEAD_LETTER_FILE_NAME = 'dead-letters.jsonl';

/** One message given up on, as persisted. */
export interface DeadLetter {
  /** The queue it came from (`entente-normalise`, `entente-publish`, `entente-mirror`). */
  readonly queue: string;
  readonly messageId: string;
  /** Receives before it was given up on (the queue's maxReceiveCount). */
  readonly receiveCount: number;
  /** When it was first sent to the queue (ISO 8601). */
  readonly sentAt: string;
  /** When it was given up on (ISO 8601). */
  readonly deadLetteredAt: string;
  /** What went wrong the last time: the error thrown, or the handler's last error log line. */
  readonly lastError: string;
  /** The message body, as SQS would keep it (an S3 event notification). */
  readonly body: string;
}

export function deadLetterFileIn(dataDir: string): string {
  return path.join(dataDir, DEAD_LETTER_FILE_NAME);
}

/** Appends within one process are serialised per file, so lines never interleave. */
const appending = new Map<string, Promise<void>>();

export function appendDeadLetters(file: string, letters: readonly DeadLetter[]): Promise<void> {
  return appendLines(file, letters.map(serialiseDeadLetter));
}

export function serialiseDeadLetter(letter: DeadLetter): string {
  const { queue, messageId, receiveCount, sentAt, deadLetteredAt, lastError, body } = letter;
  return JSON.stringify({ queue, messageId, receiveCount, sentAt, deadLetteredAt, lastError, body });
}

function appendLines(file: string, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return appending.get(file) ?? Promise.resolve();
  const previous = appending.get(file) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => appendFile(file, lines.map((line) => `${line}\n`).join(''), 'utf8'));
  appending.set(file, next);
  void next.finally(() => {
    if (appending.get(file) === next) appending.delete(file);
  }).catch(() => undefined);
  return next;
}

/** The lines of a dead-letter file: the letters it holds, and the lines that are not one (kept, never dropped). */
export interface DeadLetterLines {
  readonly letters: DeadLetter[];
  readonly unreadable: string[];
}

export function parseDeadLetters(text: string): DeadLetterLines {
  const letters: DeadLetter[] = [];
  const unreadable: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const letter = toDeadLetter(line);
    if (letter === undefined) unreadable.push(line);
    else letters.push(letter);
  }
  return { letters, unreadable };
}

function toDeadLetter(line: string): DeadLetter | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.queue !== 'string' || typeof v.body !== 'string') return undefined;
  const text = (x: unknown, fallback: string): string => (typeof x === 'string' ? x : fallback);
  return {
    queue: v.queue,
    messageId: text(v.messageId, ''),
    receiveCount: typeof v.receiveCount === 'number' ? v.receiveCount : 0,
    sentAt: text(v.sentAt, ''),
    deadLetteredAt: text(v.deadLetteredAt, ''),
    lastError: text(v.lastError, ''),
    body: v.body,
  };
}

/** What the file holds now (nothing when it does not exist), without taking it. */
export async function readDeadLetters(file: string): Promise<DeadLetterLines> {
  const texts = [await readIfPresent(file), ...(await Promise.all((await abandonedClaims(file)).map(readIfPresent)))];
  const parts = texts.map(parseDeadLetters);
  return { letters: parts.flatMap((p) => p.letters), unreadable: parts.flatMap((p) => p.unreadable) };
}

/** Dead letters taken out of the file for a replay; `release` puts back those not replayed. */
export interface DeadLetterClaim extends DeadLetterLines {
  /** Appends `keep` (and every unreadable line) back to the file, then forgets the claim. */
  release(keep: readonly DeadLetter[]): Promise<void>;
}

/**
 * Takes every dead letter out of the file by renaming it (a process appending meanwhile
 * starts a new file), together with any claim a replay that died left behind.
 */
export async function claimDeadLetters(file: string): Promise<DeadLetterClaim> {
  const claimed: string[] = [];
  const mine = `${file}.claimed-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    await rename(file, mine);
    claimed.push(mine);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  claimed.push(...(await abandonedClaims(file)).filter((claim) => claim !== mine));
  const parts = (await Promise.all(claimed.map(readIfPresent))).map(parseDeadLetters);
  const unreadable = parts.flatMap((p) => p.unreadable);
  return {
    letters: parts.flatMap((p) => p.letters),
    unreadable,
    async release(keep) {
      await appendLines(file, [...unreadable, ...keep.map(serialiseDeadLetter)]);
      for (const claim of claimed) await unlink(claim).catch(() => undefined);
    },
  };
}

/** Claims left by a replay whose process is gone (a live one is left alone). */
async function abandonedClaims(file: string): Promise<string[]> {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.claimed-`;
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => name.startsWith(prefix) && !isAlive(Number(name.slice(prefix.length).split('-')[0])))
    .sort()
    .map((name) => path.join(dir, name));
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  // This process's own claims are in hand only while its replay runs, and it runs one at a time.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readIfPresent(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
