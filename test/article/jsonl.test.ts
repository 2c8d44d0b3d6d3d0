import { describe, expect, it } from 'vitest';
import { read, sampleBytes } from './support.js';

describe('JSON Lines (.jsonl, .ndjson)', () => {
  it('reads one object per line, skipping blank lines; index is line number - 1', async () => {
    const r = await read(
      'wire.jsonl',
      '{"text": "First wire story."}\n\n   \n{"body": "Second wire story.", "date": "2024-05"}\r\n',
    );
    expect(r.rejections).toEqual([]);
    expect(r.articles.map((a) => [a.index, a.format, a.text])).toEqual([
      [0, 'jsonl', 'First wire story.'],
      [3, 'jsonl', 'Second wire story.'],
    ]);
    expect(r.articles[1]?.published).toEqual({ year: 2024, month: 5 });
  });

  it('accepts .ndjson the same way', async () => {
    const r = await read('wire.NDJSON', '{"text": "A story."}\n{"text": "Another story."}');
    expect(r.articles).toHaveLength(2);
  });

  it('rejects a bad line with its line number and reads the others', async () => {
    const r = await read(
      'wire.jsonl',
      [
        '{"text": "Line one is fine."}',
        '{"text": "Line two is broken",}',
        '{"title": "line three has no text"}',
        '',
        '[1, 2]',
        '{"text": "Line six is fine."}',
        '{"text": ""}',
      ].join('\n'),
    );
    expect(r.articles.map((a) => a.text)).toEqual(['Line one is fine.', 'Line six is fine.']);
    expect(r.rejections).toEqual([
      expect.objectContaining({ reason: 'malformed-json', line: 2, column: 31 }),
      expect.objectContaining({ reason: 'invalid-article', line: 3, message: 'line 3: missing "text" or "body"' }),
      expect.objectContaining({ reason: 'invalid-article', line: 5, message: 'line 5: expected an article object, got an array' }),
      expect.objectContaining({ reason: 'empty', line: 7, message: 'line 7: the article text is empty' }),
    ]);
    expect(r.rejections[0]?.message).toMatch(/^line 2, column 31: malformed JSON/);
  });

  it('skips only lines of spaces and tabs: other white space is not JSON, and is reported', async () => {
    const r = await read('wire.jsonl', '{"text": "One."}\n \t \n\u00A0\n\u2028\n{"text": "Five."}');
    expect(r.articles.map((a) => a.index)).toEqual([0, 4]);
    expect(r.rejections.map((x) => [x.reason, x.line])).toEqual([
      ['malformed-json', 3],
      ['malformed-json', 4],
    ]);
  });

  it('reads the three-line sample', async () => {
    const r = await read('samples/wire-en.jsonl', sampleBytes('wire-en.jsonl'));
    expect(r.rejections).toEqual([]);
    expect(r.articles.map((a) => a.index)).toEqual([0, 1, 2]);
    expect(r.articles.map((a) => a.language)).toEqual(['en', 'en', 'en']);
    expect(r.articles[1]?.published).toEqual({ year: 2024, month: 5, day: 23 });
    expect(r.articles[2]?.published).toEqual({ year: 2024, month: 5 });
  });
});
