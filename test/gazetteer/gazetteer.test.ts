import { describe, expect, it } from 'vitest';
import { CITIES } from '../../src/gazetteer/cities.js';
import { COUNTRIES } from '../../src/gazetteer/countries.js';
import { ORGANISATIONS } from '../../src/gazetteer/organisations.js';
import { phraseKey } from '../../src/extract/common/tokenise.js';
import type { LocalePlaces } from '../../src/extract/locale-places.js';
import { EN_PLACES } from '../../src/extract/locales/en/places.js';
import { FR_PLACES } from '../../src/extract/locales/fr/places.js';

const ISO3 = new Set(COUNTRIES.map((c) => c.iso3));
const CITY_NAMES = new Set(CITIES.map((c) => c.name));
const ORG_CODES = new Set(ORGANISATIONS.map((o) => o.code));
const LOCALES: readonly (readonly [string, LocalePlaces])[] = [
  ['fr', FR_PLACES],
  ['en', EN_PLACES],
];
const MAPS = ['countries', 'demonyms', 'cities', 'institutions', 'organisations'] as const;

/** Countries whose demonym is shared with another country, so they have none of their own. */
const NO_DEMONYM: Readonly<Record<string, ReadonlySet<string>>> = {
  // "congolais" goes to COG.
  fr: new Set(['COD']),
  // "Congolese" goes to COD; Dominica's "Dominican" is the Dominican Republic's; "Vatican" is the name itself.
  en: new Set(['COG', 'DMA', 'VAT']),
};

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

function codesWithEntries(map: Readonly<Record<string, string>>): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  for (const [key, code] of Object.entries(map)) byCode.set(code, [...(byCode.get(code) ?? []), key]);
  return byCode;
}

describe('COUNTRIES', () => {
  it('has the 193 UN members, 2 observers, Kosovo and Taiwan', () => {
    expect(COUNTRIES).toHaveLength(197);
    for (const code of ['VAT', 'PSE', 'XKX', 'TWN', 'FRA', 'SSD']) expect(ISO3.has(code)).toBe(true);
  });

  it('has unique, well-formed codes and names', () => {
    expect(duplicates(COUNTRIES.map((c) => c.iso3))).toEqual([]);
    expect(duplicates(COUNTRIES.map((c) => c.iso2))).toEqual([]);
    expect(duplicates(COUNTRIES.map((c) => c.wikidata))).toEqual([]);
    expect(duplicates(COUNTRIES.map((c) => c.name))).toEqual([]);
    for (const c of COUNTRIES) {
      expect(c.iso3, c.name).toMatch(/^[A-Z]{3}$/);
      expect(c.iso2, c.name).toMatch(/^[A-Z]{2}$/);
      expect(c.wikidata, c.name).toMatch(/^Q[1-9]\d*$/);
      expect(c.name.trim(), c.iso3).toBe(c.name);
    }
  });

  it('spot-checks well-known Wikidata ids', () => {
    const byIso = new Map(COUNTRIES.map((c) => [c.iso3, c]));
    expect(byIso.get('FRA')?.wikidata).toBe('Q142');
    expect(byIso.get('DZA')?.wikidata).toBe('Q262');
    expect(byIso.get('AZE')?.wikidata).toBe('Q227');
    expect(byIso.get('USA')?.capital).toBe('Washington');
    expect(byIso.get('CIV')?.capital).toBe('Yamoussoukro');
  });

  it('names each capital as a city of CITIES lying in that country', () => {
    const byName = new Map(CITIES.map((c) => [c.name, c]));
    for (const c of COUNTRIES) {
      expect(byName.get(c.capital)?.country, `${c.iso3} capital ${c.capital}`).toBe(c.iso3);
    }
  });
});

describe('CITIES', () => {
  it('has unique names and GeoNames ids', () => {
    expect(duplicates(CITIES.map((c) => c.name))).toEqual([]);
    expect(duplicates(CITIES.map((c) => String(c.geonamesId)))).toEqual([]);
  });

  it('holds about 150 cities beyond the capitals', () => {
    expect(CITIES.length - COUNTRIES.length).toBeGreaterThanOrEqual(150);
  });

  it('places every city in a known country, with coordinates in range', () => {
    for (const c of CITIES) {
      expect(ISO3.has(c.country), `${c.name} → ${c.country}`).toBe(true);
      expect(c.latitude, c.name).toBeGreaterThanOrEqual(-90);
      expect(c.latitude, c.name).toBeLessThanOrEqual(90);
      expect(c.longitude, c.name).toBeGreaterThanOrEqual(-180);
      expect(c.longitude, c.name).toBeLessThanOrEqual(180);
      expect(Number.isInteger(c.geonamesId) && c.geonamesId > 0, c.name).toBe(true);
      expect(c.name.trim(), c.name).toBe(c.name);
    }
  });

  it('spot-checks coordinates and ids', () => {
    const byName = new Map(CITIES.map((c) => [c.name, c]));
    expect(byName.get('Baku')?.geonamesId).toBe(587084);
    expect(byName.get('Paris')?.geonamesId).toBe(2988507);
    const dakar = byName.get('Dakar');
    expect(dakar?.geonamesId).toBe(2253354);
    expect(dakar?.latitude).toBeCloseTo(14.69, 1);
    expect(dakar?.longitude).toBeCloseTo(-17.44, 1);
    // Southern and western hemispheres keep their signs.
    expect(byName.get('Buenos Aires')?.latitude).toBeLessThan(0);
    expect(byName.get('Washington')?.longitude).toBeLessThan(0);
  });
});

