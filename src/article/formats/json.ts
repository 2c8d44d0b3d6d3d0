import type { FormatReadResult } from '../draft.js';
import { EmptyArticleError, InvalidArticleError, MalformedJsonError } from '../errors.js';
import { describeJsonValue, draftFromJsonValue } from './article-object.js';
import { describeJsonSyntaxError, lineColumnAt } from './json-syntax.js';

/**
 * Reads a `.json` object: one article object, or an array of them. A syntax error rejects
 * the whole file (with its line and column); a bad element of an array rejects only that
 * element, so one broken record does not cost the rest of a batch.
 */
export function readJson(sourceKey: string, text: string): FormatReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw malformedJson(sourceKey, text, error);
  }

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
  return {
    entries: value.map((element: unknown, index) =>
      draftFromJsonValue(sourceKey, element, 'json', { index, label: `articles[${index}]: ` }),
    ),
  };
}

function malformedJson(sourceKey: string, text: string, error: unknown): MalformedJsonError {
  const issue = describeJsonSyntaxError(text, error);
  if (issue.offset === undefined) {
    return new MalformedJsonError(sourceKey, `malformed JSON: ${issue.description}`, { cause: error });
  }
  const { line, column } = lineColumnAt(text, issue.offset);
  // The most common way to get here with valid records is a JSON Lines file saved as .json.
  const hint =
    /after JSON/i.test(issue.description) && /^[{[]/.test(text.slice(issue.offset))
      ? ' (several top-level values: one object per line belongs in a .jsonl file, or wrap them in an array)'
      : '';
  return new MalformedJsonError(
    sourceKey,
    `malformed JSON at line ${line}, column ${column}: ${issue.description}${hint}`,
    { line, column, cause: error },
  );
}
