import { ReaderModuleError } from './errors.js';
import type { eld as Eld } from './language-model.js';

type Detector = typeof Eld;

/** eld itself only looks at the first 1,000 characters; two windows cover ~2,000. */
const WINDOW = 1_000;
const WINDOWS = 2;

let detector: Promise<Detector> | undefined;

// Imported the first time a text needs it (the import is what costs: see language-model.ts),
// so a cold start and every plainly French or English article go without it. A private
// instance so that another module calling setLanguageSubset() on the shared global `eld`
// cannot change what articles are detected as. A failed import is the deployment's fault,
// not the text's: it rejects with ReaderModuleError (which readObject lets through) and is
// not kept, so the next text tries again.
function getDetector(): Promise<Detector> {
  detector ??= import('./language-model.js').then(
    ({ eld }) => {
      const d = eld.newInstance();
      // Strips URLs, e-mail addresses and numbers, which say nothing about the language.
      d.enableTextCleanup(true);
      return d;
    },
    (error: unknown) => {
      detector = undefined;
      throw new ReaderModuleError("eld's language model", error);
    },
  );
  return detector;
}

/*
 * French and English, the two languages the extractor reads and nearly every article is in,
 * are told from their function words before eld is asked: eld's table takes ~0.95 MB and
 * ~0.2 s to load, and eld about 1 ms an article. The head eld would read (its windows) is
 * called French (English) only when its words leave no doubt: at least MIN_WORDS of them,
 * FR_WORDS (EN_WORDS) at least MIN_SHARE of them, and both the other list and the function
 * words of nearby languages (OTHER_WORDS) below MAX_FOREIGN_SHARE. Anything else (another
 * language, a mix, a list of names, a short text) goes to eld, loaded then, exactly as
 * before. On the dev and holdout corpora, the seeds and 3,000 generated articles, every
 * text called here is called the same by eld.
 */
const MIN_WORDS = 30;
const MIN_SHARE = 0.2;
const MAX_FOREIGN_SHARE = 0.02;

// Frequent in French news, rare or absent as words in English and the neighbours above.
const FR_WORDS = new Set([
  'le', 'les', 'des', 'du', 'une', 'et', 'est', 'dans', 'pour', 'avec', 'sur', 'aux', 'au', 'par', 'qui',
  'ont', 'sont', 'été', 'cette', 'ces', 'leur', 'leurs', 'lors', 'nous', 'ils', 'elle', 'pas', 'selon',
  'après', 'était', 'également', 'depuis', 'ainsi', 'aussi', 'très', 'deux', 'plus', 'ce', 'sa', 'ses', 'son',
  'avait', 'où', 'ne', 'dont', 'mais', 'entre', 'vers', 'sous', 'fait', 'peut', 'doit', 'tout', 'tous',
]);
// Frequent in English news, rare or absent as words in French and the neighbours above.
const EN_WORDS = new Set([
  'the', 'of', 'and', 'to', 'is', 'was', 'for', 'with', 'that', 'by', 'as', 'at', 'from', 'his', 'her',
  'its', 'it', 'has', 'have', 'had', 'are', 'were', 'which', 'this', 'will', 'be', 'been', 'their', 'they',
  'said', 'but', 'not', 'who', 'also', 'after', 'would', 'than', 'in', 'he', 'she', 'two', 'more',
  'between', 'during', 'about', 'into', 'over',
]);
// Function words of the Latin-script languages nearest to French and English, so that a
// text in one of them is never mistaken for French or English (it is left to eld).
const OTHER_WORDS = new Set([
  // Spanish, Catalan, Portuguese
  'los', 'las', 'y', 'del', 'con', 'por', 'una', 'para', 'su', 'sus', 'lo', 'como', 'pero', 'fue', 'els', 'amb',
  'és', 'ha', 'seu', 'dels', 'pel', 'uns', 'em', 'os', 'da', 'das', 'dos', 'não', 'com', 'uma', 'foi', 'ao', 'na',
  'nas', 'nos', 'pela', 'pelo', 'é', 'são', 'está', 'esta', 'este',
  // Italian, Romanian
  'di', 'della', 'delle', 'degli', 'che', 'sono', 'nel', 'nella', 'gli', 'anche', 'è', 'dei', 'și', 'în', 'este',
  'cu', 'pe', 'din', 'pentru', 'fost', 'sau',
  // German, Dutch
  'der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'dem', 'ein', 'eine', 'sich', 'auf', 'für', 'wurde',
  'het', 'een', 'van', 'niet', 'zijn', 'op', 'voor', 'werd', 'ook', 'aan', 'bij', 'naar',
  // Danish, Norwegian, Swedish
  'og', 'och', 'af', 'av', 'til', 'för', 'som', 'er', 'har', 'ikke', 'inte', 'det', 'att', 'på', 'med', 'fra',
]);

