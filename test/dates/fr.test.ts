import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../../src/dates/find-date-mentions.js';
import { expectMentions, expectNone, mentions } from './helpers.js';

// 2025-04-30 is a Wednesday.
const WED = '2025-04-30';

describe('findDateMentions (fr) — jours de la semaine', () => {
  it('place un jour nu au plus récent, jour de référence compris', () => {
    expectMentions("Le chef de la diplomatie malienne a reçu mardi l'envoyé spécial de la Cédéao.", 'fr', WED, [
      { text: 'mardi', date: '2025-04-29', kind: 'relative', explicitYear: false },
    ]);
    expectMentions('Les deux délégations se retrouvent mercredi à Niamey.', 'fr', WED, [['mercredi', '2025-04-30']]);
    expectMentions('Dimanche, le Premier ministre a quitté la capitale.', 'fr', WED, [['Dimanche', '2025-04-27']]);
  });

  it('« ce mercredi » un mercredi désigne le jour même', () => {
    expectMentions('Ce mercredi, les présidents sénégalais et gambien ont inauguré le pont.', 'fr', WED, [['Ce mercredi', '2025-04-30']]);
  });

  it('garde « soir » / « matin » dans la mention', () => {
    expectMentions('Arrivé mardi soir à Ouagadougou, le ministre est reparti jeudi matin.', 'fr', '2025-05-02', [
      ['mardi soir', '2025-04-29'],
      ['jeudi matin', '2025-05-01'],
    ]);
  });

  it('traverse la frontière du mois', () => {
    expectMentions("Lundi, l'ambassadeur a présenté ses lettres de créance.", 'fr', '2025-05-01', [['Lundi', '2025-04-28']]);
  });

  it('avec une référence au mois, ne fabrique pas de jour', () => {
    expectMentions('Vendredi, la délégation togolaise a quitté Lomé.', 'fr', '2020-10', [['Vendredi', '2020-10']]);
    expectMentions('Le président a appelé son homologue jeudi.', 'fr', '2020', [['jeudi', '2020']]);
  });

  it('« dernier » / « prochain » / « de la semaine dernière »', () => {
    expectMentions('Samedi dernier, un communiqué conjoint a été publié ; mercredi dernier aussi.', 'fr', WED, [
      ['Samedi dernier', '2025-04-26'],
      ['mercredi dernier', '2025-04-23'],
    ]);
    expectMentions('La commission mixte siégera vendredi prochain.', 'fr', WED, [['vendredi prochain', '2025-05-02']]);
    expectMentions('Le texte a été paraphé mardi de la semaine dernière.', 'fr', WED, [['mardi de la semaine dernière', '2025-04-22']]);
  });

  it('« le lundi 3 mars » est une date complète', () => {
    expectMentions("L'accord a été signé le lundi 3 mars à Rabat.", 'fr', WED, [['lundi 3 mars', '2025-03-03']]);
    // The full stop is not an abbreviation dot.
    expectMentions("L'accord a été signé le lundi 3 mars.", 'fr', WED, [['lundi 3 mars', '2025-03-03']]);
  });

  it('ignore les jours relatifs au récit et les fêtes', () => {
    expectNone('Le mardi suivant, les pourparlers ont repris.', 'fr', WED);
    expectNone('Ce mercredi-là, personne ne s’attendait au coup de force.', 'fr', WED);
    expectNone('Le carnaval du Mardi gras a été annulé.', 'fr', WED);
    expectNone('Les célébrations du Vendredi saint se sont déroulées dans le calme.', 'fr', WED);
    expectNone('Les marchés du lundi et les mardis de la diplomatie.', 'fr', WED);
    expectNone('Du lundi au vendredi, le consulat reçoit ; chaque jeudi, il ferme tôt.', 'fr', WED);
  });
});

