import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPartialDate, parsePartialDate } from '../../src/dates/partial-date.js';
import { countStartTags } from '../../src/article/formats/html-bounds.js';
import { loadHtmlReader } from '../../src/article/formats/html.js';
import type { Article, ReadObjectOptions, ReadResult, Rejection } from '../../src/article/index.js';
import {
  DEFAULT_LIMITS,
  MAX_MESSAGE_CHARS,
  REJECTION_REASONS,
  articleId,
  detectLanguage,
  normaliseInline,
  normaliseText,
  readObject,
} from '../../src/article/index.js';

/**
 * Properties of the reader for any input: whatever the bytes, the key and the limits,
 * readObject returns articles and rejections (never throws, never an internal-error),
 * every article keeps the module's guarantees, every entry of a multi-article file is
 * accounted for, output is bounded by input, and no case takes long. Seeds are random;
 * fast-check prints the seed and path of a failing case, and
 *   ENTENTE_FC_SEED=<seed> ENTENTE_FC_PATH=<path> npx vitest run test/article/properties.test.ts -t '<name>'
 * replays it.
 */

// ─── Running and timing ─────────────────────────────────────────────────────────────────

/** A hang detector, not a benchmark: the slowest legitimate case here takes milliseconds. */
const MAX_CASE_MS = 2_000;

const PROPERTIES = 8;
const stats = { properties: 0, cases: 0, slowestMs: 0, slowestKey: '', htmlLibraryFailures: 0 };

afterAll(() => {
  if (process.env['ENTENTE_PROPERTY_STATS'] !== undefined) console.log(stats);
  // Only a full run generates the whole budget (a run filtered with -t does not).
  if (stats.properties < PROPERTIES) return;
  // At least 10,000 generated inputs across the properties below.
  expect(stats.cases).toBeGreaterThanOrEqual(10_000);
  expect(stats.slowestMs).toBeLessThan(MAX_CASE_MS);
  expect(stats.htmlLibraryFailures).toBeLessThan(50);
});

const REPLAY = process.env['ENTENTE_FC_SEED'] === undefined
  ? {}
  : { seed: Number(process.env['ENTENTE_FC_SEED']), ...(process.env['ENTENTE_FC_PATH'] === undefined ? {} : { path: process.env['ENTENTE_FC_PATH'] }) };

/** fc.assert, counting the property as run once it passed. */
async function check<T>(property: fc.IProperty<T> | fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
  await fc.assert(property, { numRuns, ...REPLAY });
  stats.properties++;
}

async function run(key: string, bytes: Uint8Array, options: ReadObjectOptions = {}): Promise<ReadResult> {
  const started = performance.now();
  const result = await readObject(key, bytes, options);
  const ms = performance.now() - started;
  stats.cases++;
  if (ms > stats.slowestMs) {
    stats.slowestMs = ms;
    stats.slowestKey = key;
  }
  ensure(ms < MAX_CASE_MS, `reading took ${ms.toFixed(0)} ms, over ${MAX_CASE_MS}`);
  checkResult(key, bytes, options, result);
  return result;
}

// ─── Invariants of every result ──────────────────────────────────────────────────────────

const FORMATS: Readonly<Record<string, readonly Article['format'][]>> = {
  '.txt': ['seed-text', 'plain-text'],
  '.json': ['json'],
  '.jsonl': ['jsonl'],
  '.ndjson': ['jsonl'],
  '.html': ['html'],
  '.htm': ['html'],
};
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Controls normalisation removes; "\n" is the only one an article keeps.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
const INVISIBLE = /[\u200B\u200C\u2060\uFEFF\u00AD\u180E\u2028\u2029]|\u200D/;

function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Name of the last path segment, lower-cased extension, as a person reads a file name. */
function expectedExtension(key: string): string | undefined {
  const name = key.slice(key.lastIndexOf('/') + 1).toLowerCase();
  return Object.keys(FORMATS).find((ext) => name.endsWith(ext) && name.length > ext.length);
}

function countLines(bytes: Uint8Array): number {
  let n = 1;
  for (const b of bytes) if (b === 0x0a || b === 0x0d) n++;
  return n;
}

/**
 * The invariants run about forty checks on each of ten thousand cases: a plain throw keeps
 * them cheap (vitest's expect costs ~20 µs a call here), and fast-check reports the input.
 */
