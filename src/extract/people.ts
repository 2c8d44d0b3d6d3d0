import type { Token } from './common/tokenise.js';
import type { CompiledLocale } from './compiled-locale.js';
import type { PlaceMention } from './sentence-analysis.js';

export interface PersonMention {
  /** The full name as first written in the article ("Ramtane Lamamra" for a later "M. Lamamra"). */
  readonly name: string;
  readonly first: number;
  readonly last: number;
  readonly country?: string;
  /** Named right after "son homologue", "his counterpart". */
  readonly counterpart: boolean;
  /** Token index of the nationality in the person's own role phrase. */
  readonly rolePlace?: number;
}

interface Known {
  readonly name: string;
  country?: string;
}

/**
 * People of one article: full names once introduced, looked up again by any of their
 * words ("Lamamra", "Lula", "Van Klaveren") in later sentences.
 */
export class PeopleRegistry {
  private readonly byWord = new Map<string, Known | null>();
  private readonly byName = new Map<string, Known>();
  /** In order of mention, latest last: "the Chilean minister" is the Chilean last named. */
  private readonly mentions: Known[] = [];

  register(name: string, words: readonly string[], country: string | undefined): Known {
    let known = this.byName.get(name);
    if (!known) {
      known = { name, country };
      this.byName.set(name, known);
    } else if (!known.country && country) known.country = country;
    for (const word of words) {
      const other = this.byWord.get(word);
      if (other === undefined) this.byWord.set(word, known);
      else if (other !== null && other !== known) this.byWord.set(word, null); // two people share it: ambiguous
    }
    this.mentions.push(known);
    return known;
  }

  /** The person of `country` mentioned last, if any. */
  lastOf(country: string): string | undefined {
    for (let i = this.mentions.length - 1; i >= 0; i--) if (this.mentions[i]?.country === country) return this.mentions[i]?.name;
    return undefined;
  }

  /** Records a new mention of someone already known (a role reference: "le ministre rwandais"). */
  mention(name: string): void {
    const known = this.byName.get(name);
    if (known) this.mentions.push(known);
  }

  lookup(words: readonly string[]): Known | undefined {
    let found: Known | undefined;
    for (const word of words) {
      const k = this.byWord.get(word);
      if (k === null) continue;
      if (k && found && k !== found) return undefined;
      if (k) found = k;
    }
    return found;
  }

  /** A traveller named without a country takes the visiting country once the visit is read. */
  assignCountry(name: string, country: string): void {
    const known = this.byName.get(name);
    if (known && !known.country) known.country = country;
  }

  countryOf(name: string): string | undefined {
    return this.byName.get(name)?.country;
  }
}

const PUNCT_IN_ROLE = new Set([',', "'", '’', '(', ')', '-']);

function nameWordAt(tokens: readonly Token[], placeAt: ReadonlyMap<number, PlaceMention>, compiled: CompiledLocale, blocked: ReadonlySet<number>, i: number): boolean {
  const t = tokens[i];
  // Ministries' subjects are capitalised too ("ministre de l'Énergie Grace Wanjiru"): a topic word is no name.
  return t !== undefined && t.isWord && t.isCapitalised && !placeAt.has(i) && !blocked.has(i) && !compiled.notNames.has(t.folded) && !compiled.honorifics.has(t.folded) && !compiled.topics.matchAt(tokens, i) && !compiled.titles.matchAt(tokens, i);
}

function initialAt(tokens: readonly Token[], placeAt: ReadonlyMap<number, PlaceMention>, compiled: CompiledLocale, blocked: ReadonlySet<number>, i: number): boolean {
  const t = tokens[i];
  return t !== undefined && t.isWord && t.isCapitalised && t.text.length === 1 && !compiled.honorifics.has(t.folded) && tokens[i + 1]?.text === '.' && nameWordAt(tokens, placeAt, compiled, blocked, i + 2);
}

