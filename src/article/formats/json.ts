import type { ArticleDraft, FormatReadResult } from '../draft.js';
import { EmptyArticleError, InvalidArticleError, LimitExceededError, MalformedJsonError } from '../errors.js';
import type { ArticleReadError } from '../errors.js';
import type { ReaderLimits } from '../limits.js';
import { formatCount } from '../limits.js';
import { describeJsonValue, draftFromJsonValue } from './article-object.js';
import { arrayElementOffset, parseJsonWithin } from './json-bounds.js';
import { describeJsonSyntaxError, lineColumnAt } from './json-syntax.js';

/**
 * Reads a `.json` object: one article object, or an array of them. A syntax error or
 * nesting deeper than `maxJsonDepth` rejects the whole file (with its line and column): a
 * document that cannot be parsed has no elements to keep. A bad element of an array rejects
 * only that element, so one broken record does not cost the rest of a batch.
 *
 * An array longer than `maxArticles` gives its first `maxArticles` elements and one
 * `too-many-articles` rejection saying how many were left unread and where the first of
 * them starts: the articles read are kept (a user with a long export gets most of it at
 * once) and the rest is named precisely enough to send again as a second file.
 */
export function readJson(sourceKey: string, text: string, limits: ReaderLimits): FormatReadResult {
  const parsed = parseJsonWithin(text, limits.maxJsonDepth);
  if (parsed.kind === 'syntax') throw malformedJson(sourceKey, text, parsed.error);
  if (parsed.kind === 'too-deep') {
    const { line, column } = lineColumnAt(text, parsed.offset);
    throw new LimitExceededError(
      sourceKey,
      'json-too-deep',
      parsed.depth,
      limits.maxJsonDepth,
      `JSON nested ${formatCount(parsed.depth)} levels deep, over the limit of ${formatCount(limits.maxJsonDepth)}: ` +
        `level ${formatCount(limits.maxJsonDepth + 1)} opens at line ${line}, column ${column}`,
      { line, column },
    );
  }
  const value = parsed.value;

  if (!Array.isArray(value)) {
    if (typeof value !== 'object' || value === null) {
      throw new InvalidArticleError(
        sourceKey,
        `expected an article object or an array of article objects, got ${describeJsonValue(value)}`,
      );
    }
    return { entries: [draftFromJsonValue(sourceKey, value, 'json', { index: 0, label: '' })] };
  }

  if (value.length === 0) throw new EmptyArticleError(sourceKey, 'the JSON array holds no articles');
  const kept = Math.min(value.length, limits.maxArticles);
  const entries: (ArticleDraft | ArticleReadError)[] = [];
  for (let index = 0; index < kept; index++) {
    entries.push(draftFromJsonValue(sourceKey, value[index], 'json', { index, label: `articles[${index}]: ` }));
  }
  if (value.length > kept) entries.push(tooManyElements(sourceKey, text, value.length, limits.maxArticles));
  return { entries };
}

function tooManyElements(sourceKey: string, text: string, length: number, max: number): LimitExceededError {
  const offset = arrayElementOffset(text, max);
  const where = offset === undefined ? undefined : lineColumnAt(text, offset);
  return new LimitExceededError(
    sourceKey,
    'too-many-articles',
    length,
    max,
    `the JSON array holds ${formatCount(length)} articles, over the limit of ${formatCount(max)} per file: ` +
      `articles[0] to articles[${max - 1}] were read, the ${formatCount(length - max)} from articles[${max}]` +
      `${where === undefined ? '' : ` (line ${where.line}, column ${where.column})`} on were not; split the file`,
    where ?? {},
  );
}

function malformedJson(sourceKey: string, text: string, error: unknown): MalformedJsonError {
  const issue = describeJsonSyntaxError(text, error);
  if (issue.offset === undefined) {
    return new MalformedJsonError(sourceKey, `malformed JSON: ${issue.description}`, { cause: error });
  }
  const { line, column } = lineColumnAt(text, issue.offset);
  // The most common way to get here with valid records is a JSON Lines file saved as .json.
  const hint =
    /after JSON/i.test(issue.description) && /^[{[]/.test(text.slice(issue.offset, issue.offset + 1))
      ? ' (several top-level values: one object per line belongs in a .jsonl file, or wrap them in an array)'
      : '';
  return new MalformedJsonError(
    sourceKey,
    `malformed JSON at line ${line}, column ${column}: ${issue.description}${hint}`,
    { line, column, cause: error },
  );
}
