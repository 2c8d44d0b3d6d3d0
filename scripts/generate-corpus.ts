/**
 * A synthetic corpus of diplomatic news in French and English, for benchmarks: every
 * sentence comes from the templates below (written for this generator, not taken from any
 * article), filled from small word lists. Deterministic: the same seed and count give the
 * same bytes, and article i does not depend on the count, so a smaller corpus is a prefix
 * of a larger one.
 *
 * Lengths follow news copy: a lead, then paragraphs of 1–4 sentences, 0.5 to 7 kB of text
 * (median ~2 kB, log-normal).
 * Formats mix as uploads would: mostly seed-text `.txt`, then single-article `.json`,
 * `.jsonl` files of several articles, and full `.html` pages with navigation around the
 * article.
 *
 *   npx tsx scripts/generate-corpus.ts --out .local/corpus [--count 10000] [--seed 20250430]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Language = 'en' | 'fr';
export type GeneratedFormat = 'txt' | 'json' | 'jsonl' | 'html';

/** One generated object (file): `articles` articles in `format`. */
export interface GeneratedObject {
  readonly key: string;
  readonly format: GeneratedFormat;
  readonly language: Language;
  readonly articles: number;
  readonly body: string;
}

export interface CorpusOptions {
  /** Articles to generate (a `.jsonl` object holds several). */
  readonly count: number;
  /** @default DEFAULT_SEED */
  readonly seed?: number;
}

export const DEFAULT_SEED = 20250430;
export const DEFAULT_COUNT = 10_000;
/** Articles per `.jsonl` object. */
const JSONL_ARTICLES = 5;

// ---------------------------------------------------------------------------------------
// Randomness: one small PRNG per object, seeded from (seed, object number).

type Rng = () => number;

/** mulberry32: small, fast and the same everywhere; the tests' generated corpora use it too, so a failing case can be replayed. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(seed: number, n: number): number {
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Two distinct items. */
function pickTwo<T>(rng: Rng, items: readonly T[]): [T, T] {
  const first = pick(rng, items);
  let second = pick(rng, items);
  while (second === first) second = pick(rng, items);
  return [first, second];
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Approximately log-normal: most articles near the median, a long tail of long ones. */
function articleLength(rng: Rng): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.round(Math.min(7_000, Math.max(500, 1_900 * Math.exp(0.45 * normal))));
}

// ---------------------------------------------------------------------------------------
// Word lists.

interface Country {
  readonly en: string;
  readonly enDemonym: string;
  readonly enCapital: string;
  /** French name without its article. */
  readonly fr: string;
  readonly frArticle: 'le' | 'la' | 'l’';
  readonly frDemonym: string;
  readonly frCapital: string;
  /** 'à Dakar', 'au Caire'. */
  readonly frAtCapital?: string;
}

