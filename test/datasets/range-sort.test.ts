import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SortedFrames } from '../../src/datasets/range-sort.js';
import { RangeSort } from '../../src/datasets/range-sort.js';
import { Spill } from '../../src/datasets/spill.js';

/** The frames read back, decoded as they were given. */
const decoded = (frames: SortedFrames): string[][] =>
  Array.from({ length: frames.length }, (_, i) => {
    const bounds = new Int32Array(8);
    const count = frames.bounds(i, bounds);
    const data = frames.bytesOf(i);
    return [frames.keys[i] as string, ...Array.from({ length: count }, (_, f) => data.toString('utf8', bounds[f], bounds[f + 1]))];
  });

const scratch = (): Spill => new Spill({ parent: mkdtempSync(path.join(tmpdir(), 'entente-range-sort-')), bufferBytes: 64 });

/** What the sort must give: frames by key (UTF-16 order, as `<` compares), equal keys in the order added. */
const reference = (frames: readonly string[][]): string[][] =>
  frames
    .map((frame, n) => ({ frame, n }))
    .sort((a, b) => ((a.frame[0] as string) < (b.frame[0] as string) ? -1 : (a.frame[0] as string) > (b.frame[0] as string) ? 1 : a.n - b.n))
    .map((x) => x.frame);

// Keys like the publisher's: a shared lead, hex, separators; and any text at all.
const key = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'r', 't', '-', '0', '1', 'f', '\u0001', ';'), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constant(''),
);
// Fields hold what CSV and JSON-LD text can: line breaks, commas, semicolons, digits, any character.
const field = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '12,3;', '\r\n', 'é"\n,;'));
const frames = fc.array(fc.tuple(key, fc.array(field, { minLength: 0, maxLength: 4 })).map(([k, fields]) => [k, ...fields]), { maxLength: 120 });

describe('RangeSort', () => {
  it('gives every frame back by key, equal keys in the order added, whatever the bucket sizes', () => {
    fc.assert(
      fc.property(frames, fc.integer({ min: 1, max: 3 }), fc.constantFrom(10, 200, 1_000_000), (input, prefixChars, maxBucketBytes) => {
        const spill = scratch();
        try {
          const sort = new RangeSort(spill, 'rs', { prefixChars, maxBucketBytes });
          for (const [k, ...fields] of input) sort.add(k as string, fields);
          expect(sort.size).toBe(input.length);
          // Each batch decoded before the next is read: they share the buffers they are read into.
          expect(Array.from(sort.sorted(), decoded).flat()).toEqual(reference(input));
        } finally {
          spill.dispose();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('splits a bucket that outgrows its limit by longer prefixes, so keys sharing a long lead still sort in pieces', () => {
    const spill = scratch();
    const sort = new RangeSort(spill, 'rs', { prefixChars: 2, maxBucketBytes: 2_000 });
    // Every key starts "art-0000…": one bucket at two characters, forty-odd at the end.
    const input = Array.from({ length: 400 }, (_, n) => [`art-${((n * 7919) % 400).toString(16).padStart(8, '0')}`, 'x'.repeat(40)]);
    for (const [k, ...fields] of input) sort.add(k as string, fields);
    const batches = Array.from(sort.sorted(), decoded);
    expect(batches.length).toBeGreaterThan(10);
    for (const batch of batches) expect(batch.reduce((n, f) => n + f.join('').length, 0)).toBeLessThan(2_000);
    expect(batches.flat()).toEqual(reference(input));
    spill.dispose();
  });

  it('reads the sorts of several threads together in one key order, whether restored from their state or not, all prefixes or a share at a time', () => {
    fc.assert(
      fc.property(frames, fc.integer({ min: 1, max: 4 }), fc.constantFrom(300, 1_000_000), fc.integer({ min: 1, max: 5 }), (input, sources, maxBucketBytes, shares) => {
        const spill = scratch();
        try {
          const sorts = Array.from({ length: sources }, (_, n) => new RangeSort(spill, `m${n}_`, { prefixChars: 1, maxBucketBytes }));
          input.forEach(([k, ...fields], n) => sorts[n % sources]!.add(k as string, fields));
          spill.flush();
          // Equal keys: by sort, then in the order added.
          const expected = reference(input.map((frame, n) => ({ frame, n })).sort((a, b) => (a.n % sources) - (b.n % sources) || a.n - b.n).map((x) => x.frame));
          // A sort written elsewhere is read through its state, as the publisher reads a thread's.
          const read = sorts.map((sort, n) => (n === 0 ? sort : RangeSort.restore(spill, sort.state())));
          // The prefixes cut into shares, read one after the other (as threads read runs), each splitting apart.
          const prefixes = RangeSort.prefixes(read);
          expect(prefixes.map((p) => p.prefix)).toEqual([...new Set(input.map(([k]) => (k as string).slice(0, 1)))].sort());
          const got: string[][] = [];
          for (let s = 0; s < shares; s++) {
            const share = prefixes.filter((_, i) => Math.floor((i * shares) / prefixes.length) === s).map((p) => p.prefix);
            for (const batch of RangeSort.sortedTogether(read, { prefixes: share, splitName: `x${s}_` })) got.push(...decoded(batch));
          }
          expect(got).toEqual(expected);
        } finally {
          spill.dispose();
        }
      }),
      { numRuns: 200 },
    );
  });
});
