import type { Spill } from './spill.js';
import { fieldLength, scanFrames } from './spill.js';

/**
 * An external sort by a string key, for more frames than memory holds: each frame goes
 * to a scratch bucket named for its key's first characters (a range of keys), and the
 * buckets are read back in key order, each sorted in memory. Nothing is merged: bucket
 * order is key order, so one pass writes and one pass reads.
 *
 * Keys whose first characters are spread evenly (hash ids) fill the buckets evenly;
 * `prefixChars` is chosen for the volume expected (16^n buckets of hex). Keys that share
 * a long prefix end up in one large bucket; a bucket larger than `maxBucketBytes` is
 * split again by more characters before it is read, as often as it takes, so memory stays
 * a bucket whatever the keys look like.
 *
 * Several sorts with the same prefixes (one per thread that wrote frames) read together
 * as one: the buckets of a prefix are sorted together. Frames come back as the bytes read
 * and where each frame lies in them (SortedFrames): most fields are on their way to a
 * file, and are copied from there without an object or a string for each.
 */
export interface RangeSortOptions {
  /** Characters of the key a bucket is named for. @default 2 */
  readonly prefixChars?: number;
  /** Buckets larger than about this many bytes are split before they are read. @default DEFAULT_MAX_BUCKET_BYTES */
  readonly maxBucketBytes?: number;
}

export const DEFAULT_MAX_BUCKET_BYTES = 32 * 1024 * 1024;

/** Characters added to the prefix each time a bucket is split again. */
const SPLIT_STEP = 2;

interface Range {
  readonly bucket: string;
  bytes: number;
}

/** A sort as plain data: what another thread needs to read what this one wrote (RangeSort.restore). */
export interface RangeSortState {
  readonly name: string;
  readonly prefixChars: number;
  readonly maxBucketBytes: number;
  readonly ranges: readonly (readonly [string, string, number])[];
  readonly made: number;
  readonly added: number;
}

/** A key prefix of one or more sorts, and the bytes its buckets hold. */
export interface PrefixBytes {
  readonly prefix: string;
  readonly bytes: number;
}

/**
 * Frames read back in key order, equal keys in the order added (and by sort, for sorts read
 * together); valid until the next are read. Frame `i`'s fields after the key lie one after the other in `bytesOf(i)`:
 * `bounds(i, b)` puts where each starts into b[0…], and where the last ends after them.
 */
export class SortedFrames {
  constructor(
    private readonly data: readonly Buffer[],
    private readonly sources: readonly number[],
    private readonly starts: readonly number[],
    /** The keys, in order. */
    readonly keys: readonly string[],
  ) {}

  get length(): number {
    return this.keys.length;
  }

  bytesOf(i: number): Buffer {
    return this.data[this.sources[i] as number] as Buffer;
  }

  /** Fills `bounds` for frame `i` (see the class); returns its field count, the key left out. */
  bounds(i: number, bounds: Int32Array): number {
    const data = this.bytesOf(i);
    const start = this.starts[i] as number;
    const count = (data[start]! | (data[start + 1]! << 8)) - 1;
    if (count + 1 > bounds.length) throw new RangeError(`a frame of ${count} fields does not fit ${bounds.length - 1} bounds`);
    let at = start + 2 + 4 * (count + 1) + fieldLength(data, start, 0);
    for (let f = 0; f < count; f++) {
      bounds[f] = at;
      at += fieldLength(data, start, f + 1);
    }
    bounds[count] = at;
    return count;
  }

  /** Field `f` (0: the first after the key) of frame `i`, decoded: for the few fields that are read, not copied. */
  text(i: number, f: number, encoding: BufferEncoding = 'utf8'): string {
    const bounds = new Int32Array(f + 2 > 64 ? f + 2 : 64);
    const count = this.bounds(i, bounds);
    if (f >= count) throw new RangeError(`frame ${i} has ${count} fields, not ${f + 1}`);
    return this.bytesOf(i).toString(encoding, bounds[f], bounds[f + 1]);
  }
}

