import type { Article, ArticleFormat } from '../article/article.js';
import { formatPartialDate } from '../dates/partial-date.js';
import type { AgreementStatus, AgreementTopic, Evidence, EventType, Extraction, Place } from '../extract/types.js';
import { cameoCode } from './cameo.js';
import { stableId } from './ids.js';

/**
 * What one article contributes to the datasets, in a form that can be stored (JSON) and
 * merged later: the serverless path keeps one of these per article, keyed by its id.
 */
export interface EventRecord {
  readonly id: string;
  readonly type: EventType;
  readonly cameoCode: string;
  readonly date?: string;
  readonly participants: readonly string[];
  readonly actor1Name?: string;
  readonly actor1Country?: string;
  readonly actor2Name?: string;
  readonly actor2Country?: string;
  readonly people: readonly string[];
  readonly location?: Place;
  readonly evidence: readonly Evidence[];
}

export interface AgreementRecord {
  readonly id: string;
  readonly title: string;
  readonly topic: AgreementTopic;
  readonly parties: readonly string[];
  readonly signatories: readonly string[];
  readonly dateSigned?: string;
  readonly place?: Place;
  readonly status: AgreementStatus;
  readonly signingEventId?: string;
  readonly evidence: readonly Evidence[];
}

export interface ArticleRecords {
  readonly articleId: string;
  /** Every key the same content was read from, sorted. */
  readonly sourceKeys: readonly string[];
  readonly format: ArticleFormat;
  readonly title?: string;
  readonly published?: string;
  readonly language: string;
  readonly languageSource: 'metadata' | 'detected';
  readonly url?: string;
  readonly sha256: string;
  /** False when the language is not one the extractor reads: listed, no rows. */
  readonly extracted: boolean;
  readonly events: readonly EventRecord[];
  readonly agreements: readonly AgreementRecord[];
}

export function buildArticleRecords(article: Article, extraction: Extraction | undefined): ArticleRecords {
  const eventIds = new Map<string, string>();
  const seen = new Map<string, number>();
  // Two rows that would hash alike get an ordinal, so ids stay unique and still stable.
  const disambiguate = (base: string): number => {
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n;
  };

  const events = (extraction?.events ?? []).map((event): EventRecord => {
    const date = event.date ? formatPartialDate(event.date) : undefined;
    const base = [article.id, event.type, event.participants.join(';'), date ?? ''].join('|');
    const id = stableId('ev', [base, disambiguate(base)]);
    eventIds.set(event.localId, id);
    return {
      id,
      type: event.type,
      cameoCode: cameoCode(event.type, event.participants, event.location?.country),
      date,
      participants: event.participants,
      actor1Name: event.actor1?.name,
      actor1Country: event.actor1?.country,
      actor2Name: event.actor2?.name,
      actor2Country: event.actor2?.country,
      people: event.people,
      location: event.location,
      evidence: event.evidence,
    };
  });

  const agreements = (extraction?.agreements ?? []).map((agreement): AgreementRecord => {
    const dateSigned = agreement.date ? formatPartialDate(agreement.date) : undefined;
    const base = [article.id, agreement.topic, agreement.title, agreement.parties.join(';'), dateSigned ?? ''].join('|');
    return {
      id: stableId('ag', [base, disambiguate(base)]),
      title: agreement.title,
      topic: agreement.topic,
      parties: agreement.parties,
      signatories: agreement.signatories,
      dateSigned,
      place: agreement.place,
      status: agreement.status,
      signingEventId: agreement.signingEventLocalId === undefined ? undefined : eventIds.get(agreement.signingEventLocalId),
      evidence: agreement.evidence,
    };
  });

  return {
    articleId: article.id,
    sourceKeys: [article.sourceKey],
    format: article.format,
    title: article.title,
    published: article.published ? formatPartialDate(article.published) : undefined,
    language: article.language,
    languageSource: article.languageSource,
    url: article.url,
    sha256: article.sha256,
    extracted: extraction !== undefined,
    events,
    agreements,
  };
}

/**
 * The same content read under several keys is one article: its rows are kept once and
 * carry every key. The first record (in key order) wins for metadata.
 */
export function mergeArticleRecords(all: Iterable<ArticleRecords>): ArticleRecords[] {
  const byId = new Map<string, ArticleRecords>();
  for (const records of all) {
    const known = byId.get(records.articleId);
    if (!known) {
      byId.set(records.articleId, records);
      continue;
    }
    const sourceKeys = [...new Set([...known.sourceKeys, ...records.sourceKeys])].sort();
    byId.set(records.articleId, { ...known, sourceKeys });
  }
  return [...byId.values()].sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
}