const COUNTRIES: readonly Country[] = [
  { en: 'France', enDemonym: 'French', enCapital: 'Paris', fr: 'France', frArticle: 'la', frDemonym: 'français', frCapital: 'Paris' },
  { en: 'Senegal', enDemonym: 'Senegalese', enCapital: 'Dakar', fr: 'Sénégal', frArticle: 'le', frDemonym: 'sénégalais', frCapital: 'Dakar' },
  { en: 'Japan', enDemonym: 'Japanese', enCapital: 'Tokyo', fr: 'Japon', frArticle: 'le', frDemonym: 'japonais', frCapital: 'Tokyo' },
  { en: 'Germany', enDemonym: 'German', enCapital: 'Berlin', fr: 'Allemagne', frArticle: 'l’', frDemonym: 'allemand', frCapital: 'Berlin' },
  { en: 'Morocco', enDemonym: 'Moroccan', enCapital: 'Rabat', fr: 'Maroc', frArticle: 'le', frDemonym: 'marocain', frCapital: 'Rabat' },
  { en: 'Algeria', enDemonym: 'Algerian', enCapital: 'Algiers', fr: 'Algérie', frArticle: 'l’', frDemonym: 'algérien', frCapital: 'Alger' },
  { en: 'Tunisia', enDemonym: 'Tunisian', enCapital: 'Tunis', fr: 'Tunisie', frArticle: 'la', frDemonym: 'tunisien', frCapital: 'Tunis' },
  { en: 'Canada', enDemonym: 'Canadian', enCapital: 'Ottawa', fr: 'Canada', frArticle: 'le', frDemonym: 'canadien', frCapital: 'Ottawa' },
  { en: 'Brazil', enDemonym: 'Brazilian', enCapital: 'Brasília', fr: 'Brésil', frArticle: 'le', frDemonym: 'brésilien', frCapital: 'Brasilia' },
  { en: 'India', enDemonym: 'Indian', enCapital: 'New Delhi', fr: 'Inde', frArticle: 'l’', frDemonym: 'indien', frCapital: 'New Delhi' },
  { en: 'China', enDemonym: 'Chinese', enCapital: 'Beijing', fr: 'Chine', frArticle: 'la', frDemonym: 'chinois', frCapital: 'Pékin' },
  { en: 'Kenya', enDemonym: 'Kenyan', enCapital: 'Nairobi', fr: 'Kenya', frArticle: 'le', frDemonym: 'kényan', frCapital: 'Nairobi' },
  { en: 'Nigeria', enDemonym: 'Nigerian', enCapital: 'Abuja', fr: 'Nigeria', frArticle: 'le', frDemonym: 'nigérian', frCapital: 'Abuja' },
  { en: 'Ghana', enDemonym: 'Ghanaian', enCapital: 'Accra', fr: 'Ghana', frArticle: 'le', frDemonym: 'ghanéen', frCapital: 'Accra' },
  { en: 'Italy', enDemonym: 'Italian', enCapital: 'Rome', fr: 'Italie', frArticle: 'l’', frDemonym: 'italien', frCapital: 'Rome' },
  { en: 'Spain', enDemonym: 'Spanish', enCapital: 'Madrid', fr: 'Espagne', frArticle: 'l’', frDemonym: 'espagnol', frCapital: 'Madrid' },
  { en: 'Egypt', enDemonym: 'Egyptian', enCapital: 'Cairo', fr: 'Égypte', frArticle: 'l’', frDemonym: 'égyptien', frCapital: 'Le Caire', frAtCapital: 'au Caire' },
  { en: 'Turkey', enDemonym: 'Turkish', enCapital: 'Ankara', fr: 'Turquie', frArticle: 'la', frDemonym: 'turc', frCapital: 'Ankara' },
  { en: 'Indonesia', enDemonym: 'Indonesian', enCapital: 'Jakarta', fr: 'Indonésie', frArticle: 'l’', frDemonym: 'indonésien', frCapital: 'Jakarta' },
  { en: 'Vietnam', enDemonym: 'Vietnamese', enCapital: 'Hanoi', fr: 'Vietnam', frArticle: 'le', frDemonym: 'vietnamien', frCapital: 'Hanoï' },
  { en: 'Mexico', enDemonym: 'Mexican', enCapital: 'Mexico City', fr: 'Mexique', frArticle: 'le', frDemonym: 'mexicain', frCapital: 'Mexico' },
  { en: 'Argentina', enDemonym: 'Argentine', enCapital: 'Buenos Aires', fr: 'Argentine', frArticle: 'l’', frDemonym: 'argentin', frCapital: 'Buenos Aires' },
  { en: 'Qatar', enDemonym: 'Qatari', enCapital: 'Doha', fr: 'Qatar', frArticle: 'le', frDemonym: 'qatari', frCapital: 'Doha' },
  { en: 'Mali', enDemonym: 'Malian', enCapital: 'Bamako', fr: 'Mali', frArticle: 'le', frDemonym: 'malien', frCapital: 'Bamako' },
  { en: 'Cameroon', enDemonym: 'Cameroonian', enCapital: 'Yaoundé', fr: 'Cameroun', frArticle: 'le', frDemonym: 'camerounais', frCapital: 'Yaoundé' },
  { en: 'Belgium', enDemonym: 'Belgian', enCapital: 'Brussels', fr: 'Belgique', frArticle: 'la', frDemonym: 'belge', frCapital: 'Bruxelles' },
  { en: 'Portugal', enDemonym: 'Portuguese', enCapital: 'Lisbon', fr: 'Portugal', frArticle: 'le', frDemonym: 'portugais', frCapital: 'Lisbonne' },
  { en: 'South Korea', enDemonym: 'South Korean', enCapital: 'Seoul', fr: 'Corée du Sud', frArticle: 'la', frDemonym: 'sud-coréen', frCapital: 'Séoul' },
  { en: 'Australia', enDemonym: 'Australian', enCapital: 'Canberra', fr: 'Australie', frArticle: 'l’', frDemonym: 'australien', frCapital: 'Canberra' },
  { en: 'Norway', enDemonym: 'Norwegian', enCapital: 'Oslo', fr: 'Norvège', frArticle: 'la', frDemonym: 'norvégien', frCapital: 'Oslo' },
];

/** Neutral venues of multilateral meetings. */
const VENUES: readonly { en: string; fr: string; frAt: string }[] = [
  { en: 'Geneva', fr: 'Genève', frAt: 'à Genève' },
  { en: 'New York', fr: 'New York', frAt: 'à New York' },
  { en: 'Addis Ababa', fr: 'Addis-Abeba', frAt: 'à Addis-Abeba' },
  { en: 'Vienna', fr: 'Vienne', frAt: 'à Vienne' },
  { en: 'Nairobi', fr: 'Nairobi', frAt: 'à Nairobi' },
];

const FIRST_NAMES = [
  'Aminata', 'Karim', 'Hélène', 'David', 'Laila', 'Tomás', 'Yuki', 'Ngozi', 'Pierre', 'Fatou', 'Jonas', 'Mei',
  'Omar', 'Sofia', 'Kwame', 'Ingrid', 'Rafael', 'Nadia', 'Samuel', 'Leïla', 'Anders', 'Chloé', 'Ibrahim', 'Ana',
];
const LAST_NAMES = [
  'Diallo', 'Moreau', 'Okafor', 'Tanaka', 'Schneider', 'Benali', 'Haddad', 'Costa', 'Mensah', 'Lindqvist', 'Ferreira', 'Kaya',
  'Nguyen', 'Rossi', 'Dubois', 'Mwangi', 'Santos', 'Park', 'Petrov', 'Garcia', 'Traoré', 'Haugen', 'Wibowo', 'Castillo',
];

interface Role {
  readonly en: string;
  readonly fr: string;
}

const ROLES: readonly Role[] = [
  { en: 'Foreign Minister', fr: 'ministre des Affaires étrangères' },
  { en: 'President', fr: 'président' },
  { en: 'Prime Minister', fr: 'Premier ministre' },
  { en: 'Minister of Trade', fr: 'ministre du Commerce' },
  { en: 'Defence Minister', fr: 'ministre de la Défense' },
  { en: 'Minister of Energy', fr: 'ministre de l’Énergie' },
];

interface Topic extends Role {
  /** With its French article: 'le commerce', 'l’énergie'. */
  readonly frDef: string;
}

