import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { ObjectWriter, PutOptions, Storage } from '../storage/storage.js';

/** What a file came to once written. */
export interface SinkFacts {
  readonly bytes: number;
  /** Hex SHA-256 of the bytes written. */
  readonly sha256: string;
}

/**
 * A published file written in pieces (Storage.openWrite): text is gathered into chunks of
 * `chunkBytes` before it goes to the writer, and hashed and counted on the way, so the
 * file's size and checksum are known on close without reading it back.
 *
 * Chunks queue for the writer, one write at a time, up to `queueBytes` besides those being
 * written: the publisher renders on while its files are written, several at once (a write
 * waited for is time the publisher has nothing to do: most of its last pass, on a disk
 * whose pages come slowly). A writer that can (ObjectWriter.writeMany) is given everything
 * queued in one write: each write is a round trip through the publisher's event loop,
 * which a thread rendering rows turns seldom (at 1M reports the last pass took 7.4 s
 * instead of 8.0, the median of five runs each).
 *
 * A failed write fails the calls that come after it (and close); the call whose chunk it
 * was has returned already, once its chunk was taken.
 */
export class FileSink {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly queue: Uint8Array[] = [];
  private queued = 0;
  /** The writing of what is queued, while it goes on. */
  private writing: Promise<void> | undefined;
  /** Who waits for the queue to shrink. */
  private waiting: (() => void)[] = [];
  private failure: { readonly error: unknown } | undefined;

  private constructor(
    readonly key: string,
    private readonly writer: ObjectWriter,
    private readonly chunkChars: number,
    private readonly queueBytes: number,
    private readonly written?: (chunk: Uint8Array) => void,
  ) {}

  /** `written`: called with each chunk given to writeBytes once it is written (its memory free again, see ChunkPool). */
  static async open(storage: Storage, key: string, options: PutOptions & { readonly chunkChars?: number; readonly queueBytes?: number; readonly written?: (chunk: Uint8Array) => void } = {}): Promise<FileSink> {
    const { chunkChars, queueBytes, written, ...put } = options;
    return new FileSink(key, await storage.openWrite(key, put), chunkChars ?? 1024 * 1024, queueBytes ?? 4 * 1024 * 1024, written);
  }

  async write(text: string): Promise<void> {
    if (text.length === 0) return;
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= this.chunkChars) await this.drain();
  }

  /** Bytes as they are (scratch copied out): what is pending goes first. */
  async writeBytes(chunk: Uint8Array): Promise<void> {
    if (chunk.byteLength === 0) return;
    await this.drain();
    await this.send(chunk);
  }

  /** Makes the file visible whole; its size and hash. */
  async close(): Promise<SinkFacts> {
    await this.drain();
    await this.settle();
    await this.writer.close();
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  /**
   * Closes the file if `keep` says so given its final size and hash, else aborts it (the key
   * keeps what it held): a file rewritten only when its bytes change.
   */
  async closeIf(keep: (facts: SinkFacts) => boolean): Promise<SinkFacts & { readonly kept: boolean }> {
    const last = Buffer.from(this.pending.join(''), 'utf8');
    const probe = this.hash.copy().update(last);
    const facts = { bytes: this.bytes + last.byteLength, sha256: probe.digest('hex') };
    if (!keep(facts)) {
      await this.abort();
      return { ...facts, kept: false };
    }
    return { ...(await this.close()), kept: true };
  }

  async abort(): Promise<void> {
    this.pending = [];
    // What is queued is dropped (the write under way ends on its own); whoever waits for room goes on.
    for (const chunk of this.queue) this.queued -= chunk.byteLength;
    this.queue.length = 0;
    this.wake();
    await this.writing;
    await this.writer.abort();
  }

  private async drain(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingChars = 0;
    await this.send(chunk);
  }

  /**
   * Queues a chunk (never reused by the caller) for the writer; waits only while more than
   * queueBytes wait. A failed write fails the next call.
   */
  private async send(chunk: Uint8Array): Promise<void> {
    this.throwIfFailed();
    this.hash.update(chunk);
    this.bytes += chunk.byteLength;
    this.queue.push(chunk);
    this.queued += chunk.byteLength;
    this.writing ??= this.pump();
    while (this.queued > this.queueBytes && this.writing !== undefined) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure.error;
  }

  private async pump(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        // All that waits, in one write where the writer can: each write is a round trip
        // through this thread's event loop, which a thread rendering rows turns seldom.
        const chunks = this.writer.writeMany === undefined ? this.queue.splice(0, 1) : this.queue.splice(0);
        // Taken: room for as much again while these are written.
        for (const chunk of chunks) this.queued -= chunk.byteLength;
        this.wake();
        if (chunks.length === 1) await this.writer.write(chunks[0] as Uint8Array);
        else await (this.writer.writeMany as NonNullable<ObjectWriter['writeMany']>)(chunks);
        for (const chunk of chunks) this.written?.(chunk);
      }
    } catch (error) {
      this.failure = { error };
      this.queue.length = 0;
      this.queued = 0;
    } finally {
      this.writing = undefined;
      this.wake();
    }
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
  }

  /** Everything queued written; the failure, if a write failed. */
  private async settle(): Promise<void> {
    while (this.writing !== undefined) await this.writing;
    this.throwIfFailed();
  }
}
