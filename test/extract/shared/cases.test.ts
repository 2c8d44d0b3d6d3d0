import { describe, expect, it } from 'vitest';
import { ag, ev, expectEvidenceInText, expectExtraction, publicationDate } from '../../helpers/extract.js';
import type { AgreementSummary, EventSummary, TestLocale } from '../../helpers/extract.js';
import { extractArticle } from '../../../src/extract/extractor.js';

/** One scenario told in both languages; both tellings must give the same rows. */
interface Scenario {
  name: string;
  published: string;
  fr: string;
  en: string;
  events: EventSummary[];
  agreements: AgreementSummary[];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'visit',
    // 2024-06-20 is a Thursday: Tuesday is 2024-06-18.
    published: '2024-06-20',
    fr: "Le ministre kényan des Affaires étrangères, Peter Kamau Njoroge, est arrivé mardi à Accra pour une visite officielle au Ghana.",
    en: 'Kenyan Foreign Minister Peter Kamau Njoroge arrived in Accra on Tuesday for an official visit to Ghana.',
    events: [ev({ type: 'visit', participants: 'GHA;KEN', actor: 'KEN', host: 'GHA', date: '2024-06-18', city: 'Accra', country: 'GHA', people: ['Peter Kamau Njoroge'] })],
    agreements: [],
  },
  {
    name: 'meeting',
    // 2023-10-05 is a Thursday: Wednesday is 2023-10-04.
    published: '2023-10-05',
    fr: "La ministre colombienne des Affaires étrangères, Laura Restrepo Gil, s'est entretenue mercredi à Lima avec son homologue péruvien, Rodrigo Salazar Quispe.",
    en: 'Colombian Foreign Minister Laura Restrepo Gil held talks in Lima on Wednesday with her Peruvian counterpart, Rodrigo Salazar Quispe.',
    events: [ev({ type: 'meeting', participants: 'COL;PER', date: '2023-10-04', city: 'Lima', country: 'PER', people: ['Laura Restrepo Gil', 'Rodrigo Salazar Quispe'] })],
    agreements: [],
  },
  {
    name: 'call',
    published: '2025-04-10',
    fr: "Le président philippin, Ramon Dela Paz Santos, s'est entretenu hier par téléphone avec le Premier ministre thaïlandais, Somchai Rattanakul.",
    en: 'Philippine President Ramon Dela Paz Santos spoke by phone yesterday with Thai Prime Minister Somchai Rattanakul.',
    events: [ev({ type: 'call', participants: 'PHL;THA', date: '2025-04-09', people: ['Ramon Dela Paz Santos', 'Somchai Rattanakul'] })],
    agreements: [],
  },
  {
    name: 'signing',
    // 2022-11-24 is a Thursday: Monday is 2022-11-21.
    published: '2022-11-24',
    fr: "La Géorgie et l'Arménie ont signé lundi à Tbilissi un accord sur le transport routier international.",
    en: 'Georgia and Armenia signed an agreement on international road transport in Tbilisi on Monday.',
    events: [ev({ type: 'signing', participants: 'ARM;GEO', date: '2022-11-21', city: 'Tbilisi', country: 'GEO' })],
    agreements: [ag({ topic: 'transport', parties: 'ARM;GEO', date: '2022-11-21' })],
  },
  {
    name: 'press_conference',
    // 2025-09-18 is a Thursday: Wednesday is 2025-09-17.
    published: '2025-09-18',
    fr: "Le ministre équatorien des Affaires étrangères, Andrés Cordero Vélez, a donné mercredi une conférence de presse à Quito.",
    en: 'Ecuadorian Foreign Minister Andrés Cordero Vélez gave a press conference in Quito on Wednesday.',
    events: [ev({ type: 'press_conference', participants: 'ECU', date: '2025-09-17', city: 'Quito', country: 'ECU', people: ['Andrés Cordero Vélez'] })],
    agreements: [],
  },
];

const LOCALES: TestLocale[] = ['fr', 'en'];

describe('the same scenario in French and English gives the same rows', () => {
  for (const scenario of SCENARIOS) {
    for (const locale of LOCALES) {
      it(`${scenario.name} (${locale})`, () => {
        expectExtraction(locale, scenario[locale], scenario.published, { events: scenario.events, agreements: scenario.agreements });
      });
    }
  }
});

describe('extractArticle', () => {
  it('returns undefined for a language it does not read', () => {
    const text = 'Der kenianische Außenminister ist am Dienstag zu einem offiziellen Besuch in Accra eingetroffen.';
    expect(extractArticle({ text, language: 'de', published: publicationDate('2024-06-20') })).toBeUndefined();
  });

  it('is deterministic: the same input twice gives deep-equal output', () => {
    const text =
      "Le ministre kényan des Affaires étrangères, Peter Kamau Njoroge, est arrivé mardi à Accra. " +
      "Il s'est entretenu avec son homologue ghanéenne, Abena Serwaa Darko, puis les deux ministres ont signé trois accords, dont un sur le commerce. " +
      'Ils ont ensuite tenu une conférence de presse conjointe.';
    const article = { text, language: 'fr', published: publicationDate('2024-06-20') };
    const first = extractArticle(article);
    const second = extractArticle({ ...article });
    if (first === undefined) throw new Error('French is a supported language');
    expectEvidenceInText(text, first);
    expect(first.events.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });
});
