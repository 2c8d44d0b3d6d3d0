import { describe, expect, it } from 'vitest';
import { read, readOne, sampleBytes, seedBytes } from './support.js';

describe('seed text (.txt with a date header)', () => {
  it('keeps day precision and reads the body on the same line', async () => {
    const a = await readOne('a.txt', 'date 2022-08-14 The ministers met in Baku on Sunday to discuss trade and energy.');
    expect(a.format).toBe('seed-text');
    expect(a.published).toEqual({ year: 2022, month: 8, day: 14 });
    expect(a.text).toBe('The ministers met in Baku on Sunday to discuss trade and energy.');
  });

  it('keeps month precision (no invented day)', async () => {
    const a = await readOne('a.txt', 'date 2022-08 Les deux ministres se sont entretenus hier à Bakou.');
    expect(a.published).toEqual({ year: 2022, month: 8 });
    expect(a.published && 'day' in a.published).toBe(false);
  });

  it('keeps year precision', async () => {
    const a = await readOne('a.txt', 'date 2021\nThe ministers met in Baku to discuss trade and energy.');
    expect(a.published).toEqual({ year: 2021 });
  });

  it('reads the body from the next line', async () => {
    const a = await readOne('a.txt', 'date 2022-08-14\nFirst paragraph of the body.\n\nSecond paragraph.');
    expect(a.text).toBe('First paragraph of the body.\n\nSecond paragraph.');
  });

  it('accepts leading white space (spaces, tabs, blank lines, CRLF) before the header', async () => {
    const a = await readOne('a.txt', '\r\n \t date 2022-08-14\r\nThe body, after a CRLF header line.');
    expect(a.published).toEqual({ year: 2022, month: 8, day: 14 });
    expect(a.text).toBe('The body, after a CRLF header line.');
  });

  it('reads the original seed: month precision, French, no header left in the text', async () => {
    const a = await readOne('seeds/000_c6b8037a3e0ee50b.txt', seedBytes('000_c6b8037a3e0ee50b.txt'));
    expect(a.format).toBe('seed-text');
    expect(a.published).toEqual({ year: 2022, month: 8 });
    expect(a.language).toBe('fr');
    expect(a.languageSource).toBe('detected');
    expect(a.text.startsWith('Le ministre des Affaires étrangères')).toBe(true);
    expect(a.text).toContain("à l'étranger");
    expect(a.text).toContain('Algérie – Azerbaïdjan');
    expect(a.text.split('\n\n')).toHaveLength(8);
  });

  it('reads the English seed-format sample', async () => {
    const a = await readOne('samples/visit-en.txt', sampleBytes('visit-en.txt'));
    expect(a.format).toBe('seed-text');
    expect(a.published).toEqual({ year: 2024, month: 3 });
    expect(a.language).toBe('en');
    expect(a.text).toContain("Portugal's Foreign Minister");
    expect(a.text).toContain('"double the number of scholarships"');
  });

  it('rejects an impossible header date with the line and column of the date', async () => {
    const r = await read('bad.txt', 'date 2022-13 The body.');
    expect(r.articles).toEqual([]);
    expect(r.rejections).toEqual([
      expect.objectContaining({ reason: 'invalid-article', line: 1, column: 6, sourceKey: 'bad.txt' }),
    ]);
    expect(r.rejections[0]?.message).toContain('header date "2022-13"');
    expect(r.rejections[0]?.message).toContain('is invalid');
  });

  it('rejects 31 February and a slash-separated date after `date`', async () => {
    expect((await read('a.txt', 'date 2023-02-31 body')).rejections[0]?.reason).toBe('invalid-article');
    const slash = await read('a.txt', '\n\ndate 14/08/2022\nbody');
    expect(slash.rejections[0]).toMatchObject({ reason: 'invalid-article', line: 3, column: 6 });
  });

  it('rejects a header with no body as empty', async () => {
    const r = await read('a.txt', 'date 2022-08-14\n   \n');
    expect(r.rejections).toEqual([expect.objectContaining({ reason: 'empty' })]);
  });
});
