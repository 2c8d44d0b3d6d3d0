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
import type { Evidence, EventType } from '../extract/types.js';
import { cameoCode } from './cameo.js';
import { datePrecisionRank, datesCompatible, daysBetween, mostPreciseDate, mostPrecisePlace, placesCompatible } from './compatible.js';
import type { AgreementCrosswalk, EventCrosswalk } from './crosswalks.js';
import { agreementCrosswalk, eventCrosswalk, withGeonamesId } from './crosswalks.js';
import type { AgreementRecord, ArticleRecords, EventRecord } from './records.js';
import { mergeArticleRecords } from './records.js';
import { VISIT_STAY_DAYS, subEventParents } from './sub-events.js';

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

type Chooser<T> = (candidates: readonly Group<T>[], report: Report<T>) => Group<T> | undefined;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Groups of one bucket, indexed by their first member's date, so a report is compared only
 * with groups it could fit: every member must be compatible, the first one included.
 */
class GroupIndex<T> {
  readonly groups: Group<T>[] = [];
  private readonly order = new Map<Group<T>, number>();
  /** By first member's month ("2024-03"), for first members dated to the day or the month. */
  private readonly byMonth = new Map<string, Group<T>[]>();
  /** By year, for first members dated to the year only. */
  private readonly byYearOnly = new Map<string, Group<T>[]>();
  /** By year, every group. */
  private readonly byYear = new Map<string, Group<T>[]>();

  add(group: Group<T>): void {
    this.order.set(group, this.groups.length);
    this.groups.push(group);
    const date = group.members[0]?.date;
    const rank = datePrecisionRank(date);
    if (date === undefined || rank === 0) return;
    const year = date.slice(0, 4);
    push(this.byYear, year, group);
    if (rank >= 2) push(this.byMonth, date.slice(0, 7), group);
    else push(this.byYearOnly, year, group);
  }

