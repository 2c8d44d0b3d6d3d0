import type { Store, Term } from 'n3';
import { DataFactory } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGREEMENT_STATUSES, AGREEMENT_TOPICS, EVENTS_TABLE } from '../../src/datasets/schema.js';
import type { Published } from './publish-fixture.js';
import { publishSeeds } from './publish-fixture.js';
import { expandSafely, loadShapes, toQuads, validateJsonLd } from './rdf.js';

/**
 * events.jsonld, agreements.jsonld and catalog.jsonld expanded offline in safe mode, turned
 * into RDF and validated against the SHACL shapes of ./shapes. Each shape is closed, so a
 * misspelt property (which @vocab still expands to an IRI) is a violation.
 */
type Doc = { '@context': Record<string, unknown>; '@graph': Record<string, unknown>[] };

let published: Published;
let shapes: Store;
const doc = (name: string): Doc => published.json<Doc>(name);

beforeAll(async () => {
  published = await publishSeeds();
  shapes = await loadShapes();
}, 60_000);

describe('JSON-LD against the SHACL shapes', () => {
  it.each(['events.jsonld', 'agreements.jsonld', 'catalog.jsonld'])('%s conforms', async (name) => {
    const result = await validateJsonLd(doc(name), shapes);
    expect(result.violations).toEqual([]);
    expect(result.conforms).toBe(true);
  });

  it('checks something: every node type the shapes target is present', async () => {
    const types = ['events.jsonld', 'agreements.jsonld', 'catalog.jsonld'].flatMap((n) => doc(n)['@graph'].flatMap((node) => [node['@type']].flat()));
    for (const t of ['Event', 'Legislation', 'Dataset', 'DataDownload', 'DataCatalog']) expect(types).toContain(t);
  });

  it('fails an event whose startDate is misspelt', async () => {
    const events = doc('events.jsonld');
    const node = events['@graph'].find((n) => n.startDate !== undefined) as Record<string, unknown>;
    node.startdate = node.startDate;
    delete node.startDate;
    const result = await validateJsonLd(events, shapes);
    expect(result.conforms).toBe(false);
    expect(result.violations.join('\n')).toMatch(/https:\/\/schema\.org\/startdate/);
  });

  it('fails an event with a malformed date, a participant that is not an actor IRI, or no CAMEO code', async () => {
    for (const mutate of [
      (n: Record<string, unknown>) => (n.startDate = '14/08/2022'),
      (n: Record<string, unknown>) => (n.participant = ['DZA']),
      (n: Record<string, unknown>) => delete n.cameoCode,
      (n: Record<string, unknown>) => (n.location = { '@type': 'Place', name: 'Baku', adress: 'AZE' }),
    ]) {
      const events = doc('events.jsonld');
      mutate(events['@graph'][0] as Record<string, unknown>);
      expect((await validateJsonLd(events, shapes)).conforms, mutate.toString()).toBe(false);
    }
  });

  it('fails an agreement with a topic or status outside the contract lists, or no name', async () => {
    for (const mutate of [
      (n: Record<string, unknown>) => (n.topic = 'trades'),
      (n: Record<string, unknown>) => (n.status = 'initialled'),
      (n: Record<string, unknown>) => delete n.name,
      (n: Record<string, unknown>) => (n.signingevent = n.signingEvent),
    ]) {
      const agreements = doc('agreements.jsonld');
      mutate(agreements['@graph'][0] as Record<string, unknown>);
      expect((await validateJsonLd(agreements, shapes)).conforms, mutate.toString()).toBe(false);
    }
  });

  it('fails a catalog whose download has no contentUrl, a misspelt encodingFormat, or a DCAT twin that disagrees', async () => {
    for (const mutate of [
      (d: Record<string, unknown>) => delete d.contentUrl,
      (d: Record<string, unknown>) => {
        d.encodingformat = d.encodingFormat;
        delete d.encodingFormat;
      },
      (d: Record<string, unknown>) => (d['dcat:downloadURL'] = { '@id': 'https://example.org/other.csv' }),
      (d: Record<string, unknown>) => (d['dcat:byteSize'] = { '@value': '-1', '@type': 'xsd:nonNegativeInteger' }),
    ]) {
      const catalog = doc('catalog.jsonld');
      const download = catalog['@graph'].find((n) => (n['@type'] as string[]).includes('DataDownload')) as Record<string, unknown>;
      mutate(download);
      expect((await validateJsonLd(catalog, shapes)).conforms, mutate.toString()).toBe(false);
    }
    const catalog = doc('catalog.jsonld');
    const dataset = catalog['@graph'].find((n) => (n['@type'] as string[]).includes('Dataset')) as Record<string, unknown>;
    dataset.licence = dataset.license;
    delete dataset.license;
    expect((await validateJsonLd(catalog, shapes)).conforms).toBe(false);
  });
});

describe('offline, safe-mode expansion', () => {
  it('refuses to fetch a remote context', async () => {
    const error = (await expandSafely({ '@context': 'https://schema.org/', '@type': 'Event', name: 'x' }).catch((e: unknown) => e)) as { details?: { cause?: Error } };
    expect(error.details?.cause?.message).toBe('offline test: refusing to load https://schema.org/');
  });

  it('fails on what JSON-LD would silently drop: a relative IRI, a keyword-like key, a term without an IRI', async () => {
    const catalog = doc('catalog.jsonld');
    const download = catalog['@graph'].find((n) => (n['@type'] as string[]).includes('DataDownload')) as Record<string, unknown>;
    download.contentUrl = 'events.csv';
    await expect(toQuads(catalog)).rejects.toThrow(/Safe mode/);
    const events = doc('events.jsonld');
    (events['@graph'][0] as Record<string, unknown>)['@startDate'] = '2022';
    await expect(expandSafely(events)).rejects.toThrow(/Safe mode/);
    await expect(expandSafely({ '@context': { name: 'https://schema.org/name' }, '@id': 'https://example.org/e', startDate: '2022' })).rejects.toThrow(/Safe mode/);
  });
});

describe('the shapes and the column specification', () => {
  const listOf = (head: Term): string[] => {
    const out: string[] = [];
    const rdf = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
    for (let node = head; node.value !== `${rdf}nil`; ) {
      const first = shapes.getObjects(node, DataFactory.namedNode(`${rdf}first`), null)[0];
      const rest = shapes.getObjects(node, DataFactory.namedNode(`${rdf}rest`), null)[0];
      if (!first || !rest) throw new Error('broken RDF list');
      out.push(first.value);
      node = rest;
    }
    return out;
  };
  const allowed = (path: string): string[] => {
    const property = shapes.getSubjects(DataFactory.namedNode('http://www.w3.org/ns/shacl#path'), DataFactory.namedNode(path), null)[0];
    const head = property && shapes.getObjects(property, DataFactory.namedNode('http://www.w3.org/ns/shacl#in'), null)[0];
    if (!head) throw new Error(`no sh:in for ${path}`);
    return listOf(head);
  };

  it('allow the same topics, statuses and event types as schema.ts', () => {
    const vocab = 'https://w3id.org/entente/vocab#';
    expect(allowed(`${vocab}topic`)).toEqual([...AGREEMENT_TOPICS]);
    expect(allowed(`${vocab}status`)).toEqual([...AGREEMENT_STATUSES]);
    expect(allowed(`${vocab}eventType`)).toEqual([...(EVENTS_TABLE.columns.find((c) => c.name === 'event_type')?.values ?? [])]);
  });
});