const TOPICS: readonly Topic[] = [
  { en: 'trade', fr: 'commerce', frDef: 'le commerce' },
  { en: 'energy', fr: 'énergie', frDef: 'l’énergie' },
  { en: 'defence', fr: 'défense', frDef: 'la défense' },
  { en: 'higher education', fr: 'enseignement supérieur', frDef: 'l’enseignement supérieur' },
  { en: 'health', fr: 'santé', frDef: 'la santé' },
  { en: 'agriculture', fr: 'agriculture', frDef: 'l’agriculture' },
  { en: 'culture', fr: 'culture', frDef: 'la culture' },
  { en: 'tourism', fr: 'tourisme', frDef: 'le tourisme' },
  { en: 'maritime security', fr: 'sécurité maritime', frDef: 'la sécurité maritime' },
  { en: 'renewable energy', fr: 'énergies renouvelables', frDef: 'les énergies renouvelables' },
  { en: 'investment', fr: 'investissements', frDef: 'les investissements' },
  { en: 'digital services', fr: 'économie numérique', frDef: 'l’économie numérique' },
  { en: 'water management', fr: 'gestion de l’eau', frDef: 'la gestion de l’eau' },
  { en: 'visa exemption', fr: 'exemption de visas', frDef: 'l’exemption de visas' },
  { en: 'judicial cooperation', fr: 'coopération judiciaire', frDef: 'la coopération judiciaire' },
];

const AGREEMENT_NOUNS: readonly { en: string; enPlural: string; fr: string; frPlural: string; frA: string; frThe: string; frSigned: string }[] = [
  { en: 'agreement', enPlural: 'agreements', fr: 'accord', frPlural: 'accords', frA: 'un accord', frThe: 'l’accord', frSigned: 'signé' },
  { en: 'memorandum of understanding', enPlural: 'memoranda of understanding', fr: 'protocole d’accord', frPlural: 'protocoles d’accord', frA: 'un protocole d’accord', frThe: 'le protocole d’accord', frSigned: 'signé' },
  { en: 'cooperation agreement', enPlural: 'cooperation agreements', fr: 'accord de coopération', frPlural: 'accords de coopération', frA: 'un accord de coopération', frThe: 'l’accord de coopération', frSigned: 'signé' },
  { en: 'convention', enPlural: 'conventions', fr: 'convention', frPlural: 'conventions', frA: 'une convention', frThe: 'la convention', frSigned: 'signée' },
];

const NUMBERS = { en: ['two', 'three', 'four', 'five', 'six'], fr: ['deux', 'trois', 'quatre', 'cinq', 'six'] };
const WEEKDAYS = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
};
const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};
const OUTLETS = {
  en: ['The Daily Courier', 'Continental Wire', 'The Morning Ledger', 'Capital Observer'],
  fr: ['Le Courrier du Soir', 'La Dépêche continentale', 'Le Quotidien des capitales', 'L’Observateur diplomatique'],
};

// ---------------------------------------------------------------------------------------
// One article's cast and the phrases built from it.

interface Person {
  readonly name: string;
  readonly role: Role;
  readonly country: Country;
}

interface Cast {
  readonly language: Language;
  readonly host: Country;
  readonly guest: Country;
  readonly hostPerson: Person;
  readonly guestPerson: Person;
  readonly topics: readonly [Topic, Topic, Topic];
  readonly agreement: (typeof AGREEMENT_NOUNS)[number];
  readonly published: { year: number; month: number; day: number };
  readonly venue: (typeof VENUES)[number];
}

function person(rng: Rng, country: Country, role: Role, lastName: string): Person {
  return { name: `${pick(rng, FIRST_NAMES)} ${lastName}`, role, country };
}

function frName(c: Country): string {
  return c.frArticle === 'l’' ? `l’${c.fr}` : `${c.frArticle} ${c.fr}`;
}
function frOf(c: Country): string {
  return c.frArticle === 'le' ? `du ${c.fr}` : c.frArticle === 'la' ? `de la ${c.fr}` : `de l’${c.fr}`;
}
function frIn(c: Country): string {
  return c.frArticle === 'le' ? `au ${c.fr}` : `en ${c.fr}`;
}
function frAtCapital(c: Country): string {
  return c.frAtCapital ?? `à ${c.frCapital}`;
}
function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
/** 'de commerce', 'd’énergie'. */
function frDe(word: string): string {
  return /^[aeiouyéèêh]/i.test(word) ? `d’${word}` : `de ${word}`;
}
/** 'le commerce' → 'du commerce', 'les investissements' → 'des investissements'. */
function frOfDef(withArticle: string): string {
  if (withArticle.startsWith('le ')) return `du ${withArticle.slice(3)}`;
  if (withArticle.startsWith('les ')) return `des ${withArticle.slice(4)}`;
  return `de ${withArticle}`;
}
/** 'le commerce' → 'au commerce', 'la santé' → 'à la santé'. */
function frToDef(withArticle: string): string {
  if (withArticle.startsWith('le ')) return `au ${withArticle.slice(3)}`;
  if (withArticle.startsWith('les ')) return `aux ${withArticle.slice(4)}`;
  return `à ${withArticle}`;
}
/** 'sénégalaise', 'italienne', 'belge'. */
function feminine(demonym: string): string {
  if (demonym.endsWith('e')) return demonym;
  if (/(ien|éen)$/.test(demonym)) return `${demonym}ne`;
  return `${demonym}e`;
}
/** 'sénégalais', 'italiens'. */
function plural(demonym: string): string {
  return demonym.endsWith('s') ? demonym : `${demonym}s`;
}

