import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastWordBeforeStop, splitSentences } from '../../../src/extract/common/sentences.js';
import type { Sentence } from '../../../src/extract/common/sentences.js';
import { fold } from '../../../src/extract/common/tokenise.js';

/** The splitter as first written: Intl.Segmenter, a regex for the word before the stop, String#trim. */
function reference(text: string, language: string, abbreviations: ReadonlySet<string>): Sentence[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let from = 0;
  const paragraphs: [number, number][] = [];
  for (const m of text.matchAll(/\n\s*\n/g)) {
    paragraphs.push([from, m.index]);
    from = m.index + m[0].length;
  }
  paragraphs.push([from, text.length]);
  for (const [pStart, pEnd] of paragraphs) {
    const body = text.slice(pStart, pEnd);
    if (body.trim() === '') continue;
    let pending: { start: number; end: number } | undefined;
    const flush = (): void => {
      if (!pending) return;
      const raw = text.slice(pending.start, pending.end);
      const trimmed = raw.trim();
      if (trimmed !== '') {
        const start = pending.start + raw.length - raw.trimStart().length;
        sentences.push({ index: sentences.length, paragraph, start, end: start + trimmed.length, text: trimmed });
      }
      pending = undefined;
    };
    for (const seg of segmenter.segment(body)) {
      const start = pStart + seg.index;
      const end = start + seg.segment.length;
      if (pending) pending.end = end;
      else pending = { start, end };
      const word = /(\p{L}+)\.\s*$/u.exec(seg.segment)?.[1];
      if (!(word !== undefined && (abbreviations.has(fold(word)) || (word.length === 1 && word === word.toUpperCase())))) flush();
    }
    flush();
    paragraph++;
  }
  return sentences;
}

const PIECES = ['M. ', 'Mme ', 'Dr. ', 'S. ', 'etc. ', 'U.S. ', 'Lamamra', 'est arrivé', '. ', '.', '? ', '! ', ' ', '\n', '\n\n', '\n \n', '"', ')', '(', ',', 'le', 'The', '3.5', '2022', '...', 'é', 'É', '\u00a0', '\u2028', '\u0301', '。', 'ß', '😀', 'ſ'];
const text = fc.oneof(
  fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PIECES) }, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 30 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
);
const ABBREVIATIONS = new Set(['m', 'mme', 'dr', 'etc']);

describe('splitSentences', () => {
  it('splits as Intl.Segmenter with abbreviations re-joined, on any text', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('fr', 'en'), (t, language) => {
        expect(splitSentences(t, language, ABBREVIATIONS)).toEqual(reference(t, language, ABBREVIATIONS));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the word before a final stop as the regex does', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(lastWordBeforeStop(t)).toBe(/(\p{L}+)\.\s*$/u.exec(t)?.[1]);
      }),
      { numRuns: 2000 },
    );
  });
});
