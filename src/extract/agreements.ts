import type { PartialDate } from '../dates/partial-date.js';
import type { AnalysedSentence, ArticleAnalysis } from './article-analysis.js';
import { actorsOf, distinctCodes } from './article-analysis.js';
import type { Token } from './common/tokenise.js';
import type { CompiledLocale } from './compiled-locale.js';
import type { DraftEvent } from './events.js';
import type { MergedEvents } from './merge-events.js';
import type { AgreementStatus, AgreementTopic, Evidence, ExtractedAgreement } from './types.js';

/** How far after a signing sentence the article may still be detailing what was signed. */
const FOLLOWING_SENTENCES = 3;
/** How close an indefinite noun must follow an ordinal to be what the ordinal announces. */
const ORDINAL_TO_NOUN = 3;
/** The largest number read as a count of agreements signed at once. */
const MAX_COUNT = 60;
/** How many words after an agreement noun may say what it is about. */
const DESCRIPTOR_WORDS = 14;

interface Item {
  readonly sentence: AnalysedSentence;
  /** Token where the item's own words begin and end. */
  readonly first: number;
  readonly last: number;
  /** Folded head noun ("accord", "memorandum"), or the ordinal. */
  readonly head: string;
  /** Several agreements counted together ("quatre autres mémorandums"): how many. */
  readonly count: number;
  readonly topics: AgreementTopic[];
}

interface Block {
  readonly signing: DraftEvent;
  readonly total: number;
  readonly items: Item[];
  readonly sentences: AnalysedSentence[];
  /** Topics a later sentence gives to the counted agreements as a whole ("Les textes portent sur …"). */
  readonly collective: { topic: AgreementTopic; title: string }[];
  status: AgreementStatus;
}

/** How near the start of a sentence "Les textes", "The agreements" must stand to be its subject. */
const SUBJECT_WINDOW = 4;

/** "Les textes portent sur la formation, l'eau et les archives": topics of the agreements already counted. */
function collectiveTopics(s: AnalysedSentence, compiled: CompiledLocale): { topic: AgreementTopic; title: string }[] {
  const tokens = s.tokens;
  for (let i = 0; i < Math.min(tokens.length, SUBJECT_WINDOW); i++) {
    const noun = compiled.agreementNouns.matchAt(tokens, i);
    if (!noun || !compiled.definite.has(tokens[i - 1]?.folded ?? '')) continue;
    const found: { topic: AgreementTopic; title: string }[] = [];
    for (let j = i + noun.length; j < tokens.length; ) {
      const m = compiled.topics.matchAt(tokens, j);
      if (m && m.value !== 'other' && !found.some((f) => f.topic === m.value)) {
        const a = tokens[j] as Token;
        const b = tokens[j + m.length - 1] as Token;
        found.push({ topic: m.value, title: s.sentence.text.slice(a.start - s.sentence.start, b.end - s.sentence.start) });
      }
      j += m ? m.length : 1;
    }
    return found;
  }
  return [];
}

const isBoundary = (t: Token | undefined): boolean => t === undefined || t.text === ',' || t.text === ';' || t.text === ':' || t.text === '.' || t.text === '(' || t.text === ')';

function numberBefore(tokens: readonly Token[], index: number, compiled: CompiledLocale): { value: number; at: number } | undefined {
  // Allow up to two modifiers between number and noun: "neuf instruments juridiques", "two other memorandums".
  for (let i = index - 1, steps = 0; i >= 0 && steps < 5; i--, steps++) {
    const t = tokens[i] as Token;
    // A number belongs to the nearest noun: stop at a determiner or another agreement noun.
    if (isBoundary(t) || compiled.definite.has(t.folded) || compiled.agreementNouns.matchAt(tokens, i)) return undefined;
    // "the 1997 agreement" names a year, not a count: counts of agreements are small.
    if (/^\d+$/.test(t.text)) return Number(t.text) <= MAX_COUNT ? { value: Number(t.text), at: i } : undefined;
    for (let back = 0; back < 2 && i - back >= 0; back++) {
      const m = compiled.numbers.matchAt(tokens, i - back);
      if (m && m.index + m.length === i + 1) return { value: m.value, at: i - back };
    }
  }
  return undefined;
}