function ensure(condition: boolean, what: string, value?: unknown): void {
  if (!condition) throw new Error(`${what}${value === undefined ? '' : `: ${JSON.stringify(value)}`}`);
}

const REASONS: ReadonlySet<string> = new Set(REJECTION_REASONS);

function checkRejection(key: string, bytes: Uint8Array, r: Rejection): void {
  ensure(r.reason !== 'internal-error', 'an internal error', r.message);
  ensure(REASONS.has(r.reason), 'an unknown reason', r.reason);
  ensure(r.sourceKey === key, 'the rejection names another key', r.sourceKey);
  ensure(typeof r.message === 'string' && r.message.length > 0, 'an empty message');
  ensure(r.message.length <= MAX_MESSAGE_CHARS, 'a message over the cap', r.message.length);
  ensure(!isWellFormed(key) || isWellFormed(r.message), 'a message with a lone surrogate', r.message);
  for (const v of [r.line, r.column]) ensure(v === undefined || (Number.isInteger(v) && v >= 1), 'a line or column that is not a positive integer', r);
  ensure(r.line === undefined || r.line <= countLines(bytes), 'a line past the end of the file', r.line);
}

function checkArticle(key: string, a: Article, limits: typeof DEFAULT_LIMITS): void {
  const ext = expectedExtension(key);
  ensure(ext !== undefined && (FORMATS[ext] ?? []).includes(a.format), 'a format that is not the extension\'s', [key, a.format]);
  ensure(a.sourceKey === key, 'the article names another key', a.sourceKey);
  ensure(Number.isInteger(a.index) && a.index >= 0, 'an index that is not a natural number', a.index);

  // The text: normalised, a fixed point of normalisation, writable as UTF-8 unchanged.
  const { text } = a;
  ensure(typeof text === 'string' && text.length > 0, 'an empty text');
  ensure(text === text.normalize('NFC'), 'a text not in NFC', text);
  ensure(normaliseText(text) === text, 'a text that normalising changes', text);
  ensure(isWellFormed(text), 'a text with a lone surrogate', text);
  ensure(text === text.trim(), 'a text with white space around it', text);
  ensure(!CONTROL.test(text) && !INVISIBLE.test(text), 'a text with a control or invisible character', text);
  ensure(!/\r|\n{3}|[ \t]\n|\n[ \t]| {2}|\t/.test(text), 'a text with unfolded white space', text);
  // A line read within the limit can grow only by NFC's longest expansion (one code point to three).
  for (const line of text.split('\n')) ensure(line.length <= 3 * limits.maxLineChars, 'a line over the limit', line.length);

  // Ids derive from the content, as documented.
  ensure(a.sha256 === sha256(text), 'sha256 is not the hash of the text', a.sha256);
  ensure(/^art-[0-9a-f]{16}$/.test(a.id), 'a malformed id', a.id);
  const published = a.published === undefined ? '' : formatPartialDate(a.published);
  ensure(a.id === articleId(published, a.language, text), 'an id not derived from date, language and text', a.id);

  ensure(a.language === 'und' || /^[a-z]{2}$/.test(a.language), 'a language that is not ISO 639-1', a.language);
  ensure(a.languageSource === 'detected' || (a.languageSource === 'metadata' && a.language !== 'und'), 'a language source that does not fit', [a.language, a.languageSource]);

  if (a.title !== undefined) {
    ensure(a.title.length > 0 && normaliseInline(a.title) === a.title, 'a title not normalised to one line', a.title);
    ensure(isWellFormed(a.title), 'a title with a lone surrogate', a.title);
  }
  if (a.url !== undefined) {
    ensure(a.url.length > 0 && isWellFormed(a.url), 'an empty or ill-formed url', a.url);
    ensure(a.format !== 'html' || /^https?:\/\//.test(a.url), 'a page url that is not http(s)', a.url);
  }
  if (a.published !== undefined) {
    // A real calendar date at its own precision (ISO 8601: a four-digit year).
    const { year, month, day } = a.published;
    const iso = [String(year).padStart(4, '0'), ...[month, day].filter((n) => n !== undefined).map((n) => String(n).padStart(2, '0'))].join('-');
    const back = parsePartialDate(iso);
    ensure(back !== undefined && back.year === year && back.month === month && back.day === day, 'a publication date that is not a calendar date', a.published);
  }
}

function checkResult(key: string, bytes: Uint8Array, options: ReadObjectOptions, result: ReadResult): void {
  const limits = { ...DEFAULT_LIMITS, ...options };
  ensure(Array.isArray(result.articles) && Array.isArray(result.rejections), 'not a ReadResult', result);
  // Something is always said about an object: an article or why there is none.
  ensure(result.articles.length + result.rejections.length > 0, 'nothing said about the object');
  for (const r of result.rejections) checkRejection(key, bytes, r);
  for (const a of result.articles) checkArticle(key, a, limits);

  // Bounded by the input: no more entries than the limit allows (plus the one saying so),
  // indices distinct, and no more text than the bytes can spell (a 4-byte code point can
  // normalise to six UTF-16 units: 1.5 per byte). A web page gets 5 per byte: the HTML
  // reader re-escapes the raw text of <xmp> and the like ("&" → "&amp;"; reported to its owner).
  ensure(result.articles.length <= limits.maxArticles, 'more articles than the limit', result.articles.length);
  ensure(result.articles.length + result.rejections.length <= limits.maxArticles + 1, 'more entries than the limit allows');
  ensure(new Set(result.articles.map((a) => a.index)).size === result.articles.length, 'two articles with one index');
  const textUnits = result.articles.reduce((n, a) => n + a.text.length, 0);
  const html = result.articles.some((a) => a.format === 'html');
  ensure(textUnits <= (html ? 5 : 1.5) * bytes.length, 'more text than the input can spell', [textUnits, bytes.length]);
  const unknown = result.rejections.filter((r) => r.reason === 'unknown-extension').length;
  if (expectedExtension(key) === undefined) {
    ensure(unknown === 1 && result.rejections.length === 1 && result.articles.length === 0, 'an unknown extension not rejected alone', key);
  } else {
    ensure(unknown === 0, 'an accepted extension rejected', key);
  }
}

// ─── Generators ──────────────────────────────────────────────────────────────────────────

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

/** Characters that have broken text handling somewhere: separators, marks, quotes, controls, expansions. */
const TRICKY = [
  ' ', '\t', '\n', '\r', '\r\n', '\f', '\v', '\u0085', '\u2028', '\u2029', '\u00A0', '\u202F', '\u3000', '\u200B',
  '\u200D', '\uFEFF', '\u00AD', '\u0000', '\u001B', '\u007F', '\u0301', '\u0308', 'e\u0301', '\u2019', '\u00AB ', ' \u00BB',
  '\u201C', '\u2013', '\u2011', '\u202E', '\u{1F600}', '\u{1D160}', '\u0958', '\uFB2C', '\u0130', '\uFB01', '"', "'", '\\',
  '<', '>', '&', '{', '}', '[', ']', ',', ':', '.', 'date ', '2022', '-', '/', '#', ';',
  // An invisible character or a control between a letter and its accent.
  'e\u200B\u0301', 'K\u0000\u0301', 'a\u00AD\u0308', 'o\u001B\u0303',
];
const WORDS = [
  'Le', 'ministre', 'des', 'Affaires', 'étrangères', 'algérien', 'est', 'arrivé', 'à', 'Bakou', 'pour', 'une', 'visite',
  'officielle.', 'The', 'foreign', 'minister', 'of', 'Algeria', 'met', 'his', 'Azerbaijani', 'counterpart', 'in', 'Baku',
  'on', 'Sunday.', 'Die', 'Außenminister', 'trafen', 'sich', 'y', 'el', 'acuerdo', 'fue', 'firmado', '協定', 'подписали',
];
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const nastyChar = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: loneSurrogate },
);
const nasty = (maxLength: number): fc.Arbitrary<string> => fc.string({ unit: nastyChar, maxLength });
const prose = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 60 }).map((w) => w.join(' '));
const someText = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof({ weight: 3, arbitrary: nasty(maxLength) }, { weight: 2, arbitrary: prose });

