import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/datasets/csv.js';
import {
  AGREEMENTS_PARTITIONS,
  EVENTS_PARTITIONS,
  manifestJson,
  PARTITION_MANIFEST_FILE,
  parseManifest,
  parsePartitionKey,
  partitionRows,
  partitionValues,
} from '../../src/datasets/partitions.js';
import type { Row } from '../../src/datasets/schema.js';
import { AGREEMENTS_TABLE, columnNames, EVENTS_TABLE } from '../../src/datasets/schema.js';
import { readingOrder } from '../../src/datasets/rows.js';
import { writeDatasets } from '../../src/datasets/write-datasets.js';
import { ObjectNotFoundError } from '../../src/storage/errors.js';
import { FsStorage } from '../../src/storage/fs-storage.js';
import type { ArticleRecords } from '../../src/records/records.js';
import type { ObjectInfo, ObjectWriter, PutOptions, Storage, StoredObject } from '../../src/storage/storage.js';
import { csvHeader, parseCsv } from '../helpers/csv.js';

/** A storage in memory that counts what is put and can refuse reads (as IAM refuses publish). */
class CountingStorage implements Storage {
  readonly objects = new Map<string, Buffer>();
  puts: string[] = [];
  denyReads = false;
  async *list(prefix = ''): AsyncIterable<StoredObject> {
    for (const key of [...this.objects.keys()].sort()) if (key.startsWith(prefix)) yield { key, size: this.objects.get(key)!.length };
  }
  async get(key: string): Promise<Uint8Array> {
    if (this.denyReads) throw new Error('AccessDenied');
    const body = this.objects.get(key);
    if (!body) throw new ObjectNotFoundError(key);
    return body;
  }
  async head(key: string): Promise<ObjectInfo | undefined> {
    const body = this.objects.get(key);
    return body && { key, size: body.length, version: String(body.length) };
  }
  async put(key: string, body: Uint8Array | string, _options?: PutOptions): Promise<void> {
    this.puts.push(key);
    this.objects.set(key, Buffer.from(body));
  }
  async openWrite(key: string, options?: PutOptions): Promise<ObjectWriter> {
    const chunks: Buffer[] = [];
    return {
      write: async (chunk) => void chunks.push(Buffer.from(chunk)),
      close: () => this.put(key, Buffer.concat(chunks), options),
      abort: async () => undefined,
    };
  }
  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }
  text(key: string): string {
    const body = this.objects.get(key);
    if (!body) throw new Error(`${key} was not written`);
    return body.toString('utf8');
  }
}

const COUNTRIES = ['GHA', 'KEN', 'SEN', 'MAR', 'FRA', 'DZA', 'AZE', 'BRA'];

/** One article with one visit and one agreement on `date` (undefined: undated), between its own pair of countries. */
function article(n: number, date: string | undefined, evidence = `Visite numéro ${n}.`): ArticleRecords {
  const participants = [COUNTRIES[n % COUNTRIES.length]!, COUNTRIES[(n + 1) % COUNTRIES.length]!].sort();
  const id = `art-${String(n).padStart(16, '0')}`;
  return {
    articleId: id,
    sourceKeys: [`in/${n}.txt`],
    format: 'seed-text',
    published: date ?? '2024-01-01',
    language: 'fr',
    languageSource: 'detected',
    sha256: String(n % 10).repeat(64),
    extracted: true,
    events: [
      {
        id: `ev-${n}`,
        type: 'visit',
        cameoCode: '042',
        ...(date === undefined ? {} : { date }),
        participants,
        actor1Country: participants[0],
        actor2Country: participants[1],
        people: [],
        evidence: [{ start: 0, end: evidence.length, text: evidence }],
      },
    ],
    agreements: [
      {
        id: `ag-${n}`,
        title: `accord ${n}`,
        topic: 'trade',
        parties: participants,
        signatories: [],
        ...(date === undefined ? {} : { dateSigned: date }),
        status: 'signed',
        evidence: [{ start: 0, end: evidence.length, text: evidence }],
      },
    ],
  };
}

const DATES = ['2022-08-14', '2022-08', '2022-09-01', '2023-01-31', '2023', undefined, '2021-12-25', '2022-09-30'];
const ARTICLES = DATES.map((date, n) => article(n, date));
const OPTIONS = { baseUri: 'https://data.example.org/entente/' };