export function findPeople(
  tokens: readonly Token[],
  placeAt: ReadonlyMap<number, PlaceMention>,
  compiled: CompiledLocale,
  registry: PeopleRegistry,
  blocked: ReadonlySet<number>,
): PersonMention[] {
  const people: PersonMention[] = [];

  for (let i = 0; i < tokens.length; i++) {
    // Names start with a capital: most tokens are turned away here.
    if (!(tokens[i] as Token).isCapitalised) continue;
    if (!nameWordAt(tokens, placeAt, compiled, blocked, i) && !initialAt(tokens, placeAt, compiled, blocked, i)) continue;
    // Extend over name words, initials, hyphens and lower-case particles between name words.
    let j = i;
    const words: string[] = [];
    for (;;) {
      if (initialAt(tokens, placeAt, compiled, blocked, j)) {
        words.push((tokens[j] as Token).folded);
        j += 2;
        continue;
      }
      if (nameWordAt(tokens, placeAt, compiled, blocked, j)) {
        words.push((tokens[j] as Token).folded);
        j++;
        if (tokens[j]?.text === '-' && nameWordAt(tokens, placeAt, compiled, blocked, j + 1)) j++;
        continue;
      }
      const t = tokens[j];
      // "Mohamed Ould Cheikh El Ghazouani": a courtesy word inside a name is part of it.
      if (t && t.isCapitalised && compiled.honorifics.has(t.folded) && words.length > 0 && nameWordAt(tokens, placeAt, compiled, blocked, j + 1)) {
        words.push(t.folded);
        j++;
        continue;
      }
      if (t && compiled.particles.has(t.folded) && words.length > 0) {
        let k = j + 1;
        if (tokens[k]?.text === '-') k++;
        if (nameWordAt(tokens, placeAt, compiled, blocked, k) || (compiled.particles.has(tokens[k]?.folded ?? '') && nameWordAt(tokens, placeAt, compiled, blocked, k + 1))) {
          j = k;
          continue;
        }
      }
      break;
    }
    const first = i;
    const last = j;
    i = j - 1;
    const nameWords = words.filter((w) => !compiled.particles.has(w));
    const known = registry.lookup(nameWords);
    const prev = tokens[first - 1];
    const afterHonorific = prev !== undefined && compiled.honorifics.has(prev.folded) || (prev?.text === '.' && compiled.honorifics.has(tokens[first - 2]?.folded ?? ''));
    const role = roleCountry(tokens, first, last, placeAt, compiled);
    if (!known && !(nameWords.length >= 2 && role.anchored) && !(afterHonorific && nameWords.length >= 1)) continue;
    const text = sliceText(tokens, first, last);
    const name = known && (nameWords.length < 2 || known.name.endsWith(text)) ? known.name : text;
    const person = registry.register(name, nameWords, role.country ?? known?.country);
    people.push({ name: person.name, first, last, country: person.country, counterpart: role.counterpart, rolePlace: role.place });
  }
  const references = roleReferences(tokens, placeAt, compiled, registry, people);
  if (references.length === 0) return people;
  people.push(...references);
  return people.sort((a, b) => a.first - b.first);
}

/**
 * "le ministre rwandais", "the Chilean minister", "le chef de la diplomatie nippone": a
 * title with a nationality and no name after it refers to the official of that country
 * named before.
 */
function roleReferences(
  tokens: readonly Token[],
  placeAt: ReadonlyMap<number, PlaceMention>,
  compiled: CompiledLocale,
  registry: PeopleRegistry,
  named: readonly PersonMention[],
): PersonMention[] {
  const found: PersonMention[] = [];
  if (placeAt.size === 0) return found;
  const seen = new Set<PlaceMention>();
  for (const place of placeAt.values()) {
    if (seen.has(place)) continue;
    seen.add(place);
    if (place.entry.kind !== 'demonym' || place.locative) continue;
    let title: number | undefined;
    for (let i = Math.max(0, place.first - 5); i < Math.min(tokens.length, place.last + 2); i++) {
      if (i >= place.first && i < place.last) continue;
      if (compiled.titles.matchAt(tokens, i) && !compiled.counterpart.matchAt(tokens, i)) title ??= i;
    }
    if (title === undefined) continue;
    const from = Math.min(title, place.first);
    const to = Math.max(title + 1, place.last);
    if ([...tokens.slice(from, to)].some((t) => t.text === ',' || t.text === '.')) continue;
    // The role phrase of a named person ("le ministre béninois …, Didier Houngbo") is no reference.
    const nameNear = named.some((p) => p.rolePlace === place.first || (p.first >= to && p.first <= to + 2) || (p.last <= from && p.last >= from - 1));
    if (nameNear) continue;
    const name = registry.lastOf(place.entry.code);
    if (!name) continue;
    registry.mention(name);
    found.push({ name, first: from, last: to, country: place.entry.code, counterpart: false, rolePlace: undefined });
  }
  return found;
}

/** The name as written, rebuilt from its tokens (names never span a line, so one space between words). */
function sliceText(tokens: readonly Token[], first: number, last: number): string {
  let text = '';
  for (let i = first; i < last; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    if (i > first && prev && prev.end < t.start) text += ' ';
    text += t.text;
  }
  return text;
}

interface Role {
  readonly country?: string;
  /** Token index of the place that gave the country. */
  readonly place?: number;
  /** A title, honorific or counterpart word stands beside the name: it is a person. */
  readonly anchored: boolean;
  readonly counterpart: boolean;
}

