import type { Place } from '../extract/types.js';
import type { FusedAgreement, FusedEvent, FusedRecords, Sourced } from '../records/fusion.js';
import { EXTRACTOR_VERSION } from './version.js';

/**
 * schema.org JSON-LD for events (Event) and agreements (Legislation), with the context
 * embedded so a consumer needs nothing from the network. What schema.org has no term
 * for (CAMEO code, participants as codes, evidence, status) lives in the project's own
 * vocabulary under `${baseUri}vocab#`.
 */
export interface JsonLdOptions {
  /** Node ids are IRIs under it: `${baseUri}events/ev-…`. Ends with "/". */
  readonly baseUri: string;
}

export const DEFAULT_BASE_URI = 'https://w3id.org/entente/';

export type JsonObject = { [key: string]: unknown };

function context(baseUri: string): JsonObject {
  return {
    '@vocab': 'https://schema.org/',
    schema: 'https://schema.org/',
    entente: `${baseUri}vocab#`,
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    sameAs: { '@id': 'schema:sameAs', '@type': '@id' },
    legislationLegalForce: { '@id': 'schema:legislationLegalForce', '@type': '@vocab' },
    cameoCode: 'entente:cameoCode',
    eventType: 'entente:eventType',
    participant: { '@id': 'entente:participant', '@type': '@vocab' },
    actor: { '@id': 'entente:actor', '@type': '@id' },
    counterpart: { '@id': 'entente:counterpart', '@type': '@id' },
    party: { '@id': 'entente:party', '@type': '@id' },
    topic: 'entente:topic',
    status: 'entente:status',
    evidence: 'entente:evidence',
    evidenceStart: { '@id': 'entente:evidenceStart', '@type': 'xsd:integer' },
    evidenceEnd: { '@id': 'entente:evidenceEnd', '@type': 'xsd:integer' },
    sourceKey: 'entente:sourceKey',
    article: { '@id': 'entente:article', '@type': '@id' },
    signingEvent: { '@id': 'entente:signingEvent', '@type': '@id' },
    signatory: 'entente:signatory',
    extractorVersion: 'entente:extractorVersion',
    sourceCount: { '@id': 'entente:sourceCount', '@type': 'xsd:integer' },
    certainty: 'entente:certainty',
    superEvent: { '@id': 'schema:superEvent', '@type': '@id' },
  };
}

/** Countries and organisations as nodes under the base URI, so every row that names one links to the same node. */
const actorIri = (baseUri: string, code: string): string => `${baseUri}actors/${encodeURIComponent(code)}`;

function placeNode(place: Place | undefined): JsonObject | undefined {
  if (!place || (place.city === undefined && place.country === undefined)) return undefined;
  const node: JsonObject = { '@type': 'Place' };
  if (place.city !== undefined) node.name = place.city;
  if (place.country !== undefined) node.address = { '@type': 'PostalAddress', addressCountry: place.country };
  if (place.latitude !== undefined && place.longitude !== undefined) {
    node.geo = { '@type': 'GeoCoordinates', latitude: place.latitude, longitude: place.longitude };
  }
  if (place.geonamesId !== undefined) node.sameAs = `https://sws.geonames.org/${place.geonamesId}/`;
  return node;
}

/** Every sentence of every source, each pointing at its article: the way back to the words. */
const evidenceNodes = (record: Sourced, baseUri: string): JsonObject[] =>
  record.sources.flatMap((source) =>
    source.evidence.map((e) => ({
      '@type': 'Quotation',
      text: e.text,
      evidenceStart: e.start,
      evidenceEnd: e.end,
      article: `${baseUri}articles/${source.articleId}`,
    })),
  );

