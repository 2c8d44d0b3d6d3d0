import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatasetSummary } from '../../src/datasets/write-datasets.js';
import { processStorage, publish } from '../../src/pipeline.js';
import { FsStorage } from '../../src/storage/fs-storage.js';

export const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

export interface Published {
  readonly dir: string;
  readonly summary: DatasetSummary;
  /** Every file of the folder, by name. */
  readonly files: ReadonlyMap<string, Buffer>;
  text(name: string): string;
  json<T = Record<string, unknown>>(name: string): T;
}

/** The seeds folder read and published into a fresh folder with the default options, as `npm start` does. */
export async function publishSeeds(): Promise<Published> {
  const dir = await mkdtemp(path.join(tmpdir(), 'entente-published-'));
  const run = await processStorage(new FsStorage(SEEDS));
  const summary = await publish(run.records, run.rejections, new FsStorage(dir));
  const files = new Map<string, Buffer>();
  // The files at the top of the folder (the monthly partitions under events/ and agreements/ are left out).
  for (const entry of (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    files.set(entry.name, await readFile(path.join(dir, entry.name)));
  }
  const text = (name: string): string => {
    const body = files.get(name);
    if (!body) throw new Error(`${name} was not published`);
    return body.toString('utf8');
  };
  return { dir, summary, files, text, json: <T>(name: string) => JSON.parse(text(name)) as T };
}
