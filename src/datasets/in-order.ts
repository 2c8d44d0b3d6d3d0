import { parentOf, signingEventOf } from '../records/fusion.js';
import type { ChunkPool } from './chunk-builder.js';
import { ChunkBuilder } from './chunk-builder.js';
import type { FusedScratch } from './fused-scratch.js';
import { AGREEMENT_FIELDS, EVENT_FIELDS } from './fused-scratch.js';
import { graphNodeText, signingEventText } from './jsonld.js';
import type { PrefixBytes, RangeSortState } from './range-sort.js';
import { RangeSort } from './range-sort.js';
import { nodeEnd, parentCell, signingCell } from './rendered-records.js';
import type { Spill } from './spill.js';

/**
 * The fused rows in reading order as the bytes of the full files: the last pass of a
 * publication (write-datasets.ts). Rows were rendered where they were fused
 * (rendered-records.ts); here each is completed with what needed every event fused (an
 * event's parent visit, an agreement's signing event), and copied out, and to its month.
 *
 * The rows wait in sorts by reading order (range-sort.ts), whose key prefixes are cut into
 * runs, the events' then the agreements': a run is a few buckets' worth, rendered whole by
 * one thread. The publication's thread renders its runs straight to the files; other
 * threads render theirs into memory and hand the bytes over (transferred, not copied),
 * and the publication writes each run's bytes in its turn.
 */
export const IN_ORDER_FILES = ['eventsCsv', 'eventsJsonLd', 'mentionsCsv', 'agreementsCsv', 'agreementsJsonLd'] as const;
export type InOrderFile = (typeof IN_ORDER_FILES)[number];
export type RowTable = 'events' | 'agreements';

/** What every run needs, as plain data (it goes to other threads). */
export interface InOrderContext {
  /** The sorts of the fused events (one per thread that fused), and of the agreements. */
  readonly events: readonly RangeSortState[];
  readonly agreements: readonly RangeSortState[];
  /** Report id → fused event id, for the reports other rows point at. */
  readonly fusedIdOf: ReadonlyMap<string, string>;
  readonly baseUri: string;
}

export interface InOrderRun {
  /** Its place among all runs. */
  readonly index: number;
  readonly table: RowTable;
  /** Top-level key prefixes of the table's sorts, in order. */
  readonly prefixes: readonly string[];
  /** The first run of its table: its first node opens the graph. */
  readonly first: boolean;
  /** The thread that renders it: 0 is the publication's, t > 0 the t-th other thread. */
  readonly thread: number;
}

/** The scratch bucket of a table's rows of one month, in reading order. */
export const monthBucket = (table: RowTable, month: string): string => `${table === 'events' ? 'pe' : 'pg'}${month}`;

/** Where a run's bytes go: a builder per file, and each row to its month (in pieces: a row's are given one after the other). */
export interface RunTarget {
  readonly files: Readonly<Record<InOrderFile, ChunkBuilder>>;
  toMonth(table: RowTable, month: string, data: Uint8Array | string, start?: number, end?: number): void;
}

/** A run's rows, and its rows by month (YYYYMM). */
export interface RunRows {
  readonly rows: number;
  readonly months: readonly (readonly [string, number])[];
}

const FIRST_NODE = Buffer.from(graphNodeText('', true));
const NEXT_NODE = Buffer.from(graphNodeText('', false));
const NODE_END = Buffer.from('}');

/** Sorts restored once per thread from the context. */
export interface RestoredSorts {
  readonly events: RangeSort[];
  readonly agreements: RangeSort[];
}

export const restoreSorts = (spill: Spill, context: InOrderContext): RestoredSorts => ({
  events: context.events.map((state) => RangeSort.restore(spill, state)),
  agreements: context.agreements.map((state) => RangeSort.restore(spill, state)),
});

/**
 * Renders a run into `target`, pausing (yield) after each bucket range so that what is
 * ready can be taken; returns its rows. The sorts' buckets of the run are discarded.
 */
