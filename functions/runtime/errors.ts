/** Everything the Lambda runtime modules throw: bad configuration, or a message that is not what the queue promised. */
export class RuntimeError extends Error {
  override readonly name: string = 'RuntimeError';
}

/** An environment variable is missing or malformed; `problems` lists every one found, not only the first. */
export class ConfigurationError extends RuntimeError {
  override readonly name = 'ConfigurationError';
  constructor(readonly problems: readonly string[]) {
    super(`invalid function configuration: ${problems.join('; ')}`);
  }
}

/** An SQS message body that is not an S3 event notification; `body` is the message as received. */
export class InvalidEventError extends RuntimeError {
  override readonly name = 'InvalidEventError';
  constructor(
    message: string,
    readonly body: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
