import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import jsonld from 'jsonld';
import type { Quad } from 'n3';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

/**
 * JSON-LD checked offline: expansion in safe mode (a term that does not expand to an IRI,
 * a relative IRI or anything else that would be dropped is an error) with a document
 * loader that serves only a local map, so no test can reach the network; then N-Quads,
 * parsed with N3 and validated against the SHACL shapes in ./shapes.
 */
const SHAPES_DIR = path.join(import.meta.dirname, 'shapes');

type Loaded = { contextUrl?: string; document: unknown; documentUrl: string };

/** A document loader that knows only `documents` and refuses every other URL. */
export function staticLoader(documents: Readonly<Record<string, unknown>> = {}): (url: string) => Promise<Loaded> {
  return async (url: string) => {
    if (!Object.hasOwn(documents, url)) throw new Error(`offline test: refusing to load ${url}`);
    return { contextUrl: undefined, document: documents[url], documentUrl: url };
  };
}

type SafeOptions = { documentLoader: ReturnType<typeof staticLoader>; safe: true };
const safeOptions = (): SafeOptions => ({ documentLoader: staticLoader(), safe: true });

export async function expandSafely(doc: object): Promise<object[]> {
  return jsonld.expand(doc as jsonld.JsonLdDocument, safeOptions() as jsonld.Options.Expand);
}

export async function toQuads(doc: object): Promise<Quad[]> {
  const expanded = await expandSafely(doc);
  const nquads = (await jsonld.toRDF(expanded as jsonld.JsonLdDocument, { ...safeOptions(), format: 'application/n-quads' } as jsonld.Options.ToRdf)) as unknown as string;
  return new Parser({ format: 'N-Quads' }).parse(nquads);
}

export async function loadShapes(): Promise<Store> {
  const store = new Store();
  for (const file of (await readdir(SHAPES_DIR)).filter((f) => f.endsWith('.ttl')).sort()) {
    store.addQuads(new Parser({ format: 'text/turtle', baseIRI: `file:///shapes/${file}` }).parse(await readFile(path.join(SHAPES_DIR, file), 'utf8')));
  }
  return store;
}

export interface ShaclResult {
  readonly conforms: boolean;
  /** One line per violation: focus node, path, message. */
  readonly violations: string[];
}

export async function validateJsonLd(doc: object, shapes: Store): Promise<ShaclResult> {
  const data = new Store(await toQuads(doc));
  const report = await new SHACLValidator(shapes).validate(data);
  const violations = report.results.map((r) => `${r.focusNode?.value ?? '?'} ${r.path?.value ?? ''}: ${r.message.map((m) => m.value).join('; ')} [${r.sourceConstraintComponent?.value ?? ''}]`);
  return { conforms: report.conforms, violations };
}
