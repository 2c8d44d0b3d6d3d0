/**
 * The reader's limits, in a module of their own so that code which only needs the numbers
 * (the Lambda environment, the CLI) does not load the reader and its language model.
 *
 * Each limit exists because something past it costs time or memory out of proportion to
 * what a news article needs; each is reported with its own rejection reason, naming the
 * limit and the value found, so a user knows which number to change or which file to split.
 * All are overridable through `ReadObjectOptions`. Timings below were measured on the
 * 2-core development machine (Node 20); a Lambda is not slower.
 */

/**
 * Largest object read, in bytes (reason `too-large`). 5 MiB holds a thousand news articles
 * of 5 KB; the whole object is held in memory twice (bytes, then decoded text).
 */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Most entries read from one JSON array or JSON Lines file (reason `too-many-articles`).
 * An entry is an element of the array or a non-blank line, whether it becomes an article or
 * a rejection. A file with more gives its first entries and one rejection naming where
 * reading stopped and how many entries were left unread (nothing is lost silently: the
 * user knows exactly which part to send again). 1,000 is what 5 MiB holds at a typical 5 KB
 * per article; past it the file is mostly fragments. Each article costs about 11 ms of
 * extraction and three working-storage writes in the normalise function, so 1,000 articles
 * stay well inside its 60 s timeout, while 5 MiB of `{"text":"a"}` lines (370,000 entries)
 * would not.
 */
export const DEFAULT_MAX_ARTICLES = 1_000;

/**
 * Longest line of an article's text, in UTF-16 code units (reason `line-too-long`): a line
 * of a `.txt` file, or a line of the text of a JSON article or of a web page. Extraction
 * cost grows much faster than the length of one unbroken sentence (100,000 characters
 * without punctuation: 0.7 s; 200,000: 5 s), and a line is the longest a sentence can be.
 * A news paragraph is under 5,000 characters, and even a whole long-form article written on
 * one line (15,000 words) stays under 100,000.
 */
export const DEFAULT_MAX_LINE_CHARS = 100_000;

/**
 * Longest line of a JSON Lines file, in UTF-16 code units (reason `line-too-long`). One line
 * is one article with its metadata: ten times the longest text line is room for a long-form
 * article with a copy of its HTML. A longer line is a dump (often a whole JSON array saved
 * on one line) and is rejected before it is parsed.
 */
export const DEFAULT_MAX_JSONL_LINE_CHARS = 1_000_000;

/**
 * Deepest nesting of arrays and objects in a JSON document or JSON Lines line (reason
 * `json-too-deep`). An article needs 2 (an array of objects), metadata a few more (authors
 * with affiliations); 64 leaves ample room while keeping every recursive consumer of the
 * parsed value (JSON.stringify, structured clone) thousands of frames from the stack
 * limit. Checked by an iterative scan before JSON.parse.
 */
export const DEFAULT_MAX_JSON_DEPTH = 64;

/**
 * Largest web page parsed, in bytes (reason `html-too-large`), checked before the DOM
 * library sees it. A news page is typically 100-500 KB of HTML and a page saved with its
 * inline styles and scripts rarely passes 1 MB; parsing builds a DOM many times the size
 * of the source and runs readability over it.
 */
export const DEFAULT_MAX_HTML_BYTES = 2 * 1024 * 1024;

/**
 * Most elements in a web page (reason `html-too-complex`): its start tags outside comments
 * and raw text, counted by a linear scan before parsing (formats/html-bounds.ts; a page that
 * breaks its own nesting may build up to twice as many). The DOM library's cost grows
 * faster than the number of nested elements (20,000 unclosed `<b>` tags: 1 s; 80,000:
 * 21 s; 1 MB of them: over 100 s), and readability's with the number of elements
 * (40,000: 6 s). Lighthouse flags pages over 1,400 elements as excessive; 20,000 is
 * fourteen times that.
 */
export const DEFAULT_MAX_HTML_ELEMENTS = 20_000;

/**
 * Longest rejection message, in UTF-16 code units. Messages quote what they found (a key's
 * extension, a bad date) and a quoted value is cut well before this; this bounds the rest,
 * so a hostile file cannot make its report (or rejected.csv) grow with its size.
 */
export const MAX_MESSAGE_CHARS = 400;

/** The limits one read works under; see the constants above for each value's reason. */
export interface ReaderLimits {
  readonly maxBytes: number;
  readonly maxArticles: number;
  readonly maxLineChars: number;
  readonly maxJsonlLineChars: number;
  readonly maxJsonDepth: number;
  readonly maxHtmlBytes: number;
  readonly maxHtmlElements: number;
}

export const DEFAULT_LIMITS: ReaderLimits = Object.freeze({
  maxBytes: DEFAULT_MAX_BYTES,
  maxArticles: DEFAULT_MAX_ARTICLES,
  maxLineChars: DEFAULT_MAX_LINE_CHARS,
  maxJsonlLineChars: DEFAULT_MAX_JSONL_LINE_CHARS,
  maxJsonDepth: DEFAULT_MAX_JSON_DEPTH,
  maxHtmlBytes: DEFAULT_MAX_HTML_BYTES,
  maxHtmlElements: DEFAULT_MAX_HTML_ELEMENTS,
});

const counts = new Intl.NumberFormat('en-US');

/** A count for a message, with thousands separators: 1,048,576. */
export function formatCount(n: number): string {
  return counts.format(n);
}
