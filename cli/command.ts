/**
 * What every command-line door shares: one usage error type, option values read the same
 * way, and one way to turn a command's outcome into an exit code (2: misused, 1: failed).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The value after option `argv[at]`; the caller advances past it. */
export function optionValue(argv: readonly string[], at: number): string {
  const value = argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${argv[at]} needs a value`);
  return value;
}

export function runCommand<A extends { readonly help: boolean }>(
  argv: readonly string[],
  parse: (argv: readonly string[]) => A,
  usage: string,
  body: (args: A) => Promise<number>,
): void {
  const run = async (): Promise<number> => {
    let args: A;
    try {
      args = parse(argv);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`${error.message}\n\n${usage}\n`);
      return 2;
    }
    if (args.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    return body(args);
  };
  run().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
