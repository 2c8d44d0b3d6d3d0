import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceEnds } from '../../../src/extract/common/sentence-breaks.js';

const segmenters = { fr: new Intl.Segmenter('fr', { granularity: 'sentence' }), en: new Intl.Segmenter('en', { granularity: 'sentence' }) };
const byIcu = (text: string, language: 'fr' | 'en'): number[] => [...segmenters[language].segment(text)].map((s) => s.index + s.segment.length);

/** Every character the fast path reads itself, and pieces of text where the rules meet. */
const OWN = [...Array.from({ length: 0x5f }, (_, k) => String.fromCharCode(0x20 + k)), '\n', ...Array.from({ length: 0x180 - 0xa0 }, (_, k) => String.fromCharCode(0xa0 + k)), '–', '—', '‘', '’', '“', '”', '…', '€'];
const PIECES = ['. ', '.', '? ', '! ', ' ', ' ', '\n', '"', "'", ')', '(', ',', '-', ':', ';', 'M', 'U', 'S', 'a', 'z', 'É', 'é', 'Lamamra', 'le', 'The', '3', '2022', '...', '.)', '."', ' «', '» ', '–', '…'];
/** Characters it leaves to Intl.Segmenter: the answer must not change either. */
const OTHERS = ['\u0301', '\u00ad', '\u200b', '\u2028', '\r', '\t', '\u00a0', '。', 'д', '؟', '\u2024', '😀'];

const text = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 3, arbitrary: fc.constantFrom(...OWN) }, { weight: 1, arbitrary: fc.constantFrom(...OTHERS) }), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('sentenceEnds', () => {
  it('splits like Intl.Segmenter', () => {
    const seed = 'M. Lamamra est arrivé. Il a dit : "Bonjour." Puis il est parti !\nFin';
    expect(sentenceEnds(seed, 'fr')).toEqual([3, 23, 45, 65, 68]);
    expect(sentenceEnds(seed, 'fr')).toEqual(byIcu(seed, 'fr'));
    expect(sentenceEnds('', 'en')).toEqual([]);
  });

  it('agrees with Intl.Segmenter on any text', () => {
    fc.assert(
      fc.property(text, fc.constantFrom<'fr' | 'en'>('fr', 'en'), (t, language) => {
        expect(sentenceEnds(t, language)).toEqual(byIcu(t, language));
      }),
      { numRuns: 3000 },
    );
  });
});
