import type { DateMention } from '../dates/find-date-mentions.js';
import { findDateMentions } from '../dates/find-date-mentions.js';
import type { PartialDate } from '../dates/partial-date.js';
import { splitSentences } from './common/sentences.js';
import type { Token } from './common/tokenise.js';
import { tokenise } from './common/tokenise.js';
import type { CompiledLocale } from './compiled-locale.js';
import type { PersonMention } from './people.js';
import { findPeople, PeopleRegistry } from './people.js';
import type { PlaceMention, SentenceAnalysis, TriggerMention } from './sentence-analysis.js';
import { findPlaces, findTriggers, indexPlaces, plannedTokens } from './sentence-analysis.js';

export interface AnalysedSentence extends SentenceAnalysis {
  readonly people: readonly PersonMention[];
}

/** An actor named in a sentence: a person with a country, or a place standing for its state. */
export interface ActorMention {
  readonly code: string;
  readonly index: number;
  readonly person?: PersonMention;
}

export interface ArticleAnalysis {
  readonly sentences: readonly AnalysedSentence[];
  readonly registry: PeopleRegistry;
  /** Countries ranked by how much the article talks about them. */
  readonly salience: readonly string[];
  readonly published?: PartialDate;
}

/** Shared by every sentence without places, or without words a name may not take. */
const NO_PLACES: ReadonlyMap<number, PlaceMention> = new Map();
const NOTHING_BLOCKED: ReadonlySet<number> = new Set();

export function analyseArticle(text: string, published: PartialDate | undefined, compiled: CompiledLocale): ArticleAnalysis {
  const sentences = splitSentences(text, compiled.locale.code, compiled.abbreviations);
  const registry = new PeopleRegistry();
  const analysed: AnalysedSentence[] = [];
  const tokenised = sentences.map((sentence) => tokenise(sentence.text, sentence.start, compiled.firstWords));
  const found = tokenised.map((tokens) => findPlaces(tokens, compiled));
  const named = new Set<string>();
  for (const mentions of found) for (const p of mentions) if (!p.entry.alternatives?.length) named.add(p.entry.code);
  for (const [n, sentence] of sentences.entries()) {
    const tokens = tokenised[n] as Token[];
    const mentions = found[n] as PlaceMention[];
    // "congolaise" is the DRC's in an article that names the DRC.
    const places = !mentions.some((p) => p.entry.alternatives?.length)
      ? mentions
      : mentions.map((p) => {
          const other = p.entry.alternatives?.find((code) => named.has(code));
          return other && !named.has(p.entry.code) ? { ...p, entry: { ...p.entry, code: other, alternatives: undefined } } : p;
        });
    const inSentence = findDateMentions(sentence.text, compiled.locale.dateLocale, published, { tokens });
    const dates: DateMention[] = inSentence.length === 0 ? inSentence : inSentence.map((d) => ({ ...d, start: d.start + sentence.start, end: d.end + sentence.start }));
    const placeAt = places.length === 0 ? NO_PLACES : indexPlaces(places);
    const planned = plannedTokens(tokens, compiled);
    const triggers: TriggerMention[] = findTriggers(tokens, compiled, placeAt, planned);
    let blocked: ReadonlySet<number> = NOTHING_BLOCKED;
    if (triggers.length > 0 || dates.length > 0) {
      const taken = new Set<number>();
      for (const t of triggers) for (let i = t.first; i < t.last; i++) taken.add(i);
      for (const d of dates) tokens.forEach((t, i) => t.start >= d.start && t.end <= d.end && taken.add(i));
      blocked = taken;
    }
    const people = findPeople(tokens, placeAt, compiled, registry, blocked);
    analysed.push({ sentence, tokens, places, placeAt, planned, triggers, dates, people });
  }
  return { sentences: analysed, registry, salience: rankCountries(analysed), published };
}

/** Persons with a known country and places standing for their state (not where something happened). */
export function actorsOf(s: AnalysedSentence, compiled: CompiledLocale): ActorMention[] {
  const actors: ActorMention[] = [];
  for (const p of s.people) if (p.country) actors.push({ code: p.country, index: p.first, person: p });
  for (const place of s.places) {
    // "la capitale chinoise" is a place; "positions on Ukraine" a subject of talks.
    if (place.locative || place.capitalOf || place.topical) continue;
    // An organisation acts through its officials: "le secrétaire général de l'ONU", "the UN Secretary-General".
    if (place.entry.kind === 'organisation' && !titledOrganisation(s, place, compiled)) continue;
    // A city stands for its state only when it is the seat of government ("Rabat et Kigali"), not "views on Gaza".
    if (place.entry.kind === 'city' && !isCapital(place, compiled)) continue;
    actors.push({ code: place.entry.code, index: place.first });
  }
  return actors.sort((a, b) => a.index - b.index);
}

export function distinctCodes(actors: readonly ActorMention[]): string[] {
  return [...new Set(actors.map((a) => a.code))];
}

const TITLE_REACH = 5;
/** How many words from its event word a place may stand and still say where it happened. */
const LOCATION_REACH = 14;

function titledOrganisation(s: AnalysedSentence, place: PlaceMention, compiled: CompiledLocale): boolean {
  for (let i = Math.max(0, place.first - TITLE_REACH); i < Math.min(s.tokens.length, place.last + TITLE_REACH); i++) {
    if (i >= place.first && i < place.last) continue;
    const t = s.tokens[i];
    if (t?.text === ',' || t?.text === '.') continue;
    if (compiled.titles.matchAt(s.tokens, i)) return true;
  }
  return false;
}

function isCapital(place: PlaceMention, compiled: CompiledLocale): boolean {
  return place.entry.city !== undefined && compiled.capitals.get(place.entry.code)?.name === place.entry.city.name;
}

function rankCountries(sentences: readonly AnalysedSentence[]): string[] {
  const score = new Map<string, { n: number; first: number }>();
  let order = 0;
  const bump = (code: string, weight: number): void => {
    const s = score.get(code);
    if (s) s.n += weight;
    else score.set(code, { n: weight, first: order });
    order++;
  };
  for (const s of sentences) {
    const mentions: { index: number; code: string; weight: number }[] = [];
    // Where things happen says less about who acts than who is named: "la guerre en Ukraine".
    for (const place of s.places) if (place.entry.kind !== 'organisation') mentions.push({ index: place.first, code: place.entry.code, weight: place.locative ? 1 : 2 });
    for (const p of s.people) if (p.country) mentions.push({ index: p.first, code: p.country, weight: 2 });
    mentions.sort((a, b) => a.index - b.index).forEach((m) => bump(m.code, m.weight));
  }
  return [...score.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).map(([code]) => code);
}

export function locationOf(s: AnalysedSentence, near: number, reach = LOCATION_REACH): PlaceMention | undefined {
  let best: PlaceMention | undefined;
  let bestDistance = Infinity;
  for (const place of s.places) {
    if (!place.locative || place.entry.kind === 'organisation' || place.entry.kind === 'institution' || s.planned[place.first]) continue;
    // A city beats a country: prefer the most precise place, then the nearest.
    const precise = place.entry.kind === 'city' || place.capitalOf ? 0 : 1000;
    const distance = precise + Math.abs(place.first - near);
    // "un entretien … consacré aux crises au Soudan": a place far from the event word is a topic.
    if (Math.abs(place.first - near) > reach) continue;
    if (distance < bestDistance) {
      best = place;
      bestDistance = distance;
    }
  }
  return best;
}
