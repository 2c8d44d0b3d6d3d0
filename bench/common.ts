import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers the benchmark scripts share: arguments, JSON hand-off, child processes, figures. */

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../', import.meta.url)));
export const BENCH_DIR = path.join(REPO_ROOT, 'bench');
/** Profiles and metafiles: kept for a closer look, not committed. */
export const OUT_DIR = path.join(BENCH_DIR, '.out');

/** `--name value` pairs and bare `--flag`s. */
export function parseFlags(argv: readonly string[]): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      flags.set(arg.slice(2), next);
      i++;
    } else flags.set(arg.slice(2), true);
  }
  return flags;
}

export function intFlag(flags: Map<string, string | true>, name: string, fallback: number): number {
  const value = flags.get(name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value === true || !Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a non-negative integer`);
  return n;
}

export function stringFlag(flags: Map<string, string | true>, name: string): string | undefined {
  const value = flags.get(name);
  if (value === true) throw new Error(`--${name} needs a value`);
  return value;
}

/** A child benchmark writes its result where `--json` says, or prints it. */
export async function emit(flags: Map<string, string | true>, result: unknown): Promise<void> {
  const file = stringFlag(flags, 'json');
  const text = JSON.stringify(result, null, 2);
  if (file === undefined) console.log(text);
  else {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

export interface ChildOutcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  /** Highest VmHWM read from /proc while it ran (Linux), so a child that is killed still tells its peak. */
  readonly peakRssMiB: number | undefined;
}

function readPeakRssKiB(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a command and waits for it, killing it (its process group) after `timeoutMs`.
 * Output is passed through when `echo` is set, and kept (its tail) either way.
 */
export function runChild(command: string, args: readonly string[], options: { timeoutMs: number; echo?: boolean; env?: NodeJS.ProcessEnv }): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: REPO_ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    const keep = (s: string, chunk: Buffer) => (s + chunk.toString()).slice(-20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout = keep(stdout, chunk);
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = keep(stderr, chunk);
      if (options.echo) process.stderr.write(chunk);
    });
    let peakKiB: number | undefined;
    const watch = setInterval(() => {
      const kib = child.pid === undefined ? undefined : readPeakRssKiB(child.pid);
      if (kib !== undefined) peakKiB = Math.max(peakKiB ?? 0, kib);
    }, 500);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The child was started in its own process group: this ends it and anything it started.
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      clearInterval(watch);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      resolve({ code, signal, timedOut, stdout, stderr, seconds: (performance.now() - started) / 1000, peakRssMiB: peakKiB === undefined ? undefined : peakKiB / 1024 });
    });
  });
}

/** `taskset -c 0` when it exists: the benchmark, its GC and compiler threads on one core. */
export async function oneCorePrefix(): Promise<string[]> {
  if (process.platform !== 'linux') return [];
  const probe = await runChild('taskset', ['-c', '0', 'true'], { timeoutMs: 5_000 }).catch(() => undefined);
  return probe?.code === 0 ? ['taskset', '-c', '0'] : [];
}

/** node with TypeScript loaded through tsx. */
export function nodeWithTsx(extraNodeFlags: readonly string[] = []): string[] {
  return [process.execPath, ...extraNodeFlags, '--import', 'tsx'];
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Linear interpolation between closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (position - low);
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** 12345.6 → "12,346". */
export function fmtInt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–';
}

export function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';
}

export function mib(bytes: number): number {
  return bytes / 2 ** 20;
}