const NEGOTIATION_REACH = 6;

function negotiatedNear(tokens: readonly Token[], first: number, last: number, compiled: CompiledLocale): boolean {
  for (let i = Math.max(0, first - NEGOTIATION_REACH); i < Math.min(tokens.length, last + 2); i++) if (compiled.negotiation.matchAt(tokens, i)) return true;
  return false;
}

/** "including one on …", "dont un sur …": an enumeration opens right before `index`. */
function endsEnumerationOpener(tokens: readonly Token[], index: number, compiled: CompiledLocale): boolean {
  for (let from = Math.max(0, index - 3); from < index; from++) {
    const m = compiled.enumerationOpeners.matchAt(tokens, from);
    if (m && m.index + m.length === index) return true;
  }
  return false;
}

function topicsIn(tokens: readonly Token[], from: number, to: number, compiled: CompiledLocale, planned?: readonly boolean[]): AgreementTopic[] {
  const found: AgreementTopic[] = [];
  for (let i = from; i < to; ) {
    const m = compiled.topics.matchAt(tokens, i);
    if (m && m.index + m.length <= to && !planned?.[i]) {
      if (!found.includes(m.value)) found.push(m.value);
      i += m.length;
    } else i++;
  }
  const specific = found.filter((t) => t !== 'other');
  return specific.length ? specific : found.length ? ['other'] : [];
}

function hasOtherWord(tokens: readonly Token[], from: number, to: number, compiled: CompiledLocale): boolean {
  for (let i = from; i < to; i++) if (compiled.otherWords.has((tokens[i] as Token).folded)) return true;
  return false;
}

