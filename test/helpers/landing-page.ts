import type { LandingEvent, LandingPageInput } from '../../src/datasets/landing-page.js';

/** Places with GeoNames coordinates, the first ones busier. */
export const SAMPLE_PLACES = [
  { city: 'Paris', country: 'FRA', latitude: 48.85341, longitude: 2.3488 },
  { city: 'Nairobi', country: 'KEN', latitude: -1.28333, longitude: 36.81667 },
  { city: 'Beijing', country: 'CHN', latitude: 39.9075, longitude: 116.39723 },
  { city: 'Washington', country: 'USA', latitude: 38.89511, longitude: -77.03637 },
  { city: 'Brasília', country: 'BRA', latitude: -15.77972, longitude: -47.92972 },
  { city: 'New Delhi', country: 'IND', latitude: 28.63576, longitude: 77.22445 },
  { city: 'Accra', country: 'GHA', latitude: 5.55602, longitude: -0.1969 },
  { city: 'Moscow', country: 'RUS', latitude: 55.75222, longitude: 37.61556 },
  { city: 'Canberra', country: 'AUS', latitude: -35.28346, longitude: 149.12807 },
  { city: 'Mexico City', country: 'MEX', latitude: 19.42847, longitude: -99.12766 },
  { city: 'Cairo', country: 'EGY', latitude: 30.06263, longitude: 31.24967 },
  { city: 'Tokyo', country: 'JPN', latitude: 35.6895, longitude: 139.69171 },
] as const;

/** 18 months (2024-01 … 2025-06), 12 places, plus events dated to a year only, undated, and placed without coordinates. */
export function sampleEvents(): LandingEvent[] {
  const events: LandingEvent[] = [];
  for (let i = 0; i < 90; i++) {
    // More events in later months; none in April 2024.
    const skewed = Math.min(17, Math.floor(Math.sqrt((i * 53) % 324)));
    const month = skewed === 3 ? 4 : skewed;
    const year = 2024 + Math.floor(month / 12);
    const day = String((i % 28) + 1).padStart(2, '0');
    // Quadratic skew: the first places get most events.
    const place = SAMPLE_PLACES[Math.floor(((i * 37) % 144) ** 2 / 144 / 12)] ?? SAMPLE_PLACES[0];
    events.push({ date: i % 4 === 0 ? `${year}-${String((month % 12) + 1).padStart(2, '0')}` : `${year}-${String((month % 12) + 1).padStart(2, '0')}-${day}`, ...place });
  }
  events.push({ date: '2023', city: 'Paris', country: 'FRA', latitude: 48.85341, longitude: 2.3488 });
  events.push({ date: '2023' });
  events.push({ city: 'Timbuktu', country: 'MLI' });
  events.push({});
  return events;
}

export const SAMPLE_JSON_LD = {
  '@context': 'https://schema.org/',
  '@type': 'Dataset',
  '@id': 'https://w3id.org/entente/',
  name: 'Entente: diplomatic events and agreements',
  description: 'Diplomatic events and international agreements extracted from news articles.',
  license: 'https://creativecommons.org/licenses/by/4.0/',
  version: '0.1.0',
  dateModified: '2025-06-30',
  distribution: [
    { '@type': 'DataDownload', name: 'events.csv', encodingFormat: 'text/csv', contentUrl: 'https://example.org/datasets/events.csv' },
  ],
} as const;

export function sampleLandingInput(overrides: Partial<LandingPageInput> = {}): LandingPageInput {
  return {
    title: 'Entente: diplomatic events and agreements',
    description: 'Visits, meetings, calls, signings and press conferences between states, and the agreements they sign, read from news articles; every row traceable to its sentence.',
    version: '0.1.0',
    license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    lastUpdated: '2025-06-30',
    identifier: 'https://w3id.org/entente/',
    downloadBase: 'https://example.org/datasets/',
    files: [
      { key: 'events.csv', bytes: 48_213, rows: 94, contentType: 'text/csv; charset=utf-8' },
      { key: 'agreements.csv', bytes: 9_870, rows: 21, contentType: 'text/csv; charset=utf-8' },
      { key: 'rejected.csv', bytes: 61, rows: 0, contentType: 'text/csv; charset=utf-8', updated: '2025-05-02' },
      { key: 'events.jsonld', bytes: 1_310_720, contentType: 'application/ld+json' },
      { key: 'agreements.jsonld', bytes: 60_123, contentType: 'application/ld+json' },
      { key: 'articles.csv', bytes: 12_001, rows: 40, contentType: 'text/csv; charset=utf-8' },
      { key: 'catalog.jsonld', bytes: 4_096, contentType: 'application/ld+json' },
    ],
    events: sampleEvents(),
    jsonLd: SAMPLE_JSON_LD,
    attributions: [{ name: 'GeoNames', url: 'https://www.geonames.org/', license: 'CC BY 4.0' }],
    ...overrides,
  };
}
