import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SortedFrame } from '../../src/datasets/range-sort.js';
import { mergeSorted, RangeSort } from '../../src/datasets/range-sort.js';
import { Spill } from '../../src/datasets/spill.js';

/** A frame read back, decoded as it was given. */
const decoded = (frame: SortedFrame): string[] => [frame.key, ...frame.fields.map((f) => f.toString('utf8'))];

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
          expect([...sort.sorted()].flat().map(decoded)).toEqual(reference(input));
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
    const batches = [...sort.sorted()];
    expect(batches.length).toBeGreaterThan(10);
    for (const batch of batches) expect(batch.reduce((n, f) => n + decoded(f).join('').length, 0)).toBeLessThan(2_000);
    expect(batches.flat().map(decoded)).toEqual(reference(input));
    spill.dispose();
  });

  it('merges the sorts of several threads into one key order, in batches of the size asked, whether restored from their state or not', () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 150 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 50 }), (keys, sources, batch) => {
        const spill = scratch();
        try {
          const sorts = Array.from({ length: sources }, (_, n) => new RangeSort(spill, `m${n}_`, { prefixChars: 1, maxBucketBytes: 300 }));
          keys.forEach((k, n) => sorts[n % sources]!.add(k, [`#${n}`]));
          spill.flush();
          // A sort written elsewhere is read through its state, as the publisher reads a thread's.
          const read = sorts.map((sort, n) => (n === 0 ? sort : RangeSort.restore(spill, sort.state())));
          const batches = [...mergeSorted(read.map((sort) => sort.sorted()), batch)];
          for (const b of batches) expect(b.length).toBeLessThanOrEqual(batch);
          expect(batches.flat().map(decoded)).toEqual(reference(keys.map((k, n) => [k, `#${n}`])));
        } finally {
          spill.dispose();
        }
      }),
      { numRuns: 200 },
    );
  });
});
