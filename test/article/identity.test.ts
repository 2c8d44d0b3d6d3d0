import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { articleId } from '../../src/article/index.js';
import { read, readOne } from './support.js';

const TEXT = 'The foreign ministers of Ghana and Portugal met in Accra on Tuesday.';

describe('article identity', () => {
  it('gives the same content under two keys (and two formats) the same id and hash', async () => {
    const a = await readOne('uploads/one.txt', `date 2024-03-12 ${TEXT}`);
    const b = await readOne('other/folder/two.json', JSON.stringify({ text: TEXT, published: '2024-03-12T10:00:00Z' }));
    expect(a.sourceKey).not.toBe(b.sourceKey);
    expect(a.id).toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
  });

  it('ignores differences the normalisation removes', async () => {
    const a = await readOne('a.txt', 'date 2024-03-12 The foreign ministers of Ghana and Portugal met in Accra on Tuesday.');
    const b = await readOne('b.txt', 'date 2024-03-12\r\n  The foreign  ministers of Ghana and\u00A0Portugal met in Accra on Tuesday.  \r\n');
    expect(b.id).toBe(a.id);
  });

  it('gives different text, date or language a different id', async () => {
    const base = await readOne('a.txt', `date 2024-03-12 ${TEXT}`);
    expect((await readOne('a.txt', `date 2024-03-12 ${TEXT} They signed two agreements.`)).id).not.toBe(base.id);
    expect((await readOne('a.txt', `date 2024-03-13 ${TEXT}`)).id).not.toBe(base.id);
    expect((await readOne('a.txt', `date 2024-03 ${TEXT}`)).id).not.toBe(base.id);
    expect((await readOne('a.json', JSON.stringify({ text: TEXT, date: '2024-03-12', language: 'pt' }))).id).not.toBe(base.id);
  });

  it('follows the documented recipe: art- + 16 hex of sha256(published\\nlanguage\\ntext)', async () => {
    const a = await readOne('a.txt', `date 2024-03 ${TEXT}`);
    const expected = createHash('sha256').update(`2024-03\nen\n${TEXT}`).digest('hex').slice(0, 16);
    expect(a.id).toBe(`art-${expected}`);
    expect(articleId('2024-03', 'en', TEXT)).toBe(a.id);
    expect(a.sha256).toBe(createHash('sha256').update(TEXT).digest('hex'));
  });

  it('uses an empty date part when there is no publication date', async () => {
    const a = await readOne('a.txt', TEXT);
    expect(a.id).toBe(articleId('', 'en', TEXT));
  });

  it('is stable across runs for every article of a batch', async () => {
    const batch = JSON.stringify([{ text: TEXT }, { text: `${TEXT} Again.` }]);
    const first = (await read('b.json', batch)).articles.map((a) => a.id);
    const second = (await read('b.json', batch)).articles.map((a) => a.id);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(2);
  });
});