const multiset = (rows: readonly Row[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

describe('partition values', () => {
  it.each([
    ['2022-08-14', '2022', '08'],
    ['2022-08', '2022', '08'],
    ['2022', '2022', '00'],
    ['', '0000', '00'],
    [undefined, '0000', '00'],
    ['around 2020', '0000', '00'],
    ['2022-13', '2022', '00'],
  ])('puts %s in year=%s/month=%s', (date, year, month) => {
    expect(partitionValues(date)).toEqual({ year, month });
  });

  it('spells keys as Hive partitions that parse back', () => {
    const [p] = partitionRows(EVENTS_PARTITIONS, [{ event_id: 'e', date: '2022-08-14' }]);
    expect(p?.key).toBe('events/year=2022/month=08/events.csv');
    expect(parsePartitionKey('agreements/year=0000/month=00/agreements.csv')).toEqual({ spec: AGREEMENTS_PARTITIONS, values: { year: '0000', month: '00' } });
    expect(parsePartitionKey('events/year=2022/month=08/agreements.csv')).toBeUndefined();
    expect(parsePartitionKey('mentions/year=2022/month=08/mentions.csv')).toBeUndefined();
  });
});

describe('partitions as published', () => {
  it('agree with the full files row for row, each with the full header', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'entente-partitions-'));
    const summary = await writeDatasets(ARTICLES, [], new FsStorage(dir), OPTIONS);
    const manifest = parseManifest(await readFile(path.join(dir, PARTITION_MANIFEST_FILE), 'utf8'));
    for (const table of [EVENTS_TABLE, AGREEMENTS_TABLE]) {
      const full = await readFile(path.join(dir, table.file), 'utf8');
      const keys = [...manifest.keys()].filter((k) => k.startsWith(`${table.name}/`));
      expect(keys, table.name).toEqual([
        `${table.name}/year=0000/month=00/${table.file}`,
        `${table.name}/year=2021/month=12/${table.file}`,
        `${table.name}/year=2022/month=08/${table.file}`,
        `${table.name}/year=2022/month=09/${table.file}`,
        `${table.name}/year=2023/month=00/${table.file}`,
        `${table.name}/year=2023/month=01/${table.file}`,
      ]);
      const partitionRowsRead: Row[] = [];
      for (const key of keys) {
        const body = await readFile(path.join(dir, key), 'utf8');
        expect(csvHeader(body), key).toEqual(columnNames(table));
        expect(body.startsWith(full.slice(0, full.indexOf('\r\n') + 2)), key).toBe(true);
        partitionRowsRead.push(...parseCsv(body));
      }
      const fullRows = parseCsv(full);
      expect(fullRows).toHaveLength(DATES.length);
      expect(multiset(partitionRowsRead)).toEqual(multiset(fullRows));
      // The full file is the partitions' rows merged into one reading order; each partition is in it too.
      const order = readingOrder(table === EVENTS_TABLE ? 'event_id' : 'agreement_id');
      expect(fullRows).toEqual([...fullRows].sort(order));
      for (const key of keys) {
        const rows = parseCsv(await readFile(path.join(dir, key), 'utf8'));
        expect(rows, key).toEqual([...rows].sort(order));
      }
    }
    // In the summary (before the full files built from them, and the metadata), not in the catalog.
    const keys = summary.files.map((f) => f.key);
    expect(keys.indexOf('events/year=2022/month=08/events.csv')).toBeLessThan(keys.indexOf('events.csv'));
    expect(keys.indexOf(PARTITION_MANIFEST_FILE)).toBeLessThan(keys.indexOf('datapackage.json'));
    expect(keys.slice(-2)).toEqual(['catalog.jsonld', 'index.html']);
    const catalog = await readFile(path.join(dir, 'catalog.jsonld'), 'utf8');
    expect(catalog).not.toContain('year=');
    expect(catalog).not.toContain(PARTITION_MANIFEST_FILE);
  });

  it('are deterministic: the same rows give the same bytes, whatever their order across partitions', () => {
    const rows: Row[] = DATES.map((date, n) => ({ event_id: `e${n}`, event_type: 'visit', date: date ?? '' }));
    const once = partitionRows(EVENTS_PARTITIONS, rows);
    expect(partitionRows(EVENTS_PARTITIONS, rows)).toEqual(once);
    expect(once.map((p) => p.key)).toEqual([...once.map((p) => p.key)].sort());
    expect(manifestJson(once)).toBe(manifestJson([...once].reverse()));
    // Rows keep the full file's order within a partition.
    const august = once.find((p) => p.key === 'events/year=2022/month=08/events.csv');
    expect(august?.body).toBe(toCsv(EVENTS_TABLE, [rows[0]!, rows[1]!]));
  });
});