/** A country named by a place standing for its state (not a location), organisations aside. */
const stateAt = (placeAt: ReadonlyMap<number, PlaceMention>, i: number): PlaceMention | undefined => {
  const place = placeAt.get(i);
  return place && !place.locative && place.entry.kind !== 'organisation' ? place : undefined;
};

/**
 * The role phrase around a name ("le ministre marocain des Affaires étrangères, NAME";
 * "NAME, Hungary's Minister of …") names the person's country. The strict scan runs over
 * title words, role words, capitals and punctuation only: a verb ends the role phrase.
 * Failing that, a nationality right beside the nearest title counts ("la ministre
 * allemande de la Coopération économique, NAME").
 */
function roleCountry(tokens: readonly Token[], first: number, last: number, placeAt: ReadonlyMap<number, PlaceMention>, compiled: CompiledLocale): Role {
  let counterpart = false;
  let country: string | undefined;
  let place: number | undefined;
  let organisation: string | undefined;
  const take = (i: number): void => {
    const state = stateAt(placeAt, i);
    if (state && country === undefined) {
      country = state.entry.code;
      place = state.first;
    }
    const any = placeAt.get(i);
    if (any && !any.locative && any.entry.kind === 'organisation') organisation ??= any.entry.code;
  };
  const isTitle = (i: number): boolean => compiled.titles.matchAt(tokens, i) !== undefined || compiled.counterpart.matchAt(tokens, i) !== undefined;
  const allowed = (i: number): boolean => {
    const t = tokens[i] as Token;
    if (placeAt.has(i) || PUNCT_IN_ROLE.has(t.text) || t.isCapitalised || isTitle(i)) return true;
    return compiled.roleWords.has(t.folded) || compiled.particles.has(t.folded) || compiled.definite.has(t.folded) || compiled.possessives.has(t.folded);
  };

  // The nearest title before the name, in the same clause: it anchors the name as a person.
  let title: number | undefined;
  for (let i = first - 1, steps = 0; i >= 0 && steps < 16; i--, steps++) {
    const t = tokens[i] as Token;
    if (t.text === '.' || t.text === ';') break;
    if (isTitle(i) || compiled.honorifics.has(t.folded)) {
      title = i;
      break;
    }
  }
  let anchored = title !== undefined;

  // "Mme von der Leyen", "M. Kambongo": a courtesy title is the whole role phrase.
  const courtesyAt = compiled.honorifics.has(tokens[first - 1]?.folded ?? '') ? first - 1 : tokens[first - 1]?.text === '.' && compiled.honorifics.has(tokens[first - 2]?.folded ?? '') ? first - 2 : -1;
  // …unless a title stands right before it: "Qatar's Prime Minister Sheikh Mohammed …".
  const courtesy = courtesyAt >= 0 && !isTitle(courtesyAt - 1);
  for (let i = first - 1, steps = 0; !courtesy && i >= 0 && steps < 14 && allowed(i); i--, steps++) {
    const t = tokens[i] as Token;
    if (compiled.counterpart.matchAt(tokens, i)) counterpart = true;
    take(i);
    // Stop at the previous person: their role phrase is theirs.
    const prev = tokens[i - 1];
    const isNameWord = (x: Token | undefined, at: number): boolean => x !== undefined && x.isCapitalised && !placeAt.has(at) && !compiled.notNames.has(x.folded) && !isTitle(at);
    if (isNameWord(t, i) && isNameWord(prev, i - 1)) break;
    if (country !== undefined) break;
  }
  if (tokens[last]?.text === ',' && country === undefined) {
    // ", Hungary's Minister of Foreign Affairs," is an apposition only if it closes: in
    // "avec X, le chef de la diplomatie russe a décrit …" the phrase is the next subject.
    let i = last + 1;
    while (i < tokens.length && i - last <= 16 && allowed(i) && tokens[i]?.text !== ',') i++;
    const closes = i >= tokens.length || tokens[i]?.text === ',' || tokens[i]?.text === '.' || tokens[i]?.text === ';';
    if (closes) {
      for (let j = last + 1; j < i; j++) {
        if (isTitle(j)) anchored = true;
        take(j);
      }
    }
  }
  if (country === undefined && title !== undefined) {
    for (let i = Math.max(0, title - 2); i <= Math.min(tokens.length - 1, title + 3); i++) take(i);
  }
  if (country === undefined) {
    for (let i = last, steps = 0; i < tokens.length && steps < 8; i++, steps++) {
      const cue = compiled.onBehalf.matchAt(tokens, i);
      if (cue) {
        take(i + cue.length);
        break;
      }
      if (tokens[i]?.text === '.' || tokens[i]?.text === ';') break;
    }
  }
  // An official of a government serves that state even when the title names a body
  // ("secrétaire d'État chargé de la Francophonie au sein du gouvernement français").
  return { country: country ?? organisation, place, anchored, counterpart };
}
