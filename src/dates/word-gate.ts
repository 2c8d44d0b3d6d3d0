/**
 * A cheap pre-check before the anchored regexes of `findDateMentions`: most sentences name
 * no month, weekday or relative day, and one scan of their words shows it, where each regex
 * would scan the whole sentence.
 *
 * Why it never skips a match: every phrase a regex needs (a month name, a weekday, "la
 * semaine dernière") is made of letter runs separated by non-letters, and the regexes only
 * match a phrase between non-letters. So each letter run of the phrase stands in the text
 * as a whole run of letters, equal to it up to case; a list may match only if all the runs
 * of one of its phrases are there. The one character that the regexes' case-insensitive
 * matching equates with a letter of our phrases but that `toLowerCase` does not turn into
 * it is "ſ" (long s ~ s), so the gate turns it into "s" (test/dates/word-gate.test.ts
 * recomputes that list from Unicode). No character outside the Basic Multilingual Plane
 * matches one of those letters, so a matching run has as many UTF-16 units as the phrase's.
 */

/** Characters `/…/iu` matches to a letter of the locales' phrases that `toLowerCase` does not map to it → that letter. */
export const CASE_FOLD_ONLY: Readonly<Record<string, string>> = { ſ: 's' };
const FOLD_ONLY_CODES = new Set(Object.keys(CASE_FOLD_ONLY).map((c) => c.charCodeAt(0)));
const FOLD_ONLY = new RegExp(`[${Object.keys(CASE_FOLD_ONLY).join('')}]`, 'u');
const FOLD_ONLY_ALL = new RegExp(FOLD_ONLY.source, 'gu');

interface Phrase {
  /** Bit of the list the phrase belongs to. */
  readonly bit: number;
  /** Its letter runs, lower case, distinct; the longest (its head) first. */
  readonly runs: readonly string[];
}

export interface WordGate {
  /** The longest run of a phrase → the phrases it heads. */
  readonly heads: ReadonlyMap<string, readonly Phrase[]>;
  /** Bits of lists with a phrase without any letter: always run. */
  readonly always: number;
  /** The shortest and longest heads, in UTF-16 units. */
  readonly minLength: number;
  readonly maxLength: number;
  /** Per ASCII code: a head may start with that letter (either case). */
  readonly initials: Uint8Array;
}

const LETTER_RUN = /\p{L}+/gu;

/** `lists[k]` gets bit 2^k. */
export function buildWordGate(lists: readonly (readonly string[])[]): WordGate {
  const heads = new Map<string, Phrase[]>();
  let always = 0;
  lists.forEach((phrases, k) => {
    const bit = 1 << k;
    for (const phrase of phrases) {
      const runs = [...new Set((phrase.match(LETTER_RUN) ?? []).map((r) => canonical(r)))].sort((a, b) => b.length - a.length);
      const head = runs[0];
      if (head === undefined) {
        always |= bit;
        continue;
      }
      const headed = heads.get(head) ?? [];
      headed.push({ bit, runs });
      heads.set(head, headed);
    }
  });
  const lengths = [...heads.keys()].map((w) => w.length);
  const initials = new Uint8Array(128);
  for (const head of heads.keys()) {
    const c = head.charCodeAt(0);
    // A run starting with an ASCII letter matches only a head starting with the same letter, up to case.
    if (c < 128) {
      initials[c] = 1;
      initials[String.fromCharCode(c).toUpperCase().charCodeAt(0)] = 1;
    }
  }
  return { heads, always, minLength: lengths.length ? Math.min(...lengths) : 0, maxLength: lengths.length ? Math.max(...lengths) : 0, initials };
}

export interface GateResult {
  /** Bits of the lists one of whose phrases may occur in the text. */
  readonly bits: number;
  /** The text has an ASCII digit (what `\d` matches). */
  readonly digit: boolean;
  /** …and four in a row (a year). */
  readonly fourDigits: boolean;
}

export function passGate(gate: WordGate, text: string): GateResult {
  let heads: string[] | undefined;
  let digit = false;
  let fourDigits = false;
  let digitRun = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      digit = true;
      if (++digitRun >= 4) fourDigits = true;
      i++;
      continue;
    }
    digitRun = 0;
    if (!isLetterAt(text, i, c)) {
      i += widthAt(text, i, c);
      continue;
    }
    const start = i;
    i = runEnd(text, i);
    const length = i - start;
    if (length < gate.minLength || length > gate.maxLength || (c < 128 && gate.initials[c] === 0)) continue;
    const word = keyOf(text, start, i);
    if (gate.heads.has(word)) (heads ??= []).push(word);
  }
  let bits = gate.always;
  if (heads === undefined) return { bits, digit, fourDigits };
  // Some phrase's longest run is there: are its other runs? (a second scan, for few sentences)
  let words: Set<string> | undefined;
  for (const head of heads) {
    for (const phrase of gate.heads.get(head) as readonly Phrase[]) {
      if ((bits & phrase.bit) !== 0) continue;
      if (phrase.runs.length > 1) words ??= wordsOf(text);
      if (phrase.runs.every((r, k) => k === 0 || words?.has(r))) bits |= phrase.bit;
    }
  }
  return { bits, digit, fourDigits };
}

/** What the gate reads in one token: its letter runs (keys), the heads among them, its digits. */
interface TokenWords {
  readonly words: readonly string[];
  readonly heads: readonly string[];
  /** DIGIT | FOUR_DIGITS | HEADS */
  readonly flags: number;
}