export function* renderRun(sorts: RestoredSorts, context: InOrderContext, run: InOrderRun, target: RunTarget): Generator<void, RunRows> {
  const bounds = new Int32Array(16);
  const out = target.files;
  let rows = 0;
  const months = new Map<string, number>();
  const splitName = `p${run.index}_`;
  if (run.table === 'events') {
    const E = EVENT_FIELDS;
    for (const frames of RangeSort.sortedTogether(sorts.events, { prefixes: run.prefixes, splitName })) {
      for (let i = 0; i < frames.length; i++) {
        const data = frames.bytesOf(i);
        frames.bounds(i, bounds);
        let parent: string | undefined;
        if (bounds[E.parents + 1]! > bounds[E.parents]!) {
          const reports = JSON.parse(data.toString('utf8', bounds[E.parents], bounds[E.parents + 1])) as (string | null)[];
          const id = data.toString('utf8', bounds[E.id], bounds[E.id + 1]);
          parent = parentOf({ id }, reports.map((r) => r ?? undefined), (report) => context.fusedIdOf.get(report));
        }
        const month = data.toString('latin1', bounds[E.month], bounds[E.month + 1]);
        months.set(month, (months.get(month) ?? 0) + 1);
        csvRecord(data, bounds[E.csvHead]!, bounds[E.csvTail]!, bounds[E.csvTail + 1]!, parent === undefined ? undefined : parentCell(parent), out.eventsCsv, target, 'events', month);
        const opening = run.first && rows === 0 ? FIRST_NODE : NEXT_NODE;
        out.eventsJsonLd.copy(opening, 0, opening.byteLength);
        out.eventsJsonLd.copy(data, bounds[E.nodeOpen]!, bounds[E.nodeOpen + 1]!);
        if (parent === undefined) out.eventsJsonLd.copy(NODE_END, 0, 1);
        else out.eventsJsonLd.text(nodeEnd(parent, context.baseUri));
        out.mentionsCsv.copy(data, bounds[E.mentions]!, bounds[E.mentions + 1]!);
        rows++;
      }
      yield;
    }
    return { rows, months: [...months] };
  }
  const A = AGREEMENT_FIELDS;
  for (const frames of RangeSort.sortedTogether(sorts.agreements, { prefixes: run.prefixes, splitName })) {
    for (let i = 0; i < frames.length; i++) {
      const data = frames.bytesOf(i);
      frames.bounds(i, bounds);
      let signing: string | undefined;
      if (bounds[A.signingReports + 1]! > bounds[A.signingReports]!) {
        const reports = JSON.parse(data.toString('utf8', bounds[A.signingReports], bounds[A.signingReports + 1])) as (string | null)[];
        signing = signingEventOf(reports.map((r) => r ?? undefined), (report) => context.fusedIdOf.get(report));
      }
      const month = data.toString('latin1', bounds[A.month], bounds[A.month + 1]);
      months.set(month, (months.get(month) ?? 0) + 1);
      csvRecord(data, bounds[A.csvHead]!, bounds[A.csvTail]!, bounds[A.csvTail + 1]!, signing === undefined ? undefined : signingCell(signing), out.agreementsCsv, target, 'agreements', month);
      const opening = run.first && rows === 0 ? FIRST_NODE : NEXT_NODE;
      out.agreementsJsonLd.copy(opening, 0, opening.byteLength);
      out.agreementsJsonLd.copy(data, bounds[A.nodeHead]!, bounds[A.nodeHead + 1]!);
      if (signing !== undefined) out.agreementsJsonLd.text(signingEventText(signing, context.baseUri));
      out.agreementsJsonLd.copy(data, bounds[A.nodeTail]!, bounds[A.nodeTail + 1]!);
      out.mentionsCsv.copy(data, bounds[A.mentions]!, bounds[A.mentions + 1]!);
      rows++;
    }
    yield;
  }
  return { rows, months: [...months] };
}

/**
 * A CSV record rendered around a cell settled now (rendered-records.ts): its head, the cell,
 * its tail, to the full file and to its month. Without a cell, head and tail lie one after
 * the other in `data`: one copy.
 */
