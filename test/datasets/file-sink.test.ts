import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileSink } from '../../src/datasets/file-sink.js';
import { FsStorage } from '../../src/storage/fs-storage.js';
import type { ObjectWriter, Storage } from '../../src/storage/storage.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Lets promise callbacks and I/O callbacks run, so that whatever could settle has. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

/** The one part of a storage a sink uses: the writer it opens, fake only to see or stall its calls. */
const storageOf = (writer: ObjectWriter): Storage => ({ openWrite: () => Promise.resolve(writer) }) as Partial<Storage> as Storage;

/** A writer that records what it is given; each write ends when `finish` says (after some turns of the event loop, or when released). */
class RecordingWriter implements ObjectWriter {
  readonly writes: Buffer[] = [];
  readonly calls: string[] = [];
  private inFlight = 0;
  mostInFlight = 0;

  constructor(private readonly finish: (n: number) => Promise<void> = () => Promise.resolve()) {}

  async write(chunk: Uint8Array | string): Promise<void> {
    this.calls.push('write');
    this.writes.push(Buffer.from(chunk));
    this.mostInFlight = Math.max(this.mostInFlight, ++this.inFlight);
    try {
      await this.finish(this.writes.length);
    } finally {
      this.inFlight--;
    }
  }

  close(): Promise<void> {
    this.calls.push('close');
    return Promise.resolve();
  }

  abort(): Promise<void> {
    this.calls.push('abort');
    return Promise.resolve();
  }
}

// Bytes given as they are start with 0xff, which no UTF-8 text holds: a write holding it is one of them.
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }).map((text) => ({ text })),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => ({ bytes: Buffer.concat([Buffer.from([0xff]), bytes]) })),
);

