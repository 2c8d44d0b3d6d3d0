import type { DateMention } from '../dates/find-date-mentions.js';
import type { Sentence } from './common/sentences.js';
import type { Token } from './common/tokenise.js';
import type { CompiledLocale, PlaceEntry } from './compiled-locale.js';
import type { EventType } from './types.js';

export interface PlaceMention {
  readonly entry: PlaceEntry;
  /** Token range [first, last). */
  readonly first: number;
  readonly last: number;
  /** Introduced by a locative preposition ("à Bakou", "in the Indian capital"): where, not who. */
  readonly locative: boolean;
  /** A demonym heading "la capitale", "the capital": stands for the capital city. */
  readonly capitalOf: boolean;
  /** After "sur", "on", "about": what is talked about ("positions on Ukraine"), not who talks. */
  readonly topical: boolean;
}

export interface TriggerMention {
  readonly type: EventType;
  readonly first: number;
  readonly last: number;
  /** Planned, expected, hypothetical or prospective: not an event that happened. */
  readonly planned: boolean;
  /** After a demonstrative ("cette visite", "this trip"): refers back to an event already told. */
  readonly anaphoric: boolean;
  /** A visit read from a hosting verb ("a accueilli son homologue"): the guest is the visitor. */
  readonly hosting?: boolean;
  readonly negated: boolean;
}

export interface SentenceAnalysis {
  readonly sentence: Sentence;
  readonly tokens: readonly Token[];
  readonly places: readonly PlaceMention[];
  readonly triggers: readonly TriggerMention[];
  readonly dates: readonly DateMention[];
  /** Token index → the place mention covering it. */
  readonly placeAt: ReadonlyMap<number, PlaceMention>;
  /** Per token: inside a planned clause (see plannedTokens). */
  readonly planned: readonly boolean[];
}

const MODALITY_BEFORE = 6;
const MODALITY_AFTER = 1;

// "la société ghanéenne", "Portuguese group": a company's nationality, no state acting.
function ofCompany(tokens: readonly Token[], index: number, length: number, compiled: CompiledLocale): boolean {
  return [tokens[index - 1], tokens[index - 2], tokens[index + length], tokens[index + length + 1]].some((t) => t !== undefined && compiled.companyWords.has(t.folded));
}

// "Air Sénégal", "Air Tanzania": a capitalised company word right before the name.
function afterCompanyWord(tokens: readonly Token[], index: number, compiled: CompiledLocale): boolean {
  const t = tokens[index - 1];
  return t !== undefined && t.isCapitalised && compiled.companyWords.has(t.folded);
}

// "Malaysia Airlines", "Turkey's Kalyon Group", "Accra-based": a company's name, no state.
function namesCompany(tokens: readonly Token[], index: number, length: number, compiled: CompiledLocale): boolean {
  for (let i = index + length, steps = 0; i < tokens.length && steps < 4; i++, steps++) {
    const t = tokens[i] as Token;
    if (compiled.companyWords.has(t.folded)) return true;
    if (!(t.isCapitalised || t.text === "'" || t.text === '-' || t.folded === 's')) return false;
  }
  return false;
}

export function findPlaces(tokens: readonly Token[], compiled: CompiledLocale): PlaceMention[] {
  const all = compiled.places.findAll(tokens, (entry, start) => !entry.needsCapital || (tokens[start]?.isCapitalised ?? false));
  if (all.length === 0) return [];
  const matches = all.filter(
    (m) =>
      m.value.kind !== 'none' &&
      !afterCompanyWord(tokens, m.index, compiled) &&
      !(m.value.kind === 'demonym' ? ofCompany(tokens, m.index, m.length, compiled) : namesCompany(tokens, m.index, m.length, compiled)),
  );
  const mentions: PlaceMention[] = [];
  // "in the northern Chinese city of Tianjin": an adjective of nationality may stand between
  // the preposition and the place; a country name may not ("in India of Guyanese …").
  const demonymAt = new Set<number>();
  for (const m of matches) if (m.value.kind === 'demonym') for (let i = m.index; i < m.index + m.length; i++) demonymAt.add(i);
  for (const m of matches) {
    const last = m.index + m.length;
    // Words a place may stand behind and still be a location: articles, "capitale", other places.
    let locative = false;
    for (let i = m.index - 1, steps = 0; i >= 0 && steps < 6; i--, steps++) {
      if (compiled.locativePrepositions.matchAt(tokens, i)?.length === 1) {
        locative = true;
        break;
      }
      const t = tokens[i] as Token;
      if (!compiled.locativeFillers.has(t.folded) && !demonymAt.has(i) && t.text !== "'") break;
    }
    const next = tokens[last];
    const prev = tokens[m.index - 1];
    const capitalOf =
      m.value.kind === 'demonym' &&
      ((prev !== undefined && compiled.capitalWords.has(prev.folded)) || (next !== undefined && compiled.capitalWords.has(next.folded)));
    // "sur l'Angola", "on Mozambique and Angola": what is talked about, articles and lists included.
    let before = m.index - 1;
    while (before >= 0 && (compiled.locativeFillers.has((tokens[before] as Token).folded) || (tokens[before] as Token).text === "'")) before--;
    const previous = mentions[mentions.length - 1];
    let listed = previous?.topical === true;
    for (let i = previous?.last ?? m.index; listed && i < m.index; i++) {
      const t = tokens[i] as Token;
      listed = t.text === ',' || t.text === "'" || compiled.conjunctions.matchAt(tokens, i) !== undefined || compiled.locativeFillers.has(t.folded);
    }
    const topical = !locative && (listed || (before >= 0 && compiled.topicPrepositions.matchAt(tokens, before)?.length === 1));
    mentions.push({ entry: m.value, first: m.index, last, locative, capitalOf, topical });
  }
  return mentions;
}

