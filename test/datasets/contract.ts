/** The columns of dataset contract v1 (shared/DATASET-CONTRACT.md), in order: they keep their names, and come first. */
export const CONTRACT = {
  events: ['event_id', 'event_type', 'cameo_code', 'date', 'participants', 'actor1_name', 'actor1_country', 'actor2_name', 'actor2_country', 'people', 'location_city', 'location_country', 'latitude', 'longitude', 'evidence', 'language', 'source_keys'],
  agreements: ['agreement_id', 'title', 'topic', 'parties', 'signatories', 'date_signed', 'place_city', 'place_country', 'status', 'signing_event_id', 'evidence', 'language', 'source_keys'],
  articles: ['article_id', 'source_key', 'title', 'published', 'language', 'url', 'sha256', 'event_count', 'agreement_count'],
  // The contract names rejected.csv without its columns: these are the ones of schema 1.0.
  rejected: ['source_key', 'reason', 'message', 'line', 'column'],
  // Not in contract v1: added by schema 1.2 (see version.ts).
  mentions: [],
} as const;
