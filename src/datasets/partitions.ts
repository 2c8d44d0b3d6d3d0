import type { Storage } from '../storage/storage.js';
import { sha256Hex } from './catalog.js';
import { csvHeader, toCsv } from './csv.js';
import { FileSink } from './file-sink.js';
import type { Row, TableSchema } from './schema.js';
import { AGREEMENTS_TABLE, EVENTS_TABLE } from './schema.js';

/**
 * Monthly partitions of the events and agreements, written besides the full files so that
 * Athena (infra/constructs/dataset-catalog.ts) can read them with partition projection and
 * a publication rewrites only the months that changed:
 *
 *   events/year=YYYY/month=MM/events.csv          (by `date`)
 *   agreements/year=YYYY/month=MM/agreements.csv  (by `date_signed`)
 *
 * Dates are ISO 8601 at the precision the source gives: a row dated only `YYYY` goes to
 * `year=YYYY/month=00`, a row with no (or no readable) date to `year=0000/month=00`. Month
 * 00 is never a calendar month, so those rows are neither lost nor mixed with dated ones.
 * Each partition is a CSV with the header of the full file; its rows are those of the full
 * file, in the full file's order: concatenating the partitions gives the full file's rows.
 */

/** A partitioned table and the column it is partitioned by. */
export interface PartitionedTable {
  readonly table: TableSchema;
  readonly dateColumn: string;
}

export const EVENTS_PARTITIONS: PartitionedTable = { table: EVENTS_TABLE, dateColumn: 'date' };
export const AGREEMENTS_PARTITIONS: PartitionedTable = { table: AGREEMENTS_TABLE, dateColumn: 'date_signed' };
export const PARTITIONED_TABLES: readonly PartitionedTable[] = [EVENTS_PARTITIONS, AGREEMENTS_PARTITIONS];

/** The list of every partition written and its SHA-256, read back at the next publication. */
export const PARTITION_MANIFEST_FILE = 'partitions.json';

export interface PartitionValues {
  /** Four digits; `0000` for an undated row. */
  readonly year: string;
  /** Two digits; `00` for a row dated only to the year, or undated. */
  readonly month: string;
}

export interface Partition extends PartitionValues {
  /** Key relative to the publication prefix: `events/year=2022/month=08/events.csv`. */
  readonly key: string;
  readonly body: string;
  readonly rows: number;
  readonly sha256: string;
}

export const UNDATED: PartitionValues = { year: '0000', month: '00' };

const DATE = /^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$/;

/** The partition of a cell of the date column. */
export function partitionValues(date: string | undefined): PartitionValues {
  const match = DATE.exec(date ?? '');
  if (!match) return UNDATED;
  const month = match[2] ?? '00';
  const m = Number(month);
  return { year: match[1] ?? UNDATED.year, month: m >= 1 && m <= 12 ? month : '00' };
}

/** `<table>/year=YYYY/month=MM/`: the folder of a partition, as the Glue location template spells it. */
export function partitionFolder(table: TableSchema, values: PartitionValues): string {
  return `${table.name}/year=${values.year}/month=${values.month}/`;
}

export function partitionKey(table: TableSchema, values: PartitionValues): string {
  return `${partitionFolder(table, values)}${table.file}`;
}

export function partition(table: TableSchema, values: PartitionValues, rows: readonly Row[]): Partition {
  const body = toCsv(table, rows);
  return { ...values, key: partitionKey(table, values), body, rows: rows.length, sha256: sha256Hex(body) };
}

/** Every non-empty partition of `rows`, in key order; rows keep their order within each. */
export function partitionRows(spec: PartitionedTable, rows: readonly Row[]): Partition[] {
  const groups = new Map<string, { values: PartitionValues; rows: Row[] }>();
  for (const row of rows) {
    const values = partitionValues(row[spec.dateColumn]);
    const key = partitionKey(spec.table, values);
    const group = groups.get(key) ?? { values, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.keys()].sort().map((key) => {
    const group = groups.get(key)!;
    return partition(spec.table, group.values, group.rows);
  });
}

/** Parses `<table>/year=YYYY/month=MM/<file>` back, for a table in PARTITIONED_TABLES; undefined otherwise. */
export function parsePartitionKey(key: string): { spec: PartitionedTable; values: PartitionValues } | undefined {
  const match = /^([a-z]+)\/year=(\d{4})\/month=(\d{2})\/([a-z]+\.csv)$/.exec(key);
  if (!match) return undefined;
  const spec = PARTITIONED_TABLES.find((s) => s.table.name === match[1] && s.table.file === match[4]);
  return spec && { spec, values: { year: match[2]!, month: match[3]! } };
}

/** A header-only partition: what a month that had rows and has none left is rewritten to (publish cannot delete). */
export function emptyPartition(spec: PartitionedTable, values: PartitionValues): Partition {
  return partition(spec.table, values, []);
}

/** The manifest: every partition key with the SHA-256 of its bytes, keys sorted, one JSON document. */
export function manifestJson(partitions: readonly Pick<Partition, 'key' | 'sha256'>[]): string {
  const sorted = [...partitions].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return `${JSON.stringify({ version: 1, partitions: Object.fromEntries(sorted.map((p) => [p.key, p.sha256])) }, null, 2)}\n`;
}

/** The key → SHA-256 map of a manifest; an unreadable or foreign document gives an empty map (every partition is then rewritten). */
export function parseManifest(text: string): Map<string, string> {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || (parsed as { version?: unknown }).version !== 1) return new Map();
    const partitions = (parsed as { partitions?: unknown }).partitions;
    if (typeof partitions !== 'object' || partitions === null) return new Map();
    return new Map(Object.entries(partitions).filter((e): e is [string, string] => typeof e[1] === 'string' && parsePartitionKey(e[0]) !== undefined));
  } catch {
    return new Map();
  }
}

