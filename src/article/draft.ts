import type { ArticleFormat } from './article.js';
import type { PartialDate } from '../dates/partial-date.js';
import type { ArticleReadError } from './errors.js';

/**
 * What a format reader hands back for one article: raw (not yet normalised) text and the
 * metadata the file states. `readObject` normalises, detects the language and derives ids,
 * so every format gets exactly the same treatment.
 */
export interface ArticleDraft {
  readonly index: number;
  readonly format: ArticleFormat;
  readonly text: string;
  readonly title?: string;
  readonly published?: PartialDate;
  /** The language as the file states it, not yet reduced to ISO 639-1. */
  readonly language?: string;
  readonly url?: string;
  /** Prefix for messages about this article ("articles[2]: ", "line 4: "), empty for a whole file. */
  readonly label: string;
  /** 1-based line the article starts on, when the format has one per article (JSONL). */
  readonly line?: number;
  /**
   * 1-based line of the file where `text` starts, when `text` is a verbatim slice of the
   * file (a `.txt` body), so a problem in line k of the text is reported at its file line.
   */
  readonly textStartLine?: number;
}

/**
 * Everything a file held, in file order: an article draft, or the reason one entry could
 * not be read. Per-entry problems do not stop the other articles of the same file, and file
 * order keeps the rejection report in the order a person would look for them.
 */
export interface FormatReadResult {
  readonly entries: (ArticleDraft | ArticleReadError)[];
}
