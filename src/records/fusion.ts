/**
 * Events, not reports: the same real-world event (or agreement) read from several articles
 * becomes one fused row that lists every article reporting it. Pure: article records in,
 * fused rows out; the same input gives the same output, whatever its order.
 *
 * THE MERGE RULE (events). Two event reports are the same event when
 *   1. they come from different articles (within one article the extractor has already
 *      merged what it reads as one event; what it kept apart stays apart);
 *   2. their type is the same (a visit never merges with a meeting);
 *   3. their participant sets are equal, and for a visit the direction too (visitor →
 *      host: Macron in Algiers is not Tebboune in Paris);
 *   4. their certainty is the same (today always `reported`, see EventCertainty);
 *   5. their dates are compatible: the coarser contains the finer (2022-08 contains
 *      2022-08-14, 2022 contains both); both to the day, at most EVENT_DAY_WINDOW (1) day
 *      apart, or VISIT_DAY_WINDOW (3) days for visits, whose reports date different days of
 *      one stay (arrival, talks, departure). A report without a date merges with nothing;
 *   6. their places are compatible: the same country when both give one, and the same city
 *      when both give one (a meeting in Paris is not a meeting in Berlin the same month).
 * A fused event is a group whose members are pairwise the same event (complete linkage: a
 * chain 14 → 15 → 16 of meetings a day apart does not make the 14th and the 16th one
 * meeting). Reports are placed finest date first (day, then month, then year; then by date,
 * source order and id), so the groups a coarse report could join all exist when it is
 * placed. A report that fits several groups joins, when dated to the day, the nearest;
 * when dated only to the month or year it is ambiguous ("in August" with visits on the 2nd
 * and the 28th) and stays a row of its own: it is never guessed into one of them.
 * Must not merge: two visits a month apart; the same pair in a meeting and a call; a
 * meeting in Paris and one in Berlin.
 *
 * THE MERGE RULE (agreements). Two agreement reports are the same agreement when they come
 * from different articles, their parties are equal, their topics are equal, their signing
 * dates are compatible (AGREEMENT_DAY_WINDOW, 1 day) and their places compatible. Titles are
 * free text in the article's language ("accord de coopération énergétique", "energy
 * agreement") and do not decide; when several groups fit, one holding the same title
 * (case- and accent-folded) is preferred. Counted agreements whose topic the article does not
 * give (`unspecified`: "signed seven agreements") merge by count: placed after every
 * agreement with a topic, each joins a group of the same occasion (same parties, compatible
 * date and place) that has no report from its article yet, agreements with a topic first;
 * so "seven agreements" and "seven agreements, among them one on trade and one on visas"
 * fuse to seven rows (trade, visas and five unspecified), not nine. If the groups it fits
 * are not all one occasion (their most precisely dated reports compatible with each other)
 * it stays a row of its own.
 *
 * THE FUSED ROW takes the most precise date any member gives (day beats month beats year;
 * among equals the one most members give, then the earliest, i.e. the start of a stay), the
 * most precise place (a city with coordinates beats a city beats a country; its GeoNames id
 * completed from the gazetteer), every person named (accent- and case-insensitive duplicates
 * once), every source: article id, keys, URL, publication date, language and evidence, with
 * `sourceCount` the number of distinct articles. Agreements take the furthest status any
 * member reports (announced < signed < ratified < in_force) and every signatory. The row's
 * own `evidence` is its primary source's; every source's evidence is in `sources` (and in
 * mentions.csv). The CAMEO code is recomputed for the fused place (a meeting found to be in
 * a third country is 044).
 *
 * IDS. Sources are ordered by publication date (undated last), then article id; the first
 * is the primary source, and the fused row keeps the id its report had in the primary
 * article alone (for agreements, reports with a topic come before `unspecified` ones). So:
 * the same set of sources always gives the same id; an event reported once keeps the id it
 * had before fusion existed; and a later article reporting it again (the usual way sources
 * arrive) does not change it. Only a source published earlier than all the others, found
 * later, moves the id; the old id is still the `mention_id` of that article's mention. A
 * hash of all member ids would change with every new source, which is worse for links.
 *
 * Sub-events: a fused meeting, signing or press conference names the fused visit it was held
 * during (parentEventId), as read by src/records/sub-events.ts in the articles that report
 * both; when its sources disagree, the parent most of them give, then the primary's.
 * Agreements point at their fused signing event the same way.
 */
