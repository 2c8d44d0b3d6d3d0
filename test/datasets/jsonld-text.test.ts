import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementNode, agreementNodeText, DEFAULT_BASE_URI, eventNode, eventNodeText } from '../../src/datasets/jsonld.js';
import { AGREEMENT_STATUSES, AGREEMENT_TOPICS } from '../../src/datasets/schema.js';
import type { Evidence, Place } from '../../src/extract/types.js';
import { EVENT_TYPES } from '../../src/extract/types.js';
import type { AgreementCrosswalk, EventCrosswalk } from '../../src/records/crosswalks.js';
import type { FusedAgreement, FusedEvent, SourceRef } from '../../src/records/fusion.js';

/**
 * eventNodeText and agreementNodeText write the JSON of eventNode and agreementNode
 * directly, for speed; the object versions are the oracle: the text must be exactly
 * JSON.stringify of the object, byte for byte, whatever the row holds.
 */

const RUNS = 3000;
const BASES = [DEFAULT_BASE_URI, 'http://example.org/a"b\\c/', 'https://e.org/\u2028<é/', 'urn:x\ud800', ''];

/** What a call gives: its text, or the error it throws (encodeURIComponent throws on a lone surrogate in a code). */
function outcome(f: () => string): { text: string } | { error: string } {
  try {
    return { text: f() };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/** Characters JSON escapes or that are easy to get wrong: quotes, backslashes, controls, lone and paired surrogates, U+2028. */
const tricky = fc.constantFrom('"', '\\', '/', '\u0000', '\u0008', '\t', '\n', '\u001f', '\u007f', '\u2028', '\u2029', '<', '>', '&', '_', ' ', 'é', 'a', '\ud800', '\udbff', '\udc00', '\udfff', '😀', '\ufeff');
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: tricky, maxLength: 12 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'FRA', 'ev-0000d6080000ae4a', '2022-08-14', '2022-08', 'en'),
);
/** Mostly codes encodeURIComponent accepts; now and then anything (a lone surrogate makes both versions throw). */
const code = fc.oneof({ weight: 8, arbitrary: fc.oneof(fc.constantFrom('FRA', 'DZA', 'EU', 'AU', 'a b', 'x/y', 'é', '😀', ''), fc.string({ maxLength: 6 })) }, { weight: 1, arbitrary: text });
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.integer({ min: -1000, max: 1000 }).map((n) => n / 7),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e21, -1e21, 1e-7, 1.5e-7, 5e-324, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, 123456789012345680000, -17.4441, 14.6937),
);
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined, freq: 3 });

const evidence: fc.Arbitrary<Evidence> = fc.record({ start: number, end: number, text });
const evidences = fc.array(evidence, { maxLength: 3 });
/** Keys absent, or present and undefined, or given. */
const place: fc.Arbitrary<Place | undefined> = maybe(
  fc.record({ city: maybe(text), country: maybe(text), latitude: maybe(number), longitude: maybe(number), geonamesId: maybe(number) }, { requiredKeys: [] }),
);
const source: fc.Arbitrary<SourceRef> = fc.record(
  { articleId: text, reportId: text, sourceKeys: fc.array(text, { maxLength: 3 }), url: maybe(text), published: maybe(text), language: text, evidence: evidences },
  { requiredKeys: ['articleId', 'reportId', 'sourceKeys', 'language', 'evidence'] },
);
const sourced = {
  sources: fc.array(source, { maxLength: 4 }),
  sourceCount: number,
  sourceKeys: fc.array(text, { maxLength: 3 }),
  sourceUrls: fc.array(text, { maxLength: 2 }),
  articleIds: fc.array(text, { maxLength: 2 }),
  language: text,
};

const fusedEvent: fc.Arbitrary<FusedEvent> = fc
  .record(
    {
      id: text,
      type: fc.constantFrom(...EVENT_TYPES),
      cameoCode: text,
      date: maybe(text),
      participants: fc.array(code, { maxLength: 4 }),
      actor1Name: maybe(text),
      actor1Country: maybe(code),
      actor2Name: maybe(text),
      actor2Country: maybe(code),
      people: fc.array(text, { maxLength: 3 }),
      location: place,
      evidence: evidences,
      certainty: fc.constant('reported' as const),
      parentEventId: maybe(text),
      ...sourced,
    },
    { requiredKeys: ['id', 'type', 'cameoCode', 'participants', 'people', 'evidence', 'certainty', 'sources', 'sourceCount', 'sourceKeys', 'sourceUrls', 'articleIds', 'language'] },
  )
  .map((e) => ({ ...e, crosswalk: { participantsWikidata: [] } as EventCrosswalk }));

