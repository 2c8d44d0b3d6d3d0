/**
 * Constructions the extractor does not read yet. Each case asserts what GOLD-FORMAT.md says
 * a careful analyst would annotate, and is wrapped in `it.fails`: it passes while the
 * extractor still gets it wrong. When a case turns red, the extractor has learned the
 * construction: move the test, unchanged, into the rule family's file (test/extract/<locale>/).
 * The comment above each case names what is missing.
 */
import { describe, expect, it } from 'vitest';
import { ag, ev, eventsOfType, expectEvents, expectExtraction } from '../helpers/extract.js';

describe('pending — fr', () => {







  // places: the city is named in a later sentence of the same trip that has no trigger
  // ("Dans la capitale kényane, il a inauguré …"); the visit keeps the country only.
  // Needs: a locative of the host country in the trip's later sentences refines the location.
  it.fails('fr places: "Dans la capitale kényane" in a later sentence locates the visit in Nairobi', () => {
    // 2023-02-16 is a Thursday: "mardi" is 2023-02-14.
    const visits = eventsOfType(
      'fr',
      "Le président tanzanien, Juma Mwinyi Kassim, a entamé mardi une visite d'État au Kenya. Dans la capitale kényane, il a inauguré un centre culturel.",
      '2023-02-16',
      'visit',
    );
    expect(visits).toEqual([
      ev({ type: 'visit', participants: 'KEN;TZA', actor: 'TZA', host: 'KEN', date: '2023-02-14', city: 'Nairobi', country: 'KEN', people: ['Juma Mwinyi Kassim'] }),
    ]);
  });

  // press: "Avant son départ d'Oslo, il a fait avec son homologue …, NAME, une déclaration à la
  // presse": "d'Oslo" is not locative (no "à"/"en"), so the city is lost; the subject "il" (the
  // visitor) is not resolved, so he is missing from people. Needs: "départ de CITY" as a location
  // of the trip; a subject pronoun standing for the traveller adds him to the event's people.
  it.fails('fr press: "Avant son départ d\'Oslo, il a fait avec son homologue … une déclaration à la presse"', () => {
    // 2024-02-14 is a Wednesday: "mardi" is 2024-02-13.
    const press = eventsOfType(
      'fr',
      'Le ministre éthiopien des Affaires étrangères, Dawit Alemu Bekele, a achevé mardi une visite de deux jours en Norvège. ' +
        "Avant son départ d'Oslo, il a fait avec son homologue norvégien, Anders Tveit Lunde, une déclaration à la presse.",
      '2024-02-14',
      'press_conference',
    );
    expect(press).toEqual([
      ev({ type: 'press_conference', participants: 'ETH;NOR', date: '2024-02-13', city: 'Oslo', country: 'NOR', people: ['Anders Tveit Lunde', 'Dawit Alemu Bekele'] }),
    ]);
  });

  // signing: a fronted witness clause "En présence des présidents kényan, NAME, et ougandais,
  // NAME, …": the witness scope stops at the first comma, so the second president is taken as a
  // signatory; the first president is missing from people; and the capitalised portfolio
  // "l'Énergie" is glued to the next name ("Énergie Grace Wanjiru").
  it.fails('fr signing: fronted "En présence des présidents kényan, X, et ougandais, Y, les ministres … ont signé"', () => {
    // 2023-07-12 is a Wednesday: "mardi" is 2023-07-11.
    expectExtraction(
      'fr',
      "En présence des présidents kényan, Daniel Kiprono Mutai, et ougandais, Joseph Okello Atim, les ministres de l'Énergie Grace Wanjiru et Moses Ssemakula ont signé mardi à Kampala un accord sur l'interconnexion électrique.",
      '2023-07-12',
      {
        events: [
          ev({
            type: 'signing',
            participants: 'KEN;UGA',
            date: '2023-07-11',
            city: 'Kampala',
            country: 'UGA',
            people: ['Daniel Kiprono Mutai', 'Grace Wanjiru', 'Joseph Okello Atim', 'Moses Ssemakula'],
          }),
        ],
        agreements: [ag({ topic: 'energy', parties: 'KEN;UGA', date: '2023-07-11', signatories: ['Grace Wanjiru', 'Moses Ssemakula'] })],
      },
    );
  });









  // visit: "arrivé la veille à Yaoundé": "la veille" between "arrivé" and "à" breaks the trigger "arrivé à", so no visit is read at all.
  it.fails('fr dates: "arrivé la veille à Yaoundé, a été reçu jeudi" is a visit from the day before', () => {
    // 2024-03-15 is a Friday: "jeudi" is 2024-03-14, "la veille" 2024-03-13.
    expectEvents(
      'fr',
      'Le président gabonais, Ange Mba Obiang, arrivé la veille à Yaoundé, a été reçu jeudi par son homologue camerounais, Paul Ngono Etoa.',
      '2024-03-15',
      [
        ev({ type: 'visit', participants: 'CMR;GAB', actor: 'GAB', host: 'CMR', date: '2024-03-13', city: 'Yaoundé', country: 'CMR', people: ['Ange Mba Obiang'] }),
        ev({ type: 'meeting', participants: 'CMR;GAB', date: '2024-03-14', city: 'Yaoundé', country: 'CMR', people: ['Ange Mba Obiang', 'Paul Ngono Etoa'] }),
      ],
    );
  });

  // dates: "son homologue …, arrivé la veille pour une visite d'État" in a sentence dated "jeudi": the visit takes the sentence's date, not the day before.
  it.fails('fr dates: "a reçu jeudi … son homologue …, arrivé la veille pour une visite d\'État" dates the visit Wednesday', () => {
    // 2024-03-15 is a Friday: "jeudi" is 2024-03-14, "la veille" 2024-03-13.
    expectEvents(
      'fr',
      "Le président camerounais, Paul Ngono Etoa, a reçu jeudi à Yaoundé son homologue gabonais, Ange Mba Obiang, arrivé la veille pour une visite d'État.",
      '2024-03-15',
      [
        ev({ type: 'visit', participants: 'CMR;GAB', actor: 'GAB', host: 'CMR', date: '2024-03-13', city: 'Yaoundé', country: 'CMR', people: ['Ange Mba Obiang'] }),
        ev({ type: 'meeting', participants: 'CMR;GAB', date: '2024-03-14', city: 'Yaoundé', country: 'CMR', people: ['Ange Mba Obiang', 'Paul Ngono Etoa'] }),
      ],
    );
  });

  // signing: a fronted "En présence du chef de l'État ghanéen, NAME, Mme X et M. Y ont signé": the named witness is taken as a signatory too.
  it.fails('fr signing: "En présence du chef de l\'État ghanéen, NAME, Mme Mensah et M. Darko ont signé": the head of state does not sign', () => {
    // 2024-03-14 is a Thursday: "lundi" is 2024-03-11.
    expectExtraction(
      'fr',
      "La ministre togolaise du Commerce, Afi Adzo Mensah, s'est entretenue lundi à Accra avec son homologue ghanéen, Kojo Ampofo Darko. " +
        "En présence du chef de l'État ghanéen, Kwame Asante Boateng, Mme Mensah et M. Darko ont ensuite signé un accord commercial.",
      '2024-03-14',
      {
        events: [
          ev({ type: 'meeting', participants: 'GHA;TGO', date: '2024-03-11', city: 'Accra', country: 'GHA', people: ['Afi Adzo Mensah', 'Kojo Ampofo Darko'] }),
          ev({ type: 'signing', participants: 'GHA;TGO', date: '2024-03-11', city: 'Accra', country: 'GHA', people: ['Afi Adzo Mensah', 'Kojo Ampofo Darko', 'Kwame Asante Boateng'] }),
        ],
        agreements: [ag({ topic: 'trade', parties: 'GHA;TGO', date: '2024-03-11', signatories: ['Afi Adzo Mensah', 'Kojo Ampofo Darko'] })],
      },
    );
  });

});

