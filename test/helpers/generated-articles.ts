/**
 * Small articles for load and fault tests, each reporting one event of its own, and the
 * rows the datasets must hold for it, computed here from the template and not by the
 * pipeline. Templates are written for these tests (French and English); article n:
 *
 *   - language: fr for even n, en for odd n;
 *   - event type: visit, call, meeting in turn (by ⌊n / 2⌋);
 *   - countries: the (n mod 380)-th ordered pair of the 20 below, actor 1 first
 *     (the visitor, the caller, the one who receives for a meeting: see below);
 *   - date: 2020-01-01 plus n days, to the day, also the article's publication date.
 *
 * No two articles of the first 380 share a pair, and the same pair comes back 380 days
 * later, beyond every fusion window: every article is one event row of its own.
 */
export type GeneratedEventType = 'visit' | 'call' | 'meeting';

export interface GeneratedArticle {
  readonly n: number;
  readonly language: 'fr' | 'en';
  readonly text: string;
  /** What the datasets must say about the event. */
  readonly expected: {
    readonly eventType: GeneratedEventType;
    readonly date: string;
    /** ISO 3166-1 alpha-3, sorted, ';'-separated: the `participants` cell. */
    readonly participants: string;
    readonly actor1Country: string;
    readonly actor2Country: string;
    /** English exonym of the city the event took place in; '' for a call. */
    readonly city: string;
  };
}

interface Country {
  readonly iso3: string;
  /** "du Sénégal": every French name here takes du / au. */
  readonly fr: string;
  readonly en: string;
  /** Capital: French and English exonyms. */
  readonly capitalFr: string;
  readonly capitalEn: string;
}

const COUNTRIES: readonly Country[] = [
  { iso3: 'SEN', fr: 'Sénégal', en: 'Senegal', capitalFr: 'Dakar', capitalEn: 'Dakar' },
  { iso3: 'MAR', fr: 'Maroc', en: 'Morocco', capitalFr: 'Rabat', capitalEn: 'Rabat' },
  { iso3: 'GHA', fr: 'Ghana', en: 'Ghana', capitalFr: 'Accra', capitalEn: 'Accra' },
  { iso3: 'KEN', fr: 'Kenya', en: 'Kenya', capitalFr: 'Nairobi', capitalEn: 'Nairobi' },
  { iso3: 'NGA', fr: 'Nigeria', en: 'Nigeria', capitalFr: 'Abuja', capitalEn: 'Abuja' },
  { iso3: 'JPN', fr: 'Japon', en: 'Japan', capitalFr: 'Tokyo', capitalEn: 'Tokyo' },
  { iso3: 'BRA', fr: 'Brésil', en: 'Brazil', capitalFr: 'Brasilia', capitalEn: 'Brasília' },
  { iso3: 'CAN', fr: 'Canada', en: 'Canada', capitalFr: 'Ottawa', capitalEn: 'Ottawa' },
  { iso3: 'MEX', fr: 'Mexique', en: 'Mexico', capitalFr: 'Mexico', capitalEn: 'Mexico City' },
  { iso3: 'PRT', fr: 'Portugal', en: 'Portugal', capitalFr: 'Lisbonne', capitalEn: 'Lisbon' },
  { iso3: 'DNK', fr: 'Danemark', en: 'Denmark', capitalFr: 'Copenhague', capitalEn: 'Copenhagen' },
  { iso3: 'CHL', fr: 'Chili', en: 'Chile', capitalFr: 'Santiago', capitalEn: 'Santiago' },
  { iso3: 'PER', fr: 'Pérou', en: 'Peru', capitalFr: 'Lima', capitalEn: 'Lima' },
  { iso3: 'VNM', fr: 'Vietnam', en: 'Vietnam', capitalFr: 'Hanoï', capitalEn: 'Hanoi' },
  { iso3: 'CMR', fr: 'Cameroun', en: 'Cameroon', capitalFr: 'Yaoundé', capitalEn: 'Yaoundé' },
  { iso3: 'MLI', fr: 'Mali', en: 'Mali', capitalFr: 'Bamako', capitalEn: 'Bamako' },
  { iso3: 'RWA', fr: 'Rwanda', en: 'Rwanda', capitalFr: 'Kigali', capitalEn: 'Kigali' },
  { iso3: 'GAB', fr: 'Gabon', en: 'Gabon', capitalFr: 'Libreville', capitalEn: 'Libreville' },
  { iso3: 'TGO', fr: 'Togo', en: 'Togo', capitalFr: 'Lomé', capitalEn: 'Lomé' },
  { iso3: 'QAT', fr: 'Qatar', en: 'Qatar', capitalFr: 'Doha', capitalEn: 'Doha' },
];

