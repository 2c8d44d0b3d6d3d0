import type { ArticleDraft, FormatReadResult } from '../draft.js';
import { MalformedJsonError } from '../errors.js';
import type { ArticleReadError } from '../errors.js';
import { draftFromJsonValue } from './article-object.js';
import { describeJsonSyntaxError } from './json-syntax.js';

/**
 * Reads a `.jsonl` / `.ndjson` object: one article object per line, blank lines skipped.
 * Each line stands alone, so a bad line is reported with its number and the others are read.
 * Article.index is the line number - 1, which keeps it stable when blank lines are added.
 */
export function readJsonLines(sourceKey: string, text: string): FormatReadResult {
  const entries: (ArticleDraft | ArticleReadError)[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const issue = describeJsonSyntaxError(raw, error);
      const column = issue.offset === undefined ? undefined : Math.min(issue.offset, raw.length) + 1;
      const where = column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
      entries.push(
        new MalformedJsonError(sourceKey, `${where}: malformed JSON: ${issue.description}`, {
          line,
          ...(column !== undefined ? { column } : {}),
          cause: error,
        }),
      );
      return;
    }
    entries.push(draftFromJsonValue(sourceKey, value, 'jsonl', { index: i, label: `line ${line}: `, line }));
  });
  return { entries };
}
