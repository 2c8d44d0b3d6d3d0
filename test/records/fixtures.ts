/** Real-looking article records for the fusion, sub-event and mention tests. */
import type { Place } from '../../src/extract/types.js';
import type { AgreementRecord, ArticleRecords, EventRecord } from '../../src/records/records.js';

export const ALGIERS: Place = { city: 'Algiers', country: 'DZA', latitude: 36.7323, longitude: 3.0875, geonamesId: 2507480 };
export const ORAN: Place = { city: 'Oran', country: 'DZA' };
export const PARIS: Place = { city: 'Paris', country: 'FRA', latitude: 48.8534, longitude: 2.3488, geonamesId: 2988507 };
export const BERLIN: Place = { city: 'Berlin', country: 'DEU', latitude: 52.5244, longitude: 13.4105, geonamesId: 2950159 };
export const GENEVA: Place = { city: 'Geneva', country: 'CHE' };
export const ALGERIA: Place = { country: 'DZA' };

let next = 0;
const evidence = (text: string) => {
  const start = (next++ % 10) * 100;
  return [{ start, end: start + text.length, text }];
};

export function event(id: string, fields: Partial<EventRecord> & Pick<EventRecord, 'type'>): EventRecord {
  return {
    id,
    cameoCode: { visit: '042', meeting: '040', call: '041', signing: '057', press_conference: '010' }[fields.type],
    participants: ['DZA', 'FRA'],
    people: [],
    evidence: evidence(`${fields.type} ${id}`),
    ...fields,
  };
}

/** Macron (FRA) visiting Tebboune (DZA). */
export function visit(id: string, date: string | undefined, fields: Partial<EventRecord> = {}): EventRecord {
  return event(id, {
    type: 'visit',
    date,
    actor1Name: 'Emmanuel Macron',
    actor1Country: 'FRA',
    actor2Country: 'DZA',
    people: ['Emmanuel Macron'],
    location: ALGIERS,
    ...fields,
  });
}

export function meeting(id: string, date: string | undefined, fields: Partial<EventRecord> = {}): EventRecord {
  return event(id, { type: 'meeting', date, actor1Country: 'FRA', actor2Country: 'DZA', location: ALGIERS, ...fields });
}

export function agreement(id: string, fields: Partial<AgreementRecord> = {}): AgreementRecord {
  return {
    id,
    title: 'energy cooperation agreement',
    topic: 'energy',
    parties: ['DZA', 'FRA'],
    signatories: [],
    dateSigned: '2024-03-12',
    place: ALGIERS,
    status: 'signed',
    evidence: evidence(`agreement ${id}`),
    ...fields,
  };
}

export function article(
  articleId: string,
  fields: { published?: string; url?: string; language?: string; events?: EventRecord[]; agreements?: AgreementRecord[] } = {},
): ArticleRecords {
  return {
    articleId,
    sourceKeys: [`news/${articleId}.json`],
    format: 'json',
    published: fields.published,
    language: fields.language ?? 'en',
    languageSource: 'metadata',
    url: fields.url ?? `https://news.example/${articleId}`,
    sha256: '0'.repeat(64),
    extracted: true,
    events: fields.events ?? [],
    agreements: fields.agreements ?? [],
  };
}
