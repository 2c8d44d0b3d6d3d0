import { CITIES } from '../gazetteer/cities.js';
import { COUNTRIES } from '../gazetteer/countries.js';
import type { City } from '../gazetteer/types.js';
import type { IndexedTrie } from './common/phrase-trie.js';
import { FirstWordIndex, PhraseTrie } from './common/phrase-trie.js';
import { fold, phraseKey } from './common/tokenise.js';
import type { Locale } from './locale.js';
import type { AgreementStatus, AgreementTopic, EventType } from './types.js';

/** 'none': a name that contains a country word but is no place of ours ("Indian Ocean"). */
export type PlaceKind = 'country' | 'demonym' | 'city' | 'institution' | 'organisation' | 'none';

export interface PlaceEntry {
  readonly kind: PlaceKind;
  /** ISO3, or the CAMEO code of an organisation. */
  readonly code: string;
  /** For cities: the gazetteer city. */
  readonly city?: City;
  /** The dictionary key was written capitalised: text must be too ("Niger" the country, not a common word). */
  readonly needsCapital: boolean;
  /** Other codes the same word may stand for ("congolais": COG or COD); the article decides. */
  readonly alternatives?: readonly string[];
}

/**
 * A locale's word lists turned once into tries and sets; built on first use and kept
 * for the life of the process (a Lambda container keeps it across invocations).
 */
export interface CompiledLocale {
  readonly locale: Locale;
  readonly places: PhraseTrie<PlaceEntry>;
  readonly triggers: PhraseTrie<EventType>;
  readonly future: PhraseTrie<true>;
  readonly futureSuffixes: readonly string[];
  readonly futureSuffixExceptions: ReadonlySet<string>;
  readonly negation: PhraseTrie<true>;
  readonly titles: PhraseTrie<true>;
  readonly honorifics: ReadonlySet<string>;
  readonly particles: ReadonlySet<string>;
  readonly notNames: ReadonlySet<string>;
  readonly counterpart: PhraseTrie<true>;
  readonly locativePrepositions: PhraseTrie<true>;
  readonly locativeFillers: ReadonlySet<string>;
  readonly capitalWords: ReadonlySet<string>;
  readonly onBehalf: PhraseTrie<true>;
  readonly witness: PhraseTrie<true>;
  readonly witnessVerbs: PhraseTrie<true>;
  readonly agent: PhraseTrie<true>;
  readonly agreementNouns: PhraseTrie<'noun' | 'count'>;
  readonly definite: ReadonlySet<string>;
  readonly ordinals: PhraseTrie<true>;
  readonly otherWords: ReadonlySet<string>;
  readonly numbers: PhraseTrie<number>;
  readonly topics: PhraseTrie<AgreementTopic>;
  readonly announced: PhraseTrie<true>;
  readonly status: PhraseTrie<AgreementStatus>;
  readonly conjunctions: PhraseTrie<true>;
  readonly roleWords: ReadonlySet<string>;
  readonly insertable: ReadonlySet<string>;
  readonly demonstratives: ReadonlySet<string>;
  readonly possessives: ReadonlySet<string>;
  readonly sameTime: PhraseTrie<true>;
  readonly plannedAfter: PhraseTrie<true>;
  readonly infinitiveMarkers: ReadonlySet<string>;
  readonly hosting: PhraseTrie<true>;
  readonly companyWords: ReadonlySet<string>;
  readonly enumerationOpeners: PhraseTrie<true>;
  readonly joint: PhraseTrie<true>;
  readonly nonEvents: PhraseTrie<true>;
  readonly negotiation: PhraseTrie<true>;
  readonly topicPrepositions: PhraseTrie<true>;
  readonly dayShifts: PhraseTrie<number>;
  readonly abbreviations: ReadonlySet<string>;
  readonly citiesByName: ReadonlyMap<string, City>;
  readonly capitals: ReadonlyMap<string, City>;
  /** The first words of all the tries above: tokenise with it (see FirstWordIndex). */
  readonly firstWords: FirstWordIndex;
}

const cache = new Map<string, CompiledLocale>();

const flags = (phrases: readonly string[]): PhraseTrie<true> => {
  const trie = new PhraseTrie<true>();
  for (const p of phrases) trie.add(p, true);
  return trie;
};
const foldedSet = (words: readonly string[]): Set<string> => new Set(words.map((w) => phraseKey(w).join(' ')));
const startsUpper = (s: string): boolean => /^\p{Lu}/u.test(s);
/** Every entry with the same fields, in the same order (one hidden class for the code that reads them). */
const placeEntry = (kind: PlaceKind, code: string, needsCapital: boolean, city?: City, alternatives?: readonly string[]): PlaceEntry => ({ kind, code, city, needsCapital, alternatives });

