import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { processStorage, publish } from '../../src/pipeline.js';
import { FsStorage } from '../../src/storage/fs-storage.js';

/**
 * Regression guards, scored by the project's own scorer (../shared/tools/score.mjs).
 * Each fails if events or agreements F1 drop more than 0.02 below the figure reached
 * when the guard was set (2026-11-29):
 *   dev corpus (17 cases):         events F1 1.000, agreements F1 1.000
 *   eval/holdout (24 own cases):   events F1 0.982, agreements F1 0.968
 */
const TOLERANCE = 0.02;
const root = path.resolve(import.meta.dirname, '../..');
const scorer = path.resolve(root, '../shared/tools/score.mjs');

const CORPORA = [
  { name: 'dev corpus', dir: path.resolve(root, '../shared/corpus/dev'), reached: { events: 1.0, agreements: 1.0 } },
  { name: 'held-out corpus', dir: path.resolve(root, 'eval/holdout'), reached: { events: 0.982, agreements: 0.968 } },
];

interface Score {
  readonly events: { f1: number };
  readonly agreements: { f1: number };
}

for (const corpus of CORPORA) {
  describe.skipIf(!existsSync(corpus.dir) || !existsSync(scorer))(`${corpus.name} accuracy`, () => {
    let score: Score;

    beforeAll(async () => {
      const out = await mkdtemp(path.join(tmpdir(), 'entente-accuracy-'));
      const run = await processStorage(new FsStorage(corpus.dir), { exclude: (key) => !key.endsWith('.txt') });
      await publish(run.records, run.rejections, new FsStorage(out));
      const { stdout } = await promisify(execFile)('node', [scorer, '--gold', corpus.dir, '--out', out, '--json']);
      score = JSON.parse(stdout) as Score;
    }, 60_000);

    it(`keeps events F1 within ${TOLERANCE} of ${corpus.reached.events}`, () => {
      expect(score.events.f1).toBeGreaterThanOrEqual(corpus.reached.events - TOLERANCE);
    });

    it(`keeps agreements F1 within ${TOLERANCE} of ${corpus.reached.agreements}`, () => {
      expect(score.agreements.f1).toBeGreaterThanOrEqual(corpus.reached.agreements - TOLERANCE);
    });
  });
}