describe('incremental publication', () => {
  it('first writes every partition, then the full files built from them, then the manifest; the same input again rewrites no partition and no manifest', async () => {
    const storage = new CountingStorage();
    await writeDatasets(ARTICLES, [], storage, OPTIONS);
    const partitionPuts = storage.puts.filter((k) => k.includes('/year='));
    expect(partitionPuts).toHaveLength(12);
    const manifestAt = storage.puts.indexOf(PARTITION_MANIFEST_FILE);
    expect(manifestAt).toBeGreaterThan(storage.puts.indexOf(partitionPuts.at(-1)!));
    expect(manifestAt).toBeGreaterThan(storage.puts.indexOf('events.csv'));
    expect(storage.puts.indexOf('events.csv')).toBeGreaterThan(storage.puts.indexOf(partitionPuts.at(-1)!));

    storage.puts = [];
    const before = new Map(storage.objects);
    await writeDatasets(ARTICLES, [], storage, OPTIONS);
    expect(storage.puts.filter((k) => k.includes('/year=') || k === PARTITION_MANIFEST_FILE)).toEqual([]);
    for (const [key, body] of before) expect(storage.objects.get(key)?.equals(body), key).toBe(true);
  });

  it('rewrites only the month of the one article that changed, then the manifest', async () => {
    const storage = new CountingStorage();
    await writeDatasets(ARTICLES, [], storage, OPTIONS);
    storage.puts = [];
    const changed = ARTICLES.map((a, n) => (n === 2 ? article(2, DATES[2], 'Une autre phrase de preuve.') : a));
    await writeDatasets(changed, [], storage, OPTIONS);
    expect(storage.puts.filter((k) => k.includes('/year=') || k === PARTITION_MANIFEST_FILE)).toEqual([
      'events/year=2022/month=09/events.csv',
      'agreements/year=2022/month=09/agreements.csv',
      PARTITION_MANIFEST_FILE,
    ]);
    expect(storage.text('events/year=2022/month=09/events.csv')).toContain('Une autre phrase de preuve.');
    expect(parseManifest(storage.text(PARTITION_MANIFEST_FILE)).get('events/year=2022/month=09/events.csv')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('empties a month whose last article went (publish cannot delete), and keeps it listed', async () => {
    const storage = new CountingStorage();
    await writeDatasets(ARTICLES, [], storage, OPTIONS);
    storage.puts = [];
    await writeDatasets(ARTICLES.filter((_, n) => n !== 6), [], storage, OPTIONS); // the only 2021-12 article
    expect(storage.puts.filter((k) => k.includes('/year='))).toEqual(['agreements/year=2021/month=12/agreements.csv', 'events/year=2021/month=12/events.csv']);
    expect(parseCsv(storage.text('events/year=2021/month=12/events.csv'))).toEqual([]);
    expect(csvHeader(storage.text('events/year=2021/month=12/events.csv'))).toEqual(columnNames(EVENTS_TABLE));
    expect(parseManifest(storage.text(PARTITION_MANIFEST_FILE)).has('events/year=2021/month=12/events.csv')).toBe(true);
    storage.puts = [];
    await writeDatasets(ARTICLES.filter((_, n) => n !== 6), [], storage, OPTIONS);
    expect(storage.puts.filter((k) => k.includes('/year=') || k === PARTITION_MANIFEST_FILE)).toEqual([]);
  });

  it('rewrites every partition when the manifest cannot be read', async () => {
    const storage = new CountingStorage();
    await writeDatasets(ARTICLES, [], storage, OPTIONS);
    storage.puts = [];
    storage.denyReads = true;
    await writeDatasets(ARTICLES, [], storage, OPTIONS);
    expect(storage.puts.filter((k) => k.includes('/year='))).toHaveLength(12);
    expect(storage.puts).toContain(PARTITION_MANIFEST_FILE);
  });

  it('writes under the prefix, manifest included', async () => {
    const storage = new CountingStorage();
    await writeDatasets(ARTICLES, [], storage, { ...OPTIONS, prefix: 'v1/' });
    expect(storage.puts).toContain('v1/events/year=2022/month=08/events.csv');
    expect(storage.puts).toContain(`v1/${PARTITION_MANIFEST_FILE}`);
    expect([...parseManifest(storage.text(`v1/${PARTITION_MANIFEST_FILE}`)).keys()].every((k) => !k.startsWith('v1/'))).toBe(true);
  });
});

describe('manifest', () => {
  it('reads back what it writes, and ignores what it does not know', () => {
    const partitions = partitionRows(EVENTS_PARTITIONS, [{ event_id: 'e', date: '2022-08' }]);
    const read = parseManifest(manifestJson(partitions));
    expect(read).toEqual(new Map(partitions.map((p) => [p.key, p.sha256])));
    expect(parseManifest('not json')).toEqual(new Map());
    expect(parseManifest('{"version":2,"partitions":{}}')).toEqual(new Map());
    expect(parseManifest('{"version":1,"partitions":{"x/y.csv":"00","events/year=2022/month=08/events.csv":"ab"}}')).toEqual(
      new Map([['events/year=2022/month=08/events.csv', 'ab']]),
    );
  });
});
