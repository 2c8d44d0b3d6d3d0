import { describe, expect, it } from 'vitest';
import type { FileFacts } from '../../src/datasets/catalog.js';
import { catalogDocument, coverage, fileFacts } from '../../src/datasets/catalog.js';
import { csvwDatatype, csvwTableDescription } from '../../src/datasets/csvw.js';
import { dataPackage, dataPackageField } from '../../src/datasets/datapackage.js';
import type { Column } from '../../src/datasets/schema.js';
import { AGREEMENTS_TABLE, ARTICLES_TABLE, EVENTS_TABLE, TABLES } from '../../src/datasets/schema.js';

const baseUri = 'https://data.example.org/entente/';
type Json = Record<string, unknown>;

describe('the column specification', () => {
  it('declares keys and foreign keys over columns that exist', () => {
    for (const table of TABLES) {
      const names = table.columns.map((c) => c.name);
      if (table.primaryKey) expect(names).toContain(table.primaryKey);
      for (const fk of table.foreignKeys ?? []) {
        expect(names).toContain(fk.column);
        expect(TABLES.find((t) => t.name === fk.references.table)?.columns.map((c) => c.name)).toContain(fk.references.column);
      }
      for (const c of table.columns) {
        expect(c.property ?? 'entente:x', `${table.name}.${c.name}`).toMatch(/^(schema|entente):[A-Za-z][A-Za-z0-9]*$/);
        for (const m of (c.valueUrl ?? '').matchAll(/\{\+?([^}]+)\}/g)) expect(m[1], `${table.name}.${c.name}`).toBe(c.name);
      }
    }
  });
});

describe('CSVW and Data Package types from the specification', () => {
  const column = (type: Column['type'], extra: Partial<Column> = {}): Column => ({ name: 'c', type, description: 'a column', ...extra });

  it('maps each column type', () => {
    expect(csvwDatatype(column('integer'))).toBe('integer');
    expect(csvwDatatype(column('decimal'))).toBe('decimal');
    expect(csvwDatatype(column('string'))).toBe('string');
    expect(csvwDatatype(column('date'))).toEqual({ base: 'string', format: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' });
    expect(csvwDatatype(column('string', { values: ['a.b', 'c'] }))).toEqual({ base: 'string', format: '^(?:a\\.b|c)$' });
    expect(csvwDatatype(column('string', { valueUrl: '{+c}' }))).toBe('anyURI');
    expect(dataPackageField(column('decimal'))).toMatchObject({ type: 'number' });
    expect(dataPackageField(column('code-list', { required: true }))).toMatchObject({ type: 'list', delimiter: ';', itemType: 'string', constraints: { required: true } });
    expect(dataPackageField(column('date'))).toMatchObject({ type: 'string', constraints: { pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } });
    expect(dataPackageField(column('string', { values: ['x', 'y'] }))).toMatchObject({ constraints: { enum: ['x', 'y'] } });
  });

  it('types the rows of a table and links them to the JSON-LD nodes', () => {
    const meta = csvwTableDescription(AGREEMENTS_TABLE, { baseUri, license: 'https://example.org/licence' }) as { tableSchema: { aboutUrl: string; columns: Json[] }; 'dc:license': Json };
    expect(meta.tableSchema.aboutUrl).toBe(`${baseUri}agreements/{agreement_id}`);
    expect(meta.tableSchema.columns.at(-1)).toEqual({ name: 'rdf_type', virtual: true, propertyUrl: 'rdf:type', valueUrl: 'https://schema.org/Legislation' });
    expect(meta.tableSchema.columns.find((c) => c.name === 'signing_event_id')).toMatchObject({ propertyUrl: `${baseUri}vocab#signingEvent`, valueUrl: `${baseUri}events/{signing_event_id}` });
    expect(meta['dc:license']).toEqual({ '@id': 'https://example.org/licence' });
    const articles = csvwTableDescription(ARTICLES_TABLE, { baseUri, license: 'x:y' }) as { tableSchema: { columns: Json[] } };
    expect(articles.tableSchema.columns.find((c) => c.name === 'url')).toMatchObject({ propertyUrl: 'https://schema.org/url', valueUrl: '{+url}', datatype: 'anyURI' });
  });
});

describe('catalog', () => {
  const files: FileFacts[] = [fileFacts('events.csv', 'event_id\r\n', 'text/csv', 'events', { rows: 0, table: EVENTS_TABLE })];
  const rows = {
    events: [{ date: '2023', location_country: 'KEN' }, { date: '2024-05-23', location_country: 'GHA' }, { date: '2024-05', location_country: '' }, { date: '', location_country: 'KEN' }],
    agreements: [{ date_signed: '2022-11-02', place_country: 'FRA' }],
    articles: [{ published: '2024-05' }, { published: '2024-05-23' }, { published: '2023-12-31' }],
  };

  it('reads coverage from the columns the specification marks: periods, countries, the newest article date', () => {
    expect(coverage(rows)).toEqual({ start: '2022-11-02', end: '2024-05', countries: ['FRA', 'GHA', 'KEN'], dataDate: '2024-05-23' });
    expect(coverage({})).toEqual({ start: undefined, end: undefined, countries: [], dataDate: undefined });
  });

  it('takes the license, publisher, download folder and landing page from the options', () => {
    const doc = catalogDocument(
      { coverage: coverage(rows), dataFiles: files, metadataFiles: [] },
      {
        baseUri,
        publicUrl: 'https://bucket.example.org/datasets/',
        license: { url: 'https://opendatacommons.org/licenses/odbl/1-0/', id: 'ODbL-1.0', title: 'ODbL' },
        publisher: { name: 'Example Lab', url: 'https://lab.example.org/' },
        landingPage: 'https://bucket.example.org/datasets/index.html',
      },
    ) as { '@graph': Json[] };
    const [catalog, dataset, download, agent] = doc['@graph'] as [Json, Json, Json, Json];
    expect(catalog['@type']).toEqual(['DataCatalog', 'dcat:Catalog']);
    expect(dataset).toMatchObject({
      license: 'https://opendatacommons.org/licenses/odbl/1-0/',
      url: 'https://bucket.example.org/datasets/index.html',
      temporalCoverage: '2022-11-02/2024-05',
      dateModified: '2024-05-23',
      'dct:temporal': { 'dcat:startDate': { '@value': '2022-11-02', '@type': 'xsd:date' }, 'dcat:endDate': { '@value': '2024-05', '@type': 'xsd:gYearMonth' } },
    });
    expect(download).toMatchObject({ contentUrl: 'https://bucket.example.org/datasets/events.csv', encodingFormat: 'text/csv', contentSize: '10 B' });
    expect(agent).toMatchObject({ name: 'Example Lab', url: 'https://lab.example.org/' });
    const pkg = dataPackage(files, { baseUri, version: '1.1.0+x' });
    expect(pkg.licenses).toEqual([{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 International' }]);
  });

  it('is deterministic', () => {
    const a = JSON.stringify(catalogDocument({ coverage: coverage(rows), dataFiles: files, metadataFiles: [] }, { baseUri }));
    expect(JSON.stringify(catalogDocument({ coverage: coverage(rows), dataFiles: files, metadataFiles: [] }, { baseUri }))).toBe(a);
  });
});
