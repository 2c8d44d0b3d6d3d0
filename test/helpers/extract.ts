/**
 * Helpers for the extractor's unit tests, in the spirit of chrono-node's `testSingleCase`:
 * run one short article through `extractArticle`, check the invariants every result must
 * satisfy (evidence offsets point into the text), and compare a compact view of the rows
 * with what GOLD-FORMAT.md says a careful analyst would annotate.
 */
import { expect } from 'vitest';
import { formatPartialDate, parsePartialDate } from '../../src/dates/partial-date.js';
import type { PartialDate } from '../../src/dates/partial-date.js';
import { extractArticle } from '../../src/extract/extractor.js';
import type { Evidence, ExtractedAgreement, ExtractedEvent, Extraction } from '../../src/extract/types.js';

export type TestLocale = 'fr' | 'en';

/** An event as the tests write it. `actor`/`host` only for visits; absent fields are unknown. */
export interface EventSummary {
  type: ExtractedEvent['type'];
  /** Sorted ISO3 / CAMEO codes joined by ';' ("AZE;DZA"). */
  participants: string;
  actor?: string;
  host?: string;
  /** ISO partial date: "2022", "2022-08" or "2022-08-14". */
  date?: string;
  /** English exonym. */
  city?: string;
  country?: string;
  /** Full names, sorted. */
  people: string[];
}

export interface AgreementSummary {
  topic: ExtractedAgreement['topic'];
  /** Sorted codes joined by ';'. */
  parties: string;
  status: ExtractedAgreement['status'];
  date?: string;
  /** Names, sorted. */
  signatories: string[];
}

export interface ExtractionSummary {
  events: EventSummary[];
  agreements: AgreementSummary[];
}

export function publicationDate(published: string): PartialDate {
  const date = parsePartialDate(published);
  if (date === undefined) throw new Error(`bad publication date in test: ${published}`);
  return date;
}

/** Every evidence span must be exactly the text it claims to quote. */
export function expectEvidenceInText(text: string, extraction: Extraction): void {
  const spans: { where: string; evidence: Evidence }[] = [
    ...extraction.events.flatMap((e) => e.evidence.map((evidence) => ({ where: `event ${e.localId} (${e.type})`, evidence }))),
    ...extraction.agreements.flatMap((a) => a.evidence.map((evidence) => ({ where: `agreement "${a.title}"`, evidence }))),
  ];
  for (const { where, evidence } of spans) {
    expect(evidence.start, where).toBeGreaterThanOrEqual(0);
    expect(evidence.end, where).toBeLessThanOrEqual(text.length);
    expect(evidence.start, where).toBeLessThan(evidence.end);
    expect(text.slice(evidence.start, evidence.end), where).toBe(evidence.text);
  }
  // Every event is read from at least one sentence; an agreement's signing event exists.
  for (const e of extraction.events) expect(e.evidence.length, `event ${e.localId} has evidence`).toBeGreaterThan(0);
  const ids = new Set(extraction.events.map((e) => e.localId));
  expect(ids.size, 'event localIds are unique').toBe(extraction.events.length);
  for (const a of extraction.agreements) {
    if (a.signingEventLocalId !== undefined) expect(ids.has(a.signingEventLocalId), `agreement "${a.title}" points at an event`).toBe(true);
  }
}

/** Runs the extractor on one article of a supported locale; checks offsets on the way. */
export function extractFrom(locale: TestLocale, text: string, published: string): Extraction {
  const extraction = extractArticle({ text, language: locale, published: publicationDate(published) });
  if (extraction === undefined) throw new Error(`extractArticle returned undefined for locale ${locale}`);
  expectEvidenceInText(text, extraction);
  return extraction;
}

export function eventsOf(locale: TestLocale, text: string, published: string): readonly ExtractedEvent[] {
  return extractFrom(locale, text, published).events;
}

export function agreementsOf(locale: TestLocale, text: string, published: string): readonly ExtractedAgreement[] {
  return extractFrom(locale, text, published).agreements;
}

const joinCodes = (codes: readonly string[]): string => [...codes].sort().join(';');
const sorted = (names: readonly string[]): string[] => [...names].sort();