describe('ORGANISATIONS', () => {
  it('has unique upper-case codes, including the CAMEO core set', () => {
    expect(duplicates(ORGANISATIONS.map((o) => o.code))).toEqual([]);
    for (const o of ORGANISATIONS) expect(o.code, o.name).toMatch(/^[A-Z][A-Z0-9]{1,7}$/);
    for (const code of ['UNO', 'EUR', 'AFR', 'ARL', 'NAT', 'OPC', 'ASN', 'IMF', 'WBK', 'WTO', 'GCC', 'OIC', 'SCO', 'BRICS', 'OIF']) {
      expect(ORG_CODES.has(code), code).toBe(true);
    }
  });
});

describe.each(LOCALES)('%s places', (locale, places) => {
  it('maps countries, demonyms and institutions to known ISO3 codes', () => {
    for (const map of ['countries', 'demonyms', 'institutions'] as const) {
      for (const [key, code] of Object.entries(places[map])) expect(ISO3.has(code), `${map}: ${key} → ${code}`).toBe(true);
    }
  });

  it('maps cities to CITIES names, and only spellings that differ', () => {
    for (const [key, name] of Object.entries(places.cities)) {
      expect(CITY_NAMES.has(name), `${key} → ${name}`).toBe(true);
      expect(key, name).not.toBe(name);
    }
  });

  it('maps organisations to ORGANISATIONS codes, and names every organisation', () => {
    for (const [key, code] of Object.entries(places.organisations)) expect(ORG_CODES.has(code), `${key} → ${code}`).toBe(true);
    const named = new Set(Object.values(places.organisations));
    expect(ORGANISATIONS.filter((o) => !named.has(o.code)).map((o) => o.code)).toEqual([]);
  });

  it('never gives two codes to keys the matcher cannot tell apart', () => {
    for (const map of MAPS) {
      const seen = new Map<string, [string, string]>();
      for (const [key, value] of Object.entries(places[map])) {
        const folded = phraseKey(key).join(' ');
        const before = seen.get(folded);
        if (before) expect(value, `${map}: "${key}" vs "${before[0]}"`).toBe(before[1]);
        else seen.set(folded, [key, value]);
      }
    }
  });

  it('writes keys trimmed, non-empty, with ASCII apostrophes', () => {
    for (const map of MAPS) {
      for (const key of Object.keys(places[map])) {
        expect(key.length, map).toBeGreaterThan(0);
        expect(key.trim(), `${map}: "${key}"`).toBe(key);
        expect(key, map).not.toMatch(/[’‘ʼ]/);
      }
    }
  });

  it('names every country', () => {
    const named = codesWithEntries(places.countries);
    expect(COUNTRIES.filter((c) => !named.has(c.iso3)).map((c) => c.iso3)).toEqual([]);
  });

  it('gives every country a demonym, except the documented ones', () => {
    const byCode = codesWithEntries(places.demonyms);
    const minimum = locale === 'fr' ? 2 : 1;
    const exempt = NO_DEMONYM[locale] ?? new Set<string>();
    const short = COUNTRIES.filter((c) => !exempt.has(c.iso3) && (byCode.get(c.iso3)?.length ?? 0) < minimum);
    expect(short.map((c) => c.iso3)).toEqual([]);
    // An exemption that has acquired demonyms should be dropped from the list.
    for (const iso3 of exempt) expect(byCode.has(iso3), iso3).toBe(false);
  });
});

