import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackgroundBuckets } from '../../src/datasets/background-buckets.js';

describe('BackgroundBuckets', () => {
  it('gives each bucket the bytes and text appended to it, in order, across buffers of any size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('pe202401', 'pe202402', 'pg000000'), fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.uint8Array({ maxLength: 40 }))), { maxLength: 80 }),
        fc.integer({ min: 8, max: 64 }),
        async (appends, bufferBytes) => {
          const folder = mkdtempSync(path.join(tmpdir(), 'entente-background-'));
          try {
            const buckets = new BackgroundBuckets(folder, bufferBytes);
            const expected = new Map<string, Buffer[]>();
            for (const [bucket, data] of appends) {
              // Bytes go in as part of a larger buffer, as the publisher's rows do.
              if (typeof data === 'string') buckets.append(bucket, data);
              else buckets.append(bucket, Buffer.concat([Buffer.from('xx'), data, Buffer.from('yy')]), 2, 2 + data.byteLength);
              expected.set(bucket, [...(expected.get(bucket) ?? []), typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)]);
            }
            const written = await buckets.settle();
            // A bucket that got only empty appends may or may not have a file: what it holds is nothing either way.
            for (const [bucket, pieces] of expected) {
              const bytes = Buffer.concat(pieces);
              if (bytes.byteLength > 0) expect(readFileSync(path.join(folder, bucket))).toEqual(bytes);
            }
            expect(written).toEqual([...written].sort());
            for (const bucket of written) expect(expected.has(bucket)).toBe(true);
          } finally {
            rmSync(folder, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reports a write that failed when settled', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'entente-background-'));
    const buckets = new BackgroundBuckets(path.join(folder, 'gone'), 8);
    buckets.append('pe202401', 'more than eight bytes');
    await expect(buckets.settle()).rejects.toThrow(/ENOENT/);
    rmSync(folder, { recursive: true, force: true });
  });
});
