/** Where one bucket's bytes go: given one chunk at a time, in order; a chunk is never used again. */
export interface BucketWriter {
  write(chunk: Uint8Array): Promise<unknown>;
}

/** What settling came to: every writer opened, by bucket, in bucket order, and the first failure if a write failed. */
export interface SettledBuckets<W extends BucketWriter> {
  readonly writers: ReadonlyMap<string, W>;
  readonly failure?: { readonly error: unknown };
}

/**
 * Buckets written in the background, for the one writer in a hurry: the last pass
 * appends every row to its month, 0.4 GB at 1M reports, while the thread's time goes to
 * rendering and to the files it writes. Spill (spill.ts) writes synchronously: here each
 * bucket's bytes are gathered into a buffer and given to the bucket's writer (opened on
 * the bucket's first bytes), one write at a time per bucket, in order. The writers are the
 * owner's once settled: files to close, partitions to close or drop (month-partitions.ts).
 */
export class BackgroundBuckets<W extends BucketWriter> {
  private readonly buffers = new Map<string, { bytes: Buffer; used: number }>();
  /** Per bucket, its writer once the writes so far are done, chained in order. */
  private readonly writes = new Map<string, Promise<W>>();
  /** Per bucket, its writer once opened. */
  private readonly opened = new Map<string, Promise<W>>();
  private failure: { readonly error: unknown } | undefined;

  constructor(
    private readonly openWriter: (bucket: string) => Promise<W>,
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

  /** Everything written (or failed): see SettledBuckets. The writers are the caller's to close, whatever happened. */
  async settle(): Promise<SettledBuckets<W>> {
    for (const [bucket, buffer] of this.buffers) this.writeOut(bucket, buffer);
    this.buffers.clear();
    await Promise.allSettled(this.writes.values());
    this.writes.clear();
    const buckets = [...this.opened.keys()].sort();
    const opened = await Promise.allSettled(buckets.map((bucket) => this.opened.get(bucket) as Promise<W>));
    const writers = new Map<string, W>();
    opened.forEach((o, i) => {
      if (o.status === 'fulfilled') writers.set(buckets[i] as string, o.value);
    });
    return this.failure === undefined ? { writers } : { writers, failure: this.failure };
  }

  /** The buffer's bytes to the bucket's writer; the buffer is a fresh one after (the old one is being written). */
  private writeOut(bucket: string, buffer: { bytes: Buffer; used: number }): void {
    if (buffer.used === 0) return;
    this.write(bucket, buffer.bytes.subarray(0, buffer.used));
    buffer.bytes = Buffer.allocUnsafeSlow(this.bufferBytes);
    buffer.used = 0;
  }

  private write(bucket: string, bytes: Uint8Array): void {
    let previous = this.writes.get(bucket);
    if (previous === undefined) {
      previous = this.openWriter(bucket);
      this.opened.set(bucket, previous);
    }
    const next = previous.then(async (writer) => {
      // After a failure, nothing more is written anywhere: the publication stops.
      if (this.failure === undefined) await writer.write(bytes);
      return writer;
    });
    next.catch((error: unknown) => {
      this.failure ??= { error };
    });
    this.writes.set(bucket, next);
  }
}
