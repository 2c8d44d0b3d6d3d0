/**
 * Bytes on their way to a file, gathered into chunks of up to `chunkBytes`: copied from
 * scratch (a range of a buffer read) or encoded from text. A chunk handed out is never
 * written again (a file sink may still be writing it), so a fresh buffer follows it. Each
 * chunk has a memory of its own (not Node's shared pool), so that it can be transferred
 * to another thread; the first ones are small, for the many builders that get little.
 */
export class ChunkBuilder {
  private buffer: Buffer;
  private used = 0;
  private ready: Buffer[] = [];
  private bytes = 0;

  /** `pool`: where full-size buffers come from (chunks given back to it once written are used again). */
  constructor(
    private readonly chunkBytes = 1024 * 1024,
    private readonly pool?: ChunkPool,
  ) {
    this.buffer = Buffer.allocUnsafeSlow(Math.min(chunkBytes, 4096));
  }

  /** Bytes gathered so far, handed out or not. */
  get size(): number {
    return this.bytes;
  }

  copy(from: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (length <= 0) return;
    this.bytes += length;
    if (length > this.buffer.byteLength - this.used) {
      this.finishChunk(length);
      if (length > this.buffer.byteLength) {
        const own = Buffer.allocUnsafeSlow(length);
        own.set(from.subarray(start, end));
        this.ready.push(own);
        return;
      }
    }
    if (length < 32) {
      // Below a few dozen bytes a loop costs less than a native copy's call.
      const to = this.buffer;
      for (let i = 0, at = this.used; i < length; i++) to[at + i] = from[start + i]!;
    } else this.buffer.set(from.subarray(start, end), this.used);
    this.used += length;
  }

  text(text: string): void {
    if (text.length === 0) return;
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (text.length * 3 > this.buffer.byteLength - this.used) {
      this.finishChunk(text.length * 3);
      if (text.length * 3 > this.buffer.byteLength) {
        const encoded = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'));
        encoded.write(text);
        this.bytes += encoded.byteLength;
        this.ready.push(encoded);
        return;
      }
    }
    const written = this.buffer.write(text, this.used);
    this.used += written;
    this.bytes += written;
  }

  /** The chunks filled so far, taken (this builder forgets them). */
  take(): Buffer[] {
    const ready = this.ready;
    this.ready = [];
    return ready;
  }

  /** Every chunk left, the one being filled included. */
  end(): Buffer[] {
    if (this.used > 0) {
      // A last chunk that fills little of its buffer is copied out: a chunk held (queued,
      // handed to another thread) holds its whole buffer.
      if (this.used < this.buffer.byteLength / 4) {
        const last = Buffer.allocUnsafeSlow(this.used);
        this.buffer.copy(last, 0, 0, this.used);
        this.ready.push(last);
      } else {
        this.ready.push(this.buffer.subarray(0, this.used));
        this.buffer = Buffer.allocUnsafeSlow(Math.min(this.chunkBytes, 4096));
      }
      this.used = 0;
    }
    return this.take();
  }

  /** Hands out what is gathered; the next buffer is larger than the last (up to chunkBytes) and holds `need` bytes if it can. */
  private finishChunk(need = 0): void {
    const size = Math.min(this.chunkBytes, Math.max(this.buffer.byteLength * 4, need));
    if (this.used === 0) {
      if (size > this.buffer.byteLength) this.buffer = Buffer.allocUnsafeSlow(size);
      return;
    }
    this.ready.push(this.buffer.subarray(0, this.used));
    this.buffer = size === this.pool?.chunkBytes ? this.pool.take() : Buffer.allocUnsafeSlow(size);
    this.used = 0;
  }
}

/**
 * Buffers of one size, used again once what was written in them is written out: a buffer
 * of a megabyte allocated for every chunk of a 2 GB publication made V8 collect its heap
 * for the memory outside it, again and again (its collector threads took as much time as
 * the rendering). Holds at most `keep` buffers; a chunk of another size is let go.
 */
export class ChunkPool {
  private readonly free: ArrayBuffer[] = [];

  constructor(
    readonly chunkBytes = 1024 * 1024,
    private readonly keep = 16,
  ) {}

  take(): Buffer {
    const buffer = this.free.pop();
    return buffer === undefined ? Buffer.allocUnsafeSlow(this.chunkBytes) : Buffer.from(buffer);
  }

  /** A chunk whose bytes are written out: its memory is free again. */
  give(chunk: Uint8Array): void {
    const buffer = chunk.buffer;
    if (buffer instanceof ArrayBuffer && buffer.byteLength === this.chunkBytes && this.free.length < this.keep && !this.free.includes(buffer)) this.free.push(buffer);
  }
}