export class RangeSort {
  private readonly prefixChars: number;
  private readonly maxBucketBytes: number;
  private ranges = new Map<string, Range>();
  private made = 0;
  private added = 0;

  /** `name`: the scratch bucket prefix of this sort, a name no other user of `spill` starts a bucket with. */
  constructor(
    private readonly spill: Spill,
    private readonly name: string,
    options: RangeSortOptions = {},
  ) {
    this.prefixChars = Math.max(1, options.prefixChars ?? 2);
    this.maxBucketBytes = options.maxBucketBytes ?? DEFAULT_MAX_BUCKET_BYTES;
  }

  /** What it holds, once every frame is added and its spill flushed. */
  state(): RangeSortState {
    return {
      name: this.name,
      prefixChars: this.prefixChars,
      maxBucketBytes: this.maxBucketBytes,
      ranges: [...this.ranges].map(([prefix, range]) => [prefix, range.bucket, range.bytes] as const),
      made: this.made,
      added: this.added,
    };
  }

  /** The sort another thread wrote in `spill`'s folder, to be read here. */
  static restore(spill: Spill, state: RangeSortState): RangeSort {
    const sort = new RangeSort(spill, state.name, { prefixChars: state.prefixChars, maxBucketBytes: state.maxBucketBytes });
    spill.adopt(state.ranges.map(([, bucket]) => bucket));
    sort.ranges = new Map(state.ranges.map(([prefix, bucket, bytes]) => [prefix, { bucket, bytes }]));
    sort.made = state.made;
    sort.added = state.added;
    return sort;
  }

  /**
   * The buckets a large sort of hash-led keys named `name` will write (one per prefix, up to
   * 1,024), to make their files ahead (Spill.prepare); none for one-character prefixes
   * (what a small publication gets: its few files are made as they are written).
   */
  static bucketNames(name: string, prefixChars: number): string[] {
    if (prefixChars < 2) return [];
    return Array.from({ length: Math.min(16 ** prefixChars, 1024) }, (_, n) => `${name}${n}`);
  }

  /** Frames added so far. */
  get size(): number {
    return this.added;
  }

  /** A frame: its key, then its fields (any strings). */
  add(key: string, fields: readonly string[]): void {
    const prefix = key.slice(0, this.prefixChars);
    let range = this.ranges.get(prefix);
    if (range === undefined) {
      range = { bucket: `${this.name}${this.made++}`, bytes: 0 };
      this.ranges.set(prefix, range);
    }
    // Strings are counted by their length: a lower bound of their bytes, close for the text here.
    range.bytes += key.length + 4;
    for (const field of fields) range.bytes += field.length + 4;
    this.spill.appendFrame(range.bucket, [key, ...fields]);
    this.added++;
  }

  /** Every frame in key order (ties in the order added), a bucket at a time. */
  sorted(): Generator<SortedFrames> {
    return RangeSort.sortedTogether([this], { splitName: `${this.name}s` });
  }

  /** The prefixes of `sorts` in key order, with the bytes of their buckets together: to share the reading between threads. */
  static prefixes(sorts: readonly RangeSort[]): PrefixBytes[] {
    const bytes = new Map<string, number>();
    for (const sort of sorts) for (const [prefix, range] of sort.ranges) bytes.set(prefix, (bytes.get(prefix) ?? 0) + range.bytes);
    return [...bytes.keys()].sort(compare).map((prefix) => ({ prefix, bytes: bytes.get(prefix) as number }));
  }