/** A date phrase relative to the publication date, in the article's language. */
function dateExpression(rng: Rng, cast: Cast): string {
  const { year, month, day } = cast.published;
  const lang = cast.language;
  const weekday = pick(rng, WEEKDAYS[lang]);
  const pastDay = Math.max(1, day - int(rng, 1, 6));
  const monthName = MONTHS[lang][month - 1] ?? MONTHS[lang][0];
  switch (int(rng, 0, 5)) {
    case 0:
      return lang === 'en' ? `on ${weekday}` : weekday;
    case 1:
      return lang === 'en' ? `on ${monthName} ${pastDay}` : `le ${pastDay} ${monthName}`;
    case 2:
      return lang === 'en' ? `on ${pastDay} ${monthName} ${year}` : `le ${pastDay} ${monthName} ${year}`;
    case 3:
      return lang === 'en' ? 'last week' : 'la semaine dernière';
    case 4:
      return lang === 'en' ? 'yesterday' : 'hier';
    default:
      return lang === 'en' ? `on ${weekday} evening` : `${weekday} soir`;
  }
}

type Template = (rng: Rng, c: Cast) => string;

// Sentences that report the article's event, by scenario.
const EVENT_EN: Record<Scenario, readonly Template[]> = {
  visit: [
    (r, c) => `${c.guest.en}'s ${c.guestPerson.role.en}, ${c.guestPerson.name}, arrived in ${c.host.enCapital} ${dateExpression(r, c)} for a ${pick(r, NUMBERS.en)}-day official visit at the invitation of ${c.hostPerson.name}.`,
    (r, c) => `${c.guestPerson.name} was received ${dateExpression(r, c)} at the presidential palace in ${c.host.enCapital}, where talks focused on ${c.topics[0].en} and ${c.topics[1].en}.`,
    (r, c) => `The ${c.guest.enDemonym} delegation is due to travel to ${c.host.en}'s second city before returning home ${pick(r, ['on Friday', 'at the weekend', 'next week'])}.`,
    (r, c) => `It is the first visit to ${c.host.en} by a ${c.guest.enDemonym} ${c.guestPerson.role.en.toLowerCase()} since ${int(r, 1995, 2019)}.`,
  ],
  meeting: [
    (r, c) => `${c.host.en}'s ${c.hostPerson.role.en} ${c.hostPerson.name} met ${c.guest.enDemonym} counterpart ${c.guestPerson.name} in ${c.venue.en} ${dateExpression(r, c)} on the sidelines of a ${pick(r, ['ministerial conference', 'regional summit', 'UN meeting'])}.`,
    (r, c) => `The two sides held talks ${dateExpression(r, c)} on ${c.topics[0].en}, ${c.topics[1].en} and the situation in the region.`,
    (r, c) => `${c.hostPerson.name} and ${c.guestPerson.name} agreed to meet again before the end of the year, a ${c.host.enDemonym} official said.`,
    (r, c) => `The meeting in ${c.venue.en} lasted ${pick(r, ['about an hour', 'more than two hours', 'forty minutes'])}, according to a statement released afterwards.`,
  ],
  call: [
    (r, c) => `${c.hostPerson.name} spoke by telephone ${dateExpression(r, c)} with ${c.guest.en}'s ${c.guestPerson.role.en}, ${c.guestPerson.name}, the ministry said.`,
    (r, c) => `During the call, the two leaders discussed ${c.topics[0].en} and ways to strengthen ${c.topics[1].en} between ${c.host.en} and ${c.guest.en}.`,
    (r, _c) => `It was their ${pick(r, ['second', 'third', 'first'])} phone conversation since ${pick(r, MONTHS.en)}.`,
  ],
  signing: [
    (r, c) => `${c.host.en} and ${c.guest.en} signed ${pick(r, NUMBERS.en)} ${c.agreement.enPlural} on ${c.topics[0].en} and ${c.topics[1].en} ${dateExpression(r, c)} in ${c.host.enCapital}.`,
    (r, c) => `The ${c.agreement.en} on ${c.topics[2].en} was signed by ${c.hostPerson.name} and ${c.guestPerson.name} ${dateExpression(r, c)}.`,
    (r, c) => `A ${c.agreement.en} on ${c.topics[1].en} signed ${dateExpression(r, c)} will enter into force once both parliaments have ratified it.`,
    (r, c) => `The texts were signed in the presence of ${c.host.en}'s ${pick(r, ROLES).en}, officials said.`,
  ],
  press: [
    (r, c) => `Speaking at a joint press conference in ${c.host.enCapital} ${dateExpression(r, c)}, ${c.hostPerson.name} described the talks as "frank and constructive".`,
    (r, c) => `${c.guestPerson.name} told reporters that ${c.guest.en} wanted to double its investment in ${c.host.en} within ${pick(r, NUMBERS.en)} years.`,
    (_r, c) => `Asked about ${c.topics[2].en}, the ${c.guest.enDemonym} minister said discussions would continue at expert level.`,
  ],
  background: [],
};

