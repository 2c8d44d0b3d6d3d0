import { describe, expect, it } from 'vitest';
import { normaliseInline, normaliseText } from '../../src/article/index.js';
import { readOne } from './support.js';

describe('normaliseText', () => {
  it.each([
    ['l’étranger', "l'étranger"],
    ['‘quoted’', "'quoted'"],
    ['Côte dʼIvoire', "Côte d'Ivoire"],
    ['5′ and `tick`', "5' and 'tick'"],
  ])('folds typographic apostrophes: %s', (raw, expected) => {
    expect(normaliseText(raw)).toBe(expected);
  });

  it.each([
    ['“excellent”', '"excellent"'],
    ['„gut‟', '"gut"'],
    ['‹ bien ›', '"bien"'],
    ['des relations «\u202Fexcellentes\u202F»', 'des relations "excellentes"'],
    ['«\u00A0 excellentes »', '"excellentes"'],
  ])('folds typographic quotes and guillemets: %s', (raw, expected) => {
    expect(normaliseText(raw)).toBe(expected);
  });

  it('keeps en and em dashes', () => {
    expect(normaliseText('Algérie – Azerbaïdjan — bilan')).toBe('Algérie – Azerbaïdjan — bilan');
  });

  it('turns NBSP, narrow NBSP and other Unicode spaces into one plain space', () => {
    expect(normaliseText('45\u00A0millions\u202Fd’euros\u2009;\u3000fin')).toBe("45 millions d'euros ; fin");
  });

  it('removes zero-width characters', () => {
    expect(normaliseText('Ba\u200Bkou\u200D \uFEFFAzer\u00ADbaïdjan\u2060')).toBe('Bakou Azerbaïdjan');
  });

  it('composes decomposed characters (NFC)', () => {
    const decomposed = 'e\u0301te\u0301'; // "été" as e + combining acute
    expect(decomposed).toHaveLength(5);
    expect(normaliseText(decomposed)).toBe('été');
    expect(normaliseText(decomposed)).toHaveLength(3);
  });

  it('collapses spaces and tabs, trims lines, keeps single newlines and one blank line between paragraphs', () => {
    const raw = '  First  \t line\r\n  second   line  \r\n\r\n\r\n\r\n   Next\tparagraph \r\r  \n \t \n\nLast ';
    expect(normaliseText(raw)).toBe('First line\nsecond line\n\nNext paragraph\n\nLast');
  });

  it('turns the Unicode paragraph separator into a blank line', () => {
    expect(normaliseText('One\u2029Two\u2028three')).toBe('One\n\nTwo\nthree');
  });

  it('is idempotent', () => {
    const raw = ' «\u202FOui\u202F», dit-il.\r\n\r\n\r\nL’accord — signé\u00A0hier. ';
    expect(normaliseText(normaliseText(raw))).toBe(normaliseText(raw));
  });

  it('normaliseInline puts a multi-line title on one line', () => {
    expect(normaliseInline('  Lamamra\n\nà  Bakou ')).toBe('Lamamra à Bakou');
  });

  it('is applied by the reader, so article offsets refer to the normalised text', async () => {
    const a = await readOne('a.txt', 'date 2022-08 Le ministre\u00A0a salué des relations «\u202Fexcellentes\u202F» avec l’Azerbaïdjan.');
    expect(a.text).toBe('Le ministre a salué des relations "excellentes" avec l\'Azerbaïdjan.');
    expect(a.text.indexOf('"excellentes"')).toBe(34);
  });
});

describe('normaliseText on broken Unicode', () => {
  it.each([
    ['e\u200B\u0301', '\u00E9'],
    ['a\u00AD\u0308', '\u00E4'],
    ['K\u0000\u0301', '\u1E30'],
  ])('removes an invisible character or control before composing: %j', (raw, expected) => {
    // Removed after NFC, it would leave the letter and its accent apart: not NFC.
    expect(normaliseText(raw)).toBe(expected);
  });

  it('replaces a lone surrogate (a JSON "\\ud800" escape) with U+FFFD, keeping pairs', async () => {
    expect(normaliseText('a\uD800b \uDC00 \uD83D\uDE00')).toBe('a\uFFFDb \uFFFD \uD83D\uDE00');
    expect(await readOne('a.json', '{"text": "x \\ud800 y", "url": "https://e.org/\\udfff"}')).toMatchObject({
      text: 'x \uFFFD y',
      url: 'https://e.org/\uFFFD',
    });
  });
});