import { addMonths } from '../dates/partial-date.js';
import type { Evidence, EventType, Place } from '../extract/types.js';
import { cameoCode } from './cameo.js';
import { datePrecisionRank, datesCompatible, daysBetween, mostPreciseDate, mostPrecisePlace, placesCompatible } from './compatible.js';
import type { AgreementCrosswalk, EventCrosswalk } from './crosswalks.js';
import { agreementCrosswalk, eventCrosswalk, withGeonamesId } from './crosswalks.js';
import type { AgreementRecord, ArticleRecords, EventRecord } from './records.js';
import { mergeArticleRecords } from './records.js';
import { VISIT_STAY_DAYS, subEventParents } from './sub-events.js';
import { boundedMemo } from './bounded-memo.js';

/** Days apart two day-precise reports of one meeting, call, signing or press conference may be. */
export const EVENT_DAY_WINDOW = 1;
/** Days apart two day-precise reports of one visit may be: each may date another day of the stay. */
export const VISIT_DAY_WINDOW = VISIT_STAY_DAYS;
/** Days apart two day-precise reports of one agreement's signing may be. */
export const AGREEMENT_DAY_WINDOW = 1;

/**
 * How sure the text is that the event happened. Only `reported` can be produced today: the
 * extractor drops planned, negated, hypothetical and future-dated events, so every published
 * event is one the text reports as having happened. A new value (e.g. `planned`) comes with
 * the extractor keeping such events, and rule 4 keeps it from merging with a reported one.
 */
export type EventCertainty = 'reported';
export const EVENT_CERTAINTIES: readonly EventCertainty[] = ['reported'];

export function certaintyOf(_event: EventRecord): EventCertainty {
  return 'reported';
}

/** One article's report of a fused event or agreement. */
export interface SourceRef {
  readonly articleId: string;
  /** The id the event or agreement had when read from this article alone (its record id). */
  readonly reportId: string;
  readonly sourceKeys: readonly string[];
  readonly url?: string;
  readonly published?: string;
  readonly language: string;
  readonly evidence: readonly Evidence[];
}

/** What every fused row says about where it was read. */
export interface Sourced {
  /** Every article that reports it, the primary source first. */
  readonly sources: readonly SourceRef[];
  readonly sourceCount: number;
  /** Every key of every source article, sorted, distinct. */
  readonly sourceKeys: readonly string[];
  /** URLs of the source articles that give one, in source order, distinct. */
  readonly sourceUrls: readonly string[];
  /** In source order: the primary source's first. */
  readonly articleIds: readonly string[];
  /** The primary source's language. */
  readonly language: string;
}

/** A fused event: an EventRecord (its `id` the primary report's, its `evidence` the primary source's) plus its sources. */
export interface FusedEvent extends EventRecord, Sourced {
  readonly certainty: EventCertainty;
  /** The visit it was held during, when it is a sub-event. */
  readonly parentEventId?: string;
  readonly crosswalk: EventCrosswalk;
}

/** A fused agreement; `signingEventId` is the fused signing event's id. */
export interface FusedAgreement extends AgreementRecord, Sourced {
  readonly crosswalk: AgreementCrosswalk;
}

export interface FusedRecords {
  readonly events: FusedEvent[];
  readonly agreements: FusedAgreement[];
  /** Report (record) id → fused event id. */
  readonly eventIdOf: ReadonlyMap<string, string>;
  /** Report (record) id → fused agreement id. */
  readonly agreementIdOf: ReadonlyMap<string, string>;
}

// ---- the pairwise rule ----

const visitDirection = (e: EventRecord): string => (e.type === 'visit' ? `${e.actor1Country ?? ''}>${e.actor2Country ?? ''}` : '');

/** Rules 2–4: what must be equal for two reports to be one event. */
export function eventKey(e: EventRecord): string {
  return [e.type, e.participants.join(';'), visitDirection(e), certaintyOf(e)].join('|');
}

export function dayWindowFor(type: EventType): number {
  return type === 'visit' ? VISIT_DAY_WINDOW : EVENT_DAY_WINDOW;
}

/** Rules 2–6 for two reports (rule 1, different articles, is the caller's). */
export function sameEvent(a: EventRecord, b: EventRecord): boolean {
  return eventKey(a) === eventKey(b) && sameTimeAndPlace(a, b);
}

/** Rules 5–6 only: what fusion checks within a bucket of equal keys. */
function sameTimeAndPlace(a: EventRecord, b: EventRecord): boolean {
  return datesCompatible(a.date, b.date, dayWindowFor(a.type)) && placesCompatible(a.location, b.location);
}

