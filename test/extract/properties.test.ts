import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findDateMentions } from '../../src/dates/find-date-mentions.js';
import { DATE_LOCALES } from '../../src/dates/locales/index.js';
import type { PartialDate } from '../../src/dates/partial-date.js';
import { daysInMonth } from '../../src/dates/partial-date.js';
import { analyseArticle } from '../../src/extract/article-analysis.js';
import { tokenise } from '../../src/extract/common/tokenise.js';
import { compileLocale } from '../../src/extract/compiled-locale.js';
import { extractArticle } from '../../src/extract/extractor.js';
import { LOCALES } from '../../src/extract/locales/index.js';
import type { Evidence, Extraction } from '../../src/extract/types.js';
import { CITIES } from '../../src/gazetteer/cities.js';

/**
 * Properties of the extractor for any text: it never throws, it gives the same answer twice,
 * and every offset it returns (evidence of events and agreements; sentences, tokens, date
 * mentions and the token ranges of the analysis behind them) lies inside the text and
 * quotes it exactly. Two kinds of text: any Unicode string, and articles made of the
 * locales' own words (countries, demonyms, cities, event words, titles, names, dates,
 * agreement words, punctuation), so that the extractor finds events and agreements to
 * check. Seeds are random; fast-check prints the seed and path of a failing case, and
 *   ENTENTE_FC_SEED=<seed> ENTENTE_FC_PATH=<path> npx vitest run test/extract/properties.test.ts -t '<name>'
 * replays it; ENTENTE_FC_SCALE=<factor> runs more (or fewer) cases.
 */

const PROPERTIES = 4;
const stats = { properties: 0, cases: 0, events: 0, agreements: 0, dates: 0, slowestMs: 0 };
/** A hang detector, not a benchmark: an article here takes well under a millisecond. */
const MAX_CASE_MS = 2_000;

afterAll(() => {
  if (process.env['ENTENTE_PROPERTY_STATS'] !== undefined) console.log(stats);
  if (stats.properties < PROPERTIES) return;
  expect(stats.cases).toBeGreaterThanOrEqual(4_000);
  // The generated articles must give the checks something to check.
  expect(stats.events).toBeGreaterThan(500);
  expect(stats.agreements).toBeGreaterThan(100);
  expect(stats.dates).toBeGreaterThan(500);
  expect(stats.slowestMs).toBeLessThan(MAX_CASE_MS);
});

const REPLAY =
  process.env['ENTENTE_FC_SEED'] === undefined
    ? {}
    : { seed: Number(process.env['ENTENTE_FC_SEED']), ...(process.env['ENTENTE_FC_PATH'] === undefined ? {} : { path: process.env['ENTENTE_FC_PATH'] }) };

/** ENTENTE_FC_SCALE=20 runs twenty times as many cases (a longer hunt for counterexamples). */
const SCALE = Number(process.env['ENTENTE_FC_SCALE'] ?? 1);

function check<T>(property: fc.IProperty<T>, numRuns: number): void {
  fc.assert(property, { numRuns: Math.round(numRuns * SCALE), ...REPLAY });
  stats.properties++;
}

/** A plain throw: cheaper than expect over thousands of checks, and fast-check reports the input. */
function ensure(condition: boolean, what: string, value?: unknown): void {
  if (!condition) throw new Error(`${what}${value === undefined ? '' : `: ${JSON.stringify(value)}`}`);
}

// ─── Invariants ─────────────────────────────────────────────────────────────────────────

type Language = 'fr' | 'en';

function checkSpan(text: string, start: number, end: number, quoted: string | undefined, where: string): void {
  ensure(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length, `${where}: offsets outside the text`, { start, end, length: text.length });
  if (quoted !== undefined) ensure(text.slice(start, end) === quoted, `${where}: the offsets do not quote the text`, { start, end, quoted, actual: text.slice(start, end) });
}

function checkEvidence(text: string, evidence: readonly Evidence[], where: string): void {
  ensure(evidence.length > 0, `${where}: no evidence`);
  for (const e of evidence) checkSpan(text, e.start, e.end, e.text, where);
}

function checkDate(date: PartialDate | undefined, where: string): void {
  if (date === undefined) return;
  const { year, month, day } = date;
  ensure(Number.isInteger(year), `${where}: a year that is not an integer`, date);
  ensure(month === undefined || (Number.isInteger(month) && month >= 1 && month <= 12), `${where}: an impossible month`, date);
  ensure(day === undefined || (month !== undefined && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)), `${where}: an impossible day`, date);
}

