import type { DateLocale } from '../dates/find-date-mentions.js';
import type { LocalePlaces } from './locale-places.js';
import type { AgreementStatus, AgreementTopic, EventType } from './types.js';

/**
 * Everything one language contributes to extraction, as data. Phrases are written as
 * they appear in running text (see PhraseTrie). The shared engine reads these; a new
 * language is a new folder.
 */
export interface LocaleLexicon {
  /** Words that end with "." without ending the sentence ("M", "Mme", "Dr"), without the dot. */
  readonly abbreviations: readonly string[];
  /** Phrases that report an event of a type. */
  readonly eventTriggers: Readonly<Record<string, EventType>>;
  /** Phrases that make a nearby trigger planned, expected or prospective: no event. */
  readonly futureMarkers: readonly string[];
  /** Verb endings of the future / conditional tense ("-era", "-ront"); a word ending so near a trigger makes it planned. */
  readonly futureSuffixes: readonly string[];
  /** Lower-case words that end like a future verb but are not one. */
  readonly futureSuffixExceptions: readonly string[];
  /** Negation: "aucun", "n'", "not", "no". */
  readonly negationMarkers: readonly string[];
  /** Role words that introduce or describe an official: "ministre", "président", "Foreign Minister". */
  readonly titles: readonly string[];
  /** Courtesy words right before a name: "M", "Mme", "Mr", "cheikh". */
  readonly honorifics: readonly string[];
  /** Lower-case words allowed inside a name: "de", "da", "van", "ben", "al". */
  readonly nameParticles: readonly string[];
  /** Capitalised words that never start or continue a person's name ("Le", "The", "Palace", "University"). */
  readonly notNames: readonly string[];
  /** "son homologue", "his counterpart": the person after it is the other side. */
  readonly counterpartWords: readonly string[];
  /** Prepositions that make the next place a location, not an actor: "à", "en", "in", "at". */
  readonly locativePrepositions: readonly string[];
  /** Words allowed between a locative preposition and the place: "la", "the", "northern", "city of". */
  readonly locativeFillers: readonly string[];
  /** "capitale", "capital": with a demonym, the country's capital city. */
  readonly capitalWords: readonly string[];
  /** "au nom de", "on behalf of": the place after it is the person's country. */
  readonly onBehalfCues: readonly string[];
  /** "en présence de", "in the presence of": the people named after it witness, they do not sign. */
  readonly witnessCues: readonly string[];
  /** "ont assisté à", "witnessed": the people named before it witness. */
  readonly witnessVerbs: readonly string[];
  /** "par", "by": after a signing verb, the people named next are the ones who signed. */
  readonly agentCues: readonly string[];
  /** Nouns of agreements: "accord", "mémorandum d'entente", "agreement", "memorandum". */
  readonly agreementNouns: readonly string[];
  /** Generic nouns that only count agreements ("textes", "instruments", "documents"). */
  readonly agreementCountNouns: readonly string[];
  /** Definite determiners: a noun after them refers back to an agreement already named. */
  readonly definiteDeterminers: readonly string[];
  /** Ordinals that open an enumerated agreement: "le premier", "le second", "the first". */
  readonly ordinals: readonly string[];
  /** "autres", "other", "remaining": a count of further agreements not detailed. */
  readonly otherWords: readonly string[];
  /** Number words → value ("deux" → 2, "eight" → 8). */
  readonly numbers: Readonly<Record<string, number>>;
  /** Keywords → agreement topic. */
  readonly topics: Readonly<Record<string, AgreementTopic>>;
  /** Verbs of agreeing without signing: "sont convenus de", "agreed to" → announced, when a topic follows. */
  readonly announcedCues: readonly string[];
  /** Phrases that set a later status: "ratifié" → ratified, "entré en vigueur" → in_force. */
  readonly statusCues: Readonly<Record<string, AgreementStatus>>;
  /** Lower-case words that occur inside officials' titles ("chargé", "auprès", "foreign"): a role phrase runs over them. */
  readonly roleWords: readonly string[];
  /** Adverbs that may stand inside a trigger phrase: "s'est notamment entretenu", "also signed". */
  readonly insertableWords: readonly string[];
  /** Names that contain a country word but are no country: "Indian Ocean", "golfe de Guinée". */
  readonly nonPlaces: readonly string[];
  /** "le soir même", "that same day": the event happened when the one told just before did. */
  readonly sameTimeWords: readonly string[];
  /** Participles that make a trigger noun planned even after it: "la visite, prévue en septembre". */
  readonly plannedAfter: readonly string[];
  /** Active verbs of hosting: "a accueilli son homologue", "hosted his counterpart" — the guest made a visit. */
  readonly hostingTriggers: readonly string[];
  /** Heads that make a nationality a company's, not a state's: "la société ghanéenne", "Portuguese group". */
  readonly companyWords: readonly string[];
  /** Words that open an enumeration of agreements: "dont", "including". */
  readonly enumerationOpeners: readonly string[];
  /** A word right before a trigger that makes it an infinitive of intent: "to visit", "to sign". */
  readonly infinitiveMarkers: readonly string[];
  /** "conjointe", "joint", "les deux", "together": a press appearance by both sides, not one. */
  readonly jointCues: readonly string[];
  /** Phrases that look like an event but are domestic: "conseil des ministres", "cabinet meeting". */
  readonly nonEvents: readonly string[];
  /** "négociations", "under negotiation": an agreement spoken of here is not concluded. */
  readonly negotiationMarkers: readonly string[];
  /** Prepositions after which a country is what is talked about: "sur", "on", "about". */
  readonly topicPrepositions: readonly string[];
  /** Days counted from the date just told: "la veille" → -1, "le lendemain" → +1. */
  readonly dayShifts: Readonly<Record<string, number>>;
  /** Possessive determiners before a title: "son homologue", "his counterpart". */
  readonly possessives: readonly string[];
  /** Demonstratives: a trigger after one ("cette visite", "this trip") refers back to an event already told. */
  readonly demonstratives: readonly string[];
  /** Clause boundaries inside a sentence for role phrases: "et", "and", "tandis que". */
  readonly conjunctions: readonly string[];
}

export interface Locale {
  readonly code: string;
  readonly dateLocale: DateLocale;
  readonly places: LocalePlaces;
  readonly lexicon: LocaleLexicon;
}
