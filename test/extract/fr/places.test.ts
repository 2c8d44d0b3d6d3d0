import { describe, expect, it } from 'vitest';
import { ag, ev, eventsOfType, expectEvents, expectExtraction } from '../../helpers/extract.js';

describe('fr — places', () => {
  describe('capitals standing for their states', () => {
    it('"Varsovie et Vienne ont signé": the two states sign; the place is not said', () => {
      // 2023-07-12 is a Wednesday: "lundi" is 2023-07-10.
      expectExtraction('fr', 'Varsovie et Vienne ont signé lundi un accord de coopération ferroviaire.', '2023-07-12', {
        events: [ev({ type: 'signing', participants: 'AUT;POL', date: '2023-07-10' })],
        agreements: [ag({ topic: 'transport', parties: 'AUT;POL', date: '2023-07-10' })],
      });
    });

    it('"Nairobi et Kampala ont tenu des pourparlers": a meeting of the two states', () => {
      // 2023-02-16 is a Thursday.
      expectEvents('fr', 'Nairobi et Kampala ont tenu jeudi des pourparlers sur la sécurité à leur frontière commune.', '2023-02-16', [
        ev({ type: 'meeting', participants: 'KEN;UGA', date: '2023-02-16' }),
      ]);
    });
  });

  describe('French exonyms become English city names', () => {
    const cases: [string, string, string][] = [
      ['à Pékin', 'Beijing', 'CHN'],
      ['à La Havane', 'Havana', 'CUB'],
      ['à Varsovie', 'Warsaw', 'POL'],
      ['à Copenhague', 'Copenhagen', 'DNK'],
      ['à Tbilissi', 'Tbilisi', 'GEO'],
      ['à Mexico', 'Mexico City', 'MEX'],
      ['à Addis-Abeba', 'Addis Ababa', 'ETH'],
      ['au Caire', 'Cairo', 'EGY'],
    ];
    for (const [where, city, country] of cases) {
      it(`"${where}" → ${city}`, () => {
        // 2024-12-11 is a Wednesday: "lundi" is 2024-12-09.
        expectEvents('fr', `Le ministre canadien des Affaires étrangères, Liam Whitfield, est arrivé lundi ${where} pour une visite officielle.`, '2024-12-11', [
          ev({ type: 'visit', participants: ['CAN', country].sort().join(';'), actor: 'CAN', host: country, date: '2024-12-09', city, country, people: ['Liam Whitfield'] }),
        ]);
      });
    }
  });

  it('"dans la capitale malaisienne" is Kuala Lumpur', () => {
    // 2025-03-08 is a Saturday.
    expectEvents(
      'fr',
      'Le Premier ministre thaïlandais, Somchai Rattanakul, est arrivé samedi dans la capitale malaisienne pour une visite de deux jours.',
      '2025-03-08',
      [ev({ type: 'visit', participants: 'MYS;THA', actor: 'THA', host: 'MYS', date: '2025-03-08', city: 'Kuala Lumpur', country: 'MYS', people: ['Somchai Rattanakul'] })],
    );
  });

  it('a city that is not the capital places the event and gives the host', () => {
    // 2022-04-27 is a Wednesday: "lundi" is 2022-04-25.
    expectEvents('fr', "La ministre ghanéenne du Commerce, Abena Serwaa Darko, est arrivée lundi à Cotonou pour une visite de travail.", '2022-04-27', [
      ev({ type: 'visit', participants: 'BEN;GHA', actor: 'GHA', host: 'BEN', date: '2022-04-25', city: 'Cotonou', country: 'BEN', people: ['Abena Serwaa Darko'] }),
    ]);
  });

  it('an institution stands for its state: "reçu à l\'Élysée"', () => {
    const meetings = eventsOfType('fr', "Le président tanzanien, Juma Mwinyi Kassim, a été reçu mardi à l'Élysée par le président français.", '2023-02-16', 'meeting');
    expect(meetings.map((m) => m.participants)).toEqual(['FRA;TZA']);
  });
});
