import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, tokenise, TOKEN_PATTERN } from '../../../src/extract/common/tokenise.js';

/** The tokeniser's definition, one regular expression over the text: what the hand-written scan must give. */
function byPattern(text: string, offset = 0) {
  return [...text.matchAll(new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags))].map((m) => {
    const value = m[0];
    const start = offset + (m.index ?? 0);
    const isWord = /^\p{L}/u.test(value);
    return { text: value, folded: isWord ? fold(value) : value === '’' ? "'" : value, start, end: start + value.length, isWord, isCapitalised: isWord && /^\p{Lu}/u.test(value), index: undefined, starts: 0 };
  });
}

/** Characters where the rules meet: separators, marks, apostrophes, surrogates, odd spaces. */
const TRICKY = ['1', '9', '٣', 'Ⅻ', '.', ',', ' ', '\u00a0', '\u2009', '\n', "'", '’', '-', 'é', 'E', '\u0301', '\u0308', 'ß', 'İ', 'ſ', 'K', '𝐀', '😀', '\ud800', '\udc00', 'a', 'Z', '_', '%'];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }).map((parts) => parts.join(''));

describe('tokenise', () => {
  it('splits words, numbers and single characters, with offsets', () => {
    expect(tokenise("L'Algérie, 2.000 km.", 10).map((t) => [t.text, t.folded, t.start, t.end, t.isWord, t.isCapitalised])).toEqual([
      ['L', 'l', 10, 11, true, true],
      ["'", "'", 11, 12, false, false],
      ['Algérie', 'algerie', 12, 19, true, true],
      [',', ',', 19, 20, false, false],
      ['2.000', '2.000', 21, 26, false, false],
      ['km', 'km', 27, 29, true, false],
      ['.', '.', 29, 30, false, false],
    ]);
  });

  it('agrees with its one-pattern definition on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), trickyText), fc.nat(1000), (text, offset) => {
        const tokens = tokenise(text, offset);
        expect(tokens.map(({ spelling: _spelling, ...token }) => token)).toEqual(byPattern(text, offset));
        for (const t of tokens) expect([t.spelling.text, t.spelling.folded, t.spelling.isCapitalised, t.spelling.starts]).toEqual([t.text, t.folded, t.isCapitalised, t.starts]);
      }),
      { numRuns: 3000 },
    );
  });
});