const fusedAgreement: fc.Arbitrary<FusedAgreement> = fc
  .record(
    {
      id: text,
      title: text,
      topic: fc.constantFrom(...AGREEMENT_TOPICS),
      parties: fc.array(code, { maxLength: 4 }),
      signatories: fc.array(text, { maxLength: 3 }),
      dateSigned: maybe(text),
      place,
      status: fc.constantFrom(...AGREEMENT_STATUSES),
      signingEventId: maybe(text),
      evidence: evidences,
      ...sourced,
    },
    { requiredKeys: ['id', 'title', 'topic', 'parties', 'signatories', 'status', 'evidence', 'sources', 'sourceCount', 'sourceKeys', 'sourceUrls', 'articleIds', 'language'] },
  )
  .map((a) => ({ ...a, crosswalk: { partiesWikidata: [] } as AgreementCrosswalk }));

const base = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...BASES) }, { weight: 1, arbitrary: text });

describe('eventNodeText and agreementNodeText are JSON.stringify of the node objects', () => {
  it('events, generated', () => {
    fc.assert(
      fc.property(fusedEvent, base, (e, b) => {
        expect(outcome(() => eventNodeText(e, b))).toEqual(outcome(() => JSON.stringify(eventNode(e, b))));
      }),
      { numRuns: RUNS },
    );
  });

  it('agreements, generated', () => {
    fc.assert(
      fc.property(fusedAgreement, base, (a, b) => {
        expect(outcome(() => agreementNodeText(a, b))).toEqual(outcome(() => JSON.stringify(agreementNode(a, b))));
      }),
      { numRuns: RUNS },
    );
  });

  it('generated rows mostly give a node, not an error', () => {
    const events = fc.sample(fusedEvent, { numRuns: 500, seed: 1 });
    const written = events.filter((e) => 'text' in outcome(() => eventNodeText(e, DEFAULT_BASE_URI)));
    expect(written.length).toBeGreaterThan(300);
  });
});

const sourceRef = (over: Partial<SourceRef> = {}): SourceRef => ({
  articleId: 'a1',
  reportId: 'ev-1',
  sourceKeys: ['incoming/2022/a1.txt'],
  language: 'fr',
  evidence: [{ start: 0, end: 10, text: 'Les deux «pays»' }],
  ...over,
});

const event = (over: Partial<FusedEvent> = {}): FusedEvent => ({
  id: 'ev-1',
  type: 'press_conference',
  cameoCode: '010',
  date: '2022-08-14',
  participants: ['DZA', 'FRA'],
  actor1Country: 'FRA',
  actor2Country: 'DZA',
  people: ['Emmanuel Macron', 'Abdelmadjid Tebboune'],
  location: { city: 'Algiers', country: 'DZA', latitude: 36.7538, longitude: 3.0588, geonamesId: 2507480 },
  evidence: [],
  certainty: 'reported',
  crosswalk: { participantsWikidata: [] },
  sources: [sourceRef(), sourceRef({ articleId: 'a2', evidence: [{ start: 5, end: 9, text: 'a "quoted" word' }, { start: 20, end: 40, text: 'line\nbreak\u2028' }] })],
  sourceCount: 2,
  sourceKeys: ['incoming/2022/a1.txt', 'incoming/2022/a2.txt'],
  sourceUrls: [],
  articleIds: ['a1', 'a2'],
  language: 'fr',
  ...over,
});

const agreement = (over: Partial<FusedAgreement> = {}): FusedAgreement => ({
  id: 'ag-1',
  title: 'accord de coopération',
  topic: 'energy',
  parties: ['DZA', 'FRA'],
  signatories: ['A', 'B'],
  dateSigned: '2022-08-27',
  place: { country: 'DZA' },
  status: 'in_force',
  signingEventId: 'ev-1',
  evidence: [],
  crosswalk: { partiesWikidata: [] },
  sources: [sourceRef()],
  sourceCount: 1,
  sourceKeys: ['incoming/2022/a1.txt'],
  sourceUrls: [],
  articleIds: ['a1'],
  language: 'fr',
  ...over,
});

const sameEvent = (e: FusedEvent, b = DEFAULT_BASE_URI): string => {
  const text = eventNodeText(e, b);
  expect(text).toBe(JSON.stringify(eventNode(e, b)));
  return text;
};
const sameAgreement = (a: FusedAgreement, b = DEFAULT_BASE_URI): string => {
  const text = agreementNodeText(a, b);
  expect(text).toBe(JSON.stringify(agreementNode(a, b)));
  return text;
};

