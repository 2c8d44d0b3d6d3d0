import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_ARTICLES,
  DEFAULT_MAX_HTML_BYTES,
  DEFAULT_MAX_HTML_ELEMENTS,
  DEFAULT_MAX_JSON_DEPTH,
  DEFAULT_MAX_JSONL_LINE_CHARS,
  DEFAULT_MAX_LINE_CHARS,
  InvalidReaderOptionError,
  MAX_MESSAGE_CHARS,
  readObject,
} from '../../src/article/index.js';
import { loadHtmlReader } from '../../src/article/formats/html.js';
import type { ReadResult } from '../../src/article/index.js';
import { bytes, read } from './support.js';

const SENTENCE = 'The foreign ministers of Algeria and Azerbaijan met in Baku on Sunday.';

function only(result: ReadResult) {
  expect(result.rejections).toHaveLength(1);
  return result.rejections[0];
}

describe('the default limits', () => {
  it('have the values documented in limits.ts', () => {
    expect({
      DEFAULT_MAX_ARTICLES,
      DEFAULT_MAX_LINE_CHARS,
      DEFAULT_MAX_JSONL_LINE_CHARS,
      DEFAULT_MAX_JSON_DEPTH,
      DEFAULT_MAX_HTML_BYTES,
      DEFAULT_MAX_HTML_ELEMENTS,
    }).toEqual({
      DEFAULT_MAX_ARTICLES: 1_000,
      DEFAULT_MAX_LINE_CHARS: 100_000,
      DEFAULT_MAX_JSONL_LINE_CHARS: 1_000_000,
      DEFAULT_MAX_JSON_DEPTH: 64,
      DEFAULT_MAX_HTML_BYTES: 2 * 1024 * 1024,
      DEFAULT_MAX_HTML_ELEMENTS: 20_000,
    });
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a limit of %s as a caller error', async (value) => {
    await expect(readObject('a.txt', bytes(SENTENCE), { maxArticles: value })).rejects.toThrow(InvalidReaderOptionError);
    await expect(readObject('a.txt', bytes(SENTENCE), { maxHtmlBytes: value })).rejects.toThrow(/maxHtmlBytes must be a positive whole number/);
  });
});

describe('articles per file (too-many-articles)', () => {
  const objects = (n: number): string[] => Array.from({ length: n }, (_, i) => JSON.stringify({ text: `${SENTENCE} Item ${i}.` }));

  it(`reads a JSON array of exactly ${DEFAULT_MAX_ARTICLES} articles`, async () => {
    const r = await read('a.json', `[${objects(DEFAULT_MAX_ARTICLES).join(',\n')}]`);
    expect(r.rejections).toEqual([]);
    expect(r.articles).toHaveLength(DEFAULT_MAX_ARTICLES);
  });

  it('keeps the first articles of a longer JSON array and says where reading stopped', async () => {
    const r = await read('a.json', `[${objects(DEFAULT_MAX_ARTICLES + 1).join(',\n')}]`);
    expect(r.articles).toHaveLength(DEFAULT_MAX_ARTICLES);
    expect(r.articles.at(-1)?.index).toBe(DEFAULT_MAX_ARTICLES - 1);
    expect(only(r)).toEqual({
      sourceKey: 'a.json',
      reason: 'too-many-articles',
      message:
        'the JSON array holds 1,001 articles, over the limit of 1,000 per file: articles[0] to articles[999] were read, ' +
        'the 1 from articles[1000] (line 1001, column 1) on were not; split the file',
      line: 1001,
      column: 1,
    });
  });

  it(`reads a JSON Lines file of exactly ${DEFAULT_MAX_ARTICLES} lines, blank lines not counted`, async () => {
    const r = await read('a.jsonl', `\n${objects(DEFAULT_MAX_ARTICLES).join('\n\n')}\n\n`);
    expect(r.rejections).toEqual([]);
    expect(r.articles).toHaveLength(DEFAULT_MAX_ARTICLES);
  });

  it('keeps the first lines of a longer JSON Lines file, naming the first line not read', async () => {
    const lines = objects(DEFAULT_MAX_ARTICLES + 3);
    lines.splice(DEFAULT_MAX_ARTICLES, 0, '', '  ');
    const r = await read('a.jsonl', lines.join('\n'));
    expect(r.articles).toHaveLength(DEFAULT_MAX_ARTICLES);
    expect(only(r)).toEqual({
      sourceKey: 'a.jsonl',
      reason: 'too-many-articles',
      message:
        'the file holds 1,003 articles (non-blank lines), over the limit of 1,000 per file: ' +
        'the first 1,000 were read, the 3 from line 1003 on were not; split the file',
      line: 1003,
    });
  });

  it('counts rejected entries too: every entry is an article or a rejection, never dropped', async () => {
    const r = await read('a.jsonl', ['{"text": "One."}', '{', '42', '{"text": "Four."}'].join('\n'), { maxArticles: 3 });
    expect(r.articles.map((a) => a.text)).toEqual(['One.']);
    expect(r.rejections.map((x) => [x.reason, x.line])).toEqual([
      ['malformed-json', 2],
      ['invalid-article', 3],
      ['too-many-articles', 4],
    ]);
  });

  it('is overridable', async () => {
    const r = await read('a.json', `[${objects(3).join(', ')}]`, { maxArticles: 2 });
    expect(r.articles).toHaveLength(2);
    expect(only(r)).toMatchObject({ reason: 'too-many-articles', line: 1, message: expect.stringContaining('the 1 from articles[2]') });
  });
});

