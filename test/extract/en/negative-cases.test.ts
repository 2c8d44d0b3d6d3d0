import { describe, it } from 'vitest';
import { expectNothing } from '../../helpers/extract.js';

describe('en — nothing to annotate', () => {
  describe('future and planned events', () => {
    it('"will visit"', () => {
      expectNothing('en', 'Peruvian President Rodrigo Salazar Quispe will visit Colombia next month for talks on border security.', '2024-06-20');
    });

    it('"is scheduled to"', () => {
      expectNothing('en', 'Greek Foreign Minister Giorgos Antonakos is scheduled to meet his Jordanian counterpart in Amman on Friday.', '2024-06-20');
    });

    it('"is expected to arrive"', () => {
      expectNothing('en', 'The Malaysian prime minister is expected to arrive in Bangkok in September for a two-day official visit.', '2024-06-20');
    });

    it('"the cabinet approved the signing of": prospective, nothing', () => {
      expectNothing('en', "Senegal's cabinet on Wednesday approved the signing of a maritime cooperation agreement with the Gambia.", '2024-06-20');
    });

    it('a cabinet that "gave the green light for the signing"', () => {
      expectNothing('en', 'The Ghanaian cabinet on Wednesday gave the green light for the signing of a cultural cooperation agreement with Portugal.', '2024-06-20');
    });

    it('an invitation to visit', () => {
      expectNothing('en', 'Finnish President Mikko Rautio invited his Estonian counterpart to pay an official visit to Helsinki.', '2024-06-20');
    });

    it('"are set to hold talks"', () => {
      expectNothing('en', 'Kenya and Tanzania are set to hold talks on fisheries at the next joint commission in Arusha.', '2024-06-20');
    });
  });

  describe('negated events', () => {
    it('"no agreement was signed"', () => {
      expectNothing('en', 'Contrary to several media reports, no agreement was signed between Zambia and Malawi.', '2024-06-20');
    });

    it('a visit that did not take place', () => {
      expectNothing('en', 'The Serbian foreign minister did not travel to Zagreb after all because of bad weather.', '2024-06-20');
    });
  });

  describe('background from another year', () => {
    it('a visit "in 2019"', () => {
      expectNothing('en', 'In 2019, Austrian President Markus Leitner paid a state visit to Poland.', '2024-06-20');
    });

    it('an agreement signed "in March 2021"', () => {
      expectNothing('en', 'Ghana and Portugal signed a health cooperation agreement in March 2021.', '2024-06-20');
    });

    it('a meeting "last year"', () => {
      expectNothing('en', 'Last year, the Norwegian minister met her Ethiopian counterpart in Oslo.', '2024-06-20');
    });
  });

  it('negotiations only: no agreement, no event', () => {
    expectNothing('en', 'Canada and Mexico are still negotiating a revised trade agreement, a diplomatic source said.', '2024-06-20');
  });

  it('a spokesperson announcing a future tour', () => {
    expectNothing(
      'en',
      'A spokeswoman for the Cuban foreign ministry said on Thursday that the foreign minister would begin a tour of Southeast Asia next week.',
      '2024-06-20',
    );
  });

  it('a post on social media', () => {
    expectNothing('en', 'In a post on X, the Omani foreign minister welcomed the release of two sailors held in the Red Sea.', '2024-06-20');
  });

  it('sentences with no diplomacy', () => {
    expectNothing(
      'en',
      "Cocoa prices rose sharply in Cote d'Ivoire this week. In Lisbon, the music festival drew more than a hundred thousand visitors, the organisers said.",
      '2024-06-20',
    );
  });
});
