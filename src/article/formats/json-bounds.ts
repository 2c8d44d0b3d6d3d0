import { findJsonErrorOffset } from './json-syntax.js';

/**
 * JSON text checked against the reader's limits before and around JSON.parse. Every scan
 * here is a single iterative pass: hostile nesting costs a counter, never a stack frame.
 */

export interface JsonNesting {
  /** Deepest nesting of arrays and objects anywhere in the text. */
  readonly depth: number;
  /** 0-based offset of the first bracket that went past `maxDepth`, when one did. */
  readonly overflowAt?: number;
}

/**
 * Measures how deep arrays and objects nest in `text`, outside strings. Runs on any text,
 * valid JSON or not: an unclosed string or bracket only ends the scan early.
 */
export function jsonNesting(text: string, maxDepth: number): JsonNesting {
  let depth = 0;
  let deepest = 0;
  let overflowAt: number | undefined;
  forEachStructural(text, 0, (i, c) => {
    if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > maxDepth && overflowAt === undefined) overflowAt = i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  });
  return overflowAt === undefined ? { depth: deepest } : { depth: deepest, overflowAt };
}

/**
 * Calls `visit` with the offset and code of each bracket, brace and comma of `text` from
 * `from` on that lies outside a string (backslash escapes skipped); stops when it returns
 * true. The one scanner both measures here share.
 */
function forEachStructural(text: string, from: number, visit: (offset: number, code: number) => boolean | void): void {
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if ((c === 0x5b || c === 0x7b || c === 0x5d || c === 0x7d || c === 0x2c) && visit(i, c) === true) {
      return;
    }
  }
}

export type BoundedJson =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'too-deep'; readonly depth: number; readonly offset: number }
  | { readonly kind: 'syntax'; readonly error: unknown };

/**
 * JSON.parse, refused when the text nests deeper than `maxDepth`. When the text is both
 * too deep and malformed, whichever problem comes first in the text is reported, so the
 * user fixes the file from the top.
 */
export function parseJsonWithin(text: string, maxDepth: number): BoundedJson {
  const nesting = jsonNesting(text, maxDepth);
  if (nesting.overflowAt !== undefined) {
    const bad = findJsonErrorOffset(text);
    if (bad === undefined || bad >= nesting.overflowAt) {
      return { kind: 'too-deep', depth: nesting.depth, offset: nesting.overflowAt };
    }
    // A syntax error comes first; JSON.parse stops there, before the deep part.
  }
  try {
    return { kind: 'value', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'syntax', error };
  }
}

/**
 * 0-based offset of element `index` of the array `text` holds at its top level; `text`
 * must be valid JSON (it has been parsed). Undefined when the array is shorter.
 */
export function arrayElementOffset(text: string, index: number): number | undefined {
  let i = text.indexOf('[');
  if (i === -1) return undefined;
  i++;
  let depth = 1;
  let seen = 0;
  const skipWhiteSpace = (from: number): number => {
    let k = from;
    while (k < text.length && ' \t\n\r'.includes(text[k] ?? '')) k++;
    return k;
  };
  if (index === 0) {
    const start = skipWhiteSpace(i);
    return text[start] === ']' ? undefined : start;
  }
  let found: number | undefined;
  forEachStructural(text, i, (offset, c) => {
    if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 0) return true;
    } else if (depth === 1 && ++seen === index) {
      found = skipWhiteSpace(offset + 1);
      return true;
    }
    return false;
  });
  return found;
}