const dateLike = fc.oneof(
  fc.constantFrom('2022', '2022-08', '2022-08-14', '2022-02-29', '2024-02-29', '2022-13', '0000', '9999-12-31', '2022-08-14T23:30:00+02:00', '14/08/2022', 'yesterday', ''),
  fc.tuple(fc.integer({ min: -1, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
  nasty(12),
);
const languageLike = fc.oneof(fc.constantFrom('fr', 'en', 'FR-fr', 'en_GB', 'fra', 'eng', 'x-default', '', 'zz', 'und', 'français'), nasty(6));
const jsonStringUnit = nastyChar;
const anyJson = (maxDepth: number): fc.Arbitrary<unknown> => fc.jsonValue({ maxDepth, stringUnit: jsonStringUnit });

/** An object shaped more or less like an article: every field optional, any may have the wrong type. */
const articleLike: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    text: fc.oneof({ weight: 4, arbitrary: someText(120) }, anyJson(2), fc.constant(null)),
    body: fc.oneof(someText(60), anyJson(1)),
    title: fc.oneof({ weight: 3, arbitrary: nasty(40) }, anyJson(1)),
    published: fc.oneof({ weight: 3, arbitrary: dateLike }, fc.integer({ min: -5, max: 12_000 }), anyJson(1)),
    date: fc.oneof(dateLike, anyJson(1)),
    url: fc.oneof(fc.webUrl(), nasty(30), anyJson(1)),
    language: fc.oneof({ weight: 3, arbitrary: languageLike }, anyJson(1)),
    lang: languageLike,
    id: anyJson(1),
    extra: anyJson(3),
  },
  { requiredKeys: [] },
);
const jsonElement = fc.oneof({ weight: 4, arbitrary: articleLike }, { weight: 1, arbitrary: anyJson(3) });

/** Limits small enough that generated inputs cross them. */
const smallLimits: fc.Arbitrary<ReadObjectOptions> = fc.record(
  {
    maxArticles: fc.integer({ min: 1, max: 6 }),
    maxLineChars: fc.integer({ min: 1, max: 200 }),
    maxJsonlLineChars: fc.integer({ min: 1, max: 400 }),
    maxJsonDepth: fc.integer({ min: 1, max: 6 }),
    maxHtmlBytes: fc.integer({ min: 1, max: 2_000 }),
    maxHtmlElements: fc.integer({ min: 1, max: 40 }),
    maxBytes: fc.integer({ min: 1, max: 4_000 }),
  },
  { requiredKeys: [] },
);
const limitsOrDefault = fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: smallLimits });

