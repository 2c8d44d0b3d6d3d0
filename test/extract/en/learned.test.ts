/**
 * Constructions the extractor learned from the held-out evaluation, each checked on our own
 * sentences (invented people, places and phrasings): ambiguous demonyms settled by the article,
 * years that are no counts, companies that are no states, agreements still under negotiation,
 * ordinals, back-references, capitals named by their nationality, countries as topics,
 * one-sided press appearances, domestic meetings, rounds of calls, "the day before", courtesy
 * titles, officials of international organisations, titles inside names and buildings.
 */
import { describe, it } from 'vitest';
import { ag, ev, expectEvents, expectExtraction, expectNothing } from '../../helpers/extract.js';

describe('en learned', () => {
  // 1. "Congolese" is the DRC unless the article names the Republic of the Congo.
  describe('ambiguous nationality decided by the article', () => {
    it('"Congolese" with no mention of the Republic of the Congo is COD', () => {
      // 2024-03-14 is a Thursday: Tuesday is 2024-03-12.
      expectEvents('en', 'Congolese Foreign Minister Patrice Mbuyi Kalonji met his Angolan counterpart, Manuel Tavares Neto, in Luanda on Tuesday.', '2024-03-14', [
        ev({ type: 'meeting', participants: 'AGO;COD', date: '2024-03-12', city: 'Luanda', country: 'AGO', people: ['Manuel Tavares Neto', 'Patrice Mbuyi Kalonji'] }),
      ]);
    });

    it('"Congolese" in an article that names the "Republic of the Congo" is COG', () => {
      expectEvents(
        'en',
        'Congolese Foreign Minister Firmin Ngoma Itoua met his Angolan counterpart, Manuel Tavares Neto, in Luanda on Tuesday. ' +
          'The Republic of the Congo and Angola are linked by the Cabinda border.',
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'AGO;COG', date: '2024-03-12', city: 'Luanda', country: 'AGO', people: ['Firmin Ngoma Itoua', 'Manuel Tavares Neto'] })],
      );
    });

    it('"Congolese" in an article that names "Congo-Brazzaville" is COG', () => {
      expectEvents(
        'en',
        'Congolese Foreign Minister Firmin Ngoma Itoua met his Angolan counterpart, Manuel Tavares Neto, in Luanda on Tuesday. ' +
          'Congo-Brazzaville and Angola share a border along the Cabinda enclave.',
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'AGO;COG', date: '2024-03-12', city: 'Luanda', country: 'AGO', people: ['Firmin Ngoma Itoua', 'Manuel Tavares Neto'] })],
      );
    });
  });

  // 2. "the 1997 agreement" names a year, not 1997 agreements.
  describe('a year before an agreement noun is no count', () => {
    it('"replacing the 1997 agreement on …": one visa agreement, no flood of unspecified ones', () => {
      // 2024-03-14 is a Thursday: Monday is 2024-03-11.
      expectExtraction('en', 'Bolivia and Paraguay signed a visa waiver agreement in Asuncion on Monday, replacing the 1997 agreement on the movement of people.', '2024-03-14', {
        events: [ev({ type: 'signing', participants: 'BOL;PRY', date: '2024-03-11', city: 'Asunción', country: 'PRY' })],
        agreements: [ag({ topic: 'visa', parties: 'BOL;PRY', date: '2024-03-11' })],
      });
    });

    it('"supplementing the 1992 agreement on …": only the protocol signed on Monday', () => {
      expectExtraction(
        'en',
        'Bolivian Foreign Minister Rodrigo Quispe Mamani and his Paraguayan counterpart, Martín Ayala Benítez, signed a protocol on river navigation in Asuncion on Monday, supplementing the 1992 agreement on river transport.',
        '2024-03-14',
        {
          events: [ev({ type: 'signing', participants: 'BOL;PRY', date: '2024-03-11', city: 'Asunción', country: 'PRY', people: ['Martín Ayala Benítez', 'Rodrigo Quispe Mamani'] })],
          agreements: [ag({ topic: 'transport', parties: 'BOL;PRY', date: '2024-03-11', signatories: ['Martín Ayala Benítez', 'Rodrigo Quispe Mamani'] })],
        },
      );
    });

    it('negative: recalling "the 2009 agreement" yields nothing', () => {
      expectNothing('en', 'Bolivian Foreign Minister Rodrigo Quispe Mamani on Tuesday recalled the importance of the 2009 agreement on river navigation.', '2024-03-14');
    });
  });

  // 3. GOLD-FORMAT: an agreement between companies does not count.
  describe('companies named after or described by countries are no states', () => {
    it('airlines named after countries sign a codeshare agreement: nothing', () => {
      expectNothing('en', 'Uganda Airlines and Ethiopian Airlines signed a codeshare agreement in Entebbe on Tuesday.', '2024-03-14');
    });

    it('"Senegalese group X and Malian company Y signed a contract": nothing', () => {
      expectNothing('en', 'Senegalese group Teranga Agro and Malian company Sahel Grains signed a rice delivery contract in Bamako on Thursday.', '2024-03-14');
    });

    it('"Lusaka-based firm X signed … with Harare-based Y": nothing', () => {
      expectNothing('en', 'Lusaka-based firm Kafue Solar signed a supply deal with Harare-based Mazowe Cables on Wednesday.', '2024-03-14');
    });
  });

  // 4. GOLD-FORMAT: mere negotiations are not annotated.
  describe('agreements under negotiation are no agreements', () => {
    it('"discussed the negotiation of a free trade agreement": the meeting only, no agreement', () => {
      // 2024-03-14 is a Thursday: Tuesday is 2024-03-12.
      expectExtraction(
        'en',
        'Peruvian Trade Minister Julio Mamani Condori held talks with his Ecuadorian counterpart, Andrea Vélez Ortiz, in Lima on Tuesday. ' +
          'They discussed the negotiation of a free trade agreement between the two countries.',
        '2024-03-14',
        {
          events: [ev({ type: 'meeting', participants: 'ECU;PER', date: '2024-03-12', city: 'Lima', country: 'PER', people: ['Andrea Vélez Ortiz', 'Julio Mamani Condori'] })],
          agreements: [],
        },
      );
    });

    it('a real signing in the same article still yields its own agreement', () => {
      expectExtraction(
        'en',
        'Peruvian Trade Minister Julio Mamani Condori held talks with his Ecuadorian counterpart, Andrea Vélez Ortiz, in Lima on Tuesday. ' +
          'They discussed the negotiation of a free trade agreement and signed a memorandum of understanding on tourism.',
        '2024-03-14',
        {
          events: [
            ev({ type: 'meeting', participants: 'ECU;PER', date: '2024-03-12', city: 'Lima', country: 'PER', people: ['Andrea Vélez Ortiz', 'Julio Mamani Condori'] }),
            ev({ type: 'signing', participants: 'ECU;PER', date: '2024-03-12', city: 'Lima', country: 'PER', people: ['Andrea Vélez Ortiz', 'Julio Mamani Condori'] }),
          ],
          agreements: [ag({ topic: 'tourism', parties: 'ECU;PER', date: '2024-03-12', signatories: ['Andrea Vélez Ortiz', 'Julio Mamani Condori'] })],
        },
      );
    });
  });

  // 5. An ordinal and the noun it announces are one agreement.
  describe('"The first is an agreement on …, the second a protocol …"', () => {
    it('two counted agreements detailed by ordinals: two agreements, not four', () => {
      // 2024-03-16 is a Saturday: Friday is 2024-03-15.
      expectExtraction(
        'en',
        'Cambodia and Laos signed two agreements in Vientiane on Friday. The first is an agreement on cooperation in education, the second a protocol on health cooperation.',
        '2024-03-16',
        {
          events: [ev({ type: 'signing', participants: 'KHM;LAO', date: '2024-03-15', city: 'Vientiane', country: 'LAO' })],
          agreements: [ag({ topic: 'education', parties: 'KHM;LAO', date: '2024-03-15' }), ag({ topic: 'health', parties: 'KHM;LAO', date: '2024-03-15' })],
        },
      );
    });

    it('uncounted "agreements" detailed by ordinals: one agreement per ordinal', () => {
      expectExtraction(
        'en',
        'Cambodia and Laos signed agreements in Vientiane on Friday. The first is an agreement on cooperation in education, the second a protocol on health cooperation.',
        '2024-03-16',
        {
          events: [ev({ type: 'signing', participants: 'KHM;LAO', date: '2024-03-15', city: 'Vientiane', country: 'LAO' })],
          agreements: [ag({ topic: 'education', parties: 'KHM;LAO', date: '2024-03-15' }), ag({ topic: 'health', parties: 'KHM;LAO', date: '2024-03-15' })],
        },
      );
    });
  });

  // 6. "its signing", "this visit": the event word refers back (or ahead) to one already told.
  describe('a possessive or demonstrative event word refers back', () => {
    it('"No date has been set for its signing": no signing, no agreement', () => {
      // 2024-03-14 is a Thursday: Monday is 2024-03-11.
      expectExtraction(
        'en',
        'Chilean Foreign Minister Tomás Fuentes Araya held talks with his Argentine counterpart, Lucía Benítez Paz, in Santiago on Monday. ' +
          'The two ministers reviewed a fisheries agreement for the Beagle Channel. No date has been set for its signing.',
        '2024-03-14',
        {
          events: [ev({ type: 'meeting', participants: 'ARG;CHL', date: '2024-03-11', city: 'Santiago', country: 'CHL', people: ['Lucía Benítez Paz', 'Tomás Fuentes Araya'] })],
          agreements: [],
        },
      );
    });

    it('"During this visit, he met …" still gives the meeting', () => {
      // 2024-03-14 is a Thursday: Monday is 2024-03-11, Tuesday 2024-03-12.
      expectEvents(
        'en',
        'Slovenian Prime Minister Matej Kranjc began an official visit to Croatia on Monday. During this visit, he met Croatian President Ivo Barišić in Zagreb on Tuesday.',
        '2024-03-14',
        [
          ev({ type: 'visit', participants: 'HRV;SVN', actor: 'SVN', host: 'HRV', date: '2024-03-11', city: 'Zagreb', country: 'HRV', people: ['Matej Kranjc'] }),
          ev({ type: 'meeting', participants: 'HRV;SVN', date: '2024-03-12', city: 'Zagreb', country: 'HRV', people: ['Ivo Barišić', 'Matej Kranjc'] }),
        ],
      );
    });

    it('"X, who began his visit on Monday, …" dates the visit already told to Monday', () => {
      expectEvents(
        'en',
        'Slovenian Prime Minister Matej Kranjc arrived in Zagreb for an official visit to Croatia. Kranjc, who began his visit on Monday, met Croatian President Ivo Barišić on Tuesday.',
        '2024-03-14',
        [
          ev({ type: 'visit', participants: 'HRV;SVN', actor: 'SVN', host: 'HRV', date: '2024-03-11', city: 'Zagreb', country: 'HRV', people: ['Matej Kranjc'] }),
          ev({ type: 'meeting', participants: 'HRV;SVN', date: '2024-03-12', city: 'Zagreb', country: 'HRV', people: ['Ivo Barišić', 'Matej Kranjc'] }),
        ],
      );
    });
  });

  // 7. "the Malian capital" stands for Bamako, the place, not for Mali as a participant.
  describe('a capital named by its nationality is a place', () => {
    it('"arrived in the Malian capital": a visit to Bamako', () => {
      expectEvents('en', 'Guinean Mines Minister Sekou Camara Diallo arrived in the Malian capital on Tuesday for a two-day working visit.', '2024-03-14', [
        ev({ type: 'visit', participants: 'GIN;MLI', actor: 'GIN', host: 'MLI', date: '2024-03-12', city: 'Bamako', country: 'MLI', people: ['Sekou Camara Diallo'] }),
      ]);
    });

    it('talks "in the Ethiopian capital" between Kenya and Somalia: Ethiopia is only the place', () => {
      expectEvents(
        'en',
        'Kenyan Foreign Minister Peter Kamau Njoroge held talks with his Somali counterpart, Abdirahman Warsame Nur, in the Ethiopian capital on Tuesday.',
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'KEN;SOM', date: '2024-03-12', city: 'Addis Ababa', country: 'ETH', people: ['Abdirahman Warsame Nur', 'Peter Kamau Njoroge'] })],
      );
    });
  });

  // 8. A country after "on"/"about" is what is talked about.
  describe('a country after "on" is a topic', () => {
    it('"held talks … on Mozambique": the two talkers only', () => {
      // 2024-03-14 is a Thursday: Thursday is the publication day.
      expectEvents(
        'en',
        'Tanzanian Foreign Minister Baraka Mwinyi Juma held talks with his Ugandan counterpart, Moses Okello Atim, in Kampala on Thursday on Mozambique.',
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'TZA;UGA', date: '2024-03-14', city: 'Kampala', country: 'UGA', people: ['Baraka Mwinyi Juma', 'Moses Okello Atim'] })],
      );
    });
  });

  // 9. GOLD-FORMAT (Press): one side alone counts, with that side only.
  describe('press appearances: one side or both', () => {
    it('"At a news conference in Kigali, X said …": that side only', () => {
      // 2024-03-14 is a Thursday: Wednesday is 2024-03-13.
      expectEvents('en', 'At a news conference in Kigali on Wednesday, Rwandan Foreign Minister Jean-Damascene Habimana said his country would open three new embassies.', '2024-03-14', [
        ev({ type: 'press_conference', participants: 'RWA', date: '2024-03-13', city: 'Kigali', country: 'RWA', people: ['Jean-Damascene Habimana'] }),
      ]);
    });

    it('"At a joint news conference … with his counterpart": both sides', () => {
      expectEvents(
        'en',
        'At a joint news conference in Kigali on Wednesday with his Burundian counterpart, Leonce Ndikumana, Rwandan Foreign Minister Jean-Damascene Habimana announced the reopening of the border.',
        '2024-03-14',
        [ev({ type: 'press_conference', participants: 'BDI;RWA', date: '2024-03-13', city: 'Kigali', country: 'RWA', people: ['Jean-Damascene Habimana', 'Leonce Ndikumana'] })],
      );
    });
  });

  // 10. A cabinet meeting is domestic: no event.
  describe('domestic meetings are no events', () => {
    it('negative: "the weekly cabinet meeting" yields nothing', () => {
      expectNothing('en', 'At the weekly cabinet meeting in Windhoek on Wednesday, Namibian ministers approved a new mining bill.', '2024-03-14');
    });

    it('a cabinet meeting beside real bilateral talks: the talks only', () => {
      expectEvents(
        'en',
        'Namibian ministers approved a new mining bill at the cabinet meeting in Windhoek on Wednesday. ' +
          'On Tuesday, Namibian Foreign Minister Hilma Nangolo Amupolo met her Angolan counterpart, Manuel Tavares Neto, in Windhoek.',
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'AGO;NAM', date: '2024-03-12', city: 'Windhoek', country: 'NAM', people: ['Hilma Nangolo Amupolo', 'Manuel Tavares Neto'] })],
      );
    });
  });

  // 11. GOLD-FORMAT (Calls): one call per counterpart; talk words in the round are calls.
  describe('a round of calls', () => {
    it('"a series of telephone talks … She spoke with A, B and C. She also spoke with D": four calls, no meeting', () => {
      // 2024-03-14 is a Thursday: Monday is 2024-03-11.
      expectEvents(
        'en',
        'Senegalese Foreign Minister Awa Diop Faye held a series of telephone talks with West African counterparts on Monday. ' +
          'She spoke with Ghanaian Foreign Minister Kwame Asante Boateng, Ivorian Foreign Minister Yao Kouadio Brou and Malian Foreign Minister Boubacar Keita Sissoko. ' +
          'She also spoke with Nigerien Foreign Minister Issoufou Moussa Garba.',
        '2024-03-14',
        [
          ev({ type: 'call', participants: 'GHA;SEN', date: '2024-03-11', people: ['Awa Diop Faye', 'Kwame Asante Boateng'] }),
          ev({ type: 'call', participants: 'CIV;SEN', date: '2024-03-11', people: ['Awa Diop Faye', 'Yao Kouadio Brou'] }),
          ev({ type: 'call', participants: 'MLI;SEN', date: '2024-03-11', people: ['Awa Diop Faye', 'Boubacar Keita Sissoko'] }),
          ev({ type: 'call', participants: 'NER;SEN', date: '2024-03-11', people: ['Awa Diop Faye', 'Issoufou Moussa Garba'] }),
        ],
      );
    });
  });

  // 12. "the day before" counts from the date the sentence gives.
  describe('"who had arrived the day before"', () => {
    it('"X, who had arrived in Yaounde the day before, was received on Thursday": the visit starts on Wednesday', () => {
      // 2024-03-15 is a Friday: Thursday is 2024-03-14, the day before 2024-03-13.
      expectEvents(
        'en',
        'Gabonese President Ange Mba Obiang, who had arrived in Yaounde the day before, was received on Thursday by his Cameroonian counterpart, Paul Ngono Etoa.',
        '2024-03-15',
        [
          ev({ type: 'visit', participants: 'CMR;GAB', actor: 'GAB', host: 'CMR', date: '2024-03-13', city: 'Yaoundé', country: 'CMR', people: ['Ange Mba Obiang'] }),
          ev({ type: 'meeting', participants: 'CMR;GAB', date: '2024-03-14', city: 'Yaoundé', country: 'CMR', people: ['Ange Mba Obiang', 'Paul Ngono Etoa'] }),
        ],
      );
    });
  });

  // 13. "Ms X" / "Mr X": the courtesy title is the whole role phrase.
  describe('courtesy titles after another person\'s role phrase', () => {
    it('"In the presence of Ghanaian President NAME, Ms Mensah and Mr Darko then signed": the two ministers sign', () => {
      // 2024-03-14 is a Thursday: Monday is 2024-03-11.
      expectExtraction(
        'en',
        'Togolese Trade Minister Afi Adzo Mensah held talks in Accra on Monday with her Ghanaian counterpart, Kojo Ampofo Darko. ' +
          'In the presence of Ghanaian President Kwame Asante Boateng, Ms Mensah and Mr Darko then signed a trade agreement.',
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

  // 14. GOLD-FORMAT: international organisations take CAMEO codes.
  describe('officials of international organisations', () => {
    it('"the UN secretary-general" is UNO', () => {
      // 2024-03-14 is a Thursday: Tuesday is 2024-03-12.
      expectEvents('en', 'Senegalese President Mamadou Ndiaye Sarr met the UN secretary-general in Dakar on Tuesday.', '2024-03-14', [
        ev({ type: 'meeting', participants: 'SEN;UNO', date: '2024-03-12', city: 'Dakar', country: 'SEN', people: ['Mamadou Ndiaye Sarr'] }),
      ]);
    });

    it('"the AU Commission president" is AFR', () => {
      // 2024-03-16 is a Saturday: Friday is 2024-03-15.
      expectEvents('en', 'Zambian President Mwila Banda Chanda met the AU Commission president in Lusaka on Friday.', '2024-03-16', [
        ev({ type: 'meeting', participants: 'AFR;ZMB', date: '2024-03-15', city: 'Lusaka', country: 'ZMB', people: ['Mwila Banda Chanda'] }),
      ]);
    });

    it('"the European Commission president" on the phone is EUR', () => {
      expectEvents('en', 'The European Commission president held a phone call on Thursday with Mauritian Prime Minister Navin Ramdhun Seetul.', '2024-03-14', [
        ev({ type: 'call', participants: 'EUR;MUS', date: '2024-03-14', people: ['Navin Ramdhun Seetul'] }),
      ]);
    });
  });

  // 15. GOLD-FORMAT (People): names without titles; a building is no person.
  describe('titles inside names, buildings', () => {
    it('"at the Great Hall of the People" names no person', () => {
      // 2024-03-14 is a Thursday: Wednesday is 2024-03-13.
      expectEvents('en', 'Chinese Premier Zhao Wenliang met Kenyan President Daniel Kiprono Mutai at the Great Hall of the People in Beijing on Wednesday.', '2024-03-14', [
        ev({ type: 'meeting', participants: 'CHN;KEN', date: '2024-03-13', city: 'Beijing', country: 'CHN', people: ['Daniel Kiprono Mutai', 'Zhao Wenliang'] }),
      ]);
    });

    it('"Premier Zhao Wenliang" is the person "Zhao Wenliang"', () => {
      expectEvents('en', 'Premier Zhao Wenliang met Kenyan President Daniel Kiprono Mutai in Beijing on Wednesday.', '2024-03-14', [
        ev({ type: 'meeting', participants: 'CHN;KEN', date: '2024-03-13', city: 'Beijing', country: 'CHN', people: ['Daniel Kiprono Mutai', 'Zhao Wenliang'] }),
      ]);
    });
  });
});
