import type { DateMention } from '../dates/find-date-mentions.js';
import type { PartialDate } from '../dates/partial-date.js';
import { comparePartialDates, precisionOf, truncateDate } from '../dates/partial-date.js';
import type { ActorMention, AnalysedSentence, ArticleAnalysis } from './article-analysis.js';
import { actorsOf, distinctCodes, locationOf } from './article-analysis.js';
import type { CompiledLocale } from './compiled-locale.js';
import type { PeopleRegistry } from './people.js';
import type { PlaceMention, TriggerMention } from './sentence-analysis.js';
import type { Actor, Evidence, EventType, Place } from './types.js';

/** An event as first read from one sentence, before the article-level merge. */
export interface DraftEvent {
  localId: string;
  readonly type: EventType;
  date?: PartialDate;
  /** The sentence itself dates the event (else the date was carried over from the story). */
  dateStated?: boolean;
  participants: string[];
  actor1?: Actor;
  actor2?: Actor;
  people: string[];
  location?: Place;
  evidence: Evidence[];
  readonly sentenceIndex: number;
  /** Signings: the people the text shows signing (subject or "by" agent). */
  signatories?: string[];
  /** Signings: everyone else named around it but not as a witness; used when no signer is shown. */
  possibleSignatories?: string[];
  /** Signings: people shown witnessing ("X and Y witnessed the signing"), in any sentence. */
  witnesses?: string[];
}

interface Trip {
  readonly visitor: string;
  readonly host: string;
  readonly location?: Place;
}

/** What the narrative has established so far: read forward, sentence by sentence. */
class NarrativeContext {
  lastPair?: { participants: string[]; people: string[]; location?: Place };
  trip?: Trip;
  lastEventDate?: PartialDate;
  lastNonVisitDate?: PartialDate;
  narrativeDate?: PartialDate;
  callInitiator?: string;

  constructor(
    readonly salience: readonly string[],
    readonly registry: PeopleRegistry,
  ) {}

  /** The country that drives the story: the traveller, else the one most talked about. */
  protagonist(exclude: readonly string[] = []): string | undefined {
    if (this.callInitiator && !exclude.includes(this.callInitiator)) return this.callInitiator;
    if (this.trip && !exclude.includes(this.trip.visitor)) return this.trip.visitor;
    return this.salience.find((c) => !exclude.includes(c));
  }

  /** Completes a one- or zero-country reading with the pair the story is about. */
  complete(known: readonly string[]): string[] {
    if (known.length >= 2) return [...known];
    const pairs: (readonly string[])[] = [];
    if (this.lastPair) pairs.push(this.lastPair.participants);
    if (this.trip) pairs.push([this.trip.visitor, this.trip.host]);
    if (known.length === 1) {
      const only = known[0] as string;
      for (const pair of pairs) {
        if (pair.includes(only)) {
          const partner = pair.find((c) => c !== only);
          if (partner) return [only, partner];
        }
      }
      const other = this.protagonist([only]);
      return other ? [only, other] : [only];
    }
    if (pairs[0]) return [...pairs[0]];
    return this.salience.slice(0, 2);
  }

  dateFor(type: EventType): PartialDate | undefined {
    if (type === 'visit') return this.lastEventDate ?? this.narrativeDate;
    return this.lastNonVisitDate ?? this.lastEventDate ?? this.narrativeDate;
  }
}

const sortCodes = (codes: Iterable<string>): string[] => [...new Set(codes)].sort();

/**
 * Token gap between two spans, with a cost for each comma crossed: a date in a relative
 * clause belongs there. Commas that only set off a name ("his counterpart, X, on Tuesday")
 * cost nothing.
 */
function gap(s: AnalysedSentence, a: { first: number; last: number }, b: { first: number; last: number }): number {
  const [from, to] = a.last <= b.first ? [a.last, b.first] : [b.last, a.first];
  let cost = Math.max(0, to - from);
  for (let i = from; i < to; i++) {
    if (s.tokens[i]?.text !== ',') continue;
    const bordersName = s.people.some((p) => p.last === i || p.first === i + 1);
    if (!bordersName) cost += 2;
  }
  return cost;
}

const MAX_DATE_GAP = 14;
/** How many sentences after a call word a plain talk word still means a call. */
const CALL_ROUND_SENTENCES = 2;
const MAX_SHARED_GAP = 16;
/** Nearer than this, a place names a visit's destination before the trip under way does. */
const LOCATION_REACH_FOR_VISIT = 14;
/** "En 2019, …", "On Tuesday, …": a date opening the sentence frames all of it. */
const FRAME_WINDOW = 3;

