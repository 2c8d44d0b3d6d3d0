/**
 * Sentence boundaries as `Intl.Segmenter(…, { granularity: 'sentence' })` puts them, for the
 * text it spends most of its time on: Unicode's sentence rules (UAX #29, SB1–SB11), read
 * straight off the characters of text made only of characters whose sentence-break class
 * is listed below (ASCII, the Latin letters of Latin-1 and Latin Extended-A, a few
 * punctuation marks). Anything else (combining marks, other scripts, format characters)
 * goes to `Intl.Segmenter` itself. test/extract/common/sentence-breaks.test.ts compares
 * both on generated text.
 */

/** Sentence_Break classes that occur in the characters we read ourselves. */
const enum SB {
  Unknown = 0,
  Other,
  LF,
  Sp,
  Lower,
  Upper,
  Numeric,
  ATerm,
  STerm,
  Close,
  SContinue,
}

const classes = new Uint8Array(0x2100);
(() => {
  for (let c = 0x20; c < 0x7f; c++) classes[c] = SB.Other;
  classes[0x0a] = SB.LF;
  classes[0x20] = SB.Sp;
  for (let c = 0x30; c <= 0x39; c++) classes[c] = SB.Numeric;
  for (let c = 0x41; c <= 0x5a; c++) classes[c] = SB.Upper;
  for (let c = 0x61; c <= 0x7a; c++) classes[c] = SB.Lower;
  classes[0x2e] = SB.ATerm; // .
  classes[0x21] = SB.STerm; // !
  classes[0x3f] = SB.STerm; // ?
  for (const c of '"\'()[]{}') classes[c.charCodeAt(0)] = SB.Close;
  for (const c of ',-:;') classes[c.charCodeAt(0)] = SB.SContinue;
  // Letters of Latin-1 and Latin Extended-A: upper or lower case, nothing else.
  for (let c = 0xc0; c <= 0x17f; c++) {
    const ch = String.fromCharCode(c);
    if (/\p{Lu}/u.test(ch)) classes[c] = SB.Upper;
    else if (/\p{Ll}/u.test(ch)) classes[c] = SB.Lower;
  }
  classes[0xab] = SB.Close; // «
  classes[0xbb] = SB.Close; // »
  classes[0xb0] = SB.Other; // °
  classes[0x2013] = SB.SContinue; // –
  classes[0x2014] = SB.SContinue; // —
  classes[0x2018] = SB.Close; // ‘
  classes[0x2019] = SB.Close; // ’
  classes[0x201c] = SB.Close; // “
  classes[0x201d] = SB.Close; // ”
  classes[0x2026] = SB.Other; // …
  classes[0x20ac] = SB.Other; // €
})();

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * End offsets of the sentences of `text` (the last one is `text.length`; none for ''), as
 * Intl.Segmenter for `language` gives them.
 */
export function sentenceEnds(text: string, language: string): number[] {
  const n = text.length;
  const kinds = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 0x2100 ? (classes[c] as number) : SB.Unknown;
    if (kind === SB.Unknown) return segmenterEnds(text, language);
    kinds[i] = kind;
  }
  const ends: number[] = [];
  for (let p = 1; p < n; p++) if (breaksBefore(kinds, p)) ends.push(p);
  if (n > 0) ends.push(n);
  return ends;
}

/** UAX #29 at the boundary before `p` (0 < p < length), for text without Extend, Format, CR or Sep. */
function breaksBefore(kinds: Uint8Array, p: number): boolean {
  const before = kinds[p - 1] as SB;
  // SB4: after a paragraph separator.
  if (before === SB.LF) return true;
  // Is `p` after SATerm Close* Sp*?
  let q = p - 1;
  while (q >= 0 && kinds[q] === SB.Sp) q--;
  const spaces = q < p - 1;
  while (q >= 0 && kinds[q] === SB.Close) q--;
  const term = q >= 0 ? (kinds[q] as SB) : SB.Unknown;
  // SB998: no break inside a sentence.
  if (term !== SB.ATerm && term !== SB.STerm) return false;
  const next = kinds[p] as SB;
  if (term === SB.ATerm && q === p - 1) {
    // SB6: "3.5"; SB7: "U.S"
    if (next === SB.Numeric) return false;
    if (next === SB.Upper && q > 0 && (kinds[q - 1] === SB.Upper || kinds[q - 1] === SB.Lower)) return false;
  }
  // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
  if (term === SB.ATerm) {
    let r = p;
    while (r < kinds.length) {
      const k = kinds[r] as SB;
      if (k === SB.Upper || k === SB.Lower || k === SB.LF || k === SB.ATerm || k === SB.STerm) break;
      r++;
    }
    if (r < kinds.length && kinds[r] === SB.Lower) return false;
  }
  // SB8a
  if (next === SB.SContinue || next === SB.ATerm || next === SB.STerm) return false;
  // SB9: SATerm Close* × (Close | Sp | ParaSep)
  if (!spaces && (next === SB.Close || next === SB.Sp || next === SB.LF)) return false;
  // SB10: SATerm Close* Sp* × (Sp | ParaSep)
  if (next === SB.Sp || next === SB.LF) return false;
  // SB11
  return true;
}

function segmenterEnds(text: string, language: string): number[] {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  const ends: number[] = [];
  for (const seg of segmenter.segment(text)) ends.push(seg.index + seg.segment.length);
  return ends;
}
