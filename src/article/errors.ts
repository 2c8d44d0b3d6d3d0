import type { Rejection, RejectionReason } from './article.js';
import { MAX_MESSAGE_CHARS } from './limits.js';
import { toWellFormed } from './normalise.js';

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
    super(capMessage(message), options.cause === undefined ? undefined : { cause: options.cause });
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

/**
 * A limit of `ReaderLimits` was passed through (reason `too-many-articles`, `line-too-long`,
 * `json-too-deep`, `html-too-large`, `html-too-complex`): `actual` is what the object held,
 * `limit` what is allowed.
 */
export class LimitExceededError extends ArticleReadError {
  readonly actual: number;
  readonly limit: number;

  constructor(
    sourceKey: string,
    reason: LimitReason,
    actual: number,
    limit: number,
    message: string,
    options?: ArticleReadErrorOptions,
  ) {
    super(sourceKey, reason, message, options);
    this.name = 'LimitExceededError';
    this.actual = actual;
    this.limit = limit;
  }
}

export type LimitReason = Extract<
  RejectionReason,
  'too-many-articles' | 'line-too-long' | 'json-too-deep' | 'html-too-large' | 'html-too-complex'
>;

/** The reader failed on this object or article: a defect of ours, reported so the batch goes on. */
export class InternalReadError extends ArticleReadError {
  constructor(sourceKey: string, message: string, options?: ArticleReadErrorOptions) {
    super(sourceKey, 'internal-error', message, options);
    this.name = 'InternalReadError';
  }
}

/** A `ReadObjectOptions` limit that is not a positive whole number: a caller's mistake, not bad input. */
export class InvalidReaderOptionError extends RangeError {
  readonly option: string;
  readonly value: unknown;

  constructor(option: string, value: unknown) {
    super(`the reader option ${option} must be a positive whole number, got ${String(value)}`);
    this.name = 'InvalidReaderOptionError';
    this.option = option;
    this.value = value;
  }
}

/**
 * A part of the reader that is loaded only when needed (the HTML reader's DOM stack, eld's
 * language model) could not be loaded: a fault of the deployment, not of the object. Never
 * turned into a rejection: it propagates out of `readObject`, so that the upload is retried
 * (and alarms) rather than published as unreadable.
 */
export class ReaderModuleError extends Error {
  /** What could not be loaded, e.g. 'the HTML reader (linkedom, Readability)'. */
  readonly what: string;

  constructor(what: string, cause: unknown) {
    const why = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`could not load ${what}: ${clip(why, 300)}`, { cause });
    this.name = 'ReaderModuleError';
    this.what = what;
  }
}

// Messages end up in UTF-8 reports and CSV cells: no lone surrogate, no unbounded length.
function capMessage(message: string): string {
  return clip(toWellFormed(message), MAX_MESSAGE_CHARS);
}

/** `text` cut to at most `max` UTF-16 code units, ending in "…" when cut, never inside a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
