/** Language-free facts about places and organisations; locales map their words onto these codes. */

export interface Country {
  /** ISO 3166-1 alpha-3 (XKX for Kosovo, TWN for Taiwan). */
  readonly iso3: string;
  readonly iso2: string;
  /** English short name, as a user of the dataset expects to read it. */
  readonly name: string;
  /** English exonym of the capital; a key of CITIES. */
  readonly capital: string;
  /** Wikidata item id (Q…). */
  readonly wikidata: string;
}

export interface Organisation {
  /** CAMEO code: UNO, EUR, AFR, ARL, NAT, OPC, ASN, IMF, WBK, WTO, … */
  readonly code: string;
  readonly name: string;
}

export interface City {
  /** English exonym: Baku, not Bakou. */
  readonly name: string;
  /** ISO3 of the country it lies in. */
  readonly country: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly geonamesId: number;
}