function checkExtraction(text: string, extraction: Extraction): void {
  const ids = new Set<string>();
  for (const e of extraction.events) {
    const where = `event ${e.localId} (${e.type})`;
    ensure(!ids.has(e.localId), `${where}: a local id used twice`);
    ids.add(e.localId);
    checkEvidence(text, e.evidence, where);
    for (let k = 1; k < e.evidence.length; k++) ensure((e.evidence[k - 1] as Evidence).start <= (e.evidence[k] as Evidence).start, `${where}: evidence out of order`);
    ensure(e.participants.every((p, k) => k === 0 || (e.participants[k - 1] as string) < p), `${where}: participants not sorted and distinct`, e.participants);
    // The actor columns (the visitor and the host of a visit) name sides of the event.
    for (const actor of [e.actor1, e.actor2]) ensure(actor?.country === undefined || e.participants.includes(actor.country), `${where}: an actor that is not a participant`, e);
    ensure(e.people.every((p) => p.trim() !== '') && new Set(e.people).size === e.people.length, `${where}: an empty or repeated name`, e.people);
    checkDate(e.date, where);
  }
  for (const a of extraction.agreements) {
    const where = `agreement "${a.title}"`;
    checkEvidence(text, a.evidence, where);
    ensure(a.signingEventLocalId === undefined || ids.has(a.signingEventLocalId), `${where}: a signing event that is not among the events`, a.signingEventLocalId);
    ensure(a.title.trim() !== '', `${where}: an empty title`);
    ensure(a.parties.length >= 2 && a.parties.every((p, k) => k === 0 || (a.parties[k - 1] as string) < p), `${where}: parties not two or more, sorted and distinct`, a.parties);
    checkDate(a.date, where);
  }
}

/** The analysis behind the rows: sentences, tokens, date mentions and token ranges. */
function checkAnalysis(text: string, language: Language, published: PartialDate | undefined): void {
  const analysis = analyseArticle(text, published, compileLocale(LOCALES[language] as (typeof LOCALES)[string]));
  let previousEnd = 0;
  for (const s of analysis.sentences) {
    const where = `sentence ${s.sentence.index}`;
    checkSpan(text, s.sentence.start, s.sentence.end, s.sentence.text, where);
    ensure(s.sentence.start >= previousEnd && s.sentence.end > s.sentence.start, `${where}: empty, or overlapping the one before`);
    previousEnd = s.sentence.end;
    let tokenEnd = s.sentence.start;
    for (const t of s.tokens) {
      checkSpan(text, t.start, t.end, t.text, `${where}, token "${t.text}"`);
      ensure(t.start >= tokenEnd && t.end > t.start && t.end <= s.sentence.end, `${where}: token "${t.text}" out of order or outside its sentence`);
      tokenEnd = t.end;
    }
    for (const d of s.dates) {
      checkSpan(text, d.start, d.end, d.text, `${where}, date "${d.text}"`);
      ensure(d.start >= s.sentence.start && d.end <= s.sentence.end, `${where}: date outside its sentence`, d);
      checkDate(d.date, `${where}, date "${d.text}"`);
      stats.dates++;
    }
    const ranges = [...s.places, ...s.triggers, ...s.people];
    for (const r of ranges) ensure(Number.isInteger(r.first) && r.first >= 0 && r.first < r.last && r.last <= s.tokens.length, `${where}: a token range outside the sentence`, { first: r.first, last: r.last });
  }
}

function run(text: string, language: Language, published: PartialDate | undefined): Extraction {
  const started = performance.now();
  const article = { text, language, published };
  const extraction = extractArticle(article);
  const ms = performance.now() - started;
  stats.cases++;
  stats.slowestMs = Math.max(stats.slowestMs, ms);
  ensure(ms < MAX_CASE_MS, `extraction took ${ms.toFixed(0)} ms`);
  ensure(extraction !== undefined, `no extraction for ${language}`);
  const found = extraction as Extraction;
  checkExtraction(text, found);
  checkAnalysis(text, language, published);
  ensure(JSON.stringify(extractArticle(article)) === JSON.stringify(found), 'a second run gives another answer');
  stats.events += found.events.length;
  stats.agreements += found.agreements.length;
  return found;
}

// ─── Inputs ─────────────────────────────────────────────────────────────────────────────

const language = fc.constantFrom<Language>('fr', 'en');

const published: fc.Arbitrary<PartialDate | undefined> = fc.option(
  fc.record({ year: fc.integer({ min: 1990, max: 2030 }), month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), day: fc.integer({ min: 1, max: 31 }) }).map(({ year, month, day }) =>
    month === undefined ? { year } : day > daysInMonth(year, month) ? { year, month } : { year, month, day },
  ),
  { nil: undefined },
);