interface AttachedDate {
  readonly date: DateMention;
  readonly cost: number;
  /** The date lies after publication: whatever it dates has not happened yet. */
  readonly future: boolean;
  /** Nearest to this trigger, rather than shared across its clause. */
  readonly direct: boolean;
}

/**
 * Each date goes to the trigger nearest to it, and only when near enough: "whose visit
 * began on Wednesday, met X" dates the visit, not the meeting. Dates in a planned clause
 * ("programmée en août") date nothing.
 */
function attachDates(s: AnalysedSentence, published: PartialDate | undefined): Map<TriggerMention, AttachedDate> {
  const attached = new Map<TriggerMention, AttachedDate>();
  for (const date of s.dates) {
    const first = s.tokens.findIndex((t) => t.start >= date.start);
    if (first < 0 || s.planned[first]) continue;
    let last = first;
    while (last < s.tokens.length && (s.tokens[last]?.end ?? Infinity) <= date.end) last++;
    const future = published !== undefined && isAfter(date.date, published);
    let best: TriggerMention | undefined;
    let bestCost = Infinity;
    for (const t of s.triggers) {
      const cost = gap(s, t, { first, last });
      if (cost < bestCost) {
        best = t;
        bestCost = cost;
      }
    }
    if (!best) continue;
    const framing = first <= FRAME_WINDOW && s.tokens[last]?.text === ',';
    if (bestCost <= MAX_DATE_GAP) {
      const known = attached.get(best);
      if (!known || bestCost < known.cost) attached.set(best, { date, cost: bestCost, future, direct: true });
    }
    // One clause, one time: "ont bouclé hier … en signant" dates the signing too, unless a
    // comma parts them; a date framing the sentence dates every trigger in it.
    for (const t of s.triggers) {
      if (attached.has(t)) continue;
      const plain = Math.max(0, t.first >= last ? t.first - last : first - t.last);
      if (framing || (gap(s, t, { first, last }) === plain && plain <= MAX_SHARED_GAP)) attached.set(t, { date, cost: plain, future, direct: false });
    }
  }
  return attached;
}

function isAfter(date: PartialDate, reference: PartialDate): boolean {
  const precision = precisionOf(date) === 'day' && precisionOf(reference) === 'day' ? 'day' : precisionOf(date) === 'year' || precisionOf(reference) === 'year' ? 'year' : 'month';
  return comparePartialDates(truncateDate(date, precision), truncateDate(reference, precision)) > 0;
}

function toPlace(mention: PlaceMention | undefined, compiled: CompiledLocale): Place | undefined {
  if (!mention) return undefined;
  const entry = mention.entry;
  const city = entry.city ?? (mention.capitalOf ? compiled.capitals.get(entry.code) : undefined);
  if (city) return { city: city.name, country: city.country, latitude: city.latitude, longitude: city.longitude, geonamesId: city.geonamesId };
  return { country: entry.code };
}

const evidenceOf = (s: AnalysedSentence): Evidence => ({ start: s.sentence.start, end: s.sentence.end, text: s.sentence.text });

function peopleFor(s: AnalysedSentence, countries: readonly string[]): string[] {
  return [...new Set(s.people.filter((p) => !p.country || countries.includes(p.country)).map((p) => p.name))];
}

const isClauseEnd = (text: string | undefined): boolean => text === undefined || text === ',' || text === ';' || text === '.';

/** People who only witness a signing: named after "en présence de", or before "witnessed". */
function witnessesIn(s: AnalysedSentence, compiled: CompiledLocale): Set<string> {
  const witnesses = new Set<string>();
  for (let i = 0; i < s.tokens.length; i++) {
    const cue = compiled.witness.matchAt(s.tokens, i);
    if (cue) {
      let end = i + cue.length;
      while (end < s.tokens.length && !isClauseEnd(s.tokens[end]?.text)) end++;
      for (const p of s.people) if (p.first >= i + cue.length && p.last <= end) witnesses.add(p.name);
    }
    const verb = compiled.witnessVerbs.matchAt(s.tokens, i);
    if (verb) for (const p of s.people) if (p.last <= i) witnesses.add(p.name);
  }
  return witnesses;
}

/** Who signed: the people before the signing verb, and those named after "par"/"by" that follows it. */
function signersIn(s: AnalysedSentence, trigger: TriggerMention, witnesses: ReadonlySet<string>, compiled: CompiledLocale): string[] {
  const signers = s.people.filter((p) => p.last <= trigger.first && !witnesses.has(p.name)).map((p) => p.name);
  for (let i = trigger.last; i < s.tokens.length; i++) {
    const cue = compiled.agent.matchAt(s.tokens, i);
    if (!cue) continue;
    for (const p of s.people) if (p.first >= i + cue.length && !witnesses.has(p.name)) signers.push(p.name);
    break;
  }
  return [...new Set(signers)];
}