export function compileLocale(locale: Locale): CompiledLocale {
  const known = cache.get(locale.code);
  if (known) return known;

  const citiesByName = new Map(CITIES.map((c) => [c.name, c]));
  const capitals = new Map<string, City>();
  for (const country of COUNTRIES) {
    const capital = citiesByName.get(country.capital);
    if (capital) capitals.set(country.iso3, capital);
  }

  // Countries first: on a clash ("Djibouti", "Mexico") the first entry wins, and a
  // country name used as a place still yields its capital through `capitals`.
  const places = new PhraseTrie<PlaceEntry>();
  const { places: lp, lexicon: lx } = locale;
  for (const [name, code] of Object.entries(lp.countries)) places.add(name, placeEntry('country', code, startsUpper(name), undefined, lp.ambiguous?.[name]?.filter((c) => c !== code)));
  for (const [name, code] of Object.entries(lp.institutions)) places.add(name, placeEntry('institution', code, startsUpper(name)));
  for (const [name, code] of Object.entries(lp.organisations)) places.add(name, placeEntry('organisation', code, startsUpper(name)));
  for (const [name, english] of Object.entries(lp.cities)) {
    const city = citiesByName.get(english);
    if (city) places.add(name, placeEntry('city', city.country, true, city));
  }
  for (const city of CITIES) places.add(city.name, placeEntry('city', city.country, true, city));
  const alternatives = (name: string, code: string): readonly string[] | undefined => lp.ambiguous?.[name]?.filter((c) => c !== code);
  for (const [name, code] of Object.entries(lp.demonyms)) {
    const known = places.get(name);
    // "l'Argentine" and "son homologue argentine" fold alike: the country entry then matches in lower case too.
    if (known && known.code === code && known.needsCapital && !startsUpper(name)) places.set(name, { ...known, needsCapital: false });
    else places.add(name, placeEntry('demonym', code, startsUpper(name), undefined, alternatives(name, code)));
  }
  for (const name of lx.nonPlaces) places.add(name, placeEntry('none', '', startsUpper(name)));

  const agreementNouns = new PhraseTrie<'noun' | 'count'>();
  for (const n of lx.agreementNouns) agreementNouns.add(n, 'noun');
  for (const n of lx.agreementCountNouns) agreementNouns.add(n, 'count');

  const lists: Omit<CompiledLocale, 'firstWords'> = {
    locale,
    places,
    triggers: new PhraseTrie<EventType>().addAll(lx.eventTriggers),
    future: flags(lx.futureMarkers),
    futureSuffixes: lx.futureSuffixes,
    futureSuffixExceptions: new Set(lx.futureSuffixExceptions.map(fold)),
    negation: flags(lx.negationMarkers),
    titles: flags(lx.titles),
    honorifics: foldedSet(lx.honorifics),
    particles: foldedSet(lx.nameParticles),
    notNames: foldedSet(lx.notNames),
    counterpart: flags(lx.counterpartWords),
    locativePrepositions: flags(lx.locativePrepositions),
    locativeFillers: foldedSet(lx.locativeFillers),
    capitalWords: foldedSet(lx.capitalWords),
    onBehalf: flags(lx.onBehalfCues),
    witness: flags(lx.witnessCues),
    witnessVerbs: flags(lx.witnessVerbs),
    agent: flags(lx.agentCues),
    agreementNouns,
    definite: foldedSet(lx.definiteDeterminers),
    ordinals: flags(lx.ordinals),
    otherWords: foldedSet(lx.otherWords),
    numbers: new PhraseTrie<number>().addAll(lx.numbers),
    topics: new PhraseTrie<AgreementTopic>().addAll(lx.topics),
    announced: flags(lx.announcedCues),
    status: new PhraseTrie<AgreementStatus>().addAll(lx.statusCues),
    conjunctions: flags(lx.conjunctions),
    roleWords: foldedSet(lx.roleWords),
    insertable: foldedSet(lx.insertableWords),
    demonstratives: foldedSet(lx.demonstratives),
    possessives: foldedSet(lx.possessives),
    sameTime: flags(lx.sameTimeWords),
    plannedAfter: flags(lx.plannedAfter),
    infinitiveMarkers: foldedSet(lx.infinitiveMarkers),
    hosting: flags(lx.hostingTriggers),
    companyWords: foldedSet(lx.companyWords),
    enumerationOpeners: flags(lx.enumerationOpeners),
    joint: flags(lx.jointCues),
    nonEvents: flags(lx.nonEvents),
    negotiation: flags(lx.negotiationMarkers),
    topicPrepositions: flags(lx.topicPrepositions),
    dayShifts: new PhraseTrie<number>().addAll(lx.dayShifts),
    abbreviations: new Set(lx.abbreviations.map(fold)),
    citiesByName,
    capitals,
  };
  const tries: IndexedTrie[] = [];
  for (const list of Object.values(lists)) if (list instanceof PhraseTrie) tries.push(list);
  const compiled: CompiledLocale = { ...lists, firstWords: new FirstWordIndex(tries) };
  cache.set(locale.code, compiled);
  return compiled;
}
