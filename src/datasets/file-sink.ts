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
 */
export class FileSink {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private pending: string[] = [];
  private pendingChars = 0;
  /** The write under way: the next chunk is prepared meanwhile, and waits for it. */
  private inFlight: Promise<void> | undefined;
  private failure: { readonly error: unknown } | undefined;

  private constructor(
    readonly key: string,
    private readonly writer: ObjectWriter,
    private readonly chunkChars: number,
  ) {}

  static async open(storage: Storage, key: string, options: PutOptions & { readonly chunkChars?: number } = {}): Promise<FileSink> {
    const { chunkChars, ...put } = options;
    return new FileSink(key, await storage.openWrite(key, put), chunkChars ?? 1024 * 1024);
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
    await this.inFlight;
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
   * Hands a chunk (never reused by the caller) to the writer without waiting for it to be
   * written, once the previous one is: the publisher builds the next chunk meanwhile (it
   * waited about a tenth of its time on the disk). A failed write fails the next call.
   */
  private async send(chunk: Uint8Array): Promise<void> {
    await this.settle();
    this.hash.update(chunk);
    this.bytes += chunk.byteLength;
    this.inFlight = this.writer.write(chunk).catch((error: unknown) => {
      this.failure = { error };
    });
  }

  private async settle(): Promise<void> {
    await this.inFlight;
    this.inFlight = undefined;
    if (this.failure !== undefined) throw this.failure.error;
  }
}
