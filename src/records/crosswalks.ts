/**
 * Crosswalks from what an event record already says (its CAMEO code, its country codes, its
 * place) to the vocabularies other event datasets and knowledge graphs use: PLOVER event
 * type and mode, the Goldstein conflict–cooperation score, Wikidata ids of countries and
 * GeoNames ids of places. The tables are data, copied from their sources and cited here; a
 * code missing from a table gets no value (never a guessed one).
 *
 * Sources
 * - Goldstein scores: GDELT's lookup of the Goldstein (1992) scale as assigned to CAMEO
 *   event codes, `CAMEO.goldsteinscale.txt`,
 *   https://www.gdeltproject.org/data/lookups/CAMEO.goldsteinscale.txt
 *   (Goldstein, J. S. 1992, "A Conflict-Cooperation Scale for WEIS Events Data", Journal
 *   of Conflict Resolution 36(2): 369–385; CAMEO codes from Gerner, Schrodt & Yilmaz,
 *   CAMEO Event Data Codebook 1.1b3). Values copied for the CAMEO families Entente can code
 *   (01 public statement, 03 intent to cooperate, 04 consult, 05 diplomatic cooperation),
 *   checked against two independent public copies of the file.
 * - PLOVER: the Open Event Data Alliance's CAMEO → PLOVER mapping `CAMEO2PLOVER-2021.txt`
 *   (https://github.com/openeventdata/PLOVER) and the PLOVER manual, draft 0.7b1 (CONSULT
 *   modes: visit, third-party, multilateral, phone). PLOVER drops CAMEO 01 and 02
 *   ("the CAMEO 01 and 02 categories dealing with comments have been eliminated"), so a
 *   press conference (CAMEO 010) has no PLOVER type. Signing a formal agreement (057) is
 *   SUPPORT (manual: "ratify, sign, or finalize an agreement or treaty"), with no mode.
 * - Wikidata ids of countries: src/gazetteer/countries.ts. Organisations (CAMEO IGO codes)
 *   have no Wikidata id in the gazetteer yet and get none.
 * - GeoNames ids of places: the extractor's Place (from src/gazetteer/cities.ts, GeoNames,
 *   CC BY 4.0); a place stored before ids were carried is completed from the gazetteer by
 *   city name and country.
 */
import { CITIES } from '../gazetteer/cities.js';
import { COUNTRIES } from '../gazetteer/countries.js';
import type { Place } from '../extract/types.js';

/** Where each table below comes from; for the dataset catalog's attributions. */
export const CROSSWALK_SOURCES = {
  goldstein: 'https://www.gdeltproject.org/data/lookups/CAMEO.goldsteinscale.txt',
  plover: 'https://github.com/openeventdata/PLOVER/blob/master/CAMEO2PLOVER-2021.txt',
  wikidata: 'https://www.wikidata.org/',
  geonames: 'https://www.geonames.org/',
} as const;

/** Goldstein (1992) scale by CAMEO event code, as published by GDELT (see the module doc). */
export const GOLDSTEIN_BY_CAMEO: Readonly<Record<string, number>> = {
  // 01 Make public statement
  '01': 0.0, '010': 0.0, '011': -0.1, '012': -0.4, '013': 0.4, '014': 0.0, '015': 0.0, '016': -2.0, '017': 0.0, '018': 3.4, '019': 3.4,
  // 03 Express intent to cooperate
  '03': 4.0, '030': 4.0, '031': 5.2, '032': 4.5, '033': 5.2, '034': 7.0, '035': 7.0, '036': 4.0, '037': 5.0, '038': 7.0, '039': 5.0,
  // 04 Consult
  '04': 1.0, '040': 1.0, '041': 1.0, '042': 1.9, '043': 2.8, '044': 2.5, '045': 5.0, '046': 7.0,
  // 05 Engage in diplomatic cooperation
  '05': 3.5, '050': 3.5, '051': 3.4, '052': 3.5, '053': 3.8, '054': 6.0, '055': 7.0, '056': 7.0, '057': 8.0,
};

/** The PLOVER event types the CAMEO families above map to (PLOVER has more: COOPERATE, AID, …). */
export const PLOVER_EVENT_TYPES = ['AGREE', 'CONSULT', 'SUPPORT'] as const;
export type PloverEventType = (typeof PLOVER_EVENT_TYPES)[number];
/** The PLOVER modes the table below gives (all CONSULT modes). */
export const PLOVER_MODES = ['phone', 'visit', 'host', 'third-party'] as const;
export type PloverMode = (typeof PLOVER_MODES)[number];

export interface PloverCode {
  readonly eventType: PloverEventType;
  /** How it was done, when PLOVER has a mode for it (CONSULT: visit, phone, third-party, …). */
  readonly mode?: PloverMode;
}

/**
 * CAMEO → PLOVER for the same families, from CAMEO2PLOVER-2021.txt. CAMEO 01 is absent on
 * purpose: PLOVER does not code statements.
 */
