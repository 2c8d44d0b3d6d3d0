import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLocale, GATE_IGNORED, GATE_MONTH, GATE_RELATIVE, GATE_WEEKDAY } from '../../src/dates/compile.js';
import { DATE_LOCALES } from '../../src/dates/locales/index.js';
import type { DateLocale } from '../../src/dates/locales/index.js';
import { CASE_FOLD_ONLY, passGate } from '../../src/dates/word-gate.js';

/**
 * The word gate may let through a sentence no regex matches, never the other way round:
 * whenever one of the anchored regexes of `findDateMentions` matches, its bit is set (and
 * a year or a numeric date comes with the digits the gate reports).
 */
const LOCALES: DateLocale[] = ['fr', 'en'];
const COMPILED = Object.fromEntries(LOCALES.map((l) => [l, compileLocale(DATE_LOCALES[l])])) as Record<DateLocale, ReturnType<typeof compileLocale>>;

/** Every letter of every phrase the gate knows, in either case. */
const LETTERS = [...new Set(LOCALES.flatMap((l) => {
  const d = DATE_LOCALES[l];
  return [...d.months.flat(), ...d.weekdays.flat(), ...Object.keys(d.relative), ...d.ignored].join('').match(/\p{L}/gu) ?? [];
}))];

describe('word gate', () => {
  it('knows every character the regexes equate with a letter of the phrases but lower-casing does not', () => {
    const alphabet = new RegExp(`^[${LETTERS.join('')}]$`, 'iu');
    const found: Record<string, string> = {};
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!alphabet.test(c)) continue;
      // Letters all: a run of letters in the text is a run of letters in the phrase.
      expect(c, `U+${cp.toString(16)}`).toMatch(/^\p{L}$/u);
      // …and in the Basic Multilingual Plane, so that a run's length in UTF-16 units is its length in letters.
      expect(cp, `U+${cp.toString(16)}`).toBeLessThan(0x10000);
      const letter = LETTERS.find((k) => new RegExp(`^${k}$`, 'iu').test(c) && c.toLowerCase() !== k.toLowerCase());
      if (letter !== undefined && !LETTERS.some((k) => c.toLowerCase() === k.toLowerCase())) found[c] = letter.toLowerCase();
    }
    expect(found).toEqual(CASE_FOLD_ONLY);
  });

  const pieces = (l: DateLocale): string[] => {
    const d = DATE_LOCALES[l];
    return [...d.months.flat(), ...d.weekdays.flat(), ...Object.keys(d.relative), ...d.ignored, ...d.monthMarkers, ...d.yearMarkers, ...Object.keys(d.monthAfter), ...Object.keys(d.weekdayAfter)];
  };
  // Spellings the regexes accept too: capitals, long s, typographic apostrophes and hyphens, no-break spaces, marks.
  const variant = (word: string): fc.Arbitrary<string> =>
    fc.constantFrom(
      word,
      word.toUpperCase(),
      word.charAt(0).toUpperCase() + word.slice(1),
      word.replace(/s/g, 'ſ'),
      word.replace(/'/g, '’').replace(/-/g, '‑'),
      word.replace(/ /g, '\u00a0'),
      `x\u0301${word}`,
      `${word}\u0301`,
    );
  const text = (l: DateLocale): fc.Arbitrary<string> =>
    fc
      .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pieces(l)).chain(variant) }, fc.constantFrom(' ', ' ', '  ', ', ', '.', '-', '2023', '12', '3/4/2021', 'a', 'É'), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 12 })
      .map((parts) => parts.join(''));

  it('sets the bit of every regex that matches', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES).chain((l) => fc.tuple(fc.constant(l), fc.oneof(text(l), fc.string({ unit: 'binary', maxLength: 40 })))), ([l, t]) => {
        const c = COMPILED[l];
        const { bits, digit, fourDigits } = passGate(c.gate, t);
        const matches = (re: RegExp): boolean => new RegExp(re.source, re.flags.replace('g', '')).test(t);
        expect(!matches(c.relativeRe) || (bits & GATE_RELATIVE) !== 0).toBe(true);
        expect(!matches(c.ignoredRe) || (bits & GATE_IGNORED) !== 0).toBe(true);
        expect(!matches(c.weekdayRe) || (bits & GATE_WEEKDAY) !== 0).toBe(true);
        expect(!matches(c.monthRe) || (bits & GATE_MONTH) !== 0).toBe(true);
        expect(!matches(c.monthNameRe) || (bits & GATE_MONTH) !== 0).toBe(true);
        expect(!matches(c.yearRe) || fourDigits).toBe(true);
        expect(digit).toBe(/\d/.test(t));
        expect(fourDigits).toBe(/\d{4}/.test(t));
      }),
      { numRuns: 3000 },
    );
  });
});