describe('line length (line-too-long)', () => {
  const atLimit = 'x'.repeat(DEFAULT_MAX_LINE_CHARS);

  it(`reads a text line of exactly ${DEFAULT_MAX_LINE_CHARS} characters`, async () => {
    const r = await read('a.txt', `date 2022-08-14\n${SENTENCE}\n${atLimit}\n`);
    expect(r.rejections).toEqual([]);
    expect(r.articles).toHaveLength(1);
  });

  it('rejects a .txt article with a longer line, at its line in the file', async () => {
    const r = await read('a.txt', `date 2022-08-14\r\n${SENTENCE}\r\n\r\n${atLimit}y\r\n${SENTENCE}`);
    expect(r.articles).toEqual([]);
    expect(only(r)).toEqual({
      sourceKey: 'a.txt',
      reason: 'line-too-long',
      message: 'line 4 is 100,001 characters long, over the limit of 100,000 per line',
      line: 4,
    });
  });

  it('counts the lines before a seed header, and plain text from line 1', async () => {
    const long = 'x'.repeat(101);
    expect(only(await read('a.txt', `\n\n  date 2022\n${SENTENCE}\n${long}\n${long}`, { maxLineChars: 100 }))).toMatchObject({
      line: 5,
      message: 'line 5 is 101 characters long, over the limit of 100 per line',
    });
    expect(only(await read('a.txt', `${long}\n${SENTENCE}`, { maxLineChars: 100 }))).toMatchObject({ line: 1 });
    expect(only(await read('a.txt', `date 2022 ${long}`, { maxLineChars: 100 }))).toMatchObject({ line: 1 });
  });

  it('applies to the text of a JSON article, rejecting only that article', async () => {
    const long = JSON.stringify({ text: `${SENTENCE}\n${atLimit}y` });
    const r = await read('a.json', `[{"text": "${SENTENCE}"}, ${long}, {"text": "${atLimit}"}]`);
    expect(r.articles.map((a) => a.index)).toEqual([0, 2]);
    expect(only(r)).toEqual({
      sourceKey: 'a.json',
      reason: 'line-too-long',
      message: 'articles[1]: line 2 of the article text is 100,001 characters long, over the limit of 100,000 per line',
    });
  });

  it('applies to the text of a JSON Lines article, at the line of its record', async () => {
    const r = await read('a.jsonl', `{"text": "${SENTENCE}"}\n${JSON.stringify({ text: `${SENTENCE}\n${'x'.repeat(101)}` })}`, { maxLineChars: 100 });
    expect(only(r)).toMatchObject({ reason: 'line-too-long', line: 2, message: 'line 2: line 2 of the article text is 101 characters long, over the limit of 100 per line' });
  });

  it('applies to the text of a web page', async () => {
    const r = await read('a.html', `<html><body><article><p>${SENTENCE}</p><p>${SENTENCE} ${SENTENCE}</p></article></body></html>`, { maxLineChars: 100 });
    expect(only(r)).toMatchObject({ reason: 'line-too-long', message: 'line 3 of the article text is 141 characters long, over the limit of 100 per line' });
  });

  it(`reads a JSON Lines record of exactly ${DEFAULT_MAX_JSONL_LINE_CHARS} characters`, async () => {
    // Text lines of 78 characters, each followed by a \n escape (2 characters of JSON).
    const record = (n: number): string => {
      const head = '{"text": "';
      const room = n - head.length - 2;
      const unit = `${'a'.repeat(78)}\\n`;
      const body = unit.repeat(Math.floor(room / unit.length));
      return `${head}${body}${'b'.repeat(room - body.length)}"}`;
    };
    const ok = record(DEFAULT_MAX_JSONL_LINE_CHARS);
    expect(ok).toHaveLength(DEFAULT_MAX_JSONL_LINE_CHARS);
    expect((await read('a.jsonl', `${ok}\n`)).articles).toHaveLength(1);

    const r = await read('a.jsonl', `{"text": "${SENTENCE}"}\n${record(DEFAULT_MAX_JSONL_LINE_CHARS + 1)}\n{"text": "${SENTENCE}"}`);
    expect(r.articles.map((a) => a.index)).toEqual([0, 2]);
    expect(only(r)).toEqual({
      sourceKey: 'a.jsonl',
      reason: 'line-too-long',
      message:
        'line 2 is 1,000,001 characters long, over the limit of 1,000,000 per JSON Lines record ' +
        '(one article per line; a JSON array belongs in a .json file)',
      line: 2,
    });
  });
});