export function buildEvents(analysis: ArticleAnalysis, compiled: CompiledLocale): DraftEvent[] {
  const ctx = new NarrativeContext(analysis.salience, analysis.registry);
  const published = analysis.published;
  const drafts: DraftEvent[] = [];
  // An article about phone calls reports the talks in them with meeting words ("s'est entretenu avec").
  const live = analysis.sentences.flatMap((s) => s.triggers.filter((t) => !t.planned && !t.negated));
  const callMode = live.some((t) => t.type === 'call') && !live.some((t) => t.type === 'visit');
  let next = 0;

  // A round of calls goes on in the next sentences with plain talk words ("spoke with …").
  let callsUntil = -1;
  for (const told of analysis.sentences) {
    // A sentence without an event word only moves the story's date on.
    if (told.triggers.length === 0) {
      updateNarrativeDate(ctx, told, published);
      continue;
    }
    // People read before a visit told their country ("Lamamra" is the Algerian visitor) know it now.
    const s: AnalysedSentence = told.people.every((p) => p.country)
      ? told
      : { ...told, people: told.people.map((p) => (p.country ? p : { ...p, country: ctx.registry.countryOf(p.name) })) };
    const actors = actorsOf(s, compiled);
    const seenTypes = new Set<EventType>();
    const dates = attachDates(s, published);
    // Several words for one event in one sentence ("s'est entretenue par téléphone"): any of their dates dates it.
    const inCallRound = told.sentence.index <= callsUntil && !told.places.some((p) => p.locative);
    const typeOf = (t: TriggerMention): EventType => ((callMode || inCallRound) && t.type === 'meeting' ? 'call' : t.type);
    // A call word, or a talk word read as one, keeps the round going.
    if (told.triggers.some((t) => !t.planned && !t.negated && typeOf(t) === 'call')) callsUntil = told.sentence.index + CALL_ROUND_SENTENCES;
    const datedByType = new Map<EventType, AttachedDate>();
    for (const t of s.triggers) {
      const d = dates.get(t);
      const known = datedByType.get(typeOf(t));
      if (d && (!known || (d.direct && !known.direct))) datedByType.set(typeOf(t), d);
    }
    // A word of the event itself ("state visit") speaks before one implying it ("welcomed his").
    const triggers = s.triggers.some((t) => t.hosting) ? [...s.triggers].sort((a, b) => Number(a.hosting ?? false) - Number(b.hosting ?? false)) : s.triggers;
    const sameTime = ctx.lastEventDate !== undefined && compiled.sameTime.occursIn(s.tokens);
    let shift: number | undefined;
    for (const trigger of triggers) {
      if (trigger.planned || trigger.negated) continue;
      // "cette visite", "his visit": told before; it only adds what it says (a date) to that event.
      if (trigger.anaphoric && !drafts.some((d) => d.type === typeOf(trigger))) continue;
      const type = typeOf(trigger);
      if (seenTypes.has(type)) continue;
      const own = dates.get(trigger);
      const dated = own?.direct ? own : (datedByType.get(type) ?? own);
      // Background from another year, or a date still to come, is no event of this article.
      if (dated && (dated.future || (published && dated.date.date.year !== published.year))) continue;
      shift ??= dayShift(s, compiled);
      const shifted = shift !== 0 && !dated ? shiftFrom(dateOfSentence(dates) ?? ctx.lastEventDate, shift) : undefined;
      const date = dated?.date.date ?? shifted ?? (sameTime ? ctx.lastEventDate : undefined) ?? ctx.dateFor(type) ?? published;
      const built = buildForTrigger(type, trigger, s, actors, ctx, compiled);
      if (built.length > 0) seenTypes.add(type);
      for (const event of built) {
        learnByElimination(s, event, ctx.registry);
        event.localId = `e${next++}`;
        event.date = date;
        event.dateStated = dated !== undefined || sameTime || shifted !== undefined;
        drafts.push(event);
        if (event.participants.length >= 2) {
          // The same pair again keeps everyone named so far: "les deux ministres" are both of them.
          const samePair = ctx.lastPair && sameSet(ctx.lastPair.participants, event.participants);
          const people = samePair && ctx.lastPair ? [...new Set([...ctx.lastPair.people, ...event.people])] : event.people;
          ctx.lastPair = { participants: event.participants, people, location: event.location ?? (samePair ? ctx.lastPair?.location : undefined) };
        }
        ctx.lastEventDate = date;
        if (type !== 'visit') ctx.lastNonVisitDate = date;
      }
    }
    updateNarrativeDate(ctx, told, published);
  }
  return drafts;
}

