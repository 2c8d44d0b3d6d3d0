import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { articleId } from '../../src/article/index.js';
import { read, readOne } from './support.js';

const TEXT = 'The foreign ministers of Ghana and Portugal met in Accra on Tuesday.';

describe('article identity', () => {
  it('gives the same content under two keys (and two formats) the same id and hash', () => {
    const a = readOne('uploads/one.txt', `date 2024-03-12 ${TEXT}`);
    const b = readOne('other/folder/two.json', JSON.stringify({ text: TEXT, published: '2024-03-12T10:00:00Z' }));
    expect(a.sourceKey).not.toBe(b.sourceKey);
    expect(a.id).toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
  });

  it('ignores differences the normalisation removes', () => {
    const a = readOne('a.txt', 'date 2024-03-12 The foreign ministers of Ghana and Portugal met in Accra on Tuesday.');
    const b = readOne('b.txt', 'date 2024-03-12\r\n  The foreign  ministers of Ghana and\u00A0Portugal met in Accra on Tuesday.  \r\n');
    expect(b.id).toBe(a.id);
  });

  it('gives different text, date or language a different id', () => {
    const base = readOne('a.txt', `date 2024-03-12 ${TEXT}`);
    expect(readOne('a.txt', `date 2024-03-12 ${TEXT} They signed two agreements.`).id).not.toBe(base.id);
    expect(readOne('a.txt', `date 2024-03-13 ${TEXT}`).id).not.toBe(base.id);
    expect(readOne('a.txt', `date 2024-03 ${TEXT}`).id).not.toBe(base.id);
    expect(readOne('a.json', JSON.stringify({ text: TEXT, date: '2024-03-12', language: 'pt' })).id).not.toBe(base.id);
  });

  it('follows the documented recipe: art- + 16 hex of sha256(published\\nlanguage\\ntext)', () => {
    const a = readOne('a.txt', `date 2024-03 ${TEXT}`);
    const expected = createHash('sha256').update(`2024-03\nen\n${TEXT}`).digest('hex').slice(0, 16);
    expect(a.id).toBe(`art-${expected}`);
    expect(articleId('2024-03', 'en', TEXT)).toBe(a.id);
    expect(a.sha256).toBe(createHash('sha256').update(TEXT).digest('hex'));
  });

  it('uses an empty date part when there is no publication date', () => {
    const a = readOne('a.txt', TEXT);
    expect(a.id).toBe(articleId('', 'en', TEXT));
  });

  it('is stable across runs for every article of a batch', () => {
    const batch = JSON.stringify([{ text: TEXT }, { text: `${TEXT} Again.` }]);
    const first = read('b.json', batch).articles.map((a) => a.id);
    const second = read('b.json', batch).articles.map((a) => a.id);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(2);
  });
});
