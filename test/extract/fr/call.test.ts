import { describe, it } from 'vitest';
import { ev, expectEvents } from '../../helpers/extract.js';

describe('fr — calls', () => {
  it('"a eu un entretien téléphonique avec son homologue": a call, both people, no location', () => {
    // 2024-12-11 is a Wednesday.
    expectEvents(
      'fr',
      "Le ministre qatarien des Affaires étrangères, Khalid Al Kuwari, a eu mercredi un entretien téléphonique avec son homologue omanais, Hamad Al Busaidi.",
      '2024-12-11',
      [ev({ type: 'call', participants: 'OMN;QAT', date: '2024-12-11', people: ['Hamad Al Busaidi', 'Khalid Al Kuwari'] })],
    );
  });

  it('"s\'est entretenu par téléphone" is a call, not a meeting', () => {
    // 2023-02-16 is a Thursday: "mardi" is 2023-02-14.
    expectEvents(
      'fr',
      "La présidente de la Tanzanie, Neema Mwakalinga, s'est entretenue mardi par téléphone avec le président kényan, Daniel Kiprono Mutai.",
      '2023-02-16',
      [ev({ type: 'call', participants: 'KEN;TZA', date: '2023-02-14', people: ['Daniel Kiprono Mutai', 'Neema Mwakalinga'] })],
    );
  });

  it('a call carries no location even when the caller is placed in a city', () => {
    expectEvents(
      'fr',
      "Depuis Oslo, la Première ministre norvégienne, Ingrid Haugland, s'est entretenue hier par visioconférence avec le président finlandais, Mikko Rautio.",
      '2025-09-18',
      [ev({ type: 'call', participants: 'FIN;NOR', date: '2025-09-17', people: ['Ingrid Haugland', 'Mikko Rautio'] })],
    );
  });

  it('one sentence listing calls with several countries gives one call per country', () => {
    // 2024-06-20 is a Thursday: "mardi" is 2024-06-18.
    expectEvents(
      'fr',
      "Le ministre grec des Affaires étrangères a eu mardi des entretiens téléphoniques avec ses homologues chypriote, italien et maltais.",
      '2024-06-20',
      [
        ev({ type: 'call', participants: 'CYP;GRC', date: '2024-06-18' }),
        ev({ type: 'call', participants: 'GRC;ITA', date: '2024-06-18' }),
        ev({ type: 'call', participants: 'GRC;MLT', date: '2024-06-18' }),
      ],
    );
  });

  it('a counterpart whose country is not given is left out; the known one gives a call', () => {
    // 2025-09-18 is a Thursday: "mardi" is 2025-09-16.
    expectEvents(
      'fr',
      "Le ministre grec des Affaires étrangères, Giorgos Antonakos, a eu mardi des entretiens téléphoniques avec son homologue chypriote et avec un autre homologue dont le ministère n'a pas précisé le pays.",
      '2025-09-18',
      [ev({ type: 'call', participants: 'CYP;GRC', date: '2025-09-16', people: ['Giorgos Antonakos'] })],
    );
  });

  it('a conversation told first as a call, then detailed with meeting words, stays one call', () => {
    expectEvents(
      'fr',
      "Le président péruvien, Rodrigo Salazar Quispe, a eu vendredi une conversation téléphonique avec son homologue colombien, Felipe Arango Mejía. " +
        "Les deux dirigeants se sont entretenus de la sécurité à la frontière commune.",
      '2022-11-25',
      [ev({ type: 'call', participants: 'COL;PER', date: '2022-11-25', people: ['Felipe Arango Mejía', 'Rodrigo Salazar Quispe'] })],
    );
  });
});