export interface WrittenPartitions {
  /** Every partition of the publication, written or not, in key order. */
  readonly partitions: readonly Pick<Partition, 'key' | 'sha256'>[];
  /** The keys (with prefix) put this time, partitions then the manifest. */
  readonly written: readonly { readonly key: string; readonly bytes: number; readonly rows?: number; readonly sha256: string }[];
  /** Whether a previous manifest was read; when not, every partition was rewritten. */
  readonly previousManifest: boolean;
}

export interface WritePartitionsOptions {
  readonly prefix?: string;
  readonly cacheControl?: string;
}

const CSV = 'text/csv; charset=utf-8';

/**
 * Writes a publication's partitions one at a time, each only if its bytes changed since
 * the last publication, then (finish) a header-only file for every partition that had rows
 * and has none left, then the manifest. The previous manifest is read with `storage.get`;
 * when it cannot be read (none yet, or a reader without permission) every partition is
 * written. The manifest goes last, so a publication that stops half-way leaves a manifest
 * that still describes older bytes and the next one rewrites what it did not finish.
 */
export class PartitionWriter {
  private previous: Map<string, string> | undefined;
  private readonly current: Pick<Partition, 'key' | 'sha256'>[] = [];
  private readonly written: { key: string; bytes: number; rows?: number; sha256: string }[] = [];

  private constructor(
    private readonly storage: Storage,
    private readonly options: WritePartitionsOptions,
  ) {}

  static async open(storage: Storage, options: WritePartitionsOptions = {}): Promise<PartitionWriter> {
    const writer = new PartitionWriter(storage, options);
    try {
      writer.previous = parseManifest(Buffer.from(await storage.get(writer.manifestKey)).toString('utf8'));
    } catch {
      writer.previous = undefined;
    }
    return writer;
  }

  /** A partition written in pieces: its header is in; end it with `closePartition`. `written`: see FileSink. */
  async openPartition(table: TableSchema, values: PartitionValues, written?: (chunk: Uint8Array) => void): Promise<FileSink> {
    const sink = await FileSink.open(this.storage, `${this.prefix}${partitionKey(table, values)}`, { contentType: CSV, cacheControl: this.options.cacheControl, written });
    await sink.write(csvHeader(table));
    return sink;
  }

  /** Makes the partition visible if its bytes changed since the last publication, else drops it (its key keeps the same bytes). */
  async closePartition(sink: FileSink, rows: number): Promise<void> {
    const key = sink.key.slice(this.prefix.length);
    const facts = await sink.closeIf((f) => this.previous?.get(key) !== f.sha256);
    this.current.push({ key, sha256: facts.sha256 });
    if (facts.kept) this.written.push({ key: sink.key, bytes: facts.bytes, rows, sha256: facts.sha256 });
  }

  /** Writes the partition (if changed); give each key once, non-empty, in any order. */
  async write(p: Partition): Promise<void> {
    this.current.push({ key: p.key, sha256: p.sha256 });
    if (this.previous?.get(p.key) === p.sha256) return;
    await this.storage.put(`${this.prefix}${p.key}`, p.body, { contentType: CSV, cacheControl: this.options.cacheControl });
    this.written.push({ key: `${this.prefix}${p.key}`, bytes: Buffer.byteLength(p.body), rows: p.rows, sha256: p.sha256 });
  }

  async finish(): Promise<WrittenPartitions> {
    const keys = new Set(this.current.map((p) => p.key));
    for (const key of [...(this.previous ?? new Map<string, string>()).keys()].sort()) {
      const parsed = keys.has(key) ? undefined : parsePartitionKey(key);
      if (parsed) await this.write(emptyPartition(parsed.spec, parsed.values));
    }
    const manifest = manifestJson(this.current);
    const previous = this.previous;
    if (previous === undefined || this.written.length > 0 || manifestJson([...previous].map(([key, sha256]) => ({ key, sha256 }))) !== manifest) {
      await this.storage.put(this.manifestKey, manifest, { contentType: 'application/json', cacheControl: this.options.cacheControl });
      this.written.push({ key: this.manifestKey, bytes: Buffer.byteLength(manifest), sha256: sha256Hex(manifest) });
    }
    return { partitions: [...this.current].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)), written: this.written, previousManifest: previous !== undefined };
  }

  private get prefix(): string {
    return this.options.prefix ?? '';
  }

  private get manifestKey(): string {
    return `${this.prefix}${PARTITION_MANIFEST_FILE}`;
  }
}
