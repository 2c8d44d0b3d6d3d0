import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { BucketWriter } from './background-buckets.js';
import { BackgroundBuckets } from './background-buckets.js';
import type { ChunkPool } from './chunk-builder.js';
import type { FileSink } from './file-sink.js';
import type { RowTable, RunRows } from './in-order.js';
import { monthBucket } from './in-order.js';
import type { PartitionWriter } from './partitions.js';
import type { TableSchema } from './schema.js';
import { AGREEMENTS_TABLE, EVENTS_TABLE } from './schema.js';
import type { Spill } from './spill.js';

/**
 * Partitions written straight at most (the rest go through scratch): each holds a file
 * descriptor until the pass ends. Node raises the descriptor limit to the hard limit
 * (thousands on Linux and macOS); the scratch Spill holds up to 768 more. Ten years of
 * events and agreements make 242.
 */
export const MAX_STRAIGHT_PARTITIONS = 512;

const TABLES: Readonly<Record<RowTable, TableSchema>> = { events: EVENTS_TABLE, agreements: AGREEMENTS_TABLE };

const tableOf = (bucket: string): RowTable => (bucket.startsWith('pe') ? 'events' : 'agreements');

type MonthWriter = (BucketWriter & { readonly partition: FileSink }) | (BucketWriter & { readonly scratch: FileHandle });

export interface MonthPartitionsOptions {
  /** Months written straight to their partitions (Storage.cheapOpenWriters), up to `maxStraight`. */
  readonly straight: boolean;
  /** @default MAX_STRAIGHT_PARTITIONS */
  readonly maxStraight?: number;
  /** See FileSink: each chunk copied from scratch to a partition, once written. */
  readonly written?: (chunk: Uint8Array) => void;
}

/**
 * The last pass's rows (in-order.ts) by month, to the monthly partitions (partitions.ts):
 * each row comes in the full files' order, so a partition's rows are in that order too.
 *
 * Where the storage holds many open writers cheaply (a filesystem: a descriptor each), a
 * month's rows go straight to its partition's file, opened at its first row, and the
 * 0.4 GB of months at 1M reports are written once. Elsewhere (S3: each open upload holds
 * up to a 5 MiB part in memory), and past MAX_STRAIGHT_PARTITIONS, they go to scratch, and
 * each partition is copied from there once the pass is done, one at a time. Either way
 * the writes are in the background (background-buckets.ts), and a partition is made
 * visible only when its bytes changed (PartitionWriter.closePartition).
 */
export class MonthPartitions {
  private readonly rows: Record<RowTable, Map<string, number>> = { events: new Map(), agreements: new Map() };
  private readonly buckets: BackgroundBuckets<MonthWriter>;
  private straight = 0;
  /** Partitions open and not yet closed or dropped, and those being opened (for `abort`). */
  private readonly open = new Set<FileSink>();
  private readonly opening = new Set<Promise<FileSink>>();
  /** Every write done, once asked (by finish, or by abort). */
  private settled: Promise<ReadonlyMap<string, MonthWriter>> | undefined;

  constructor(
    private readonly partitions: PartitionWriter,
    private readonly spill: Spill,
    private readonly options: MonthPartitionsOptions,
  ) {
    this.buckets = new BackgroundBuckets<MonthWriter>((bucket) => this.openWriter(bucket));
  }

  /** A piece of a row (the pieces of a row one after the other) to its month (YYYYMM). */
  append(table: RowTable, month: string, data: Uint8Array | string, start?: number, end?: number): void {
    this.buckets.append(monthBucket(table, month), data, start, end);
  }

  /** Rows of another thread, for the month of `bucket` (monthBucket). */
  appendBucket(bucket: string, chunk: Uint8Array): void {
    this.buckets.append(bucket, chunk);
  }

  /** A run's rows by month, counted. */
  count(table: RowTable, months: RunRows['months']): void {
    for (const [month, n] of months) this.rows[table].set(month, (this.rows[table].get(month) ?? 0) + n);
  }