/** Items of one sentence: indefinite or counted agreement nouns and ordinals, in order. */
function itemsIn(s: AnalysedSentence, compiled: CompiledLocale, signingSentence: boolean): { items: Item[]; groups: { count: number; other: boolean }[] } {
  const tokens = s.tokens;
  // "… were not among the documents signed": what the sentence names was not signed.
  if (s.triggers.some((t) => t.type === 'signing' && t.negated)) return { items: [], groups: [] };
  const starts: { first: number; nounEnd: number; head: string; count: number; other: boolean; group: boolean; ordinal?: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const ordinal = compiled.ordinals.matchAt(tokens, i);
    if (ordinal && !compiled.agreementNouns.matchAt(tokens, i + ordinal.length - 1)) {
      // "le premier …", "the second …": an enumerated agreement, unless it is "the first visit".
      const nextWord = tokens[i + ordinal.length];
      const isNoun = nextWord && compiled.agreementNouns.matchAt(tokens, i + ordinal.length);
      const isOtherNoun = nextWord && nextWord.isWord && !isNoun && compiled.triggers.matchAt(tokens, i + ordinal.length);
      const opensClause = i === 0 || isBoundary(tokens[i - 1]) || compiled.conjunctions.matchAt(tokens, i - 1)?.length === 1 || endsEnumerationOpener(tokens, i, compiled);
      // A bare ordinal enumerates only after the count it details: in a later sentence, or after ":"/";"
      // ("the first by an Uzbek minister in a decade" in the signing sentence is about the visit).
      const detailsACount = isNoun || !signingSentence || starts.some((x) => !x.group) || endsEnumerationOpener(tokens, i, compiled) || tokens.slice(0, i).some((t) => t.text === ':' || t.text === ';');
      if (!isOtherNoun && (opensClause || isNoun) && detailsACount) {
        const end = isNoun ? i + ordinal.length + isNoun.length : i + ordinal.length;
        starts.push({ first: i, nounEnd: end, head: ordinal.value ? (tokens[i + ordinal.length - 1] as Token).folded : '', count: 1, other: false, group: false, ordinal: !isNoun });
        i = end - 1;
        continue;
      }
    }
    const noun = compiled.agreementNouns.matchAt(tokens, i);
    // A noun right after another agreement noun is part of it ("memorandum of understanding").
    if (!noun || starts.some((x) => x.nounEnd === i)) continue;
    const nounEnd = i + noun.length;
    const head = (tokens[i] as Token).folded;
    const number = numberBefore(tokens, i, compiled);
    const prev = tokens[i - 1];
    if (number && number.value >= 2) {
      starts.push({ first: number.at, nounEnd, head, count: number.value, other: hasOtherWord(tokens, number.at, i, compiled), group: true, ordinal: false });
    } else if (number && number.value === 1) {
      starts.push({ first: number.at, nounEnd, head, count: 1, other: false, group: false, ordinal: false });
    } else if (noun.value === 'noun' && prev && compiled.ordinals.matchAt(tokens, i - 1)) {
      starts.push({ first: i, nounEnd, head, count: 1, other: false, group: false, ordinal: false });
    }
    // A definite noun ("l'accord", "the agreement") refers back: not a new item.
    i = nounEnd - 1;
  }
  // "the remaining five", "les quatre autres": a count of further agreements without a noun.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!compiled.otherWords.has(t.folded) || starts.some((s0) => s0.first <= i && i < s0.nounEnd)) continue;
    const after = tokens[i + 1];
    const afterNumber = after && (compiled.numbers.matchAt(tokens, i + 1) ?? (/^\d+$/.test(after.text) && Number(after.text) <= MAX_COUNT ? { value: Number(after.text), length: 1 } : undefined));
    const before = numberBefore(tokens, i + 1, compiled);
    const value = afterNumber?.value ?? (before && before.at === i - 1 ? before.value : undefined);
    if (value !== undefined && value >= 2) starts.push({ first: Math.min(i, before?.at ?? i), nounEnd: i + 2, head: 'other', count: value, other: true, group: true, ordinal: false });
  }
  starts.sort((a, b) => a.first - b.first);
  // "Le premier est un accord de …": the ordinal and the noun it introduces are one agreement.
  for (let k = starts.length - 2; k >= 0; k--) {
    const here = starts[k];
    const next = starts[k + 1];
    if (here?.ordinal && next && !next.group && !next.ordinal && next.first - here.nounEnd <= ORDINAL_TO_NOUN) starts.splice(k, 1);
  }

  const items: Item[] = [];
  const groups: { count: number; other: boolean }[] = [];
  starts.forEach((start, k) => {
    const nextStart = starts[k + 1]?.first ?? tokens.length;
    let end = Math.min(nextStart, start.nounEnd + DESCRIPTOR_WORDS, tokens.length);
    // A counted group lists its topics across commas ("deal with science, technology and …");
    // an ordinal is the subject of what follows ("La première, de 150 millions, soutiendra …").
    if (start.group || start.head === '' || start.ordinal) end = Math.min(nextStart, tokens.length);
    else for (let j = start.nounEnd; j < end; j++) if (isBoundary(tokens[j]) && tokens[j]?.text !== ':') { end = j; break; }
    // Words before the noun say what it is about too: "a health cooperation protocol".
    const topics = topicsIn(tokens, start.first, end, compiled);
    if (start.group && !start.other) {
      groups.push({ count: start.count, other: false });
      return;
    }
    // "a memorandum on the signing and ratification of the pact": a document about a signing to come.
    if (s.triggers.some((t) => t.type === 'signing' && t.planned && t.first >= start.first && t.first < end)) return;
    // "discussed the negotiation of a status of forces agreement": not concluded.
    if (negotiatedNear(tokens, start.first, start.nounEnd, compiled)) return;
    if (start.group) groups.push({ count: start.count, other: true });
    items.push({ sentence: s, first: start.first, last: end, head: start.head, count: start.count, topics: start.group && topics.length === 0 ? [] : topics.length ? topics : ['other'] });
  });
  // One agreement in a sentence that names no topic of its own ("un accord en ce sens"):
  // the sentence around it says what it is about.
  if (items.length === 1 && groups.length === 0) {
    const only = items[0] as Item;
    if (only.count === 1 && (only.topics.length === 0 || only.topics[0] === 'other')) {
      const around = topicsIn(tokens, 0, tokens.length, compiled);
      if (around[0] && around[0] !== 'other') items[0] = { ...only, topics: around };
    }
  }
  return { items, groups };
}