const EXTENSIONS = ['.txt', '.json', '.jsonl', '.ndjson', '.html', '.htm', '.TXT', '.Json', '.HTM'];
const acceptedKey = fc.tuple(fc.constantFrom('', 'in/', 'a b/é/'), fc.constantFrom(...EXTENSIONS)).map(([dir, ext]) => `${dir}article${ext}`);
/** Any key at all: path segments of any code points, odd dots, extensions of any length and case. */
const anyKey = fc
  .tuple(
    fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 3 }),
    fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constant('.')), maxLength: 10 }),
    fc.oneof(
      fc.constantFrom(...EXTENSIONS, '', '.', '..', '.pdf', '.txt.', '.tar.gz', '.txt/', '.jsonl ', '.ht', '/.txt'),
      fc.string({ unit: 'binary', maxLength: 600 }).map((s) => `.${s}`),
    ),
  )
  .map(([dirs, name, ext]) => [...dirs, `${name}${ext}`].join('/'));

// ─── HTML ────────────────────────────────────────────────────────────────────────────────

const TAGS = [
  'div', 'p', 'span', 'b', 'i', 'a', 'article', 'main', 'section', 'header', 'footer', 'nav', 'aside', 'h1', 'h2', 'ul',
  'ol', 'li', 'table', 'tr', 'td', 'th', 'pre', 'code', 'br', 'hr', 'img', 'script', 'style', 'noscript', 'template',
  'svg', 'iframe', 'title', 'meta', 'link', 'head', 'body', 'html', 'form', 'textarea', 'select', 'option', 'blockquote',
  'figure', 'time', 'font', 'x-custom', 'math', 'plaintext', 'xmp', 'DiV', 'BODY', 'p:x',
];
const ENTITIES = [
  '&amp;', '&lt;', '&gt;', '&nbsp;', '&nbsp', '&#0;', '&#x0;', '&#xD800;', '&#xDFFF;', '&#1114112;', '&#x110000;',
  '&#99999999999999;', '&NotEqualTilde;', '&bogus;', '&', '&#', '&#x;', '&eacute;', '&#8233;', '&#x2028;', '&#x1D160;',
  '&#65279;', '&raquo;', '&rsquo;',
];
const ATTRS = ['class', 'id', 'lang', 'content', 'property', 'name', 'href', 'rel', 'itemprop', 'datetime', 'http-equiv', 'type', 'style', 'onload', 'pubdate', 'data-x'];
const attrValue = fc.oneof(
  { weight: 4, arbitrary: nasty(20) },
  { weight: 2, arbitrary: fc.constantFrom('og:title', 'og:url', 'article:published_time', 'canonical', 'application/ld+json', 'datePublished', 'fr-FR', 'en', 'x-default', 'https://example.org/a', '/relative', 'javascript:alert(1)') },
  { weight: 2, arbitrary: dateLike },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 30_000 }).map((n) => 'x'.repeat(n)) },
);
const attribute = fc
  .tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ATTRS) }, fc.string({ unit: 'grapheme-ascii', maxLength: 6 })), attrValue, fc.constantFrom('"', "'", '', 'unterminated'))
  .map(([name, value, q]) => (q === 'unterminated' ? ` ${name}="${value}` : ` ${name}=${q}${q === '' ? value.replace(/[\s>]/g, '') : value.replaceAll(q, '')}${q}`));
