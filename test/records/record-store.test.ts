import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processObject } from '../../src/pipeline.js';
import { CorruptRecordError, SourceKeyTooLongError } from '../../src/records/errors.js';
import { RecordStore } from '../../src/records/record-store.js';
import { FsStorage } from '../../src/storage/fs-storage.js';
import { S3Storage } from '../../src/storage/s3-storage.js';
import type { Storage } from '../../src/storage/storage.js';
import type { LocalS3 } from '../helpers/s3rver.js';
import { startS3rver } from '../helpers/s3rver.js';

const article = (n: number): string => `date 2024-05-0${1 + (n % 9)}\n\nLe ministre sénégalais des Affaires étrangères s'est rendu à Rabat (${n}).`;

async function outcome(sourceKey: string, text: string) {
  return await processObject(sourceKey, Buffer.from(text));
}

async function keys(storage: Storage, prefix = ''): Promise<string[]> {
  const out = [];
  for await (const o of storage.list(prefix)) out.push(o.key);
  return out;
}

let s3: LocalS3;
let buckets = 0;
beforeAll(async () => {
  s3 = await startS3rver();
});
afterAll(async () => {
  await s3?.close();
});

const backends: [string, () => Promise<Storage>][] = [
  ['filesystem', async () => new FsStorage(await mkdtemp(path.join(tmpdir(), 'entente-work-')))],
  [
    'S3 (s3rver)',
    async () => {
      const bucket = `work-${++buckets}`;
      await s3.createBucket(bucket);
      return new S3Storage(s3.client, { bucket });
    },
  ],
];

describe.each(backends)('RecordStore over %s', (_name, make) => {
  it('lays out records, markers and the by-key index', async () => {
    const storage = await make();
    const store = new RecordStore(storage);
    const o = await outcome('a dir/b+c é.txt', article(1));
    const change = await store.putContribution('a dir/b+c é.txt', o.records, o.rejections);
    const id = o.records[0]!.articleId;
    expect(change).toEqual({ sourceKey: 'a dir/b+c é.txt', articleIds: [id], removedArticleIds: [], rejections: 0 });
    const enc = encodeURIComponent('a dir/b+c é.txt');
    expect(await keys(storage)).toEqual([`by-key/${enc}/${id}`, `records/${id}.json`, `sources/${id}/${enc}`]);
  });

  it('keeps one article for the same content under many keys written at once', async () => {
    const store = new RecordStore(await make());
    const sourceKeys = Array.from({ length: 12 }, (_, i) => `copy-${String(i).padStart(2, '0')}.txt`);
    await Promise.all(sourceKeys.map(async (k) => store.putContribution(k, (await outcome(k, article(2))).records, [])));
    const snapshot = await store.loadAll();
    expect(snapshot.records).toHaveLength(1);
    expect(snapshot.records[0]?.sourceKeys).toEqual(sourceKeys);
  });

  it('removes a key without touching what other keys hold', async () => {
    const store = new RecordStore(await make());
    const shared = (await outcome('one.txt', article(3))).records;
    await store.putContribution('one.txt', shared, []);
    await store.putContribution('two.txt', (await outcome('two.txt', article(3))).records, []);
    await store.putContribution('own.txt', (await outcome('own.txt', article(4))).records, []);
    await store.removeContribution('one.txt');
    await store.removeContribution('own.txt');
    const snapshot = await store.loadAll();
    expect(snapshot.records.map((r) => [r.articleId, r.sourceKeys])).toEqual([[shared[0]!.articleId, ['two.txt']]]);
    expect(await store.articleIdsOf('own.txt')).toEqual([]);
  });

  it('forgets what a key held before when it holds something else', async () => {
    const storage = await make();
    const store = new RecordStore(storage);
    const first = await outcome('k.jsonl', `{"text":"Le ministre est arrivé à Dakar.","published":"2024-05-01"}\n{"text":"Le président a reçu son homologue à Rabat.","published":"2024-05-02"}`);
    await store.putContribution('k.jsonl', first.records, []);
    const second = await outcome('k.jsonl', `{"text":"Le ministre est arrivé à Dakar.","published":"2024-05-01"}`);
    const change = await store.putContribution('k.jsonl', second.records, []);
    expect(change.removedArticleIds).toEqual([first.records[1]!.articleId]);
    expect((await store.loadAll()).records.map((r) => r.articleId)).toEqual([first.records[0]!.articleId]);
  });

  it('keeps the rejections of a key until it reads fine or goes', async () => {
    const storage = await make();
    const store = new RecordStore(storage);
    const bad = await outcome('bad.json', '{"text": ');
    await store.putContribution('bad.json', bad.records, bad.rejections);
    expect((await store.loadAll()).rejections).toEqual(bad.rejections);
    await store.putContribution('bad.json', (await outcome('bad.json', '{"text": "Le ministre est arrivé à Dakar."}')).records, []);
    expect((await store.loadAll()).rejections).toEqual([]);
    await store.putContribution('bad.json', bad.records, bad.rejections);
    await store.removeContribution('bad.json');
    expect(await keys(storage)).not.toContainEqual(expect.stringMatching(/^rejections\//));
  });

  it('skips an article whose records are missing, and refuses corrupt ones', async () => {
    const storage = await make();
    const store = new RecordStore(storage);
    const o = await outcome('x.txt', article(5));
    await store.putContribution('x.txt', o.records, []);
    const id = o.records[0]!.articleId;
    await storage.delete(`records/${id}.json`);
    expect(await store.loadAll()).toEqual({ records: [], rejections: [], missing: [id] });
    await storage.put(`records/${id}.json`, '{"articleId": "someone else"}');
    await expect(store.loadAll()).rejects.toBeInstanceOf(CorruptRecordError);
  });

  it('refuses a key too long to track', async () => {
    const store = new RecordStore(await make());
    expect(() => store.checkSourceKey(`${'é'.repeat(200)}.txt`)).toThrow(SourceKeyTooLongError);
    expect(() => store.checkSourceKey('normal/key.txt')).not.toThrow();
  });
});
