/**
 * One pass of a small regex over the text; everything after works on tokens and Map
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
}

const TOKEN = /\p{L}[\p{L}\p{M}]*|\p{N}+(?:[.,]\p{N}+)*|\S/gu;
const MARKS = /\p{M}/gu;
const UPPER = /^\p{Lu}/u;

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

export function tokenise(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const value = m[0];
    const start = offset + (m.index ?? 0);
    const isWord = /^\p{L}/u.test(value);
    tokens.push({
      text: value,
      folded: isWord ? fold(value) : value === '’' ? "'" : value,
      start,
      end: start + value.length,
      isWord,
      isCapitalised: isWord && UPPER.test(value),
    });
  }
  return tokens;
}

/** The folded token sequence of a dictionary phrase, as `tokenise` would see it in text. */
export function phraseKey(phrase: string): string[] {
  return tokenise(phrase).map((t) => t.folded);
}
