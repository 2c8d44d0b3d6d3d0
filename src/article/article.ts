import type { PartialDate } from '../dates/partial-date.js';

/** The formats the reader accepts, by the extension of the object key. */
export type ArticleFormat = 'seed-text' | 'plain-text' | 'json' | 'jsonl' | 'html';

/**
 * One article, read and normalised. `text` is the normalised body (NFC, typographic
 * apostrophes and quotes folded to ASCII, non-breaking spaces to spaces, runs of spaces
 * collapsed, paragraphs kept as "\n\n"); every offset the extractor emits points into it.
 */
export interface Article {
  /** Deterministic: derived from the content (published date + language + text), not from the key. */
  readonly id: string;
  /** The object key or path relative to the input folder it came from. */
  readonly sourceKey: string;
  /** Position within a multi-article file (JSON array, JSONL line number - 1); 0 otherwise. */
  readonly index: number;
  readonly format: ArticleFormat;
  readonly title?: string;
  readonly published?: PartialDate;
  /** ISO 639-1 code, or 'und' when it cannot be told. */
  readonly language: string;
  readonly languageSource: 'metadata' | 'detected';
  readonly url?: string;
  readonly text: string;
  /** sha256 (hex) of the normalised text. */
  readonly sha256: string;
}

/**
 * Machine-readable reasons a whole file (or one article inside it) is rejected, roughly in
 * the order readObject meets them. Published in the `reason` column of rejected.csv.
 */
export const REJECTION_REASONS = [
  'too-large',
  'unknown-extension',
  'empty',
  'binary',
  'invalid-utf8',
  'html-too-large',
  'html-too-complex',
  'json-too-deep',
  'malformed-json',
  'too-many-articles',
  'line-too-long',
  'invalid-article',
  /** The reader or extractor failed on this object: a defect of ours, reported so the batch goes on. */
  'internal-error',
] as const;

export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface Rejection {
  readonly sourceKey: string;
  readonly reason: RejectionReason;
  /** A sentence a person can act on: what was wrong and where. */
  readonly message: string;
  /**
   * 1-based line of the file when the problem has one: a JSONL line, a JSON syntax error or
   * too-deep bracket, a line over the length limit, the first entry left unread.
   */
  readonly line?: number;
  /** 1-based column (UTF-16 code units) within that line, when known. */
  readonly column?: number;
}

export interface ReadResult {
  readonly articles: Article[];
  readonly rejections: Rejection[];
}
