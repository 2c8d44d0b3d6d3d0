import { existsSync, mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldLength, removeStaleSpills, scanFrames, Spill } from '../../src/datasets/spill.js';

/** Every whole frame of `data`, its fields decoded; `rest`: where the whole frames end. */
function framesOf(data: Buffer): { frames: string[][]; rest: number } {
  const frames: string[][] = [];
  const rest = scanFrames(data, (start, fields, end) => {
    const count = data.readUInt16LE(start);
    const frame: string[] = [];
    for (let f = 0, at = fields; f < count; f++) {
      const length = fieldLength(data, start, f);
      frame.push(data.toString('utf8', at, at + length));
      at += length;
    }
    expect(fields + frame.reduce((n, field) => n + Buffer.byteLength(field), 0)).toBe(end);
    frames.push(frame);
  });
  return { frames, rest };
}

describe('Spill', () => {
  it('gives back each bucket in the order appended, across flushes', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'entente-spill-test-'));
    const spill = new Spill({ parent, bufferBytes: 20 });
    const lines = Array.from({ length: 200 }, (_, n) => `{"n":${n},"é":"ünïcödé ${'x'.repeat(n % 7)}"}`);
    for (const line of lines) spill.append(line.length % 2 === 0 ? 'even' : 'odd', line);
    const even = lines.filter((l) => l.length % 2 === 0);
    expect(spill.lines('even')).toEqual(even);
    expect(spill.buckets()).toEqual(['even', 'odd']);
    expect(spill.lines('never')).toEqual([]);
    expect(() => spill.append('a/b', 'x')).toThrow(/spill bucket/);
    spill.dispose();
    expect(existsSync(spill.folder)).toBe(false);
  });

  it('gives back frames of any strings (line breaks, digits, separators, characters cut by a chunk) and raw text as written', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'entente-spill-test-'));
    const spill = new Spill({ parent, bufferBytes: 32 });
    const frames = Array.from({ length: 300 }, (_, n) => [`k${n}`, 'a\r\nb,c;', '', `${n},${n};`, '日本語 😀'.repeat(n % 5), 'x'.repeat(n)]);
    for (const frame of frames) spill.appendFrame('framed', frame);
    expect(framesOf(spill.bytes('framed'))).toEqual({ frames, rest: spill.bytes('framed').byteLength });
    // Chunks of 7 bytes cut headers, fields and multi-byte characters alike: a frame cut short is left for the next chunk.
    const read: string[][] = [];
    let carry = Buffer.alloc(0);
    for (const chunk of spill.chunks('framed', 7)) {
      const data = Buffer.concat([carry, chunk]);
      const whole = framesOf(data);
      read.push(...whole.frames);
      carry = data.subarray(whole.rest);
    }
    expect(read).toEqual(frames);
    expect(carry.byteLength).toBe(0);
    const raw = frames.map((f) => f.join('|')).join('\r\n');
    const characters = Array.from(raw);
    for (let at = 0; at < characters.length; at += 50) spill.appendRaw('raw', characters.slice(at, at + 50).join(''));
    expect(Buffer.concat([...spill.chunks('raw', 100)]).toString('utf8')).toBe(raw);
    // Appending after a read goes on where it stopped.
    spill.appendFrame('framed', ['last']);
    expect(framesOf(spill.bytes('framed')).frames.at(-1)).toEqual(['last']);
    // Bytes go in as they are, in frames and raw.
    spill.appendFrame('bytes', [Buffer.from('é\n'), 'x', Buffer.alloc(0)]);
    expect(framesOf(spill.bytes('bytes')).frames).toEqual([['é\n', 'x', '']]);
    // Raw bytes from part of a buffer.
    spill.appendRaw('part', Buffer.from('abcdef'), 2, 5);
    expect(spill.bytes('part').toString()).toBe('cde');
    expect(spill.bytes('never').byteLength).toBe(0);
    spill.dispose();
  });

  it('keeps every frame and line through buffers that grow from small to full size', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'entente-spill-test-'));
    const spill = new Spill({ parent });
    // Frames from a few bytes to more than the largest buffer, between lines of another bucket.
    const frames = Array.from({ length: 400 }, (_, n) => [`${n}`, 'é'.repeat((n * 97) % 3000), 'x'.repeat(n === 399 ? 200_000 : n)]);
    const lines = frames.map((f) => `line ${f[0]}`);
    frames.forEach((frame, n) => {
      spill.appendFrame('frames', frame);
      spill.append('lines', lines[n] as string);
    });
    expect(framesOf(spill.bytes('frames')).frames).toEqual(frames);
    expect(spill.lines('lines')).toEqual(lines);
    spill.dispose();
  });

  it('gives back grouped records in sets of about the size asked, each group whole and in the order written', () => {
    fc.assert(
      fc.property(
        // Groups that share their low bits, as the reports of one shard do (all ≡ shard mod 256).
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.string({ maxLength: 12 })), { maxLength: 300 }),
        fc.integer({ min: 1, max: 64 }),
        (records, setSize) => {
          const parent = mkdtempSync(path.join(tmpdir(), 'entente-spill-test-'));
          const spill = new Spill({ parent, bufferBytes: 64 });
          const written = records.map(([g, text], n) => ({ group: (g * 256 + 7) >>> 0, n, text }));
          for (const r of written) spill.appendGrouped('shard', r.group, JSON.stringify({ n: r.n, text: r.text }));
          const sets = [...spill.recordGroups<{ n: number; text: string }>('shard', setSize)];
          spill.dispose();
          // Every record once, as written.
          const read = sets.flat();
          expect(read.map((r) => r.n).sort((a, b) => a - b)).toEqual(written.map((r) => r.n));
          for (const r of read) expect(r.text).toBe(written[r.n]!.text);
          const setOf = new Map<number, number>();
          sets.forEach((set, i) => {
            expect(set.length).toBeGreaterThan(0);
            // Within a set, in the order written.
            expect(set.map((r) => r.n)).toEqual([...set.map((r) => r.n)].sort((a, b) => a - b));
            for (const r of set) {
              const group = written[r.n]!.group;
              // A group never spans two sets.
              expect(setOf.get(group) ?? i).toBe(i);
              setOf.set(group, i);
            }
          });
          expect(sets.length).toBeLessThanOrEqual(Math.max(1, Math.ceil(records.length / setSize)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('spreads groups that share their low bits over sets, and refuses a line without its group', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'entente-spill-test-'));
    const spill = new Spill({ parent });
    // 4,000 records of 1,000 groups, all ≡ 3 (mod 256): 32 sets of about 125.
    for (let n = 0; n < 4000; n++) spill.appendGrouped('shard', (n % 1000) * 256 + 3, String(n));
    const sizes = [...spill.recordGroups<number>('shard', 125)].map((set) => set.length);
    expect(sizes.length).toBeGreaterThan(24);
    expect(Math.max(...sizes)).toBeLessThan(300);
    expect([...spill.recordGroups('never', 10)]).toEqual([]);
    spill.append('plain', 'x');
    expect(() => [...spill.recordGroups('plain', 10)]).toThrow(/without its group/);
    spill.dispose();
  });

  it('makes files of buckets about to be written in the background, written before or after they are made alike', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'entente-spill-test-'));
    const spill = new Spill({ parent, bufferBytes: 16 });
    spill.prepare(['early', 'late', 'never']);
    // Written at once, before the files can be made: opened as usual, the later open dropped.
    spill.append('early', 'first line, longer than the buffer');
    await new Promise((resolve) => setTimeout(resolve, 50));
    spill.append('late', 'after the file was made, longer than the buffer');
    spill.append('early', 'second');
    expect(spill.lines('early')).toEqual(['first line, longer than the buffer', 'second']);
    expect(spill.lines('late')).toEqual(['after the file was made, longer than the buffer']);
    // A bucket only prepared is not one written.
    expect(spill.buckets()).toEqual(['early', 'late']);
    expect(() => spill.prepare(['a/b'])).toThrow(/spill bucket/);
    spill.dispose();
    expect(existsSync(spill.folder)).toBe(false);
  });

  it('removes a discarded bucket in the background, and refuses to write it again', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'entente-spill-test-'));
    const spill = new Spill({ parent });
    spill.append('done', 'old line');
    expect(spill.lines('done')).toEqual(['old line']);
    spill.discard('done');
    expect(spill.buckets()).toEqual([]);
    expect(spill.lines('done')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(path.join(spill.folder, 'done'))).toBe(false);
    expect(() => spill.append('done', 'new line')).toThrow(/discarded/);
    spill.dispose();
  });

  it('removes scratch folders left by publications that were killed, and only those', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'entente-spill-test-'));
    const old = path.join(parent, 'entente-publish-old');
    const fresh = path.join(parent, 'entente-publish-fresh');
    const other = path.join(parent, 'something-else');
    for (const folder of [old, fresh, other]) {
      mkdirSync(folder);
      writeFileSync(path.join(folder, 'er00'), 'x\n');
    }
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(old, hourAgo, hourAgo);
    utimesSync(other, hourAgo, hourAgo);
    expect(removeStaleSpills(20 * 60_000, parent)).toBe(1);
    expect([existsSync(old), existsSync(fresh), existsSync(other)]).toEqual([false, true, true]);
  });
});