const DIGIT = 1;
const FOUR_DIGITS = 2;
const HEADS = 4;

/** What the gate read in a spelling, kept by the caller with the spelling (see GateToken). */
export interface GateMemo {
  readonly gate: WordGate;
  readonly words: TokenWords;
}

/**
 * A token of the text. A caller that keeps one object per distinct spelling (the
 * extractor's tokeniser does) gives it as `spelling`: the gate then notes there what it
 * read, and reads each spelling once; other tokens are looked up by their text.
 */
export interface GateToken {
  readonly text: string;
  readonly spelling?: { gateMemo?: GateMemo };
}

const tokenCaches = new WeakMap<WordGate, Map<string, TokenWords>>();
const TOKEN_CACHE_LIMIT = 50_000;

function wordsOfToken(gate: WordGate, token: GateToken): TokenWords {
  const spelling = token.spelling;
  const memo = spelling?.gateMemo;
  if (memo !== undefined && memo.gate === gate) return memo.words;
  let cache = tokenCaches.get(gate);
  if (cache === undefined) {
    cache = new Map();
    tokenCaches.set(gate, cache);
  }
  let words = cache.get(token.text);
  if (words === undefined) {
    words = tokenWords(gate, token.text);
    if (cache.size >= TOKEN_CACHE_LIMIT) cache.clear();
    cache.set(token.text, words);
  }
  if (spelling !== undefined) spelling.gateMemo = { gate, words };
  return words;
}

/**
 * `passGate` from the text's tokens rather than from the text: `tokens` are all the pieces of
 * the text that hold a letter or a digit, each run of letters and each run of digits whole
 * in one of them (the extractor's tokens are; test/extract/properties.test.ts checks both
 * give the same answer).
 */
export function passGateTokens(gate: WordGate, tokens: readonly GateToken[]): GateResult {
  let flags = 0;
  for (const token of tokens) flags |= wordsOfToken(gate, token).flags;
  const digit = (flags & DIGIT) !== 0;
  const fourDigits = (flags & FOUR_DIGITS) !== 0;
  let bits = gate.always;
  if ((flags & HEADS) === 0) return { bits, digit, fourDigits };
  // Some phrase's longest run is there: are its other runs?
  const present = new Set<string>();
  for (const token of tokens) for (const word of wordsOfToken(gate, token).words) present.add(word);
  for (const token of tokens) {
    for (const head of wordsOfToken(gate, token).heads) {
      for (const phrase of gate.heads.get(head) as readonly Phrase[]) {
        if ((bits & phrase.bit) === 0 && phrase.runs.every((r) => present.has(r))) bits |= phrase.bit;
      }
    }
  }
  return { bits, digit, fourDigits };
}

function tokenWords(gate: WordGate, text: string): TokenWords {
  const { digit, fourDigits } = passGate(gate, text);
  const words = [...wordsOf(text)];
  const heads = words.filter((w) => gate.heads.has(w));
  return { words, heads, flags: (digit ? DIGIT : 0) | (fourDigits ? FOUR_DIGITS : 0) | (heads.length > 0 ? HEADS : 0) };
}

/** Every letter run of the text, as `keyOf` writes it. */
function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (!isLetterAt(text, i, c)) {
      i += widthAt(text, i, c);
      continue;
    }
    const start = i;
    i = runEnd(text, i);
    words.add(keyOf(text, start, i));
  }
  return words;
}

/** The run of letters from `i` (a letter) to its end. */
function runEnd(text: string, i: number): number {
  i += widthAt(text, i, text.charCodeAt(i));
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) < 0x61 || (c | 0x20) > 0x7a) break;
      i++;
      continue;
    }
    if (!isLetterAt(text, i, c)) break;
    i += widthAt(text, i, c);
  }
  return i;
}

/** Lower case, "ſ" as "s": two runs the date regexes match alike have the same key. */
function keyOf(text: string, start: number, end: number): string {
  let plain = true;
  let foldOnly = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) {
      plain = false;
      if (c > 0x7f && FOLD_ONLY_CODES.has(c)) foldOnly = true;
    }
  }
  const run = text.slice(start, end);
  if (plain) return run;
  return foldOnly ? canonical(run) : run.toLowerCase();
}

function canonical(run: string): string {
  const word = run.toLowerCase();
  return FOLD_ONLY.test(word) ? word.replace(FOLD_ONLY_ALL, (ch) => CASE_FOLD_ONLY[ch] as string) : word;
}

/** UTF-16 units of the code point at `i`, whose first unit is `c` (a lone surrogate is one). */
const widthAt = (text: string, i: number, c: number): number => (c >= 0xd800 && c <= 0xdbff && (text.codePointAt(i) as number) > 0xffff ? 2 : 1);

/** Letter or not, per UTF-16 unit of the Basic Multilingual Plane (0: not yet known). */
const letterTable = new Uint8Array(0x10000);
const LETTER = /^\p{L}$/u;

function isLetterAt(text: string, i: number, c: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  if (c >= 0xd800 && c <= 0xdbff) return LETTER.test(String.fromCodePoint(text.codePointAt(i) as number));
  let known = letterTable[c] as number;
  if (known === 0) {
    known = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    letterTable[c] = known;
  }
  return known === 1;
}
