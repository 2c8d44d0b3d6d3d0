import { describe, expect, it } from 'vitest';
import { readObject } from '../../src/article/index.js';
import { bytes } from './support.js';

const KEYS = ['x.txt', 'x.json', 'x.jsonl', 'x.html', 'x.htm', 'x.ndjson', 'x.bin'];

// Hand-picked inputs that have broken readers before: deep nesting, lone surrogates in
// escapes, prototype keys, odd markup, huge single lines.
const NASTY: readonly (readonly [string, Uint8Array])[] = [
  ['deeply nested arrays', bytes('['.repeat(100_000) + ']'.repeat(100_000))],
  ['deeply nested unclosed', bytes('{"a":'.repeat(50_000))],
  ['deeply nested markup', bytes('<div>'.repeat(20_000) + 'text' + '</div>'.repeat(20_000))],
  ['lone surrogate escape', bytes('{"text": "\\ud800 hello"}')],
  ['prototype keys', bytes('{"__proto__": {"text": "polluted"}, "constructor": 1}')],
  ['text is an object', bytes('{"text": {"toString": "x"}}')],
  ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
  ['a lone continuation byte', new Uint8Array([0x80])],
  ['overlong slash', new Uint8Array([0xc0, 0xaf])],
  ['unclosed tags and comments', bytes('<html><body><p>Unclosed <b>bold <!-- comment')],
  ['CDATA and doctype soup', bytes('<!DOCTYPE x [<!ENTITY a "b">]><![CDATA[ ]]><p>&a;&#xFFFFFF;&#0;</p>')],
  ['script only', bytes('<script>while(true){}</script>')],
  ['broken JSON-LD', bytes('<html><head><script type="application/ld+json">{"@graph": [</script></head><body><p>Body text.</p></body></html>')],
  ['a date header and nothing else', bytes('date 2022')],
  ['header words only', bytes('date')],
  ['one huge line', bytes('a'.repeat(1_000_000))],
  ['random printable noise', bytes('}{][":,\\\n\r\t'.repeat(1000))],
  ['JSONL of scalars', bytes('1\ntrue\nnull\n"s"\n[]\n{}')],
];

describe('never throws', () => {
  it.each(NASTY)('%s', async (_name, input) => {
    for (const key of KEYS) {
      const result = await readObject(key, input);
      expect(Array.isArray(result.articles)).toBe(true);
      expect(Array.isArray(result.rejections)).toBe(true);
      for (const r of result.rejections) {
        expect(r.sourceKey).toBe(key);
        expect(r.message.length).toBeGreaterThan(0);
        expect(r.message.length).toBeLessThan(500);
      }
    }
  });

  it('a handful of seeded pseudo-random byte strings', async () => {
    // A fixed LCG so the bytes are the same on every run.
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 50; n++) {
      const buf = new Uint8Array(1 + (next() % 300));
      for (let i = 0; i < buf.length; i++) buf[i] = next() % 256;
      for (const key of KEYS) {
        const r = await readObject(key, buf);
        expect(r.articles.length + r.rejections.length).toBeGreaterThan(0);
      }
    }
  });

  it('does not pollute Object.prototype', async () => {
    await readObject('x.json', bytes('{"__proto__": {"polluted": true}, "text": "Fine text."}'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