describe('eventNodeText and agreementNodeText, examples', () => {
  it('a full event: every key, in order, with several evidence spans', () => {
    const text = sameEvent(event());
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      '@id', '@type', 'identifier', 'name', 'eventType', 'cameoCode', 'startDate', 'location', 'participant', 'actor', 'counterpart',
      'attendee', 'inLanguage', 'sourceKey', 'evidence', 'extractorVersion', 'sourceCount', 'certainty',
    ]);
    expect(text).toContain('"name":"press conference: DZA, FRA (2022-08-14)"');
    expect(text).toContain('"text":"line\\nbreak\u2028"');
  });

  it('keeps empty strings, drops what is undefined or an empty array, and tests truthiness where the object does', () => {
    const text = sameEvent(event({ date: '', actor1Country: '', actor2Country: undefined, parentEventId: '', people: [], participants: [], sourceKeys: [], sources: [sourceRef({ evidence: [] })], cameoCode: '' }));
    expect(text).toContain('"startDate":""');
    expect(text).toContain('"name":"press conference: "');
    expect(text).not.toMatch(/"actor"|"counterpart"|"superEvent"|"attendee"|"participant"|"sourceKey"|"evidence"/);
    expect(sameEvent(event({ parentEventId: 'ev-0', type: 'meeting' }))).toContain('"superEvent":"https://w3id.org/entente/events/ev-0"');
  });

  it('places: none without city and country, geo only with both coordinates, sameAs with a GeoNames id', () => {
    expect(sameEvent(event({ location: { latitude: 1, longitude: 2, geonamesId: 3 } }))).not.toContain('"location"');
    expect(sameEvent(event({ location: { country: 'DZA', latitude: 1 } }))).toContain('"location":{"@type":"Place","address":{"@type":"PostalAddress","addressCountry":"DZA"}}');
    expect(sameEvent(event({ location: { city: '', longitude: 2, geonamesId: 0 } }))).toContain('"location":{"@type":"Place","name":"","sameAs":"https://sws.geonames.org/0/"}');
  });

  it('numbers as JSON.stringify writes them', () => {
    const text = sameEvent(
      event({
        sourceCount: -0,
        location: { city: 'X', latitude: NaN, longitude: -Infinity, geonamesId: NaN },
        sources: [sourceRef({ evidence: [{ start: 1e21, end: 5e-324, text: '' }, { start: -1.5, end: 1e-7, text: 'x' }] })],
      }),
    );
    expect(text).toContain('"geo":{"@type":"GeoCoordinates","latitude":null,"longitude":null}');
    expect(text).toContain('"sameAs":"https://sws.geonames.org/NaN/"');
    expect(text).toContain('"evidenceStart":1e+21,"evidenceEnd":5e-324');
    expect(text).toContain('"evidenceStart":-1.5,"evidenceEnd":1e-7');
    expect(text).toContain('"sourceCount":0,');
  });

  it('escapes what JSON escapes: quotes, backslashes, controls, lone surrogates; keeps pairs, U+2028 and <', () => {
    const id = 'ev-"\\\u0001\ud800😀\u2028<';
    const text = sameEvent(event({ id, people: ['\udc00x'] }), 'https://e.org/\udbff');
    expect(text).toContain(`"identifier":"ev-\\"\\\\\\u0001\\ud800😀\u2028<"`);
    expect(text.startsWith('{"@id":"https://e.org/\\udbffevents/ev-\\"')).toBe(true);
    expect(text).toContain('"name":"\\udc00x"');
  });

  it('a lone surrogate in a country code throws as encodeURIComponent does in the object version', () => {
    expect(() => eventNodeText(event({ participants: ['\ud800'] }), DEFAULT_BASE_URI)).toThrow(URIError);
    expect(() => eventNode(event({ participants: ['\ud800'] }), DEFAULT_BASE_URI)).toThrow(URIError);
    expect(sameEvent(event({ participants: ['a b', 'é/?'], actor1Country: 'a b' }))).toContain('"participant":["https://w3id.org/entente/actors/a%20b","https://w3id.org/entente/actors/%C3%A9%2F%3F"]');
  });

  it('alternating base URIs never mix their IRIs', () => {
    for (const b of [...BASES, ...BASES]) sameEvent(event(), b);
    expect(sameEvent(event(), 'http://other.example/')).toContain('"participant":["http://other.example/actors/DZA"');
  });

  it('agreements: in force, legal force given; other statuses, not; an empty signing event id, no link', () => {
    const inForce = sameAgreement(agreement());
    expect(inForce).toContain('"status":"in_force","legislationDate":"2022-08-27","legislationLegalForce":"InForce","spatialCoverage":');
    expect(inForce).toContain('"signingEvent":"https://w3id.org/entente/events/ev-1"');
    for (const status of AGREEMENT_STATUSES.filter((s) => s !== 'in_force')) expect(sameAgreement(agreement({ status }))).not.toContain('legislationLegalForce');
    const bare = sameAgreement(agreement({ signingEventId: '', dateSigned: undefined, place: undefined, parties: [], signatories: [], sources: [] }));
    expect(bare).not.toMatch(/"signingEvent"|"legislationDate"|"spatialCoverage"|"party"|"signatory"|"evidence"/);
    expect(sameAgreement(agreement({ dateSigned: '', title: '' }))).toContain('"name":"","topic":"energy"');
  });
});
