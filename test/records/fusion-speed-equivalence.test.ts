import { describe, expect, it } from 'vitest';
import type { AgreementStatus, AgreementTopic, EventType, Place } from '../../src/extract/types.js';
import { datePrecisionRank, daysBetween } from '../../src/records/compatible.js';
import type { ArticleRef, Report } from '../../src/records/fusion.js';
import { agreementKey, agreementReport, articleRef, eventKey, eventReport, fuseAgreementReports, fuseEventReports, fuseRecords, sameAgreement, sameEvent, sameOccasion } from '../../src/records/fusion.js';
import type { AgreementRecord, ArticleRecords, EventRecord } from '../../src/records/records.js';
import { mulberry32 } from '../../scripts/generate-corpus.js';

/**
 * fusion.ts places reports with shortcuts (small buckets scanned whole, large ones indexed by
 * month; short arrays sorted by insertion; counted agreements checked over distinct dates and
 * places). Here the merge rule is applied the plain way, every report against every group,
 * and the groups (which reports, in which order, under which id) must be the same.
 */

/** A small deterministic generator, so a failing case can be replayed. */
const random = mulberry32;

const PAIRS = [['FRA', 'SEN'], ['DZA', 'FRA']] as const;
const TYPES: readonly EventType[] = ['visit', 'meeting', 'call'];
const TOPICS: readonly AgreementTopic[] = ['trade', 'energy', 'unspecified', 'unspecified'];
const STATUSES: readonly AgreementStatus[] = ['announced', 'signed', 'ratified'];
const PLACES: readonly (Place | undefined)[] = [{ city: 'Dakar', country: 'SEN' }, { city: 'Paris', country: 'FRA' }, { country: 'SEN' }, undefined];
const TITLES = ['accord commercial', 'Accord  Commercial', 'accord énergétique', 'accord energetique'];

/** Few pairs and types over three months, dated to the day, the month or the year: buckets of hundreds of reports, most fitting several groups. */
function corpus(seed: number, articles: number): ArticleRecords[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const dateOf = (): string | undefined => {
    const r = next();
    if (r < 0.05) return undefined;
    if (r < 0.12) return '2023';
    const month = pick(['2023-01', '2023-02', '2023-03']);
    if (r < 0.3) return month;
    return `${month}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  };
  return Array.from({ length: articles }, (_, n): ArticleRecords => {
    const pair = pick(PAIRS);
    const events = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, e): EventRecord => ({
      id: `ev-${n}-${e}`,
      type: pick(TYPES),
      cameoCode: '040',
      date: dateOf(),
      participants: [...pair],
      actor1Country: pair[0],
      actor2Country: pair[1],
      people: [],
      location: pick(PLACES),
      evidence: [{ start: 0, end: 1, text: 'x' }],
    }));
    const agreements = Array.from({ length: Math.floor(next() * 4) }, (_, g): AgreementRecord => ({
      id: `ag-${n}-${g}`,
      title: pick(TITLES),
      topic: pick(TOPICS),
      parties: [...pair],
      signatories: [],
      dateSigned: dateOf(),
      place: pick(PLACES),
      status: pick(STATUSES),
      evidence: [{ start: 0, end: 1, text: 'y' }],
    }));
    const published = next() < 0.1 ? undefined : `2023-03-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    return { articleId: `art-${n}`, sourceKeys: [`in/${n}.txt`], format: 'seed-text', published, language: 'en', languageSource: 'metadata', sha256: '0'.repeat(64), extracted: true, events, agreements };
  });
}

// ---- the rule, plainly ----

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareArticles(a: ArticleRef, b: ArticleRef): number {
  if (a.published !== b.published) {
    if (a.published === undefined) return 1;
    if (b.published === undefined) return -1;
    return cmp(a.published, b.published);
  }
  return cmp(a.articleId, b.articleId);
}

const placementOrder = <T extends { id: string }>(a: Report<T>, b: Report<T>): number =>
  datePrecisionRank(b.date) - datePrecisionRank(a.date) || cmp(a.date ?? '', b.date ?? '') || compareArticles(a.article, b.article) || cmp(a.record.id, b.record.id);

type Chooser<T> = (candidates: Report<T>[][], report: Report<T>) => Report<T>[] | undefined;

function place<T extends { id: string }>(groups: Report<T>[][], reports: readonly Report<T>[], fits: (a: T, b: T) => boolean, choose: Chooser<T>): void {
  for (const report of [...reports].sort(placementOrder)) {
    const candidates = groups.filter((g) => g.every((m) => m.article.articleId !== report.article.articleId && fits(m.record, report.record)));
    const chosen = candidates.length === 0 ? undefined : choose(candidates, report);
    if (chosen) chosen.push(report);
    else groups.push([report]);
  }
}