/** The last date of this year a sentence names is the story's date from then on. */
function updateNarrativeDate(ctx: NarrativeContext, s: AnalysedSentence, published: PartialDate | undefined): void {
  for (let k = s.dates.length - 1; k >= 0; k--) {
    const d = s.dates[k] as DateMention;
    if (!published || d.date.year === published.year) {
      ctx.narrativeDate = d.date;
      return;
    }
  }
}

function buildForTrigger(
  type: EventType,
  trigger: TriggerMention,
  s: AnalysedSentence,
  actors: readonly ActorMention[],
  ctx: NarrativeContext,
  compiled: CompiledLocale,
): DraftEvent[] {
  const codes = distinctCodes(actors);
  const base = { localId: '', sentenceIndex: s.sentence.index, evidence: [evidenceOf(s)] };
  // A visit's destination may stand anywhere in its sentence; other events happen near their word.
  const here = locationOf(s, trigger.first, type === 'visit' ? Infinity : undefined);

  if (type === 'visit') {
    // "X a accueilli son homologue Y": X's country hosts, Y's visits; else the place says who hosts.
    const hostActor = trigger.hosting ? actors.find((a) => a.index < trigger.first) : undefined;
    // The trip under way beats a place far off in the sentence ("his visit … no right to stay in Denmark").
    const near = here && Math.abs(here.first - trigger.first) <= LOCATION_REACH_FOR_VISIT ? here : undefined;
    const onTrip = ctx.trip && (codes.length === 0 || codes.includes(ctx.trip.visitor)) ? ctx.trip.host : undefined;
    const host = hostActor?.code ?? near?.entry.code ?? onTrip ?? here?.entry.code;
    if (!host) return [];
    const guests = trigger.hosting ? actors.filter((a) => a.index >= trigger.last) : actors;
    if (trigger.hosting && (here && here.entry.code !== host)) return [];
    const visitorActor = guests.find((a) => a.person && a.code !== host) ?? guests.find((a) => a.code !== host);
    if (trigger.hosting && !visitorActor) return [];
    const visitor = visitorActor?.code ?? (ctx.trip && ctx.trip.host === host ? ctx.trip.visitor : ctx.protagonist([host]));
    if (!visitor || visitor === host) return [];
    let location = toPlace(here, compiled) ?? (ctx.trip?.host === host ? ctx.trip.location : { country: host });
    if (location && location.city === undefined && ctx.trip?.host === host && ctx.trip.location?.city) location = ctx.trip.location;
    // Visitors only: people from the visiting side, or named without a country (then they are the traveller).
    const visitors = s.people.filter((p) => p.country === visitor || (!p.country && !p.counterpart));
    for (const p of visitors) if (!p.country) ctx.registry.assignCountry(p.name, visitor);
    const hostPerson = s.people.find((p) => p.country === host);
    ctx.trip = { visitor, host, location: location ?? ctx.trip?.location };
    return [{
      ...base,
      type,
      participants: sortCodes([visitor, host]),
      actor1: { name: visitors[0]?.name, country: visitor },
      actor2: { name: hostPerson?.name, country: host },
      people: [...new Set(visitors.map((p) => p.name))],
      location,
    }];
  }

  if (type === 'call' || type === 'meeting') {
    const before = actors.filter((a) => a.index < trigger.first);
    const initiator = before.find((a) => a.person)?.code ?? before[0]?.code ?? ctx.protagonist(codes.length === 1 ? codes : []);
    const counterparts = codes.filter((c) => c !== initiator);
    if (type === 'call') {
      if (!initiator || counterparts.length === 0) {
        if (initiator) ctx.callInitiator = initiator;
        return [];
      }
      ctx.callInitiator = initiator;
    }
    const pairs = initiator && counterparts.length >= 2 ? counterparts.map((c) => [initiator, c]) : [ctx.complete(initiator && counterparts.length === 1 ? [initiator, counterparts[0] as string] : codes)];
    return pairs
      .filter((pair) => pair.length >= 2)
      .map((pair) => {
        const participants = sortCodes(pair);
        // A pair taken from the story may leave out the country the story is about: that
        // country did not take part, so it neither leads the meeting nor brings its official.
        const leader = initiator !== undefined && participants.includes(initiator) ? initiator : undefined;
        const location = type === 'call' ? undefined : toPlace(here, compiled) ?? contextLocation(participants, ctx);
        const people = peopleFor(s, participants);
        // "Il s'est entretenu avec …": the unnamed subject is the initiator's official named before.
        const initiatorName = leader && !s.people.some((p) => p.country === leader) ? ctx.registry.lastOf(leader) : undefined;
        if (initiatorName && people.length > 0 && !people.includes(initiatorName)) people.unshift(initiatorName);
        const fromPair = people.length === 0 && ctx.lastPair && sameSet(ctx.lastPair.participants, participants) ? ctx.lastPair.people : [];
        const firstCode = leader ?? participants[0];
        const initiatorPerson = s.people.find((p) => p.country === firstCode);
        const otherCode = participants.find((c) => c !== firstCode);
        const otherPerson = s.people.find((p) => p.country === otherCode);
        return {
          ...base,
          type,
          participants,
          actor1: { name: initiatorPerson?.name, country: firstCode },
          actor2: { name: otherPerson?.name, country: otherCode },
          people: people.length ? people : [...fromPair],
          location,
        };
      });
  }

  // A press appearance by one side alone counts with that side only, unless the text says
  // both were there ("conférence de presse conjointe", "the two ministers told reporters").
  const jointly = type === 'press_conference' && compiled.joint.occursIn(s.tokens);
  const oneSided = type === 'press_conference' && !jointly && codes.length <= 1;
  const speaker = codes[0] ?? ctx.protagonist();
  // signing, press conference: everyone named, completed from the story when one side is implicit.
  // "Separately, construction company X signed a contract": companies, no state; nothing to complete.
  const byCompany = codes.length === 0 && s.tokens.slice(0, trigger.first).some((t) => compiled.companyWords.has(t.folded));
  if (byCompany) return [];
  const participants = oneSided ? (speaker ? [speaker] : []) : sortCodes(ctx.complete(codes));
  if (participants.length < 2 && type === 'signing') return [];
  if (participants.length === 0) return [];
  const location = toPlace(here, compiled) ?? contextLocation(participants, ctx);
  let people = peopleFor(s, participants);
  if (people.length === 0 && ctx.lastPair && sameSet(ctx.lastPair.participants, participants)) people = [...ctx.lastPair.people];
  const event: DraftEvent = {
    ...base,
    type,
    participants,
    actor1: { country: participants[0] },
    actor2: { country: participants[1] },
    people,
    location,
  };
  if (type === 'signing') {
    const witnesses = witnessesIn(s, compiled);
    event.signatories = signersIn(s, trigger, witnesses, compiled);
    event.witnesses = [...witnesses];
    event.possibleSignatories = people.filter((p) => !witnesses.has(p));
  }
  return [event];
}