/** Compatible signing date and place: what fusion checks within a bucket of equal parties. */
function sameSigning(a: AgreementRecord, b: AgreementRecord): boolean {
  return datesCompatible(a.dateSigned, b.dateSigned, AGREEMENT_DAY_WINDOW) && placesCompatible(a.place, b.place);
}

/** Two agreement reports of the same occasion: equal parties, compatible date and place (topic not compared). */
export function sameOccasion(a: AgreementRecord, b: AgreementRecord): boolean {
  return a.parties.join(';') === b.parties.join(';') && sameSigning(a, b);
}

/** The same agreement: the same occasion and the same topic (rule 1, different articles, is the caller's). */
export function sameAgreement(a: AgreementRecord, b: AgreementRecord): boolean {
  return a.topic === b.topic && sameOccasion(a, b);
}

// ---- clustering ----

/** What fusion reads of a source article: enough to order sources and name them. */
export type ArticleRef = Pick<ArticleRecords, 'articleId' | 'sourceKeys' | 'url' | 'published' | 'language'>;

export const articleRef = (a: ArticleRef): ArticleRef => ({ articleId: a.articleId, sourceKeys: a.sourceKeys, url: a.url, published: a.published, language: a.language });

/** One article's report of an event or agreement. */
export interface Report<T> {
  readonly record: T;
  readonly article: ArticleRef;
  /** The event's date or the agreement's signing date. */
  readonly date: string | undefined;
}

export const eventReport = (record: EventRecord, article: ArticleRef): Report<EventRecord> => ({ record, article, date: record.date });
export const agreementReport = (record: AgreementRecord, article: ArticleRef): Report<AgreementRecord> => ({ record, article, date: record.dateSigned });

interface Group<T> {
  readonly members: Report<T>[];
  /** Its rank in its bucket's creation order: candidates are tried in that order. */
  readonly order: number;
  /** Its first member's date keys: every member must be compatible, the first one included. */
  readonly first: DateKeys;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Source order: published (undated last), then article id. */
function compareArticles(a: ArticleRef, b: ArticleRef): number {
  if (a.published !== b.published) {
    if (a.published === undefined) return 1;
    if (b.published === undefined) return -1;
    const byDate = cmp(a.published, b.published);
    if (byDate !== 0) return byDate;
  }
  return cmp(a.articleId, b.articleId);
}

/** Finest date first, then date, source order, id: groups exist before coarse reports look for one. */
function placementOrder<T extends { readonly id: string }>(a: Report<T>, b: Report<T>): number {
  return (
    datePrecisionRank(b.date) - datePrecisionRank(a.date) ||
    cmp(a.date ?? '', b.date ?? '') ||
    compareArticles(a.article, b.article) ||
    cmp(a.record.id, b.record.id)
  );
}

/**
 * Array.prototype.sort, in place, for the short arrays fusion mostly sorts (a bucket's or a
 * group's two or three reports): insertion sort is stable too, so the order is the same, and
 * it spares the work array sort allocates for every call.
 */
function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SMALL) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i;
    for (; j > 0 && compare(items[j - 1] as T, item) > 0; j--) items[j] = items[j - 1] as T;
    items[j] = item;
  }
  return items;
}

type Chooser<T> = (candidates: readonly Group<T>[], report: Report<T>) => Group<T> | undefined;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Up to this many items, looking back through an array (or sorting by insertion) is cheaper than a Set (or Array.prototype.sort). */
const SMALL = 16;

/**
 * What a date is filed under and looked up by: the prefixes of its string (year, month) and,
 * for a day, the months either side. Read once per distinct string rather than per comparison.
 */
interface DateKeys {
  readonly rank: number;
  readonly year: string;
  readonly month: string;
  readonly monthBefore: string;
  readonly monthAfter: string;
}

const UNDATED: DateKeys = { rank: 0, year: '', month: '', monthBefore: '', monthAfter: '' };
const knownDateKeys = boundedMemo((date) => readDateKeys(date));

function dateKeys(date: string | undefined): DateKeys {
  return date === undefined ? UNDATED : knownDateKeys(date);
}

function readDateKeys(date: string): DateKeys {
  const rank = datePrecisionRank(date);
  if (rank === 0) return UNDATED;
  const year = date.slice(0, 4);
  const month = date.slice(0, 7);
  if (rank < 3) return { rank, year, month, monthBefore: '', monthAfter: '' };
  // A day window of a few days may reach into the month before or after.
  const y = Number(year);
  const m = Number(date.slice(5, 7));
  const before = addMonths(y, m, -1);
  const after = addMonths(y, m, 1);
  return { rank, year, month, monthBefore: `${before.year}-${pad2(before.month ?? 1)}`, monthAfter: `${after.year}-${pad2(after.month ?? 1)}` };
}