const EVENT_FR: Record<Scenario, readonly Template[]> = {
  visit: [
    (r, c) => `Le ${c.guestPerson.role.fr} ${c.guest.frDemonym}, ${c.guestPerson.name}, est arrivé ${dateExpression(r, c)} ${frAtCapital(c.host)} pour une visite officielle de ${pick(r, NUMBERS.fr)} jours, à l’invitation de ${c.hostPerson.name}.`,
    (r, c) => `${c.guestPerson.name} a été reçu ${dateExpression(r, c)} au palais présidentiel, où les entretiens ont porté sur ${c.topics[0].frDef} et ${c.topics[1].frDef}.`,
    (r, c) => `La délégation ${feminine(c.guest.frDemonym)} doit ensuite se rendre dans le nord du pays avant de regagner ${c.guest.frCapital} ${pick(r, ['vendredi', 'en fin de semaine', 'la semaine prochaine'])}.`,
    (r, c) => `Il s’agit de la première visite ${frIn(c.host)} d’un ${c.guestPerson.role.fr} ${c.guest.frDemonym} depuis ${int(r, 1995, 2019)}.`,
  ],
  meeting: [
    (r, c) => `Le ${c.hostPerson.role.fr} ${c.host.frDemonym}, ${c.hostPerson.name}, s’est entretenu ${dateExpression(r, c)} ${c.venue.frAt} avec son homologue ${c.guest.frDemonym}, ${c.guestPerson.name}, en marge d’${pick(r, ['une conférence ministérielle', 'un sommet régional', 'une réunion des Nations unies'])}.`,
    (r, c) => `Les deux ministres ont évoqué ${dateExpression(r, c)} les questions ${frDe(c.topics[0].fr)} et ${frDe(c.topics[1].fr)}, ainsi que la situation régionale.`,
    (_r, c) => `${c.hostPerson.name} et ${c.guestPerson.name} sont convenus de se revoir avant la fin de l’année, selon un communiqué ${c.host.frDemonym}.`,
    (r, c) => `La rencontre ${c.venue.frAt} a duré ${pick(r, ['près d’une heure', 'plus de deux heures', 'une quarantaine de minutes'])}, a précisé un diplomate.`,
  ],
  call: [
    (r, c) => `${c.hostPerson.name} s’est entretenu ${dateExpression(r, c)} au téléphone avec le ${c.guestPerson.role.fr} ${c.guest.frDemonym}, ${c.guestPerson.name}, a indiqué le ministère.`,
    (_r, c) => `Au cours de cet échange, les deux dirigeants ont abordé ${c.topics[0].frDef} et le renforcement de la coopération entre ${frName(c.host)} et ${frName(c.guest)}.`,
    (r, _c) => `Il s’agit de leur ${pick(r, ['deuxième', 'troisième', 'premier'])} entretien téléphonique depuis ${pick(r, MONTHS.fr)}.`,
  ],
  signing: [
    (r, c) => `${capitalise(frName(c.host))} et ${frName(c.guest)} ont signé ${dateExpression(r, c)} ${frAtCapital(c.host)} ${pick(r, NUMBERS.fr)} ${c.agreement.frPlural} dans les domaines ${frOfDef(c.topics[0].frDef)} et ${frOfDef(c.topics[1].frDef)}.`,
    (r, c) => `${capitalise(c.agreement.frA)} portant sur ${c.topics[2].frDef} a été ${c.agreement.frSigned === 'signée' ? 'paraphée' : 'paraphé'} ${dateExpression(r, c)} par ${c.hostPerson.name} et ${c.guestPerson.name}.`,
    (r, c) => `${capitalise(c.agreement.frThe)} ${c.agreement.frSigned} ${dateExpression(r, c)} entrera en vigueur après sa ratification par les deux parlements.`,
    (r, c) => `La cérémonie de signature s’est déroulée en présence du ${pick(r, ROLES).fr} ${c.host.frDemonym}.`,
  ],
  press: [
    (r, c) => `Lors d’une conférence de presse conjointe ${dateExpression(r, c)} ${frAtCapital(c.host)}, ${c.hostPerson.name} a qualifié les discussions de « franches et constructives ».`,
    (r, c) => `${c.guestPerson.name} a déclaré à la presse que ${frName(c.guest)} souhaitait doubler ses investissements ${frIn(c.host)} d’ici ${pick(r, NUMBERS.fr)} ans.`,
    (_r, c) => `Interrogé sur la question ${frDe(c.topics[2].fr)}, le ministre ${c.guest.frDemonym} a indiqué que les discussions se poursuivraient au niveau des experts.`,
  ],
  background: [],
};

// Context, figures and quotes that carry no event of their own, as most of an article does.
const FILLER_EN: readonly Template[] = [
  (r, c) => `Bilateral trade between ${c.host.en} and ${c.guest.en} reached $${int(r, 1, 40)}.${int(r, 0, 9)} billion in ${c.published.year - 1}, according to official figures.`,
  (r) => `Diplomatic relations between the two countries were established in ${int(r, 1956, 1994)}.`,
  (_r, c) => `${c.guest.en} is one of the largest foreign investors in ${c.host.en}'s ${c.topics[0].en} sector.`,
  (r, c) => `Analysts in ${c.host.enCapital} said the talks reflected a wider effort to diversify partnerships after ${pick(r, ['a difficult year', 'the pandemic', 'last year’s elections'])}.`,
  (r) => `"We have a shared interest in stability and growth," a senior official said, speaking on condition of anonymity ${pick(r, ['because he was not authorised to brief the press', 'ahead of the official statement'])}.`,
  () => `The ministry did not give details of the financing, which is expected to be discussed by a joint commission.`,
  (r, c) => `Opposition lawmakers in ${c.host.en} have called for more transparency on the terms of ${pick(r, ['such deals', 'foreign loans', 'the partnership'])}.`,
  (r, c) => `${c.host.en}'s economy grew by ${int(r, 1, 7)}.${int(r, 0, 9)} percent last year, driven by ${c.topics[1].en} and services.`,
  (r, c) => `Around ${int(r, 2, 90)},000 ${c.guest.enDemonym} nationals live and work in ${c.host.en}, according to the embassy.`,
  (r) => `The project is expected to create about ${int(r, 2, 30)},000 jobs over the next decade.`,
  () => `Officials from both sides said further steps would be announced in the coming months.`,
  (r, c) => `Critics argue that previous commitments on ${c.topics[2].en} have been slow to materialise, citing ${pick(r, ['delays at the port', 'funding gaps', 'administrative hurdles'])}.`,
  (r) => `Several business leaders accompanied the delegation, including representatives of ${pick(r, ['banks', 'construction firms', 'agricultural cooperatives', 'technology start-ups'])}.`,
  (_r, c) => `The discussions come at a time of rising tension over fishing rights and shipping routes in the region, which ${c.host.en} says must be settled through dialogue.`,
  (r, c) => `A similar framework signed with a neighbouring country in ${int(r, 2010, 2022)} was later extended to ${c.topics[0].en}.`,
  (_r, c) => `The embassy in ${c.guest.enCapital} will process the first applications under the new scheme, a spokesperson said.`,
  (r, c) => `${c.host.en} hosted a regional forum on ${c.topics[1].en} in ${int(r, 2015, 2023)}, which drew delegations from more than ${int(r, 12, 40)} countries.`,
  (r) => `Prices of staple foods have risen by about ${int(r, 5, 25)} percent since the start of the year, adding pressure on the government.`,
  (_r, c) => `Student exchanges between universities in the two countries have doubled over the past five years, according to the ${c.guest.enDemonym} cultural centre.`,
  (r) => `A direct flight between the two capitals is due to open in ${pick(r, MONTHS.en)}, the national carrier announced.`,
  (_r, c) => `Business groups in ${c.host.enCapital} welcomed the move but warned that customs procedures remain slow.`,
  (r) => `The central bank has kept its key rate at ${int(r, 2, 14)}.${int(r, 0, 9)} percent since the spring.`,
  (_r, c) => `Human rights organisations urged both governments to include labour protections in any future framework on ${c.topics[2].en}.`,
  (r) => `The port handles around ${int(r, 2, 60)} million tonnes of cargo a year and is being expanded with foreign financing.`,
];

