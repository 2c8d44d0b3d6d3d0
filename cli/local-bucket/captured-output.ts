import { AsyncLocalStorage } from 'node:async_hooks';
import { encodeEventKey } from './notifications.js';

/**
 * What a handler wrote to stdout and stderr during one invocation, as CloudWatch keeps a
 * Lambda's output: the local queue reads the last error line of a failed message from it.
 * Writes still go through, unchanged; only the invocation's own async context is recorded,
 * so invocations running side by side do not see each other's lines.
 */
const scope = new AsyncLocalStorage<string[]>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write;
    stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
      const lines = scope.getStore();
      if (lines !== undefined && (typeof chunk === 'string' || chunk instanceof Uint8Array)) lines.push(Buffer.from(chunk).toString('utf8'));
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof stream.write;
  }
}

/** Runs `fn`, returning what it wrote alongside its outcome. */
export async function withCapturedOutput<T>(fn: () => Promise<T>): Promise<{ readonly output: string[]; readonly value?: T; readonly error?: unknown; readonly threw: boolean }> {
  install();
  const output: string[] = [];
  try {
    const value = await scope.run(output, fn);
    return { output, value, threw: false };
  } catch (error) {
    return { output, error, threw: true };
  }
}

/** A structured (Powertools) log line at level ERROR or above. */
interface ErrorLine {
  readonly message: string;
  readonly messageId?: string;
  readonly objectKey?: string;
  readonly error?: { readonly name?: string; readonly message?: string };
}

function errorLines(output: readonly string[]): ErrorLine[] {
  const found: ErrorLine[] = [];
  for (const line of output.join('').split('\n')) {
    if (!line.startsWith('{')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const entry = parsed as Record<string, unknown>;
    if (entry.level !== 'ERROR' && entry.level !== 'CRITICAL') continue;
    found.push({
      message: typeof entry.message === 'string' ? entry.message : 'error',
      ...(typeof entry.messageId === 'string' ? { messageId: entry.messageId } : {}),
      ...(typeof entry.objectKey === 'string' ? { objectKey: entry.objectKey } : {}),
      ...(typeof entry.error === 'object' && entry.error !== null ? { error: entry.error as ErrorLine['error'] } : {}),
    });
  }
  return found;
}

const MAX_ERROR_LENGTH = 1000;

/**
 * The last error line that concerns this message (same messageId, or an objectKey its body
 * names), else the invocation's last error line; undefined when there is none.
 */
export function lastErrorFor(output: readonly string[], messageId: string, body: string): string | undefined {
  const lines = errorLines(output);
  const about = lines.filter((l) => l.messageId === messageId || (l.objectKey !== undefined && (body.includes(encodeEventKey(l.objectKey)) || body.includes(l.objectKey))));
  const line = about.at(-1) ?? lines.at(-1);
  if (line === undefined) return undefined;
  const cause = line.error === undefined ? '' : `: ${[line.error.name, line.error.message].filter((x) => typeof x === 'string' && x !== '').join(': ')}`;
  return `${line.message}${line.objectKey !== undefined ? ` (${line.objectKey})` : ''}${cause}`.slice(0, MAX_ERROR_LENGTH);
}

/** An error thrown by a handler, as one line. */
export function describeThrown(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `the function threw: ${text}`.slice(0, MAX_ERROR_LENGTH);
}
