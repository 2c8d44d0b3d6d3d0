import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/extract/types.js';
import { COUNTRIES } from '../../src/gazetteer/countries.js';
import { cameoCode } from '../../src/records/cameo.js';
import {
  GOLDSTEIN_BY_CAMEO,
  PLOVER_BY_CAMEO,
  PLOVER_EVENT_TYPES,
  PLOVER_MODES,
  agreementCrosswalk,
  eventCrosswalk,
  geonamesIdOf,
  goldsteinScore,
  ploverCode,
  wikidataOf,
  wikidataOfCountries,
  withGeonamesId,
} from '../../src/records/crosswalks.js';

/** Every code src/records/cameo.ts can give. */
const EMITTED = [...new Set(EVENT_TYPES.flatMap((t) => [cameoCode(t, ['DZA', 'FRA'], 'DZA'), cameoCode(t, ['DZA', 'FRA'], 'CHE'), cameoCode(t, ['DZA', 'FRA'])]))].sort();

describe('crosswalks', () => {
  it('knows every CAMEO code the pipeline emits', () => {
    expect(EMITTED).toEqual(['010', '040', '041', '042', '044', '057']);
    for (const code of EMITTED) expect(goldsteinScore(code), code).toBeTypeOf('number');
  });

  it('gives the Goldstein scores of GDELT CAMEO.goldsteinscale.txt', () => {
    expect(Object.fromEntries(['010', '040', '041', '042', '043', '044', '046', '057'].map((c) => [c, goldsteinScore(c)]))).toEqual({
      '010': 0, '040': 1, '041': 1, '042': 1.9, '043': 2.8, '044': 2.5, '046': 7, '057': 8,
    });
    for (const score of Object.values(GOLDSTEIN_BY_CAMEO)) expect(Math.abs(score)).toBeLessThanOrEqual(10);
    expect(goldsteinScore('190')).toBeUndefined();
  });

  it('maps CAMEO to PLOVER type and mode; statements have none', () => {
    expect(ploverCode('040')).toEqual({ eventType: 'CONSULT' });
    expect(ploverCode('041')).toEqual({ eventType: 'CONSULT', mode: 'phone' });
    expect(ploverCode('042')).toEqual({ eventType: 'CONSULT', mode: 'visit' });
    expect(ploverCode('044')).toEqual({ eventType: 'CONSULT', mode: 'third-party' });
    expect(ploverCode('057')).toEqual({ eventType: 'SUPPORT' });
    expect(ploverCode('010')).toBeUndefined();
    // The closed lists the schema can publish hold every value of the table.
    for (const p of Object.values(PLOVER_BY_CAMEO)) {
      expect(PLOVER_EVENT_TYPES).toContain(p.eventType);
      if (p.mode !== undefined) expect(PLOVER_MODES).toContain(p.mode);
    }
    // Every PLOVER row has a Goldstein score from the same families.
    for (const code of Object.keys(PLOVER_BY_CAMEO)) expect(goldsteinScore(code), code).toBeTypeOf('number');
  });

  it('gives Wikidata ids of countries, none of organisations', () => {
    expect(wikidataOf('FRA')).toBe('Q142');
    expect(wikidataOf('AFR')).toBeUndefined();
    expect(wikidataOfCountries(['AFR', 'DZA', 'FRA'])).toEqual(['Q262', 'Q142']);
    for (const c of COUNTRIES) expect(c.wikidata, c.iso3).toMatch(/^Q[1-9]\d*$/);
  });

  it('completes GeoNames ids from the gazetteer', () => {
    expect(geonamesIdOf({ city: 'Algiers', country: 'DZA' })).toBe(2507480);
    expect(geonamesIdOf({ city: 'Algiers', country: 'DZA', geonamesId: 1 })).toBe(1);
    expect(geonamesIdOf({ country: 'DZA' })).toBeUndefined();
    expect(geonamesIdOf({ city: 'Atlantis', country: 'DZA' })).toBeUndefined();
    expect(withGeonamesId({ city: 'Oran', country: 'DZA' })).toEqual({ city: 'Oran', country: 'DZA', geonamesId: 2485926 });
  });

  it('builds the event and agreement crosswalks', () => {
    expect(eventCrosswalk({ cameoCode: '041', participants: ['EUR', 'FRA'], actor1Country: 'FRA', actor2Country: 'EUR' })).toEqual({
      ploverEventType: 'CONSULT',
      ploverMode: 'phone',
      goldsteinScale: 1,
      participantsWikidata: ['Q142'],
      actor1Wikidata: 'Q142',
      actor2Wikidata: undefined,
      locationCountryWikidata: undefined,
      locationGeonamesId: undefined,
    });
    expect(agreementCrosswalk({ parties: ['DZA', 'FRA'], place: { city: 'Paris', country: 'FRA' } })).toEqual({
      partiesWikidata: ['Q262', 'Q142'],
      placeCountryWikidata: 'Q142',
      placeGeonamesId: 2988507,
    });
  });
});