function compact(node: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

export function eventNode(event: FusedEvent, baseUri: string): JsonObject {
  return compact({
    '@id': `${baseUri}events/${event.id}`,
    '@type': 'Event',
    identifier: event.id,
    name: `${event.type.replace('_', ' ')}: ${event.participants.join(', ')}${event.date ? ` (${event.date})` : ''}`,
    eventType: event.type,
    cameoCode: event.cameoCode,
    startDate: event.date,
    location: placeNode(event.location),
    participant: event.participants.map((code) => actorIri(baseUri, code)),
    actor: event.actor1Country ? actorIri(baseUri, event.actor1Country) : undefined,
    counterpart: event.actor2Country ? actorIri(baseUri, event.actor2Country) : undefined,
    attendee: event.people.map((name) => ({ '@type': 'Person', name })),
    inLanguage: event.language,
    sourceKey: event.sourceKeys,
    evidence: evidenceNodes(event, baseUri),
    extractorVersion: EXTRACTOR_VERSION,
    sourceCount: event.sourceCount,
    certainty: event.certainty,
    superEvent: event.parentEventId ? `${baseUri}events/${event.parentEventId}` : undefined,
  });
}

export function agreementNode(agreement: FusedAgreement, baseUri: string): JsonObject {
  return compact({
    '@id': `${baseUri}agreements/${agreement.id}`,
    '@type': 'Legislation',
    identifier: agreement.id,
    name: agreement.title,
    topic: agreement.topic,
    status: agreement.status,
    legislationDate: agreement.dateSigned,
    legislationLegalForce: agreement.status === 'in_force' ? 'InForce' : undefined,
    spatialCoverage: placeNode(agreement.place),
    party: agreement.parties.map((code) => actorIri(baseUri, code)),
    signatory: agreement.signatories.map((name) => ({ '@type': 'Person', name })),
    signingEvent: agreement.signingEventId ? `${baseUri}events/${agreement.signingEventId}` : undefined,
    inLanguage: agreement.language,
    sourceKey: agreement.sourceKeys,
    evidence: evidenceNodes(agreement, baseUri),
    extractorVersion: EXTRACTOR_VERSION,
    sourceCount: agreement.sourceCount,
  });
}

/*
 * The same nodes as eventNode and agreementNode, written straight to their JSON text:
 * eventNodeText(e, b) === JSON.stringify(eventNode(e, b)) for every input, byte for byte
 * (test/datasets/jsonld-text.test.ts checks it on generated rows). They exist for speed:
 * building each node as an object and stringifying it was the largest cost of writing
 * events.jsonld at a million events. The object versions stay the readable reference and
 * the test oracle; a change to one must be made to the other.
 *
 * Keys and the omission rules of compact and placeNode (undefined values and empty arrays
 * dropped, empty strings kept) are spelt out in the object versions' order. Strings are
 * written by `escaped` between quotes of the surrounding text, numbers by jsonNumber; both
 * write what JSON.stringify writes.
 */

/**
 * What JSON.stringify escapes in a string: '"', '\\', control characters and (lone)
 * surrogates. A string with none of them (nearly all) goes in as is, the rest as the
 * inside of its JSON.stringify; surrogate pairs, which JSON.stringify keeps, merely take
 * that slower way. The test costs less than a call of JSON.stringify.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * `s` as it is between the quotes of its JSON string. Put next to other text inside one
 * JSON string, it is still exactly what JSON.stringify writes of the whole, as long as no
 * surrogate pair straddles the join: JSON escapes each UTF-16 unit on its own but for
 * pairs. Every join below is next to a quote, a '/' or other ASCII.
 */
const escaped = (s: string): string => (PLAIN.test(s) ? s : JSON.stringify(s).slice(1, -1));

/** JSON.stringify of a number: finite numbers as Number#toString (-0 as 0), the others as null. */
const jsonNumber = (n: number): string => (Number.isFinite(n) ? `${n}` : 'null');

const EXTRACTOR_VERSION_JSON = JSON.stringify(EXTRACTOR_VERSION);

/**
 * A string built with + is a rope of its pieces (some seventy here) until something
 * reads it whole. Kept until a batch of nodes is joined or written, ropes cost the garbage
 * collector and the join more than building them did, so the text is flattened (copied
 * into one piece, in place) before it is returned: reading a character does it. The test
 * keeps the read from being optimised away; it always holds.
 */
function flattened(text: string): string {
  if (text.charCodeAt(0) !== 0x7b) throw new Error(`not a JSON object: ${text.slice(0, 20)}`);
  return text;
}

/**
 * The IRIs under one base URI, as the opening of their JSON strings (`"https://…/events/`,
 * the base escaped once), and the JSON strings of actor IRIs (few codes, on every row),
 * up to a bound. For the last base URI asked.
 */
interface Iris {
  readonly baseUri: string;
  readonly events: string;
  readonly agreements: string;
  readonly articles: string;
  readonly actors: Map<string, string>;
}

const MAX_CACHED_ACTORS = 10_000;
let lastIris: Iris | undefined;

function irisFor(baseUri: string): Iris {
  if (lastIris?.baseUri !== baseUri) {
    const opening = (path: string): string => `"${escaped(`${baseUri}${path}`)}`;
    lastIris = { baseUri, events: opening('events/'), agreements: opening('agreements/'), articles: opening('articles/'), actors: new Map() };
  }
  return lastIris;
}

function actorIriJson(iris: Iris, code: string): string {
  let json = iris.actors.get(code);
  if (json === undefined) {
    json = `"${escaped(actorIri(iris.baseUri, code))}"`;
    if (iris.actors.size < MAX_CACHED_ACTORS) iris.actors.set(code, json);
  }
  return json;
}

/** `,"key":[…]` of actor IRIs, or nothing for no codes (compact drops empty arrays). */
function actorIrisText(key: string, iris: Iris, codes: readonly string[]): string {
  if (codes.length === 0) return '';
  let out = `,"${key}":[${actorIriJson(iris, codes[0] as string)}`;
  for (let i = 1; i < codes.length; i++) out += `,${actorIriJson(iris, codes[i] as string)}`;
  return `${out}]`;
}

/** `,"key":[…]` of Person nodes, or nothing for no names. */
function personsText(key: string, names: readonly string[]): string {
  if (names.length === 0) return '';
  let out = `,"${key}":[{"@type":"Person","name":"${escaped(names[0] as string)}"}`;
  for (let i = 1; i < names.length; i++) out += `,{"@type":"Person","name":"${escaped(names[i] as string)}"}`;
  return `${out}]`;
}

/** `,"key":[…]` of strings, or nothing for none. */
function stringsText(key: string, values: readonly string[]): string {
  if (values.length === 0) return '';
  let out = `,"${key}":["${escaped(values[0] as string)}"`;
  for (let i = 1; i < values.length; i++) out += `,"${escaped(values[i] as string)}"`;
  return `${out}]`;
}

/** `,"key":{…}` as placeNode, or nothing when it gives no node. */
function placeText(key: string, place: Place | undefined): string {
  if (!place || (place.city === undefined && place.country === undefined)) return '';
  let out = `,"${key}":{"@type":"Place"`;
  if (place.city !== undefined) out += `,"name":"${escaped(place.city)}"`;
  if (place.country !== undefined) out += `,"address":{"@type":"PostalAddress","addressCountry":"${escaped(place.country)}"}`;
  if (place.latitude !== undefined && place.longitude !== undefined) {
    out += `,"geo":{"@type":"GeoCoordinates","latitude":${jsonNumber(place.latitude)},"longitude":${jsonNumber(place.longitude)}}`;
  }
  if (place.geonamesId !== undefined) out += `,"sameAs":"${escaped(`https://sws.geonames.org/${place.geonamesId}/`)}"`;
  return `${out}}`;
}

/** `,"evidence":[…]` as evidenceNodes, or nothing when no source has evidence. */
function evidenceText(record: Sourced, iris: Iris): string {
  let out = '';
  for (const source of record.sources) {
    if (source.evidence.length === 0) continue;
    const article = `${iris.articles}${escaped(source.articleId)}"}`;
    for (const e of source.evidence) {
      out += `${out === '' ? ',"evidence":[' : ','}{"@type":"Quotation","text":"${escaped(e.text)}","evidenceStart":${jsonNumber(e.start)},"evidenceEnd":${jsonNumber(e.end)},"article":${article}`;
    }
  }
  return out === '' ? '' : `${out}]`;
}

/** JSON.stringify(eventNode(event, baseUri)), built directly. */
export function eventNodeText(event: FusedEvent, baseUri: string): string {
  const iris = irisFor(baseUri);
  const id = escaped(event.id);
  const name = `${event.type.replace('_', ' ')}: ${event.participants.join(', ')}${event.date ? ` (${event.date})` : ''}`;
  let out = `{"@id":${iris.events}${id}","@type":"Event","identifier":"${id}","name":"${escaped(name)}","eventType":"${escaped(event.type)}","cameoCode":"${escaped(event.cameoCode)}"`;
  if (event.date !== undefined) out += `,"startDate":"${escaped(event.date)}"`;
  out += placeText('location', event.location);
  out += actorIrisText('participant', iris, event.participants);
  if (event.actor1Country) out += `,"actor":${actorIriJson(iris, event.actor1Country)}`;
  if (event.actor2Country) out += `,"counterpart":${actorIriJson(iris, event.actor2Country)}`;
  out += personsText('attendee', event.people);
  out += `,"inLanguage":"${escaped(event.language)}"`;
  out += stringsText('sourceKey', event.sourceKeys);
  out += evidenceText(event, iris);
  out += `,"extractorVersion":${EXTRACTOR_VERSION_JSON},"sourceCount":${jsonNumber(event.sourceCount)},"certainty":"${escaped(event.certainty)}"`;
  if (event.parentEventId) out += `,"superEvent":${iris.events}${escaped(event.parentEventId)}"`;
  return flattened(`${out}}`);
}

/** JSON.stringify(agreementNode(agreement, baseUri)), built directly. */
export function agreementNodeText(agreement: FusedAgreement, baseUri: string): string {
  const around = agreementNodeAround(agreement, baseUri);
  return flattened(`${around.head}${signingEventText(agreement.signingEventId, baseUri)}${around.tail}`);
}

/**
 * agreementNodeText in two pieces, around where its signing event goes (signingEventText),
 * for an agreement whose signing event is settled later (write-datasets.ts).
 */
export function agreementNodeAround(agreement: FusedAgreement, baseUri: string): { readonly head: string; readonly tail: string } {
  const iris = irisFor(baseUri);
  const id = escaped(agreement.id);
  let head = `{"@id":${iris.agreements}${id}","@type":"Legislation","identifier":"${id}","name":"${escaped(agreement.title)}","topic":"${escaped(agreement.topic)}","status":"${escaped(agreement.status)}"`;
  if (agreement.dateSigned !== undefined) head += `,"legislationDate":"${escaped(agreement.dateSigned)}"`;
  if (agreement.status === 'in_force') head += ',"legislationLegalForce":"InForce"';
  head += placeText('spatialCoverage', agreement.place);
  head += actorIrisText('party', iris, agreement.parties);
  head += personsText('signatory', agreement.signatories);
  let tail = `,"inLanguage":"${escaped(agreement.language)}"`;
  tail += stringsText('sourceKey', agreement.sourceKeys);
  tail += evidenceText(agreement, iris);
  tail += `,"extractorVersion":${EXTRACTOR_VERSION_JSON},"sourceCount":${jsonNumber(agreement.sourceCount)}}`;
  return { head: flattened(head), tail };
}

/** What goes between agreementNodeAround's pieces: the signing event's IRI, if there is one. */
export function signingEventText(signingEventId: string | undefined, baseUri: string): string {
  return signingEventId ? `,"signingEvent":${irisFor(baseUri).events}${escaped(signingEventId)}"` : '';
}

function document(baseUri: string, graph: JsonObject[]): string {
  const parts = [graphOpening(baseUri)];
  graph.forEach((node, n) => parts.push(graphNode(node, n === 0)));
  parts.push(graphClosing(graph.length));
  return parts.join('');
}

/*
 * A document in pieces, for files written node by node: graphOpening, then graphNode for
 * each node (first = true for the first), then graphClosing. The context is indented for
 * people to read; each node is one compact line, which keeps large files small and lets
 * line-oriented tools (grep, head, split) work on them. JSON never holds a raw line break
 * inside a string, so a node can never span two lines.
 */
export function graphOpening(baseUri: string): string {
  const head = JSON.stringify({ '@context': context(baseUri), '@graph': [] }, null, 2);
  return head.slice(0, head.lastIndexOf('[') + 1);
}

export function graphNode(node: JsonObject, first: boolean): string {
  return graphNodeText(JSON.stringify(node), first);
}

/** graphNode for a node already written as text (eventNodeText, agreementNodeText). */
export function graphNodeText(node: string, first: boolean): string {
  return `${first ? '' : ','}\n${node}`;
}

export function graphClosing(nodes: number): string {
  return nodes === 0 ? ']\n}\n' : '\n]\n}\n';
}

export const byId = (a: JsonObject, b: JsonObject): number => (String(a['@id']) < String(b['@id']) ? -1 : String(a['@id']) > String(b['@id']) ? 1 : 0);

export function eventsJsonLd(fused: Pick<FusedRecords, 'events'>, options: JsonLdOptions): string {
  return document(options.baseUri, fused.events.map((e) => eventNode(e, options.baseUri)).sort(byId));
}

export function agreementsJsonLd(fused: Pick<FusedRecords, 'agreements'>, options: JsonLdOptions): string {
  return document(options.baseUri, fused.agreements.map((g) => agreementNode(g, options.baseUri)).sort(byId));
}