const FILLER_FR: readonly Template[] = [
  (r, c) => `Les échanges commerciaux entre ${frName(c.host)} et ${frName(c.guest)} ont atteint ${int(r, 1, 40)},${int(r, 0, 9)} milliards de dollars en ${c.published.year - 1}, selon les chiffres officiels.`,
  (r) => `Les relations diplomatiques entre les deux pays remontent à ${int(r, 1956, 1994)}.`,
  (_r, c) => `${capitalise(frName(c.guest))} figure parmi les principaux investisseurs étrangers dans le secteur ${frOfDef(c.topics[0].frDef)} ${frIn(c.host)}.`,
  (r) => `Pour plusieurs observateurs, ces discussions traduisent une volonté de diversifier les partenariats après ${pick(r, ['une année difficile', 'la pandémie', 'les élections de l’an dernier'])}.`,
  (r) => `« Nous avons un intérêt commun pour la stabilité et la croissance », a confié un haut responsable sous couvert d’anonymat${pick(r, ['', ', avant la publication du communiqué officiel'])}.`,
  () => `Le ministère n’a pas précisé le montant des financements, qui devraient être examinés par une commission mixte.`,
  (r, c) => `Des députés de l’opposition ${feminine(c.host.frDemonym)} réclament davantage de transparence sur ${pick(r, ['ce type d’accords', 'les prêts étrangers', 'les termes du partenariat'])}.`,
  (r, c) => `L’économie ${feminine(c.host.frDemonym)} a progressé de ${int(r, 1, 7)},${int(r, 0, 9)} % l’an dernier, portée par ${c.topics[1].frDef} et les services.`,
  (r, c) => `Environ ${int(r, 2, 90)} 000 ressortissants ${plural(c.guest.frDemonym)} vivent ${frIn(c.host)}, selon l’ambassade.`,
  (r) => `Le projet devrait créer quelque ${int(r, 2, 30)} 000 emplois au cours de la prochaine décennie.`,
  () => `Les deux parties ont indiqué que de nouvelles mesures seraient annoncées dans les prochains mois.`,
  (r) => `Plusieurs engagements pris par le passé tardent toutefois à se concrétiser, en raison ${pick(r, ['de retards au port', 'de difficultés de financement', 'de lourdeurs administratives'])}.`,
  (r) => `Plusieurs chefs d’entreprise accompagnaient la délégation, notamment des représentants ${pick(r, ['du secteur bancaire', 'du BTP', 'de coopératives agricoles', 'de jeunes pousses du numérique'])}.`,
  () => `Ces discussions interviennent dans un contexte de tensions croissantes autour des droits de pêche et des routes maritimes dans la région.`,
  (r) => `Un dispositif comparable, conclu avec un pays voisin en ${int(r, 2010, 2022)}, avait ensuite été élargi.`,
  (_r, c) => `L’ambassade ${frAtCapital(c.guest)} traitera les premières demandes dans le cadre de ce nouveau dispositif, a précisé une porte-parole.`,
  (r, c) => `${capitalise(frName(c.host))} avait accueilli en ${int(r, 2015, 2023)} un forum régional consacré ${frToDef(c.topics[1].frDef)}, en présence de délégations d’une trentaine de pays.`,
  (r) => `Les prix des denrées de base ont augmenté d’environ ${int(r, 5, 25)} % depuis le début de l’année, ce qui accroît la pression sur le gouvernement.`,
  (_r, c) => `Les échanges d’étudiants entre les universités des deux pays ont doublé en cinq ans, selon le centre culturel ${c.guest.frDemonym}.`,
  (r) => `Une liaison aérienne directe entre les deux capitales doit ouvrir en ${pick(r, MONTHS.fr)}, a annoncé la compagnie nationale.`,
  () => `Les organisations patronales ont salué cette décision, tout en jugeant les procédures douanières encore trop lentes.`,
  (r) => `La banque centrale maintient son taux directeur à ${int(r, 2, 14)},${int(r, 0, 9)} % depuis le printemps.`,
  (_r, c) => `Des organisations de défense des droits humains ont appelé les deux gouvernements à inclure des garanties sociales dans tout futur cadre sur ${c.topics[2].frDef}.`,
  (r) => `Le port traite environ ${int(r, 2, 60)} millions de tonnes de marchandises par an et fait l’objet d’une extension financée par des bailleurs étrangers.`,
];