describe('findDateMentions (fr) — hier, aujourd’hui, semaine, mois, année', () => {
  it('hier et avant-hier, y compris au changement de mois et d’année', () => {
    expectMentions('Hier, le Conseil de sécurité a adopté la résolution.', 'fr', '2025-03-01', [['Hier', '2025-02-28']]);
    expectMentions('Le ministre est rentré hier soir de Luanda.', 'fr', '2024-03-01', [['hier soir', '2024-02-29']]);
    expectMentions('Avant-hier, les ministres des Affaires étrangères se sont parlé.', 'fr', '2025-01-01', [['Avant-hier', '2024-12-30']]);
  });

  it('hier avec une référence au mois ou à l’année garde cette précision', () => {
    expectMentions('Hier, le président a reçu le corps diplomatique.', 'fr', '2022-08', [['Hier', '2022-08']]);
    expectMentions('Hier, le président a reçu le corps diplomatique.', 'fr', '2022', [['Hier', '2022']]);
  });

  it('aujourd’hui, ce jour, ce matin', () => {
    expectMentions("Aujourd'hui, Dakar accueille le forum ; ce matin, les ministres sont arrivés.", 'fr', '2025-06-10', [
      ["Aujourd'hui", '2025-06-10'],
      ['ce matin', '2025-06-10'],
    ]);
    expectMentions('Le ministre a reçu ce jour l’ambassadeur d’Italie.', 'fr', '2025-06-10', [['ce jour', '2025-06-10']]);
    expectMentions('Aujourd’hui, rien n’est réglé.', 'fr', '2025-06', [['Aujourd’hui', '2025-06']]);
  });

  it('la semaine dernière donne un mois, jamais un jour', () => {
    expectMentions('La semaine dernière, Accra a rappelé son ambassadeur.', 'fr', '2025-03-03', [['La semaine dernière', '2025-02']]);
    expectMentions('La semaine dernière, Accra a rappelé son ambassadeur.', 'fr', '2025-03-20', [['La semaine dernière', '2025-03']]);
    expectMentions('La semaine dernière, Accra a rappelé son ambassadeur.', 'fr', '2025-03', [['La semaine dernière', '2025-03']]);
    expectMentions('Cette semaine, les négociateurs se sont retrouvés.', 'fr', '2025-03-20', [['Cette semaine', '2025-03']]);
  });

  it('le mois dernier, l’an dernier, l’année dernière', () => {
    expectMentions('Le mois dernier, Bamako et Alger ont renoué le dialogue.', 'fr', '2025-01-15', [['Le mois dernier', '2024-12']]);
    expectMentions("L'an dernier, le commerce bilatéral a doublé ; l’année dernière encore.", 'fr', '2025-01-15', [
      { text: "L'an dernier", date: '2024', kind: 'relative', explicitYear: false },
      ['l’année dernière', '2024'],
    ]);
  });

  it('n’ignore pas « hier » au profit d’« avant-hier » ni l’inverse', () => {
    const found = mentions('Avant-hier puis hier, les deux camps ont négocié.', 'fr', '2025-04-10');
    expect(found.map((m) => m.text)).toEqual(['Avant-hier', 'hier']);
  });

  it('« à ce jour » et « ce jour-là » ne sont pas des dates', () => {
    expectNone("À ce jour, aucun accord n'a été trouvé.", 'fr');
    expectNone('Ce jour-là, le sommet a tourné court.', 'fr');
  });
});

describe('findDateMentions (fr) — mois sans année', () => {
  it('« décembre dernier » : plus récent mois passé, strictement avant la référence', () => {
    expectMentions('Depuis décembre dernier, les relations se sont tendues.', 'fr', '2024-06-10', [
      { text: 'décembre dernier', date: '2023-12', kind: 'relative', explicitYear: false },
    ]);
    expectMentions('Depuis décembre dernier, les relations se sont tendues.', 'fr', '2024-12-20', [['décembre dernier', '2023-12']]);
    expectMentions('En novembre dernier, Kinshasa a saisi la Cour.', 'fr', '2025-01', [['novembre dernier', '2024-11']]);
    expectMentions('En mars dernier, Kinshasa a saisi la Cour.', 'fr', '2025-06', [['mars dernier', '2025-03']]);
  });

  it('« décembre dernier » avec une référence à l’année : décidable pour décembre seulement', () => {
    expectMentions('Décembre dernier a été marqué par la crise.', 'fr', '2024', [['Décembre dernier', '2023-12']]);
    expectNone('Novembre dernier a été marqué par la crise.', 'fr', '2024');
  });

  it('un mois nu avec marqueur reste dans l’année de référence', () => {
    // Planning sentence: the extractor decides the modality, we only place the month.
    expectMentions('La commission mixte se réunira en août à Conakry.', 'fr', '2025-04-15', [
      { text: 'août', date: '2025-08', kind: 'relative', explicitYear: false },
    ]);
    expectMentions('Mi-juillet, les deux pays ont rouvert leur frontière.', 'fr', '2025-09-01', [['juillet', '2025-07']]);
  });

  it('« novembre de l’an dernier », « mai prochain »', () => {
    expectMentions("En novembre de l'an dernier, le sommet a été reporté.", 'fr', '2025-04-15', [["novembre de l'an dernier", '2024-11']]);
    expectMentions('Le sommet est prévu en mai prochain.', 'fr', '2025-06-15', [['mai prochain', '2026-05']]);
  });

  it('un nom de mois sans marqueur n’est pas une date', () => {
    expectNone('Le rover a été envoyé sur Mars par la NASA.', 'fr');
    expectNone('Les héritiers de Mai 68 ont manifesté.', 'fr');
  });
});