/**
 * Whether a group whose first member is dated `first` is worth comparing with a report dated
 * `report` (not undated): a year looks at the groups begun in that year; a month or a day at
 * those begun in its month (a day also the months either side) and those begun with its year
 * alone. Every other group has a first member the report cannot be compatible with.
 */
function mayHold(first: DateKeys, report: DateKeys): boolean {
  if (first.rank === 0) return false;
  if (report.rank === 1 || first.rank === 1) return first.year === report.year;
  return first.month === report.month || (report.rank === 3 && (first.month === report.monthBefore || first.month === report.monthAfter));
}

/** Up to this many groups a bucket is scanned whole: cheaper than keeping an index of a handful. */
const SCAN_LIMIT = 16;

const NO_GROUPS: readonly never[] = [];

/**
 * Groups of one bucket. Most buckets (one event key, one party set) hold a few reports and
 * are scanned whole; a large one is indexed by its groups' first member's date so a report is
 * compared only with groups it could fit.
 */
class GroupIndex<T> {
  readonly groups: Group<T>[] = [];
  /** By first member's month ("2024-03"), for first members dated to the day or the month. */
  private byMonth: Map<string, Group<T>[]> | undefined;
  /** By year, for first members dated to the year only. */
  private byYearOnly: Map<string, Group<T>[]> | undefined;
  /** By year, every group. */
  private byYear: Map<string, Group<T>[]> | undefined;

  add(report: Report<T>, first: DateKeys): void {
    const group: Group<T> = { members: [report], order: this.groups.length, first };
    this.groups.push(group);
    if (this.byMonth) this.file(group);
    else if (this.groups.length > SCAN_LIMIT) {
      this.byMonth = new Map();
      this.byYearOnly = new Map();
      this.byYear = new Map();
      for (const g of this.groups) this.file(g);
    }
  }

  private file(group: Group<T>): void {
    const { rank, year, month } = group.first;
    if (rank === 0) return;
    push(this.byYear as Map<string, Group<T>[]>, year, group);
    if (rank >= 2) push(this.byMonth as Map<string, Group<T>[]>, month, group);
    else push(this.byYearOnly as Map<string, Group<T>[]>, year, group);
  }

  /** In creation order, every group that may hold a report dated `date` (see mayHold), and maybe others. */
  near(date: DateKeys): readonly Group<T>[] {
    const { byMonth, byYearOnly, byYear } = this;
    if (!byMonth || !byYearOnly || !byYear) return this.groups;
    if (date.rank === 1) return byYear.get(date.year) ?? NO_GROUPS;
    const lists: Group<T>[][] = [];
    for (const list of [
      byMonth.get(date.month),
      date.rank === 3 ? byMonth.get(date.monthBefore) : undefined,
      date.rank === 3 ? byMonth.get(date.monthAfter) : undefined,
      byYearOnly.get(date.year),
    ]) {
      if (list) lists.push(list);
    }
    if (lists.length === 0) return NO_GROUPS;
    if (lists.length === 1) return lists[0] as Group<T>[];
    return lists.flat().sort((a, b) => a.order - b.order);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Rule 1 and the bucket's pairwise rule against every member. */
function fitsEvery<T>(group: Group<T>, report: Report<T>, fits: (a: T, b: T) => boolean): boolean {
  const articleId = report.article.articleId;
  for (const m of group.members) if (m.article.articleId === articleId || !fits(m.record, report.record)) return false;
  return true;
}

/** `reports` is sorted in place: callers hand over an array of their own. */
function place<T extends { readonly id: string }>(index: GroupIndex<T>, reports: Report<T>[], fits: (a: T, b: T) => boolean, choose: Chooser<T>): void {
  sortInPlace(reports, placementOrder);
  for (const report of reports) {
    const date = dateKeys(report.date);
    let candidates: Group<T>[] | undefined;
    if (date.rank > 0) {
      for (const g of index.near(date)) if (mayHold(g.first, date) && fitsEvery(g, report, fits)) (candidates ??= []).push(g);
    }
    const chosen = candidates === undefined ? undefined : choose(candidates, report);
    if (chosen) chosen.members.push(report);
    else index.add(report, date);
  }
}

/** Days from the group's farthest day-dated member to `date`. */
function farthest<T>(group: Group<T>, date: string | undefined): number {
  let max = 0;
  for (const m of group.members) max = Math.max(max, Math.abs(daysBetween(m.date, date) ?? 0));
  return max;
}

/** One candidate: it. Several: the nearest for a day-dated report; none (a row of its own) for a coarser one. */
function nearestOrAlone<T>(candidates: readonly Group<T>[], report: Report<T>): Group<T> | undefined {
  if (candidates.length === 1) return candidates[0];
  if (datePrecisionRank(report.date) < 3) return undefined;
  let best: Group<T> | undefined;
  let bestDistance = 0;
  for (const g of candidates) {
    const distance = farthest(g, report.date);
    if (!best || distance < bestDistance) {
      best = g;
      bestDistance = distance;
    }
  }
  return best;
}

/** Buckets in the order their keys first appear. */
function bucketsBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const map = new Map<string, T[]>();
  const buckets: T[][] = [];
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else {
      const created = [item];
      map.set(k, created);
      buckets.push(created);
    }
  }
  return buckets;
}