describe('pending — en', () => {



  // people: a name introduced as the sentence subject with the role after "as" ("NAME took office
  // as Namibia's foreign minister") is not registered (no title anchoring it), so the later bare
  // surname "Shikongo" is not a person and she is missing from the call's people.
  it.fails('en people: a later bare surname resolves to "NAME took office as Namibia\'s foreign minister"', () => {
    // 2025-01-23 is a Thursday: Monday 20, Wednesday 22.
    const calls = eventsOfType(
      'en',
      "Ndapewa Shikongo took office as Namibia's foreign minister on Monday. On Wednesday, Shikongo held a phone call with her Botswanan counterpart, Kagiso Molefe.",
      '2025-01-23',
      'call',
    );
    expect(calls).toEqual([ev({ type: 'call', participants: 'BWA;NAM', date: '2025-01-22', people: ['Kagiso Molefe', 'Ndapewa Shikongo'] })]);
  });


  // press: "Before leaving Oslo, he and his … counterpart, NAME, told reporters": "leaving Oslo"
  // has no locative preposition, so the city is lost; "he" (the visitor) is not resolved, so he is
  // missing from people.
  it.fails('en press: "Before leaving Oslo, he and his Norwegian counterpart … told reporters"', () => {
    // 2024-02-14 is a Wednesday: Tuesday is 2024-02-13.
    const press = eventsOfType(
      'en',
      'Ethiopian Foreign Minister Dawit Alemu Bekele ended a two-day visit to Norway on Tuesday. ' +
        'Before leaving Oslo, he and his Norwegian counterpart, Anders Tveit Lunde, told reporters that the talks had been productive.',
      '2024-02-14',
      'press_conference',
    );
    expect(press).toEqual([
      ev({ type: 'press_conference', participants: 'ETH;NOR', date: '2024-02-13', city: 'Oslo', country: 'NOR', people: ['Anders Tveit Lunde', 'Dawit Alemu Bekele'] }),
    ]);
  });









  // dates: "received his counterpart, X, who had arrived the day before …, in Yaounde on Thursday": the day shift lands on the meeting, the visit takes Thursday.
  it.fails('en dates: "received his counterpart, X, who had arrived the day before for a state visit, in Yaounde on Thursday"', () => {
    // 2024-03-15 is a Friday: Thursday is 2024-03-14, the day before 2024-03-13.
    expectEvents(
      'en',
      'Cameroonian President Paul Ngono Etoa received his Gabonese counterpart, Ange Mba Obiang, who had arrived the day before for a state visit, in Yaounde on Thursday.',
      '2024-03-15',
      [
        ev({ type: 'visit', participants: 'CMR;GAB', actor: 'GAB', host: 'CMR', date: '2024-03-13', city: 'Yaoundé', country: 'CMR', people: ['Ange Mba Obiang'] }),
        ev({ type: 'meeting', participants: 'CMR;GAB', date: '2024-03-14', city: 'Yaoundé', country: 'CMR', people: ['Ange Mba Obiang', 'Paul Ngono Etoa'] }),
      ],
    );
  });

  // signing: "In the presence of the Ghanaian head of state, Ms X and Mr Y signed": the unnamed head of state takes Mr Y (the last Ghanaian named), who drops out of the signatories.
  it.fails('en signing: "In the presence of the Ghanaian head of state, Ms Mensah and Mr Darko then signed": both sign', () => {
    // 2024-03-14 is a Thursday: Monday is 2024-03-11.
    expectExtraction(
      'en',
      'Togolese Trade Minister Afi Adzo Mensah held talks in Accra on Monday with her Ghanaian counterpart, Kojo Ampofo Darko. ' +
        'In the presence of the Ghanaian head of state, Ms Mensah and Mr Darko then signed a trade agreement.',
      '2024-03-14',
      {
        events: [
          ev({ type: 'meeting', participants: 'GHA;TGO', date: '2024-03-11', city: 'Accra', country: 'GHA', people: ['Afi Adzo Mensah', 'Kojo Ampofo Darko'] }),
          ev({ type: 'signing', participants: 'GHA;TGO', date: '2024-03-11', city: 'Accra', country: 'GHA', people: ['Afi Adzo Mensah', 'Kojo Ampofo Darko'] }),
        ],
        agreements: [ag({ topic: 'trade', parties: 'GHA;TGO', date: '2024-03-11', signatories: ['Afi Adzo Mensah', 'Kojo Ampofo Darko'] })],
      },
    );
  });

});
