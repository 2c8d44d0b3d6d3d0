import type { Spill } from './spill.js';

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
 * a bucket whatever the keys look like. Fields come back as bytes (views of the bucket
 * read): most are on their way to a file and need not be decoded.
 */
export interface RangeSortOptions {
  /** Characters of the key a bucket is named for. @default 2 */
  readonly prefixChars?: number;
  /** Buckets larger than about this many bytes are split before they are read. @default 32 MiB */
  readonly maxBucketBytes?: number;
}

/** Characters added to the prefix each time a bucket is split again. */
const SPLIT_STEP = 2;

interface Range {
  readonly bucket: string;
  bytes: number;
}

/** A frame read back: its key, and its fields as UTF-8 bytes. */
export interface SortedFrame {
  readonly key: string;
  readonly fields: readonly Buffer[];
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
    this.maxBucketBytes = options.maxBucketBytes ?? 32 * 1024 * 1024;
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

  /** Frames added so far. */
  get size(): number {
    return this.added;
  }

  /** A frame: its key, then its fields (any strings). */
  add(key: string, fields: readonly string[]): void {
    this.put(this.ranges, key.slice(0, this.prefixChars), key, [key, ...fields]);
    this.added++;
  }

  /** Every frame in key order (ties in the order added), a bucket at a time. */
  *sorted(): Generator<SortedFrame[]> {
    yield* this.read(this.ranges, this.prefixChars);
  }

  private *read(ranges: Map<string, Range>, depth: number): Generator<SortedFrame[]> {
    const prefixes = [...ranges.keys()].sort(compare);
    for (const prefix of prefixes) {
      const range = ranges.get(prefix) as Range;
      if (range.bytes <= this.maxBucketBytes || prefix.length < depth) {
        // A prefix shorter than the depth is a whole key: nothing to split it by.
        const frames = this.spill.frames(range.bucket).map((frame): SortedFrame => ({ key: (frame[0] as Buffer).toString('utf8'), fields: frame.slice(1) }));
        this.spill.discard(range.bucket);
        // Array.prototype.sort is stable: equal keys keep the order added.
        yield frames.length < 2 ? frames : frames.sort((x, y) => compare(x.key, y.key));
        continue;
      }
      const deeper = new Map<string, Range>();
      const next = depth + SPLIT_STEP;
      for (const frames of this.spill.frameBatches(range.bucket)) {
        for (const frame of frames) {
          const key = (frame[0] as Buffer).toString('utf8');
          this.put(deeper, key.slice(0, next), key, frame);
        }
      }
      this.spill.discard(range.bucket);
      yield* this.read(deeper, next);
    }
  }

  private put(ranges: Map<string, Range>, prefix: string, key: string, frame: readonly (string | Buffer)[]): void {
    let range = ranges.get(prefix);
    if (range === undefined) {
      range = { bucket: `${this.name}${this.made++}`, bytes: 0 };
      ranges.set(prefix, range);
    }
    // Strings are counted by their length: a lower bound of their bytes, close for the text here.
    for (const field of frame) range.bytes += (typeof field === 'string' ? field.length : field.byteLength) + 4;
    this.spill.appendFrame(range.bucket, frame);
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);


/**
 * The frames of several sorts in one key order, in batches of `batchFrames` (a bucket can
 * be large; what is written from a batch is held twice while it is written): the sorts of
 * one table written by several threads. Keys must differ between the sorts.
 */
export function* mergeSorted(sources: readonly Iterable<SortedFrame[]>[], batchFrames = 2048): Generator<SortedFrame[]> {
  const heads = sources.map((source) => ({ batches: source[Symbol.iterator](), frames: [] as SortedFrame[], at: 0 }));
  const refill = (head: (typeof heads)[number]): boolean => {
    while (head.at >= head.frames.length) {
      const next = head.batches.next();
      if (next.done) return false;
      head.frames = next.value;
      head.at = 0;
    }
    return true;
  };
  const live = heads.filter(refill);
  let batch: SortedFrame[] = [];
  while (live.length > 0) {
    // A few sources (one per thread): a scan finds the least head.
    let least = 0;
    for (let i = 1; i < live.length; i++) {
      if ((live[i]!.frames[live[i]!.at] as SortedFrame).key < (live[least]!.frames[live[least]!.at] as SortedFrame).key) least = i;
    }
    const head = live[least]!;
    batch.push(head.frames[head.at++] as SortedFrame);
    if (!refill(head)) live.splice(least, 1);
    if (batch.length >= batchFrames) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