function nearestOrAlone<T>(candidates: Report<T>[][], report: Report<T>): Report<T>[] | undefined {
  if (candidates.length === 1) return candidates[0];
  if (datePrecisionRank(report.date) < 3) return undefined;
  const distance = (g: Report<T>[]): number => Math.max(0, ...g.map((m) => Math.abs(daysBetween(m.date, report.date) ?? 0)));
  let best: Report<T>[] | undefined;
  for (const g of candidates) if (!best || distance(g) < distance(best)) best = g;
  return best;
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

function buckets<T>(reports: readonly Report<T>[], key: (r: T) => string): Report<T>[][] {
  const map = new Map<string, Report<T>[]>();
  for (const r of reports) map.set(key(r.record), [...(map.get(key(r.record)) ?? []), r]);
  return [...map.values()];
}

const inSourceOrder = <T extends { id: string }>(g: Report<T>[], before: (a: T, b: T) => number = () => 0): string[] =>
  [...g].sort((x, y) => before(x.record, y.record) || compareArticles(x.article, y.article) || cmp(x.record.id, y.record.id)).map((m) => m.record.id);

function plainEventGroups(reports: readonly Report<EventRecord>[]): string[][] {
  return buckets(reports, eventKey).flatMap((bucket) => {
    const groups: Report<EventRecord>[][] = [];
    place(groups, bucket, sameEvent, nearestOrAlone);
    return groups.map((g) => inSourceOrder(g));
  });
}

function plainAgreementGroups(reports: readonly Report<AgreementRecord>[]): string[][] {
  return buckets(reports, agreementKey).flatMap((bucket) => {
    const groups: Report<AgreementRecord>[][] = [];
    place(groups, bucket.filter((r) => r.record.topic !== 'unspecified'), sameAgreement, (candidates, report) => {
      const sameTitle = candidates.filter((g) => g.some((m) => fold(m.record.title) === fold(report.record.title)));
      return nearestOrAlone(sameTitle.length > 0 ? sameTitle : candidates, report);
    });
    place(groups, bucket.filter((r) => r.record.topic === 'unspecified'), sameOccasion, (candidates) => {
      const firsts = candidates.map((g) => (g[0] as Report<AgreementRecord>).record);
      if (!firsts.every((x) => firsts.every((y) => sameOccasion(x, y)))) return undefined;
      return candidates.find((g) => g.some((m) => m.record.topic !== 'unspecified')) ?? candidates[0];
    });
    const specificFirst = (a: AgreementRecord, b: AgreementRecord): number => Number(a.topic === 'unspecified') - Number(b.topic === 'unspecified');
    return groups.map((g) => inSourceOrder(g, specificFirst));
  });
}

// ----

const reportsOf = (articles: readonly ArticleRecords[]) => ({
  events: articles.flatMap((a) => a.events.map((r) => eventReport(r, articleRef(a)))),
  agreements: articles.flatMap((a) => a.agreements.map((r) => agreementReport(r, articleRef(a)))),
});

const reportIds = (rows: readonly { sources: readonly { reportId: string }[] }[]): string[][] => rows.map((row) => row.sources.map((s) => s.reportId));

describe('fusion with its shortcuts groups reports as the plain rule does', () => {
  for (const [seed, size] of [[1, 40], [2, 400], [3, 1500]] as const) {
    it(`corpus ${seed} of ${size} articles`, () => {
      const { events, agreements } = reportsOf(corpus(seed, size));
      const fusedEvents = fuseEventReports(events);
      expect(reportIds(fusedEvents)).toEqual(plainEventGroups(events));
      expect(fusedEvents.map((e) => e.id)).toEqual(plainEventGroups(events).map((ids) => ids[0]));
      expect(reportIds(fuseAgreementReports(agreements, () => undefined))).toEqual(plainAgreementGroups(agreements));
    });
  }

  it('indexes a bucket that outgrows a scan, and counted agreements fit many groups', () => {
    const { events, agreements } = reportsOf(corpus(3, 1500));
    const groupsPerKey = new Map<string, number>();
    for (const e of fuseEventReports(events)) groupsPerKey.set(eventKey(e), (groupsPerKey.get(eventKey(e)) ?? 0) + 1);
    expect(Math.max(...groupsPerKey.values())).toBeGreaterThan(100);
    const counted = new Set(agreements.filter((r) => r.record.topic === 'unspecified').map((r) => r.record.id));
    const rows = fuseAgreementReports(agreements, () => undefined).filter((a) => a.sources.some((s) => counted.has(s.reportId)));
    // Counted agreements both joining a group and staying apart, ambiguous.
    expect(rows.filter((a) => a.sourceCount > 1).length).toBeGreaterThan(10);
    expect(rows.filter((a) => a.sourceCount === 1).length).toBeGreaterThan(10);
  });

  it('gives the same rows whatever the input order', () => {
    const articles = corpus(4, 600);
    const next = random(99);
    const shuffled = articles.map((a) => ({ a, k: next() })).sort((x, y) => x.k - y.k).map((x) => x.a);
    expect(JSON.stringify(fuseRecords(shuffled))).toBe(JSON.stringify(fuseRecords(articles)));
  });
});
