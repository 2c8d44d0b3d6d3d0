/**
 * The one text normalisation every article goes through. Every character offset the
 * extractor emits (evidence spans, mentions) refers to the string this function returns,
 * never to the raw file: change it and previously published offsets stop pointing at the
 * same words, so treat any change here as a dataset-breaking change.
 */

// Line and paragraph separators that are not "\n": Unicode LS/PS, NEL, form feed, vertical tab.
const CRLF = /\r\n?/g;
const LINE_SEPARATORS = /[\u2028\u0085\f\v]/g;
const PARAGRAPH_SEPARATOR = /\u2029/g;

// Invisible characters that would split words for regexes while showing nothing to a reader.
// The soft hyphen is included: it marks a possible line break, not a character of the word.
// ZWJ is matched outside the class: inside one, lint reads it as joining its neighbours.
const ZERO_WIDTH = /[\u200B\u200C\u2060\uFEFF\u00AD\u180E]|\u200D/g;

// Every Unicode space other than U+0020 (NBSP, narrow NBSP, en/em/thin/hair spaces, ideographic…).
const UNICODE_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

// French typography puts a (narrow) no-break space inside guillemets; dropping it makes
// « excellentes » and "excellentes" the same string for the rules that match quotes.
const GUILLEMET_OPEN = /[«‹][ \t]*/g;
const GUILLEMET_CLOSE = /[ \t]*[»›]/g;
const DOUBLE_QUOTES = /[“”„‟]/g;
const APOSTROPHES = /[’‘ʼ′`]/g;

// U+2010 hyphen and U+2011 non-breaking hyphen look like '-' and occur inside names
// ("Jean‑Yves"); en/em dashes carry meaning ("Algérie – Azerbaïdjan") and are kept.
const HYPHENS = /[\u2010\u2011]/g;

// C0/C1 controls that survive the binary check (a stray ESC or BEL); tab and newline are
// handled by the whitespace rules below. Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;

// A UTF-16 surrogate without its other half: JSON can spell one ("\ud800"), no UTF-8 file
// can hold one, so it would reach the datasets as U+FFFD anyway; it becomes that here.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const HORIZONTAL_RUNS = /[ \t]+/g;
const EXTRA_BLANK_LINES = /\n{3,}/g;

/**
 * Normalises article text: lone surrogates → U+FFFD; zero-width characters and stray
 * controls removed; NFC; typographic apostrophes → `'`; typographic double quotes
 * and guillemets → `"` (spaces just inside guillemets dropped); en/em dashes kept; every
 * Unicode space → ' '; CRLF/CR → "\n"; runs of spaces and
 * tabs → one space; lines trimmed; paragraphs separated by exactly one blank line ("\n\n"),
 * single newlines inside a paragraph kept.
 */
export function normaliseText(raw: string): string {
  // Invisible characters go before NFC: left in, one between a letter and its accent
  // ("e\u200B\u0301") would keep them apart, and removing it afterwards would leave the
  // text decomposed.
  const folded = toWellFormed(raw)
    .replace(ZERO_WIDTH, '')
    .replace(CONTROLS, '')
    .normalize('NFC')
    .replace(CRLF, '\n')
    .replace(PARAGRAPH_SEPARATOR, '\n\n')
    .replace(LINE_SEPARATORS, '\n')
    .replace(UNICODE_SPACES, ' ')
    .replace(GUILLEMET_OPEN, '"')
    .replace(GUILLEMET_CLOSE, '"')
    .replace(DOUBLE_QUOTES, '"')
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-');

  return folded
    .split('\n')
    .map((line) => line.replace(HORIZONTAL_RUNS, ' ').trim())
    .join('\n')
    .replace(EXTRA_BLANK_LINES, '\n\n')
    .trim();
}

/** For one-line fields (titles): the same folding, with every line break turned into a space. */
export function normaliseInline(raw: string): string {
  return normaliseText(raw).replace(/\n+/g, ' ');
}

/** `raw` with every lone surrogate replaced by U+FFFD, so it can be written as UTF-8 unchanged. */
export function toWellFormed(raw: string): string {
  return raw.replace(LONE_SURROGATE, '\uFFFD');
}
