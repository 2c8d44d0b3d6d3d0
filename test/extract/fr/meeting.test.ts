import { describe, it } from 'vitest';
import { ev, expectEvents } from '../../helpers/extract.js';

describe('fr — meetings', () => {
  it('"s\'est entretenu à CITY avec son homologue": one meeting, both people, no visit without reported travel', () => {
    // 2023-11-09 is a Thursday.
    expectEvents(
      'fr',
      "Le ministre polonais des Affaires étrangères, Tomasz Wieczorek, s'est entretenu jeudi à Vienne avec son homologue autrichienne, Katharina Gruber.",
      '2023-11-09',
      [ev({ type: 'meeting', participants: 'AUT;POL', date: '2023-11-09', city: 'Vienna', country: 'AUT', people: ['Katharina Gruber', 'Tomasz Wieczorek'] })],
    );
  });

  it('"a reçu en audience": the host and the guest meet; the place is unknown', () => {
    // 2022-04-27 is a Wednesday.
    expectEvents(
      'fr',
      "Le président zambien, Mwansa Chileshe, a reçu en audience mercredi le ministre malawite des Affaires étrangères, Chikondi Banda, porteur d'un message de son chef de l'État.",
      '2022-04-27',
      [ev({ type: 'meeting', participants: 'MWI;ZMB', date: '2022-04-27', people: ['Chikondi Banda', 'Mwansa Chileshe'] })],
    );
  });

  it('one meeting per trip: talks with the minister and an audience with the president merge, dated by the first', () => {
    // 2022-09-14 is a Wednesday: lundi 12, mardi 13.
    expectEvents(
      'fr',
      "Le ministre équatorien des Affaires étrangères, Andrés Cordero Vélez, est arrivé lundi à Mexico. " +
        "Il s'est entretenu lundi soir avec son homologue mexicaine, Lucía Treviño Garza. " +
        "Mardi, il a été reçu par le président mexicain, Emiliano Robles Ortega.",
      '2022-09-14',
      [
        ev({ type: 'visit', participants: 'ECU;MEX', actor: 'ECU', host: 'MEX', date: '2022-09-12', city: 'Mexico City', country: 'MEX', people: ['Andrés Cordero Vélez'] }),
        ev({ type: 'meeting', participants: 'ECU;MEX', date: '2022-09-12', city: 'Mexico City', country: 'MEX', people: ['Andrés Cordero Vélez', 'Emiliano Robles Ortega', 'Lucía Treviño Garza'] }),
      ],
    );
  });

  it('"le jour même" dates the talks by the arrival day, before the later audience', () => {
    // 2022-09-14 is a Wednesday: lundi 12, mardi 13.
    expectEvents(
      'fr',
      "Le ministre équatorien des Affaires étrangères, Andrés Cordero Vélez, est arrivé lundi à Mexico. " +
        "Il s'est entretenu le jour même avec son homologue mexicaine, Lucía Treviño Garza. " +
        'Mardi, il a été reçu par le président mexicain, Emiliano Robles Ortega.',
      '2022-09-14',
      [
        ev({ type: 'visit', participants: 'ECU;MEX', actor: 'ECU', host: 'MEX', date: '2022-09-12', city: 'Mexico City', country: 'MEX', people: ['Andrés Cordero Vélez'] }),
        ev({ type: 'meeting', participants: 'ECU;MEX', date: '2022-09-12', city: 'Mexico City', country: 'MEX', people: ['Andrés Cordero Vélez', 'Emiliano Robles Ortega', 'Lucía Treviño Garza'] }),
      ],
    );
  });

  it('a bilateral meeting on the sidelines of a summit: the meeting, not the plenary, and no visit', () => {
    // 2025-01-23 is a Thursday: "mardi" is 2025-01-21.
    expectEvents(
      'fr',
      "En marge du sommet de l'Union africaine à Addis-Abeba, le président ghanéen, Kofi Mensah Owusu, a rencontré mardi son homologue namibien, Tangeni Amutenya.",
      '2025-01-23',
      [ev({ type: 'meeting', participants: 'GHA;NAM', date: '2025-01-21', city: 'Addis Ababa', country: 'ETH', people: ['Kofi Mensah Owusu', 'Tangeni Amutenya'] })],
    );
  });

  it('a working session between two delegations named by adjectives', () => {
    // 2024-10-04 is a Friday.
    expectEvents(
      'fr',
      "Les délégations croate et serbe ont tenu vendredi à Belgrade une séance de travail consacrée à la gestion des frontières.",
      '2024-10-04',
      [ev({ type: 'meeting', participants: 'HRV;SRB', date: '2024-10-04', city: 'Belgrade', country: 'SRB' })],
    );
  });

  it('"a été reçu par" with the host named first by title', () => {
    // 2025-06-05 is a Thursday: "lundi" is 2025-06-02.
    expectEvents(
      'fr',
      "Le ministre tchadien des Affaires étrangères, Abakar Mahamat Nour, a été reçu lundi à Rome par la présidente du Conseil italien, Giulia Ferraresi.",
      '2025-06-05',
      [ev({ type: 'meeting', participants: 'ITA;TCD', date: '2025-06-02', city: 'Rome', country: 'ITA', people: ['Abakar Mahamat Nour', 'Giulia Ferraresi'] })],
    );
  });

  it('talks between ministers of two countries named as countries', () => {
    expectEvents(
      'fr',
      "Les ministres des Affaires étrangères du Portugal et du Mozambique ont eu mardi à Maputo des entretiens sur la sécurité maritime.",
      '2024-03-28',
      [ev({ type: 'meeting', participants: 'MOZ;PRT', date: '2024-03-26', city: 'Maputo', country: 'MOZ' })],
    );
  });
});
