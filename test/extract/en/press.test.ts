import { describe, expect, it } from 'vitest';
import { ev, eventsOfType, expectEvents, expectNothing } from '../../helpers/extract.js';

describe('en — press conferences', () => {
  it('a joint press conference after talks: both countries, the same place and day', () => {
    // 2023-11-09 is a Thursday.
    expectEvents(
      'en',
      'Austrian Foreign Minister Katharina Gruber held talks with her Polish counterpart, Tomasz Wieczorek, in Warsaw on Thursday. ' +
        'The two ministers later gave a joint press conference.',
      '2023-11-09',
      [
        ev({ type: 'meeting', participants: 'AUT;POL', date: '2023-11-09', city: 'Warsaw', country: 'POL', people: ['Katharina Gruber', 'Tomasz Wieczorek'] }),
        ev({ type: 'press_conference', participants: 'AUT;POL', date: '2023-11-09', city: 'Warsaw', country: 'POL', people: ['Katharina Gruber', 'Tomasz Wieczorek'] }),
      ],
    );
  });

  it('a news conference given by one side alone has that side as the only participant', () => {
    // 2025-01-23 is a Thursday: Monday is 2025-01-20.
    expectEvents(
      'en',
      "Chad's Foreign Minister Abakar Mahamat Nour held a news conference in N'Djamena on Monday on the humanitarian situation in the east of the country.",
      '2025-01-23',
      [ev({ type: 'press_conference', participants: 'TCD', date: '2025-01-20', city: "N'Djamena", country: 'TCD', people: ['Abakar Mahamat Nour'] })],
    );
  });

  it('"told reporters": two ministers speaking to the press together', () => {
    // 2024-02-14 is a Wednesday: Tuesday is 2024-02-13.
    expectEvents(
      'en',
      'Ethiopian Foreign Minister Dawit Alemu Bekele and his Norwegian counterpart, Anders Tveit Lunde, told reporters in Oslo on Tuesday that relations between the two countries had never been better.',
      '2024-02-14',
      [ev({ type: 'press_conference', participants: 'ETH;NOR', date: '2024-02-13', city: 'Oslo', country: 'NOR', people: ['Anders Tveit Lunde', 'Dawit Alemu Bekele'] })],
    );
  });

  it('several press appearances by the same countries on one trip are one event', () => {
    // 2023-02-16 is a Thursday: Monday is 2023-02-13.
    const press = eventsOfType(
      'en',
      'Cuban President Ernesto Valdes Rivero arrived in Hanoi on Monday for an official visit to Vietnam. ' +
        'On Monday evening he and Vietnamese President Tran Quoc Minh issued a joint press statement. ' +
        'On Tuesday the two presidents held a joint press conference in Ho Chi Minh City.',
      '2023-02-16',
      'press_conference',
    );
    expect(press).toHaveLength(1);
    expect(press[0]?.participants).toBe('CUB;VNM');
  });

  it('a written statement is not a press conference', () => {
    expectNothing(
      'en',
      "In a statement issued on Tuesday, Malaysia's foreign ministry welcomed Thailand's decision to reopen its border crossings.",
      '2024-06-20',
    );
  });
});
