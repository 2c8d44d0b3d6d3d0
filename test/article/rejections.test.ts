import { describe, expect, it } from 'vitest';
import type { ReadObjectOptions, RejectionReason } from '../../src/article/index.js';
import { REJECTION_REASONS } from '../../src/article/index.js';
import { read } from './support.js';

const ARTICLE = 'The ministers met in Baku.';

interface Case {
  readonly name: string;
  readonly key: string;
  readonly content: string | Uint8Array;
  readonly options?: ReadObjectOptions;
  readonly reason: RejectionReason;
  readonly message: string | RegExp;
  readonly line?: number;
  readonly column?: number;
}

const CASES: readonly Case[] = [
  { name: 'zero bytes', key: 'a.txt', content: '', reason: 'empty', message: 'the object is empty (0 bytes)' },
  { name: 'only white space', key: 'a.json', content: ' \r\n\t\n ', reason: 'empty', message: 'only white space (6 bytes)' },
  { name: 'a BOM and white space', key: 'a.txt', content: '\uFEFF \n', reason: 'empty', message: 'only white space' },
  { name: 'only Unicode spaces', key: 'a.txt', content: '\u00A0\u200B\u3000', reason: 'empty', message: 'the article text is empty' },
  { name: 'a NUL byte', key: 'a.txt', content: new Uint8Array([0x68, 0x69, 0x00, 0x21]), reason: 'binary', message: 'NUL byte at offset 2' },
  {
    name: 'mostly control characters',
    key: 'a.html',
    content: new Uint8Array([0x01, 0x02, 0x03, 0x41, 0x42, 0x1b, 0x7f, 0x43]),
    reason: 'binary',
    message: '5 of the first 8 bytes are control characters',
  },
  {
    name: 'a PNG header',
    key: 'image.txt',
    content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    reason: 'binary',
    message: 'NUL byte at offset 8',
  },
  {
    name: 'Latin-1 text',
    key: 'a.txt',
    content: new Uint8Array([...Buffer.from('Bonjour\nd', 'latin1'), 0xe9, ...Buffer.from('l', 'latin1')]),
    reason: 'invalid-utf8',
    message: 'byte 0xE9 at offset 9 (line 2)',
    line: 2,
  },
  {
    name: 'a truncated multi-byte sequence at the end',
    key: 'a.json',
    content: new Uint8Array([0x7b, 0x7d, 0xe2, 0x82]),
    reason: 'invalid-utf8',
    message: 'at offset 2',
  },
  {
    name: 'an encoded surrogate',
    key: 'a.txt',
    content: new Uint8Array([0x61, 0xed, 0xa0, 0x80]),
    reason: 'invalid-utf8',
    message: 'byte 0xED at offset 1',
  },
  {
    name: 'UTF-16 with a byte order mark',
    key: 'a.txt',
    content: new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]),
    reason: 'invalid-utf8',
    message: 'UTF-16 byte order mark; save it as UTF-8',
  },
  {
    name: 'a JSON syntax error',
    key: 'a.json',
    content: '{\n  "text": "x",\n}',
    reason: 'malformed-json',
    message: 'malformed JSON at line 3, column 1',
    line: 3,
    column: 1,
  },
  {
    name: 'a JSON Lines syntax error',
    key: 'a.jsonl',
    content: `\n{"text": }`,
    reason: 'malformed-json',
    message: 'line 2, column 10: malformed JSON',
    line: 2,
    column: 10,
  },
  { name: 'JSON without text', key: 'a.json', content: '{"title": "x"}', reason: 'invalid-article', message: 'missing "text" or "body"' },
  {
    name: 'an impossible seed date',
    key: 'a.txt',
    content: `date 2022-13 ${ARTICLE}`,
    reason: 'invalid-article',
    message: 'the header date "2022-13" on line 1 is invalid',
    line: 1,
  },
  {
    name: 'an unknown extension',
    key: 'docs/report.PDF',
    content: ARTICLE,
    reason: 'unknown-extension',
    message: 'unknown extension ".pdf"; accepted extensions are .txt, .json, .jsonl, .ndjson, .html, .htm',
  },
  { name: 'no extension', key: 'folder.d/README', content: ARTICLE, reason: 'unknown-extension', message: 'has no file extension' },
  { name: 'a dot file', key: '.txt', content: ARTICLE, reason: 'unknown-extension', message: 'has no file extension' },
  {
    name: 'over the size limit',
    key: 'a.txt',
    content: 'x'.repeat(101),
    options: { maxBytes: 100 },
    reason: 'too-large',
    message: 'the object is 101 bytes, over the limit of 100 bytes',
  },
  // One case per limit of limits.ts; test/article/limits.test.ts checks each at and past its value.
  {
    name: 'a web page over the HTML size limit',
    key: 'a.html',
    content: `<p>${ARTICLE}</p>`,
    options: { maxHtmlBytes: 20 },
    reason: 'html-too-large',
    message: 'the web page is 33 bytes, over the limit of 20 bytes for HTML; not parsed',
  },
  {
    name: 'a web page with too many elements',
    key: 'a.html',
    content: `<p>${ARTICLE}</p><p>${ARTICLE}</p>`,
    options: { maxHtmlElements: 1 },
    reason: 'html-too-complex',
    message: 'the web page has 2 start tags, over the limit of 1 elements; not parsed',
  },
  {
    name: 'JSON nested too deep',
    key: 'a.json',
    content: `{"text": "${ARTICLE}",\n "meta": {"a": [1]}}`,
    options: { maxJsonDepth: 2 },
    reason: 'json-too-deep',
    message: 'JSON nested 3 levels deep, over the limit of 2: level 3 opens at line 2, column 16',
    line: 2,
    column: 16,
  },
  {
    name: 'too many articles in a JSON array',
    key: 'a.json',
    content: `[{"text": "${ARTICLE}"},\n {"text": "${ARTICLE}"}]`,
    options: { maxArticles: 1 },
    reason: 'too-many-articles',
    message: 'the JSON array holds 2 articles, over the limit of 1 per file: articles[0] to articles[0] were read, the 1 from articles[1] (line 2, column 2) on were not; split the file',
    line: 2,
    column: 2,
  },
  {
    name: 'a line of text over the length limit',
    key: 'a.txt',
    content: `date 2022\nShort.\n${ARTICLE}`,
    options: { maxLineChars: 10 },
    reason: 'line-too-long',
    message: 'line 3 is 26 characters long, over the limit of 10 per line',
    line: 3,
  },
];

