/**
 * Constructions first written as pending cases (test/extract/pending.test.ts) and learned
 * since: planned participles after the trigger, invitations, fronted dates, companies,
 * cabinet authorisations, lakes, plural witness titles, stays, hosting verbs, dates after an
 * apposition, transitive visits.
 */
import { describe, expect, it } from 'vitest';
import { ag, ev, eventsOfType, expectEvents, expectExtraction, expectNothing } from '../../helpers/extract.js';

describe('en constructions', () => {
  // visit (host side): GOLD-FORMAT's visit row covers a country that "hosts one": "X hosted his
  // Austrian counterpart Y in Warsaw" reports Y's stay in Poland. Only the meeting is read;
  // "hosted his" is a meeting trigger and nothing turns the guest into a visitor.
  it('en visit: "hosted his Austrian counterpart NAME in Warsaw" is also a visit AUT>POL', () => {
    // 2025-09-18 is a Thursday: Wednesday is 2025-09-17.
    const visits = eventsOfType('en', 'Polish President Jerzy Malinowski hosted his Austrian counterpart Markus Leitner in Warsaw on Wednesday.', '2025-09-18', 'visit');
    expect(visits).toEqual([
      ev({ type: 'visit', participants: 'AUT;POL', actor: 'AUT', host: 'POL', date: '2025-09-17', city: 'Warsaw', country: 'POL', people: ['Markus Leitner'] }),
    ]);
  });

  // dates: "met his Kenyan counterpart, NAME, in Nairobi on Tuesday": the date comes after a
  // comma-delimited appositive; with the comma cost it is beyond MAX_DATE_GAP from "met", so the
  // meeting takes the publication date. Very common English word order (also "… met her Dutch
  // counterpart, NAME, in Lisbon on Monday", "… two Peruvian ministers, X and Y, in Nairobi on Tuesday").
  it('en dates: "met his Kenyan counterpart, NAME, in Nairobi on Tuesday" is dated Tuesday', () => {
    // 2024-03-28 is a Thursday: Tuesday is 2024-03-26.
    expectEvents('en', 'Peruvian Foreign Minister Rodrigo Salazar Quispe met his Kenyan counterpart, Peter Kamau Njoroge, in Nairobi on Tuesday.', '2024-03-28', [
      ev({ type: 'meeting', participants: 'KEN;PER', date: '2024-03-26', city: 'Nairobi', country: 'KEN', people: ['Peter Kamau Njoroge', 'Rodrigo Salazar Quispe'] }),
    ]);
  });

  it('en dates: "met two Peruvian ministers, X and Y, in Nairobi on Tuesday" is dated Tuesday', () => {
    expectEvents(
      'en',
      'Kenyan Trade Minister Peter Kamau Njoroge met two Peruvian ministers, Julio Mamani Condori and Rodrigo Salazar Quispe, in Nairobi on Tuesday.',
      '2024-03-28',
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

  // topics: "railway" (singular) and "rail" are not in the English topics (only "railways"), so a
  // railway agreement is "other" instead of "transport".
  it('en topics: "a railway cooperation agreement" is transport', () => {
    // 2023-07-12 is a Wednesday: Monday is 2023-07-10.
    expectExtraction('en', 'Warsaw and Vienna signed a railway cooperation agreement on Monday.', '2023-07-12', {
      events: [ev({ type: 'signing', participants: 'AUT;POL', date: '2023-07-10' })],
      agreements: [ag({ topic: 'transport', parties: 'AUT;POL', date: '2023-07-10' })],
    });
  });

  // visit: transitive "visited Zambia": the country is the verb's object, with no locative
  // preposition, so no host is found and no visit is produced at all.
  it('en visit: "NAME visited Zambia on Monday" is a visit with host ZMB', () => {
    // 2025-01-23 is a Thursday: Monday is 2025-01-20.
    expectEvents('en', "Namibia's Foreign Minister Ndapewa Shikongo visited Zambia on Monday to inspect a cross-border power project.", '2025-01-23', [
      ev({ type: 'visit', participants: 'NAM;ZMB', actor: 'NAM', host: 'ZMB', date: '2025-01-20', country: 'ZMB', people: ['Ndapewa Shikongo'] }),
    ]);
  });

  // visit: "has been in Addis Ababa since Wednesday" reports a stay (GOLD-FORMAT: "is in X for"),
  // but no stay verb is a trigger.
  it('en visit: "has been in Addis Ababa since Wednesday for the AU summit" is a visit', () => {
    // 2025-01-23 is a Thursday: Wednesday is 2025-01-22.
    expectEvents('en', 'Beninese President Romuald Adjovi Dossou has been in Addis Ababa since Wednesday for the African Union summit.', '2025-01-23', [
      ev({ type: 'visit', participants: 'BEN;ETH', actor: 'BEN', host: 'ETH', date: '2025-01-22', city: 'Addis Ababa', country: 'ETH', people: ['Romuald Adjovi Dossou'] }),
    ]);
  });

  // negative-cases: companies (see the French case): "Ghanaian firm X and Portuguese group Y
  // signed a … supply contract" gives a GHA;PRT signing and an unspecified agreement.
  it('en negative: a contract signed by two companies is neither a signing nor an agreement', () => {
    expectNothing('en', 'Ghanaian firm Volta Cocoa and Portuguese group Lusomar signed a cocoa bean supply contract in Accra on Tuesday.', '2024-06-20');
  });

  // places: "Lake Victoria" (see the French case) gives a spurious KEN;SYC meeting.
  it('en places: "Lake Victoria" is not the Seychelles', () => {
    // 2023-02-16 is a Thursday.
    expectEvents('en', 'Kenya and Uganda held talks on Thursday on sharing the waters of Lake Victoria.', '2023-02-16', [
      ev({ type: 'meeting', participants: 'KEN;UGA', date: '2023-02-16' }),
    ]);
  });
  // agreements: "signed three agreements …, including one on cooperation in education": the
  // pronoun "one" after "including" is not read as a detailed item, so all three are unspecified.
  it('en agreements: "three agreements …, including one on education" is 1 education + 2 unspecified', () => {
    // 2023-10-05 is a Thursday.
    expectExtraction('en', 'Portugal and Ghana signed three agreements in Accra on Thursday, including one on cooperation in education.', '2023-10-05', {
      events: [ev({ type: 'signing', participants: 'GHA;PRT', date: '2023-10-05', city: 'Accra', country: 'GHA' })],
      agreements: [
        ag({ topic: 'education', parties: 'GHA;PRT', date: '2023-10-05' }),
        ag({ topic: 'unspecified', parties: 'GHA;PRT', date: '2023-10-05' }),
        ag({ topic: 'unspecified', parties: 'GHA;PRT', date: '2023-10-05' }),
      ],
    });
  });

  // meeting: "met the UN Secretary-General in New York": the UN (UNO) is never an actor, and
  // the meeting's city makes the USA a participant.
  it('en meeting: "met the UN Secretary-General in New York" is TCD;UNO, not TCD;USA', () => {
    // 2025-06-05 is a Thursday: Monday is 2025-06-02.
    expectEvents('en', "Chad's Foreign Minister Abakar Mahamat Nour met the UN Secretary-General in New York on Monday.", '2025-06-05', [
      ev({ type: 'meeting', participants: 'TCD;UNO', date: '2025-06-02', city: 'New York', country: 'USA', people: ['Abakar Mahamat Nour'] }),
    ]);
  });
  // companies: "Air <country>" brand names (Air Senegal, Air Côte d'Ivoire) are not read as companies, so they stand for their states.
  it('en negative: "Air Senegal and Air Côte d\'Ivoire signed a codeshare agreement" is between companies', () => {
    expectExtraction('en', "Air Senegal and Air Côte d'Ivoire signed a codeshare agreement in Dakar on Tuesday.", '2024-03-14', { events: [], agreements: [] });
  });

  // topics: only the country right after "on" is topical; a conjoined one ("on Mozambique and Angola") becomes a participant.
  it('en topics: "held talks … on Mozambique and Angola" is the two talkers only', () => {
    // 2024-03-14 is a Thursday.
    expectEvents(
      'en',
      'Tanzanian Foreign Minister Baraka Mwinyi Juma held talks with his Ugandan counterpart, Moses Okello Atim, in Kampala on Thursday on Mozambique and Angola.',
      '2024-03-14',
      [ev({ type: 'meeting', participants: 'TZA;UGA', date: '2024-03-14', city: 'Kampala', country: 'UGA', people: ['Baraka Mwinyi Juma', 'Moses Okello Atim'] })],
    );
  });

  // meeting: "chairperson" (and "chairman") is no title, so "the AU Commission chairperson" is no participant and no meeting is read.
  it('en meeting: "met the AU Commission chairperson in Lusaka" is AFR;ZMB', () => {
    // 2024-03-16 is a Saturday: Friday is 2024-03-15.
    expectEvents('en', 'Zambian President Mwila Banda Chanda met the AU Commission chairperson in Lusaka on Friday.', '2024-03-16', [
      ev({ type: 'meeting', participants: 'AFR;ZMB', date: '2024-03-15', city: 'Lusaka', country: 'ZMB', people: ['Mwila Banda Chanda'] }),
    ]);
  });
});
