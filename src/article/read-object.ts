import { createHash } from 'node:crypto';
import { formatPartialDate } from '../dates/partial-date.js';
import type { Article, ReadResult, Rejection } from './article.js';
import type { ArticleDraft, FormatReadResult } from './draft.js';
import {
  ArticleReadError,
  BinaryContentError,
  clip,
  EmptyArticleError,
  InternalReadError,
  InvalidArticleError,
  InvalidReaderOptionError,
  InvalidUtf8Error,
  LimitExceededError,
  ReaderModuleError,
  TooLargeError,
  UnknownExtensionError,
} from './errors.js';
import { countStartTags } from './formats/html-bounds.js';
import { loadHtmlReader, readHtml } from './formats/html.js';
import { readJson } from './formats/json.js';
import { readJsonLines } from './formats/jsonl.js';
import { readSeedText } from './formats/seed-text.js';
import { detectLanguage, normaliseLanguageTag } from './language.js';
import type { ReaderLimits } from './limits.js';
import { DEFAULT_LIMITS, DEFAULT_MAX_BYTES, formatCount } from './limits.js';
import { normaliseInline, normaliseText, toWellFormed } from './normalise.js';

/** Every limit may be set; the defaults and the reason for each are in limits.ts. */
export interface ReadObjectOptions extends Partial<ReaderLimits> {
  /** Objects larger than this are rejected unread. @default 5 MiB */
  readonly maxBytes?: number;
}

export { DEFAULT_MAX_BYTES };

type Reader = (sourceKey: string, text: string, limits: ReaderLimits, bytes: number) => FormatReadResult;

const READERS: Readonly<Record<string, Reader>> = {
  '.txt': readSeedText,
  '.json': readJson,
  '.jsonl': readJsonLines,
  '.ndjson': readJsonLines,
  '.html': readWebPage,
  '.htm': readWebPage,
};
const ACCEPTED = Object.keys(READERS).join(', ');

