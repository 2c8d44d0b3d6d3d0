import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCities, CITIES_FILE, CURATED, renderCities, STOP_LIST, TARGET } from '../../scripts/build-cities.js';
import { phraseKey } from '../../src/extract/common/tokenise.js';
import type { LocalePlaces } from '../../src/extract/locale-places.js';
import { EN_PLACES } from '../../src/extract/locales/en/places.js';
import { FR_PLACES } from '../../src/extract/locales/fr/places.js';
import { CITIES } from '../../src/gazetteer/cities.js';
import { COUNTRIES } from '../../src/gazetteer/countries.js';

/** The place dictionary's key: what the matcher cannot tell apart. */
const key = (name: string): string => phraseKey(name).join(' ');
const byName = new Map(CITIES.map((c) => [c.name, c]));

describe('scripts/build-cities.ts', () => {
  it('generated src/gazetteer/cities.ts: the file is what the script writes now', () => {
    const rows = buildCities();
    expect(CITIES).toEqual(rows);
    expect(readFileSync(CITIES_FILE, 'utf8')).toBe(renderCities(rows));
  });

  it('keeps the GeoNames attribution in the generated file', () => {
    const text = readFileSync(CITIES_FILE, 'utf8');
    expect(text).toContain('GeoNames');
    expect(text).toContain('CC BY 4.0');
    expect(text).toContain('https://www.geonames.org/');
    expect(text).toContain('do not edit by hand');
  });
});

describe('generated CITIES', () => {
  it('holds the main cities: at least 500', () => {
    expect(CITIES.length).toBeGreaterThanOrEqual(500);
    expect(CITIES.length).toBe(TARGET);
  });

  it('holds every capital of COUNTRIES under its `capital` name, in its country', () => {
    const missing = COUNTRIES.filter((c) => byName.get(c.capital)?.country !== c.iso3).map((c) => `${c.iso3} ${c.capital}`);
    expect(missing).toEqual([]);
  });

  it('keeps every curated place under its English name', () => {
    const missing = CURATED.filter(([name, country]) => byName.get(name)?.country !== country).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('has positive integer, unique GeoNames ids', () => {
    for (const c of CITIES) expect(Number.isInteger(c.geonamesId) && c.geonamesId > 0, c.name).toBe(true);
    expect(new Set(CITIES.map((c) => c.geonamesId)).size).toBe(CITIES.length);
  });

  it('has names the matcher tells apart (accents and case folded)', () => {
    expect(new Set(CITIES.map((c) => key(c.name))).size).toBe(CITIES.length);
  });

  it('holds no stop-listed name, and never stops a capital', () => {
    const stopped = new Set(Object.keys(STOP_LIST).map(key));
    expect(CITIES.filter((c) => stopped.has(key(c.name))).map((c) => c.name)).toEqual([]);
    expect(COUNTRIES.filter((c) => stopped.has(key(c.capital))).map((c) => c.capital)).toEqual([]);
  });

  it('rounds coordinates to 4 decimals and writes ASCII apostrophes, no macrons', () => {
    for (const c of CITIES) {
      expect(Math.round(c.latitude * 1e4) / 1e4, c.name).toBe(c.latitude);
      expect(Math.round(c.longitude * 1e4) / 1e4, c.name).toBe(c.longitude);
      expect(c.name, c.name).not.toMatch(/[’‘ʼ]/);
      // Macrons are transliteration (Sūrat, Hāora), not English spelling.
      expect(c.name.normalize('NFD').includes('\u0304'), c.name).toBe(false);
    }
  });

  it('fixes the ids the hand-written list had wrong, and places territories in their country', () => {
    expect(byName.get('Ramallah')?.geonamesId).toBe(282239);
    expect(byName.get('Nablus')?.geonamesId).toBe(282615);
    expect(byName.get('Herat')?.geonamesId).toBe(1140026);
    expect(byName.get('Washington')?.geonamesId).toBe(4140963);
    expect(byName.get('Panama City')?.geonamesId).toBe(3703443);
    expect(byName.get('Hong Kong')?.country).toBe('CHN');
    expect(byName.get('Nuuk')?.country).toBe('DNK');
    expect(byName.get('Malé')?.country).toBe('MDV');
  });

  it('names populous cities in English', () => {
    for (const name of ['Kolkata', 'Surat', 'Izmir', 'Cologne', 'Nizhny Novgorod', 'Rostov-on-Don']) expect(byName.has(name), name).toBe(true);
    // Boroughs and wards are no cities of their own.
    for (const name of ['Brooklyn', 'Manhattan', 'Kowloon', 'Iztapalapa', 'Soweto']) expect(byName.has(name), name).toBe(false);
  });

  it.each([
    ['fr', FR_PLACES],
    ['en', EN_PLACES],
  ] as const)('%s: a city name that folds like another entry of the place dictionary means the same place', (_locale, places: LocalePlaces) => {
    const capitalOf = new Map(COUNTRIES.map((c) => [c.capital, c.iso3]));
    const clashes: string[] = [];
    for (const [map, entries] of Object.entries({ countries: places.countries, demonyms: places.demonyms, institutions: places.institutions, organisations: places.organisations })) {
      const keys = new Map(Object.entries(entries).map(([k, v]) => [key(k), v]));
      for (const c of CITIES) {
        const code = keys.get(key(c.name));
        // "Djibouti", "Luxembourg": a country named like its capital.
        if (code !== undefined && !(map === 'countries' && capitalOf.get(c.name) === code)) clashes.push(`${c.name} ~ ${map} → ${code}`);
      }
    }
    const aliases = new Map(Object.entries(places.cities).map(([k, v]) => [key(k), v]));
    for (const c of CITIES) {
      const alias = aliases.get(key(c.name));
      if (alias !== undefined && alias !== c.name) clashes.push(`${c.name} ~ cities → ${alias}`);
    }
    expect(clashes).toEqual([]);
  });
});
