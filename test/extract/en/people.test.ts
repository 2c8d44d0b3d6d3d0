import { describe, expect, it } from 'vitest';
import { ev, eventsOfType, expectEvents } from '../../helpers/extract.js';

// 2024-03-28 is a Thursday: Tuesday is 2024-03-26.
const PUB = '2024-03-28';

describe('en — people and their countries', () => {
  it('"his Kenyan counterpart, NAME"', () => {
    expectEvents(
      'en',
      'On Tuesday, Peruvian Foreign Minister Rodrigo Salazar Quispe met his Kenyan counterpart, Peter Kamau Njoroge, in Nairobi.',
      PUB,
      [ev({ type: 'meeting', participants: 'KEN;PER', date: '2024-03-26', city: 'Nairobi', country: 'KEN', people: ['Peter Kamau Njoroge', 'Rodrigo Salazar Quispe'] })],
    );
  });

  it('"Ghana\'s Foreign Minister NAME": a possessive country before the title', () => {
    // 2023-05-17 is a Wednesday.
    expectEvents(
      'en',
      "Ghana's Foreign Minister Kwame Asante Boateng held talks in Lisbon on Wednesday with Portuguese Prime Minister Duarte Vasconcelos Pinto.",
      '2023-05-17',
      [ev({ type: 'meeting', participants: 'GHA;PRT', date: '2023-05-17', city: 'Lisbon', country: 'PRT', people: ['Duarte Vasconcelos Pinto', 'Kwame Asante Boateng'] })],
    );
  });

  it('"NAME, Kenya\'s trade minister": the role after the name gives the country', () => {
    expectEvents(
      'en',
      "Peter Kamau Njoroge, Kenya's trade minister, met Peruvian Foreign Minister Rodrigo Salazar Quispe in Nairobi on Tuesday.",
      PUB,
      [ev({ type: 'meeting', participants: 'KEN;PER', date: '2024-03-26', city: 'Nairobi', country: 'KEN', people: ['Peter Kamau Njoroge', 'Rodrigo Salazar Quispe'] })],
    );
  });

  it('a plural demonym before two names: "two Peruvian ministers, NAME and NAME"', () => {
    expectEvents(
      'en',
      'On Tuesday, Kenyan Trade Minister Peter Kamau Njoroge met two Peruvian ministers, Julio Mamani Condori and Rodrigo Salazar Quispe, in Nairobi.',
      PUB,
      [
        ev({
          type: 'meeting',
          participants: 'KEN;PER',
          date: '2024-03-26',
          city: 'Nairobi',
          country: 'KEN',
          people: ['Julio Mamani Condori', 'Peter Kamau Njoroge', 'Rodrigo Salazar Quispe'],
        }),
      ],
    );
  });

  it('a later "Mr NAME" resolves to the full name given earlier', () => {
    // 2024-02-14 is a Wednesday: Sunday 11, Monday 12.
    const meetings = eventsOfType(
      'en',
      'Ethiopian Foreign Minister Dawit Alemu Bekele arrived in Oslo on Sunday. ' +
        'On Monday, Mr Bekele was received by Norwegian Prime Minister Henrik Solheim.',
      '2024-02-14',
      'meeting',
    );
    expect(meetings).toEqual([ev({ type: 'meeting', participants: 'ETH;NOR', date: '2024-02-12', city: 'Oslo', country: 'NOR', people: ['Dawit Alemu Bekele', 'Henrik Solheim'] })]);
  });

  it('a later "Ms NAME" resolves to the full name given earlier', () => {
    // 2025-01-23 is a Thursday: Monday 20, Wednesday 22.
    const calls = eventsOfType(
      'en',
      "Namibia's new foreign minister, Ndapewa Shikongo, took office on Monday. " +
        'On Wednesday, Ms Shikongo held a phone call with her Botswanan counterpart, Kagiso Molefe.',
      '2025-01-23',
      'call',
    );
    expect(calls).toEqual([ev({ type: 'call', participants: 'BWA;NAM', date: '2025-01-22', people: ['Kagiso Molefe', 'Ndapewa Shikongo'] })]);
  });

  it('names with lower-case particles are kept whole ("do", "van der")', () => {
    // 2023-07-12 is a Wednesday: Monday is 2023-07-10.
    expectEvents(
      'en',
      'On Monday, Portuguese Foreign Minister Maria do Carmo Sequeira met her Dutch counterpart, Pieter van der Linde, in Lisbon.',
      '2023-07-12',
      [ev({ type: 'meeting', participants: 'NLD;PRT', date: '2023-07-10', city: 'Lisbon', country: 'PRT', people: ['Maria do Carmo Sequeira', 'Pieter van der Linde'] })],
    );
  });

  it('hyphenated given names and surnames are one name', () => {
    // 2022-11-24 is a Thursday.
    expectEvents(
      'en',
      'Beninese Foreign Minister Jean-Baptiste Hounkpe-Adjovi met his Guinean counterpart, Mamadou Saliou Camara-Diallo, in Conakry on Thursday.',
      '2022-11-24',
      [ev({ type: 'meeting', participants: 'BEN;GIN', date: '2022-11-24', city: 'Conakry', country: 'GIN', people: ['Jean-Baptiste Hounkpe-Adjovi', 'Mamadou Saliou Camara-Diallo'] })],
    );
  });

  it('titles are not part of names', () => {
    const meetings = eventsOfType('en', 'Mexican President Emiliano Robles Ortega hosted his Canadian counterpart Liam Whitfield on Tuesday at the National Palace.', PUB, 'meeting');
    expect(meetings.map((m) => m.people)).toEqual([['Emiliano Robles Ortega', 'Liam Whitfield']]);
    expect(meetings[0]?.participants).toBe('CAN;MEX');
  });
});