  /**
   * The frames of several sorts with the same prefixChars (each written by one thread) in one
   * key order, a bucket range at a time; equal keys in the order of `sorts`, then the order
   * added. `prefixes`: only those (a thread's share, see prefixes()). `splitName`: the
   * bucket prefix for buckets split again, one that no other reader of the folder uses.
   */
  static *sortedTogether(sorts: readonly RangeSort[], options: { readonly prefixes?: readonly string[]; readonly splitName: string }): Generator<SortedFrames> {
    const first = sorts[0];
    if (first === undefined) return;
    for (const sort of sorts) {
      if (sort.prefixChars !== first.prefixChars) throw new RangeError(`sorts read together must share their prefix length (${first.name}: ${first.prefixChars}, ${sort.name}: ${sort.prefixChars})`);
    }
    const wanted = options.prefixes === undefined ? undefined : new Set(options.prefixes);
    const groups = new Map<string, Range[]>();
    for (const sort of sorts) {
      for (const [prefix, range] of sort.ranges) {
        if (wanted !== undefined && !wanted.has(prefix)) continue;
        const group = groups.get(prefix);
        if (group === undefined) groups.set(prefix, [range]);
        else group.push(range);
      }
    }
    const split = { name: options.splitName, made: 0 };
    yield* read(first.spill, groups, first.prefixChars, first.maxBucketBytes, split);
  }
}

function* read(spill: Spill, groups: Map<string, Range[]>, depth: number, maxBucketBytes: number, split: { readonly name: string; made: number }): Generator<SortedFrames> {
  for (const prefix of [...groups.keys()].sort(compare)) {
    const ranges = groups.get(prefix) as Range[];
    const bytes = ranges.reduce((n, r) => n + r.bytes, 0);
    if (bytes <= maxBucketBytes || prefix.length < depth) {
      // A prefix shorter than the depth is a whole key: nothing to split it by.
      // Read into buffers kept from one range to the next: the frames are done with by then.
      const data = ranges.map((r, slot) => spill.bytes(r.bucket, slot));
      for (const r of ranges) spill.discard(r.bucket);
      yield sortedFrames(data);
      continue;
    }
    const next = depth + SPLIT_STEP;
    const deeper = new Map<string, Range[]>();
    for (const range of ranges) {
      let carry: Buffer | undefined;
      for (const chunk of spill.chunks(range.bucket)) {
        const data = carry === undefined ? chunk : Buffer.concat([carry, chunk]);
        const whole = scanFrames(data, (start, fields, end) => {
          const key = data.toString('utf8', fields, fields + fieldLength(data, start, 0));
          const sub = key.slice(0, next);
          let group = deeper.get(sub);
          if (group === undefined) {
            group = [{ bucket: `${split.name}${split.made++}`, bytes: 0 }];
            deeper.set(sub, group);
          }
          (group[0] as Range).bytes += end - start;
          spill.appendRaw((group[0] as Range).bucket, data, start, end);
        });
        carry = whole === data.byteLength ? undefined : Buffer.from(data.subarray(whole));
      }
      if (carry !== undefined) throw new Error(`scratch bucket "${range.bucket}" ends inside a frame`);
      spill.discard(range.bucket);
    }
    yield* read(spill, deeper, next, maxBucketBytes, split);
  }
}

/** The frames of `data` (buckets in the order of their sorts), sorted by key; equal keys keep their order. */
function sortedFrames(data: readonly Buffer[]): SortedFrames {
  const keys: string[] = [];
  const sources: number[] = [];
  const starts: number[] = [];
  data.forEach((bytes, source) => {
    const whole = scanFrames(bytes, (start, fields) => {
      keys.push(bytes.toString('utf8', fields, fields + fieldLength(bytes, start, 0)));
      sources.push(source);
      starts.push(start);
    });
    if (whole !== bytes.byteLength) throw new Error('a scratch bucket ends inside a frame');
  });
  const order = keys.map((_, i) => i);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = (keys[i - 1] as string) <= (keys[i] as string);
  if (sorted) return new SortedFrames(data, sources, starts, keys);
  order.sort((a, b) => compare(keys[a] as string, keys[b] as string) || a - b);
  return new SortedFrames(
    data,
    order.map((i) => sources[i] as number),
    order.map((i) => starts[i] as number),
    order.map((i) => keys[i] as string),
  );
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