// Binary sniffing looks at the head only: real binaries show themselves in the first bytes,
// and the whole of a 5 MiB object need not be scanned to say so.
const SNIFF_BYTES = 64 * 1024;
const MAX_CONTROL_RATIO = 0.05;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads one input object into normalised articles and rejections. Never throws for bad
 * input: every problem becomes a Rejection naming the object and the reason. Checks run
 * cheapest and most fundamental first (size, extension, emptiness, binary, encoding, then
 * each format's limits) so a file is rejected for the reason a person should fix first.
 * A failure of the reader itself becomes an `internal-error` rejection for the object or
 * the article it happened in, so one defect costs one file, not the batch.
 *
 * Async because the heavy parts of the reader are imported on first use: the HTML reader
 * for the first web page, eld's language model for the first text that is not plainly
 * French or English (see LAZY_MODULES in infra/constructs/defaults.ts).
 *
 * @throws InvalidReaderOptionError when a limit in `options` is not a positive whole number.
 * @throws ReaderModuleError when a part of the reader cannot be loaded: the deployment's
 *   fault, not the object's, so it is not made a rejection (the upload is retried instead).
 */
export async function readObject(sourceKey: string, bytes: Uint8Array, options: ReadObjectOptions = {}): Promise<ReadResult> {
  const limits = resolveLimits(options);
  // Outside the try: failing to load the reader is ours, not the object's.
  if (READERS[extensionOf(sourceKey)] === readWebPage) await loadHtmlReader();
  let outcome: FormatReadResult;
  try {
    const reader = checkObject(sourceKey, bytes, limits.maxBytes);
    const text = decode(sourceKey, bytes);
    outcome = reader(sourceKey, text, limits, bytes.length);
  } catch (error) {
    if (error instanceof ReaderModuleError) throw error;
    return { articles: [], rejections: [asReadError(sourceKey, error, 'on the object').toRejection()] };
  }

  const articles: Article[] = [];
  const rejections: Rejection[] = [];
  for (const entry of outcome.entries) {
    const article = entry instanceof ArticleReadError ? entry : await finishSafely(sourceKey, entry, limits);
    if (article instanceof ArticleReadError) rejections.push(article.toRejection());
    else articles.push(article);
  }
  return { articles, rejections };
}

function resolveLimits(options: ReadObjectOptions): ReaderLimits {
  const pick = (name: keyof ReaderLimits): number => {
    const value = options[name];
    if (value === undefined) return DEFAULT_LIMITS[name];
    if (!Number.isSafeInteger(value) || value <= 0) throw new InvalidReaderOptionError(name, value);
    return value;
  };
  return {
    maxBytes: pick('maxBytes'),
    maxArticles: pick('maxArticles'),
    maxLineChars: pick('maxLineChars'),
    maxJsonlLineChars: pick('maxJsonlLineChars'),
    maxJsonDepth: pick('maxJsonDepth'),
    maxHtmlBytes: pick('maxHtmlBytes'),
    maxHtmlElements: pick('maxHtmlElements'),
  };
}

async function finishSafely(sourceKey: string, draft: ArticleDraft, limits: ReaderLimits): Promise<Article | ArticleReadError> {
  try {
    return await finish(sourceKey, draft, limits);
  } catch (error) {
    // eld's model failed to load: ours to fix, not this article's.
    if (error instanceof ReaderModuleError) throw error;
    const which = draft.label === '' ? 'the article' : draft.label.replace(/: $/, '');
    return asReadError(sourceKey, error, `on ${which}`, draft.line === undefined ? {} : { line: draft.line });
  }
}

function asReadError(sourceKey: string, error: unknown, where: string, at: { line?: number } = {}): ArticleReadError {
  if (error instanceof ArticleReadError) return error;
  const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new InternalReadError(sourceKey, `the reader failed ${where}: ${clip(why, 200)}`, { ...at, cause: error });
}

/** Extension of the key's last path segment, lower-cased, with its dot; '' when there is none. */
export function extensionOf(sourceKey: string): string {
  const name = sourceKey.slice(sourceKey.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

function checkObject(sourceKey: string, bytes: Uint8Array, maxBytes: number): Reader {
  if (bytes.length > maxBytes) {
    throw new TooLargeError(
      sourceKey,
      bytes.length,
      maxBytes,
      `the object is ${formatCount(bytes.length)} bytes, over the limit of ${formatCount(maxBytes)} bytes`,
    );
  }

  const ext = extensionOf(sourceKey);
  const reader = READERS[ext];
  if (reader === undefined) {
    throw new UnknownExtensionError(
      sourceKey,
      ext === ''
        ? `the key has no file extension; accepted extensions are ${ACCEPTED}`
        : `unknown extension "${clip(ext, 40)}"; accepted extensions are ${ACCEPTED}`,
    );
  }

  if (bytes.length === 0) throw new EmptyArticleError(sourceKey, 'the object is empty (0 bytes)');
  if (isBlank(bytes)) {
    throw new EmptyArticleError(sourceKey, `the object holds only white space (${formatCount(bytes.length)} bytes)`);
  }

  // UTF-16 is text, just in the wrong encoding; saying so is more useful than "binary".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InvalidUtf8Error(sourceKey, 'the object starts with a UTF-16 byte order mark; save it as UTF-8', {
      byteOffset: 0,
    });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new BinaryContentError(
      sourceKey,
      `the object contains a NUL byte at offset ${nul}; it looks like a binary file, not text (UTF-16 text must be saved as UTF-8)`,
    );
  }
  const head = bytes.subarray(0, SNIFF_BYTES);
  const controls = countControlBytes(head);
  if (controls / head.length > MAX_CONTROL_RATIO) {
    throw new BinaryContentError(
      sourceKey,
      `${controls} of the first ${head.length} bytes are control characters; it looks like a binary file, not text`,
    );
  }
  return reader;
}

function isBlank(bytes: Uint8Array): boolean {
  // A lone UTF-8 byte order mark before the white space still makes an empty file.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d) return false;
  }
  return true;
}

function countControlBytes(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    // Tab, LF, VT, FF and CR are ordinary in text files.
    if ((b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f) n++;
  }
  return n;
}

function decode(sourceKey: string, bytes: Uint8Array): string {
  try {
    // The decoder drops a leading UTF-8 byte order mark (ignoreBOM defaults to false).
    return utf8.decode(bytes);
  } catch (error) {
    const offset = firstInvalidUtf8Offset(bytes);
    if (offset === undefined) {
      throw new InvalidUtf8Error(sourceKey, 'the object is not valid UTF-8', { cause: error });
    }
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new InvalidUtf8Error(
      sourceKey,
      `the object is not valid UTF-8: byte 0x${byte} at offset ${offset} (line ${line}) starts an invalid sequence; ` +
        'it may be Latin-1 or Windows-1252, save it as UTF-8',
      { byteOffset: offset, line, cause: error },
    );
  }
}

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  const n = bytes.length;
  const cont = (i: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i];
    return b !== undefined && b >= lo && b <= hi;
  };
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
    } else if (b >= 0xc2 && b <= 0xdf) {
      if (!cont(i + 1)) return i;
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      if (!cont(i + 1, lo, hi) || !cont(i + 2)) return i;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      if (!cont(i + 1, lo, hi) || !cont(i + 2) || !cont(i + 3)) return i;
      i += 4;
    } else {
      return i;
    }
  }
  return undefined;
}