function titleOf(item: Item): string {
  const tokens = item.sentence.tokens;
  const a = tokens[item.first] as Token;
  const b = tokens[item.last - 1] as Token;
  const text = item.sentence.sentence.text.slice(a.start - item.sentence.sentence.start, b.end - item.sentence.sentence.start);
  return text.replace(/^(?:un|une|le|la|les|l'|a|an|the)\s+/iu, '').trim();
}

function statusIn(s: AnalysedSentence, compiled: CompiledLocale): AgreementStatus | undefined {
  for (let i = 0; i < s.tokens.length; i++) {
    const m = compiled.status.matchAt(s.tokens, i);
    if (!m) continue;
    // "devront encore être ratifiés": a status still to come is not the status.
    let planned = false;
    for (let j = Math.max(0, i - 5); j < i; j++) if (compiled.future.matchAt(s.tokens, j)) planned = true;
    if (compiled.futureSuffixes.length && s.tokens.slice(Math.max(0, i - 5), i).some((t) => !t.isCapitalised && t.folded.length >= 5 && compiled.futureSuffixes.some((x) => t.folded.endsWith(x)))) planned = true;
    if (!planned) return m.value;
  }
  return undefined;
}

export function buildAgreements(analysis: ArticleAnalysis, drafts: readonly DraftEvent[], merged: MergedEvents, compiled: CompiledLocale): ExtractedAgreement[] {
  const signingBySentence = new Map<number, DraftEvent>();
  for (const d of drafts) if (d.type === 'signing') signingBySentence.set(d.sentenceIndex, d);
  const mergedById = new Map(merged.events.map((e) => [e.localId, e]));
  const blocks = new Map<string, Block>();

  let current: DraftEvent | undefined;
  let reach = -1;
  for (const s of analysis.sentences) {
    const signing = signingBySentence.get(s.sentence.index);
    if (signing) {
      current = mergedById.get(merged.mergedInto.get(signing.localId) ?? signing.localId) ?? signing;
      reach = s.sentence.index + FOLLOWING_SENTENCES;
    }
    if (!current || s.sentence.index > reach) continue;
    let block = blocks.get(current.localId);
    if (!block) {
      block = { signing: current, total: 0, items: [], sentences: [], collective: [], status: 'signed' };
      blocks.set(current.localId, block);
    }
    const { items, groups } = itemsIn(s, compiled, signing !== undefined);
    if (items.length === 0 && groups.length === 0 && !signing) block.collective.push(...collectiveTopics(s, compiled));
    if (items.length || groups.length || signing) block.sentences.push(s);
    if (signing) {
      const firstGroup = groups.find((g) => !g.other);
      if (firstGroup) (block as { total: number }).total = Math.max(block.total, firstGroup.count);
    }
    for (const item of items) {
      // Mentioned again in a later sentence ("the tax convention"): the same agreement.
      const again = block.items.some((x) => x.sentence !== item.sentence && x.head === item.head && x.topics.join() === item.topics.join() && item.count === 1);
      if (!again) block.items.push(item);
    }
    const status = statusIn(s, compiled);
    if (status) block.status = status;
  }

  const agreements: ExtractedAgreement[] = [];
  for (const block of blocks.values()) {
    const signing = block.signing;
    const common = {
      parties: signing.participants,
      signatories: signing.signatories?.length ? signing.signatories : (signing.possibleSignatories ?? []).filter((p) => !signing.witnesses?.includes(p)),
      date: signing.date,
      place: signing.location,
      status: block.status,
      signingEventLocalId: signing.localId,
    };
    let detailed = 0;
    for (const item of block.items) {
      const evidence: Evidence[] = [{ start: item.sentence.sentence.start, end: item.sentence.sentence.end, text: item.sentence.sentence.text }];
      for (let n = 0; n < item.count; n++) {
        const topic = item.topics[n] ?? (item.count > 1 ? 'unspecified' : 'other');
        agreements.push({ ...common, title: topic === 'unspecified' ? 'unspecified' : titleOf(item), topic, evidence });
        detailed++;
      }
    }
    // "signed seven agreements" with two detailed: five more, unspecified.
    const firstSentence = block.sentences[0];
    const named = new Set(agreements.map((a) => a.topic));
    const collective = block.collective.filter((c) => !named.has(c.topic));
    for (let n = detailed; n < Math.max(block.total, detailed === 0 ? 1 : 0); n++) {
      const evidence: Evidence[] = firstSentence ? [{ start: firstSentence.sentence.start, end: firstSentence.sentence.end, text: firstSentence.sentence.text }] : [];
      const topic = collective[n - detailed];
      agreements.push({ ...common, title: topic?.title ?? 'unspecified', topic: topic?.topic ?? 'unspecified', evidence });
    }
  }

  agreements.push(...announcedAgreements(analysis, drafts, compiled));
  return agreements;
}

/** "Les deux gouvernements s'étaient entendus pour supprimer les visas": agreed, not signed. */
function announcedAgreements(analysis: ArticleAnalysis, drafts: readonly DraftEvent[], compiled: CompiledLocale): ExtractedAgreement[] {
  const found: ExtractedAgreement[] = [];
  const published = analysis.published;
  for (const s of analysis.sentences) {
    if (s.triggers.some((t) => t.type === 'signing' && !t.planned && !t.negated)) continue;
    if (s.dates.some((d) => published && d.date.year !== published.year)) continue;
    for (let i = 0; i < s.tokens.length; i++) {
      const cue = compiled.announced.matchAt(s.tokens, i);
      if (!cue) continue;
      const from = i + cue.length;
      const to = Math.min(s.tokens.length, from + 12);
      // "sont convenus de tenir la prochaine session de la commission mixte": a plan, not an agreement.
      const topics = topicsIn(s.tokens, from, to, compiled, s.planned).filter((t) => t !== 'other');
      const topic = topics[0];
      if (!topic) continue;
      const before = drafts.filter((d) => d.sentenceIndex <= s.sentence.index && d.participants.length >= 2);
      // Said at a signing ceremony, else after the last event told: that is when it was agreed.
      const context = before.filter((d) => d.type === 'signing').pop() ?? before[before.length - 1];
      const codes = distinctCodes(actorsOf(s, compiled));
      const parties = codes.length >= 2 ? [...codes].sort() : context?.participants ?? analysis.salience.slice(0, 2).sort();
      if (parties.length < 2) continue;
      const last = s.tokens[to - 1] as Token;
      const first = s.tokens[from] as Token;
      const date: PartialDate | undefined = s.dates[0]?.date ?? context?.date ?? published;
      found.push({
        title: s.sentence.text.slice(first.start - s.sentence.start, last.end - s.sentence.start),
        topic,
        parties,
        signatories: [],
        date,
        place: context?.location,
        status: 'announced',
        evidence: [{ start: s.sentence.start, end: s.sentence.end, text: s.sentence.text }],
      });
      break;
    }
  }
  return found;
}
