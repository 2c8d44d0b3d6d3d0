import { describe, expect, it } from 'vitest';
import type { AgreementSummary } from '../../helpers/extract.js';
import { ag, ev, expectAgreements, expectExtraction, extractFrom, summarise } from '../../helpers/extract.js';

describe('fr — signings and agreements', () => {
  it('"trois accords" with one detailed: one detailed agreement plus two unspecified', () => {
    // 2023-10-05 is a Thursday.
    expectExtraction(
      'fr',
      "Le Portugal et le Ghana ont signé jeudi à Accra trois accords, dont un accord de coopération dans le domaine de l'éducation.",
      '2023-10-05',
      {
        events: [ev({ type: 'signing', participants: 'GHA;PRT', date: '2023-10-05', city: 'Accra', country: 'GHA' })],
        agreements: [
          ag({ topic: 'education', parties: 'GHA;PRT', date: '2023-10-05' }),
          ag({ topic: 'unspecified', parties: 'GHA;PRT', date: '2023-10-05' }),
          ag({ topic: 'unspecified', parties: 'GHA;PRT', date: '2023-10-05' }),
        ],
      },
    );
  });

  it('an enumeration "le premier …, le second …" gives one agreement per item, with the signers', () => {
    // 2025-04-10 is a Thursday: "mercredi" is 2025-04-09.
    expectExtraction(
      'fr',
      "Les ministres des Affaires étrangères de la Jordanie et de la Grèce, Rami Khoury et Eleni Papadaki, ont signé mercredi à Amman deux mémorandums d'entente. " +
        "Le premier porte sur des consultations politiques régulières, le second sur la promotion touristique.",
      '2025-04-10',
      {
        events: [ev({ type: 'signing', participants: 'GRC;JOR', date: '2025-04-09', city: 'Amman', country: 'JOR', people: ['Eleni Papadaki', 'Rami Khoury'] })],
        agreements: [
          ag({ topic: 'consultation', parties: 'GRC;JOR', date: '2025-04-09', signatories: ['Eleni Papadaki', 'Rami Khoury'] }),
          ag({ topic: 'tourism', parties: 'GRC;JOR', date: '2025-04-09', signatories: ['Eleni Papadaki', 'Rami Khoury'] }),
        ],
      },
    );
  });

  const topicCases: [string, AgreementSummary['topic']][] = [
    ['une convention de non double imposition', 'taxation'],
    ["un accord d'exemption de visa pour les titulaires de passeports diplomatiques", 'visa'],
    ['un accord sur les services aériens', 'transport'],
    ["un accord d'entraide judiciaire en matière pénale", 'judicial'],
    ['un mémorandum de coopération sanitaire', 'health'],
    ['un protocole de coopération militaire', 'defense'],
    ["un traité d'amitié et de coopération", 'other'],
  ];
  for (const [agreement, topic] of topicCases) {
    it(`topic of "${agreement}" is ${topic}`, () => {
      // 2024-10-04 is a Friday.
      expectAgreements(
        'fr',
        `Le ministre botswanais des Affaires étrangères, Kagiso Molefe, et son homologue namibienne, Ndapewa Shikongo, ont signé vendredi à Windhoek ${agreement}.`,
        '2024-10-04',
        [ag({ topic, parties: 'BWA;NAM', date: '2024-10-04', signatories: ['Kagiso Molefe', 'Ndapewa Shikongo'] })],
      );
    });
  }

  it('a head of state who witnesses a signing is in the event people but not a signatory', () => {
    // 2023-07-12 is a Wednesday: "mardi" is 2023-07-11.
    expectExtraction(
      'fr',
      "Les ministres de l'Énergie du Kenya et de l'Ouganda, Grace Wanjiru et Moses Ssemakula, ont signé mardi à Kampala un accord sur l'interconnexion électrique, en présence du président ougandais, Joseph Okello Atim.",
      '2023-07-12',
      {
        events: [
          ev({ type: 'signing', participants: 'KEN;UGA', date: '2023-07-11', city: 'Kampala', country: 'UGA', people: ['Grace Wanjiru', 'Joseph Okello Atim', 'Moses Ssemakula'] }),
        ],
        agreements: [ag({ topic: 'energy', parties: 'KEN;UGA', date: '2023-07-11', signatories: ['Grace Wanjiru', 'Moses Ssemakula'] })],
      },
    );
  });

  it('an enumeration "le premier …, le deuxième … et le troisième …" with more agreements counted than detailed', () => {
    // 2023-11-09 is a Thursday.
    expectExtraction(
      'fr',
      "La Pologne et l'Autriche ont signé jeudi à Varsovie cinq accords. " +
        "Le premier concerne la coopération énergétique, le deuxième l'enseignement supérieur et le troisième la lutte contre le terrorisme.",
      '2023-11-09',
      {
        events: [ev({ type: 'signing', participants: 'AUT;POL', date: '2023-11-09', city: 'Warsaw', country: 'POL' })],
        agreements: [
          ag({ topic: 'education', parties: 'AUT;POL', date: '2023-11-09' }),
          ag({ topic: 'energy', parties: 'AUT;POL', date: '2023-11-09' }),
          ag({ topic: 'security', parties: 'AUT;POL', date: '2023-11-09' }),
          ag({ topic: 'unspecified', parties: 'AUT;POL', date: '2023-11-09' }),
          ag({ topic: 'unspecified', parties: 'AUT;POL', date: '2023-11-09' }),
        ],
      },
    );
  });

  it('several agreements signed at one ceremony are one signing event', () => {
    const got = summarise(
      extractFrom(
        'fr',
        "Le Canada et le Mexique ont signé lundi à Ottawa un accord de coopération agricole. " +
          "Un mémorandum sur la coopération scientifique a également été signé lors de la même cérémonie.",
        '2024-03-28',
      ),
    );
    expect(got.events.filter((e) => e.type === 'signing')).toEqual([ev({ type: 'signing', participants: 'CAN;MEX', date: '2024-03-25', city: 'Ottawa', country: 'CAN' })]);
    expect(got.agreements.map((a) => a.topic).sort()).toEqual(['agriculture', 'science']);
  });

  it('an agreement between two ministries counts for their countries', () => {
    // 2022-11-24 is a Thursday: "mercredi" is 2022-11-23.
    expectExtraction(
      'fr',
      "Le ministère serbe de l'Intérieur et son homologue croate ont signé mercredi à Zagreb un protocole de coopération policière contre la criminalité transfrontalière.",
      '2022-11-24',
      {
        events: [ev({ type: 'signing', participants: 'HRV;SRB', date: '2022-11-23', city: 'Zagreb', country: 'HRV' })],
        agreements: [ag({ topic: 'security', parties: 'HRV;SRB', date: '2022-11-23' })],
      },
    );
  });

  it('both governments agreeing without signing yet: announced, with no signing event', () => {
    expectExtraction(
      'fr',
      "Le Pérou et l'Équateur sont convenus mardi de supprimer les visas pour les titulaires de passeports de service.",
      // 2025-06-05 is a Thursday: "mardi" is 2025-06-03.
      '2025-06-05',
      {
        events: [],
        agreements: [ag({ topic: 'visa', parties: 'ECU;PER', status: 'announced', date: '2025-06-03' })],
      },
    );
  });
});
