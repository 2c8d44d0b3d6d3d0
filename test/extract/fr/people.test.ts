import { describe, expect, it } from 'vitest';
import { ev, eventsOfType, expectEvents } from '../../helpers/extract.js';

// 2024-03-28 is a Thursday: "mardi" is 2024-03-26.
const PUB = '2024-03-28';

describe('fr — people and their countries', () => {
  describe('a demonym gives the country, in all four forms', () => {
    it('masculine singular: "son homologue péruvien, NAME"', () => {
      expectEvents(
        'fr',
        "Le ministre kényan des Affaires étrangères, Peter Kamau Njoroge, s'est entretenu mardi à Nairobi avec son homologue péruvien, Rodrigo Salazar Quispe.",
        PUB,
        [ev({ type: 'meeting', participants: 'KEN;PER', date: '2024-03-26', city: 'Nairobi', country: 'KEN', people: ['Peter Kamau Njoroge', 'Rodrigo Salazar Quispe'] })],
      );
    });

    it('feminine singular: "son homologue péruvienne, NAME"', () => {
      expectEvents(
        'fr',
        "Le ministre kényan des Affaires étrangères, Peter Kamau Njoroge, s'est entretenu mardi à Nairobi avec son homologue péruvienne, Carmen Huamán Rojas.",
        PUB,
        [ev({ type: 'meeting', participants: 'KEN;PER', date: '2024-03-26', city: 'Nairobi', country: 'KEN', people: ['Carmen Huamán Rojas', 'Peter Kamau Njoroge'] })],
      );
    });

    it('masculine plural: "deux ministres péruviens, NAME et NAME"', () => {
      expectEvents(
        'fr',
        "Le ministre kényan du Commerce, Peter Kamau Njoroge, a rencontré mardi à Nairobi deux ministres péruviens, Julio Mamani Condori et Rodrigo Salazar Quispe.",
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

    it('feminine plural: "deux ministres péruviennes, NAME et NAME"', () => {
      expectEvents(
        'fr',
        "Le ministre kényan du Commerce, Peter Kamau Njoroge, a rencontré mardi à Nairobi deux ministres péruviennes, Carmen Huamán Rojas et Rosa Ccori Vargas.",
        PUB,
        [
          ev({
            type: 'meeting',
            participants: 'KEN;PER',
            date: '2024-03-26',
            city: 'Nairobi',
            country: 'KEN',
            people: ['Carmen Huamán Rojas', 'Peter Kamau Njoroge', 'Rosa Ccori Vargas'],
          }),
        ],
      );
    });
  });

  it('a later "M. NAME" resolves to the full name given earlier', () => {
    // 2024-02-14 is a Wednesday: "dimanche" is 2024-02-11, "lundi" 2024-02-12.
    const meetings = eventsOfType(
      'fr',
      "Le ministre éthiopien des Affaires étrangères, Dawit Alemu Bekele, est arrivé dimanche à Oslo. " +
        "Lundi, M. Bekele a été reçu par le Premier ministre norvégien, Henrik Solheim.",
      '2024-02-14',
      'meeting',
    );
    expect(meetings).toEqual([ev({ type: 'meeting', participants: 'ETH;NOR', date: '2024-02-12', city: 'Oslo', country: 'NOR', people: ['Dawit Alemu Bekele', 'Henrik Solheim'] })]);
  });

  it('a later "Mme NAME" resolves to the full name given earlier', () => {
    // 2025-01-23 is a Thursday: "mercredi" is 2025-01-22.
    const calls = eventsOfType(
      'fr',
      "La ministre namibienne des Affaires étrangères, Ndapewa Shikongo, a pris ses fonctions lundi. " +
        "Mercredi, Mme Shikongo a eu un entretien téléphonique avec son homologue botswanais, Kagiso Molefe.",
      '2025-01-23',
      'call',
    );
    expect(calls).toEqual([ev({ type: 'call', participants: 'BWA;NAM', date: '2025-01-22', people: ['Kagiso Molefe', 'Ndapewa Shikongo'] })]);
  });

  it('names with lower-case particles are kept whole ("do", "van der", "de la")', () => {
    // 2023-07-12 is a Wednesday: "lundi" is 2023-07-10.
    expectEvents(
      'fr',
      "La ministre portugaise des Affaires étrangères, Maria do Carmo Sequeira, s'est entretenue lundi à Lisbonne avec son homologue néerlandais, Pieter van der Linde.",
      '2023-07-12',
      [ev({ type: 'meeting', participants: 'NLD;PRT', date: '2023-07-10', city: 'Lisbon', country: 'PRT', people: ['Maria do Carmo Sequeira', 'Pieter van der Linde'] })],
    );
  });

  it('a name with "de la" between given name and surname', () => {
    expectEvents(
      'fr',
      "Le ministre colombien des Affaires étrangères, Felipe Arango Mejía, a reçu mardi à Bogota son homologue péruvienne, María José de la Fuente.",
      PUB,
      [ev({ type: 'meeting', participants: 'COL;PER', date: '2024-03-26', city: 'Bogotá', country: 'COL', people: ['Felipe Arango Mejía', 'María José de la Fuente'] })],
    );
  });

  it('hyphenated given names and surnames are one name', () => {
    // 2022-11-24 is a Thursday.
    expectEvents(
      'fr',
      "Le ministre béninois des Affaires étrangères, Jean-Baptiste Hounkpè-Adjovi, s'est entretenu jeudi à Conakry avec son homologue guinéen, Mamadou Saliou Camara-Diallo.",
      '2022-11-24',
      [ev({ type: 'meeting', participants: 'BEN;GIN', date: '2022-11-24', city: 'Conakry', country: 'GIN', people: ['Jean-Baptiste Hounkpè-Adjovi', 'Mamadou Saliou Camara-Diallo'] })],
    );
  });

  it('titles are not part of names', () => {
    const meetings = eventsOfType(
      'fr',
      "Le président mexicain Emiliano Robles Ortega a reçu mardi au Palais national le Premier ministre canadien Liam Whitfield.",
      PUB,
      'meeting',
    );
    expect(meetings.map((m) => m.people)).toEqual([['Emiliano Robles Ortega', 'Liam Whitfield']]);
    expect(meetings[0]?.participants).toBe('CAN;MEX');
  });
});