/**
 * Web pages are checked against the HTML limits before the DOM library sees them: its cost
 * grows faster than the page (see limits.ts), so an oversized page is refused, not parsed.
 * The parser and readability are third-party code run on hostile input: their failures are
 * the page's problem (`invalid-article`), not a crash.
 */
function readWebPage(sourceKey: string, html: string, limits: ReaderLimits, bytes: number): FormatReadResult {
  if (bytes > limits.maxHtmlBytes) {
    throw new LimitExceededError(
      sourceKey,
      'html-too-large',
      bytes,
      limits.maxHtmlBytes,
      `the web page is ${formatCount(bytes)} bytes, over the limit of ${formatCount(limits.maxHtmlBytes)} bytes for HTML; not parsed`,
    );
  }
  const elements = countStartTags(html);
  if (elements > limits.maxHtmlElements) {
    throw new LimitExceededError(
      sourceKey,
      'html-too-complex',
      elements,
      limits.maxHtmlElements,
      `the web page has ${formatCount(elements)} start tags, over the limit of ${formatCount(limits.maxHtmlElements)} elements; not parsed`,
    );
  }
  try {
    return readHtml(sourceKey, html);
  } catch (error) {
    if (error instanceof ArticleReadError || error instanceof ReaderModuleError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new InvalidArticleError(sourceKey, `could not read the HTML content: ${clip(why, 200)}`, { cause: error });
  }
}

async function finish(sourceKey: string, draft: ArticleDraft, limits: ReaderLimits): Promise<Article | ArticleReadError> {
  const long = firstLineOver(draft.text, limits.maxLineChars);
  if (long !== undefined) return lineTooLong(sourceKey, draft, long, limits.maxLineChars);

  const text = normaliseText(draft.text);
  if (text === '') {
    return new EmptyArticleError(
      sourceKey,
      `${draft.label}the article text is empty`,
      draft.line === undefined ? {} : { line: draft.line },
    );
  }

  const stated = draft.language === undefined ? 'und' : normaliseLanguageTag(draft.language);
  const language = stated !== 'und' ? stated : await detectLanguage(text);
  const title = draft.title === undefined ? '' : normaliseInline(draft.title);
  const publishedIso = draft.published === undefined ? '' : formatPartialDate(draft.published);

  return {
    id: articleId(publishedIso, language, text),
    sourceKey,
    index: draft.index,
    format: draft.format,
    ...(title !== '' ? { title } : {}),
    ...(draft.published !== undefined ? { published: draft.published } : {}),
    language,
    languageSource: stated !== 'und' ? 'metadata' : 'detected',
    ...(draft.url !== undefined ? { url: toWellFormed(draft.url) } : {}),
    text,
    sha256: sha256Hex(text),
  };
}

interface LongLine {
  /** 1-based line within the text. */
  readonly line: number;
  readonly length: number;
}

/** The first line of `text` longer than `max`; "\r\n", "\r" and "\n" each end a line, as in every line count here. */
function firstLineOver(text: string, max: number): LongLine | undefined {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (c !== 0x0a && c !== 0x0d) continue;
    if (i - start > max) return { line, length: i - start };
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    line++;
    start = i + 1;
  }
  return undefined;
}

function lineTooLong(sourceKey: string, draft: ArticleDraft, long: LongLine, max: number): LimitExceededError {
  const size = `${formatCount(long.length)} characters long, over the limit of ${formatCount(max)} per line`;
  if (draft.textStartLine !== undefined) {
    const line = draft.textStartLine + long.line - 1;
    return new LimitExceededError(sourceKey, 'line-too-long', long.length, max, `${draft.label}line ${line} is ${size}`, { line });
  }
  return new LimitExceededError(
    sourceKey,
    'line-too-long',
    long.length,
    max,
    `${draft.label}line ${formatCount(long.line)} of the article text is ${size}`,
    draft.line === undefined ? {} : { line: draft.line },
  );
}

/**
 * Content-derived, so the same article uploaded under two keys (or twice) gets one id and
 * fuses downstream; the date and language are part of it because the same words published
 * on another day are another report.
 */
export function articleId(publishedIso: string, language: string, text: string): string {
  return `art-${sha256Hex(`${publishedIso}\n${language}\n${text}`).slice(0, 16)}`;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
