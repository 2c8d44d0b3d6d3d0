import { describe, it } from 'vitest';
import { ev, expectEvents, expectExtraction } from '../../helpers/extract.js';

describe('en — visits', () => {
  it('"Ghana\'s Foreign Minister X arrived in CITY on Tuesday": visitor, host, day, city', () => {
    // 2023-05-17 is a Wednesday: Tuesday is 2023-05-16.
    expectEvents(
      'en',
      "Ghana's Foreign Minister Kwame Asante Boateng arrived in Lisbon on Tuesday for a three-day official visit to Portugal.",
      '2023-05-17',
      [ev({ type: 'visit', participants: 'GHA;PRT', actor: 'GHA', host: 'PRT', date: '2023-05-16', city: 'Lisbon', country: 'PRT', people: ['Kwame Asante Boateng'] })],
    );
  });

  it('"travelled to COUNTRY" with no city: the location is the country only', () => {
    // 2024-02-14 is a Wednesday: Monday is 2024-02-12.
    expectEvents(
      'en',
      'Norwegian Foreign Minister Anders Tveit Lunde travelled to Ethiopia on Monday for a working visit focused on food security.',
      '2024-02-14',
      [ev({ type: 'visit', participants: 'ETH;NOR', actor: 'NOR', host: 'ETH', date: '2024-02-12', country: 'ETH', people: ['Anders Tveit Lunde'] })],
    );
  });

  it('"landed in CITY": the landing is the arrival', () => {
    // 2025-03-08 is a Saturday: Thursday is 2025-03-06.
    expectEvents(
      'en',
      "Benin's President Romuald Adjovi Dossou landed in Athens on Thursday.",
      '2025-03-08',
      [ev({ type: 'visit', participants: 'BEN;GRC', actor: 'BEN', host: 'GRC', date: '2025-03-06', city: 'Athens', country: 'GRC', people: ['Romuald Adjovi Dossou'] })],
    );
  });

  it('one trip told in two sentences is one visit, dated by its first day', () => {
    // 2022-09-14 is a Wednesday: Sunday is 2022-09-11.
    expectEvents(
      'en',
      'Jordanian Foreign Minister Sami Haddad Nasser arrived in Athens on Sunday. ' +
        'On Tuesday, the third day of his visit to Greece, he toured the port of Piraeus.',
      '2022-09-14',
      [ev({ type: 'visit', participants: 'GRC;JOR', actor: 'JOR', host: 'GRC', date: '2022-09-11', city: 'Athens', country: 'GRC', people: ['Sami Haddad Nasser'] })],
    );
  });

  it('a delegation led by a minister is a visit of its country', () => {
    // 2024-06-20: "yesterday" is 2024-06-19.
    expectEvents(
      'en',
      'An Omani delegation led by Commerce Minister Salim Al Harthy arrived in Doha yesterday.',
      '2024-06-20',
      [ev({ type: 'visit', participants: 'OMN;QAT', actor: 'OMN', host: 'QAT', date: '2024-06-19', city: 'Doha', country: 'QAT', people: ['Salim Al Harthy'] })],
    );
  });

  it('a state visit and the talks held during it: visit people are the visitors only', () => {
    // 2023-11-09 is a Thursday: Wednesday is 2023-11-08.
    expectExtraction(
      'en',
      'Austrian President Markus Leitner arrived in Warsaw on Wednesday for a state visit to Poland. ' +
        'He held talks the same day with Polish President Jerzy Malinowski at the presidential palace.',
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

  it('"paid a visit to COUNTRY"', () => {
    // 2025-01-23 is a Thursday: Monday is 2025-01-20.
    expectEvents(
      'en',
      "Namibia's Foreign Minister Ndapewa Shikongo paid a visit to Zambia on Monday to inspect a cross-border power project.",
      '2025-01-23',
      [ev({ type: 'visit', participants: 'NAM;ZMB', actor: 'NAM', host: 'ZMB', date: '2025-01-20', country: 'ZMB', people: ['Ndapewa Shikongo'] })],
    );
  });

  it('travel to attend a summit abroad is a visit to the host country', () => {
    // 2024-10-04 is a Friday.
    expectEvents(
      'en',
      'Croatian Prime Minister Ivan Perkovic travelled to Brussels on Friday to attend a European Union summit.',
      '2024-10-04',
      [ev({ type: 'visit', participants: 'BEL;HRV', actor: 'HRV', host: 'BEL', date: '2024-10-04', city: 'Brussels', country: 'BEL', people: ['Ivan Perkovic'] })],
    );
  });
});
