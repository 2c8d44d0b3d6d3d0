/**
 * Constructions the extractor learned from the held-out evaluation, each checked on our own
 * sentences (invented people, places and phrasings): ambiguous demonyms settled by the article,
 * years that are no counts, companies that are no states, agreements still under negotiation,
 * ordinals, back-references, capitals named by their nationality, countries as topics,
 * one-sided press appearances, domestic meetings, rounds of calls, "la veille", courtesy titles,
 * officials of international organisations, titles inside names and buildings.
 */
import { describe, it } from 'vitest';
import { ag, ev, expectEvents, expectExtraction, expectNothing } from '../../helpers/extract.js';

describe('fr learned', () => {
  // 1. "congolais" is the Republic of the Congo unless the article names the DRC.
  describe('ambiguous nationality decided by the article', () => {
    it('"congolais" with no mention of the DRC is COG', () => {
      // 2024-03-14 is a Thursday: "mardi" is 2024-03-12.
      expectEvents(
        'fr',
        "Le ministre congolais des Affaires étrangères, Firmin Ngoma Itoua, s'est entretenu mardi à Luanda avec son homologue angolais, Manuel Tavares Neto.",
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'AGO;COG', date: '2024-03-12', city: 'Luanda', country: 'AGO', people: ['Firmin Ngoma Itoua', 'Manuel Tavares Neto'] })],
      );
    });

    it('"congolais" in an article that names "la République démocratique du Congo" is COD', () => {
      expectEvents(
        'fr',
        "Le ministre congolais des Affaires étrangères, Patrice Mbuyi Kalonji, s'est entretenu mardi à Luanda avec son homologue angolais, Manuel Tavares Neto. " +
          "Les deux ministres ont évoqué la sécurité le long de la frontière entre l'Angola et la République démocratique du Congo.",
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'AGO;COD', date: '2024-03-12', city: 'Luanda', country: 'AGO', people: ['Manuel Tavares Neto', 'Patrice Mbuyi Kalonji'] })],
      );
    });

    it('"congolais" in an article that names the "RDC" is COD', () => {
      expectEvents(
        'fr',
        "Le ministre congolais des Affaires étrangères, Patrice Mbuyi Kalonji, s'est entretenu mardi à Luanda avec son homologue angolais, Manuel Tavares Neto. " +
          "La RDC et l'Angola partagent une longue frontière.",
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'AGO;COD', date: '2024-03-12', city: 'Luanda', country: 'AGO', people: ['Manuel Tavares Neto', 'Patrice Mbuyi Kalonji'] })],
      );
    });
  });

  // 2. "l'accord de 2009" names a year, not 2009 agreements.
  describe('a year beside an agreement noun is no count', () => {
    it('"qui remplace l\'accord de 2009 sur …": one visa agreement, no flood of unspecified ones', () => {
      // 2024-03-14 is a Thursday: "lundi" is 2024-03-11.
      expectExtraction(
        'fr',
        "La Bolivie et le Paraguay ont signé lundi à Asuncion un accord sur l'exemption de visas, qui remplace l'accord de 2009 sur la circulation des personnes.",
        '2024-03-14',
        {
          events: [ev({ type: 'signing', participants: 'BOL;PRY', date: '2024-03-11', city: 'Asunción', country: 'PRY' })],
          agreements: [ag({ topic: 'visa', parties: 'BOL;PRY', date: '2024-03-11' })],
        },
      );
    });

    it('"complétant le protocole de 1992 sur …": only the protocol signed on Monday', () => {
      expectExtraction(
        'fr',
        "Le ministre bolivien des Affaires étrangères, Rodrigo Quispe Mamani, et son homologue paraguayen, Martín Ayala Benítez, ont signé lundi à Asuncion un protocole sur la navigation fluviale, complétant le protocole de 1992 sur le transport fluvial.",
        '2024-03-14',
        {
          events: [ev({ type: 'signing', participants: 'BOL;PRY', date: '2024-03-11', city: 'Asunción', country: 'PRY', people: ['Martín Ayala Benítez', 'Rodrigo Quispe Mamani'] })],
          agreements: [ag({ topic: 'transport', parties: 'BOL;PRY', date: '2024-03-11', signatories: ['Martín Ayala Benítez', 'Rodrigo Quispe Mamani'] })],
        },
      );
    });

    it('negative: recalling "l\'accord de 2009" yields nothing', () => {
      expectNothing('fr', "Le ministre bolivien des Affaires étrangères, Rodrigo Quispe Mamani, a rappelé mardi l'importance de l'accord de 2009 sur la navigation fluviale.", '2024-03-14');
    });
  });

  // 3. GOLD-FORMAT: an agreement between companies does not count.
  describe('companies named after or described by countries are no states', () => {
    it('airlines named after countries sign a codeshare agreement: nothing', () => {
      expectNothing('fr', 'Uganda Airlines et Kenya Airways ont signé mardi à Entebbe un accord de partage de codes.', '2024-03-14');
    });

    it('"le groupe sénégalais X et la société malienne Y ont signé un contrat": nothing', () => {
      expectNothing('fr', 'Le groupe sénégalais Teranga Agro et la société malienne Sahel Grains ont signé jeudi à Bamako un contrat de livraison de riz.', '2024-03-14');
    });

    it('a company "basée à Lusaka" signing with a Zimbabwean firm: nothing', () => {
      expectNothing('fr', "La société Kafue Solar, basée à Lusaka, a signé mercredi un contrat d'approvisionnement avec l'entreprise zimbabwéenne Mazowe Câbles.", '2024-03-14');
    });
  });

  // 4. GOLD-FORMAT: mere negotiations are not annotated.
  describe('agreements under negotiation are no agreements', () => {
    it('"négocient un accord de libre-échange": the meeting only, no agreement', () => {
      // 2024-03-14 is a Thursday: "mardi" is 2024-03-12.
      expectExtraction(
        'fr',
        "Le ministre péruvien du Commerce, Julio Mamani Condori, s'est entretenu mardi à Lima avec son homologue équatorienne, Andrea Vélez Ortiz. " +
          "Le Pérou et l'Équateur négocient un accord de libre-échange.",
        '2024-03-14',
        {
          events: [ev({ type: 'meeting', participants: 'ECU;PER', date: '2024-03-12', city: 'Lima', country: 'PER', people: ['Andrea Vélez Ortiz', 'Julio Mamani Condori'] })],
          agreements: [],
        },
      );
    });

    it('a real signing in the same article still yields its own agreement', () => {
      expectExtraction(
        'fr',
        "Le ministre péruvien du Commerce, Julio Mamani Condori, s'est entretenu mardi à Lima avec son homologue équatorienne, Andrea Vélez Ortiz. " +
          "Le Pérou et l'Équateur négocient un accord de libre-échange. " +
          "Les deux ministres ont par ailleurs signé un mémorandum d'entente sur le tourisme.",
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
  describe('"Le premier est un accord …, le second un protocole …"', () => {
    it('two counted agreements detailed by ordinals: two agreements, not four', () => {
      // 2024-03-16 is a Saturday: "vendredi" is 2024-03-15.
      expectExtraction(
        'fr',
        'Le Cambodge et le Laos ont signé vendredi à Vientiane deux accords. ' +
          "Le premier est un accord de coopération dans le domaine de l'éducation, le second un protocole sur la coopération sanitaire.",
        '2024-03-16',
        {
          events: [ev({ type: 'signing', participants: 'KHM;LAO', date: '2024-03-15', city: 'Vientiane', country: 'LAO' })],
          agreements: [ag({ topic: 'education', parties: 'KHM;LAO', date: '2024-03-15' }), ag({ topic: 'health', parties: 'KHM;LAO', date: '2024-03-15' })],
        },
      );
    });

    it('uncounted "des accords" detailed by ordinals: one agreement per ordinal', () => {
      expectExtraction(
        'fr',
        'Le Cambodge et le Laos ont signé vendredi à Vientiane des accords. ' +
          "Le premier est un accord de coopération dans le domaine de l'éducation, le second un protocole sur la coopération sanitaire.",
        '2024-03-16',
        {
          events: [ev({ type: 'signing', participants: 'KHM;LAO', date: '2024-03-15', city: 'Vientiane', country: 'LAO' })],
          agreements: [ag({ topic: 'education', parties: 'KHM;LAO', date: '2024-03-15' }), ag({ topic: 'health', parties: 'KHM;LAO', date: '2024-03-15' })],
        },
      );
    });
  });

  // 6. "sa signature", "cette visite": the event word refers back (or ahead) to one already told.
  describe('a possessive or demonstrative event word refers back', () => {
    it('"Aucune date n\'a été fixée pour sa signature": no signing, no agreement', () => {
      // 2024-03-14 is a Thursday: "lundi" is 2024-03-11.
      expectExtraction(
        'fr',
        "Le ministre chilien des Affaires étrangères, Tomás Fuentes Araya, s'est entretenu lundi à Santiago avec son homologue argentin, Lucas Benítez Paz. " +
          'Les deux ministres ont examiné un accord sur la pêche australe. ' +
          "Aucune date n'a été fixée pour sa signature.",
        '2024-03-14',
        {
          events: [ev({ type: 'meeting', participants: 'ARG;CHL', date: '2024-03-11', city: 'Santiago', country: 'CHL', people: ['Lucas Benítez Paz', 'Tomás Fuentes Araya'] })],
          agreements: [],
        },
      );
    });

    it('"Lors de cette visite, il a rencontré …" still gives the meeting', () => {
      // 2024-03-14 is a Thursday: "lundi" is 2024-03-11, "mardi" 2024-03-12.
      expectEvents(
        'fr',
        'Le Premier ministre slovène, Matej Kranjc, a entamé lundi une visite officielle en Croatie. ' +
          'Lors de cette visite, il a rencontré mardi à Zagreb le président croate, Ivo Barišić.',
        '2024-03-14',
        [
          ev({ type: 'visit', participants: 'HRV;SVN', actor: 'SVN', host: 'HRV', date: '2024-03-11', city: 'Zagreb', country: 'HRV', people: ['Matej Kranjc'] }),
          ev({ type: 'meeting', participants: 'HRV;SVN', date: '2024-03-12', city: 'Zagreb', country: 'HRV', people: ['Ivo Barišić', 'Matej Kranjc'] }),
        ],
      );
    });

    it('"M. X, qui a entamé sa visite lundi, …" dates the visit already told to Monday', () => {
      expectEvents(
        'fr',
        'Le Premier ministre slovène, Matej Kranjc, est arrivé à Zagreb pour une visite officielle en Croatie. ' +
          'M. Kranjc, qui a entamé sa visite lundi, a rencontré mardi le président croate, Ivo Barišić.',
        '2024-03-14',
        [
          ev({ type: 'visit', participants: 'HRV;SVN', actor: 'SVN', host: 'HRV', date: '2024-03-11', city: 'Zagreb', country: 'HRV', people: ['Matej Kranjc'] }),
          ev({ type: 'meeting', participants: 'HRV;SVN', date: '2024-03-12', city: 'Zagreb', country: 'HRV', people: ['Ivo Barišić', 'Matej Kranjc'] }),
        ],
      );
    });
  });

  // 7. "la capitale malienne" stands for Bamako, the place, not for Mali as a participant.
  describe('a capital named by its nationality is a place', () => {
    it('"est arrivé mardi dans la capitale malienne": a visit to Bamako', () => {
      expectEvents(
        'fr',
        'Le ministre guinéen des Mines, Sékou Camara Diallo, est arrivé mardi dans la capitale malienne pour une visite de travail de deux jours.',
        '2024-03-14',
        [ev({ type: 'visit', participants: 'GIN;MLI', actor: 'GIN', host: 'MLI', date: '2024-03-12', city: 'Bamako', country: 'MLI', people: ['Sékou Camara Diallo'] })],
      );
    });

    it('talks "dans la capitale éthiopienne" between Kenya and Somalia: Ethiopia is only the place', () => {
      expectEvents(
        'fr',
        "Le ministre kényan des Affaires étrangères, Peter Kamau Njoroge, s'est entretenu mardi dans la capitale éthiopienne avec son homologue somalien, Abdirahman Warsame Nur.",
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'KEN;SOM', date: '2024-03-12', city: 'Addis Ababa', country: 'ETH', people: ['Abdirahman Warsame Nur', 'Peter Kamau Njoroge'] })],
      );
    });
  });

  // 8. A country after "sur" is what is talked about.
  describe('a country after "sur" is a topic', () => {
    it('"ont échangé … sur la situation au Mozambique": the two talkers only', () => {
      // 2024-03-14 is a Thursday: "jeudi" is the publication day.
      expectEvents(
        'fr',
        "Le ministre tanzanien des Affaires étrangères, Baraka Mwinyi Juma, et son homologue ougandais, Moses Okello Atim, ont échangé jeudi à Kampala sur la situation au Mozambique.",
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'TZA;UGA', date: '2024-03-14', city: 'Kampala', country: 'UGA', people: ['Baraka Mwinyi Juma', 'Moses Okello Atim'] })],
      );
    });

    it('"ont échangé … sur Madagascar": Madagascar is no participant', () => {
      expectEvents(
        'fr',
        "Le ministre tanzanien des Affaires étrangères, Baraka Mwinyi Juma, et son homologue ougandais, Moses Okello Atim, ont échangé jeudi à Kampala sur Madagascar.",
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'TZA;UGA', date: '2024-03-14', city: 'Kampala', country: 'UGA', people: ['Baraka Mwinyi Juma', 'Moses Okello Atim'] })],
      );
    });
  });

  // 9. GOLD-FORMAT (Press): one side alone counts, with that side only.
  describe('press appearances: one side or both', () => {
    it('"Lors d\'un point de presse …, le ministre X a déclaré": that side only', () => {
      // 2024-03-14 is a Thursday: "mercredi" is 2024-03-13.
      expectEvents(
        'fr',
        "Lors d'un point de presse mercredi à Kigali, le ministre rwandais des Affaires étrangères, Jean-Damascène Habimana, a déclaré que son pays allait ouvrir trois nouvelles ambassades.",
        '2024-03-14',
        [ev({ type: 'press_conference', participants: 'RWA', date: '2024-03-13', city: 'Kigali', country: 'RWA', people: ['Jean-Damascène Habimana'] })],
      );
    });

    it('"un point de presse conjoint … avec son homologue": both sides', () => {
      expectEvents(
        'fr',
        "Lors d'un point de presse conjoint mercredi à Kigali avec son homologue burundais, Léonce Ndikumana, le ministre rwandais des Affaires étrangères, Jean-Damascène Habimana, a annoncé la réouverture de la frontière.",
        '2024-03-14',
        [ev({ type: 'press_conference', participants: 'BDI;RWA', date: '2024-03-13', city: 'Kigali', country: 'RWA', people: ['Jean-Damascène Habimana', 'Léonce Ndikumana'] })],
      );
    });
  });

  // 10. A cabinet meeting is domestic: no event.
  describe('domestic meetings are no events', () => {
    it('negative: "lors de la réunion du conseil des ministres" yields nothing', () => {
      expectNothing('fr', 'Lors de la réunion du conseil des ministres mercredi à Niamey, le gouvernement nigérien a adopté un projet de loi minière.', '2024-03-14');
    });

    it('the cabinet meeting where talks are reported adds nothing to the talks themselves', () => {
      expectEvents(
        'fr',
        "Le ministre nigérien des Affaires étrangères, Issoufou Moussa Garba, s'est entretenu mardi à Niamey avec son homologue tchadien, Abakar Mahamat Nour. " +
          'Il a rendu compte de cet entretien mercredi lors de la réunion du conseil des ministres.',
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'NER;TCD', date: '2024-03-12', city: 'Niamey', country: 'NER', people: ['Abakar Mahamat Nour', 'Issoufou Moussa Garba'] })],
      );
    });
  });

  // 11. GOLD-FORMAT (Calls): one call per counterpart; talk words in the round are calls.
  describe('a round of calls', () => {
    it('"une série d\'entretiens téléphoniques … Elle s\'est entretenue avec A, B et C. Elle a également échangé avec D": four calls, no meeting', () => {
      // 2024-03-14 is a Thursday: "lundi" is 2024-03-11.
      expectEvents(
        'fr',
        "La ministre sénégalaise des Affaires étrangères, Awa Diop Faye, a eu lundi une série d'entretiens téléphoniques avec ses homologues d'Afrique de l'Ouest. " +
          "Elle s'est entretenue avec le ministre ghanéen des Affaires étrangères, Kwame Asante Boateng, le ministre ivoirien des Affaires étrangères, Yao Kouadio Brou, et le ministre malien des Affaires étrangères, Boubacar Keita Sissoko. " +
          'Elle a également échangé avec le ministre nigérien des Affaires étrangères, Issoufou Moussa Garba.',
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

  // 12. "la veille" counts from the date the sentence gives.
  describe('"arrivé … la veille"', () => {
    it('"arrivé à Yaoundé la veille, a été reçu jeudi": the visit starts on Wednesday', () => {
      // 2024-03-15 is a Friday: "jeudi" is 2024-03-14, "la veille" 2024-03-13.
      expectEvents(
        'fr',
        'Le président gabonais, Ange Mba Obiang, arrivé à Yaoundé la veille, a été reçu jeudi par son homologue camerounais, Paul Ngono Etoa.',
        '2024-03-15',
        [
          ev({ type: 'visit', participants: 'CMR;GAB', actor: 'GAB', host: 'CMR', date: '2024-03-13', city: 'Yaoundé', country: 'CMR', people: ['Ange Mba Obiang'] }),
          ev({ type: 'meeting', participants: 'CMR;GAB', date: '2024-03-14', city: 'Yaoundé', country: 'CMR', people: ['Ange Mba Obiang', 'Paul Ngono Etoa'] }),
        ],
      );
    });
  });

  // 13. "Mme X" / "M. X": the courtesy title is the whole role phrase.
  describe('courtesy titles after another person\'s role phrase', () => {
    it('"En présence du chef de l\'État ghanéen, Mme Mensah et M. Darko ont signé": Mme Mensah stays Togolese', () => {
      // 2024-03-14 is a Thursday: "lundi" is 2024-03-11.
      expectExtraction(
        'fr',
        "La ministre togolaise du Commerce, Afi Adzo Mensah, s'est entretenue lundi à Accra avec son homologue ghanéen, Kojo Ampofo Darko. " +
          "En présence du chef de l'État ghanéen, Mme Mensah et M. Darko ont ensuite signé un accord commercial.",
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

  // 14. GOLD-FORMAT: international organisations take CAMEO codes.
  describe('officials of international organisations', () => {
    it('"le secrétaire général de l\'ONU, NAME" is UNO', () => {
      // 2024-03-14 is a Thursday: "mardi" is 2024-03-12.
      expectEvents(
        'fr',
        "Le président sénégalais, Mamadou Ndiaye Sarr, s'est entretenu mardi à Dakar avec le secrétaire général de l'ONU, Lars Henriksen Dahl.",
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'SEN;UNO', date: '2024-03-12', city: 'Dakar', country: 'SEN', people: ['Lars Henriksen Dahl', 'Mamadou Ndiaye Sarr'] })],
      );
    });

    it('"le secrétaire général des Nations unies", unnamed, is UNO', () => {
      expectEvents('fr', "Le président sénégalais, Mamadou Ndiaye Sarr, s'est entretenu mardi à Dakar avec le secrétaire général des Nations unies.", '2024-03-14', [
        ev({ type: 'meeting', participants: 'SEN;UNO', date: '2024-03-12', city: 'Dakar', country: 'SEN', people: ['Mamadou Ndiaye Sarr'] }),
      ]);
    });

    it('"le président de la Commission de l\'Union africaine" is AFR', () => {
      // 2024-03-16 is a Saturday: "vendredi" is 2024-03-15.
      expectEvents('fr', "Le président zambien, Mwila Banda Chanda, a reçu vendredi à Lusaka le président de la Commission de l'Union africaine.", '2024-03-16', [
        ev({ type: 'meeting', participants: 'AFR;ZMB', date: '2024-03-15', city: 'Lusaka', country: 'ZMB', people: ['Mwila Banda Chanda'] }),
      ]);
    });

    it('"la présidente de la Commission européenne" on the phone is EUR', () => {
      expectEvents(
        'fr',
        "La présidente de la Commission européenne, Ursula Lindqvist Berg, s'est entretenue jeudi par téléphone avec le Premier ministre mauricien, Navin Ramdhun Seetul.",
        '2024-03-14',
        [ev({ type: 'call', participants: 'EUR;MUS', date: '2024-03-14', people: ['Navin Ramdhun Seetul', 'Ursula Lindqvist Berg'] })],
      );
    });
  });

  // 15. GOLD-FORMAT (People): names without titles; a building is no person.
  describe('titles inside names, buildings', () => {
    it('"au palais du Peuple à Pékin" names no person', () => {
      // 2024-03-14 is a Thursday: "mercredi" is 2024-03-13.
      expectEvents(
        'fr',
        "Le Premier ministre chinois, Zhao Wenliang, s'est entretenu mercredi au palais du Peuple à Pékin avec le président kényan, Daniel Kiprono Mutai.",
        '2024-03-14',
        [ev({ type: 'meeting', participants: 'CHN;KEN', date: '2024-03-13', city: 'Beijing', country: 'CHN', people: ['Daniel Kiprono Mutai', 'Zhao Wenliang'] })],
      );
    });

    it('"Le Premier ministre Zhao Wenliang" is the person "Zhao Wenliang"', () => {
      expectEvents('fr', "Le Premier ministre Zhao Wenliang s'est entretenu mercredi à Pékin avec le président kényan, Daniel Kiprono Mutai.", '2024-03-14', [
        ev({ type: 'meeting', participants: 'CHN;KEN', date: '2024-03-13', city: 'Beijing', country: 'CHN', people: ['Daniel Kiprono Mutai', 'Zhao Wenliang'] }),
      ]);
    });
  });
});
