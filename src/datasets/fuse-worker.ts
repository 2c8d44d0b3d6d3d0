import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CoverageAccumulator } from './catalog.js';
import type { FusedEventShardsState, FusionContext } from './fused-scratch.js';
import { fuseEventShards } from './fused-scratch.js';
import { ChartEventTally } from './landing-page.js';
import { Spill } from './spill.js';

/**
 * A thread that fuses some event shards of a publication (fuse-workers.ts starts it): it
 * writes its sort into the publication's scratch folder and sends back what the
 * publication needs to read it, or the error that stopped it.
 */
export interface FuseWorkerInput {
  readonly folder: string;
  readonly shards: readonly string[];
  readonly context: FusionContext;
  readonly sortName: string;
}

export type FuseWorkerOutput = { readonly ok: true; readonly state: FusedEventShardsState } | { readonly ok: false; readonly error: string };

// Loaded outside a thread (a benchmark timing the bundle's files), it does nothing.
if (!isMainThread && parentPort !== null) parentPort.postMessage(run(workerData as FuseWorkerInput));

function run(input: FuseWorkerInput): FuseWorkerOutput {
  const spill = new Spill({ folder: input.folder });
  spill.adopt(input.shards);
  try {
    const tallies = { coverage: new CoverageAccumulator(), chart: new ChartEventTally() };
    const fused = fuseEventShards(spill, input.shards, input.context, input.sortName, tallies);
    // The folder is not this thread's: what is buffered goes to it, and it stays.
    spill.dispose();
    return {
      ok: true,
      state: { sort: fused.sort.state(), fusedIdOf: [...fused.fusedIdOf], mentions: fused.mentions, coverage: tallies.coverage.state(), chart: tallies.chart.state() },
    };
  } catch (error) {
    spill.dispose();
    return { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
