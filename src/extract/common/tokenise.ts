import type { GateMemo } from '../../dates/word-gate.js';
import type { FirstWordIndex } from './phrase-trie.js';

/**
 * One pass over the characters of a sentence; everything after works on tokens and Map
 * look-ups, never on big alternations (see DEVELOPERS.md, "Mind the hot path").
 */
export interface Token {
  /** The token as written. */
  readonly text: string;
  /** Lower case, accents stripped: the key for every dictionary look-up. */
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  readonly isWord: boolean;
  /** First letter upper case (proper nouns, sentence starts). */
  readonly isCapitalised: boolean;
  /** The index the token was read with (see FirstWordIndex), and the bits of its tries that have a phrase starting with this token. */
  readonly index: FirstWordIndex | undefined;
  readonly starts: number;
  /** The same object for every token written so (within one index): where per-spelling work is kept. */
  readonly spelling: Spelling;
}

/**
 * What a token is, in one regular expression: a letter followed by letters and combining
 * marks, a number with its decimal or thousands separators, or any other single
 * non-space character (code points, not UTF-16 units). `tokenise` scans by hand to the
 * same definition (test/extract/common/tokenise.test.ts checks that they agree).
 */
export const TOKEN_PATTERN = /\p{L}[\p{L}\p{M}]*|\p{N}+(?:[.,]\p{N}+)*|\S/gu;

const MARKS = /\p{M}/gu;

/** Character classes, as bits; `KNOWN` marks a computed entry of the table. */
const LETTER = 1;
const MARK = 2;
const NUMBER = 4;
const UPPER = 8;
const SPACE = 16;
const KNOWN = 128;

const IS_LETTER = /^\p{L}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_NUMBER = /^\p{N}$/u;
const IS_UPPER = /^\p{Lu}$/u;
const IS_SPACE = /^\s$/u;

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (
    KNOWN |
    (IS_LETTER.test(ch) ? LETTER : 0) |
    (IS_MARK.test(ch) ? MARK : 0) |
    (IS_NUMBER.test(ch) ? NUMBER : 0) |
    (IS_UPPER.test(ch) ? UPPER : 0) |
    (IS_SPACE.test(ch) ? SPACE : 0)
  );
}

/** ASCII, computed once: letters, digits, spaces. */
const ASCII_CLASS = Uint8Array.from({ length: 0x80 }, (_, c) => classify(c));

/** The Basic Multilingual Plane, filled in as characters are met; other planes in a map. */
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = bmp[cp] as number;
    if (known !== 0) return known;
    const value = classify(cp);
    bmp[cp] = value;
    return value;
  }
  let value = astral.get(cp);
  if (value === undefined) {
    value = classify(cp);
    astral.set(cp, value);
  }
  return value;
}

/** Words repeat across sentences and articles: fold each spelling once (bounded, so memory stays flat). */
const folded = new Map<string, string>();
const FOLD_CACHE_LIMIT = 100_000;

export function fold(text: string): string {
  const known = folded.get(text);
  if (known !== undefined) return known;
  const value = text.normalize('NFD').replace(MARKS, '').toLowerCase();
  if (folded.size >= FOLD_CACHE_LIMIT) folded.clear();
  folded.set(text, value);
  return value;
}

/** The code point at `i` (a lone surrogate counts as one), as `codePointAt` reads it. */
const codePointAt = (text: string, i: number): number => text.codePointAt(i) as number;
const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** What a spelling gives every token written so: computed once, then found again by its characters. */
export interface Spelling {
  readonly text: string;
  readonly folded: string;
  readonly isCapitalised: boolean;
  readonly starts: number;
  /** What the date finder's word gate read in it (see src/dates/word-gate.ts). */
  gateMemo: GateMemo | undefined;
}

/**
 * Spellings met so far, found again from the text's characters without cutting a new string
 * (so without hashing one either: open addressing on our own hash, then a character
 * comparison). Bounded: full, it starts again empty.
 */
class SpellingTable {
  /** Entries kept at most; past that, the table starts again empty. */
  private static readonly LIMIT = 1 << 15;
  /** Small while few spellings are known, so that look-ups stay in cache; doubled at half full. */
  private slots: (Spelling | undefined)[] = new Array<Spelling | undefined>(1 << 10).fill(undefined);
  private hashes = new Int32Array(1 << 10);
  private count = 0;

  constructor(private readonly index: FirstWordIndex | undefined) {}

