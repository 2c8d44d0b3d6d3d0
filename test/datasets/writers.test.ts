import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/datasets/csv.js';
import { agreementsJsonLd, eventsJsonLd } from '../../src/datasets/jsonld.js';
import { toTableRows } from '../../src/datasets/rows.js';
import { fuseRecords } from '../../src/records/fusion.js';
import { AGREEMENTS_TABLE, ARTICLES_TABLE, columnNames, EVENTS_TABLE, REJECTED_TABLE, TABLES } from '../../src/datasets/schema.js';
import { EXTRACTOR_VERSION } from '../../src/datasets/version.js';
import { writeDatasets } from '../../src/datasets/write-datasets.js';
import type { ArticleRecords } from '../../src/records/records.js';
import { FsStorage } from '../../src/storage/fs-storage.js';
import { csvHeader, parseCsv } from '../helpers/csv.js';
import { CONTRACT } from './contract.js';

const article: ArticleRecords = {
  articleId: 'art-0000000000000001',
  sourceKeys: ['in/a b.txt', 'in/copy.txt'],
  format: 'seed-text',
  published: '2024-05',
  language: 'fr',
  languageSource: 'detected',
  sha256: 'f'.repeat(64),
  extracted: true,
  events: [
    {
      id: 'ev-2',
      type: 'signing',
      cameoCode: '057',
      date: '2024-05',
      participants: ['GHA', 'KEN'],
      people: ['Ama Mensah', 'Jo "JJ" Otieno'],
      location: { city: 'Accra', country: 'GHA', latitude: 5.556, longitude: -0.1969, geonamesId: 2306104 },
      evidence: [{ start: 40, end: 90, text: 'Ils ont signé, à Accra, deux accords.' }],
    },
    {
      id: 'ev-1',
      type: 'visit',
      cameoCode: '042',
      date: '2024-05',
      participants: ['GHA', 'KEN'],
      actor1Country: 'KEN',
      actor1Name: 'Jo "JJ" Otieno',
      actor2Country: 'GHA',
      people: ['Jo "JJ" Otieno'],
      evidence: [{ start: 0, end: 39, text: '=cmd| visit' }],
    },
  ],
  agreements: [
    {
      id: 'ag-1',
      title: 'accord commercial',
      topic: 'trade',
      parties: ['GHA', 'KEN'],
      signatories: ['Ama Mensah'],
      dateSigned: '2024-05',
      status: 'signed',
      signingEventId: 'ev-2',
      evidence: [{ start: 40, end: 90, text: 'Ils ont signé, à Accra, deux accords.' }],
    },
  ],
};

describe('dataset schema', () => {
  it('keeps every column of the contract, in order, at the start of each table', () => {
    expect(columnNames(EVENTS_TABLE).slice(0, CONTRACT.events.length)).toEqual(CONTRACT.events);
    expect(columnNames(AGREEMENTS_TABLE).slice(0, CONTRACT.agreements.length)).toEqual(CONTRACT.agreements);
    expect(columnNames(ARTICLES_TABLE).slice(0, CONTRACT.articles.length)).toEqual(CONTRACT.articles);
  });

  it('describes every column once', () => {
    for (const table of TABLES) {
      const names = columnNames(table);
      expect(new Set(names).size, table.name).toBe(names.length);
      for (const c of table.columns) expect(c.description.length, `${table.name}.${c.name}`).toBeGreaterThan(10);
    }
  });
});