const WORD = /\p{L}+/gu;

/** 'fr' or 'en' when the function words of `text` leave no doubt, else undefined (ask eld). */
export function frenchOrEnglish(text: string): 'fr' | 'en' | undefined {
  const words = text.toLowerCase().match(WORD);
  if (words === null || words.length < MIN_WORDS) return undefined;
  let fr = 0;
  let en = 0;
  let other = 0;
  for (const w of words) {
    if (FR_WORDS.has(w)) fr++;
    if (EN_WORDS.has(w)) en++;
    if (OTHER_WORDS.has(w)) other++;
  }
  const share = (n: number): number => n / words.length;
  if (share(other) >= MAX_FOREIGN_SHARE) return undefined;
  if (share(fr) >= MIN_SHARE && share(en) < MAX_FOREIGN_SHARE) return 'fr';
  if (share(en) >= MIN_SHARE && share(fr) < MAX_FOREIGN_SHARE) return 'en';
  return undefined;
}

/** Cuts up to WINDOWS slices of about WINDOW characters, ending on white space so no word is split. */
function windowsOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < WINDOWS && start < text.length) {
    let end = Math.min(text.length, start + WINDOW);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start + WINDOW / 2) end = space;
    }
    const slice = text.slice(start, end).trim();
    if (slice !== '') out.push(slice);
    start = end;
  }
  return out;
}

/**
 * The ISO 639-1 code of `text`'s language, or 'und' when eld cannot tell it reliably (too
 * short, only numbers and URLs, a language eld does not know). Looks at the first ~2,000
 * characters only, so the cost does not grow with the article. Async because eld's model is
 * imported on the first text that is not plainly French or English.
 *
 * @throws ReaderModuleError (as a rejection) when eld's model cannot be loaded.
 */
export async function detectLanguage(text: string): Promise<string> {
  const slices = windowsOf(text);
  const quick = frenchOrEnglish(slices.join(' '));
  if (quick !== undefined) return quick;

  const d = await getDetector();
  const reliable: { language: string; scores: Record<string, number> }[] = [];
  for (const slice of slices) {
    const result = d.detect(slice);
    if (result.language !== '' && result.isReliable()) {
      reliable.push({ language: result.language, scores: result.getScores() });
    }
  }
  const first = reliable[0];
  if (first === undefined) return 'und';
  const second = reliable[1];
  if (second === undefined || second.language === first.language) return first.language;

  // The windows disagree: take the language with the higher combined score; on a tie the
  // first window wins, which keeps the answer deterministic.
  const combined = (lang: string): number =>
    reliable.reduce((sum, r) => sum + (r.scores[lang] ?? 0), 0);
  return combined(second.language) > combined(first.language) ? second.language : first.language;
}

// ISO 639-2 (bibliographic and terminological) codes that appear in metadata in place of
// the two-letter code; limited to languages eld can also detect, so both paths agree.
const THREE_LETTER: Readonly<Record<string, string>> = {
  ara: 'ar', ben: 'bn', bul: 'bg', cat: 'ca', ces: 'cs', cze: 'cs', chi: 'zh', zho: 'zh',
  dan: 'da', deu: 'de', ger: 'de', ell: 'el', gre: 'el', eng: 'en', spa: 'es', est: 'et',
  eus: 'eu', baq: 'eu', fas: 'fa', per: 'fa', fin: 'fi', fra: 'fr', fre: 'fr', heb: 'he',
  hin: 'hi', hrv: 'hr', hun: 'hu', hye: 'hy', arm: 'hy', isl: 'is', ice: 'is', ita: 'it',
  jpn: 'ja', kat: 'ka', geo: 'ka', kor: 'ko', lit: 'lt', lav: 'lv', msa: 'ms', may: 'ms',
  nld: 'nl', dut: 'nl', nor: 'no', nob: 'no', pol: 'pl', por: 'pt', ron: 'ro', rum: 'ro',
  rus: 'ru', slk: 'sk', slo: 'sk', slv: 'sl', sqi: 'sq', alb: 'sq', srp: 'sr', swe: 'sv',
  tha: 'th', tur: 'tr', ukr: 'uk', urd: 'ur', vie: 'vi', aze: 'az', amh: 'am', tgl: 'tl',
};

/**
 * Reduces a language tag from metadata to ISO 639-1: 'fr-FR', 'fr_FR', 'FR', 'fra' → 'fr'.
 * Anything that does not start with a recognisable language subtag → 'und'.
 */
export function normaliseLanguageTag(tag: string): string {
  const primary = tag.trim().split(/[-_\s]/, 1)[0]?.toLowerCase() ?? '';
  if (/^[a-z]{2}$/.test(primary)) return primary;
  if (/^[a-z]{3}$/.test(primary)) return THREE_LETTER[primary] ?? 'und';
  return 'und';
}
