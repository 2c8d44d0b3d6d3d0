import { sentenceEnds } from './sentence-breaks.js';
import { fold } from './tokenise.js';

export interface Sentence {
  readonly index: number;
  /** Paragraph number (paragraphs are separated by a blank line). */
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const SPACE = /\s/u;
const LETTER = /\p{L}/u;

/** What `\s` and `String#trim` take for white space. */
const isSpace = (c: number): boolean => (c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : SPACE.test(String.fromCharCode(c)));

/**
 * The word right before a final full stop ("M." → "M") of `text.slice(from, to)`, white
 * space after it allowed: what `/(\p{L}+)\.\s*$/u` captures, read backwards from the end
 * instead of tried at every start.
 */
export function lastWordBeforeStop(text: string, from = 0, to = text.length): string | undefined {
  let end = to;
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  if (end === from || text.charCodeAt(end - 1) !== 0x2e) return undefined;
  const stop = end - 1;
  let start = stop;
  while (start > from) {
    const c = text.charCodeAt(start - 1);
    if (c < 0x80) {
      if ((c | 0x20) < 0x61 || (c | 0x20) > 0x7a) break;
      start--;
      continue;
    }
    // A letter outside the Basic Multilingual Plane is a surrogate pair.
    const high = start - 2 >= from ? text.charCodeAt(start - 2) : 0;
    const at = c >= 0xdc00 && c <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? start - 2 : start - 1;
    if (!LETTER.test(String.fromCodePoint(text.codePointAt(at) as number))) break;
    start = at;
  }
  return start < stop ? text.slice(start, stop) : undefined;
}

/**
 * Sentences as Intl.Segmenter splits each paragraph (see ./sentence-breaks.ts), then
 * re-joined where it splits after abbreviations ("M. Jerandi", "S. Jaishankar"):
 * `abbreviations` are the locale's, folded, without the dot.
 */
export function splitSentences(text: string, language: string, abbreviations: ReadonlySet<string>): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  const paragraphBreak = /\n\s*\n/g;
  let from = 0;
  const paragraphs: [number, number][] = [];
  for (const m of text.matchAll(paragraphBreak)) {
    paragraphs.push([from, m.index]);
    from = m.index + m[0].length;
  }
  paragraphs.push([from, text.length]);

  /** Adds text[start, end) trimmed, unless it is blank. */
  const flush = (start: number, end: number): void => {
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (start < end) sentences.push({ index: sentences.length, paragraph, start, end, text: text.slice(start, end) });
  };

  for (const [pStart, pEnd] of paragraphs) {
    let blank = true;
    for (let i = pStart; i < pEnd && blank; i++) blank = isSpace(text.charCodeAt(i));
    if (blank) continue;
    let pending = -1;
    let segmentStart = pStart;
    for (const bodyEnd of sentenceEnds(text.slice(pStart, pEnd), language)) {
      const end = pStart + bodyEnd;
      if (pending < 0) pending = segmentStart;
      const word = lastWordBeforeStop(text, segmentStart, end);
      const isAbbreviation = word !== undefined && (abbreviations.has(fold(word)) || (word.length === 1 && word === word.toUpperCase()));
      if (!isAbbreviation) {
        flush(pending, end);
        pending = -1;
      }
      segmentStart = end;
    }
    if (pending >= 0) flush(pending, segmentStart);
    paragraph++;
  }
  return sentences;
}