/** Any string: code units (lone surrogates included), code points, graphemes. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary-ascii', maxLength: 200 }),
);

const NAMES = ['Ramtane', 'Lamamra', 'Jeyhun', 'Bayramov', 'Peter', 'Kamau', 'Njoroge', 'Laura', 'Restrepo', 'Gil', 'María', 'Ould', 'Cheikh', 'El', 'van', 'der', 'Leyen', 'Anne-Claire', 'Xi', 'Olaf', "O'Neill", 'Sergueï', 'Lavrov', 'S', 'J'];

/** The words a locale knows, as written in its lists: what the extractor reacts to. */
function lexiconWords(code: Language): string[] {
  const { places, lexicon } = LOCALES[code] as (typeof LOCALES)[string];
  const dates = DATE_LOCALES[code];
  return [
    ...Object.keys(places.countries),
    ...Object.keys(places.demonyms),
    ...Object.keys(places.cities),
    ...Object.keys(places.institutions),
    ...Object.keys(places.organisations),
    ...CITIES.slice(0, 40).map((c) => c.name),
    ...Object.keys(lexicon.eventTriggers),
    ...lexicon.futureMarkers,
    ...lexicon.negationMarkers,
    ...lexicon.titles,
    ...lexicon.honorifics,
    ...lexicon.counterpartWords,
    ...lexicon.locativePrepositions,
    ...lexicon.onBehalfCues,
    ...lexicon.witnessCues,
    ...lexicon.witnessVerbs,
    ...lexicon.agentCues,
    ...lexicon.agreementNouns,
    ...lexicon.agreementCountNouns,
    ...lexicon.ordinals,
    ...lexicon.otherWords,
    ...Object.keys(lexicon.numbers),
    ...Object.keys(lexicon.topics),
    ...lexicon.announcedCues,
    ...Object.keys(lexicon.statusCues),
    ...lexicon.conjunctions,
    ...lexicon.sameTimeWords,
    ...lexicon.plannedAfter,
    ...lexicon.hostingTriggers,
    ...lexicon.companyWords,
    ...lexicon.enumerationOpeners,
    ...lexicon.jointCues,
    ...lexicon.nonEvents,
    ...lexicon.negotiationMarkers,
    ...lexicon.topicPrepositions,
    ...Object.keys(lexicon.dayShifts),
    ...lexicon.possessives,
    ...lexicon.demonstratives,
    ...dates.months.flat(),
    ...dates.weekdays.flat(),
    ...Object.keys(dates.relative),
    ...dates.ignored,
    ...dates.monthMarkers,
    ...dates.yearMarkers,
  ];
}

const WORDS: Record<Language, string[]> = { fr: lexiconWords('fr'), en: lexiconWords('en') };
const PUNCTUATION = [',', ',', '.', ';', ':', '"', "'", '(', ')', '-', '–', '!', '?', '\n', '\n\n', 'M.', 'Mr.', '...'];

/** A date as articles write it: "le 8 mars 2023", "March 8", "2023-03-08", "08/03/2023", "en 2021". */
const dateText = (code: Language): fc.Arbitrary<string> => {
  const months = DATE_LOCALES[code].months.map((spellings) => spellings[0] as string);
  const month = fc.constantFrom(...months).map((m) => (code === 'en' ? m.charAt(0).toUpperCase() + m.slice(1) : m));
  const day = fc.integer({ min: 1, max: 31 });
  const year = fc.integer({ min: 1995, max: 2030 });
  return fc.oneof(
    fc.tuple(day, month, fc.option(year, { nil: undefined })).map(([d, m, y]) => (code === 'fr' ? `le ${d} ${m}${y ? ` ${y}` : ''}` : `${m} ${d}${y ? `, ${y}` : ''}`)),
    fc.tuple(day, day, month).map(([a, b, m]) => (code === 'fr' ? `du ${a} au ${b} ${m}` : `${m} ${a}-${b}`)),
    fc.tuple(year, fc.integer({ min: 1, max: 12 }), day).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    fc.tuple(day, fc.integer({ min: 1, max: 13 }), year).map(([d, m, y]) => `${d}/${m}/${y}`),
    year.map((y) => (code === 'fr' ? `en ${y}` : `in ${y}`)),
    fc.integer({ min: 0, max: 100 }).map(String),
  );
};

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** One sentence of the locale's words, names, dates and punctuation, with a little noise. */
const sentence = (code: Language): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 10, arbitrary: fc.constantFrom(...WORDS[code]) },
        { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
        { weight: 2, arbitrary: dateText(code) },
        { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
      ),
      { minLength: 1, maxLength: 24 },
    )
    .chain((words) => fc.tuple(fc.constant(words), fc.array(fc.constantFrom(' ', ' ', ' ', ' ', '', '\n', '  '), { minLength: words.length, maxLength: words.length }), fc.constantFrom('.', '.', '!', '?', '', ' ...')))
    .map(([words, gaps, end]) => capitalise(words.map((w, k) => (k === 0 ? w : `${gaps[k]}${w}`)).join('')) + end);

