/**
 * Constructions first written as pending cases (test/extract/pending.test.ts) and learned
 * since: planned participles after the trigger, invitations, fronted dates, companies,
 * cabinet authorisations, lakes, plural witness titles, stays, hosting verbs, dates after an
 * apposition, transitive visits.
 */
import { describe, expect, it } from 'vitest';
import { ag, ev, eventsOfType, expectEvents, expectExtraction, expectNothing } from '../../helpers/extract.js';

describe('fr constructions', () => {
  // negative-cases: a planned marker AFTER the trigger noun ("La visite …, prévue en septembre,")
  // is outside the modality window (one token after the trigger); the main verb "portera" is
  // future too but also out of reach. Needs: "prévu(e)(s)" in the same noun phrase/apposition.
  it('fr negative: "La visite …, prévue en septembre, portera sur …" is planned', () => {
    expectNothing('fr', 'La visite du Premier ministre malaisien en Thaïlande, prévue en septembre, portera sur la sécurité frontalière.', '2024-06-20');
  });

  // negative-cases: same construction as a predicate: "Une visite … est prévue en septembre".
  it('fr negative: "Une visite … est prévue en septembre" is planned', () => {
    expectNothing('fr', 'Une visite du Premier ministre malaisien en Thaïlande est prévue en septembre.', '2024-06-20');
  });

  // negative-cases: "a invité son homologue estonien à effectuer une visite": the marker
  // "invité à" is split by the invitee, so the visit is read as having happened.
  it('fr negative: an invitation "a invité X à effectuer une visite" is not a visit', () => {
    expectNothing('fr', 'Le président finlandais, Mikko Rautio, a invité son homologue estonien à effectuer une visite officielle à Helsinki.', '2024-06-20');
  });

  // negative-cases: a sentence-initial year ("En 2019, …") is more than MAX_DATE_GAP tokens from
  // the only trigger ("visite"), and the pluperfect "s'était rendu" is no trigger, so the year
  // dates nothing and the visit gets the publication date. Needs: a fronted date scoping the whole
  // clause, and/or pluperfect travel verbs ("s'était rendu", "avait visité") as visit triggers.
  it('fr negative: "En 2019, … s\'était rendu à Varsovie pour une visite d\'État" is background', () => {
    expectNothing('fr', "En 2019, le président autrichien, Markus Leitner, s'était rendu à Varsovie pour une visite d'État.", '2024-06-20');
  });

  // negative-cases: an agreement between companies does not count (GOLD-FORMAT, Agreements).
  // "La société ghanéenne X et le groupe portugais Y" are read as the two states; "un contrat"
  // is counted as an agreement. Needs: company heads ("société", "groupe", "entreprise") block
  // the demonym as a party; commercial contracts are not agreements.
  it('fr negative: a contract signed by two companies is neither a signing nor an agreement', () => {
    expectNothing('fr', 'La société ghanéenne Volta Cocoa et le groupe portugais Lusomar ont signé mardi à Accra un contrat de fourniture de fèves de cacao.', '2024-06-20');
  });

  // negative-cases: "a autorisé mercredi la signature": the future marker "autorisé la
  // signature" is broken by the inserted weekday, so a cabinet's approval becomes a signing.
  it('fr negative: a cabinet that "a autorisé mercredi la signature" of an agreement', () => {
    expectNothing('fr', "Le Conseil des ministres ghanéen a autorisé mercredi la signature d'un accord de coopération culturelle avec le Portugal.", '2024-06-20');
  });

  // places: "lac Victoria" is read as Victoria, the capital of the Seychelles, standing for its
  // state: a spurious KEN;SYC meeting. Needs: "lac Victoria" in nonPlaces (and a lower-case
  // geographic head before a city name blocks the metonym).
  it('fr places: "le lac Victoria" is not the Seychelles', () => {
    // 2023-02-16 is a Thursday.
    expectEvents('fr', "Le Kenya et l'Ouganda ont tenu jeudi des pourparlers sur le partage des eaux du lac Victoria.", '2023-02-16', [
      ev({ type: 'meeting', participants: 'KEN;UGA', date: '2023-02-16' }),
    ]);
  });

  // signing: witnesses after "en présence des présidents NAME et NAME" are not found at all:
  // the plural title "présidents" is not a title, so the names are not anchored as people.
  // Needs: plural titles ("présidents", "ministres" is listed, "présidents" is not).
  it('fr signing: "en présence des présidents X et Y" puts both witnesses in people', () => {
    expectExtraction(
      'fr',
      "La ministre kényane de l'Énergie, Grace Wanjiru, et son homologue ougandais, Moses Ssemakula, ont signé mardi à Kampala un accord sur l'interconnexion électrique en présence des présidents Daniel Kiprono Mutai et Joseph Okello Atim.",
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

  // signing: "un texte devant être signé ultérieurement": "devant" (participle of devoir) and
  // "ultérieurement" are not future markers, so "signé" becomes a signing event, the visa
  // agreement is "signed", and the announced reading (with its date "mardi") is skipped.
  it('fr signing: "sont convenus … un texte devant être signé ultérieurement" is announced, not signed', () => {
    // 2025-06-05 is a Thursday: "mardi" is 2025-06-03.
    expectExtraction(
      'fr',
      "Le Pérou et l'Équateur sont convenus mardi de supprimer les visas pour les titulaires de passeports de service, un texte devant être signé ultérieurement.",
      '2025-06-05',
      { events: [], agreements: [ag({ topic: 'visa', parties: 'ECU;PER', status: 'announced', date: '2025-06-03' })] },
    );
  });

  // visit: the verb "séjourner" ("séjourne depuis mercredi à Addis-Abeba") reports a stay, but
  // only the noun "séjour" is a trigger. GOLD-FORMAT: a stay counts, summit attendance included.
  it('fr visit: "séjourne depuis mercredi à Addis-Abeba" for a summit is a visit', () => {
    // 2025-01-23 is a Thursday: "mercredi" is 2025-01-22.
    expectEvents(
      'fr',
      "Le président béninois, Romuald Adjovi Dossou, séjourne depuis mercredi à Addis-Abeba, où il participe au sommet de l'Union africaine.",
      '2025-01-23',
      [ev({ type: 'visit', participants: 'BEN;ETH', actor: 'BEN', host: 'ETH', date: '2025-01-22', city: 'Addis Ababa', country: 'ETH', people: ['Romuald Adjovi Dossou'] })],
    );
  });

  // dates: the weekday at the very end, after a comma-delimited appositive ("…, Andreas
  // Christodoulou, mardi.") is too far from the trigger once commas are costed; the call takes
  // the publication date. Same root cause as the English "…, NAME, in Nairobi on Tuesday" cases.
  it('fr dates: "… avec son homologue chypriote, NAME, mardi." is dated mardi', () => {
    // 2025-09-18 is a Thursday: "mardi" is 2025-09-16.
    expectEvents(
      'fr',
      "La ministre grecque des Affaires étrangères, Eleni Papadaki, s'est entretenue par téléphone avec son homologue chypriote, Andreas Christodoulou, mardi.",
      '2025-09-18',
      [ev({ type: 'call', participants: 'CYP;GRC', date: '2025-09-16', people: ['Andreas Christodoulou', 'Eleni Papadaki'] })],
    );
  });

  // visit (host side): "a accueilli mercredi à Varsovie son homologue …, en visite d'État": the
  // visit is found but "mercredi" is too far from its trigger ("visite", at the end), so the
  // visit takes the publication date instead of Wednesday. ("a accueilli" alone is not a trigger
  // either; only "accueilli par" is.)
  it('fr visit: "a accueilli mercredi à Varsovie son homologue autrichien, NAME, en visite d\'État" is dated mercredi', () => {
    // 2025-09-18 is a Thursday: "mercredi" is 2025-09-17.
    const visits = eventsOfType(
      'fr',
      "Le président polonais, Jerzy Malinowski, a accueilli mercredi à Varsovie son homologue autrichien, Markus Leitner, en visite d'État.",
      '2025-09-18',
      'visit',
    );
    expect(visits).toEqual([
      ev({ type: 'visit', participants: 'AUT;POL', actor: 'AUT', host: 'POL', date: '2025-09-17', city: 'Warsaw', country: 'POL', people: ['Markus Leitner'] }),
    ]);
  });
  // meeting: an international organisation's official is a participant (UNO), but organisations
  // are never actors; and the city of the meeting (New York) is taken as a participant (USA).
  it('fr meeting: "a rencontré … le secrétaire général de l\'ONU" is TCD;UNO, not TCD;USA', () => {
    // 2025-06-05 is a Thursday: "lundi" is 2025-06-02.
    expectEvents(
      'fr',
      "Le ministre tchadien des Affaires étrangères, Abakar Mahamat Nour, a rencontré lundi à New York le secrétaire général de l'ONU.",
      '2025-06-05',
      [ev({ type: 'meeting', participants: 'TCD;UNO', date: '2025-06-02', city: 'New York', country: 'USA', people: ['Abakar Mahamat Nour'] })],
    );
  });

  // companies: "Air <country>" brand names (Air Sénégal, Air Côte d'Ivoire) are not read as companies, so they stand for their states.
  it('fr negative: "Air Sénégal et Air Côte d\'Ivoire ont signé … un accord de partage de codes" is between companies', () => {
    expectExtraction('fr', "Air Sénégal et Air Côte d'Ivoire ont signé mardi à Dakar un accord de partage de codes.", '2024-03-14', { events: [], agreements: [] });
  });

  // topics: a country after "sur" + article ("et sur l'Angola", "sur le Burundi") is not topical (only a bare "sur Madagascar" is), so it becomes a participant.
  it('fr topics: "ont échangé … sur la situation au Mozambique et sur l\'Angola" is the two talkers only', () => {
    // 2024-03-14 is a Thursday.
    expectEvents(
      'fr',
      "Le ministre tanzanien des Affaires étrangères, Baraka Mwinyi Juma, et son homologue ougandais, Moses Okello Atim, ont échangé jeudi à Kampala sur la situation au Mozambique et sur l'Angola.",
      '2024-03-14',
      [ev({ type: 'meeting', participants: 'TZA;UGA', date: '2024-03-14', city: 'Kampala', country: 'UGA', people: ['Baraka Mwinyi Juma', 'Moses Okello Atim'] })],
    );
  });

  // meeting: an unnamed "secrétaire général de l'ONU" gives no event at all (named, or "des Nations unies", he is UNO).
  it('fr meeting: "s\'est entretenu … avec le secrétaire général de l\'ONU" (unnamed) is SEN;UNO', () => {
    // 2024-03-14 is a Thursday: "mardi" is 2024-03-12.
    expectEvents('fr', "Le président sénégalais, Mamadou Ndiaye Sarr, s'est entretenu mardi à Dakar avec le secrétaire général de l'ONU.", '2024-03-14', [
      ev({ type: 'meeting', participants: 'SEN;UNO', date: '2024-03-12', city: 'Dakar', country: 'SEN', people: ['Mamadou Ndiaye Sarr'] }),
    ]);
  });
});
