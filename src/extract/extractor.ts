import type { Article } from '../article/article.js';
import { buildAgreements } from './agreements.js';
import { analyseArticle } from './article-analysis.js';
import { compileLocale } from './compiled-locale.js';
import { buildEvents } from './events.js';
import { localeFor } from './locales/index.js';
import { mergeEvents } from './merge-events.js';
import type { Extraction, ExtractedEvent } from './types.js';

/**
 * Reads events and agreements from one article. Deterministic and offline: the same text
 * and publication date always give the same result. Returns undefined for a language the
 * extractor does not read (the article is still listed, with no rows).
 *
 * Steps: sentences → tokens → places, people, triggers, dates (per sentence) → events read
 * forward with the narrative context → merged per article → agreements of each signing.
 */
export function extractArticle(article: Pick<Article, 'text' | 'language' | 'published'>): Extraction | undefined {
  const locale = localeFor(article.language);
  if (!locale) return undefined;
  const compiled = compileLocale(locale);
  const analysis = analyseArticle(article.text, article.published, compiled);
  const drafts = buildEvents(analysis, compiled);
  const merged = mergeEvents(drafts);
  const agreements = buildAgreements(analysis, drafts, merged, compiled);
  const events: ExtractedEvent[] = merged.events.map((e) => ({
    localId: e.localId,
    type: e.type,
    date: e.date,
    participants: e.participants,
    actor1: e.actor1,
    actor2: e.actor2,
    people: e.type === 'signing' ? [...new Set([...(e.signatories ?? []), ...e.people])] : e.people,
    location: e.location,
    evidence: [...e.evidence].sort((a, b) => a.start - b.start),
  }));
  return { events, agreements };
}
