import type { ArticleDraft, FormatReadResult } from '../draft.js';
import { EmptyArticleError, LimitExceededError, MalformedJsonError } from '../errors.js';
import type { ArticleReadError } from '../errors.js';
import type { ReaderLimits } from '../limits.js';
import { formatCount } from '../limits.js';
import { draftFromJsonValue } from './article-object.js';
import { parseJsonWithin } from './json-bounds.js';
import { describeJsonSyntaxError, lineColumnAt } from './json-syntax.js';

// Blank as JSON sees it: spaces and tabs only. A line of no-break spaces or a stray byte
// order mark is not blank, and is reported rather than skipped.
const BLANK = /^[ \t]*$/;

/**
 * Reads a `.jsonl` / `.ndjson` object: one article object per line, blank lines skipped.
 * Each line stands alone, so a bad line (malformed, too long, too deep) is reported with its
 * number and the others are read. Article.index is the line number - 1, which keeps it
 * stable when blank lines are added.
 *
 * Past `maxArticles` non-blank lines the rest is not read: the first `maxArticles` entries
 * are kept and one `too-many-articles` rejection names the line reading stopped at and how
 * many non-blank lines were left, so they can be sent again as another file.
 */
export function readJsonLines(sourceKey: string, text: string, limits: ReaderLimits): FormatReadResult {
  const entries: (ArticleDraft | ArticleReadError)[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let read = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (BLANK.test(raw)) continue;
    if (read === limits.maxArticles) {
      entries.push(tooManyLines(sourceKey, lines, i, limits.maxArticles));
      break;
    }
    read++;
    entries.push(readLine(sourceKey, raw, i, limits));
  }
  if (entries.length === 0) throw new EmptyArticleError(sourceKey, 'the file holds no JSON Lines records, only blank lines');
  return { entries };

  function readLine(key: string, raw: string, i: number, lim: ReaderLimits): ArticleDraft | ArticleReadError {
    const line = i + 1;
    if (raw.length > lim.maxJsonlLineChars) {
      return new LimitExceededError(
        key,
        'line-too-long',
        raw.length,
        lim.maxJsonlLineChars,
        `line ${line} is ${formatCount(raw.length)} characters long, over the limit of ` +
          `${formatCount(lim.maxJsonlLineChars)} per JSON Lines record (one article per line; a JSON array belongs in a .json file)`,
        { line },
      );
    }
    const parsed = parseJsonWithin(raw, lim.maxJsonDepth);
    if (parsed.kind === 'too-deep') {
      const column = lineColumnAt(raw, parsed.offset).column;
      return new LimitExceededError(
        key,
        'json-too-deep',
        parsed.depth,
        lim.maxJsonDepth,
        `line ${line}: JSON nested ${formatCount(parsed.depth)} levels deep, over the limit of ` +
          `${formatCount(lim.maxJsonDepth)}: level ${formatCount(lim.maxJsonDepth + 1)} opens at column ${column}`,
        { line, column },
      );
    }
    if (parsed.kind === 'syntax') {
      const issue = describeJsonSyntaxError(raw, parsed.error);
      const column = issue.offset === undefined ? undefined : Math.min(issue.offset, raw.length) + 1;
      const where = column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
      return new MalformedJsonError(key, `${where}: malformed JSON: ${issue.description}`, {
        line,
        ...(column !== undefined ? { column } : {}),
        cause: parsed.error,
      });
    }
    return draftFromJsonValue(key, parsed.value, 'jsonl', { index: i, label: `line ${line}: `, line });
  }
}

function tooManyLines(sourceKey: string, lines: readonly string[], stop: number, max: number): LimitExceededError {
  let left = 0;
  for (let k = stop; k < lines.length; k++) if (!BLANK.test(lines[k] ?? '')) left++;
  const line = stop + 1;
  return new LimitExceededError(
    sourceKey,
    'too-many-articles',
    max + left,
    max,
    `the file holds ${formatCount(max + left)} articles (non-blank lines), over the limit of ${formatCount(max)} per file: ` +
      `the first ${formatCount(max)} were read, the ${formatCount(left)} from line ${line} on were not; split the file`,
    { line },
  );
}
