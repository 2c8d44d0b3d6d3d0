import { fold } from './tokenise.js';

export interface Sentence {
  readonly index: number;
  /** Paragraph number (paragraphs are separated by a blank line). */
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const segmenters = new Map<string, Intl.Segmenter>();
const LAST_WORD = /(\p{L}+)\.\s*$/u;

/**
 * Intl.Segmenter per paragraph, then re-joins the splits it makes after abbreviations
 * ("M. Jerandi", "S. Jaishankar"): `abbreviations` are the locale's, folded, without the dot.
 */
export function splitSentences(text: string, language: string, abbreviations: ReadonlySet<string>): Sentence[] {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  const sentences: Sentence[] = [];
  let paragraph = 0;
  const paragraphBreak = /\n\s*\n/g;
  let from = 0;
  const paragraphs: [number, number][] = [];
  for (const m of text.matchAll(paragraphBreak)) {
    paragraphs.push([from, m.index ?? 0]);
    from = (m.index ?? 0) + m[0].length;
  }
  paragraphs.push([from, text.length]);

  for (const [pStart, pEnd] of paragraphs) {
    const body = text.slice(pStart, pEnd);
    if (body.trim() === '') continue;
    let pending: { start: number; end: number } | undefined;
    const flush = (): void => {
      if (!pending) return;
      const raw = text.slice(pending.start, pending.end);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed !== '') {
        const start = pending.start + lead;
        sentences.push({ index: sentences.length, paragraph, start, end: start + trimmed.length, text: trimmed });
      }
      pending = undefined;
    };
    for (const seg of segmenter.segment(body)) {
      const start = pStart + seg.index;
      const end = start + seg.segment.length;
      if (pending) pending.end = end;
      else pending = { start, end };
      const last = LAST_WORD.exec(seg.segment);
      const word = last?.[1];
      const isAbbreviation = word !== undefined && (abbreviations.has(fold(word)) || (word.length === 1 && word === word.toUpperCase()));
      if (!isAbbreviation) flush();
    }
    flush();
    paragraph++;
  }
  return sentences;
}
