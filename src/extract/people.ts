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

export function findPeople(
  tokens: readonly Token[],
  placeAt: ReadonlyMap<number, PlaceMention>,
  compiled: CompiledLocale,
  registry: PeopleRegistry,
  blocked: ReadonlySet<number>,
): PersonMention[] {
  const people: PersonMention[] = [];
  const isNameWord = (i: number): boolean => {
    const t = tokens[i];
    return t !== undefined && t.isWord && t.isCapitalised && !placeAt.has(i) && !blocked.has(i) && !compiled.notNames.has(t.folded) && !compiled.honorifics.has(t.folded);
  };
  const isInitial = (i: number): boolean => {
    const t = tokens[i];
    return t !== undefined && t.isWord && t.isCapitalised && t.text.length === 1 && !compiled.honorifics.has(t.folded) && tokens[i + 1]?.text === '.' && isNameWord(i + 2);
  };

  for (let i = 0; i < tokens.length; i++) {
    if (!isNameWord(i) && !isInitial(i)) continue;
    // Extend over name words, initials, hyphens and lower-case particles between name words.
    let j = i;
    const words: string[] = [];
    for (;;) {
      if (isInitial(j)) {
        words.push((tokens[j] as Token).folded);
        j += 2;
        continue;
      }
      if (isNameWord(j)) {
        words.push((tokens[j] as Token).folded);
        j++;
        if (tokens[j]?.text === '-' && isNameWord(j + 1)) j++;
        continue;
      }
      const t = tokens[j];
      if (t && compiled.particles.has(t.folded) && words.length > 0) {
        let k = j + 1;
        if (tokens[k]?.text === '-') k++;
        if (isNameWord(k) || (compiled.particles.has(tokens[k]?.folded ?? '') && isNameWord(k + 1))) {
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
    people.push({ name: person.name, first, last, country: person.country, counterpart: role.counterpart });
  }
  people.push(...roleReferences(tokens, placeAt, compiled, registry, people));
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
    // A name right after (", Vincent Biruta") or right before makes it an ordinary named mention.
    const nameNear = named.some((p) => (p.first >= to && p.first <= to + 2) || (p.last <= from && p.last >= from - 1));
    if (nameNear) continue;
    const name = registry.lastOf(place.entry.code);
    if (!name) continue;
    registry.mention(name);
    found.push({ name, first: from, last: to, country: place.entry.code, counterpart: false });
  }
  return found;
}

function sliceText(tokens: readonly Token[], first: number, last: number): string {
  const a = tokens[first] as Token;
  const b = tokens[last - 1] as Token;
  // Rebuild from tokens: names never span a line, and offsets stay exact.
  let text = '';
  for (let i = first; i < last; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    if (i > first && prev && prev.end < t.start) text += ' ';
    text += t.text;
  }
  void a;
  void b;
  return text;
}

interface Role {
  readonly country?: string;
  /** A title, honorific or counterpart word stands beside the name: it is a person. */
  readonly anchored: boolean;
  readonly counterpart: boolean;
}

/**
 * The role phrase around a name ("le ministre marocain des Affaires étrangères, NAME";
 * "NAME, Hungary's Minister of …") names the person's country. The scan stops at a
 * lower-case word that is neither a title nor a filler: a verb ends the role phrase.
 */
function roleCountry(tokens: readonly Token[], first: number, last: number, placeAt: ReadonlyMap<number, PlaceMention>, compiled: CompiledLocale): Role {
  let anchored = false;
  let counterpart = false;
  let country: string | undefined;
  let organisation: string | undefined;
  const allowed = (i: number): boolean => {
    const t = tokens[i] as Token;
    if (placeAt.has(i) || PUNCT_IN_ROLE.has(t.text) || t.isCapitalised) return true;
    if (compiled.titles.matchAt(tokens, i) || compiled.counterpart.matchAt(tokens, i)) return true;
    return compiled.roleWords.has(t.folded) || compiled.particles.has(t.folded) || compiled.definite.has(t.folded) || compiled.possessives.has(t.folded);
  };
  // Anchoring is looser than the country scan: a title anywhere in the clause before the name.
  for (let i = first - 1, steps = 0; i >= 0 && steps < 16; i--, steps++) {
    const t = tokens[i] as Token;
    if (t.text === '.' || t.text === ';') break;
    if (compiled.titles.matchAt(tokens, i) || compiled.counterpart.matchAt(tokens, i)) {
      anchored = true;
      break;
    }
  }
  for (let i = first - 1, steps = 0; i >= 0 && steps < 14; i--, steps++) {
    if (!allowed(i)) break;
    const t = tokens[i] as Token;
    if (t.text === '.' ) break;
    if (compiled.titles.matchAt(tokens, i) || compiled.honorifics.has(t.folded)) anchored = true;
    if (compiled.counterpart.matchAt(tokens, i)) {
      anchored = true;
      counterpart = true;
    }
    const place = placeAt.get(i);
    if (place && !place.locative && place.entry.kind !== 'organisation' && country === undefined) country = place.entry.code;
    if (place && !place.locative && place.entry.kind === 'organisation') organisation ??= place.entry.code;
    // Stop at the previous person: their role phrase is theirs.
    if (i > 0 && t.isCapitalised && !placeAt.has(i) && !compiled.notNames.has(t.folded) && !compiled.titles.matchAt(tokens, i) && tokens[i - 1]?.isCapitalised && !placeAt.has(i - 1) && !compiled.notNames.has(tokens[i - 1]?.folded ?? '')) break;
    if (country && anchored) break;
  }
  if (tokens[last]?.text === ',') {
    for (let i = last + 1, steps = 0; i < tokens.length && steps < 16; i++, steps++) {
      if (!allowed(i)) break;
      const t = tokens[i] as Token;
      if (t.text === ',' && steps > 0) break;
      if (compiled.titles.matchAt(tokens, i)) anchored = true;
      const place = placeAt.get(i);
      if (place && !place.locative && place.entry.kind !== 'organisation' && country === undefined) country = place.entry.code;
      if (place && !place.locative && place.entry.kind === 'organisation') organisation ??= place.entry.code;
    }
  }
  if (country === undefined) {
    for (let i = last, steps = 0; i < tokens.length && steps < 8; i++, steps++) {
      const cue = compiled.onBehalf.matchAt(tokens, i);
      if (cue) {
        const place = placeAt.get(i + cue.length);
        if (place) country = place.entry.code;
        break;
      }
      if (tokens[i]?.text === '.' || tokens[i]?.text === ';') break;
    }
  }
  // An official of a government serves that state even when the title names a body
  // ("secrétaire d'État chargé de la Francophonie au sein du gouvernement français").
  return { country: country ?? organisation, anchored, counterpart };
}