function hasMarkerNear(tokens: readonly Token[], first: number, last: number, trie: CompiledLocale['future']): boolean {
  const from = Math.max(0, first - MODALITY_BEFORE);
  const to = Math.min(tokens.length, last + MODALITY_AFTER);
  for (let i = from; i < to; i++) {
    const m = trie.matchAt(tokens, i);
    // A marker may include the trigger ("once signed") but not lie inside it.
    if (m && !(m.index >= first && m.index + m.length <= last)) return true;
  }
  return false;
}

function hasFutureVerbNear(tokens: readonly Token[], first: number, last: number, compiled: CompiledLocale): boolean {
  if (compiled.futureSuffixes.length === 0) return false;
  const from = Math.max(0, first - MODALITY_BEFORE);
  const to = Math.min(tokens.length, last + MODALITY_AFTER);
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (!t.isWord || t.isCapitalised || t.folded.length < 5 || compiled.futureSuffixExceptions.has(t.folded)) continue;
    if (compiled.futureSuffixes.some((s) => t.folded.endsWith(s))) return true;
  }
  return false;
}

/**
 * Tokens inside a planned clause: from a future or planning marker to the end of its
 * clause ("programmée en août à Yokohama", "programme includes a visit … on Friday").
 * Dates, places and triggers there describe what is to come.
 */
export function plannedTokens(tokens: readonly Token[], compiled: CompiledLocale): readonly boolean[] {
  let planned: boolean[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const m = compiled.future.matchAt(tokens, i);
    if (!m) continue;
    planned ??= new Array<boolean>(tokens.length).fill(false);
    let j = i + m.length;
    for (; j < tokens.length && !CLAUSE_END.has((tokens[j] as Token).text); j++) planned[j] = true;
    i = j;
  }
  return planned ?? NOTHING_PLANNED;
}

/** No token of the sentence is planned (reads as false at every index). */
const NOTHING_PLANNED: readonly boolean[] = Object.freeze([]);

const CLAUSE_END = new Set([',', ';', '.', ':', '(', ')', '!', '?']);

/** "la visite …, prévue en septembre": a planning participle later in the same sentence. */
function plannedLater(tokens: readonly Token[], last: number, compiled: CompiledLocale): boolean {
  for (let i = last; i < Math.min(tokens.length, last + PLANNED_AFTER_WINDOW); i++) {
    const t = tokens[i] as Token;
    if (t.text === '.' || t.text === ';') return false;
    if (compiled.plannedAfter.matchAt(tokens, i)) return true;
  }
  return false;
}

const PLANNED_AFTER_WINDOW = 10;

export function findTriggers(tokens: readonly Token[], compiled: CompiledLocale, placeAt: ReadonlyMap<number, PlaceMention>, planned: readonly boolean[]): TriggerMention[] {
  const triggers: TriggerMention[] = [];
  // "la réunion du conseil des ministres", "the cabinet meeting": domestic, no diplomacy.
  const domestic = new Set<number>();
  for (const m of compiled.nonEvents.findAll(tokens)) for (let i = m.index; i < m.index + m.length; i++) domestic.add(i);
  for (const m of compiled.triggers.findAll(tokens, (_v, start, end) => !placeAt.has(start) && (domestic.size === 0 || (!domestic.has(start) && !domestic.has(end - 1))), compiled.insertable)) {
    const first = m.index;
    const last = m.index + m.length;
    const before = tokens[first - 1];
    const trigger: TriggerMention = {
      type: m.value,
      first,
      last,
      // "cette visite", "sa signature", "this trip": the event was told before (or is yet to be).
      anaphoric: before !== undefined && (compiled.demonstratives.has(before.folded) || compiled.possessives.has(before.folded)),
      planned:
        planned[first] === true ||
        (before !== undefined && compiled.infinitiveMarkers.has(before.folded)) ||
        hasMarkerNear(tokens, first, last, compiled.future) ||
        hasFutureVerbNear(tokens, first, last, compiled) ||
        plannedLater(tokens, last, compiled),
      negated: hasMarkerNear(tokens, first, last, compiled.negation),
      hosting: false,
    };
    triggers.push(trigger);
    // Hosting someone from abroad is their visit too: "a accueilli son homologue autrichien".
    if (compiled.hosting.matchAt(tokens, first)) triggers.push({ ...trigger, type: 'visit', hosting: true });
  }
  return triggers;
}

export function indexPlaces(places: readonly PlaceMention[]): Map<number, PlaceMention> {
  const at = new Map<number, PlaceMention>();
  for (const p of places) for (let i = p.first; i < p.last; i++) at.set(i, p);
  return at;
}
