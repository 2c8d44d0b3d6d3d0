import { describe, expect, it } from 'vitest';
import type { AgreementSummary } from '../../helpers/extract.js';
import { ag, ev, expectAgreements, expectExtraction, extractFrom, summarise } from '../../helpers/extract.js';

describe('en — signings and agreements', () => {
  it('"three agreements" with one detailed: one detailed agreement plus two unspecified', () => {
    // 2023-10-05 is a Thursday.
    expectExtraction('en', 'Portugal and Ghana signed three agreements in Accra on Thursday, including an agreement on cooperation in education.', '2023-10-05', {
      events: [ev({ type: 'signing', participants: 'GHA;PRT', date: '2023-10-05', city: 'Accra', country: 'GHA' })],
      agreements: [
        ag({ topic: 'education', parties: 'GHA;PRT', date: '2023-10-05' }),
        ag({ topic: 'unspecified', parties: 'GHA;PRT', date: '2023-10-05' }),
        ag({ topic: 'unspecified', parties: 'GHA;PRT', date: '2023-10-05' }),
      ],
    });
  });

  it('an enumeration "the first …, the second …" gives one agreement per item, with the signers', () => {
    // 2025-04-10 is a Thursday: Wednesday is 2025-04-09.
    expectExtraction(
      'en',
      'Jordanian Foreign Minister Rami Khoury and his Greek counterpart, Eleni Papadaki, signed two memorandums of understanding in Amman on Wednesday. ' +
        'The first sets up regular political consultations, the second promotes tourism between the two countries.',
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

  it('an enumeration "the first …, the second … and the third …" with more agreements counted than detailed', () => {
    // 2023-11-09 is a Thursday.
    expectExtraction(
      'en',
      'Poland and Austria signed five agreements in Warsaw on Thursday. ' +
        'The first covers energy cooperation, the second higher education and the third counter-terrorism.',
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

  const topicCases: [string, AgreementSummary['topic']][] = [
    ['an agreement on the avoidance of double taxation', 'taxation'],
    ['a visa exemption agreement for holders of diplomatic passports', 'visa'],
    ['an air services agreement', 'transport'],
    ['a treaty on mutual legal assistance in criminal matters', 'judicial'],
    ['a memorandum of understanding on health cooperation', 'health'],
    ['a defence cooperation protocol', 'defense'],
    ['a treaty of friendship and cooperation', 'other'],
  ];
  for (const [agreement, topic] of topicCases) {
    it(`topic of "${agreement}" is ${topic}`, () => {
      // 2024-10-04 is a Friday.
      expectAgreements(
        'en',
        `Botswana's Foreign Minister Kagiso Molefe and his Namibian counterpart, Ndapewa Shikongo, signed ${agreement} in Windhoek on Friday.`,
        '2024-10-04',
        [ag({ topic, parties: 'BWA;NAM', date: '2024-10-04', signatories: ['Kagiso Molefe', 'Ndapewa Shikongo'] })],
      );
    });
  }

  it('a head of state who witnesses a signing is in the event people but not a signatory', () => {
    // 2023-07-12 is a Wednesday: Tuesday is 2023-07-11.
    expectExtraction(
      'en',
      'Kenyan Energy Minister Grace Wanjiru and her Ugandan counterpart, Moses Ssemakula, signed an electricity interconnection agreement in Kampala on Tuesday in the presence of Ugandan President Joseph Okello Atim.',
      '2023-07-12',
      {
        events: [
          ev({ type: 'signing', participants: 'KEN;UGA', date: '2023-07-11', city: 'Kampala', country: 'UGA', people: ['Grace Wanjiru', 'Joseph Okello Atim', 'Moses Ssemakula'] }),
        ],
        agreements: [ag({ topic: 'energy', parties: 'KEN;UGA', date: '2023-07-11', signatories: ['Grace Wanjiru', 'Moses Ssemakula'] })],
      },
    );
  });

  it('several agreements signed at one ceremony are one signing event', () => {
    // 2024-03-28 is a Thursday: Monday is 2024-03-25.
    const got = summarise(
      extractFrom(
        'en',
        'Canada and Mexico signed an agricultural cooperation agreement in Ottawa on Monday. ' +
          'A memorandum on scientific research was also signed at the same ceremony.',
        '2024-03-28',
      ),
    );
    expect(got.events.filter((e) => e.type === 'signing')).toEqual([ev({ type: 'signing', participants: 'CAN;MEX', date: '2024-03-25', city: 'Ottawa', country: 'CAN' })]);
    expect(got.agreements.map((a) => a.topic).sort()).toEqual(['agriculture', 'science']);
  });

  it('an agreement between two ministries counts for their countries', () => {
    // 2022-11-24 is a Thursday: Wednesday is 2022-11-23.
    expectExtraction(
      'en',
      "Serbia's Interior Ministry and its Croatian counterpart signed a police cooperation protocol against cross-border crime in Zagreb on Wednesday.",
      '2022-11-24',
      {
        events: [ev({ type: 'signing', participants: 'HRV;SRB', date: '2022-11-23', city: 'Zagreb', country: 'HRV' })],
        agreements: [ag({ topic: 'security', parties: 'HRV;SRB', date: '2022-11-23' })],
      },
    );
  });

  it('both governments agreeing without signing yet: announced, with no signing event', () => {
    // 2025-06-05 is a Thursday: Tuesday is 2025-06-03.
    expectExtraction('en', 'Peru and Ecuador agreed on Tuesday to scrap visas for holders of service passports.', '2025-06-05', {
      events: [],
      agreements: [ag({ topic: 'visa', parties: 'ECU;PER', status: 'announced', date: '2025-06-03' })],
    });
  });
});
