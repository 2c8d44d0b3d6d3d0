import { describe, it } from 'vitest';
import { ev, expectEvents } from '../../helpers/extract.js';

describe('en — meetings', () => {
  it('"met his counterpart in CITY": one meeting, both people, no visit without reported travel', () => {
    // 2023-11-09 is a Thursday.
    expectEvents(
      'en',
      'Polish Foreign Minister Tomasz Wieczorek met his Austrian counterpart, Katharina Gruber, in Vienna on Thursday.',
      '2023-11-09',
      [ev({ type: 'meeting', participants: 'AUT;POL', date: '2023-11-09', city: 'Vienna', country: 'AUT', people: ['Katharina Gruber', 'Tomasz Wieczorek'] })],
    );
  });

  it('"was received by" the head of state: a meeting; the place is unknown', () => {
    // 2022-04-27 is a Wednesday.
    expectEvents(
      'en',
      'Malawian Foreign Minister Chikondi Banda was received on Wednesday by Zambian President Mwansa Chileshe, to whom he delivered a message from his head of state.',
      '2022-04-27',
      [ev({ type: 'meeting', participants: 'MWI;ZMB', date: '2022-04-27', people: ['Chikondi Banda', 'Mwansa Chileshe'] })],
    );
  });

  it('one meeting per trip: talks with the minister and a call on the president merge, dated by the first', () => {
    // 2022-09-14 is a Wednesday: Monday 12, Tuesday 13.
    expectEvents(
      'en',
      'Ecuadorian Foreign Minister Andres Cordero Velez arrived in Mexico City on Monday. ' +
        'He held talks on Monday evening with his Mexican counterpart, Lucia Trevino Garza. ' +
        'On Tuesday he was received by Mexican President Emiliano Robles Ortega.',
      '2022-09-14',
      [
        ev({ type: 'visit', participants: 'ECU;MEX', actor: 'ECU', host: 'MEX', date: '2022-09-12', city: 'Mexico City', country: 'MEX', people: ['Andres Cordero Velez'] }),
        ev({ type: 'meeting', participants: 'ECU;MEX', date: '2022-09-12', city: 'Mexico City', country: 'MEX', people: ['Andres Cordero Velez', 'Emiliano Robles Ortega', 'Lucia Trevino Garza'] }),
      ],
    );
  });

  it('"the same day" dates the talks by the arrival day, before the later audience', () => {
    // 2022-09-14 is a Wednesday: Monday 12, Tuesday 13.
    expectEvents(
      'en',
      'Ecuadorian Foreign Minister Andres Cordero Velez arrived in Mexico City on Monday. ' +
        'He held talks the same day with his Mexican counterpart, Lucia Trevino Garza. ' +
        'On Tuesday he was received by Mexican President Emiliano Robles Ortega.',
      '2022-09-14',
      [
        ev({ type: 'visit', participants: 'ECU;MEX', actor: 'ECU', host: 'MEX', date: '2022-09-12', city: 'Mexico City', country: 'MEX', people: ['Andres Cordero Velez'] }),
        ev({ type: 'meeting', participants: 'ECU;MEX', date: '2022-09-12', city: 'Mexico City', country: 'MEX', people: ['Andres Cordero Velez', 'Emiliano Robles Ortega', 'Lucia Trevino Garza'] }),
      ],
    );
  });

  it('a bilateral meeting on the sidelines of a summit: the meeting, not the plenary, and no visit', () => {
    // 2025-01-23 is a Thursday: Tuesday is 2025-01-21.
    expectEvents(
      'en',
      'On the sidelines of the African Union summit in Addis Ababa, Ghanaian President Kofi Mensah Owusu met his Namibian counterpart, Tangeni Amutenya, on Tuesday.',
      '2025-01-23',
      [ev({ type: 'meeting', participants: 'GHA;NAM', date: '2025-01-21', city: 'Addis Ababa', country: 'ETH', people: ['Kofi Mensah Owusu', 'Tangeni Amutenya'] })],
    );
  });

  it('talks between two delegations named by adjectives', () => {
    // 2024-10-04 is a Friday.
    expectEvents('en', 'Croatian and Serbian delegations held talks in Belgrade on Friday on border management.', '2024-10-04', [
      ev({ type: 'meeting', participants: 'HRV;SRB', date: '2024-10-04', city: 'Belgrade', country: 'SRB' }),
    ]);
  });

  it('"sat down with": a meeting', () => {
    // 2025-06-05 is a Thursday: Monday is 2025-06-02.
    expectEvents(
      'en',
      "Chad's Foreign Minister Abakar Mahamat Nour sat down with Italian Prime Minister Giulia Ferraresi in Rome on Monday.",
      '2025-06-05',
      [ev({ type: 'meeting', participants: 'ITA;TCD', date: '2025-06-02', city: 'Rome', country: 'ITA', people: ['Abakar Mahamat Nour', 'Giulia Ferraresi'] })],
    );
  });

  it('talks between ministers of two countries named as countries', () => {
    // 2024-03-28 is a Thursday: Tuesday is 2024-03-26.
    expectEvents('en', 'The foreign ministers of Portugal and Mozambique held talks in Maputo on Tuesday on maritime security.', '2024-03-28', [
      ev({ type: 'meeting', participants: 'MOZ;PRT', date: '2024-03-26', city: 'Maputo', country: 'MOZ' }),
    ]);
  });
});