describe('JSON nesting depth (json-too-deep)', () => {
  // An article object in an array is depth 2; `extra` nests a metadata field further.
  const nested = (depth: number): string => `[{"text": "${SENTENCE}", "meta": ${'['.repeat(depth - 2)}${']'.repeat(depth - 2)}}]`;

  it(`reads JSON nested exactly ${DEFAULT_MAX_JSON_DEPTH} deep`, async () => {
    const r = await read('a.json', nested(DEFAULT_MAX_JSON_DEPTH));
    expect(r.rejections).toEqual([]);
    expect(r.articles).toHaveLength(1);
  });

  it('rejects the whole .json file one level deeper, at the bracket that went past', async () => {
    const json = nested(DEFAULT_MAX_JSON_DEPTH + 1);
    const r = await read('a.json', json);
    expect(r.articles).toEqual([]);
    expect(only(r)).toEqual({
      sourceKey: 'a.json',
      reason: 'json-too-deep',
      message: `JSON nested 65 levels deep, over the limit of 64: level 65 opens at line 1, column ${json.indexOf('[', 90) + 63}`,
      line: 1,
      column: json.indexOf('[', 90) + 63,
    });
  });

  it('rejects only the JSON Lines record that is too deep', async () => {
    const r = await read('a.jsonl', `{"text": "${SENTENCE}"}\n${nested(DEFAULT_MAX_JSON_DEPTH + 1)}\n${nested(DEFAULT_MAX_JSON_DEPTH)}`);
    expect(r.articles.map((a) => a.index)).toEqual([0]);
    expect(r.rejections.map((x) => [x.reason, x.line])).toEqual([
      ['json-too-deep', 2],
      ['invalid-article', 3],
    ]);
    expect(r.rejections[0]?.message).toMatch(/^line 2: JSON nested 65 levels deep, over the limit of 64: level 65 opens at column \d+$/);
  });

  it('reports hostile depth without blowing the stack, whatever the parser would do', async () => {
    for (const json of ['['.repeat(1_000_000), '{"a":'.repeat(200_000), `{"text": "x", "date": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`]) {
      expect(only(await read('a.json', json))).toMatchObject({ reason: 'json-too-deep', line: 1 });
    }
  });

  it('does not count brackets inside strings', async () => {
    const r = await read('a.json', JSON.stringify({ text: `${SENTENCE} [[[[{{{{ \\" [[[ "` }), { maxJsonDepth: 1 });
    expect(r.rejections).toEqual([]);
  });

  it('reports a syntax error that comes before the deep part as malformed JSON', async () => {
    const r = await read('a.json', `{"text" 1, "a": ${'['.repeat(100)}}`);
    expect(only(r)).toMatchObject({ reason: 'malformed-json', line: 1, column: 9 });
  });
});