// ---- fused rows ----

/** Case- and accent-folded, spaces collapsed; memoised, as the same names recur in row after row. */
const fold = boundedMemo((s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim());

function unionFolded<R>(records: readonly R[], namesOf: (record: R) => readonly string[]): string[] {
  // One report whose names fold apart (the common case): they are the union, copied at length.
  if (records.length === 1) {
    const names = namesOf(records[0] as R);
    if (names.length < 2 || (names.length <= SMALL && foldApart(names))) return names.slice();
  }
  const out: string[] = [];
  const folded: string[] = [];
  let seen: Set<string> | undefined;
  for (const record of records) {
    for (const name of namesOf(record)) {
      const key = fold(name);
      if (seen === undefined && folded.length >= SMALL) seen = new Set(folded);
      if (seen ? seen.has(key) : folded.includes(key)) continue;
      if (seen) seen.add(key);
      else folded.push(key);
      out.push(name);
    }
  }
  // A copy at length: the row keeps it, and push left room for more.
  return out.length <= SMALL ? out.slice() : out;
}

/** No two of `names` fold alike. */
function foldApart(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) {
    const key = fold(names[i] as string);
    for (let j = 0; j < i; j++) if (fold(names[j] as string) === key) return false;
  }
  return true;
}

const peopleOf = (r: EventRecord): readonly string[] => r.people;
const signatoriesOf = (r: AgreementRecord): readonly string[] => r.signatories;

/** Whether keys are strings, sorted and distinct already (one article's usually are). */
function strictlyAscending(keys: readonly string[]): boolean {
  for (let i = 0; i < keys.length; i++) {
    if (typeof keys[i] !== 'string' || (i > 0 && !((keys[i - 1] as string) < (keys[i] as string)))) return false;
  }
  return true;
}

/** Every source key once, in the order Array.prototype.sort gives strings. */
function sortedSourceKeys<T>(members: readonly Report<T>[]): string[] {
  if (members.length === 1) {
    const keys = (members[0] as Report<T>).article.sourceKeys;
    if (strictlyAscending(keys)) return keys.slice();
  }
  // A handful of keys: inserting in place beats a Set and a sort.
  const out: string[] = [];
  for (const m of members) {
    for (const key of m.article.sourceKeys) {
      if (typeof key !== 'string' || out.length >= SMALL) return [...new Set(members.flatMap((x) => x.article.sourceKeys))].sort();
      let i = out.length;
      while (i > 0 && key < (out[i - 1] as string)) i--;
      if (i > 0 && out[i - 1] === key) continue;
      if (i === out.length) out.push(key);
      else out.splice(i, 0, key);
    }
  }
  return out;
}

// Arrays below are built at their final length (map, literals) where they can be: an array
// grown by push reserves room for 16 more items, and fusion makes several per row.

function sourceRefsOf<T extends EventRecord | AgreementRecord>(members: readonly Report<T>[]): SourceRef[] {
  return members.map(({ article, record }) => ({
    articleId: article.articleId,
    reportId: record.id,
    sourceKeys: article.sourceKeys,
    url: article.url,
    published: article.published,
    language: article.language,
    evidence: record.evidence,
  }));
}

const articleIdsOf = <T>(members: readonly Report<T>[]): string[] => members.map((m) => m.article.articleId);

function distinctCount(values: readonly string[]): number {
  if (values.length > SMALL) return new Set(values).size;
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values.indexOf(values[i] as string) === i) count++;
  return count;
}

