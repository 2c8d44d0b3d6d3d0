import { describe, it } from 'vitest';
import { ev, expectEvents, expectExtraction } from '../../helpers/extract.js';

describe('fr — visits', () => {
  it('"est arrivé mardi à CITY" with a demonym title: visitor, host, day, city, visitor only in people', () => {
    // 2023-05-17 is a Wednesday: "mardi" is 2023-05-16.
    expectEvents(
      'fr',
      "Le ministre ghanéen des Affaires étrangères, Kwame Asante Boateng, est arrivé mardi à Lisbonne pour une visite officielle de trois jours au Portugal.",
      '2023-05-17',
      [ev({ type: 'visit', participants: 'GHA;PRT', actor: 'GHA', host: 'PRT', date: '2023-05-16', city: 'Lisbon', country: 'PRT', people: ['Kwame Asante Boateng'] })],
    );
  });

  it('"s\'est rendu en PAYS" with no city: the location is the country only', () => {
    expectEvents(
      'fr',
      "Le chef de la diplomatie norvégienne, Anders Tveit Lunde, s'est rendu lundi en Éthiopie pour une visite de travail consacrée à la sécurité alimentaire.",
      '2024-02-14',
      [ev({ type: 'visit', participants: 'ETH;NOR', actor: 'NOR', host: 'ETH', date: '2024-02-12', country: 'ETH', people: ['Anders Tveit Lunde'] })],
    );
  });

  it('"a atterri à CITY": a landing is the arrival', () => {
    expectEvents(
      'fr',
      "L'avion du président béninois, Romuald Adjovi Dossou, a atterri jeudi à Athènes.",
      '2025-03-08',
      [ev({ type: 'visit', participants: 'BEN;GRC', actor: 'BEN', host: 'GRC', date: '2025-03-06', city: 'Athens', country: 'GRC', people: ['Romuald Adjovi Dossou'] })],
    );
  });

  it('one trip told in two sentences is one visit, dated by its first day', () => {
    // 2022-09-14 is a Wednesday: "dimanche" is 2022-09-11.
    expectEvents(
      'fr',
      "Le ministre jordanien des Affaires étrangères, Sami Haddad Nasser, est arrivé dimanche à Athènes. " +
        "Mardi, au troisième jour de sa visite en Grèce, il a visité le port du Pirée.",
      '2022-09-14',
      [ev({ type: 'visit', participants: 'GRC;JOR', actor: 'JOR', host: 'GRC', date: '2022-09-11', city: 'Athens', country: 'GRC', people: ['Sami Haddad Nasser'] })],
    );
  });

  it('a delegation that "est arrivée" is a visit of its country', () => {
    expectEvents(
      'fr',
      "Une délégation omanaise conduite par le ministre du Commerce, Salim Al Harthy, est arrivée hier à Doha.",
      '2024-06-20',
      [ev({ type: 'visit', participants: 'OMN;QAT', actor: 'OMN', host: 'QAT', date: '2024-06-19', city: 'Doha', country: 'QAT', people: ['Salim Al Harthy'] })],
    );
  });

  it('a visit and the talks held during it: visit people are the visitors, meeting people both sides', () => {
    // 2023-11-09 is a Thursday: "mercredi" is 2023-11-08.
    expectExtraction(
      'fr',
      "Le président autrichien, Markus Leitner, est arrivé mercredi à Varsovie pour une visite d'État en Pologne. " +
        "Il s'est entretenu le même jour avec le président polonais, Jerzy Malinowski, au palais présidentiel.",
      '2023-11-09',
      {
        events: [
          ev({ type: 'visit', participants: 'AUT;POL', actor: 'AUT', host: 'POL', date: '2023-11-08', city: 'Warsaw', country: 'POL', people: ['Markus Leitner'] }),
          ev({ type: 'meeting', participants: 'AUT;POL', date: '2023-11-08', city: 'Warsaw', country: 'POL', people: ['Jerzy Malinowski', 'Markus Leitner'] }),
        ],
        agreements: [],
      },
    );
  });

  it('"en visite de travail à CITY" in an opening clause', () => {
    expectEvents(
      'fr',
      "En visite de travail à Lusaka depuis lundi, la ministre namibienne des Affaires étrangères, Ndapewa Shikongo, a visité une centrale solaire.",
      '2025-01-23',
      [ev({ type: 'visit', participants: 'NAM;ZMB', actor: 'NAM', host: 'ZMB', date: '2025-01-20', city: 'Lusaka', country: 'ZMB', people: ['Ndapewa Shikongo'] })],
    );
  });

  it('travel to attend a summit abroad is a visit to the host country', () => {
    expectEvents(
      'fr',
      "Le Premier ministre croate, Ivan Perković, s'est rendu vendredi à Bruxelles pour participer au sommet de l'Union européenne.",
      '2024-10-04',
      [ev({ type: 'visit', participants: 'BEL;HRV', actor: 'HRV', host: 'BEL', date: '2024-10-04', city: 'Brussels', country: 'BEL', people: ['Ivan Perković'] })],
    );
  });
});
