/**
 * mentions.csv: one row per (event or agreement, article) — the link from every published
 * row back to the words it was read from. A fused event reported by three articles has three
 * mentions, each with that article's sentences (offsets into the article's normalised text,
 * and the text itself, since articles.csv does not publish the text).
 *
 * `mention_id` is the id the event or agreement had when read from that article alone (its
 * record id before fusion). Fusion never puts two reports of one article in one row, so it
 * is unique, and the primary source's mention_id equals the row's own id. `event_id` and
 * `agreement_id` are foreign keys into events.csv and agreements.csv; exactly one is set.
 */
import type { Evidence } from '../extract/types.js';
import type { FusedRecords, SourceRef } from '../records/fusion.js';

export interface MentionRow {
  readonly mention_id: string;
  readonly record_type: 'event' | 'agreement';
  readonly event_id: string;
  readonly agreement_id: string;
  readonly article_id: string;
  readonly sentence_offsets: string;
  readonly evidence: string;
  /** The cells as a table row (every value a string), for the CSV writer. */
  readonly [column: string]: string;
}

/** The columns, in order. The lead's schema.ts is the one published list; this one is what the rows carry. */
export const MENTION_COLUMNS = ['mention_id', 'record_type', 'event_id', 'agreement_id', 'article_id', 'sentence_offsets', 'evidence'] as const;

const offsets = (evidence: readonly Evidence[]): string => evidence.map((e) => `${e.start}-${e.end}`).join(';');
const texts = (evidence: readonly Evidence[]): string => evidence.map((e) => e.text).join(' … ');

function mention(recordType: 'event' | 'agreement', recordId: string, source: SourceRef): MentionRow {
  return {
    mention_id: source.reportId,
    record_type: recordType,
    event_id: recordType === 'event' ? recordId : '',
    agreement_id: recordType === 'agreement' ? recordId : '',
    article_id: source.articleId,
    sentence_offsets: offsets(source.evidence),
    evidence: texts(source.evidence),
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** By row id, then article id. */
export const mentionOrder = (x: MentionRow, y: MentionRow): number =>
  cmp(x.event_id || x.agreement_id, y.event_id || y.agreement_id) || cmp(x.article_id, y.article_id);

const byArticle = (x: MentionRow, y: MentionRow): number => cmp(x.article_id, y.article_id);

/** The mentions of some events: in the events' order, each event's by article id. */
export function eventMentions(events: readonly Pick<FusedRecords['events'][number], 'id' | 'sources'>[]): MentionRow[] {
  return events.flatMap((e) => e.sources.map((s) => mention('event', e.id, s)).sort(byArticle));
}

/** The mentions of some agreements: in the agreements' order, each agreement's by article id. */
export function agreementMentions(agreements: readonly Pick<FusedRecords['agreements'][number], 'id' | 'sources'>[]): MentionRow[] {
  return agreements.flatMap((a) => a.sources.map((s) => mention('agreement', a.id, s)).sort(byArticle));
}

/** Every mention, events first, then agreements; each in mentionOrder. */
export function mentionRows(fused: Pick<FusedRecords, 'events' | 'agreements'>): MentionRow[] {
  return [...eventMentions(fused.events).sort(mentionOrder), ...agreementMentions(fused.agreements).sort(mentionOrder)];
}
