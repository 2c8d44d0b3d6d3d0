/** What the working-storage layout (record-store.ts) throws; `key` is the storage key involved. */
export class RecordStoreError extends Error {
  override readonly name: string = 'RecordStoreError';
  constructor(
    message: string,
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A stored file the store wrote itself no longer parses: a defect or a hand edit, never bad input. */
export class CorruptRecordError extends RecordStoreError {
  override readonly name = 'CorruptRecordError';
}

/** The source key, once URL-encoded into the layout's keys, would be longer than the storage allows. */
export class SourceKeyTooLongError extends RecordStoreError {
  override readonly name = 'SourceKeyTooLongError';
  constructor(
    readonly sourceKey: string,
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`the key "${sourceKey.slice(0, 80)}…" needs ${bytes} bytes once encoded in working storage, over the ${maxBytes} allowed`, sourceKey);
  }
}

/** An article id that cannot be used as one segment of a key. */
export class InvalidArticleIdError extends RecordStoreError {
  override readonly name = 'InvalidArticleIdError';
  constructor(readonly articleId: string) {
    super(`"${articleId}" cannot be used as an article id in working storage`, articleId);
  }
}
