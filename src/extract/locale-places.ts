/**
 * What one locale knows about naming places and bodies. Plain word → code dictionaries:
 * the shared matcher tokenises each key once and looks text tokens up in a trie, so a
 * key is written the way it appears in running text (accents and capitals as usual).
 */
export interface LocalePlaces {
  /** Country names and variants, without leading article → ISO3 ("Algérie", "États-Unis", "US"). */
  readonly countries: Readonly<Record<string, string>>;
  /** Every demonym form (fr: m/f/pl: "azerbaïdjanais", "azerbaïdjanaise", "azerbaïdjanaises"; en: adjective and noun) → ISO3. */
  readonly demonyms: Readonly<Record<string, string>>;
  /** City names as written in this language → English exonym, a name in the gazetteer's CITIES ("Bakou" → "Baku"). English names need no entry. */
  readonly cities: Readonly<Record<string, string>>;
  /** Institutions used as metonyms for their country ("Quai d'Orsay", "Kremlin") → ISO3. */
  readonly institutions: Readonly<Record<string, string>>;
  /** International organisations, names and acronyms ("ONU", "Union africaine") → CAMEO code. */
  readonly organisations: Readonly<Record<string, string>>;
  /**
   * Names and demonyms shared by several states ("congolais": COG or COD) → every code they
   * may stand for. The article decides: the code it also names unambiguously wins, else the
   * one in `countries`/`demonyms`.
   */
  readonly ambiguous?: Readonly<Record<string, readonly string[]>>;
}
