import { existsSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MessagePort, Transferable } from 'node:worker_threads';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { EventShardFuser, FusedEventShardsState, FusionContext } from './fused-scratch.js';
import type { InOrderContext, InOrderRun } from './in-order.js';
import type { PublishThreadInput, PublishThreadRequest, PublishThreadResponse, RenderedRun } from './publish-thread.js';

/**
 * Threads that share a large publication's work with its own (publish-thread.ts): they
 * fuse event shards, then write parts of the rows in reading order; shards and parts are
 * independent, and that is most of the work. A thread takes one request at a time.
 *
 * The thread runs the .ts source when this module runs from source (tsx: tests, the CLI,
 * the benchmark), loaded with tsx; in a bundle (Lambda) it is publish-thread.js beside it,
 * built by the bundling hook (infra/constructs/defaults.ts, LAZY_MODULES). Where neither
 * is found, there are no threads and the publication's thread does everything.
 */
export interface PublishThreadOptions {
  /** Threads besides the publication's. @default available cores − 1, at most 3 */
  readonly threads?: number;
  /** Old-generation heap of each thread, MiB. @default 192 */
  readonly heapMiB?: number;
}

export interface PublishThread extends EventShardFuser {
  fuse(shards: readonly string[], context: FusionContext, sortName: string): Promise<FusedEventShardsState>;
  /** Renders `runs` of the rows in reading order (in-order.ts), handed over one by one. */
  inOrder(context: InOrderContext, runs: readonly InOrderRun[]): RunsElsewhere;
  /** Stops the thread (what it was doing is lost). */
  close(): Promise<void>;
}

/**
 * A thread's first code when it runs the .ts source: tsx's loader registered in that thread,
 * then the worker imported (`execArgv: ['--import', 'tsx']` does not reach a thread started
 * from a process tsx did not start, such as a test runner's). The ESM build of tsx's API:
 * the CommonJS one registers its hooks by a path that does not exist.
 */
function tsxBootstrap(worker: URL): string {
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(worker.href)}); }).catch((error) => { console.error(error); process.exit(1); });`;
}

function defaultPublishThreads(): number {
  return Math.max(0, Math.min(3, os.availableParallelism() - 1));
}

/** Starts the threads (they load while the publication goes on); [] when none is asked for or none can be had. */
export function startPublishThreads(folder: string, options: PublishThreadOptions = {}): PublishThread[] {
  const threads = options.threads ?? defaultPublishThreads();
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './publish-thread.ts' : './publish-thread.js', import.meta.url);
  if (threads <= 0 || !existsSync(fileURLToPath(url))) return [];
  return Array.from({ length: threads }, () => startThread(url, fromSource, { folder }, options.heapMiB ?? 192));
}

function startThread(url: URL, fromSource: boolean, workerData: PublishThreadInput, heapMiB: number): PublishThread {
  const resourceLimits = { maxOldGenerationSizeMb: heapMiB };
  const worker = fromSource ? new Worker(tsxBootstrap(url), { eval: true, workerData, resourceLimits }) : new Worker(url, { workerData, resourceLimits });
  // Until it is asked something, an idle thread does not keep the process alive.
  worker.unref();
  let stopped: Error | undefined;
  let pending: { readonly resolve: (value: unknown) => void; readonly reject: (error: Error) => void; readonly what: string } | undefined;
  const fail = (error: Error): void => {
    stopped ??= error;
    pending?.reject(error);
    pending = undefined;
  };
  worker.on('message', (response: PublishThreadResponse) => {
    const request = pending;
    pending = undefined;
    worker.unref();
    if (request === undefined) return;
    if (response.ok) request.resolve(response.value);
    else request.reject(new Error(`${request.what} in a thread failed: ${response.error}`));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`a publication thread stopped (exit code ${code})`)));
  const ask = <T>(request: PublishThreadRequest, what: string, transfer: readonly Transferable[] = []): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (stopped !== undefined) return reject(stopped);
      if (pending !== undefined) return reject(new Error(`a publication thread was asked for ${what} while busy with ${pending.what}`));
      pending = { resolve: resolve as (value: unknown) => void, reject, what };
      worker.ref();
      worker.postMessage(request, transfer);
    });
  return {
    fuse: (shards, context, sortName) => ask<FusedEventShardsState>({ kind: 'fuse', shards, context, sortName }, 'fusing event shards'),
    inOrder: (context, runs) => {
      const channel = new MessageChannel();
      const done = ask<number>({ kind: 'in-order', context, runs, port: channel.port2, ahead: RUNS_AHEAD }, 'rendering rows in reading order', [channel.port2]);
      return new RunsElsewhere(channel.port1, done);
    },
    close: async () => {
      stopped ??= new Error('the publication thread was closed');
      await worker.terminate();
    },
  };
}

/** Runs a thread may have rendered and not yet handed over: what waits in memory is about that many runs' bytes. */
const RUNS_AHEAD = 1;

/** The runs another thread renders, taken in their order as they come; each taken lets it start another. */
export class RunsElsewhere {
  private readonly arrived = new Map<number, RenderedRun>();
  private waiting: { readonly index: number; readonly resolve: (run: RenderedRun) => void; readonly reject: (error: unknown) => void } | undefined;
  private failure: { readonly error: unknown } | undefined;

  constructor(
    private readonly port: MessagePort,
    /** Settles once the thread has rendered every run (with how many), or failed. */
    readonly done: Promise<number>,
  ) {
    port.on('message', (run: RenderedRun) => {
      if (this.waiting?.index === run.index) {
        const waiting = this.waiting;
        this.waiting = undefined;
        waiting.resolve(run);
      } else this.arrived.set(run.index, run);
    });
    // Runs can come after `done` (another channel): the port stays open until closed.
    done.then(
      () => undefined,
      (error: unknown) => {
        this.failure = { error };
        this.waiting?.reject(error);
        this.waiting = undefined;
        port.close();
      },
    );
  }

  /** Once every run is taken, or when the publication stops. */
  close(): void {
    this.port.close();
  }

  /** Run `index` once rendered (runs are taken in the order they were given). */
  take(index: number): Promise<RenderedRun> {
    const run = this.arrived.get(index);
    if (run !== undefined) {
      this.arrived.delete(index);
      this.port.postMessage('taken');
      return Promise.resolve(run);
    }
    if (this.failure !== undefined) return Promise.reject(this.failure.error);
    return new Promise<RenderedRun>((resolve, reject) => {
      this.waiting = {
        index,
        resolve: (rendered) => {
          this.port.postMessage('taken');
          resolve(rendered);
        },
        reject,
      };
    });
  }
}
