import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvwFileName } from '../../src/datasets/csvw.js';
import { DEFAULT_BASE_URI } from '../../src/datasets/jsonld.js';
import type { Column, TableSchema } from '../../src/datasets/schema.js';
import { PARTITION_MANIFEST_FILE } from '../../src/datasets/partitions.js';
import { cellValues, columnNames, isList, PARTIAL_DATE_PATTERN, tableByName, TABLES } from '../../src/datasets/schema.js';
import { EXTRACTOR_VERSION } from '../../src/datasets/version.js';
import { csvHeader, parseCsv } from '../helpers/csv.js';
import type { Published } from './publish-fixture.js';
import { publishSeeds } from './publish-fixture.js';

/**
 * The seeds published as `npm start` would, then every file checked against the column
 * specification and against each other, the way a consumer would read them.
 */
type Json = Record<string, unknown>;
type CsvwColumn = { name: string; titles?: string; virtual?: boolean; datatype: unknown; separator?: string; required?: boolean; propertyUrl?: string; valueUrl?: string };
type CsvwTable = { url: string; tableSchema: { columns: CsvwColumn[]; primaryKey?: string; aboutUrl?: string; foreignKeys?: { columnReference: string; reference: { resource: string; columnReference: string } }[] } };
type PackageResource = { name: string; path: string; bytes: number; hash: string; mediatype: string; schema?: { fields: { name: string; type: string }[]; primaryKey?: string[]; foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[] } };
type DataPackage = { $schema: string; version: string; resources: PackageResource[]; licenses: Json[]; sources: Json[] };
type Catalog = { '@graph': Json[] };

let one: Published;
let two: Published;
const rows = (table: TableSchema): Record<string, string>[] => parseCsv(one.text(table.file));
const sha256 = (body: Buffer): string => createHash('sha256').update(body).digest('hex');

beforeAll(async () => {
  one = await publishSeeds();
  two = await publishSeeds();
}, 60_000);

describe('published files', () => {
  it('are the data, then their metadata, then the catalog, then the landing page that embeds it', () => {
    const keys = one.summary.files.map((f) => f.key);
    expect(keys.slice(-2)).toEqual(['catalog.jsonld', 'index.html']);
    expect(keys.indexOf('datapackage.json')).toBeGreaterThan(Math.max(...TABLES.map((t) => keys.indexOf(t.file))));
    for (const t of TABLES) expect(keys.indexOf(csvwFileName(t)), t.file).toBeGreaterThan(keys.indexOf('articles.csv'));
    expect([...one.files.keys()].sort()).toEqual(keys.filter((k) => !k.includes('/')).sort());
  });

  it('are byte-identical on a second run', () => {
    expect([...two.files.keys()]).toEqual([...one.files.keys()]);
    for (const [name, body] of one.files) expect(two.files.get(name)?.equals(body), name).toBe(true);
  });

  it('have rows in every data table the seeds feed', () => {
    for (const t of ['events', 'agreements', 'articles'] as const) expect(rows(tableByName(t)).length, t).toBeGreaterThan(0);
  });
});

