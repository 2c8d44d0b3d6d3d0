import type { PartialDate } from '../../dates/partial-date.js';
import type { ArticleDraft } from '../draft.js';
import { InvalidArticleError } from '../errors.js';
import type { ArticleReadErrorOptions } from '../errors.js';
import { parseIsoPublished } from '../published-date.js';

/** Where one article object sits in its file, for messages and for Article.index. */
export interface ObjectPosition {
  readonly index: number;
  /** "articles[2]: ", "line 4: " or '' for a file holding a single object. */
  readonly label: string;
  readonly line?: number;
}

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}

/** A value quoted for a message, cut so a pasted article body cannot flood the report. */
function preview(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

// `null` is how many exporters write "no value", so it counts as absent rather than wrong.
function present(obj: JsonRecord, key: string): boolean {
  return obj[key] !== undefined && obj[key] !== null;
}

/**
 * Turns one parsed JSON value into an article draft (`text`/`body` required; optional
 * `title`, `published`/`date`, `url`, `language`/`lang`; `id` ignored because Article ids
 * are derived from content). A field of the wrong type rejects the article rather than being
 * dropped, so a user learns their export is off instead of getting silently thinner data.
 */
export function draftFromJsonValue(
  sourceKey: string,
  value: unknown,
  format: 'json' | 'jsonl',
  position: ObjectPosition,
): ArticleDraft | InvalidArticleError {
  const { index, label } = position;
  const options: ArticleReadErrorOptions = position.line === undefined ? {} : { line: position.line };
  const fail = (why: string): InvalidArticleError => new InvalidArticleError(sourceKey, `${label}${why}`, options);

  if (!isRecord(value)) return fail(`expected an article object, got ${describeJsonValue(value)}`);

  const textKey = present(value, 'text') ? 'text' : present(value, 'body') ? 'body' : undefined;
  if (textKey === undefined) return fail('missing "text" or "body"');
  const text = value[textKey];
  if (typeof text !== 'string') return fail(`"${textKey}" must be a string, got ${describeJsonValue(text)}`);

  const strings: Partial<Record<'title' | 'url' | 'language', string>> = {};
  for (const [field, keys] of [
    ['title', ['title']],
    ['url', ['url']],
    ['language', ['language', 'lang']],
  ] as const) {
    const key = keys.find((k) => present(value, k));
    if (key === undefined) continue;
    const v = value[key];
    if (typeof v !== 'string') return fail(`"${key}" must be a string, got ${describeJsonValue(v)}`);
    if (v.trim() !== '') strings[field] = v.trim();
  }

  let published: PartialDate | undefined;
  const dateKey = present(value, 'published') ? 'published' : present(value, 'date') ? 'date' : undefined;
  if (dateKey !== undefined) {
    const v = value[dateKey];
    // A bare year written as a number (2022) is unambiguous; other numbers (timestamps) are not.
    const s = typeof v === 'string' ? v : typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 9999 ? String(v) : undefined;
    published = s === undefined ? undefined : parseIsoPublished(s);
    if (published === undefined) {
      return fail(
        `"${dateKey}" is not a date: ${preview(v)} (expected YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time)`,
      );
    }
  }

  return {
    index,
    format,
    text,
    label,
    ...(position.line !== undefined ? { line: position.line } : {}),
    ...(strings.title !== undefined ? { title: strings.title } : {}),
    ...(published !== undefined ? { published } : {}),
    ...(strings.language !== undefined ? { language: strings.language } : {}),
    ...(strings.url !== undefined ? { url: strings.url } : {}),
  };
}
