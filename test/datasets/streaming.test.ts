import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreementsJsonLd, eventsJsonLd } from '../../src/datasets/jsonld.js';
import { readingOrder, toTableRows } from '../../src/datasets/rows.js';
import type { Row } from '../../src/datasets/schema.js';
import { writeDatasets } from '../../src/datasets/write-datasets.js';
import type { AgreementStatus, AgreementTopic, EventType } from '../../src/extract/types.js';
import { fuseRecords } from '../../src/records/fusion.js';
import type { AgreementRecord, ArticleRecords, EventRecord } from '../../src/records/records.js';
import { FsStorage } from '../../src/storage/fs-storage.js';
import type { ObjectWriter } from '../../src/storage/storage.js';
import { parseCsv } from '../helpers/csv.js';
import { mulberry32 } from '../../scripts/generate-corpus.js';

/**
 * The publication streams: reports are fused shard by shard, and the rows sorted into
 * reading order in scratch (src/datasets/write-datasets.ts). Whatever the sharding, the rows must be those of
 * fusing every article at once in memory (fuseRecords, toTableRows), the reference.
 */

/** A small deterministic generator, so a failing case can be replayed. */
const random = mulberry32;

const PAIRS = [['FRA', 'SEN'], ['DZA', 'FRA'], ['JPN', 'KEN'], ['BRA', 'MAR']] as const;
const TYPES: readonly EventType[] = ['visit', 'meeting', 'call', 'signing', 'press_conference'];
const TOPICS: readonly AgreementTopic[] = ['trade', 'energy', 'unspecified'];
const STATUSES: readonly AgreementStatus[] = ['announced', 'signed', 'ratified'];
const CITIES = [
  { city: 'Dakar', country: 'SEN', latitude: 14.6937, longitude: -17.4441 },
  { city: 'Paris', country: 'FRA', latitude: 48.8534, longitude: 2.3488 },
  { country: 'KEN' },
  undefined,
] as const;
const PEOPLE = ['Awa Ndiaye', 'Jean Martin', 'Yuki Sato', 'Ana Souza'];

/** Articles over few pairs, types and days, so that many reports are of one event (and some straddle a month's end). */
function corpus(seed: number, articles: number): ArticleRecords[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const dateOf = (): string | undefined => {
    const r = next();
    const day = 1 + Math.floor(next() * 6);
    const month = pick(['2023-01', '2023-02']);
    if (r < 0.08) return undefined;
    if (r < 0.16) return '2023';
    if (r < 0.3) return month;
    // Days around the turn of January into February, to test windows across months.
    return day <= 3 ? `2023-01-${String(28 + day).padStart(2, '0')}` : `2023-02-0${day - 3}`;
  };
  return Array.from({ length: articles }, (_, n): ArticleRecords => {
    const id = `art-${n.toString(16).padStart(16, '0')}`;
    const events: EventRecord[] = [];
    const pair = pick(PAIRS);
    for (let e = 0; e < 1 + Math.floor(next() * 3); e++) {
      const type = e === 0 && next() < 0.5 ? 'visit' : pick(TYPES);
      const place = pick(CITIES);
      const date = dateOf();
      const text = `Phrase ${n}.${e} sur ${type}.`;
      events.push({
        id: `ev-${n}-${e}`,
        type,
        cameoCode: '040',
        ...(date === undefined ? {} : { date }),
        participants: [...pair],
        actor1Country: pair[0],
        actor2Country: pair[1],
        people: next() < 0.5 ? [pick(PEOPLE)] : [],
        ...(place === undefined ? {} : { location: { ...place } }),
        evidence: [{ start: e * 40, end: e * 40 + text.length, text }],
      });
    }
    const signing = events.find((e) => e.type === 'signing');
    const agreements: AgreementRecord[] = Array.from({ length: Math.floor(next() * 3) }, (_, g) => {
      const date = signing?.date ?? dateOf();
      const text = `Accord ${n}.${g}.`;
      return {
        id: `ag-${n}-${g}`,
        title: `accord ${pick(['commercial', 'énergétique'])}`,
        topic: pick(TOPICS),
        parties: [...pair],
        signatories: next() < 0.5 ? [pick(PEOPLE)] : [],
        ...(date === undefined ? {} : { dateSigned: date }),
        status: pick(STATUSES),
        ...(signing === undefined ? {} : { signingEventId: signing.id }),
        evidence: [{ start: 200 + g * 30, end: 200 + g * 30 + text.length, text }],
      };
    });
    return {
      articleId: id,
      sourceKeys: [`in/${n}.txt`],
      format: 'seed-text',
      published: `2023-02-${String(1 + (n % 20)).padStart(2, '0')}`,
      language: n % 2 === 0 ? 'fr' : 'en',
      languageSource: 'metadata',
      url: n % 3 === 0 ? undefined : `https://news.example.org/${n}`,
      sha256: n.toString(16).padStart(64, '0'),
      extracted: true,
      events,
      agreements,
    };
  });
}

