import { describe, expect, it } from 'vitest';
import { ag, ev, eventsOfType, expectEvents, expectExtraction } from '../../helpers/extract.js';

describe('en — places', () => {
  describe('capitals standing for their states', () => {
    it('"Warsaw and Vienna signed": the two states sign; the place is not said', () => {
      // 2023-07-12 is a Wednesday: Monday is 2023-07-10.
      expectExtraction('en', 'Warsaw and Vienna signed an air transport agreement on Monday.', '2023-07-12', {
        events: [ev({ type: 'signing', participants: 'AUT;POL', date: '2023-07-10' })],
        agreements: [ag({ topic: 'transport', parties: 'AUT;POL', date: '2023-07-10' })],
      });
    });

    it('"Nairobi and Kampala held talks": a meeting of the two states', () => {
      // 2023-02-16 is a Thursday.
      expectEvents('en', 'Nairobi and Kampala held talks on Thursday on security along their common border.', '2023-02-16', [
        ev({ type: 'meeting', participants: 'KEN;UGA', date: '2023-02-16' }),
      ]);
    });
  });

  describe('spelling variants become the gazetteer\'s English names', () => {
    const cases: [string, string, string][] = [
      ['in Beijing', 'Beijing', 'CHN'],
      ['in Havana', 'Havana', 'CUB'],
      ['in Warsaw', 'Warsaw', 'POL'],
      ['in Bogota', 'Bogotá', 'COL'],
      ['in Kiev', 'Kyiv', 'UKR'],
      ['in Mexico City', 'Mexico City', 'MEX'],
      ['in Addis Ababa', 'Addis Ababa', 'ETH'],
      ['in Cairo', 'Cairo', 'EGY'],
    ];
    for (const [where, city, country] of cases) {
      it(`"${where}" → ${city}`, () => {
        // 2024-12-11 is a Wednesday: Monday is 2024-12-09.
        expectEvents('en', `Canadian Foreign Minister Liam Whitfield arrived ${where} on Monday for an official visit.`, '2024-12-11', [
          ev({ type: 'visit', participants: ['CAN', country].sort().join(';'), actor: 'CAN', host: country, date: '2024-12-09', city, country, people: ['Liam Whitfield'] }),
        ]);
      });
    }
  });

  it('"in the Malaysian capital" is Kuala Lumpur', () => {
    // 2025-03-08 is a Saturday.
    expectEvents('en', 'Thai Prime Minister Somchai Rattanakul arrived in the Malaysian capital on Saturday for a two-day visit.', '2025-03-08', [
      ev({ type: 'visit', participants: 'MYS;THA', actor: 'THA', host: 'MYS', date: '2025-03-08', city: 'Kuala Lumpur', country: 'MYS', people: ['Somchai Rattanakul'] }),
    ]);
  });

  it('a city that is not the capital places the event and gives the host', () => {
    // 2022-04-27 is a Wednesday: Monday is 2022-04-25.
    expectEvents('en', 'Ghanaian Trade Minister Abena Serwaa Darko arrived in Cotonou on Monday for a working visit.', '2022-04-27', [
      ev({ type: 'visit', participants: 'BEN;GHA', actor: 'GHA', host: 'BEN', date: '2022-04-25', city: 'Cotonou', country: 'BEN', people: ['Abena Serwaa Darko'] }),
    ]);
  });

  it('an institution stands for its state: "received at the White House"', () => {
    const meetings = eventsOfType('en', 'Tanzanian President Juma Mwinyi Kassim was received at the White House on Tuesday by the US president.', '2023-02-16', 'meeting');
    expect(meetings.map((m) => m.participants)).toEqual(['TZA;USA']);
  });
});
