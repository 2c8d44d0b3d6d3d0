import { describe, it } from 'vitest';
import { ev, expectEvents } from '../../helpers/extract.js';

describe('en — calls', () => {
  it('"held a telephone conversation with his counterpart": a call, both people, no location', () => {
    // 2024-12-11 is a Wednesday.
    expectEvents(
      'en',
      'Qatari Foreign Minister Khalid Al Kuwari held a telephone conversation on Wednesday with his Omani counterpart, Hamad Al Busaidi.',
      '2024-12-11',
      [ev({ type: 'call', participants: 'OMN;QAT', date: '2024-12-11', people: ['Hamad Al Busaidi', 'Khalid Al Kuwari'] })],
    );
  });

  it('"spoke by phone" is a call, not a meeting', () => {
    // 2023-02-16 is a Thursday: Tuesday is 2023-02-14.
    expectEvents(
      'en',
      'Tanzanian President Neema Mwakalinga spoke by phone on Tuesday with Kenyan President Daniel Kiprono Mutai.',
      '2023-02-16',
      [ev({ type: 'call', participants: 'KEN;TZA', date: '2023-02-14', people: ['Daniel Kiprono Mutai', 'Neema Mwakalinga'] })],
    );
  });

  it('a video call carries no location even when the caller is placed in a city', () => {
    expectEvents(
      'en',
      'Speaking from Oslo, Norwegian Prime Minister Ingrid Haugland held a video call yesterday with Finnish President Mikko Rautio.',
      '2025-09-18',
      [ev({ type: 'call', participants: 'FIN;NOR', date: '2025-09-17', people: ['Ingrid Haugland', 'Mikko Rautio'] })],
    );
  });

  it('one sentence listing calls with several countries gives one call per country', () => {
    // 2024-06-20 is a Thursday: Tuesday is 2024-06-18.
    expectEvents(
      'en',
      'The Greek foreign minister held phone talks on Tuesday with his Cypriot, Italian and Maltese counterparts.',
      '2024-06-20',
      [
        ev({ type: 'call', participants: 'CYP;GRC', date: '2024-06-18' }),
        ev({ type: 'call', participants: 'GRC;ITA', date: '2024-06-18' }),
        ev({ type: 'call', participants: 'GRC;MLT', date: '2024-06-18' }),
      ],
    );
  });

  it('a counterpart whose country is not given is left out; the known one gives a call', () => {
    // 2025-09-18 is a Thursday: Tuesday is 2025-09-16.
    expectEvents(
      'en',
      'Greek Foreign Minister Giorgos Antonakos held phone talks on Tuesday with his Cypriot counterpart and with another counterpart whose country the ministry did not name.',
      '2025-09-18',
      [ev({ type: 'call', participants: 'CYP;GRC', date: '2025-09-16', people: ['Giorgos Antonakos'] })],
    );
  });

  it('a conversation told first as a call, then detailed with meeting words, stays one call', () => {
    // 2022-11-25 is a Friday.
    expectEvents(
      'en',
      'Peruvian President Rodrigo Salazar Quispe had a phone call on Friday with his Colombian counterpart, Felipe Arango Mejia. ' +
        'The two leaders discussed security along their shared border during the talks.',
      '2022-11-25',
      [ev({ type: 'call', participants: 'COL;PER', date: '2022-11-25', people: ['Felipe Arango Mejia', 'Rodrigo Salazar Quispe'] })],
    );
  });
});