describe('findDateMentions (fr) — jour et mois sans année', () => {
  it('le plus récent 12 mars passé', () => {
    expectMentions('Le 12 mars, le ministre a reçu son homologue.', 'fr', '2024-03-05', [
      { text: '12 mars', date: '2023-03-12', kind: 'relative', explicitYear: false },
    ]);
    expectMentions('Le 12 mars, le ministre a reçu son homologue.', 'fr', '2024-03-12', [['12 mars', '2024-03-12']]);
    expectMentions('Le 12 mars, le ministre a reçu son homologue.', 'fr', '2024-09-01', [['12 mars', '2024-03-12']]);
  });

  it('au passage de l’année', () => {
    expectMentions('Le traité signé le 20 décembre entre en vigueur.', 'fr', '2024-01-12', [['20 décembre', '2023-12-20']]);
    expectMentions('Le 1er janvier, la présidence tournante a changé de mains.', 'fr', '2025-05-02', [['1er janvier', '2025-01-01']]);
  });

  it('avec une référence au mois', () => {
    expectMentions('Le 12 mars, le ministre a reçu son homologue.', 'fr', '2024-03', [['12 mars', '2024-03-12']]);
    expectMentions('Le 12 mars, le ministre a reçu son homologue.', 'fr', '2024-02', [['12 mars', '2023-03-12']]);
  });

  it('« le 20 décembre dernier »', () => {
    expectMentions('Le protocole signé le 20 décembre dernier est contesté.', 'fr', '2025-05-02', [['20 décembre dernier', '2024-12-20']]);
  });

  it('un 29 février remonte à une année bissextile', () => {
    expectMentions('Le 29 février, les ministres se sont réunis.', 'fr', '2025-03-10', [['29 février', '2024-02-29']]);
  });
});

describe('findDateMentions (fr) — intervalles', () => {
  it('« du 13 au 15 avril » donne une mention pour le début', () => {
    expectMentions("La conférence s'est tenue du 13 au 15 avril à Genève.", 'fr', '2025-05-02', [
      { text: '13 au 15 avril', date: '2025-04-13', isRangeStart: true, kind: 'relative' },
    ]);
  });

  it('« les 13 et 14 avril »', () => {
    expectMentions('Les 13 et 14 avril, les experts ont siégé à Lomé.', 'fr', '2025-05-02', [
      { text: '13 et 14 avril', date: '2025-04-13', isRangeStart: true },
    ]);
  });

  it('« les 3, 4 et 5 mai »', () => {
    expectMentions('Les 3, 4 et 5 mai, la commission a auditionné les témoins.', 'fr', '2024-06-01', [
      { text: '3, 4 et 5 mai', date: '2024-05-03', isRangeStart: true },
    ]);
  });

  it("l'année de fin vaut pour le début", () => {
    expectMentions('Les pourparlers ont eu lieu du 28 décembre au 2 janvier 2024.', 'fr', '2024-01-10', [
      { text: '28 décembre au 2 janvier 2024', date: '2023-12-28', isRangeStart: true, kind: 'absolute', explicitYear: true },
    ]);
  });

  it('une date isolée n’est pas un début d’intervalle', () => {
    const [m] = mentions('Le 30 juin et le 1er juillet, deux réunions ont eu lieu.', 'fr', '2025-08-01');
    expect(m?.isRangeStart).toBeUndefined();
  });
});