const OPTIONS = { baseUri: 'https://data.example.org/entente/' };
const multiset = (rows: readonly Row[]): string[] => rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)))).sort();
const nodes = (jsonld: string): string[] => (JSON.parse(jsonld) as { '@graph': unknown[] })['@graph'].map((n) => JSON.stringify(n)).sort();

async function published(articles: Iterable<ArticleRecords> | AsyncIterable<ArticleRecords>): Promise<{ dir: string; read: (file: string) => Promise<string> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'entente-streaming-'));
  await writeDatasets(articles, [], new FsStorage(dir), OPTIONS);
  return { dir, read: (file) => readFile(path.join(dir, file), 'utf8') };
}

describe('the streaming publication', () => {
  it.each([1, 2, 3])('publishes the rows of fusing everything in memory (seed %i)', async (seed) => {
    const articles = corpus(seed, 160);
    const reference = toTableRows(fuseRecords(articles), articles, []);
    // The corpus is one where fusion, sub-events and signing links all have work to do.
    expect(reference.events.length).toBeLessThan(articles.flatMap((a) => a.events).length * 0.8);
    expect(reference.events.filter((r) => r.parent_event_id !== '').length).toBeGreaterThan(5);
    expect(reference.agreements.filter((r) => r.signing_event_id !== '').length).toBeGreaterThan(5);

    const out = await published(articles);
    for (const table of ['events', 'agreements', 'articles', 'mentions'] as const) {
      expect(multiset(parseCsv(await out.read(`${table}.csv`))), table).toEqual(multiset(reference[table]));
    }
    expect(nodes(await out.read('events.jsonld'))).toEqual(nodes(eventsJsonLd(fuseRecords(articles), OPTIONS)));
    expect(nodes(await out.read('agreements.jsonld'))).toEqual(nodes(agreementsJsonLd(fuseRecords(articles), OPTIONS)));
  });

  it('gives the same bytes whatever order the articles come in, and takes them as an async stream', async () => {
    const articles = corpus(7, 80);
    const a = await published(articles);
    const b = await published(
      (async function* () {
        yield* [...articles].reverse();
      })(),
    );
    for (const file of ['events.csv', 'agreements.csv', 'articles.csv', 'mentions.csv', 'events.jsonld', 'agreements.jsonld', 'catalog.jsonld', 'index.html']) {
      expect(await b.read(file), file).toBe(await a.read(file));
    }
  });

  it('publishes the same bytes when every scratch bucket is too large to read at once and is split by longer key prefixes first', async () => {
    const articles = corpus(11, 120);
    const whole = await published(articles);
    const dir = await mkdtemp(path.join(tmpdir(), 'entente-streaming-'));
    await writeDatasets(articles, [], new FsStorage(dir), { ...OPTIONS, chunkBytes: 6000 });
    for (const file of ['events.csv', 'agreements.csv', 'mentions.csv', 'articles.csv', 'events.jsonld', 'agreements.jsonld', 'events/year=2023/month=01/events.csv', 'events/year=0000/month=00/events.csv', 'partitions.json']) {
      expect(await readFile(path.join(dir, file), 'utf8'), file).toBe(await whole.read(file));
    }
    // Split or not, the same input in another order gives the same bytes.
    const again = await mkdtemp(path.join(tmpdir(), 'entente-streaming-'));
    await writeDatasets([...articles].reverse(), [], new FsStorage(again), { ...OPTIONS, chunkBytes: 6000 });
    expect(await readFile(path.join(again, 'events.csv'), 'utf8')).toBe(await readFile(path.join(dir, 'events.csv'), 'utf8'));
  });

  it('publishes the same bytes when other threads fuse event shards and render runs of the rows, one run or many', async () => {
    // Ids led by hex, as hashes are: the rows spread over many key prefixes, so over many runs.
    const articles = corpus(14, 150).map((a, n) => ({ ...a, articleId: `${((n * 2654435761) >>> 0).toString(16).padStart(8, '0')}-${a.articleId}` }));
    const alone = await published(articles);
    // Small buckets make runs of a few hundred bytes: the threads' runs come between this one's.
    for (const chunkBytes of [undefined, 1500]) {
      const dir = await mkdtemp(path.join(tmpdir(), 'entente-streaming-'));
      await writeDatasets(articles, [], new FsStorage(dir), { ...OPTIONS, publishThreads: 2, parallelFrom: 0, chunkBytes });
      for (const file of ['events.csv', 'agreements.csv', 'mentions.csv', 'articles.csv', 'events.jsonld', 'agreements.jsonld', 'events/year=2023/month=02/events.csv', 'partitions.json', 'catalog.jsonld', 'index.html']) {
        expect(await readFile(path.join(dir, file), 'utf8'), `${file} (${chunkBytes ?? 'default'} bytes a bucket)`).toBe(await alone.read(file));
      }
    }
  });

  it('writes the full files and each partition in reading order (by articles, then position in the text), split buckets or not', async () => {
    const articles = corpus(12, 60);
    for (const chunkBytes of [undefined, 6000]) {
      const dir = await mkdtemp(path.join(tmpdir(), 'entente-streaming-'));
      await writeDatasets(articles, [], new FsStorage(dir), { ...OPTIONS, chunkBytes });
      const events = parseCsv(await readFile(path.join(dir, 'events.csv'), 'utf8'));
      expect(events).toEqual(toTableRows(fuseRecords(articles), articles, []).events.map((r) => expect.objectContaining(r) as Row));
      const agreements = parseCsv(await readFile(path.join(dir, 'agreements.csv'), 'utf8'));
      expect(agreements).toEqual([...agreements].sort(readingOrder('agreement_id')));
      const ids = (JSON.parse(await readFile(path.join(dir, 'events.jsonld'), 'utf8')) as { '@graph': { identifier: string }[] })['@graph'].map((n) => n.identifier);
      expect(ids).toEqual(events.map((r) => r.event_id));
      // Each partition holds its month's rows of the full file, in the full file's order.
      const january = parseCsv(await readFile(path.join(dir, 'events/year=2023/month=01/events.csv'), 'utf8'));
      expect(january.length).toBeGreaterThan(0);
      expect(january).toEqual(events.filter((r) => r.date?.startsWith('2023-01')));
    }
  });

  it('lists the articles in id order', async () => {
    const ids = parseCsv(await (await published([...corpus(13, 300)].reverse())).read('articles.csv')).map((r) => r.article_id);
    expect(ids).toHaveLength(300);
    expect(ids).toEqual([...ids].sort());
  });

  it('publishes an article given twice (the same content under two keys) once, with both keys', async () => {
    const [one] = corpus(9, 1) as [ArticleRecords];
    const out = await published([one, { ...one, sourceKeys: ['copy/of-1.txt'] }]);
    const [row] = parseCsv(await out.read('articles.csv'));
    expect(row?.source_key).toBe('copy/of-1.txt;in/0.txt');
    for (const event of parseCsv(await out.read('events.csv'))) expect(event.source_keys).toBe('copy/of-1.txt;in/0.txt');
  });

  it('leaves no scratch files behind, and none in the output', async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'entente-scratch-'));
    const dir = await mkdtemp(path.join(tmpdir(), 'entente-streaming-'));
    await writeDatasets(corpus(3, 20), [], new FsStorage(dir), { ...OPTIONS, scratchFolder: scratch });
    expect(await readdir(scratch)).toEqual([]);
    expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('publishes nothing half-written when a write fails: the files that were there stay whole', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'entente-streaming-'));
    const storage = new FsStorage(dir);
    await writeDatasets(corpus(4, 30), [], storage, OPTIONS);
    const before = await readFile(path.join(dir, 'events.csv'), 'utf8');
    // The next publications fail on the first write, then on the third write of a partition.
    let writes = 0;
    let failure = { at: 1, of: (_key: string) => true };
    const failing = Object.assign(Object.create(storage) as FsStorage, {
      openWrite: async (key: string) => {
        const writer = await storage.openWrite(key);
        return {
          ...writer,
          write: async (chunk: Uint8Array | string) => {
            if (failure.of(key) && ++writes === failure.at) throw new Error('disk full (injected)');
            await writer.write(chunk);
          },
          writeMany: async (chunks: readonly Uint8Array[]) => {
            if (failure.of(key) && ++writes === failure.at) throw new Error('disk full (injected)');
            await (writer.writeMany as NonNullable<ObjectWriter['writeMany']>)(chunks);
          },
        };
      },
    });
    for (failure of [failure, { at: 3, of: (key: string) => key.includes('/year=') }]) {
      writes = 0;
      await expect(writeDatasets(corpus(5, 30), [], failing, OPTIONS)).rejects.toThrow(/injected/);
      expect(await readFile(path.join(dir, 'events.csv'), 'utf8')).toBe(before);
      // No writer's temporary file (a dot-file) anywhere, partitions' folders included.
      expect((await readdir(dir, { recursive: true })).filter((f) => path.basename(f).startsWith('.'))).toEqual([]);
    }
  });
});