export const PLOVER_BY_CAMEO: Readonly<Record<string, PloverCode>> = {
  '03': { eventType: 'AGREE' }, '030': { eventType: 'AGREE' }, '031': { eventType: 'AGREE' }, '032': { eventType: 'AGREE' },
  '033': { eventType: 'AGREE' }, '034': { eventType: 'AGREE' }, '035': { eventType: 'AGREE' }, '036': { eventType: 'AGREE' },
  '037': { eventType: 'AGREE' }, '038': { eventType: 'AGREE' }, '039': { eventType: 'AGREE' },
  '04': { eventType: 'CONSULT' },
  '040': { eventType: 'CONSULT' },
  '041': { eventType: 'CONSULT', mode: 'phone' },
  '042': { eventType: 'CONSULT', mode: 'visit' },
  '043': { eventType: 'CONSULT', mode: 'host' },
  '044': { eventType: 'CONSULT', mode: 'third-party' },
  '045': { eventType: 'CONSULT' },
  '046': { eventType: 'CONSULT' },
  '05': { eventType: 'SUPPORT' }, '050': { eventType: 'SUPPORT' }, '051': { eventType: 'SUPPORT' }, '052': { eventType: 'SUPPORT' },
  '053': { eventType: 'SUPPORT' }, '054': { eventType: 'SUPPORT' }, '055': { eventType: 'SUPPORT' }, '056': { eventType: 'SUPPORT' },
  '057': { eventType: 'SUPPORT' },
};

export function goldsteinScore(cameoCode: string): number | undefined {
  return GOLDSTEIN_BY_CAMEO[cameoCode];
}

export function ploverCode(cameoCode: string): PloverCode | undefined {
  return PLOVER_BY_CAMEO[cameoCode];
}

const WIKIDATA_BY_ISO3: ReadonlyMap<string, string> = new Map(COUNTRIES.map((c) => [c.iso3, c.wikidata]));

/** The Wikidata item of a country (ISO3); undefined for an organisation code or an unknown code. */
export function wikidataOf(code: string | undefined): string | undefined {
  return code === undefined ? undefined : WIKIDATA_BY_ISO3.get(code);
}

/** Wikidata ids of the countries among `codes`, in their order; organisations are left out. */
export function wikidataOfCountries(codes: readonly string[]): string[] {
  return codes.map(wikidataOf).filter((q): q is string => q !== undefined);
}

const cityKey = (name: string, country: string): string => `${country}|${name}`;
const GEONAMES_BY_CITY: ReadonlyMap<string, number> = new Map(CITIES.map((c) => [cityKey(c.name, c.country), c.geonamesId]));

/** The GeoNames id of a place's city: the one the place carries, else the gazetteer's for its name and country. */
export function geonamesIdOf(place: Place | undefined): number | undefined {
  if (!place?.city) return undefined;
  if (place.geonamesId !== undefined) return place.geonamesId;
  return place.country === undefined ? undefined : GEONAMES_BY_CITY.get(cityKey(place.city, place.country));
}

/** The place with its GeoNames id filled in when the gazetteer knows the city. */
export function withGeonamesId(place: Place | undefined): Place | undefined {
  if (!place || place.geonamesId !== undefined) return place;
  const geonamesId = geonamesIdOf(place);
  return geonamesId === undefined ? place : { ...place, geonamesId };
}

export interface EventCrosswalk {
  readonly ploverEventType?: PloverEventType;
  readonly ploverMode?: PloverMode;
  readonly goldsteinScale?: number;
  /** Wikidata ids of the participating countries, in the order of `participants`. */
  readonly participantsWikidata: readonly string[];
  readonly actor1Wikidata?: string;
  readonly actor2Wikidata?: string;
  readonly locationCountryWikidata?: string;
  readonly locationGeonamesId?: number;
}

export interface CrosswalkInput {
  readonly cameoCode: string;
  readonly participants: readonly string[];
  readonly actor1Country?: string;
  readonly actor2Country?: string;
  readonly location?: Place;
}

export function eventCrosswalk(event: CrosswalkInput): EventCrosswalk {
  const plover = ploverCode(event.cameoCode);
  return {
    ploverEventType: plover?.eventType,
    ploverMode: plover?.mode,
    goldsteinScale: goldsteinScore(event.cameoCode),
    participantsWikidata: wikidataOfCountries(event.participants),
    actor1Wikidata: wikidataOf(event.actor1Country),
    actor2Wikidata: wikidataOf(event.actor2Country),
    locationCountryWikidata: wikidataOf(event.location?.country),
    locationGeonamesId: geonamesIdOf(event.location),
  };
}

export interface AgreementCrosswalk {
  /** Wikidata ids of the countries among the parties, in their order. */
  readonly partiesWikidata: readonly string[];
  readonly placeCountryWikidata?: string;
  readonly placeGeonamesId?: number;
}

export function agreementCrosswalk(agreement: { readonly parties: readonly string[]; readonly place?: Place }): AgreementCrosswalk {
  return {
    partiesWikidata: wikidataOfCountries(agreement.parties),
    placeCountryWikidata: wikidataOf(agreement.place?.country),
    placeGeonamesId: geonamesIdOf(agreement.place),
  };
}
