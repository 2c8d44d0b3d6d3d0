import { describe, expect, it } from 'vitest';
import { read, readOne, sampleBytes } from './support.js';

const TEXT = 'The foreign ministers of Kenya and Japan met in Nairobi on Tuesday.';

describe('JSON (.json)', () => {
  it('reads one object with all optional fields', async () => {
    const a = await readOne(
      'a.json',
      JSON.stringify({
        id: 'their-own-id',
        title: '  Kenya and Japan  ',
        published: '2023-11-07',
        url: 'https://example.org/a',
        language: 'en-GB',
        text: TEXT,
      }),
    );
    expect(a).toMatchObject({
      format: 'json',
      index: 0,
      title: 'Kenya and Japan',
      published: { year: 2023, month: 11, day: 7 },
      url: 'https://example.org/a',
      language: 'en',
      languageSource: 'metadata',
      text: TEXT,
    });
    expect(a.id).toMatch(/^art-[0-9a-f]{16}$/);
    expect(a.id).not.toContain('their-own-id');
  });

  it('accepts `body`, `date` and `lang` as the alternative field names', async () => {
    const a = await readOne('a.json', JSON.stringify({ body: TEXT, date: '2023-11', lang: 'EN' }));
    expect(a.text).toBe(TEXT);
    expect(a.published).toEqual({ year: 2023, month: 11 });
    expect(a.language).toBe('en');
  });

  it.each([
    ['2023', { year: 2023 }],
    ['2023-11', { year: 2023, month: 11 }],
    ['2023-11-07', { year: 2023, month: 11, day: 7 }],
    ['2023-11-07T23:30:00+02:00', { year: 2023, month: 11, day: 7 }],
    ['2023-11-07T09:15:00.123Z', { year: 2023, month: 11, day: 7 }],
    ['2023-11-07 09:15', { year: 2023, month: 11, day: 7 }],
  ])('reads published %s at its own precision (date-times cut to the day as written)', async (published, expected) => {
    expect((await readOne('a.json', JSON.stringify({ text: TEXT, published }))).published).toEqual(expected);
  });

  it('treats null optional fields as absent', async () => {
    const a = await readOne('a.json', JSON.stringify({ text: TEXT, title: null, published: null, url: null }));
    expect(a.title).toBeUndefined();
    expect(a.published).toBeUndefined();
  });

  it('reads an array, keeping each element index', async () => {
    const r = await read('batch.json', JSON.stringify([{ text: 'First article text here.' }, { body: 'Second article text here.' }]));
    expect(r.rejections).toEqual([]);
    expect(r.articles.map((a) => [a.index, a.text])).toEqual([
      [0, 'First article text here.'],
      [1, 'Second article text here.'],
    ]);
  });

  it('rejects only the bad elements of an array and reads the others', async () => {
    const r = await read(
      'batch.json',
      JSON.stringify([
        { text: 'Article zero.' },
        { text: 'Article one.', published: '14/08/2022' },
        { title: 'No body' },
        'just a string',
        { text: 'Article four.' },
        { text: 42 },
        { text: '   ' },
      ]),
    );
    expect(r.articles.map((a) => a.index)).toEqual([0, 4]);
    expect(r.rejections.map((x) => [x.reason, x.message])).toEqual([
      ['invalid-article', expect.stringContaining('articles[1]: "published" is not a date: "14/08/2022"')],
      ['invalid-article', 'articles[2]: missing "text" or "body"'],
      ['invalid-article', 'articles[3]: expected an article object, got a string'],
      ['invalid-article', 'articles[5]: "text" must be a string, got a number'],
      ['empty', 'articles[6]: the article text is empty'],
    ]);
    for (const x of r.rejections) expect(x.sourceKey).toBe('batch.json');
  });

  it('rejects a wrongly typed optional field instead of dropping it silently', async () => {
    const r = await read('a.json', JSON.stringify({ text: TEXT, title: ['x'] }));
    expect(r.rejections[0]).toMatchObject({ reason: 'invalid-article', message: '"title" must be a string, got an array' });
  });

  it('rejects a top-level value that is neither an object nor an array', async () => {
    const r = await read('a.json', '"just text"');
    expect(r.rejections[0]).toMatchObject({ reason: 'invalid-article' });
    expect(r.rejections[0]?.message).toContain('got a string');
  });

  it('rejects an empty array as empty', async () => {
    expect((await read('a.json', '[ ]')).rejections[0]).toMatchObject({ reason: 'empty', message: 'the JSON array holds no articles' });
  });

  describe('malformed JSON: line and column of the syntax error', () => {
    it.each([
      // Node 20 gives no position for "Unexpected token"; the scanner finds it.
      ['{\n  "text": "x",\n  "title": }\n', 3, 12],
      // Node 20 gives "at position N" for this one.
      ['{\n  "text": "x"\n  "title": "y"\n}', 3, 3],
      ['[{"text": "a"},\n {"text": "b"},\n]', 3, 1],
      ['{"text": "unterminated', 1, 23],
      ['{"text": "x"} {"text": "y"}', 1, 15],
      ['\r\n\r\n{"text": tru}', 3, 13],
    ])('%j → line %i, column %i', async (json, line, column) => {
      const r = await read('bad.json', json);
      expect(r.articles).toEqual([]);
      expect(r.rejections).toHaveLength(1);
      expect(r.rejections[0]).toMatchObject({ reason: 'malformed-json', line, column });
      expect(r.rejections[0]?.message).toContain(`malformed JSON at line ${line}, column ${column}`);
    });

    it('hints at JSON Lines when a .json file holds one object per line', async () => {
      const r = await read('bad.json', '{"text": "a"}\n{"text": "b"}\n');
      expect(r.rejections[0]).toMatchObject({ reason: 'malformed-json', line: 2, column: 1 });
      expect(r.rejections[0]?.message).toContain('.jsonl');
    });

    it('does not echo the input or V8 positions in the message', async () => {
      const r = await read('bad.json', '{"text": "secret body", "title": }');
      expect(r.rejections[0]?.message).not.toContain('secret body');
      expect(r.rejections[0]?.message).not.toContain('position');
    });
  });

  it('reads the one-object sample', async () => {
    const a = await readOne('samples/call-en.json', sampleBytes('call-en.json'));
    expect(a).toMatchObject({
      format: 'json',
      title: 'Japan and Kenya foreign ministers hold phone talks',
      published: { year: 2023, month: 11, day: 8 },
      language: 'en',
      url: 'https://example.org/news/2023/11/japan-kenya-phone-talks',
    });
    expect(a.text.split('\n\n')).toHaveLength(3);
    expect(a.text).toContain("Kenya's Cabinet Secretary");
  });

  it('reads the two-article French sample', async () => {
    const r = await read('samples/batch-fr.json', sampleBytes('batch-fr.json'));
    expect(r.rejections).toEqual([]);
    expect(r.articles).toHaveLength(2);
    expect(r.articles[0]).toMatchObject({ language: 'fr', languageSource: 'metadata', published: { year: 2023, month: 6, day: 19 } });
    expect(r.articles[1]).toMatchObject({ language: 'fr', languageSource: 'detected', published: { year: 2023, month: 6 } });
    expect(r.articles[0]?.title).toBe("Le Canada et la Côte d'Ivoire signent deux accords");
  });
});
