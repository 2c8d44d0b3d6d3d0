import type { Rejection, RejectionReason } from './article.js';

export interface ArticleReadErrorOptions {
  readonly line?: number;
  readonly column?: number;
  readonly cause?: unknown;
}

/**
 * Why one input object (or one article inside it) could not be read. The reader never lets
 * these escape: `readObject` turns each into a Rejection so a bad upload becomes a report,
 * not a crashed batch.
 */
export class ArticleReadError extends Error {
  readonly sourceKey: string;
  readonly reason: RejectionReason;
  readonly line?: number;
  readonly column?: number;

  constructor(sourceKey: string, reason: RejectionReason, message: string, options: ArticleReadErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ArticleReadError';
    this.sourceKey = sourceKey;
    this.reason = reason;
    if (options.line !== undefined) this.line = options.line;
    if (options.column !== undefined) this.column = options.column;
  }

  toRejection(): Rejection {
    return {
      sourceKey: this.sourceKey,
      reason: this.reason,
      message: this.message,
      ...(this.line !== undefined ? { line: this.line } : {}),
      ...(this.column !== undefined ? { column: this.column } : {}),
    };
  }
}

export class EmptyArticleError extends ArticleReadError {
  constructor(sourceKey: string, message: string, options?: ArticleReadErrorOptions) {
    super(sourceKey, 'empty', message, options);
    this.name = 'EmptyArticleError';
  }
}

export class BinaryContentError extends ArticleReadError {
  constructor(sourceKey: string, message: string, options?: ArticleReadErrorOptions) {
    super(sourceKey, 'binary', message, options);
    this.name = 'BinaryContentError';
  }
}

export class InvalidUtf8Error extends ArticleReadError {
  /** Offset of the first byte that is not valid UTF-8, when it was located. */
  readonly byteOffset?: number;

  constructor(sourceKey: string, message: string, options: ArticleReadErrorOptions & { byteOffset?: number } = {}) {
    super(sourceKey, 'invalid-utf8', message, options);
    this.name = 'InvalidUtf8Error';
    if (options.byteOffset !== undefined) this.byteOffset = options.byteOffset;
  }
}

export class MalformedJsonError extends ArticleReadError {
  constructor(sourceKey: string, message: string, options?: ArticleReadErrorOptions) {
    super(sourceKey, 'malformed-json', message, options);
    this.name = 'MalformedJsonError';
  }
}

export class InvalidArticleError extends ArticleReadError {
  constructor(sourceKey: string, message: string, options?: ArticleReadErrorOptions) {
    super(sourceKey, 'invalid-article', message, options);
    this.name = 'InvalidArticleError';
  }
}

export class UnknownExtensionError extends ArticleReadError {
  constructor(sourceKey: string, message: string, options?: ArticleReadErrorOptions) {
    super(sourceKey, 'unknown-extension', message, options);
    this.name = 'UnknownExtensionError';
  }
}

export class TooLargeError extends ArticleReadError {
  readonly size: number;
  readonly maxBytes: number;

  constructor(sourceKey: string, size: number, maxBytes: number, message: string, options?: ArticleReadErrorOptions) {
    super(sourceKey, 'too-large', message, options);
    this.name = 'TooLargeError';
    this.size = size;
    this.maxBytes = maxBytes;
  }
}
