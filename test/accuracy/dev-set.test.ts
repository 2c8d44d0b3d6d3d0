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
 * Regression guard on the development corpus, scored by the project's own scorer
 * (../shared/tools/score.mjs). Figures reached when this guard was set:
 *   events F1 1.000, agreements F1 1.000 (17 cases, 2026-11-29).
 * The guard fails if either drops more than 0.02 below them.
 */
const REACHED = { events: 1.0, agreements: 1.0 };
const TOLERANCE = 0.02;

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(root, '../shared/corpus/dev');
const scorer = path.resolve(root, '../shared/tools/score.mjs');

interface Score {
  readonly events: { f1: number };
  readonly agreements: { f1: number };
  readonly eventAttributes: Record<string, number | null>;
}

describe.skipIf(!existsSync(corpus) || !existsSync(scorer))('dev-set accuracy', () => {
  let score: Score;

  beforeAll(async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'entente-dev-'));
    const run = await processStorage(new FsStorage(corpus), { exclude: (key) => !key.endsWith('.txt') });
    await publish(run.records, run.rejections, new FsStorage(out));
    const { stdout } = await promisify(execFile)('node', [scorer, '--gold', corpus, '--out', out, '--json']);
    score = JSON.parse(stdout) as Score;
  }, 60_000);

  it(`keeps events F1 within ${TOLERANCE} of ${REACHED.events}`, () => {
    expect(score.events.f1).toBeGreaterThanOrEqual(REACHED.events - TOLERANCE);
  });

  it(`keeps agreements F1 within ${TOLERANCE} of ${REACHED.agreements}`, () => {
    expect(score.agreements.f1).toBeGreaterThanOrEqual(REACHED.agreements - TOLERANCE);
  });
});
