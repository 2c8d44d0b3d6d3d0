import { appendFileSync, closeSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Scratch files for a publication larger than memory: lines appended to named buckets,
 * read back one bucket at a time. On local disk, never in a Storage: it lives as long as
 * one publication (os.tmpdir(), /tmp in Lambda) and no one else reads it.
 *
 * Appends are buffered and written when the buffers pass `bufferChars`, so memory is the
 * buffer plus the one bucket being read. Synchronous file calls on purpose: the publication
 * has nothing else to do meanwhile, and a sync append of a few MB is cheaper than a stream
 * per bucket.
 */
export interface SpillOptions {
  /** Folder the scratch folder is made in. @default os.tmpdir() */
  readonly parent?: string;
  /** Characters buffered over all buckets before they are written out. @default 8 Mi */
  readonly bufferChars?: number;
}

const BUCKET = /^[A-Za-z0-9_=-]+$/;
const FOLDER_PREFIX = 'entente-publish-';

/**
 * Removes scratch folders under `parent` untouched for `olderThanMs`: those of publications
 * that were killed (a Lambda timeout ends the process, /tmp stays with the environment)
 * and never reached dispose(). Returns how many were removed. Folders of publications
 * still running are younger than any publication may last, so they stay.
 */
export function removeStaleSpills(olderThanMs: number, parent: string = os.tmpdir(), now = Date.now()): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(parent).filter((name) => name.startsWith(FOLDER_PREFIX));
  } catch {
    return 0;
  }
  for (const name of names) {
    const folder = path.join(parent, name);
    try {
      if (now - statSync(folder).mtimeMs < olderThanMs) continue;
      rmSync(folder, { recursive: true, force: true });
      removed++;
    } catch {
      // Gone meanwhile, or not ours to remove: nothing to do.
    }
  }
  return removed;
}

export class Spill {
  readonly folder: string;
  private readonly bufferChars: number;
  private readonly buffers = new Map<string, string[]>();
  private readonly written = new Set<string>();
  private buffered = 0;
  private disposed = false;

  constructor(options: SpillOptions = {}) {
    this.folder = mkdtempSync(path.join(options.parent ?? os.tmpdir(), FOLDER_PREFIX));
    this.bufferChars = options.bufferChars ?? 8 * 1024 * 1024;
  }

  /** `line` must not hold a line break (JSON.stringify never gives one). */
  append(bucket: string, line: string): void {
    if (!BUCKET.test(bucket)) throw new RangeError(`spill bucket "${bucket}" is not [A-Za-z0-9_=-]+`);
    const buffer = this.buffers.get(bucket);
    if (buffer) buffer.push(line);
    else this.buffers.set(bucket, [line]);
    this.written.add(bucket);
    this.buffered += line.length + 1;
    if (this.buffered >= this.bufferChars) this.flush();
  }

  /** Every bucket that has lines, sorted. */
  buckets(prefix = ''): string[] {
    return [...this.written].filter((b) => b.startsWith(prefix)).sort();
  }

  /** The bucket's lines in the order appended; [] for a bucket never written. */
  lines(bucket: string): string[] {
    if (!this.written.has(bucket)) return [];
    this.flushBucket(bucket);
    const text = readFileSync(this.fileOf(bucket), 'utf8');
    return text.length === 0 ? [] : text.slice(0, -1).split('\n');
  }

  /** The bucket's size in UTF-8 bytes, lines and line ends included. */
  bytes(bucket: string): number {
    if (!this.written.has(bucket)) return 0;
    this.flushBucket(bucket);
    return statSync(this.fileOf(bucket)).size;
  }

  /** The bucket's lines in order, a batch per chunk read: for buckets too large to load. */
  *lineBatches(bucket: string, chunkBytes = 4 * 1024 * 1024): Generator<string[]> {
    if (!this.written.has(bucket)) return;
    this.flushBucket(bucket);
    const fd = openSync(this.fileOf(bucket), 'r');
    try {
      const buffer = Buffer.alloc(chunkBytes);
      let carry: Buffer = Buffer.alloc(0);
      for (;;) {
        const read = readSync(fd, buffer, 0, buffer.length, null);
        if (read === 0) break;
        const data = carry.length === 0 ? buffer.subarray(0, read) : Buffer.concat([carry, buffer.subarray(0, read)]);
        const last = data.lastIndexOf(10);
        if (last < 0) {
          carry = Buffer.from(data);
          continue;
        }
        carry = Buffer.from(data.subarray(last + 1));
        // Split on bytes, not characters: a chunk may end inside a multi-byte character, never inside "\n".
        yield data.subarray(0, last).toString('utf8').split('\n');
      }
      if (carry.length > 0) yield [carry.toString('utf8')];
    } finally {
      closeSync(fd);
    }
  }

  /** The bucket's lines parsed as JSON. */
  records<T>(bucket: string): T[] {
    return this.lines(bucket).map((line) => JSON.parse(line) as T);
  }

  flush(): void {
    for (const bucket of [...this.buffers.keys()]) this.flushBucket(bucket);
    this.buffered = 0;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.buffers.clear();
    rmSync(this.folder, { recursive: true, force: true });
  }

  private flushBucket(bucket: string): void {
    const buffer = this.buffers.get(bucket);
    if (!buffer || buffer.length === 0) return;
    const text = `${buffer.join('\n')}\n`;
    this.buffers.delete(bucket);
    this.buffered -= text.length;
    appendFileSync(this.fileOf(bucket), text);
  }

  private fileOf(bucket: string): string {
    return path.join(this.folder, bucket);
  }
}