function contextLocation(participants: readonly string[], ctx: NarrativeContext): Place | undefined {
  if (ctx.trip && participants.includes(ctx.trip.visitor)) return ctx.trip.location;
  if (ctx.lastPair && sameSet(ctx.lastPair.participants, participants)) return ctx.lastPair.location;
  return undefined;
}

/** "la veille" (−1), "le lendemain" (+1): a day counted from the date the sentence or story gives. */
function dayShift(s: AnalysedSentence, compiled: CompiledLocale): number {
  for (const m of compiled.dayShifts.findAll(s.tokens)) return m.value;
  return 0;
}

function dateOfSentence(dates: ReadonlyMap<TriggerMention, AttachedDate>): PartialDate | undefined {
  for (const d of dates.values()) if (d.direct) return d.date.date;
  return undefined;
}

function shiftFrom(date: PartialDate | undefined, days: number): PartialDate | undefined {
  if (!date || date.day === undefined || date.month === undefined) return date;
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * "au cours d'un point de presse avec Macky Sall, la présidente de la Commission …": when
 * one person of a two-sided event has no known country and one side has nobody named,
 * that person is that side.
 */
function learnByElimination(s: AnalysedSentence, event: DraftEvent, registry: PeopleRegistry): void {
  if (event.participants.length !== 2) return;
  const named = s.people.filter((p) => event.people.includes(p.name));
  const unknown = [...new Set(named.filter((p) => !p.country).map((p) => p.name))];
  const taken = new Set(named.map((p) => p.country).filter((c): c is string => c !== undefined));
  const open = event.participants.filter((c) => !taken.has(c));
  if (unknown.length === 1 && open.length === 1) registry.assignCountry(unknown[0] as string, open[0] as string);
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));
