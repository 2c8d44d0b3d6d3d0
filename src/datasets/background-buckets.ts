import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import path from 'node:path';

/**
 * Scratch buckets written in the background, for the one writer in a hurry: the last pass
 * appends every row to its month, 0.4 GB at 1M reports, while the thread's time goes to
 * rendering and to the files it writes. Spill (spill.ts) writes synchronously: here each
 * bucket's bytes are gathered into a buffer and written by Node's thread pool, one write
 * at a time per bucket, in order. Once settled, the buckets are files of the same folder
 * that a Spill adopts and reads.
 */
export class BackgroundBuckets {
  private readonly buffers = new Map<string, { bytes: Buffer; used: number }>();
  /** Per bucket, its writes so far, chained in order. */
  private readonly writes = new Map<string, Promise<FileHandle>>();
  private failure: { readonly error: unknown } | undefined;

  constructor(
    private readonly folder: string,
    private readonly bufferBytes = 64 * 1024,
  ) {}

  /** Bytes (of a buffer, from `start` to `end`) or text, appended to `bucket`. */
  append(bucket: string, data: Uint8Array | string, start = 0, end = typeof data === 'string' ? data.length : data.byteLength): void {
    if (this.failure !== undefined) throw this.failure.error;
    let buffer = this.buffers.get(bucket);
    if (buffer === undefined) {
      buffer = { bytes: Buffer.allocUnsafeSlow(this.bufferBytes), used: 0 };
      this.buffers.set(bucket, buffer);
    }
    const most = typeof data === 'string' ? data.length * 3 : end - start;
    if (most > buffer.bytes.byteLength - buffer.used) {
      this.writeOut(bucket, buffer);
      if (most > buffer.bytes.byteLength) {
        // Larger than a buffer: written on its own.
        this.write(bucket, typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.subarray(start, end)));
        return;
      }
    }
    if (typeof data === 'string') buffer.used += buffer.bytes.write(data, buffer.used);
    else {
      buffer.bytes.set(data.subarray(start, end), buffer.used);
      buffer.used += end - start;
    }
  }

  /** Everything written and every file closed: the buckets written, sorted (or the first write's failure). */
  async settle(): Promise<string[]> {
    for (const [bucket, buffer] of this.buffers) this.writeOut(bucket, buffer);
    this.buffers.clear();
    const buckets = [...this.writes.keys()].sort();
    const handles = await Promise.allSettled(this.writes.values());
    this.writes.clear();
    await Promise.all(handles.map((h) => (h.status === 'fulfilled' ? h.value.close() : undefined)));
    if (this.failure !== undefined) throw this.failure.error;
    return buckets;
  }

  /** The buffer's bytes to the bucket's file; the buffer is a fresh one after (the old one is being written). */
  private writeOut(bucket: string, buffer: { bytes: Buffer; used: number }): void {
    if (buffer.used === 0) return;
    this.write(bucket, buffer.bytes.subarray(0, buffer.used));
    buffer.bytes = Buffer.allocUnsafeSlow(this.bufferBytes);
    buffer.used = 0;
  }

  private write(bucket: string, bytes: Uint8Array): void {
    const previous = this.writes.get(bucket) ?? open(path.join(this.folder, bucket), 'a');
    const next = previous.then(async (handle) => {
      await handle.write(bytes);
      return handle;
    });
    next.catch((error: unknown) => {
      this.failure ??= { error };
    });
    this.writes.set(bucket, next);
  }
}