/** Drops undefined fields so that `toEqual` diffs stay short and readable. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function summariseEvent(e: ExtractedEvent): EventSummary {
  return compact({
    type: e.type,
    participants: joinCodes(e.participants),
    actor: e.type === 'visit' ? e.actor1?.country : undefined,
    host: e.type === 'visit' ? e.actor2?.country : undefined,
    date: e.date ? formatPartialDate(e.date) : undefined,
    city: e.location?.city,
    country: e.location?.country,
    people: sorted(e.people),
  });
}

export function summariseAgreement(a: ExtractedAgreement): AgreementSummary {
  return compact({
    topic: a.topic,
    parties: joinCodes(a.parties),
    status: a.status,
    date: a.date ? formatPartialDate(a.date) : undefined,
    signatories: sorted(a.signatories),
  });
}

const eventKey = (e: EventSummary): string => [e.type, e.participants, e.actor ?? '', e.date ?? '', e.city ?? ''].join('|');
const agreementKey = (a: AgreementSummary): string => [a.topic, a.parties, a.status, a.date ?? ''].join('|');

/** The compact, order-free view of an extraction: rows sorted by type/topic, then codes. */
export function summarise(extraction: Extraction): ExtractionSummary {
  return {
    events: extraction.events.map(summariseEvent).sort((a, b) => eventKey(a).localeCompare(eventKey(b))),
    agreements: extraction.agreements.map(summariseAgreement).sort((a, b) => agreementKey(a).localeCompare(agreementKey(b))),
  };
}

/** One line per event, for quick reading of a failure: "visit DZA>AZE 2022-08 Baku". */
export function eventLine(e: EventSummary): string {
  const who = e.type === 'visit' && e.actor && e.host ? `${e.actor}>${e.host}` : e.participants;
  return [e.type, who, e.date ?? '?', e.city ?? e.country ?? ''].join(' ').trim();
}

/** Fills the defaults of an expected event (no people unless given). */
export function ev(e: Omit<EventSummary, 'people'> & { people?: string[] }): EventSummary {
  return compact({ ...e, people: sorted(e.people ?? []) });
}

/** Fills the defaults of an expected agreement (status signed, no known signatories). */
export function ag(a: Omit<AgreementSummary, 'status' | 'signatories'> & Partial<Pick<AgreementSummary, 'status' | 'signatories'>>): AgreementSummary {
  return compact({ status: 'signed' as const, ...a, signatories: sorted(a.signatories ?? []) });
}

/** Asserts the complete set of events (order-free); agreements too when given. */
export function expectExtraction(
  locale: TestLocale,
  text: string,
  published: string,
  expected: { events: EventSummary[]; agreements?: AgreementSummary[] },
): ExtractionSummary {
  const got = summarise(extractFrom(locale, text, published));
  const want: ExtractionSummary = {
    events: [...expected.events].sort((a, b) => eventKey(a).localeCompare(eventKey(b))),
    agreements: [...(expected.agreements ?? got.agreements)].sort((a, b) => agreementKey(a).localeCompare(agreementKey(b))),
  };
  expect(got).toEqual(want);
  return got;
}

/** Asserts exactly these events (order-free) and no agreement. */
export function expectEvents(locale: TestLocale, text: string, published: string, events: EventSummary[]): void {
  expectExtraction(locale, text, published, { events, agreements: [] });
}

/** Asserts these agreements (order-free), whatever the events. */
export function expectAgreements(locale: TestLocale, text: string, published: string, agreements: AgreementSummary[]): void {
  const got = summarise(extractFrom(locale, text, published)).agreements;
  expect(got).toEqual([...agreements].sort((a, b) => agreementKey(a).localeCompare(agreementKey(b))));
}

/** The events of one type only, summarised. */
export function eventsOfType(locale: TestLocale, text: string, published: string, type: EventSummary['type']): EventSummary[] {
  return summarise(extractFrom(locale, text, published)).events.filter((e) => e.type === type);
}

/** Nothing to annotate: no event and no agreement. */
export function expectNothing(locale: TestLocale, text: string, published: string): void {
  const got = summarise(extractFrom(locale, text, published));
  expect({ events: got.events.map(eventLine), agreements: got.agreements }).toEqual({ events: [], agreements: [] });
}
