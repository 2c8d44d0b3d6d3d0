import { close, closeSync, fstatSync, mkdtempSync, open, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, unlink, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Scratch files for a publication larger than memory: text appended to named buckets,
 * read back one bucket at a time. On local disk, never in a Storage: it lives as long as
 * one publication (os.tmpdir(), /tmp in Lambda) and no one else reads it.
 *
 * A bucket holds one of three shapes, and is read back the way it was written:
 *   - lines (append / lines, records): text without line breaks, such as JSON;
 *   - frames (appendFrame, read with bytes + scanFrames): a few strings of any content (CSV
 *     records hold line breaks), read back as bytes, so that text on its way to a file is
 *     never decoded and encoded again: a frame is its field count (uint16), each field's
 *     length in bytes (uint32), then the fields' UTF-8, one after the other;
 *   - raw text (appendRaw / chunks): bytes to be copied out as they are.
 *
 * Appends are encoded at once into a small buffer per bucket, written out when it is full:
 * memory is those buffers plus the one bucket being read, and the appended strings die
 * young (held until a large flush, they survived garbage collections and cost more to
 * collect than to write). Synchronous file calls on purpose: the publication has nothing
 * else to do meanwhile. Buckets keep their file open while they are written.
 */
export interface SpillOptions {
  /** Folder the scratch folder is made in. @default os.tmpdir() */
  readonly parent?: string;
  /**
   * A scratch folder another Spill made, to write and read buckets in it from another
   * thread: this one neither makes nor removes the folder. @default a new folder under `parent`
   */
  readonly folder?: string;
  /** Bytes buffered per bucket before they are written out. @default 64 Ki */
  readonly bufferBytes?: number;
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
  private readonly bufferBytes: number;
  private readonly buffers = new Map<string, { readonly bytes: Buffer; used: number }>();
  private readonly written = new Set<string>();
  private readonly descriptors = new Map<string, number>();
  private disposed = false;
  private readonly owned: boolean;
  private readonly discarded = new Set<string>();
  /** Buffers buckets are read into (bytes with a slot), kept, and grown, from one bucket to the next. */
  private readonly slots: Buffer[] = [];

  constructor(options: SpillOptions = {}) {
    this.owned = options.folder === undefined;
    this.folder = options.folder ?? mkdtempSync(path.join(options.parent ?? os.tmpdir(), FOLDER_PREFIX));
    this.bufferBytes = Math.max(16, options.bufferBytes ?? 64 * 1024);
  }

  /**
   * A bucket read for the last time: its file is removed in the background (an unlink of a
   * large file is slow on some disks, and the publication has other work meanwhile). Its
   * name is not to be written again: the removal could take the new file's place.
   */
  discard(bucket: string): void {
    if (!this.written.has(bucket)) return;
    this.discarded.add(bucket);
    this.buffers.delete(bucket);
    this.closeDescriptor(bucket);
    this.written.delete(bucket);
    unlink(this.fileOf(bucket), () => {
      // Gone already (the folder disposed of meanwhile) or not: nothing depends on it.
    });
  }

  /**
   * Makes the files of buckets about to be written, in the background (Node's thread pool):
   * making a file takes about a millisecond on some disks, and a scatter writes hundreds.
   * A file made is this Spill's once the event loop has had a turn (resolved when all are);
   * a bucket written before that opens its file as usual, and the later one is closed.
   */
  prepare(buckets: readonly string[]): Promise<void> {
    const opened: Promise<void>[] = [];
    for (const bucket of buckets) {
      if (!BUCKET.test(bucket)) throw new RangeError(`spill bucket "${bucket}" is not [A-Za-z0-9_=-]+`);
      if (this.descriptors.has(bucket) || this.discarded.has(bucket)) continue;
      opened.push(
        new Promise<void>((resolve) =>
          open(this.fileOf(bucket), 'a', (error, fd) => {
            resolve();
            if (error !== null) return; // Made when first written, as without this.
            if (this.disposed || this.descriptors.has(bucket) || this.discarded.has(bucket) || this.descriptors.size >= MAX_OPEN_BUCKETS) close(fd, () => undefined);
            else this.descriptors.set(bucket, fd);
          }),
        ),
      );
    }
    return Promise.all(opened).then(() => undefined);
  }

  /** Buckets another Spill on this folder wrote (and flushed): readable here from now on. */
  adopt(buckets: readonly string[]): void {
    for (const bucket of buckets) {
      if (!BUCKET.test(bucket)) throw new RangeError(`spill bucket "${bucket}" is not [A-Za-z0-9_=-]+`);
      this.written.add(bucket);
    }
  }

  /** `line` must not hold a line break (JSON.stringify never gives one). */
  append(bucket: string, line: string): void {
    this.push(bucket, line);
    this.push(bucket, '\n');
  }

  /** Text or bytes as they are (of bytes, those from `start` to `end`): read back only as a whole (chunks, bytes). */
  appendRaw(bucket: string, data: string | Uint8Array, start = 0, end = typeof data === 'string' ? data.length : data.byteLength): void {
    if (typeof data === 'string') {
      if (data.length > 0) this.push(bucket, data);
      return;
    }
    const length = end - start;
    let buffer = this.bufferOf(bucket);
    if (length > buffer.bytes.length - buffer.used) {
      buffer = this.flushBucket(bucket, length) ?? buffer;
      if (length > buffer.bytes.length) {
        writeSync(this.descriptor(bucket), data, start, length);
        return;
      }
    }
    buffer.bytes.set(start === 0 && end === data.byteLength ? data : data.subarray(start, end), buffer.used);
    buffer.used += length;
  }

  /** Strings (or bytes) of any content, read back as one frame of bytes (bytes + scanFrames). */
  appendFrame(bucket: string, fields: readonly (string | Uint8Array)[]): void {
    let buffer = this.bufferOf(bucket);
    const most = frameBytesAtMost(fields);
    if (most > buffer.bytes.length - buffer.used) {
      buffer = this.flushBucket(bucket, most) ?? buffer;
      if (most > buffer.bytes.length) {
        // Larger than the buffer: written on its own.
        const own = Buffer.allocUnsafe(most);
        writeSync(this.descriptor(bucket), own, 0, encodeFrame(own, 0, fields));
        return;
      }
    }
    buffer.used = encodeFrame(buffer.bytes, buffer.used, fields);
  }

  /** Every bucket that has been written, sorted. */
  buckets(prefix = ''): string[] {
    return [...this.written].filter((b) => b.startsWith(prefix)).sort();
  }

  /** The bucket's lines in the order appended; [] for a bucket never written. */
  lines(bucket: string): string[] {
    const lines: string[] = [];
    this.eachLine(bucket, LINES_SLOT, (data, start, end) => lines.push(data.toString('utf8', start, end)));
    return lines;
  }

  /**
   * The bucket's bytes, whole (none for a bucket never written): for a bucket read at once.
   * With `slot`, they are read into a buffer this Spill keeps for that slot, and stay valid
   * only until the next read into it (see eachLine for why).
   */
  bytes(bucket: string, slot?: number): Buffer {
    if (!this.written.has(bucket)) return Buffer.alloc(0);
    this.flushBucket(bucket);
    this.closeDescriptor(bucket);
    if (slot === undefined) return readFileSync(this.fileOf(bucket));
    const fd = openSync(this.fileOf(bucket), 'r');
    try {
      const size = fstatSync(fd).size;
      let buffer = this.slots[slot];
      if (buffer === undefined || buffer.byteLength < size) {
        buffer = Buffer.allocUnsafeSlow(Math.max(size, (buffer?.byteLength ?? 0) * 2));
        this.slots[slot] = buffer;
      }
      let at = 0;
      while (at < size) {
        const read = readSync(fd, buffer, at, size - at, at);
        if (read === 0) break;
        at += read;
      }
      return buffer.subarray(0, at);
    } finally {
      closeSync(fd);
    }
  }

  /** The bucket's bytes, a chunk at a time (each a fresh Buffer, or one `take` gives): for copying out. */
  *chunks(bucket: string, chunkBytes = 4 * 1024 * 1024, take?: () => Buffer): Generator<Buffer> {
    if (!this.written.has(bucket)) return;
    this.flushBucket(bucket);
    this.closeDescriptor(bucket);
    const fd = openSync(this.fileOf(bucket), 'r');
    try {
      // No larger than what is left: a 4 MiB buffer for a bucket of 50 KB is memory outside
      // the heap that V8 collects for. `take` gives buffers of chunkBytes (a ChunkPool's).
      let left = fstatSync(fd).size;
      while (left > 0) {
        const buffer = take !== undefined && left >= chunkBytes ? take() : Buffer.allocUnsafe(Math.min(chunkBytes, left));
        const read = readSync(fd, buffer, 0, buffer.byteLength, null);
        if (read === 0) break;
        left -= read;
        yield buffer.subarray(0, read);
      }
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Appends a record's JSON (no line break in it) under `group`, a 32-bit number: the
   * records of one group are read back together (recordGroups).
   */
  appendGrouped(bucket: string, group: number, json: string): void {
    this.push(bucket, (group >>> 0).toString(16).padStart(8, '0'));
    this.push(bucket, json);
    this.push(bucket, '\n');
  }

  /**
   * The records of a bucket written with appendGrouped, parsed, in sets of about
   * `setSize`: the records of a group always in one set, in the order written. One set is
   * parsed at a time, so that the objects of a large bucket never live all at once: those of
   * a set die young, before the collector copies them (a publication's report shards, where
   * fusing a shard of 4,000 reports at once spent about a fifth of its time collecting).
   */
  *recordGroups<T>(bucket: string, setSize: number): Generator<T[]> {
    const starts: number[] = [];
    const ends: number[] = [];
    const groups: number[] = [];
    let bytes: Buffer | undefined;
    this.eachLine(bucket, GROUPS_SLOT, (data, start, end) => {
      if (end - start < GROUP_CHARS) throw new Error(`spill bucket "${bucket}" holds a line without its group`);
      bytes = data;
      starts.push(start + GROUP_CHARS);
      ends.push(end);
      groups.push(hexAt(data, start));
    });
    const data = bytes;
    if (data === undefined) return;
    const sets = Math.max(1, Math.ceil(starts.length / Math.max(1, setSize)));
    const members: number[][] = Array.from({ length: sets }, () => []);
    // Mixed first: the caller's groups may share their low bits (a shard is one residue of them).
    for (let i = 0; i < groups.length; i++) (members[mix32(groups[i] as number) % sets] as number[]).push(i);
    for (const set of members) {
      if (set.length === 0) continue;
      // Read from the slot's buffer, which nothing else reads into meanwhile (GROUPS_SLOT is this method's).
      yield set.map((i) => JSON.parse(data.toString('utf8', starts[i], ends[i])) as T);
    }
  }

  flush(): void {
    for (const bucket of [...this.buffers.keys()]) this.flushBucket(bucket);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // A folder that is not ours outlives this Spill: what is buffered goes to it.
    if (!this.owned) this.flush();
    this.buffers.clear();
    this.closeDescriptors();
    if (this.owned) rmSync(this.folder, { recursive: true, force: true });
  }

  private bufferOf(bucket: string): { readonly bytes: Buffer; used: number } {
    let buffer = this.buffers.get(bucket);
    if (buffer === undefined) {
      if (!BUCKET.test(bucket)) throw new RangeError(`spill bucket "${bucket}" is not [A-Za-z0-9_=-]+`);
      if (this.discarded.has(bucket)) throw new RangeError(`spill bucket "${bucket}" was discarded and cannot be written again`);
      // Small at first: a publication of a few articles writes to hundreds of buckets a few lines each.
      buffer = { bytes: Buffer.allocUnsafe(Math.min(this.bufferBytes, 4096)), used: 0 };
      this.buffers.set(bucket, buffer);
      this.written.add(bucket);
    }
    return buffer;
  }

  private push(bucket: string, piece: string): void {
    let buffer = this.bufferOf(bucket);
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
    if (piece.length * 3 > buffer.bytes.length - buffer.used) {
      buffer = this.flushBucket(bucket, piece.length * 3) ?? buffer;
      if (piece.length * 3 > buffer.bytes.length) {
        writeSync(this.descriptor(bucket), piece);
        return;
      }
    }
    buffer.used += buffer.bytes.write(piece, buffer.used);
  }

  /**
   * Each line of the bucket, as where it lies in bytes read into a buffer this Spill keeps
   * for reading: a bucket read as one fresh buffer and one string of megabytes cost the
   * process new memory pages each time, a few microseconds each on some machines.
   */
  private eachLine(bucket: string, slot: number, onLine: (data: Buffer, start: number, end: number) => void): void {
    const data = this.bytes(bucket, slot);
    for (let start = 0; start < data.byteLength; ) {
      const end = data.indexOf(0x0a, start);
      if (end < 0) throw new Error(`spill bucket "${bucket}" ends inside a line`);
      onLine(data, start, end);
      start = end + 1;
    }
  }

  /**
   * Writes out what the bucket's buffer holds; returns the buffer to go on with: a larger
   * one (up to bufferBytes) when a small one filled up or `need` bytes do not fit in it.
   */
  private flushBucket(bucket: string, need = 0): { readonly bytes: Buffer; used: number } | undefined {
    const buffer = this.buffers.get(bucket);
    if (!buffer) return undefined;
    if (buffer.used > 0) {
      writeSync(this.descriptor(bucket), buffer.bytes, 0, buffer.used);
      buffer.used = 0;
    } else if (need <= buffer.bytes.byteLength) return buffer;
    const size = buffer.bytes.byteLength;
    if (size >= this.bufferBytes) return buffer;
    const larger = { bytes: Buffer.allocUnsafe(Math.min(this.bufferBytes, Math.max(size * 4, need))), used: 0 };
    this.buffers.set(bucket, larger);
    return larger;
  }

  private descriptor(bucket: string): number {
    let fd = this.descriptors.get(bucket);
    if (fd === undefined) {
      // Under the usual limit of 1,024 open files (Lambda's too), with room for sockets.
      if (this.descriptors.size >= MAX_OPEN_BUCKETS) this.closeDescriptors();
      fd = openSync(this.fileOf(bucket), 'a');
      this.descriptors.set(bucket, fd);
    }
    return fd;
  }

  /** A bucket being read is usually done with: its file need not stay open (it reopens on the next append). */
  private closeDescriptor(bucket: string): void {
    this.buffers.delete(bucket);
    const fd = this.descriptors.get(bucket);
    if (fd === undefined) return;
    closeSync(fd);
    this.descriptors.delete(bucket);
  }

  private closeDescriptors(): void {
    for (const fd of this.descriptors.values()) closeSync(fd);
    this.descriptors.clear();
  }

  private fileOf(bucket: string): string {
    return path.join(this.folder, bucket);
  }
}

const MAX_OPEN_BUCKETS = 768;

/** The slot lines are read into; bytes' callers take slots from 0. */
const LINES_SLOT = 1023;
const GROUPS_SLOT = 1022;
/** A group's number, as the hexadecimal digits leading its line. */
const GROUP_CHARS = 8;

function hexAt(data: Buffer, start: number): number {
  let n = 0;
  for (let i = start; i < start + GROUP_CHARS; i++) {
    const c = data[i] as number;
    n = n * 16 + (c <= 0x39 ? c - 0x30 : c - 0x57);
  }
  return n;
}

/** A 32-bit mix (lowbias32): every bit of the input reaches the low bits of the output. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Bytes a frame of `fields` takes at most (UTF-8 lengths are known only once encoded). */
function frameBytesAtMost(fields: readonly (string | Uint8Array)[]): number {
  if (fields.length > 0xffff) throw new RangeError(`a spill frame holds at most 65,535 fields, not ${fields.length}`);
  let most = 2 + 4 * fields.length;
  // A UTF-16 code unit is at most 3 bytes of UTF-8.
  for (const field of fields) most += typeof field === 'string' ? field.length * 3 : field.byteLength;
  return most;
}

/** Writes a frame of `fields` into `target` at `at` (room for frameBytesAtMost); returns where it ends. */
function encodeFrame(target: Buffer, at: number, fields: readonly (string | Uint8Array)[]): number {
  // The header is written after the fields, into the room kept for it: UTF-8 lengths are known only then.
  const header = at;
  target.writeUInt16LE(fields.length, header);
  let end = header + 2 + 4 * fields.length;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string | Uint8Array;
    let length: number;
    if (typeof field === 'string') length = target.write(field, end);
    else {
      target.set(field, end);
      length = field.byteLength;
    }
    target.writeUInt32LE(length, header + 2 + 4 * i);
    end += length;
  }
  return end;
}

/**
 * Calls `onFrame` for every whole frame of `data` (written by appendFrame), in order, with
 * where it starts, where its fields start (after the header), and where it ends; returns
 * where the whole frames end (a frame cut short, at the end of a chunk, is left).
 */
export function scanFrames(data: Uint8Array, onFrame: (start: number, fields: number, end: number) => void): number {
  let at = 0;
  for (let end = frameEnd(data, at); end >= 0; end = frameEnd(data, at)) {
    onFrame(at, at + 2 + 4 * (data[at]! | (data[at + 1]! << 8)), end);
    at = end;
  }
  return at;
}

/** Where the frame at `start` of `data` ends; -1 when `data` ends before it does. */
function frameEnd(data: Uint8Array, start: number): number {
  const bytes = data.byteLength;
  if (start + 2 > bytes) return -1;
  const header = start + 2;
  const fields = header + 4 * (data[start]! | (data[start + 1]! << 8));
  if (fields > bytes) return -1;
  let end = fields;
  for (let h = header; h < fields; h += 4) end += (data[h]! | (data[h + 1]! << 8) | (data[h + 2]! << 16)) + data[h + 3]! * 0x1000000;
  return end > bytes ? -1 : end;
}

/** The length in bytes of field `f` of the frame at `start` (one scanFrames found). */
export function fieldLength(data: Uint8Array, start: number, f: number): number {
  const h = start + 2 + 4 * f;
  return (data[h]! | (data[h + 1]! << 8) | (data[h + 2]! << 16)) + data[h + 3]! * 0x1000000;
}