describe('findDateMentions (fr) — dates absolues', () => {
  it('garde la précision écrite', () => {
    expectMentions('Un accord signé le 8 mars 2023, révisé en juillet 2023 et appliqué depuis 2021.', 'fr', '2025-05-02', [
      { text: '8 mars 2023', date: '2023-03-08', kind: 'absolute', explicitYear: true },
      { text: 'juillet 2023', date: '2023-07', kind: 'absolute', explicitYear: true },
      { text: '2021', date: '2021', kind: 'absolute', explicitYear: true },
    ]);
    expectMentions('En 2021, les deux pays ont rétabli leurs relations.', 'fr', '2025-05-02', [['2021', '2021']]);
    expectMentions('Le 1er janvier 2020, la zone de libre-échange est entrée en vigueur.', 'fr', '2025-05-02', [['1er janvier 2020', '2020-01-01']]);
    expectMentions('Le mémorandum daté du 08/03/2023 a été publié.', 'fr', '2025-05-02', [['08/03/2023', '2023-03-08']]);
  });

  it('sans référence : seules les dates absolues restent', () => {
    expectMentions('Le 12 mars, hier, en juillet, mardi, après le 8 mars 2023 et depuis 2021.', 'fr', undefined, [
      ['8 mars 2023', '2023-03-08'],
      ['2021', '2021'],
    ]);
  });
});

describe('findDateMentions (fr) — ce qui n’est pas une date', () => {
  it.each([
    'Le président a effectué une visite de deux jours au Bénin.',
    "Une visite de vingt-quatre heures s'est achevée à Kigali.",
    'Les rebelles ont quarante-huit heures pour se retirer.',
    'Le pays célèbre le 65e anniversaire de son indépendance.',
    "L'organisation entre dans sa 34e année d'existence.",
    "L'Union africaine a présenté l'Agenda 2063 à ses partenaires.",
    "Le budget de l'exercice 2023-24 a été adopté.",
    "Le plan d'action 2018-2019 n'a pas été exécuté.",
    'Un prêt de 2,7 milliards de dollars a été accordé.',
    "Les observateurs disposent de jusqu'à 90 jours pour rendre leur rapport.",
    'La résolution 2231 reste en vigueur.',
  ])('%s', (text) => expectNone(text, 'fr'));
});

describe('findDateMentions (fr) — option upcomingWindowDays', () => {
  const text = 'Le chef de la diplomatie se rendra du 14 au 19 janvier au Bénin et au Gabon.';

  it('par défaut, la règle du passé s’applique', () => {
    expectMentions(text, 'fr', '2024-01-10', [['14 au 19 janvier', '2023-01-14']]);
  });

  it('avec une fenêtre, une date proche à venir reste dans l’année', () => {
    expect(findDateMentions(text, 'fr', { year: 2024, month: 1, day: 10 }, { upcomingWindowDays: 21 }).map((m) => m.date)).toEqual([
      { year: 2024, month: 1, day: 14 },
    ]);
    // Across the year boundary.
    expect(findDateMentions(text, 'fr', { year: 2023, month: 12, day: 28 }, { upcomingWindowDays: 21 }).map((m) => m.date)).toEqual([
      { year: 2024, month: 1, day: 14 },
    ]);
    // Beyond the window, or with a month reference, the past rule still applies.
    expect(findDateMentions(text, 'fr', { year: 2023, month: 11, day: 1 }, { upcomingWindowDays: 21 }).map((m) => m.date)).toEqual([
      { year: 2023, month: 1, day: 14 },
    ]);
    expect(findDateMentions(text, 'fr', { year: 2023, month: 12 }, { upcomingWindowDays: 21 }).map((m) => m.date)).toEqual([
      { year: 2023, month: 1, day: 14 },
    ]);
    expect(findDateMentions('Le sommet du 29 décembre a été reporté.', 'fr', { year: 2024, month: 12, day: 20 }, { upcomingWindowDays: 21 })[0]?.date).toEqual({
      year: 2024,
      month: 12,
      day: 29,
    });
  });
});