function sourceUrlsOf<T>(members: readonly Report<T>[]): string[] {
  if (members.length === 1) {
    const url = (members[0] as Report<T>).article.url;
    return url === undefined || url === '' ? [] : [url];
  }
  const urls: string[] = [];
  const seen = members.length > SMALL ? new Set<string>() : undefined;
  for (const m of members) {
    const url = m.article.url;
    if (url === undefined || url === '' || (seen ? seen.has(url) : urls.includes(url))) continue;
    seen?.add(url);
    urls.push(url);
  }
  return urls;
}

/** The most frequent value, ties to the first seen (values in source order). */
function majority(values: readonly (string | undefined)[]): string | undefined {
  if (values.length > SMALL) {
    const counts = new Map<string, number>();
    for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    let best: string | undefined;
    for (const [v, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = v;
    return best;
  }
  let best: string | undefined;
  let bestCount = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined || values.indexOf(v) !== i) continue;
    let n = 1;
    for (let j = i + 1; j < values.length; j++) if (values[j] === v) n++;
    if (best === undefined || n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/** A name for a country, from any source, in whichever role that source gave it. */
function nameFor(records: readonly EventRecord[], country: string | undefined): string | undefined {
  if (country === undefined) return undefined;
  for (const r of records) {
    if (r.actor1Country === country && r.actor1Name) return r.actor1Name;
    if (r.actor2Country === country && r.actor2Name) return r.actor2Name;
  }
  return undefined;
}

// The rows below are object literals spelled out in full rather than spreads of a record:
// V8 builds a spread into a literal several times slower, and fusion makes one per event.

function fuseEvent(members: readonly Report<EventRecord>[]): UnparentedEvent {
  const e = (members[0] as Report<EventRecord>).record;
  const records = members.map((m) => m.record);
  const location = withGeonamesId(mostPrecisePlace(records.map((r) => r.location)));
  const actor1Country = e.actor1Country ?? records.find((r) => r.actor1Country !== undefined)?.actor1Country;
  const actor2Country = e.actor2Country ?? records.find((r) => r.actor2Country !== undefined && r.actor2Country !== actor1Country)?.actor2Country;
  const participants = e.participants;
  const cameo = cameoCode(e.type, participants, location?.country);
  const sources = sourceRefsOf(members);
  const articleIds = articleIdsOf(members);
  return {
    id: e.id,
    type: e.type,
    cameoCode: cameo,
    date: mostPreciseDate(records.map((r) => r.date)),
    participants,
    actor1Name: nameFor(records, actor1Country),
    actor1Country,
    actor2Name: nameFor(records, actor2Country),
    actor2Country,
    people: unionFolded(records, peopleOf),
    location,
    evidence: e.evidence,
    certainty: certaintyOf(e),
    crosswalk: eventCrosswalk({ cameoCode: cameo, participants, actor1Country, actor2Country, location }),
    sources,
    sourceCount: distinctCount(articleIds),
    sourceKeys: sortedSourceKeys(members),
    sourceUrls: sourceUrlsOf(members),
    articleIds,
    language: sources[0]?.language ?? 'und',
  };
}

const STATUS_ORDER: readonly AgreementRecord['status'][] = ['announced', 'signed', 'ratified', 'in_force'];

/** An agreement fused but for its signing event, and its reports' signing events (report ids, in their order): see signingEventOf. */
export interface AgreementAwaitingSigning {
  readonly agreement: FusedAgreement;
  readonly signingReports: readonly (string | undefined)[];
}

function fuseAgreement(members: readonly Report<AgreementRecord>[]): AgreementAwaitingSigning {
  const a = (members[0] as Report<AgreementRecord>).record;
  const records = members.map((m) => m.record);
  let status = a.status;
  for (const r of records) if (STATUS_ORDER.indexOf(r.status) > STATUS_ORDER.indexOf(status)) status = r.status;
  const place = withGeonamesId(mostPrecisePlace(records.map((r) => r.place)));
  const parties = a.parties;
  const sources = sourceRefsOf(members);
  const articleIds = articleIdsOf(members);
  const agreement: FusedAgreement = {
    id: a.id,
    title: a.title,
    topic: a.topic,
    parties,
    signatories: unionFolded(records, signatoriesOf),
    dateSigned: mostPreciseDate(records.map((r) => r.dateSigned)),
    place,
    status,
    // Settled once every event is fused (signingEventOf).
    signingEventId: undefined,
    evidence: a.evidence,
    crosswalk: agreementCrosswalk({ parties, place }),
    sources,
    sourceCount: distinctCount(articleIds),
    sourceKeys: sortedSourceKeys(members),
    sourceUrls: sourceUrlsOf(members),
    articleIds,
    language: sources[0]?.language ?? 'und',
  };
  return { agreement, signingReports: records.map((r) => r.signingEventId) };
}

/** Members in source order: the primary source first. Sorted in place: a group's members are its own. */
function inSourceOrder<T extends { readonly id: string }>(members: Report<T>[], before?: (a: T, b: T) => number): Report<T>[] {
  if (members.length < 2) return members;
  return sortInPlace(members, (x, y) => (before?.(x.record, y.record) ?? 0) || compareArticles(x.article, y.article) || cmp(x.record.id, y.record.id));
}

const specificFirst = (a: AgreementRecord, b: AgreementRecord): number => Number(a.topic === 'unspecified') - Number(b.topic === 'unspecified');

const sameTopicAndSigning = (a: AgreementRecord, b: AgreementRecord): boolean => a.topic === b.topic && sameSigning(a, b);

/** Among the groups it fits, those holding its title first. */
function sameTitleFirst(candidates: readonly Group<AgreementRecord>[], report: Report<AgreementRecord>): Group<AgreementRecord> | undefined {
  const title = fold(report.record.title);
  const sameTitle = candidates.filter((g) => g.members.some((m) => fold(m.record.title) === title));
  return nearestOrAlone(sameTitle.length > 0 ? sameTitle : candidates, report);
}

/** A counted agreement: a group of its occasion, one with a topic first. */
function byCount(candidates: readonly Group<AgreementRecord>[]): Group<AgreementRecord> | undefined {
  // Every group it fits must be one occasion; else it is ambiguous and stays alone.
  if (!oneOccasion(candidates.map((g) => (g.members[0] as Report<AgreementRecord>).record))) return undefined;
  return candidates.find((g) => g.members.some((m) => m.record.topic !== 'unspecified')) ?? candidates[0];
}

/**
 * Every two of `records` (each with itself too) have a compatible signing: sameSigning for
 * every pair. As that is a compatible date and a compatible place, dates and places are
 * checked apart, each over its distinct values: a counted agreement may fit hundreds of
 * groups, of a handful of dates and places.
 */
function oneOccasion(records: readonly AgreementRecord[]): boolean {
  const dates: (string | undefined)[] = [];
  const places: (Place | undefined)[] = [];
  for (const r of records) {
    if (!dates.includes(r.dateSigned)) dates.push(r.dateSigned);
    if (!places.some((p) => samePlaceFields(p, r.place))) places.push(r.place);
  }
  for (const x of dates) for (const y of dates) if (!datesCompatible(x, y, AGREEMENT_DAY_WINDOW)) return false;
  for (const x of places) for (const y of places) if (!placesCompatible(x, y)) return false;
  return true;
}

/** Places placesCompatible cannot tell apart: both missing, or the same country and city. */
const samePlaceFields = (a: Place | undefined, b: Place | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.country === b.country && a.city === b.city);

// ---- entry points ----

/** A fused event before its parent visit is known (that needs every event fused). */
export type UnparentedEvent = Omit<FusedEvent, 'parentEventId'>;

/**
 * Events of any set of reports that holds, for each event key (rules 2–4), either all of
 * that key's reports or none: fusion never compares reports of different keys, so such sets
 * (shards) can be fused one at a time. Unsorted.
 */
export function fuseEventReports(reports: readonly Report<EventRecord>[]): UnparentedEvent[] {
  const fused: UnparentedEvent[] = [];
  for (const bucket of bucketsBy(reports, (r) => eventKey(r.record))) {
    // Most event keys are reported once: a group of its own, nothing to compare.
    if (bucket.length === 1) {
      fused.push(fuseEvent(bucket));
      continue;
    }
    const index = new GroupIndex<EventRecord>();
    place(index, bucket, sameTimeAndPlace, nearestOrAlone);
    for (const g of index.groups) fused.push(fuseEvent(inSourceOrder(g.members)));
  }
  return fused;
}

/**
 * The parent visit of a fused event: the one most of its sources name (each source's parent
 * report, as subEventParents read it in that article, mapped to its fused id by `fusedIdOf`),
 * then the primary's; never itself.
 */
export function parentOf(event: Pick<UnparentedEvent, 'id'>, parentReports: readonly (string | undefined)[], fusedIdOf: (reportId: string) => string | undefined): string | undefined {
  return majority(
    parentReports.map((parent) => {
      const fused = parent === undefined ? undefined : fusedIdOf(parent);
      return fused === event.id ? undefined : fused;
    }),
  );
}

/**
 * An agreement's signing event: of its reports' signing events (report ids, in the order
 * of its reports), the fused event most point at. Apart from fusing, so that a publication
 * can fuse agreements before every event is fused and settle this after (write-datasets.ts).
 */
export function signingEventOf(signingReports: readonly (string | undefined)[], fusedEventIdOf: (reportId: string) => string | undefined): string | undefined {
  return majority(signingReports.map((report) => (report === undefined ? undefined : fusedEventIdOf(report))));
}

/** The key agreements are bucketed by: only reports with equal parties are ever compared. */
export const agreementKey = (a: AgreementRecord): string => a.parties.join(';');

/**
 * Agreements of any set of reports that holds all or none of each party set's reports (see
 * fuseEventReports); `fusedEventIdOf` maps a signing event's report id to its fused id.
 */
export function fuseAgreementReports(reports: readonly Report<AgreementRecord>[], fusedEventIdOf: (reportId: string) => string | undefined): FusedAgreement[] {
  return fuseAgreementReportsAwaitingSigning(reports).map(({ agreement, signingReports }) => {
    const signingEventId = signingEventOf(signingReports, fusedEventIdOf);
    return signingEventId === undefined ? agreement : { ...agreement, signingEventId };
  });
}

/** fuseAgreementReports but for the signing events, settled later (signingEventOf): grouping never looks at them. */
export function fuseAgreementReportsAwaitingSigning(reports: readonly Report<AgreementRecord>[]): AgreementAwaitingSigning[] {
  const fused: AgreementAwaitingSigning[] = [];
  for (const bucket of bucketsBy(reports, (r) => agreementKey(r.record))) {
    if (bucket.length === 1) {
      fused.push(fuseAgreement(bucket));
      continue;
    }
    const index = new GroupIndex<AgreementRecord>();
    const specific: Report<AgreementRecord>[] = [];
    const counted: Report<AgreementRecord>[] = [];
    for (const r of bucket) (r.record.topic === 'unspecified' ? counted : specific).push(r);
    place(index, specific, sameTopicAndSigning, sameTitleFirst);
    place(index, counted, sameSigning, byCount);
    for (const g of index.groups) fused.push(fuseAgreement(inSourceOrder(g.members, specificFirst)));
  }
  return fused;
}

/** `{ ...event, parentEventId }` spelled out (see fuseEvent); every field of UnparentedEvent, in its order. */
function withParent(f: UnparentedEvent, parentEventId: string): FusedEvent {
  return {
    id: f.id,
    type: f.type,
    cameoCode: f.cameoCode,
    date: f.date,
    participants: f.participants,
    actor1Name: f.actor1Name,
    actor1Country: f.actor1Country,
    actor2Name: f.actor2Name,
    actor2Country: f.actor2Country,
    people: f.people,
    location: f.location,
    evidence: f.evidence,
    certainty: f.certainty,
    crosswalk: f.crosswalk,
    sources: f.sources,
    sourceCount: f.sourceCount,
    sourceKeys: f.sourceKeys,
    sourceUrls: f.sourceUrls,
    articleIds: f.articleIds,
    language: f.language,
    parentEventId,
  };
}

/** Every article at once, in memory: the reference the streaming publication (src/datasets/publication.ts) must agree with. */
export function fuseRecords(input: Iterable<ArticleRecords>): FusedRecords {
  const articles = mergeArticleRecords(input);

  const fusedEvents = fuseEventReports(articles.flatMap((article) => article.events.map((record) => eventReport(record, article))));
  const eventIdOf = new Map<string, string>();
  for (const f of fusedEvents) for (const s of f.sources) eventIdOf.set(s.reportId, f.id);

  // Sub-events: read per article, carried to the fused rows.
  const parentOfReport = new Map<string, string>();
  for (const article of articles) for (const [child, parent] of subEventParents(article.events)) parentOfReport.set(child, parent);
  const events: FusedEvent[] = fusedEvents.map((f) => {
    const parentEventId = parentOf(f, f.sources.map((s) => parentOfReport.get(s.reportId)), (id) => eventIdOf.get(id));
    return parentEventId === undefined ? f : withParent(f, parentEventId);
  });

  const agreements = fuseAgreementReports(
    articles.flatMap((article) => article.agreements.map((record) => agreementReport(record, article))),
    (id) => eventIdOf.get(id),
  );
  const agreementIdOf = new Map<string, string>();
  for (const f of agreements) for (const s of f.sources) agreementIdOf.set(s.reportId, f.id);

  const byId = <T extends { readonly id: string }>(x: T, y: T): number => cmp(x.id, y.id);
  return { events: events.sort(byId), agreements: agreements.sort(byId), eventIdOf, agreementIdOf };
}
