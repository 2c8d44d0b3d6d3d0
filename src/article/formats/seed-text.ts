import { parsePartialDate } from '../../dates/partial-date.js';
import type { FormatReadResult } from '../draft.js';
import { clip, InvalidArticleError } from '../errors.js';

// `date` followed by a token that starts with a digit. Requiring the digit keeps prose that
// merely begins with the word ("Date limite : …", "Date night in Paris") as plain text, while
// a botched header ("date 2022-13", "date 14/08/2022") is reported instead of silently
// becoming part of the body and losing the publication date.
const HEADER = /^(\s*)date[ \t]+(\d\S*)(?:[ \t]*(?:\r\n|\r|\n)|[ \t]+|$)/i;

/**
 * Reads a `.txt` object. With the seed header (`date YYYY[-MM[-DD]]` then the body on the
 * same line or the next) it is format 'seed-text' and the date keeps its precision;
 * without it the whole file is 'plain-text' with no publication date.
 */
export function readSeedText(sourceKey: string, text: string): FormatReadResult {
  const m = HEADER.exec(text);
  if (m === null) {
    return { entries: [{ index: 0, format: 'plain-text', text, label: '', textStartLine: 1 }] };
  }
  const leading = m[1] ?? '';
  const token = m[2] ?? '';
  const published = parsePartialDate(token);
  if (published === undefined) {
    const line = 1 + countNewlines(leading);
    const column = 1 + leading.length - (Math.max(leading.lastIndexOf('\n'), leading.lastIndexOf('\r')) + 1);
    const tokenColumn = column + text.slice(leading.length).search(/\d/);
    return {
      entries: [
        new InvalidArticleError(
          sourceKey,
          `the header date "${clip(token, 40)}" on line ${line} is invalid: expected "date" followed by YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)`,
          { line, column: tokenColumn },
        ),
      ],
    };
  }
  return {
    entries: [
      {
        index: 0,
        format: 'seed-text',
        text: text.slice(m[0].length),
        published,
        label: '',
        textStartLine: 1 + countNewlines(m[0]),
      },
    ],
  };
}

function countNewlines(s: string): number {
  return (s.match(/\r\n|\r|\n/g) ?? []).length;
}
