/** What ingestUpload throws; `key` is the upload's object key. */
export class IngestError extends Error {
  override readonly name: string = 'IngestError';
  constructor(
    message: string,
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The upload changed under us on every pass: the message is retried later, when it has settled. */
export class UploadKeptChangingError extends IngestError {
  override readonly name = 'UploadKeptChangingError';
  constructor(
    key: string,
    readonly passes: number,
  ) {
    super(`"${key}" changed during each of ${passes} passes; giving up for now`, key);
  }
}