  /** Groups whose first member's date could be compatible with `date`, in creation order. */
  near(date: string | undefined): Group<T>[] {
    const rank = datePrecisionRank(date);
    if (date === undefined || rank === 0) return [];
    const year = date.slice(0, 4);
    let found: Group<T>[];
    if (rank === 1) found = this.byYear.get(year) ?? [];
    else {
      const months = [date.slice(0, 7)];
      if (rank === 3) {
        // A day window of a few days may reach into the month before or after.
        const y = Number(year);
        const m = Number(date.slice(5, 7));
        for (const n of [-1, 1]) {
          const other = addMonths(y, m, n);
          months.push(`${other.year}-${pad2(other.month ?? 1)}`);
        }
      }
      found = [...months.flatMap((m) => this.byMonth.get(m) ?? []), ...(this.byYearOnly.get(year) ?? [])];
    }
    return found.sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function place<T extends { readonly id: string }>(index: GroupIndex<T>, reports: readonly Report<T>[], fits: (a: T, b: T) => boolean, choose: Chooser<T>): void {
  for (const report of [...reports].sort(placementOrder)) {
    const candidates = index.near(report.date).filter((g) => g.members.every((m) => m.article.articleId !== report.article.articleId && fits(m.record, report.record)));
    const chosen = candidates.length === 0 ? undefined : choose(candidates, report);
    if (chosen) chosen.members.push(report);
    else index.add({ members: [report] });
  }
}

/** One candidate: it. Several: the nearest for a day-dated report; none (a row of its own) for a coarser one. */
function nearestOrAlone<T>(candidates: readonly Group<T>[], report: Report<T>): Group<T> | undefined {
  if (candidates.length === 1) return candidates[0];
  if (datePrecisionRank(report.date) < 3) return undefined;
  const distance = (g: Group<T>): number => Math.max(0, ...g.members.map((m) => Math.abs(daysBetween(m.date, report.date) ?? 0)));
  let best: Group<T> | undefined;
  for (const g of candidates) if (!best || distance(g) < distance(best)) best = g;
  return best;
}

const bucketsBy = <T>(items: readonly T[], key: (item: T) => string): T[][] => {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return [...map.values()];
};

// ---- fused rows ----

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

function unionFolded(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const name of list) {
      const key = fold(name);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

function sourcesOf<T extends EventRecord | AgreementRecord>(members: readonly Report<T>[]): Sourced {
  const sources: SourceRef[] = members.map((m) => ({
    articleId: m.article.articleId,
    reportId: m.record.id,
    sourceKeys: m.article.sourceKeys,
    url: m.article.url,
    published: m.article.published,
    language: m.article.language,
    evidence: m.record.evidence,
  }));
  return {
    sources,
    sourceCount: new Set(sources.map((s) => s.articleId)).size,
    sourceKeys: [...new Set(sources.flatMap((s) => s.sourceKeys))].sort(),
    sourceUrls: [...new Set(sources.map((s) => s.url).filter((u): u is string => u !== undefined && u !== ''))],
    articleIds: sources.map((s) => s.articleId),
    language: sources[0]?.language ?? 'und',
  };
}

/** The most frequent value, ties to the first seen (values in source order). */
function majority(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

function fuseEvent(members: readonly Report<EventRecord>[]): UnparentedEvent {
  const primary = members[0] as Report<EventRecord>;
  const records = members.map((m) => m.record);
  const e = primary.record;
  const location = withGeonamesId(mostPrecisePlace(records.map((r) => r.location)));
  const actor1Country = e.actor1Country ?? records.find((r) => r.actor1Country !== undefined)?.actor1Country;
  const actor2Country = e.actor2Country ?? records.find((r) => r.actor2Country !== undefined && r.actor2Country !== actor1Country)?.actor2Country;
  // A name for a country, from any source, in whichever role that source gave it.
  const nameFor = (country: string | undefined): string | undefined => {
    if (country === undefined) return undefined;
    for (const r of records) {
      if (r.actor1Country === country && r.actor1Name) return r.actor1Name;
      if (r.actor2Country === country && r.actor2Name) return r.actor2Name;
    }
    return undefined;
  };
  const fused: EventRecord = {
    id: e.id,
    type: e.type,
    cameoCode: cameoCode(e.type, e.participants, location?.country),
    date: mostPreciseDate(records.map((r) => r.date)),
    participants: e.participants,
    actor1Name: nameFor(actor1Country),
    actor1Country,
    actor2Name: nameFor(actor2Country),
    actor2Country,
    people: unionFolded(records.map((r) => r.people)),
    location,
    evidence: e.evidence,
  };
  return { ...fused, certainty: certaintyOf(e), crosswalk: eventCrosswalk(fused), ...sourcesOf(members) };
}

const STATUS_ORDER: readonly AgreementRecord['status'][] = ['announced', 'signed', 'ratified', 'in_force'];

function fuseAgreement(members: readonly Report<AgreementRecord>[], fusedEventIdOf: (reportId: string) => string | undefined): FusedAgreement {
  const primary = members[0] as Report<AgreementRecord>;
  const records = members.map((m) => m.record);
  const a = primary.record;
  const status = records.reduce((best, r) => (STATUS_ORDER.indexOf(r.status) > STATUS_ORDER.indexOf(best) ? r.status : best), a.status);
  const signingEventId = majority(records.map((r) => (r.signingEventId === undefined ? undefined : fusedEventIdOf(r.signingEventId))));
  const place = withGeonamesId(mostPrecisePlace(records.map((r) => r.place)));
  const fused: AgreementRecord = {
    id: a.id,
    title: a.title,
    topic: a.topic,
    parties: a.parties,
    signatories: unionFolded(records.map((r) => r.signatories)),
    dateSigned: mostPreciseDate(records.map((r) => r.dateSigned)),
    place,
    status,
    signingEventId,
    evidence: a.evidence,
  };
  return { ...fused, crosswalk: agreementCrosswalk(fused), ...sourcesOf(members) };
}

/** Members in source order: the primary source first. */
function inSourceOrder<T extends { readonly id: string }>(members: readonly Report<T>[], before?: (a: T, b: T) => number): Report<T>[] {
  return [...members].sort((x, y) => (before?.(x.record, y.record) ?? 0) || compareArticles(x.article, y.article) || cmp(x.record.id, y.record.id));
}

const specificFirst = (a: AgreementRecord, b: AgreementRecord): number => Number(a.topic === 'unspecified') - Number(b.topic === 'unspecified');

// ---- entry points ----

/** A fused event before its parent visit is known (that needs every event fused). */
export type UnparentedEvent = Omit<FusedEvent, 'parentEventId'>;

/**
 * Events of any set of reports that holds, for each event key (rules 2–4), either all of
 * that key's reports or none: fusion never compares reports of different keys, so such sets
 * (shards) can be fused one at a time. Unsorted.
 */
export function fuseEventReports(reports: readonly Report<EventRecord>[]): UnparentedEvent[] {
  const groups: Group<EventRecord>[] = [];
  for (const bucket of bucketsBy(reports, (r) => eventKey(r.record))) {
    const index = new GroupIndex<EventRecord>();
    place(index, bucket, sameTimeAndPlace, nearestOrAlone);
    groups.push(...index.groups);
  }
  return groups.map((g) => fuseEvent(inSourceOrder(g.members)));
}

/**
 * The parent visit of a fused event: the one most of its sources name (each source's parent
 * report, as subEventParents read it in that article, mapped to its fused id by `fusedIdOf`),
 * then the primary's; never itself.
 */
export function parentOf(event: UnparentedEvent, parentReports: readonly (string | undefined)[], fusedIdOf: (reportId: string) => string | undefined): string | undefined {
  return majority(
    parentReports.map((parent) => {
      const fused = parent === undefined ? undefined : fusedIdOf(parent);
      return fused === event.id ? undefined : fused;
    }),
  );
}

/** The key agreements are bucketed by: only reports with equal parties are ever compared. */
export const agreementKey = (a: AgreementRecord): string => a.parties.join(';');

/**
 * Agreements of any set of reports that holds all or none of each party set's reports (see
 * fuseEventReports); `fusedEventIdOf` maps a signing event's report id to its fused id.
 */
export function fuseAgreementReports(reports: readonly Report<AgreementRecord>[], fusedEventIdOf: (reportId: string) => string | undefined): FusedAgreement[] {
  const groups: Group<AgreementRecord>[] = [];
  for (const bucket of bucketsBy(reports, (r) => agreementKey(r.record))) {
    const index = new GroupIndex<AgreementRecord>();
    const specific = bucket.filter((r) => r.record.topic !== 'unspecified');
    const counted = bucket.filter((r) => r.record.topic === 'unspecified');
    place(index, specific, (a, b) => a.topic === b.topic && sameSigning(a, b), (candidates, report) => {
      const title = fold(report.record.title);
      const sameTitle = candidates.filter((g) => g.members.some((m) => fold(m.record.title) === title));
      return nearestOrAlone(sameTitle.length > 0 ? sameTitle : candidates, report);
    });
    place(index, counted, sameSigning, (candidates) => {
      // Every group it fits must be one occasion; else it is ambiguous and stays alone.
      const firsts = candidates.map((g) => (g.members[0] as Report<AgreementRecord>).record);
      if (!firsts.every((x) => firsts.every((y) => sameSigning(x, y)))) return undefined;
      return candidates.find((g) => g.members.some((m) => m.record.topic !== 'unspecified')) ?? candidates[0];
    });
    groups.push(...index.groups);
  }
  return groups.map((g) => fuseAgreement(inSourceOrder(g.members, specificFirst), fusedEventIdOf));
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
    return parentEventId === undefined ? f : { ...f, parentEventId };
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