describe('CSV writer', () => {
  it('writes the schema header, CRLF records, quotes only where needed, and keeps leading zeros', () => {
    const rows = toTableRows(fuseRecords([article]), [article], []);
    const csv = toCsv(EVENTS_TABLE, rows.events);
    expect(csvHeader(csv)).toEqual(columnNames(EVENTS_TABLE));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const parsed = parseCsv(csv);
    expect(parsed.map((r) => r.cameo_code)).toEqual(['042', '057']);
    expect(parsed[1]?.people).toBe('Ama Mensah;Jo "JJ" Otieno');
    expect(parsed[1]?.source_keys).toBe('in/a b.txt;in/copy.txt');
    expect(parsed[0]?.evidence_offsets).toBe('0-39');
  });

  it('neutralises a formula-like evidence cell and leaves negative coordinates alone', () => {
    const parsed = parseCsv(toCsv(EVENTS_TABLE, toTableRows(fuseRecords([article]), [article], []).events));
    expect(parsed[0]?.evidence).toBe("'=cmd| visit");
    expect(parsed[1]?.longitude).toBe('-0.1969');
    expect(parsed.map((r) => r.extractor_version)).toEqual([EXTRACTOR_VERSION, EXTRACTOR_VERSION]);
  });

  it('orders rows by article and reading order, whatever the input order', () => {
    const reversed = { ...article, events: [...article.events].reverse() };
    expect(toCsv(EVENTS_TABLE, toTableRows(fuseRecords([reversed]), [reversed], []).events)).toBe(toCsv(EVENTS_TABLE, toTableRows(fuseRecords([article]), [article], []).events));
  });

  it('writes rejections with their line and column', () => {
    const rows = toTableRows(fuseRecords([]), [], [{ sourceKey: 'b.json', reason: 'malformed-json', message: 'Unexpected end', line: 3, column: 7 }]);
    expect(parseCsv(toCsv(REJECTED_TABLE, rows.rejected))).toEqual([{ source_key: 'b.json', reason: 'malformed-json', message: 'Unexpected end', line: '3', column: '7' }]);
  });
});

describe('JSON-LD writer', () => {
  const options = { baseUri: 'https://data.example.org/entente/' };

  it('writes schema.org Event nodes with an embedded context and IRIs under the base URI', () => {
    const doc = JSON.parse(eventsJsonLd(fuseRecords([article]), options)) as { '@context': Record<string, unknown>; '@graph': Record<string, unknown>[] };
    expect(doc['@context']['@vocab']).toBe('https://schema.org/');
    expect(doc['@graph'].map((n) => n['@id'])).toEqual(['https://data.example.org/entente/events/ev-1', 'https://data.example.org/entente/events/ev-2']);
    const signing = doc['@graph'][1] as Record<string, unknown>;
    expect(signing['@type']).toBe('Event');
    expect(signing.startDate).toBe('2024-05');
    expect(signing.location).toMatchObject({ '@type': 'Place', name: 'Accra', geo: { latitude: 5.556 }, sameAs: 'https://sws.geonames.org/2306104/' });
    expect(signing.participant).toEqual(['https://data.example.org/entente/actors/GHA', 'https://data.example.org/entente/actors/KEN']);
  });

  it('writes agreements as Legislation linked to their signing event', () => {
    const doc = JSON.parse(agreementsJsonLd(fuseRecords([article]), options)) as { '@graph': Record<string, unknown>[] };
    expect(doc['@graph'][0]).toMatchObject({
      '@type': 'Legislation',
      name: 'accord commercial',
      topic: 'trade',
      legislationDate: '2024-05',
      signingEvent: 'https://data.example.org/entente/events/ev-2',
    });
  });
});

describe('writeDatasets', () => {
  it('writes every file and reports rows and bytes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'entente-ds-'));
    const summary = await writeDatasets([article], [], new FsStorage(dir), options());
    expect(summary).toMatchObject({ articles: 1, events: 2, agreements: 1, rejected: 0 });
    expect(summary.files.map((f) => f.key)).toEqual([
      // the monthly partitions (the article is dated 2024-05), month by month
      'events/year=2024/month=05/events.csv', 'agreements/year=2024/month=05/agreements.csv',
      // the full files built from them, articles.csv last of the data, then the partition manifest
      'events.csv', 'agreements.csv', 'rejected.csv', 'mentions.csv', 'events.jsonld', 'agreements.jsonld', 'articles.csv', 'partitions.json',
      // then what describes them
      'events.csv-metadata.json', 'agreements.csv-metadata.json', 'rejected.csv-metadata.json', 'mentions.csv-metadata.json', 'articles.csv-metadata.json', 'datapackage.json',
      // the catalog of everything, and the landing page that embeds it, last
      'catalog.jsonld',
      'index.html',
    ]);
    const articles = parseCsv(await readFile(path.join(dir, 'articles.csv'), 'utf8'));
    expect(articles[0]).toMatchObject({ article_id: 'art-0000000000000001', event_count: '2', agreement_count: '1', extracted: 'yes' });
    for (const f of summary.files) expect((await readFile(path.join(dir, f.key))).length).toBe(f.bytes);
  });
});

function options(): { baseUri: string } {
  return { baseUri: 'https://data.example.org/entente/' };
}