const htmlText = fc.oneof(
  { weight: 3, arbitrary: prose },
  { weight: 3, arbitrary: nasty(40) },
  { weight: 2, arbitrary: fc.constantFrom(...ENTITIES) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('<!-- c -->', '<!-- unclosed', '<![CDATA[ x ]]>', '<!DOCTYPE html>', '<?xml version="1.0"?>', '</div>', '</p>', '</>', '<', '>', '<<', '< p>', '<p', '<!---->', '<!--->', '--!>'),
  },
);
const jsonLd = fc
  .oneof(
    fc.record({ '@type': fc.constantFrom('NewsArticle', 'Article', 'WebPage'), headline: nasty(20), datePublished: dateLike, inLanguage: fc.oneof(languageLike, anyJson(1)) }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
    anyJson(3).map((v) => JSON.stringify(v)),
    nasty(30),
  )
  .map((json) => `<script type="application/ld+json">${json}</script>`);

const { node: htmlNode } = fc.letrec<{ node: string; element: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: htmlText },
    { weight: 2, arbitrary: tie('element') },
    { weight: 1, arbitrary: jsonLd },
  ),
  element: fc
    .tuple(
      fc.constantFrom(...TAGS),
      fc.array(attribute, { maxLength: 3 }),
      fc.array(tie('node'), { maxLength: 5 }),
      fc.constantFrom('close', 'close', 'open', 'wrong', 'self'),
    )
    .map(([tag, attrs, children, end]) => {
      const open = `<${tag}${attrs.join('')}${end === 'self' ? ' /' : ''}>`;
      const close = end === 'close' ? `</${tag}>` : end === 'wrong' ? '</span>' : '';
      return `${open}${children.join('')}${close}`;
    }),
}));
/** A tree nested `depth` deep in one tag, closed or not: readability's cost is in the depth. */
const deepHtml = fc
  .tuple(fc.constantFrom('div', 'b', 'p', 'li', 'td', 'span', 'section'), fc.integer({ min: 1, max: 150 }), htmlNode, fc.boolean())
  .map(([tag, depth, inner, closed]) => `<${tag}>`.repeat(depth) + inner + (closed ? `</${tag}>`.repeat(depth) : ''));
const metaTag = fc
  .tuple(fc.constantFrom('og:title', 'og:url', 'article:published_time', 'og:locale'), attrValue)
  .map(([p, v]) => `<meta property="${p}" content="${v.replaceAll('"', '')}">`);
const htmlPage = fc.oneof(
  { weight: 3, arbitrary: fc.array(htmlNode, { maxLength: 6 }).map((nodes) => nodes.join('')) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.option(languageLike), fc.array(fc.oneof(metaTag, jsonLd, htmlNode), { maxLength: 4 }), fc.array(fc.oneof({ weight: 3, arbitrary: htmlNode }, { weight: 1, arbitrary: deepHtml }), { maxLength: 5 }))
      .map(([lang, head, body]) => `<!DOCTYPE html><html${lang === null ? '' : ` lang="${lang.replaceAll('"', '')}"`}><head>${head.join('')}</head><body>${body.join('')}</body></html>`),
  },
  { weight: 1, arbitrary: deepHtml },
);