  /** Once every row is in: each partition closed or copied, in month order, events before agreements. */
  async finish(pool: ChunkPool): Promise<void> {
    const writers = await this.settle();
    const months = [...new Set([...this.rows.events.keys(), ...this.rows.agreements.keys()])].sort();
    const each = months.flatMap((month) =>
      (['events', 'agreements'] as const).flatMap((table) => {
        const rows = this.rows[table].get(month);
        const writer = writers.get(monthBucket(table, month));
        return rows === undefined || writer === undefined ? [] : [{ table, month, rows, writer }];
      }),
    );
    const copied = each.filter((p) => 'scratch' in p.writer);
    // A partition copied from scratch is opened while the one before is written (opening a
    // file took about a millisecond here).
    const openCopy = (i: number): Promise<FileSink> | undefined => {
      const next = copied[i];
      if (next === undefined) return undefined;
      return this.openPartition(next.table, next.month, this.options.written);
    };
    let opening = openCopy(0);
    let c = 0;
    for (const { table, month, rows, writer } of each) {
      if ('partition' in writer) {
        await this.partitions.closePartition(writer.partition, rows);
        this.open.delete(writer.partition);
        continue;
      }
      const partition = await (opening as Promise<FileSink>);
      opening = openCopy(++c);
      const bucket = monthBucket(table, month);
      for (const chunk of this.spill.chunks(bucket, pool.chunkBytes, () => pool.take())) await partition.writeBytes(chunk);
      this.spill.discard(bucket);
      await this.partitions.closePartition(partition, rows);
      this.open.delete(partition);
    }
  }

  /** After a failure: every partition still open dropped (its key keeps what it held), scratch closed. */
  async abort(): Promise<void> {
    await this.settle().catch(() => undefined);
    await Promise.allSettled(this.opening);
    for (const sink of [...this.open]) {
      this.open.delete(sink);
      await sink.abort().catch(() => undefined);
    }
  }

  /** Every write done; scratch buckets closed and given to the Spill; the writers by bucket (or the first failure). Once. */
  private settle(): Promise<ReadonlyMap<string, MonthWriter>> {
    this.settled ??= (async () => {
      const settled = await this.buckets.settle();
      const scratch = [...settled.writers].flatMap(([bucket, writer]) => ('scratch' in writer ? [[bucket, writer.scratch] as const] : []));
      const closed = await Promise.allSettled(scratch.map(([, handle]) => handle.close()));
      this.spill.adopt(scratch.map(([bucket]) => bucket));
      if (settled.failure !== undefined) throw settled.failure.error;
      const failed = closed.find((c) => c.status === 'rejected');
      if (failed !== undefined) throw failed.reason;
      return settled.writers;
    })();
    return this.settled;
  }

  /** A partition opened, and kept track of until closed or dropped. */
  private openPartition(table: RowTable, month: string, written?: (chunk: Uint8Array) => void): Promise<FileSink> {
    const opening = this.partitions.openPartition(TABLES[table], { year: month.slice(0, 4), month: month.slice(4, 6) }, written);
    this.opening.add(opening);
    // Seen to at once: a failure is the caller's (it awaits), and must not go unhandled meanwhile.
    opening.then(
      (sink) => {
        this.opening.delete(opening);
        this.open.add(sink);
      },
      () => this.opening.delete(opening),
    );
    return opening;
  }

  private async openWriter(bucket: string): Promise<MonthWriter> {
    if (this.options.straight && this.straight < (this.options.maxStraight ?? MAX_STRAIGHT_PARTITIONS)) {
      this.straight++;
      const partition = await this.openPartition(tableOf(bucket), bucket.slice(2));
      return { partition, write: (chunk) => partition.writeBytes(chunk) };
    }
    const handle = await open(path.join(this.spill.folder, bucket), 'a');
    return { scratch: handle, write: (chunk) => handle.write(chunk) };
  }
}