  /** `hash`: `hashOf(text, from, to)`, if the caller has it already. */
  get(text: string, from: number, to: number, isWord: boolean, hash = hashOf(text, from, to)): Spelling {
    const length = to - from;
    let mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let known = this.slots[slot]; known !== undefined; known = this.slots[slot]) {
      if (this.hashes[slot] === hash && known.text.length === length && text.startsWith(known.text, from)) return known;
      slot = (slot + 1) & mask;
    }
    if (this.count >= SpellingTable.LIMIT) {
      this.resize(1 << 10, false);
      mask = this.slots.length - 1;
      slot = hash & mask;
    } else if (2 * (this.count + 1) > this.slots.length) {
      this.resize(2 * this.slots.length, true);
      mask = this.slots.length - 1;
      slot = hash & mask;
      while (this.slots[slot] !== undefined) slot = (slot + 1) & mask;
    }
    const spelling = this.spell(text, from, to, isWord);
    this.slots[slot] = spelling;
    this.hashes[slot] = hash;
    this.count++;
    return spelling;
  }

  /** New slots, the entries kept (re-placed by their hash) or dropped. */
  private resize(size: number, keep: boolean): void {
    const slots = this.slots;
    const hashes = this.hashes;
    this.slots = new Array<Spelling | undefined>(size).fill(undefined);
    this.hashes = new Int32Array(size);
    this.count = 0;
    if (!keep) return;
    const mask = size - 1;
    slots.forEach((spelling, k) => {
      if (spelling === undefined) return;
      const hash = hashes[k] as number;
      let slot = hash & mask;
      while (this.slots[slot] !== undefined) slot = (slot + 1) & mask;
      this.slots[slot] = spelling;
      this.hashes[slot] = hash;
      this.count++;
    });
  }

  private spell(text: string, from: number, to: number, isWord: boolean): Spelling {
    let value = text.slice(from, to);
    // A long slice would keep the whole article alive in the table: keep a copy of its own.
    if (value.length >= 13) value = value.split('').join('');
    let folded = value === '’' ? "'" : value;
    let isCapitalised = false;
    if (isWord) {
      isCapitalised = (classOf(codePointAt(value, 0)) & UPPER) !== 0;
      // Plain ASCII words (most of them) fold by lower-casing alone.
      let ascii = true;
      for (let i = 0; i < value.length && ascii; i++) ascii = value.charCodeAt(i) < 0x80;
      folded = ascii ? value.toLowerCase() : fold(value);
    }
    return { text: value, folded, isCapitalised, starts: this.index?.startsOf(folded) ?? 0, gateMemo: undefined };
  }
}

/** FNV-1a over UTF-16 units: the spelling table's hash. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashOf(text: string, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

const tables = new Map<FirstWordIndex | undefined, SpellingTable>();

/** `index`: the tries' first words, so that they can turn tokens away quickly (see FirstWordIndex). */
export function tokenise(text: string, offset = 0, index?: FirstWordIndex): Token[] {
  let table = tables.get(index);
  if (table === undefined) {
    table = new SpellingTable(index);
    tables.set(index, table);
  }
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = codePointAt(text, i);
    const cls = classOf(cp);
    if (cls & SPACE) {
      i += width(cp);
      continue;
    }
    const from = i;
    i += width(cp);
    const isWord = (cls & LETTER) !== 0;
    if (isWord) {
      // The spelling table's hash, computed on the way.
      let hash = hashOf(text, from, i);
      while (i < n) {
        const next = text.charCodeAt(i);
        if (next < 0x80) {
          if (((ASCII_CLASS[next] as number) & LETTER) === 0) break;
          hash = Math.imul(hash ^ next, FNV_PRIME);
          i++;
          continue;
        }
        const wide = codePointAt(text, i);
        if (!(classOf(wide) & (LETTER | MARK))) break;
        hash = Math.imul(hash ^ next, FNV_PRIME);
        if (wide > 0xffff) hash = Math.imul(hash ^ text.charCodeAt(i + 1), FNV_PRIME);
        i += width(wide);
      }
      const spelling = table.get(text, from, i, true, hash);
      tokens.push({ text: spelling.text, folded: spelling.folded, start: offset + from, end: offset + i, isWord, isCapitalised: spelling.isCapitalised, index, starts: spelling.starts, spelling });
      continue;
    }
    if (cls & NUMBER) {
      i = numberEnd(text, i);
      // A separator belongs to the number only when digits follow it: "1,5", "2.000", not "2022.".
      for (;;) {
        const sep = text.charCodeAt(i);
        if ((sep !== 0x2c && sep !== 0x2e) || i + 1 >= n) break;
        const after = codePointAt(text, i + 1);
        if (!(classOf(after) & NUMBER)) break;
        i = numberEnd(text, i + 1 + width(after));
      }
    }
    const spelling = table.get(text, from, i, isWord);
    tokens.push({ text: spelling.text, folded: spelling.folded, start: offset + from, end: offset + i, isWord, isCapitalised: spelling.isCapitalised, index, starts: spelling.starts, spelling });
  }
  return tokens;
}

/** The end of a run of number characters starting at or before `i`. */
function numberEnd(text: string, i: number): number {
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if (!(classOf(cp) & NUMBER)) break;
    i += width(cp);
  }
  return i;
}

/** The folded token sequence of a dictionary phrase, as `tokenise` would see it in text. */
export function phraseKey(phrase: string): string[] {
  return tokenise(phrase).map((t) => t.folded);
}
