import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './common.js';

/**
 * Self time per function of a V8 `.cpuprofile` (what `node --cpu-prof` writes): each
 * sample is charged to the function on top of the stack, for the time until the next one.
 */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

export interface Hotspot {
  readonly function: string;
  /** file:line, relative to the repository (or node_modules/…, node:…). */
  readonly location: string;
  readonly selfMs: number;
  readonly selfPercent: number;
}

export interface ProfileSummary {
  readonly file: string;
  /** Time inside `within` (the whole profile without it), engine entries left out. */
  readonly totalMs: number;
  readonly within?: string;
  /** Self time by function, highest first, as a share of totalMs. */
  readonly functions: readonly Hotspot[];
  /** Self time by source file. */
  readonly files: readonly { readonly file: string; readonly selfMs: number; readonly selfPercent: number }[];
  /** Milliseconds of (garbage collector), (program), (idle), over the whole profile. */
  readonly engine: Record<string, number>;
}

function where(url: string): string {
  if (url === '') return '';
  let file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  if (path.isAbsolute(file)) file = path.relative(REPO_ROOT, file);
  return file;
}

/**
 * `within`: only samples taken while a function of that name was on the stack count (the
 * engine's own entries — GC, idle — are reported for the whole profile).
 */
export async function summariseProfile(file: string, options: { top?: number; within?: string } = {}): Promise<ProfileSummary> {
  const top = options.top ?? 15;
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inside = new Map<number, boolean>();
  const isInside = (id: number): boolean => {
    if (options.within === undefined) return true;
    const known = inside.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const result = node?.callFrame.functionName === options.within || (up !== undefined && isInside(up));
    inside.set(id, result);
    return result;
  };
  const selfUs = new Map<number, number>();
  // timeDeltas[i] is the time before sample i; the time a sample stands for is the next delta.
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id);
    const isEngine = node !== undefined && node.callFrame.url === '' && node.callFrame.functionName.startsWith('(');
    if (isEngine || isInside(id)) selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  }
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!(node?.callFrame.url === '' && node.callFrame.functionName.startsWith('('))) totalUs += us;
  }
  const functions = new Map<string, { fn: string; location: string; us: number }>();
  const files = new Map<string, number>();
  const engine: Record<string, number> = {};
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (url === '' && functionName.startsWith('(')) {
      engine[functionName] = (engine[functionName] ?? 0) + us / 1000;
      continue;
    }
    const file = where(url) || '(native)';
    // Code loaded through tsx reports line 0 for every function; plain JS keeps its lines.
    const location = url === '' ? '(native)' : lineNumber > 0 ? `${file}:${lineNumber + 1}` : file;
    const name = functionName || '(anonymous)';
    const key = `${name}@${location}`;
    const entry = functions.get(key) ?? { fn: name, location, us: 0 };
    entry.us += us;
    functions.set(key, entry);
    files.set(file, (files.get(file) ?? 0) + us);
  }
  const percent = (us: number) => Math.round((us / totalUs) * 1000) / 10;
  return {
    file: path.relative(REPO_ROOT, file),
    totalMs: Math.round(totalUs / 1000),
    ...(options.within !== undefined ? { within: options.within } : {}),
    functions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ function: f.fn, location: f.location, selfMs: Math.round(f.us / 100) / 10, selfPercent: percent(f.us) })),
    files: [...files]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([f, us]) => ({ file: f, selfMs: Math.round(us / 100) / 10, selfPercent: percent(us) })),
    engine: Object.fromEntries(Object.entries(engine).map(([k, v]) => [k, Math.round(v)])),
  };
}
