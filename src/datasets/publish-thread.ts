import type { MessagePort } from 'node:worker_threads';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CoverageAccumulator } from './catalog.js';
import { ChunkBuilder } from './chunk-builder.js';
import type { FusedEventShardsState, FusionContext } from './fused-scratch.js';
import { fuseEventShards } from './fused-scratch.js';
import type { InOrderContext, InOrderFile, InOrderRun, RunRows } from './in-order.js';
import { fileBuilders, IN_ORDER_FILES, monthBucket, renderRun, restoreSorts } from './in-order.js';
import { ChartEventTally } from './landing-page.js';
import { RangeSort } from './range-sort.js';
import { Spill } from './spill.js';

/**
 * A thread that does part of a large publication's work (publish-threads.ts starts it), in
 * the publication's scratch folder: it fuses event shards into a sort, then renders runs
 * of the rows in reading order (in-order.ts), handing each run's bytes over as soon as it
 * is done. It answers each request with its result, or the error that stopped it.
 */
export interface PublishThreadInput {
  readonly folder: string;
}

export type PublishThreadRequest =
  | { readonly kind: 'fuse'; readonly shards: readonly string[]; readonly context: FusionContext; readonly sortName: string }
  /** The runs go over `port`, one message each (RenderedRun); a run is not started while `ahead` are not taken (one message back on the port each). */
  | { readonly kind: 'in-order'; readonly context: InOrderContext; readonly runs: readonly InOrderRun[]; readonly port: MessagePort; readonly ahead: number };

/** A run rendered here: its bytes for each file, and its rows by month, by the month's scratch bucket (monthBucket). */
export interface RenderedRun {
  readonly index: number;
  readonly rows: RunRows;
  readonly files: readonly (readonly [InOrderFile, readonly Uint8Array[]])[];
  readonly months: readonly (readonly [string, readonly Uint8Array[]])[];
}

export type PublishThreadResponse = { readonly ok: true; readonly value: FusedEventShardsState | number } | { readonly ok: false; readonly error: string };

// Loaded outside a thread (a benchmark timing the bundle's files), it does nothing.
if (!isMainThread && parentPort !== null) {
  const port = parentPort;
  const input = workerData as PublishThreadInput;
  port.on('message', (request: PublishThreadRequest) => {
    void answer(input, request).then((response) => port.postMessage(response));
  });
}

async function answer(input: PublishThreadInput, request: PublishThreadRequest): Promise<PublishThreadResponse> {
  const spill = new Spill({ folder: input.folder });
  try {
    let value: FusedEventShardsState | number;
    if (request.kind === 'fuse') {
      // Its sort's files are made first, by Node's thread pool: faster than one by one here.
      await spill.prepare(RangeSort.bucketNames(request.sortName, request.context.prefixChars));
      value = fuse(spill, request.shards, request.context, request.sortName);
    } else value = await inOrder(spill, request);
    // The folder is not this thread's: what is buffered goes to it, and it stays.
    spill.dispose();
    return { ok: true, value };
  } catch (error) {
    spill.dispose();
    return { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

function fuse(spill: Spill, shards: readonly string[], context: FusionContext, sortName: string): FusedEventShardsState {
  spill.adopt(shards);
  const tallies = { coverage: new CoverageAccumulator(), chart: new ChartEventTally() };
  const fused = fuseEventShards(spill, shards, context, sortName, tallies);
  spill.flush();
  return { sort: fused.sort.state(), fusedIdOf: [...fused.fusedIdOf], mentions: fused.mentions, coverage: tallies.coverage.state(), chart: tallies.chart.state() };
}

/** Renders the runs in order, each sent whole over the port; returns how many. */
async function inOrder(spill: Spill, request: Extract<PublishThreadRequest, { kind: 'in-order' }>): Promise<number> {
  const { port, context } = request;
  const sorts = restoreSorts(spill, context);
  let taken = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    taken++;
    wake?.();
  });
  try {
    for (const [sent, run] of request.runs.entries()) {
      while (sent - taken >= request.ahead) await new Promise<void>((resolve) => (wake = resolve));
      const files = fileBuilders();
      const months = new Map<string, ChunkBuilder>();
      const rendering = renderRun(sorts, context, run, {
        files,
        toMonth: (table, month, data, start, end) => {
          const bucket = monthBucket(table, month);
          let builder = months.get(bucket);
          if (builder === undefined) months.set(bucket, (builder = new ChunkBuilder()));
          if (typeof data === 'string') builder.text(data);
          else builder.copy(data, start ?? 0, end ?? data.byteLength);
        },
      });
      let step = rendering.next();
      while (step.done !== true) step = rendering.next();
      const rendered: RenderedRun = {
        index: run.index,
        rows: step.value,
        files: IN_ORDER_FILES.map((file) => [file, files[file].end()] as const).filter(([, chunks]) => chunks.length > 0),
        months: [...months].map(([bucket, builder]) => [bucket, builder.end()] as const),
      };
      // Each chunk has a memory of its own (ChunkBuilder): moved, not copied.
      const moved = [...rendered.files.flatMap(([, chunks]) => chunks), ...rendered.months.flatMap(([, chunks]) => chunks)].map((chunk) => chunk.buffer as ArrayBuffer);
      port.postMessage(rendered, moved);
    }
    return request.runs.length;
  } finally {
    port.close();
  }
}