type Scenario = 'visit' | 'meeting' | 'call' | 'signing' | 'press' | 'background';
const SCENARIOS: readonly Scenario[] = ['visit', 'visit', 'meeting', 'meeting', 'call', 'signing', 'signing', 'press', 'background'];

const HEADLINES: Record<Language, Record<Scenario, Template>> = {
  en: {
    visit: (_r, c) => `${c.guest.en}'s ${c.guestPerson.role.en} in ${c.host.enCapital} for talks`,
    meeting: (_r, c) => `${c.host.en} and ${c.guest.en} ministers meet in ${c.venue.en}`,
    call: (_r, c) => `${c.hostPerson.name} and ${c.guestPerson.name} hold phone talks`,
    signing: (_r, c) => `${c.host.en}, ${c.guest.en} sign ${c.agreement.enPlural}`,
    press: (_r, c) => `${c.host.en} and ${c.guest.en} pledge closer ties`,
    background: (_r, c) => `What is at stake between ${c.host.en} and ${c.guest.en}`,
  },
  fr: {
    visit: (_r, c) => `Le ${c.guestPerson.role.fr} ${c.guest.frDemonym} en visite ${frAtCapital(c.host)}`,
    meeting: (_r, c) => `Rencontre ${c.venue.frAt} entre les ministres ${frOf(c.host)} et ${frOf(c.guest)}`,
    call: (_r, c) => `Entretien téléphonique entre ${c.hostPerson.name} et ${c.guestPerson.name}`,
    signing: (_r, c) => `${capitalise(frName(c.host))} et ${frName(c.guest)} signent des ${c.agreement.frPlural}`,
    press: (_r, c) => `${capitalise(frName(c.host))} et ${frName(c.guest)} veulent resserrer leurs liens`,
    background: (_r, c) => `Ce qui se joue entre ${frName(c.host)} et ${frName(c.guest)}`,
  },
};

interface Written {
  readonly language: Language;
  readonly title: string;
  readonly published: string;
  readonly paragraphs: readonly string[];
}

