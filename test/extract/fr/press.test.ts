import { describe, expect, it } from 'vitest';
import { ev, eventsOfType, expectEvents, expectNothing } from '../../helpers/extract.js';

describe('fr — press conferences', () => {
  it('a joint press conference after talks: both countries, the same place and day', () => {
    // 2023-11-09 is a Thursday.
    expectEvents(
      'fr',
      "La ministre autrichienne des Affaires étrangères, Katharina Gruber, s'est entretenue jeudi à Varsovie avec son homologue polonais, Tomasz Wieczorek. " +
        "Les deux ministres ont ensuite donné une conférence de presse conjointe.",
      '2023-11-09',
      [
        ev({ type: 'meeting', participants: 'AUT;POL', date: '2023-11-09', city: 'Warsaw', country: 'POL', people: ['Katharina Gruber', 'Tomasz Wieczorek'] }),
        ev({ type: 'press_conference', participants: 'AUT;POL', date: '2023-11-09', city: 'Warsaw', country: 'POL', people: ['Katharina Gruber', 'Tomasz Wieczorek'] }),
      ],
    );
  });

  it('a press point given by one side alone has that side as the only participant', () => {
    // 2025-01-23 is a Thursday: "lundi" is 2025-01-20.
    expectEvents(
      'fr',
      "Le ministre tchadien des Affaires étrangères, Abakar Mahamat Nour, a tenu lundi un point de presse à N'Djamena sur la situation humanitaire dans l'est du pays.",
      '2025-01-23',
      [ev({ type: 'press_conference', participants: 'TCD', date: '2025-01-20', city: "N'Djamena", country: 'TCD', people: ['Abakar Mahamat Nour'] })],
    );
  });

  it('"une déclaration à la presse" by two ministers after talks', () => {
    // 2024-02-14 is a Wednesday: "mardi" is 2024-02-13.
    expectEvents(
      'fr',
      "Le ministre éthiopien des Affaires étrangères, Dawit Alemu Bekele, et son homologue norvégien, Anders Tveit Lunde, ont fait mardi à Oslo une déclaration à la presse.",
      '2024-02-14',
      [ev({ type: 'press_conference', participants: 'ETH;NOR', date: '2024-02-13', city: 'Oslo', country: 'NOR', people: ['Anders Tveit Lunde', 'Dawit Alemu Bekele'] })],
    );
  });

  it('several press appearances by the same countries on one trip are one event', () => {
    const press = eventsOfType(
      'fr',
      "Le président cubain, Ernesto Valdés Rivero, est arrivé lundi à Hanoï pour une visite officielle au Vietnam. " +
        "Lundi soir, il a fait avec le président vietnamien, Tran Quoc Minh, une déclaration à la presse. " +
        "Mardi, les deux présidents ont donné une conférence de presse conjointe à Hô Chi Minh-Ville.",
      '2023-02-16',
      'press_conference',
    );
    expect(press).toHaveLength(1);
    expect(press[0]?.participants).toBe('CUB;VNM');
  });

  it('a written communiqué is not a press conference', () => {
    expectNothing(
      'fr',
      "Dans un communiqué publié mardi, le ministère malaisien des Affaires étrangères a salué la décision de la Thaïlande de rouvrir ses postes-frontières.",
      '2024-06-20',
    );
  });
});