// ─── Properties ──────────────────────────────────────────────────────────────────────────

/** Reasons a whole file gets before or instead of its entries. */
const FILE_REASONS = new Set(['too-large', 'unknown-extension', 'empty', 'binary', 'invalid-utf8', 'html-too-large', 'html-too-complex', 'json-too-deep', 'malformed-json']);

describe('readObject on any input', () => {
  // The reader's heavy parts are imported on first use (see readObject): done here, so that
  // no case's time includes a one-time import. The HTML reader, and eld's model by a text
  // too short to be told French or English from its function words.
  beforeAll(async () => {
    await loadHtmlReader();
    await detectLanguage('Die Außenminister trafen sich in Baku.');
  });

  it('any bytes, any accepted extension: articles or rejections with a reason', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      nasty(400).map(utf8),
      fc.tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], []), someText(200)).map(([head, s]) => new Uint8Array([...head, ...utf8(s)])),
      // Valid UTF-8 with a few bytes overwritten: the invalid sequence lands anywhere.
      fc.tuple(someText(200), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { minLength: 1, maxLength: 3 })).map(([s, hits]) => {
        const b = utf8(s);
        for (const [at, byte] of hits) if (b.length > 0) b[at % b.length] = byte;
        return b;
      }),
    );
    await check(
      fc.asyncProperty(acceptedKey, bytes, limitsOrDefault, async (key, input, options) => {
        await run(key, input, options);
      }),
      2_500,
    );
  });

  it('any key: an unknown extension is named (briefly), an accepted one is read', async () => {
    const content = utf8(JSON.stringify({ text: 'The ministers met in Baku.', language: 'en' }));
    await check(
      fc.asyncProperty(anyKey, async (key) => {
        const r = await run(key, content);
        if (expectedExtension(key) !== undefined) expect(r.articles).toHaveLength(1);
      }),
      3_200,
    );
  });

  it('any .txt: the body after a valid date header is the article, normalised; nothing else is dropped', async () => {
    const TERMINATORS = ['\n', '\r\n', '\r', ' ', '\t'];
    const header = fc.record({
      lead: fc.constantFrom('', ' ', '\n\n', '\r\n \t'),
      word: fc.constantFrom('date', 'DATE', 'Date', 'dates', ''),
      gap: fc.constantFrom(' ', '\t', '  ', ''),
      date: dateLike,
      end: fc.constantFrom(...TERMINATORS, '', '\v'),
    });
    await check(
      fc.asyncProperty(fc.option(header), someText(300), limitsOrDefault, async (head, body, options) => {
        const raw = head === null ? body : `${head.lead}${head.word}${head.gap}${head.date}${head.end}${body}`;
        const r = await run('a.txt', utf8(raw), options);
        expect(r.articles.length + r.rejections.length).toBe(1);
        const article = r.articles[0];
        const text = raw.replace(/^\uFEFF/, '');
        const limits = { ...DEFAULT_LIMITS, ...options };
        if (head === null && !/^\s*date[ \t]+\d/i.test(text) && !['too-large', 'binary', 'empty'].includes(r.rejections[0]?.reason ?? '')) {
          // Plain text is the file itself: its first line over the limit is named, or none is.
          const long = text.split(/\r\n|\r|\n/).findIndex((line) => line.length > limits.maxLineChars);
          if (long === -1) expect(r.rejections[0]?.reason).not.toBe('line-too-long');
          else expect(r.rejections[0]).toMatchObject({ reason: 'line-too-long', line: long + 1 });
        }
        if (article?.format === 'plain-text') {
          expect(article.published).toBeUndefined();
          expect(article.text).toBe(normaliseText(raw.replace(/^\uFEFF/, '')));
        }
        if (article?.format === 'seed-text') {
          expect(head).not.toBeNull();
          if (head === null) return;
          expect(head.word.toLowerCase()).toBe('date');
          // A header this test wrote whole: its date, kept at its precision, and the body after it.
          if (/^\d\S*$/.test(head.date) && head.gap !== '' && TERMINATORS.includes(head.end)) {
            expect(article.published).toEqual(parsePartialDate(head.date));
            expect(article.text).toBe(normaliseText(body));
          }
        }
      }),
      1_200,
    );
  });

  it('any JSON value as .json: every element of an array is an article or a rejection, in order', async () => {
    const document = fc.tuple(
      fc.oneof({ weight: 3, arbitrary: fc.array(jsonElement, { maxLength: 5 }) }, { weight: 1, arbitrary: jsonElement }),
      fc.constantFrom(0, 1, 2, '\t'),
      fc.integer({ min: 0, max: 80 }),
      limitsOrDefault,
    );
    await check(
      fc.asyncProperty(document, async ([value, indent, wrap, options]) => {
        const json = '['.repeat(wrap) + JSON.stringify(value, null, indent) + ']'.repeat(wrap);
        const parsed = JSON.parse(json) as unknown;
        const r = await run('a.json', utf8(json), options);
        const limits = { ...DEFAULT_LIMITS, ...options };
        const first = r.rejections[0]?.reason ?? '';
        // An element's own rejection names it ("articles[3]: …"); the file's does not.
        if (FILE_REASONS.has(first) && !r.rejections[0]?.message.startsWith('articles[')) {
          expect(r.articles).toEqual([]);
          expect(r.rejections).toHaveLength(1);
          // Size, emptiness and binary content come first; then depth, before anything is parsed.
          if (!['too-large', 'binary', 'empty'].includes(first)) {
            expect(first).toBe(depthOf(parsed) > limits.maxJsonDepth ? 'json-too-deep' : 'empty');
          }
          return;
        }
        expect(depthOf(parsed)).toBeLessThanOrEqual(limits.maxJsonDepth);
        expect(Buffer.byteLength(json)).toBeLessThanOrEqual(limits.maxBytes);
        if (wrap > 0 || !Array.isArray(value)) {
          // A single value, or an array holding one wrapped value: one entry.
          expect(r.articles.length + r.rejections.length).toBe(1);
          return;
        }
        const elements: unknown[] = value;
        checkEntries(r, elements, limits.maxArticles, (x) => Number(/^articles\[(\d+)\]: /.exec(x.message)?.[1]));
      }),
      1_600,
    );
  });

  it('any JSON values as .jsonl: every non-blank line is an article or a rejection at its line', async () => {
    // Blank lines (spaces and tabs) are skipped; lines of other white space are not JSON.
    const lines = fc.array(fc.tuple(jsonElement, fc.constantFrom('', '', '', '\n', '  \n', '\r\n', '\t\n', '\u2028\n', '\u00A0\n', '\uFEFF\n')), { maxLength: 5 });
    await check(
      fc.asyncProperty(lines, fc.constantFrom('\n', '\r\n', '\r'), limitsOrDefault, async (entries, eol, options) => {
        const text = entries.map(([value, blank]) => `${blank}${JSON.stringify(value)}`).join(eol);
        const r = await run('a.ndjson', utf8(text), options);
        const limits = { ...DEFAULT_LIMITS, ...options };
        // Malformed or too deep is a line's problem in JSON Lines, not the file's.
        if (r.rejections.some((x) => ['too-large', 'binary', 'invalid-utf8'].includes(x.reason) || (x.reason === 'empty' && x.line === undefined))) {
          expect(r.articles).toEqual([]);
          return;
        }
        // Physical lines, as the reader numbers them (after the decoder drops a leading BOM).
        const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
        const values: unknown[] = [];
        const lineOf: number[] = [];
        physical.forEach((l, i) => {
          if (/^[ \t]*$/.test(l)) return;
          values.push(parseOr(l, NOT_JSON));
          lineOf.push(i + 1);
        });
        for (const a of r.articles) expect(lineOf).toContain(a.index + 1);
        checkEntries(r, values, limits.maxArticles, (x) => lineOf.indexOf(x.line ?? -1), (a) => lineOf.indexOf(a.index + 1));
      }),
      1_000,
    );
  });

  it('any HTML-ish text: one article or one rejection, within the time a page deserves', async () => {
    const options = fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: smallLimits });
    await check(
      fc.asyncProperty(fc.constantFrom('page.html', 'page.HTM'), htmlPage, options, async (key, html, opts) => {
        const bytes = utf8(html);
        const r = await run(key, bytes, opts);
        const limits = { ...DEFAULT_LIMITS, ...opts };
        expect(r.articles.length + r.rejections.length).toBe(1);
        const reason = r.rejections[0]?.reason;
        // The HTML limits, checked on what the test can count itself: bytes exactly, and
        // "<" + letter (or "</p", "</br") as an upper bound of the elements counted.
        if (bytes.length <= limits.maxBytes && !['binary', 'empty', 'invalid-utf8'].includes(reason ?? '')) {
          expect(reason === 'html-too-large').toBe(bytes.length > limits.maxHtmlBytes);
        }
        if ((html.match(/<[a-zA-Z]|<\/(?:p|br)(?![^\s/>])/gi) ?? []).length <= limits.maxHtmlElements) expect(reason).not.toBe('html-too-complex');
        // The DOM library failing on a page is the page's problem by design (invalid-article);
        // counted, so a change that makes it common shows.
        if (r.rejections[0]?.message.startsWith('could not read the HTML content')) stats.htmlLibraryFailures++;
      }),
      700,
    );
  });

  it('counts elements as the DOM library builds them: at least half, exactly on tidy pages', async () => {
    await check(
      fc.property(htmlPage, (html) => {
        // The HTML reader wraps a fragment in html, head and body: three elements of its own.
        const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`) as unknown as {
          document: { querySelectorAll(selector: string): { length: number } };
        };
        const built = document.querySelectorAll('*').length;
        const counted = countStartTags(html);
        ensure(2 * counted + 3 >= built, 'fewer than half the elements built counted', [counted, built]);
        // A "</p>" left stray by another tag is the only element the count can miss.
        if (!/<\/p/i.test(html)) ensure(counted + 3 >= built, 'fewer elements counted than built', [counted, built]);
      }),
      400,
    );
  });

  it('is deterministic: the same bytes and key give the same result', async () => {
    const input = fc.oneof(
      fc.tuple(fc.constant('a.html'), htmlPage),
      fc.tuple(fc.constant('a.json'), fc.array(jsonElement, { maxLength: 4 }).map((v) => JSON.stringify(v))),
      fc.tuple(fc.constant('a.txt'), someText(200)),
    );
    await check(
      fc.asyncProperty(input, async ([key, text]) => {
        const bytes = utf8(text);
        expect(await readObject(key, bytes)).toEqual(await run(key, bytes));
      }),
      150,
    );
  });
});

/**
 * The entries of a JSON array or JSON Lines file: up to maxArticles of them, each exactly
 * once as an article or a rejection in file order, then one too-many-articles rejection
 * when there were more. An element that is an object with a usable `text` and nothing
 * else is an article with that text, normalised.
 */
function checkEntries(
  r: ReadResult,
  elements: readonly unknown[],
  maxArticles: number,
  rejectionEntry: (x: Rejection) => number,
  articleEntry: (a: Article) => number = (a) => a.index,
): void {
  const kept = Math.min(elements.length, maxArticles);
  const tooMany = r.rejections.filter((x) => x.reason === 'too-many-articles');
  expect(tooMany).toHaveLength(elements.length > maxArticles ? 1 : 0);
  const perEntry = r.rejections.filter((x) => x.reason !== 'too-many-articles');
  const seen = [...r.articles.map(articleEntry), ...perEntry.map(rejectionEntry)].sort((a, b) => a - b);
  expect(seen).toEqual(Array.from({ length: kept }, (_, i) => i));

  for (const a of r.articles) {
    const element = elements[articleEntry(a)];
    expect(typeof element === 'object' && element !== null && !Array.isArray(element)).toBe(true);
  }
  elements.slice(0, kept).forEach((element, i) => {
    if (!isPlainArticle(element)) return;
    const text = normaliseText(element.text);
    const article = r.articles.find((a) => articleEntry(a) === i);
    if (text === '') expect(article).toBeUndefined();
    else if (article !== undefined) expect(article.text).toBe(text);
    else expect(perEntry.find((x) => rejectionEntry(x) === i)?.reason).toBe('line-too-long');
  });
}

const NOT_JSON = Symbol('not JSON');

function parseOr(text: string, otherwise: unknown): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return otherwise;
  }
}

function isPlainArticle(v: unknown): v is { text: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { text?: unknown }).text === 'string';
}

/** Nesting depth of a parsed JSON value (generated values are shallow enough to recurse). */
function depthOf(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  const children = Array.isArray(v) ? v : Object.values(v);
  return 1 + children.reduce<number>((m, c) => Math.max(m, depthOf(c)), 0);
}