function csvRecord(data: Buffer, head: number, tail: number, end: number, cell: string | undefined, file: ChunkBuilder, target: RunTarget, table: RowTable, month: string): void {
  if (cell === undefined) {
    file.copy(data, head, end);
    target.toMonth(table, month, data, head, end);
    return;
  }
  file.copy(data, head, tail);
  file.text(cell);
  file.copy(data, tail, end);
  target.toMonth(table, month, data, head, tail);
  target.toMonth(table, month, cell);
  target.toMonth(table, month, data, tail, end);
}

export const fileBuilders = (pool?: ChunkPool): Record<InOrderFile, ChunkBuilder> => ({
  eventsCsv: new ChunkBuilder(pool?.chunkBytes, pool),
  eventsJsonLd: new ChunkBuilder(pool?.chunkBytes, pool),
  mentionsCsv: new ChunkBuilder(pool?.chunkBytes, pool),
  agreementsCsv: new ChunkBuilder(pool?.chunkBytes, pool),
  agreementsJsonLd: new ChunkBuilder(pool?.chunkBytes, pool),
});

/**
 * What a byte of another thread's run costs the publication's thread (hashing, writing,
 * months copied) as a share of what a byte of its own run costs (rendering too): it
 * takes that much less, so that all threads end together. An estimate: at 1M reports on
 * two cores the pass took as long with 0.35 and 0.55, the file writes being its bound.
 */
const HANDOVER_COST = 0.15;

/**
 * The context and the runs, in the order they are written, each given to a thread: this one
 * and `others` more. `runBytes`: scratch bytes a run holds, about (half a sort's bucket
 * limit keeps the turns short and what waits in memory small).
 */
export function inOrderPlan(fused: FusedScratch, others: number, baseUri: string, runBytes: number): { readonly context: InOrderContext; readonly runs: readonly InOrderRun[] } {
  // This thread's share s of the bytes: s·(own) + (1 − s)·HANDOVER_COST = (1 − s) / others.
  const share = others === 0 ? 1 : Math.max(0, (1 / others - HANDOVER_COST) / (1 + 1 / others - HANDOVER_COST));
  const weights = [share, ...Array.from({ length: others }, () => (1 - share) / others)];
  const given = weights.map(() => 0);
  const runs: InOrderRun[] = [];
  for (const [table, sorts] of [['events', fused.events], ['agreements', [fused.agreements]]] as const) {
    let first = true;
    for (const prefixes of cutIntoRuns(RangeSort.prefixes(sorts), runBytes)) {
      // Each run to the thread that, with it, stays furthest below its share.
      const after = (t: number): number => (weights[t]! === 0 ? Infinity : (given[t]! + prefixes.bytes) / weights[t]!);
      let thread = 0;
      for (let t = 1; t < weights.length; t++) if (after(t) < after(thread)) thread = t;
      given[thread]! += prefixes.bytes;
      runs.push({ index: runs.length, table, prefixes: prefixes.prefixes, first, thread });
      first = false;
    }
  }
  return {
    context: { events: fused.events.map((sort) => sort.state()), agreements: [fused.agreements.state()], fusedIdOf: fused.fusedIdOf, baseUri },
    runs,
  };
}

/** Prefixes (in key order) cut into runs, one after the other, of about `runBytes` each (a prefix is never cut). */
export function cutIntoRuns(prefixes: readonly PrefixBytes[], runBytes: number): { readonly prefixes: string[]; readonly bytes: number }[] {
  const runs: { prefixes: string[]; bytes: number }[] = [];
  let run: { prefixes: string[]; bytes: number } | undefined;
  for (const p of prefixes) {
    if (run === undefined || (run.bytes > 0 && run.bytes + p.bytes > runBytes)) {
      run = { prefixes: [], bytes: 0 };
      runs.push(run);
    }
    run.prefixes.push(p.prefix);
    run.bytes += p.bytes;
  }
  return runs;
}