describe('fr places', () => {
  it('writes demonyms in lower case', () => {
    for (const key of Object.keys(FR_PLACES.demonyms)) expect(key).toBe(key.toLowerCase());
  });

  it('gives the four forms where they differ', () => {
    for (const form of ['algérien', 'algérienne', 'algériens', 'algériennes']) expect(FR_PLACES.demonyms[form]).toBe('DZA');
    for (const form of ['azerbaïdjanais', 'azerbaïdjanaise', 'azerbaïdjanaises']) expect(FR_PLACES.demonyms[form]).toBe('AZE');
    for (const form of ['émirati', 'émiratie', 'émiratis', 'émiraties']) expect(FR_PLACES.demonyms[form]).toBe('ARE');
    for (const form of ['burkinabè', 'burkinabé', 'burkinabès', 'burkinabés']) expect(FR_PLACES.demonyms[form]).toBe('BFA');
  });

  it('keeps look-alike demonyms apart', () => {
    expect(FR_PLACES.demonyms['nigérien']).toBe('NER');
    expect(FR_PLACES.demonyms['nigérian']).toBe('NGA');
    expect(FR_PLACES.demonyms['nippone']).toBe('JPN');
    expect(FR_PLACES.demonyms['sud-coréen']).toBe('KOR');
    expect(FR_PLACES.demonyms['nord-coréen']).toBe('PRK');
    expect(FR_PLACES.demonyms['mauricien']).toBe('MUS');
    expect(FR_PLACES.demonyms['mauritanien']).toBe('MRT');
    expect(FR_PLACES.demonyms['congolais']).toBe('COG');
    expect(FR_PLACES.demonyms['russe']).toBe('RUS');
  });

  it('spells countries as the press does, with and without accented capitals', () => {
    expect(FR_PLACES.countries['États-Unis']).toBe('USA');
    expect(FR_PLACES.countries['Etats-Unis']).toBe('USA');
    expect(FR_PLACES.countries['Émirats arabes unis']).toBe('ARE');
    expect(FR_PLACES.countries['Emirats arabes unis']).toBe('ARE');
    expect(FR_PLACES.countries["Côte d'Ivoire"]).toBe('CIV');
    expect(FR_PLACES.countries['RDC']).toBe('COD');
    expect(FR_PLACES.countries['Birmanie']).toBe('MMR');
    expect(FR_PLACES.countries['Saint-Siège']).toBe('VAT');
    expect(FR_PLACES.countries['Taïwan']).toBe('TWN');
  });

  it('maps French city names to the English exonyms', () => {
    expect(FR_PLACES.cities['Abou Dhabi']).toBe('Abu Dhabi');
    expect(FR_PLACES.cities['Bakou']).toBe('Baku');
    expect(FR_PLACES.cities['Pékin']).toBe('Beijing');
    expect(FR_PLACES.cities['Le Caire']).toBe('Cairo');
    expect(FR_PLACES.cities['La Haye']).toBe('The Hague');
    expect(FR_PLACES.cities['Koweït']).toBe('Kuwait City');
    expect(FR_PLACES.cities['Saint-Pétersbourg']).toBe('Saint Petersburg');
  });

  it('knows the metonyms and acronyms', () => {
    expect(FR_PLACES.institutions["Quai d'Orsay"]).toBe('FRA');
    expect(FR_PLACES.institutions['Kremlin']).toBe('RUS');
    expect(FR_PLACES.institutions['El Mouradia']).toBe('DZA');
    expect(FR_PLACES.organisations['ONU']).toBe('UNO');
    expect(FR_PLACES.organisations['OPEP+']).toBe('OPC');
    expect(FR_PLACES.organisations['CEDEAO']).toBe(EN_PLACES.organisations['ECOWAS']);
    expect(FR_PLACES.organisations['OCI']).toBe('OIC');
  });
});

describe('en places', () => {
  it('lists each country under its COUNTRIES name', () => {
    const missing = COUNTRIES.filter((c) => EN_PLACES.countries[c.name] !== c.iso3).map((c) => c.name);
    expect(missing).toEqual([]);
  });

  it('spells countries with their usual variants', () => {
    for (const name of ['US', 'U.S.', 'USA', 'United States of America']) expect(EN_PLACES.countries[name], name).toBe('USA');
    for (const name of ['UK', 'Britain', 'Great Britain']) expect(EN_PLACES.countries[name], name).toBe('GBR');
    expect(EN_PLACES.countries['Ivory Coast']).toBe('CIV');
    expect(EN_PLACES.countries['Burma']).toBe('MMR');
    expect(EN_PLACES.countries['Turkey']).toBe('TUR');
    expect(EN_PLACES.countries['Congo-Brazzaville']).toBe('COG');
    expect(EN_PLACES.countries['America']).toBeUndefined();
  });

  it('has adjective and plural demonyms', () => {
    expect(EN_PLACES.demonyms['Kyrgyz']).toBe('KGZ');
    expect(EN_PLACES.demonyms['Algerians']).toBe('DZA');
    expect(EN_PLACES.demonyms['Azerbaijanis']).toBe('AZE');
    expect(EN_PLACES.demonyms['Nigerien']).toBe('NER');
    expect(EN_PLACES.demonyms['Nigerian']).toBe('NGA');
    expect(EN_PLACES.demonyms['Burkinabè']).toBe('BFA');
    expect(EN_PLACES.demonyms['Emirati']).toBe('ARE');
    expect(EN_PLACES.demonyms['Seychellois']).toBe('SYC');
  });

  it('maps variant city spellings, metonyms and acronyms', () => {
    expect(EN_PLACES.cities['Kiev']).toBe('Kyiv');
    expect(EN_PLACES.cities['St. Petersburg']).toBe('Saint Petersburg');
    expect(EN_PLACES.cities['Ha Noi']).toBe('Hanoi');
    expect(EN_PLACES.institutions['White House']).toBe('USA');
    expect(EN_PLACES.institutions['Malacañang']).toBe('PHL');
    expect(EN_PLACES.organisations['Shanghai Cooperation Organisation']).toBe('SCO');
    expect(EN_PLACES.organisations['OPEC+']).toBe('OPC');
  });
});