describe('rejections: one per reason, with a message a person can act on', () => {
  it.each(CASES)('$name → $reason', async (c) => {
    const result = await read(c.key, c.content, c.options);
    if (c.reason !== 'too-many-articles') expect(result.articles).toEqual([]);
    expect(result.rejections).toHaveLength(1);
    const rejection = result.rejections[0];
    expect(rejection?.sourceKey).toBe(c.key);
    expect(rejection?.reason).toBe(c.reason);
    if (typeof c.message === 'string') expect(rejection?.message).toContain(c.message);
    else expect(rejection?.message).toMatch(c.message);
    if (c.line !== undefined) expect(rejection?.line).toBe(c.line);
    if (c.column !== undefined) expect(rejection?.column).toBe(c.column);
  });

  it('covers every reason but internal-error (a defect of ours: no input should give it)', () => {
    const reasons = new Set(CASES.map((c) => c.reason));
    expect([...reasons].sort()).toEqual(REJECTION_REASONS.filter((r) => r !== 'internal-error').sort());
  });

  it('uses a 5 MiB limit by default, with thousands separators in the message', async () => {
    // Lines of 64 bytes, so that only the size limit is in play.
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61).map((b, i) => (i % 64 === 63 ? 0x0a : b));
    const r = await read('big.txt', big);
    expect(r.rejections[0]?.message).toBe('the object is 5,242,881 bytes, over the limit of 5,242,880 bytes');
    expect((await read('ok.txt', big.subarray(0, 5 * 1024 * 1024))).rejections).toEqual([]);
  });

  it('checks size before extension, extension before content', async () => {
    expect((await read('a.pdf', 'x'.repeat(11), { maxBytes: 10 })).rejections[0]?.reason).toBe('too-large');
    expect((await read('a.pdf', '')).rejections[0]?.reason).toBe('unknown-extension');
    expect((await read('a.txt', new Uint8Array([0x00, 0xff]))).rejections[0]?.reason).toBe('binary');
  });

  it('strips a UTF-8 byte order mark', async () => {
    const r = await read('a.json', `\uFEFF{"text": "${ARTICLE}"}`);
    expect(r.rejections).toEqual([]);
    expect(r.articles[0]?.text).toBe(ARTICLE);
  });

  it('accepts the keys case-insensitively', async () => {
    for (const key of ['A.TXT', 'b.Json', 'c.JSONL', 'd.NdJson', 'e.HTML', 'f.Htm']) {
      expect((await read(key, key.toLowerCase().endsWith('txt') ? ARTICLE : '')).rejections[0]?.reason ?? 'ok').not.toBe(
        'unknown-extension',
      );
    }
  });
});
