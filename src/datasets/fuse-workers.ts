import { existsSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EventShardRunner, FusedEventShardsState } from './fused-scratch.js';
import type { FuseWorkerInput, FuseWorkerOutput } from './fuse-worker.js';

/**
 * Threads to fuse event shards in (fuse-worker.ts), besides the publication's own: fusing
 * and rendering is most of a large publication's work, and shards are independent.
 *
 * The worker is the .ts source when this module runs from source (tsx: tests, the CLI,
 * the benchmark), loaded with tsx; in a bundle (Lambda) it is fuse-worker.js beside it,
 * built by the bundling hook (infra/constructs/defaults.ts, LAZY_MODULES). Where neither
 * is found, the runner declines and the shards are fused in the publication's thread.
 */
export interface FuseThreadOptions {
  /** Threads besides the publication's. @default available cores − 1, at most 3 */
  readonly threads?: number;
  /** Old-generation heap of each thread, MiB. @default 192 */
  readonly heapMiB?: number;
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

export function defaultFuseThreads(): number {
  return Math.max(0, Math.min(3, os.availableParallelism() - 1));
}

export function fuseThreadRunners(folder: string, options: FuseThreadOptions = {}): EventShardRunner[] {
  const threads = options.threads ?? defaultFuseThreads();
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './fuse-worker.ts' : './fuse-worker.js', import.meta.url);
  if (threads <= 0 || !existsSync(fileURLToPath(url))) return [];
  const run: EventShardRunner = (shards, context, sortName) =>
    new Promise<FusedEventShardsState>((resolve, reject) => {
      const workerData: FuseWorkerInput = { folder, shards, context, sortName };
      const resourceLimits = { maxOldGenerationSizeMb: options.heapMiB ?? 192 };
      const worker = fromSource
        ? new Worker(tsxBootstrap(url), { eval: true, workerData, resourceLimits })
        : new Worker(url, { workerData, resourceLimits });
      let settled = false;
      worker.once('message', (output: FuseWorkerOutput) => {
        settled = true;
        if (output.ok) resolve(output.state);
        else reject(new Error(`fusing event shards in a thread failed: ${output.error}`));
      });
      worker.once('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`the thread fusing event shards stopped (exit code ${code}) before it answered`));
      });
    });
  return Array.from({ length: threads }, () => run);
}