const PAIRS = COUNTRIES.length * (COUNTRIES.length - 1);
const TYPES: readonly GeneratedEventType[] = ['visit', 'call', 'meeting'];
const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FR_NAMES = ['Amadou Diallo', 'Claire Fontaine', 'Jean-Marc Ndiaye', 'Sophie Martin', 'Idrissa Traoré'];
const EN_NAMES = ['John Otieno', 'Mary Whitfield', 'Peter Adeyemi', 'Laura Collins', 'Samuel Mensah'];

/** Article n (n ≥ 0); the same n always gives the same bytes. */
export function generatedArticle(n: number): GeneratedArticle {
  const language = n % 2 === 0 ? 'fr' : 'en';
  const eventType = TYPES[Math.floor(n / 2) % TYPES.length] as GeneratedEventType;
  const pair = n % PAIRS;
  const a = COUNTRIES[Math.floor(pair / (COUNTRIES.length - 1))] as Country;
  const rest = COUNTRIES.filter((c) => c !== a);
  const b = rest[pair % (COUNTRIES.length - 1)] as Country;
  const day = new Date(Date.UTC(2020, 0, 1 + n));
  const date = day.toISOString().slice(0, 10);
  const d = day.getUTCDate();
  const m = day.getUTCMonth();
  const y = day.getUTCFullYear();
  const name = (language === 'fr' ? FR_NAMES : EN_NAMES)[n % FR_NAMES.length] as string;

  let sentence: string;
  // Actor 1 is the visitor, the caller; for a meeting in b's capital, the guest (a).
  if (language === 'fr') {
    const when = `le ${d === 1 ? '1er' : d} ${FR_MONTHS[m]} ${y}`;
    sentence =
      eventType === 'visit'
        ? `Le ministre des Affaires étrangères du ${a.fr}, ${name}, s'est rendu à ${b.capitalFr} ${when} pour une visite officielle au ${b.fr}.`
        : eventType === 'call'
          ? `Le président du ${a.fr} s'est entretenu par téléphone avec le président du ${b.fr} ${when}.`
          : `Le ministre des Affaires étrangères du ${a.fr}, ${name}, a rencontré son homologue du ${b.fr} ${when} à ${b.capitalFr}.`;
  } else {
    const when = `on ${d} ${EN_MONTHS[m]} ${y}`;
    sentence =
      eventType === 'visit'
        ? `The foreign minister of ${a.en}, ${name}, arrived in ${b.capitalEn} ${when} for an official visit to ${b.en}.`
        : eventType === 'call'
          ? `The president of ${a.en} held a phone call with the president of ${b.en} ${when}.`
          : `The foreign minister of ${a.en}, ${name}, met his counterpart from ${b.en} in ${b.capitalEn} ${when}.`;
  }
  return {
    n,
    language,
    text: `date ${date}\n\n${sentence}\n`,
    expected: {
      eventType,
      date,
      participants: [a.iso3, b.iso3].sort().join(';'),
      actor1Country: a.iso3,
      actor2Country: b.iso3,
      city: eventType === 'call' ? '' : b.capitalEn,
    },
  };
}

/** The key of article n under incoming/ (without the prefix): `gen/<lang>/<n>.txt`, zero-padded. */
export function generatedKey(n: number, folder = 'gen'): string {
  const article = generatedArticle(n);
  return `${folder}/${article.language}/${String(n).padStart(5, '0')}.txt`;
}
