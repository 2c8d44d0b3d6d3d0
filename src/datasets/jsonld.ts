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
  return `${first ? '' : ','}\n${JSON.stringify(node)}`;
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
