import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkBuilder, ChunkPool } from '../../src/datasets/chunk-builder.js';

type Step = { readonly kind: 'copy'; readonly bytes: Uint8Array; readonly lead: number } | { readonly kind: 'text'; readonly text: string } | { readonly kind: 'take' | 'end' };

// Pieces of every size around the chunk sizes below, empty ones, and text with astral characters (4 bytes, 2 code units) among others.
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '😀', 'é€', '𝄞a😀\n', 'x'.repeat(1500), '😀'.repeat(700)),
  fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀'), minLength: 200, maxLength: 2000 }),
);
const bytes = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ minLength: 900, maxLength: 6000 }));
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('copy' as const), bytes, lead: fc.nat({ max: 8 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('text' as const), text }), weight: 4 },
  { arbitrary: fc.constant({ kind: 'take' as const }), weight: 1 },
  // The publication's builders go on after end(): one set serves every run it renders.
  { arbitrary: fc.constant({ kind: 'end' as const }), weight: 1 },
);

describe('ChunkBuilder', () => {
  it('hands out the bytes copied and the text encoded, in order, in chunks of at most chunkBytes that later writes (after take or end) never change and that can each be transferred', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.constantFrom(1, 5, 64, 1000, 5000), (steps, chunkBytes) => {
        const builder = new ChunkBuilder(chunkBytes);
        const pieces: Buffer[] = [];
        const chunks: Buffer[] = [];
        const asTaken: Buffer[] = [];
        const keep = (taken: Buffer[]): void => {
          chunks.push(...taken);
          asTaken.push(...taken.map((chunk) => Buffer.from(chunk)));
        };
        for (const s of steps) {
          if (s.kind === 'take') keep(builder.take());
          else if (s.kind === 'end') keep(builder.end());
          else if (s.kind === 'text') {
            builder.text(s.text);
            pieces.push(Buffer.from(s.text, 'utf8'));
          } else if (s.kind === 'copy') {
            // Copied from scratch that is overwritten at once, as a bucket's read buffer is.
            const scratch = Buffer.alloc(s.lead + s.bytes.byteLength + 3, 0xee);
            scratch.set(s.bytes, s.lead);
            builder.copy(scratch, s.lead, s.lead + s.bytes.byteLength);
            scratch.fill(0xdd);
            pieces.push(Buffer.from(s.bytes));
          }
          expect(builder.size).toBe(pieces.reduce((n, p) => n + p.byteLength, 0));
        }
        keep(builder.end());
        const expected = Buffer.concat(pieces);
        expect(Buffer.concat(chunks).equals(expected)).toBe(true);
        expect(builder.size).toBe(expected.byteLength);
        expect(builder.end()).toEqual([]);
        // A chunk a sink is still writing must not change under it.
        chunks.forEach((chunk, i) => expect(chunk.equals(asTaken[i] as Buffer)).toBe(true));

        // Larger than chunkBytes only when it is one piece larger than that, whole.
        const pieceRanges = new Set<string>();
        let at = 0;
        for (const piece of pieces) pieceRanges.add(`${at}-${(at += piece.byteLength)}`);
        at = 0;
        for (const chunk of chunks) {
          expect(chunk.byteLength).toBeGreaterThan(0);
          if (chunk.byteLength > chunkBytes) expect(pieceRanges).toContain(`${at}-${at + chunk.byteLength}`);
          at += chunk.byteLength;
        }

        // Moved to another thread, not copied: each chunk's memory is its own (two chunks on one
        // ArrayBuffer cannot both be transferred) and not Node's shared pool (which is copied instead).
        const views = chunks.map((chunk) => [chunk.byteOffset, chunk.byteLength] as const);
        const buffers = chunks.map((chunk) => chunk.buffer as ArrayBuffer);
        const moved = structuredClone(buffers, { transfer: buffers });
        expect(buffers.every((buffer) => buffer.byteLength === 0)).toBe(true);
        expect(Buffer.concat(moved.map((buffer, i) => Buffer.from(buffer, ...views[i]!))).equals(expected)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ChunkPool', () => {
  const pieces = (builder: ChunkBuilder, letter: string): void => {
    for (let i = 0; i < 10; i++) builder.copy(Buffer.from(letter.repeat(4)), 0, 4);
  };

  it('hands out again the memory of written chunks of its size, to builders that fill it with new bytes', () => {
    const pool = new ChunkPool(16, 2);
    const builder = new ChunkBuilder(16, pool);
    pieces(builder, 'a');
    const first = builder.take();
    // The second buffer came from the pool (the first is the builder's own).
    expect(first.map((c) => c.byteLength)).toEqual([16, 16]);
    const full = first[1] as Buffer;
    expect(full.toString()).toBe('a'.repeat(16));
    // Written out, the chunk's memory returns (once, however often it is given back).
    pool.give(full);
    pool.give(full);
    pieces(builder, 'b');
    const again = [...builder.take(), ...builder.end()];
    expect(again.some((c) => c.buffer === full.buffer)).toBe(true);
    expect(Buffer.concat(again).toString()).toBe(`${'a'.repeat(8)}${'b'.repeat(40)}`);
    // At most `keep` buffers wait in the pool; a chunk of another size is not kept.
    for (let i = 0; i < 4; i++) pool.give(Buffer.allocUnsafeSlow(16));
    pool.give(Buffer.allocUnsafeSlow(8));
    const taken = [pool.take(), pool.take(), pool.take()];
    expect(new Set(taken.map((b) => b.buffer)).size).toBe(3);
    expect(taken.every((b) => b.byteLength === 16)).toBe(true);
  });
});