describe('web page size (html-too-large) and elements (html-too-complex)', () => {
  const page = (filler: string): string => `<html><head><title>T</title></head><body><!--${filler}--><article><p>${SENTENCE}</p></article></body></html>`;
  const sized = (n: number): string => page('x'.repeat(n - page('').length));

  it(`reads a page of exactly ${DEFAULT_MAX_HTML_BYTES} bytes`, async () => {
    const html = sized(DEFAULT_MAX_HTML_BYTES);
    expect(Buffer.byteLength(html)).toBe(DEFAULT_MAX_HTML_BYTES);
    const r = await read('a.html', html);
    expect(r.rejections).toEqual([]);
    expect(r.articles[0]?.text).toBe(SENTENCE);
  });

  it('rejects a page one byte larger before parsing it', async () => {
    expect(only(await read('a.html', sized(DEFAULT_MAX_HTML_BYTES + 1)))).toEqual({
      sourceKey: 'a.html',
      reason: 'html-too-large',
      message: 'the web page is 2,097,153 bytes, over the limit of 2,097,152 bytes for HTML; not parsed',
    });
  });

  it('checks the object size first: the HTML limit only narrows it', async () => {
    expect(only(await read('a.htm', sized(300), { maxBytes: 200, maxHtmlBytes: 100 }))).toMatchObject({ reason: 'too-large' });
  });

  it('reads a page with exactly the allowed number of start tags, and rejects one more', async () => {
    // html, head, title, body, article, p = 6 start tags.
    expect((await read('a.html', page(''), { maxHtmlElements: 6 })).articles).toHaveLength(1);
    expect(only(await read('a.html', `${page('')}<br>`, { maxHtmlElements: 6 }))).toEqual({
      sourceKey: 'a.html',
      reason: 'html-too-complex',
      message: 'the web page has 7 start tags, over the limit of 6 elements; not parsed',
    });
  });

  it('counts a stray </p> or </br>, which the parser turns into an element, not a </p> closing a <p>', async () => {
    // page('') has 6 start tags, its <p> closed by its </p>.
    expect((await read('a.html', `${page('')}<p>x</p>`, { maxHtmlElements: 7 })).articles).toHaveLength(1);
    expect(only(await read('a.html', `${page('')}</p></br>`, { maxHtmlElements: 7 }))).toMatchObject({
      reason: 'html-too-complex',
      message: 'the web page has 8 start tags, over the limit of 7 elements; not parsed',
    });
  });

  it(`rejects ${DEFAULT_MAX_HTML_ELEMENTS + 1} nested tags by default, quickly`, async () => {
    await loadHtmlReader(); // its one-time import is not what is timed
    const started = performance.now();
    const r = await read('a.html', `<p>${SENTENCE}${'<b>'.repeat(DEFAULT_MAX_HTML_ELEMENTS)}`);
    expect(only(r)).toMatchObject({ reason: 'html-too-complex', message: 'the web page has 20,001 start tags, over the limit of 20,000 elements; not parsed' });
    // A hang detector, not a benchmark: parsing these would take seconds.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('does not count tags inside comments, scripts and styles, nor "<" without a tag name', async () => {
    const noise = '<b><i><div>'.repeat(10);
    const html = `<!-- ${noise} --><script>var s = "${noise}</scrip";</SCRIPT ><style>${noise}</style>a < b <3 <>${page('')}`;
    expect((await read('a.html', html, { maxHtmlElements: 8 })).articles).toHaveLength(1);
    expect((await read('a.html', `${html}<!-- unclosed ${noise}`, { maxHtmlElements: 8 })).articles).toHaveLength(1);
    expect(only(await read('a.html', `${html}<script>${noise}`, { maxHtmlElements: 8 }))).toMatchObject({ reason: 'html-too-complex' });
    // "<!-->" is a whole (empty) comment to the parser: what follows is markup.
    expect(only(await read('a.html', `${page('')}<!--><b>x</b><i>y</i>-->`, { maxHtmlElements: 7 }))).toMatchObject({ reason: 'html-too-complex', message: expect.stringContaining('has 8 start tags') });
  });
});

describe('messages stay short, whatever they quote', () => {
  it.each([
    ['an extension', `a.${'x'.repeat(10_000)}`, SENTENCE],
    ['a seed date', 'a.txt', `date 1${'9'.repeat(10_000)}\n${SENTENCE}`],
    ['a JSON date', 'a.json', JSON.stringify({ text: SENTENCE, date: 'y'.repeat(10_000) })],
  ])('%s', async (_what, key, content) => {
    const message = only(await read(key, content))?.message ?? '';
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(message.length).toBeLessThan(200);
  });
});