describe('FileSink', () => {
  it('gives the writer the text and bytes in order, one write at a time, bytes as whole writes, and tells the size and SHA-256 of them all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), fc.constantFrom(1, 16, 1000), fc.constantFrom(0, 20, 1 << 20), fc.nat({ max: 2 }), async (pieces, chunkChars, queueBytes, turns) => {
        // Writes that take a few turns of the event loop, so that chunks queue up behind them.
        const writer = new RecordingWriter(async (n) => {
          for (let i = 0; i < (n + turns) % 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
        });
        const sink = await FileSink.open(storageOf(writer), 'file.csv', { chunkChars, queueBytes });
        for (const p of pieces) await ('text' in p ? sink.write(p.text) : sink.writeBytes(p.bytes));
        const facts = await sink.close();

        const expected = Buffer.concat(pieces.map((p) => ('text' in p ? Buffer.from(p.text, 'utf8') : p.bytes)));
        expect(Buffer.concat(writer.writes).equals(expected)).toBe(true);
        expect(facts).toEqual({ bytes: expected.byteLength, sha256: sha256(expected) });
        expect(writer.writes.filter((w) => w.includes(0xff))).toEqual(pieces.flatMap((p) => ('bytes' in p ? [p.bytes] : [])));
        expect(writer.writes.every((w) => w.byteLength > 0)).toBe(true);
        expect(writer.mostInFlight).toBeLessThanOrEqual(1);
        expect(writer.calls.filter((c) => c !== 'write')).toEqual(['close']);
        expect(writer.calls.at(-1)).toBe('close');
      }),
      { numRuns: 150 },
    );
  });

  it('makes the file visible only on close, holding the bytes whose size and SHA-256 close tells', async () => {
    const storage = new FsStorage(await mkdtemp(path.join(tmpdir(), 'entente-file-sink-')));
    const sink = await FileSink.open(storage, 'data/events.csv', { chunkChars: 8, queueBytes: 16 });
    await sink.write('event_id,name\n');
    await sink.writeBytes(Buffer.from('e1,Sommet à Dakar 😀\n'));
    await sink.write('e2,');
    await sink.write('"a, b"\n');
    await settle();
    expect(await storage.head('data/events.csv')).toBeUndefined();
    const facts = await sink.close();
    const written = Buffer.from(await storage.get('data/events.csv'));
    expect(written.toString('utf8')).toBe('event_id,name\ne1,Sommet à Dakar 😀\ne2,"a, b"\n');
    expect(facts).toEqual({ bytes: written.byteLength, sha256: sha256(written) });
  });

  it('keeps writeBytes waiting while more than queueBytes wait besides the write under way, and lets it go once the writer takes them', async () => {
    const releases: (() => void)[] = [];
    const writer = new RecordingWriter(() => new Promise<void>((resolve) => releases.push(resolve)));
    const sink = await FileSink.open(storageOf(writer), 'file.csv', { queueBytes: 10 });
    // Being written: not counted. Then 6 bytes wait: not over the limit.
    await sink.writeBytes(Buffer.alloc(6, 1));
    await sink.writeBytes(Buffer.alloc(6, 2));
    let settled = false;
    const third = sink.writeBytes(Buffer.alloc(6, 3)).finally(() => (settled = true));
    await settle();
    // 12 bytes wait: over the limit until the first write is done and the writer takes the next.
    expect(settled).toBe(false);
    expect(writer.writes).toHaveLength(1);
    releases.shift()?.();
    await third;
    await settle();
    expect(writer.writes).toHaveLength(2);
    const closing = sink.close();
    releases.shift()?.();
    await settle();
    releases.shift()?.();
    expect(await closing).toEqual({ bytes: 18, sha256: sha256(Buffer.concat([1, 2, 3].map((n) => Buffer.alloc(6, n)))) });
  });

  it('gives a writer that can take several chunks at once everything that waits, in order', async () => {
    const batches: Buffer[][] = [];
    const releases: (() => void)[] = [];
    const writer: ObjectWriter = {
      write: async (chunk) => {
        batches.push([Buffer.from(chunk)]);
        await new Promise<void>((resolve) => releases.push(resolve));
      },
      writeMany: async (chunks) => {
        batches.push(chunks.map((c) => Buffer.from(c)));
        await new Promise<void>((resolve) => releases.push(resolve));
      },
      close: () => Promise.resolve(),
      abort: () => Promise.resolve(),
    };
    const written: number[] = [];
    const sink = await FileSink.open(storageOf(writer), 'file.csv', { queueBytes: 1 << 20, written: (chunk) => written.push(chunk[0]!) });
    for (const n of [1, 2, 3, 4]) await sink.writeBytes(Buffer.alloc(3, n));
    await settle();
    // The first alone (nothing waited behind it yet), then the three that queued meanwhile, in one write.
    releases.shift()?.();
    await settle();
    expect(batches.map((b) => b.map((c) => c[0]))).toEqual([[1], [2, 3, 4]]);
    expect(written).toEqual([1]);
    const closing = sink.close();
    releases.shift()?.();
    expect((await closing).bytes).toBe(12);
    expect(written).toEqual([1, 2, 3, 4]);
  });

  it('fails the calls after a failed write with its error, never closes the file, and aborts it on abort', async () => {
    const failure = new Error('disk full (injected)');
    // Each write takes a turn of the event loop: the sink's calls, which do not wait, come before any write ends.
    const failOnSecond = (): RecordingWriter =>
      new RecordingWriter(async (n) => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (n === 2) throw failure;
      });

    // Writes queued behind the failed one: close fails.
    const queued = failOnSecond();
    const sink = await FileSink.open(storageOf(queued), 'file.csv');
    for (const n of [1, 2, 3]) await sink.writeBytes(Buffer.alloc(4, n));
    await expect(sink.close()).rejects.toBe(failure);
    await sink.abort();
    expect(queued.calls.filter((c) => c !== 'write')).toEqual(['abort']);

    // Nothing waits (queueBytes 0): each call returns once its chunk is taken; the call after the failed write fails, and every one after it.
    const waited = failOnSecond();
    const other = await FileSink.open(storageOf(waited), 'file.csv', { queueBytes: 0, chunkChars: 4 });
    await other.writeBytes(Buffer.alloc(4, 1));
    await other.writeBytes(Buffer.alloc(4, 2));
    await expect(other.writeBytes(Buffer.alloc(4, 3))).rejects.toBe(failure);
    await expect(other.writeBytes(Buffer.alloc(4, 4))).rejects.toBe(failure);
    await expect(other.write('more text')).rejects.toBe(failure);
    await expect(other.close()).rejects.toBe(failure);
    await other.abort();
    expect(waited.calls).toEqual(['write', 'write', 'abort']);
  });

  it('leaves nothing under the key, not even a temporary file, when a write to a real folder fails and the sink is aborted', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'entente-file-sink-'));
    const storage = new FsStorage(root);
    let writes = 0;
    // The real writer, failing on its second write as a full disk would.
    // The real writer, its second write (one chunk, or several at once) failing as a full disk would.
    const failing = Object.assign(Object.create(storage) as FsStorage, {
      openWrite: async (key: string): Promise<ObjectWriter> => {
        const writer = await storage.openWrite(key);
        const fail = <T>(write: () => Promise<T>): Promise<T> => (++writes === 2 ? Promise.reject(new Error('disk full (injected)')) : write());
        return {
          ...writer,
          write: (chunk: Uint8Array | string) => fail(() => writer.write(chunk)),
          writeMany: (chunks: readonly Uint8Array[]) => fail(() => (writer.writeMany as NonNullable<ObjectWriter['writeMany']>)(chunks)),
        };
      },
    });
    for (const queueBytes of [0, 1 << 20]) {
      writes = 0;
      const sink = await FileSink.open(failing, 'events.csv', { queueBytes });
      await sink.writeBytes(Buffer.from('a\n'));
      await sink.writeBytes(Buffer.from('b\n'));
      await sink.writeBytes(Buffer.from('c\n')).catch(() => undefined);
      await expect(sink.close()).rejects.toThrow(/injected/);
      await sink.abort();
      expect(await readdir(root)).toEqual([]);
      await expect(readFile(path.join(root, 'events.csv'))).rejects.toThrow(/ENOENT/);
    }
  });
});
