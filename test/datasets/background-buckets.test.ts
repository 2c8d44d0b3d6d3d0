import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { BackgroundBuckets } from '../../src/datasets/background-buckets.js';

/** Buckets that are files of `folder`, as the publisher's scratch months are. */
const files = (folder: string, bufferBytes: number): BackgroundBuckets<FileHandle> => new BackgroundBuckets((bucket) => open(path.join(folder, bucket), 'a'), bufferBytes);

const closeAll = async (writers: ReadonlyMap<string, FileHandle>): Promise<void> => {
  for (const handle of writers.values()) await handle.close();
};

describe('BackgroundBuckets', () => {
  it('gives each bucket the bytes and text appended to it, in order, across buffers of any size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('pe202401', 'pe202402', 'pg000000'), fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.uint8Array({ maxLength: 40 }))), { maxLength: 80 }),
        fc.integer({ min: 8, max: 64 }),
        async (appends, bufferBytes) => {
          const folder = mkdtempSync(path.join(tmpdir(), 'entente-background-'));
          try {
            const buckets = files(folder, bufferBytes);
            const expected = new Map<string, Buffer[]>();
            for (const [bucket, data] of appends) {
              // Bytes go in as part of a larger buffer, as the publisher's rows do.
              if (typeof data === 'string') buckets.append(bucket, data);
              else buckets.append(bucket, Buffer.concat([Buffer.from('xx'), data, Buffer.from('yy')]), 2, 2 + data.byteLength);
              expected.set(bucket, [...(expected.get(bucket) ?? []), typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)]);
            }
            const settled = await buckets.settle();
            expect(settled.failure).toBeUndefined();
            await closeAll(settled.writers);
            const written = [...settled.writers.keys()];
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

  it('reports a writer that could not be opened when settled, and still gives those that were', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'entente-background-'));
    const buckets = new BackgroundBuckets((bucket) => open(path.join(folder, bucket === 'pe202401' ? 'gone/pe202401' : bucket), 'a'), 8);
    buckets.append('pe202401', 'more than eight bytes');
    buckets.append('pe202402', 'more than eight bytes');
    const settled = await buckets.settle();
    expect(String(settled.failure?.error)).toMatch(/ENOENT/);
    expect([...settled.writers.keys()]).toEqual(['pe202402']);
    await closeAll(settled.writers);
    rmSync(folder, { recursive: true, force: true });
  });

  it('stops writing anywhere once a write failed, and says which failure came first', async () => {
    const writes: string[] = [];
    const buckets = new BackgroundBuckets<{ write(chunk: Uint8Array): Promise<void> }>(async (bucket) => ({
      write: async (chunk) => {
        await new Promise((resolve) => setTimeout(resolve, bucket === 'a' ? 1 : 20));
        if (bucket === 'a') throw new Error(`disk full writing ${bucket}`);
        writes.push(`${bucket}:${Buffer.from(chunk).toString()}`);
      },
    }), 4);
    buckets.append('a', 'aaaa');
    buckets.append('b', 'bbbb');
    buckets.append('a', 'AAAA');
    buckets.append('b', 'BBBB');
    const settled = await buckets.settle();
    expect(String(settled.failure?.error)).toBe('Error: disk full writing a');
    // b's first write was under way when a's failed; its second was never made.
    expect(writes).toEqual(['b:bbbb']);
    expect(() => buckets.append('b', 'more')).toThrow('disk full writing a');
  });
});
