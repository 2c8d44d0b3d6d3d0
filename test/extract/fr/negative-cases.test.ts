import { describe, it } from 'vitest';
import { expectNothing } from '../../helpers/extract.js';

describe('fr — nothing to annotate', () => {
  describe('future and planned events', () => {
    it('a visit in the future tense: "se rendra"', () => {
      expectNothing('fr', "Le président péruvien, Rodrigo Salazar Quispe, se rendra en Colombie le mois prochain pour une visite d'État.", '2024-06-20');
    });

    it('an expected arrival: "est attendu"', () => {
      expectNothing('fr', "Le ministre grec des Affaires étrangères, Giorgos Antonakos, est attendu vendredi à Amman pour des entretiens avec son homologue jordanien.", '2024-06-20');
    });

    it('a visit the minister "doit effectuer"', () => {
      expectNothing('fr', 'Le Premier ministre malaisien doit effectuer une visite en Thaïlande en septembre.', '2024-06-20');
    });

    it('a signing that "devrait" happen', () => {
      expectNothing('fr', "Le Kenya et la Tanzanie devraient signer un accord sur la pêche dans le lac Victoria lors de la prochaine commission mixte.", '2024-06-20');
    });

    it('a cabinet approving the signing of an agreement', () => {
      expectNothing('fr', "Le Conseil des ministres sénégalais a approuvé mercredi la signature d'un accord de coopération maritime avec la Gambie.", '2024-06-20');
    });
  });

  describe('negated events', () => {
    it('"aucun accord n\'a été signé"', () => {
      expectNothing('fr', "Contrairement à ce qu'annonçaient plusieurs médias, aucun accord n'a été signé entre la Zambie et le Malawi.", '2024-06-20');
    });

    it('a visit that did not take place', () => {
      expectNothing('fr', "Le ministre serbe des Affaires étrangères ne s'est finalement pas rendu à Zagreb, en raison du mauvais temps.", '2024-06-20');
    });
  });

  describe('background from another year', () => {
    it('a visit "en 2019"', () => {
      expectNothing('fr', "Le président autrichien, Markus Leitner, avait effectué une visite d'État en Pologne en 2019.", '2024-06-20');
    });

    it('an agreement signed "en mars 2021"', () => {
      expectNothing('fr', "Le Ghana et le Portugal avaient signé en mars 2021 un accord de coopération dans le domaine de la santé.", '2024-06-20');
    });

    it('a meeting "l\'an dernier"', () => {
      expectNothing('fr', "L'an dernier, la ministre norvégienne s'était entretenue à Oslo avec son homologue éthiopien.", '2024-06-20');
    });
  });

  it('negotiations only: no agreement, no event', () => {
    expectNothing('fr', "Le Canada et le Mexique poursuivent les négociations en vue d'un accord commercial révisé, selon une source diplomatique.", '2024-06-20');
  });

  it('a spokesperson announcing a future tour', () => {
    expectNothing(
      'fr',
      "La porte-parole du ministère cubain des Affaires étrangères a annoncé jeudi que le chef de la diplomatie effectuerait une tournée en Asie du Sud-Est à partir de la semaine prochaine.",
      '2024-06-20',
    );
  });

  it('a written statement on a social network', () => {
    expectNothing('fr', "Sur son compte X, le ministre omanais des Affaires étrangères a salué la libération de deux marins retenus en mer Rouge.", '2024-06-20');
  });

  it('sentences with no diplomacy', () => {
    expectNothing(
      'fr',
      "Les prix du cacao ont fortement augmenté en Côte d'Ivoire cette semaine. " +
        "À Lisbonne, le festival de musique a attiré plus de cent mille visiteurs, selon les organisateurs.",
      '2024-06-20',
    );
  });
});