describe('CSV files against the column specification', () => {
  const check = (column: Column, cell: string): string | undefined => {
    if (cell === '') return column.required ? 'required' : undefined;
    if (column.type === 'integer') return /^-?\d+$/.test(cell) ? undefined : 'integer';
    if (column.type === 'decimal') return /^-?\d+(\.\d+)?$/.test(cell) ? undefined : 'decimal';
    for (const item of cellValues(column, cell)) {
      if (column.type === 'date' && !new RegExp(PARTIAL_DATE_PATTERN).test(item)) return `date ${item}`;
      if (column.values && !column.values.includes(item)) return `value ${item}`;
      if (column.pattern && !new RegExp(column.pattern).test(item)) return `pattern ${item}`;
      if (isList(column) && item === '') return 'empty list item';
    }
    return undefined;
  };

  it.each(TABLES.map((t) => [t.file, t] as const))('%s: every cell has its column\'s type, values and pattern', (_file, table) => {
    const problems = rows(table).flatMap((row, i) => table.columns.map((c) => [c.name, check(c, row[c.name] ?? '')] as const).filter(([, p]) => p).map(([name, p]) => `row ${i + 1} ${name}: ${p}`));
    expect(problems).toEqual([]);
  });

  it.each(TABLES.filter((t) => t.primaryKey).map((t) => [t.file, t] as const))('%s: the primary key is unique', (_file, table) => {
    const keys = rows(table).map((r) => r[table.primaryKey as string]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('foreign keys hold across the published tables', () => {
    let checked = 0;
    for (const table of TABLES) {
      for (const fk of table.foreignKeys ?? []) {
        const target = tableByName(fk.references.table);
        const known = new Set(rows(target).map((r) => r[fk.references.column]));
        const column = table.columns.find((c) => c.name === fk.column) as Column;
        for (const row of rows(table)) {
          for (const value of cellValues(column, row[fk.column] ?? '')) {
            expect(known.has(value), `${table.file} ${fk.column}=${value} not in ${target.file}`).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(rows(tableByName('agreements')).some((r) => r.signing_event_id)).toBe(true);
    expect(checked).toBeGreaterThan(rows(tableByName('events')).length);
  });

  it('stamp every event and agreement with the extractor version', () => {
    for (const t of ['events', 'agreements'] as const) expect(new Set(rows(tableByName(t)).map((r) => r.extractor_version)), t).toEqual(new Set([EXTRACTOR_VERSION]));
  });
});

describe('CSVW table descriptions', () => {
  it.each(TABLES.map((t) => [csvwFileName(t), t] as const))('%s matches the CSV header exactly', (file, table) => {
    const meta = one.json<CsvwTable>(file);
    expect(meta.url).toBe(table.file);
    const real = meta.tableSchema.columns.filter((c) => !c.virtual);
    expect(real.map((c) => c.name)).toEqual(csvHeader(one.text(table.file)));
    expect(real.map((c) => c.titles)).toEqual(csvHeader(one.text(table.file)));
    expect(real.map((c) => c.name)).toEqual(columnNames(table));
  });

  it('give list separators, required cells, absolute property IRIs and value templates over real columns', () => {
    for (const table of TABLES) {
      const meta = one.json<CsvwTable>(csvwFileName(table));
      for (const [i, c] of meta.tableSchema.columns.entries()) {
        expect(c.propertyUrl, `${table.name}.${c.name}`).toMatch(/^(https?:\/\/|rdf:type$)/);
        for (const variable of (c.valueUrl ?? '').matchAll(/\{\+?([^}]+)\}/g)) expect(columnNames(table)).toContain(variable[1]);
        const spec = table.columns[i];
        if (!spec) continue;
        expect(c.separator, c.name).toBe(isList(spec) ? ';' : undefined);
        expect(c.required ?? false, c.name).toBe(spec.required ?? false);
      }
      for (const variable of (meta.tableSchema.aboutUrl ?? '').matchAll(/\{([^}]+)\}/g)) expect(columnNames(table)).toContain(variable[1]);
    }
    const events = one.json<CsvwTable>('events.csv-metadata.json').tableSchema;
    expect(events.aboutUrl).toBe(`${DEFAULT_BASE_URI}events/{event_id}`);
    expect(events.primaryKey).toBe('event_id');
    expect(events.columns.find((c) => c.name === 'participants')).toMatchObject({ separator: ';', valueUrl: `${DEFAULT_BASE_URI}actors/{participants}` });
    expect(events.columns.find((c) => c.name === 'date')?.datatype).toEqual({ base: 'string', format: PARTIAL_DATE_PATTERN });
    expect(events.columns.find((c) => c.name === 'longitude')?.datatype).toBe('decimal');
    expect(one.json<CsvwTable>('agreements.csv-metadata.json').tableSchema.foreignKeys).toContainEqual({
      columnReference: 'signing_event_id',
      reference: { resource: 'events.csv', columnReference: 'event_id' },
    });
  });

  it('have date and code formats that accept every published value', () => {
    for (const table of TABLES) {
      const meta = one.json<CsvwTable>(csvwFileName(table));
      const data = rows(table);
      for (const c of meta.tableSchema.columns) {
        const format = (c.datatype as { format?: string } | undefined)?.format;
        if (!format) continue;
        for (const row of data) {
          for (const item of (row[c.name] ?? '') === '' ? [] : c.separator ? (row[c.name] ?? '').split(c.separator) : [row[c.name] ?? '']) {
            expect(item, `${table.file} ${c.name}`).toMatch(new RegExp(format));
          }
        }
      }
    }
  });
});

describe('datapackage.json', () => {
  it('is a Data Package v2 whose resources are the data files, with their real sizes and hashes', () => {
    const pkg = one.json<DataPackage>('datapackage.json');
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(pkg.licenses[0]).toMatchObject({ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(pkg.sources.map((s) => s.title)).toContain('GeoNames');
    expect(pkg.resources.map((r) => r.path).sort()).toEqual([...TABLES.map((t) => t.file), 'events.jsonld', 'agreements.jsonld'].sort());
    for (const r of pkg.resources) {
      const body = one.files.get(r.path) as Buffer;
      expect(r.bytes, r.path).toBe(body.length);
      expect(r.hash, r.path).toBe(`sha256:${sha256(body)}`);
    }
  });

  it('has fields, keys and foreign keys that match the CSV headers and each other', () => {
    const pkg = one.json<DataPackage>('datapackage.json');
    const byName = new Map(pkg.resources.map((r) => [r.name, r]));
    for (const table of TABLES) {
      const r = byName.get(table.name) as PackageResource;
      expect(r.schema?.fields.map((f) => f.name)).toEqual(csvHeader(one.text(table.file)));
      expect(r.schema?.primaryKey).toEqual(table.primaryKey ? [table.primaryKey] : undefined);
      for (const fk of r.schema?.foreignKeys ?? []) {
        const target = byName.get(fk.reference.resource);
        expect(target?.schema?.fields.map((f) => f.name)).toEqual(expect.arrayContaining(fk.reference.fields));
      }
    }
    const events = byName.get('events')?.schema?.fields ?? [];
    expect(events.find((f) => f.name === 'latitude')?.type).toBe('number');
    expect(events.find((f) => f.name === 'participants')).toMatchObject({ type: 'list', delimiter: ';', itemType: 'string' });
    expect(events.find((f) => f.name === 'cameo_code')?.type).toBe('string');
  });
});

describe('catalog.jsonld', () => {
  const graph = (): Json[] => one.json<Catalog>('catalog.jsonld')['@graph'];
  const dataset = (): Json => graph().find((n) => (n['@type'] as string[]).includes('Dataset')) as Json;
  const downloads = (): Json[] => graph().filter((n) => Array.isArray(n['@type']) && (n['@type'] as string[]).includes('DataDownload'));

  it('lists every other published file with its real size and SHA-256, in both vocabularies', () => {
    const listed = downloads();
    expect(listed.map((d) => d.name).sort()).toEqual([...one.files.keys()].filter((f) => f !== 'catalog.jsonld' && f !== 'index.html' && f !== PARTITION_MANIFEST_FILE).sort());
    for (const d of listed) {
      const body = one.files.get(d.name as string) as Buffer;
      expect(d.contentUrl).toBe(`${DEFAULT_BASE_URI}${d.name as string}`);
      expect((d['dcat:downloadURL'] as Json)['@id']).toBe(d.contentUrl);
      expect(d.contentSize).toBe(`${body.length} B`);
      expect((d['dcat:byteSize'] as Json)['@value']).toBe(String(body.length));
      expect(d.sha256).toBe(sha256(body));
      expect(((d['spdx:checksum'] as Json)['spdx:checksumValue'] as Json)['@value']).toBe(sha256(body));
    }
  });

  it('gives row counts, coverage, license, attributions and versions read from the data', () => {
    const ds = dataset();
    const events = rows(tableByName('events'));
    const csv = downloads().find((d) => d.name === 'events.csv') as Json;
    expect((csv.additionalProperty as Json).value).toBe(events.length);
    expect(ds.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect((ds.isBasedOn as Json[]).map((n) => n['@id'])).toContain('https://www.geonames.org/');
    expect(ds.extractorVersion).toBe(EXTRACTOR_VERSION);
    const pkg = one.json<DataPackage>('datapackage.json');
    expect(ds.version).toBe(pkg.version);
    expect(ds.version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    const dates = [...events.map((e) => e.date), ...rows(tableByName('agreements')).map((a) => a.date_signed)].filter((d): d is string => !!d).sort();
    // Periods: "2024-05" ends after "2024-05-23".
    const last = [...dates].sort((a, b) => (`${a}-99-99`.slice(0, 10) < `${b}-99-99`.slice(0, 10) ? -1 : 1)).at(-1);
    expect(ds.temporalCoverage).toBe(`${dates[0]}/${last}`);
    const countries = new Set([...events.map((e) => e.location_country), ...rows(tableByName('agreements')).map((a) => a.place_country)].filter(Boolean));
    expect((ds.spatialCoverage as Json[]).map((p) => p.identifier)).toEqual([...countries].sort());
    const published = rows(tableByName('articles')).map((a) => a.published).filter((d): d is string => !!d).sort();
    expect(ds.dateModified).toBe(published.at(-1));
    expect((ds.changelog as Json[]).at(-1)).toMatchObject({ schemaVersion: ds.schemaVersion });
  });
});