function writeArticle(rng: Rng): Written {
  const language: Language = rng() < 0.5 ? 'fr' : 'en';
  const [host, guest] = pickTwo(rng, COUNTRIES);
  const [t0, t1] = pickTwo(rng, TOPICS);
  let t2 = pick(rng, TOPICS);
  while (t2 === t0 || t2 === t1) t2 = pick(rng, TOPICS);
  const hostRole = pick(rng, ROLES);
  const [hostName, guestName] = pickTwo(rng, LAST_NAMES);
  const published = { year: int(rng, 2019, 2025), month: int(rng, 1, 12), day: int(rng, 1, 28) };
  const cast: Cast = {
    language,
    host,
    guest,
    hostPerson: person(rng, host, hostRole, hostName),
    guestPerson: person(rng, guest, hostRole, guestName),
    topics: [t0, t1, t2],
    agreement: pick(rng, AGREEMENT_NOUNS),
    published,
    venue: pick(rng, VENUES),
  };
  const scenario = pick(rng, SCENARIOS);
  const events = (language === 'en' ? EVENT_EN : EVENT_FR)[scenario];
  const filler = language === 'en' ? FILLER_EN : FILLER_FR;
  // A second scenario appears in one article in three: a visit that ends in a signing, and so on.
  const second = rng() < 0.33 ? (language === 'en' ? EVENT_EN : EVENT_FR)[pick(rng, SCENARIOS)] : [];

  const target = articleLength(rng);
  const paragraphs: string[] = [];
  let length = 0;
  let eventIndex = 0;
  // Context sentences come out of a shuffled bag, so none repeats before all have been used.
  let bag: Template[] = [];
  const nextFiller = (): Template => {
    if (bag.length === 0) bag = shuffle(rng, filler);
    return bag.pop() as Template;
  };
  while (length < target) {
    const sentences: string[] = [];
    const size = paragraphs.length === 0 ? int(rng, 1, 2) : int(rng, 1, 4);
    for (let i = 0; i < size; i++) {
      let template: Template | undefined;
      // The lead reports the event; later paragraphs mix the rest of it with context.
      if (eventIndex < events.length && (paragraphs.length === 0 || rng() < 0.35)) template = events[eventIndex++];
      else if (second.length > 0 && rng() < 0.12) template = pick(rng, second);
      else template = nextFiller();
      if (template) sentences.push(template(rng, cast));
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    language,
    title: HEADLINES[language][scenario](rng, cast),
    published: `${published.year}-${pad(published.month)}-${pad(published.day)}`,
    paragraphs,
  };
}

// ---------------------------------------------------------------------------------------
// Formats.

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

function asJsonObject(a: Written, n: number): Record<string, string> {
  return { title: a.title, published: a.published, language: a.language, url: `https://news.example.org/${a.published.slice(0, 4)}/${slug(a.title)}-${n}`, text: a.paragraphs.join('\n\n') };
}

function asHtml(rng: Rng, a: Written, n: number): string {
  const outlet = pick(rng, OUTLETS[a.language]);
  const nav = a.language === 'en' ? ['Home', 'World', 'Politics', 'Business', 'Sport', 'Subscribe'] : ['Accueil', 'Monde', 'Politique', 'Économie', 'Sport', 'Abonnez-vous'];
  const url = `https://news.example.org/${a.published.slice(0, 4)}/${slug(a.title)}-${n}`;
  const related = Array.from({ length: 4 }, () => `<li><a href="/a/${int(rng, 1000, 9999)}">${escapeHtml(pick(rng, [HEADLINES.en.press, HEADLINES.en.background])(rng, dummyCast(rng, a.language)))}</a></li>`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${a.language}">`,
    '<head>',
    '  <meta charset="utf-8">',
    `  <title>${escapeHtml(a.title)} | ${escapeHtml(outlet)}</title>`,
    `  <meta property="og:title" content="${escapeHtml(a.title)}">`,
    `  <meta property="og:url" content="${url}">`,
    `  <meta property="article:published_time" content="${a.published}T${String(int(rng, 6, 22)).padStart(2, '0')}:${String(int(rng, 0, 59)).padStart(2, '0')}:00Z">`,
    `  <link rel="canonical" href="${url}">`,
    '  <link rel="stylesheet" href="/static/site.css">',
    '  <script>window.dataLayer = window.dataLayer || [];</script>',
    '</head>',
    '<body>',
    `  <header class="site-header"><a class="logo" href="/">${escapeHtml(outlet)}</a>`,
    `    <nav class="main-nav"><ul>${nav.map((item) => `<li><a href="/${slug(item)}">${escapeHtml(item)}</a></li>`).join('')}</ul></nav>`,
    '  </header>',
    `  <div class="cookie-banner">${a.language === 'en' ? 'This site uses cookies.' : 'Ce site utilise des cookies.'} <button>OK</button></div>`,
    '  <main>',
    '    <article class="article">',
    `      <h1>${escapeHtml(a.title)}</h1>`,
    `      <p class="byline"><time datetime="${a.published}">${a.published}</time></p>`,
    '      <div class="article-body">',
    ...a.paragraphs.map((p) => `        <p>${escapeHtml(p)}</p>`),
    '      </div>',
    '    </article>',
    `    <aside class="related"><h2>${a.language === 'en' ? 'Related' : 'À lire aussi'}</h2><ul>${related.join('')}</ul></aside>`,
    '  </main>',
    `  <footer><p>© ${a.published.slice(0, 4)} ${escapeHtml(outlet)}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A throwaway cast for the "related articles" links of a page. */
function dummyCast(rng: Rng, language: Language): Cast {
  const [host, guest] = pickTwo(rng, COUNTRIES);
  const role = pick(rng, ROLES);
  const [hostName, guestName] = pickTwo(rng, LAST_NAMES);
  return {
    language,
    host,
    guest,
    hostPerson: person(rng, host, role, hostName),
    guestPerson: person(rng, guest, role, guestName),
    topics: [TOPICS[0] as Topic, TOPICS[1] as Topic, TOPICS[2] as Topic],
    agreement: AGREEMENT_NOUNS[0] as (typeof AGREEMENT_NOUNS)[number],
    published: { year: 2024, month: 1, day: 1 },
    venue: VENUES[0] as (typeof VENUES)[number],
  };
}

function formatOf(rng: Rng): GeneratedFormat {
  const x = rng();
  return x < 0.7 ? 'txt' : x < 0.85 ? 'json' : x < 0.95 ? 'jsonl' : 'html';
}

/**
 * The corpus, object by object: `count` articles in all. Lazy, so a large corpus need not
 * be held in memory.
 */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedObject> {
  const seed = options.seed ?? DEFAULT_SEED;
  let produced = 0;
  for (let n = 0; produced < options.count; n++) {
    const rng = mulberry32(mix(seed, n));
    const format = formatOf(rng);
    const id = String(n).padStart(6, '0');
    if (format === 'jsonl') {
      const k = Math.min(JSONL_ARTICLES, options.count - produced);
      const articles = Array.from({ length: k }, () => writeArticle(rng));
      const body = articles.map((a, i) => JSON.stringify(asJsonObject(a, n * 10 + i))).join('\n') + '\n';
      // A batch file is named after its first article's language; it may hold both.
      const language = articles[0]?.language ?? 'en';
      yield { key: `generated/${id}-${language}.jsonl`, format, language, articles: k, body };
      produced += k;
      continue;
    }
    const article = writeArticle(rng);
    const body =
      format === 'txt'
        ? `date ${article.published}\n${article.paragraphs.join('\n\n')}\n`
        : format === 'json'
          ? JSON.stringify(asJsonObject(article, n), null, 2) + '\n'
          : asHtml(rng, article, n);
    yield { key: `generated/${id}-${article.language}.${format}`, format, language: article.language, articles: 1, body };
    produced += 1;
  }
}

// ---------------------------------------------------------------------------------------
// Command line.

function parseArguments(argv: readonly string[]): { count: number; seed: number; out: string } {
  let count = DEFAULT_COUNT;
  let seed = DEFAULT_SEED;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--count' || arg === '--seed' || arg === '--out') && value === undefined) throw new Error(`${arg} needs a value`);
    if (arg === '--count') count = Number(argv[++i]);
    else if (arg === '--seed') seed = Number(argv[++i]);
    else if (arg === '--out') out = argv[++i];
    else throw new Error(`unknown argument ${arg}; usage: generate-corpus --out DIR [--count N] [--seed N]`);
  }
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (out === undefined) throw new Error('--out DIR is required');
  return { count, seed, out };
}

async function main(): Promise<void> {
  const { count, seed, out } = parseArguments(process.argv.slice(2));
  let objects = 0;
  let bytes = 0;
  for (const object of generateCorpus({ count, seed })) {
    const file = path.join(out, ...object.key.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, object.body);
    objects++;
    bytes += Buffer.byteLength(object.body);
  }
  console.log(`${count} articles in ${objects} files, ${(bytes / 1e6).toFixed(1)} MB, seed ${seed}, under ${path.resolve(out)}`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