/**
 * A sentence built like a report, its parts drawn from the locale's lists and any of them
 * left out: "<title> <demonym> <name> <event word> <preposition> <city> <date>", or
 * "<country> <and> <country> <signing word> <number> <agreement noun> <on> <topic>".
 */
const reported = (code: Language): fc.Arbitrary<string> => {
  const { places, lexicon } = LOCALES[code] as (typeof LOCALES)[string];
  const pick = (words: readonly string[]): fc.Arbitrary<string> => fc.option(fc.constantFrom(...words), { freq: 4, nil: '' });
  const triggers = Object.keys(lexicon.eventTriggers);
  const signing = Object.entries(lexicon.eventTriggers).filter(([, type]) => type === 'signing').map(([word]) => word);
  const name = fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }).map((n) => n.join(' '));
  const place = fc.constantFrom(...Object.keys(places.countries), ...Object.keys(places.cities), ...CITIES.slice(0, 40).map((c) => c.name));
  const event = fc.tuple(pick(lexicon.titles), pick(Object.keys(places.demonyms)), name, pick([',']), fc.constantFrom(...triggers), pick(lexicon.locativePrepositions), place, fc.option(dateText(code), { nil: '' }), pick(lexicon.counterpartWords), fc.option(name, { nil: '' }));
  const signed = fc.tuple(place, pick(lexicon.conjunctions), place, fc.constantFrom(...signing), pick([...Object.keys(lexicon.numbers), '2', '3', '12']), fc.constantFrom(...lexicon.agreementNouns, ...lexicon.agreementCountNouns), pick(lexicon.topicPrepositions), pick(Object.keys(lexicon.topics)), fc.option(dateText(code), { nil: '' }));
  return fc.oneof(event, signed).map((parts) => capitalise(parts.filter((w) => w !== '').join(' ')) + '.');
};

/** One to eight sentences, in one paragraph or several. */
const article = (code: Language): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.oneof(sentence(code), reported(code)), fc.constantFrom(' ', ' ', '\n\n', '\n')), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.map(([s, gap], k) => (k === 0 ? s : `${gap}${s}`)).join(''));

const lexiconArticle = language.chain((code) => fc.tuple(fc.constant(code), article(code)));

// ─── Properties ─────────────────────────────────────────────────────────────────────────

describe('extractor properties', () => {
  it('never throws on any text, and every offset quotes it', () => {
    check(
      fc.property(anyText, language, published, (text, code, date) => {
        run(text, code, date);
      }),
      1_500,
    );
  });

  it('reads articles of the locale\'s own words: rows found, every offset quotes the text', () => {
    check(
      fc.property(lexiconArticle, published, ([code, text], date) => {
        run(text, code, date);
      }),
      2_500,
    );
  });

  it('finds the same dates whether the word gate reads the text or its tokens', () => {
    check(
      fc.property(fc.oneof(anyText, lexiconArticle.map(([, text]) => text)), language, published, (text, code, date) => {
        const fromText = findDateMentions(text, code, date);
        const fromTokens = findDateMentions(text, code, date, { tokens: tokenise(text) });
        ensure(JSON.stringify(fromText) === JSON.stringify(fromTokens), 'the tokens change the dates found', { fromText, fromTokens });
        for (const m of fromText) checkSpan(text, m.start, m.end, m.text, `date "${m.text}"`);
        stats.cases++;
      }),
      1_000,
    );
  });

  it('tokenises any text into spans that quote it', () => {
    check(
      fc.property(fc.oneof(anyText, lexiconArticle.map(([, text]) => text)), fc.nat(10_000), (text, offset) => {
        let end = offset;
        for (const t of tokenise(text, offset)) {
          ensure(t.start >= end && t.end > t.start && text.slice(t.start - offset, t.end - offset) === t.text, 'a token that does not quote the text', t);
          end = t.end;
        }
        stats.cases++;
      }),
      1_000,
    );
  });
});
