import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FusedScratch } from '../../src/datasets/fused-scratch.js';
import type { InOrderRun } from '../../src/datasets/in-order.js';
import { cutIntoRuns, inOrderPlan } from '../../src/datasets/in-order.js';
import { RangeSort } from '../../src/datasets/range-sort.js';
import { Spill } from '../../src/datasets/spill.js';

const BASE = 'https://data.example.org/entente/';
const scratch = (): Spill => new Spill({ parent: mkdtempSync(path.join(tmpdir(), 'entente-in-order-')) });

/** Fused rows as the publisher leaves them: events in a sort per thread that fused, agreements in one; frames of `size` characters under each key. */
function fusedOf(spill: Spill, events: readonly (readonly [string, number])[][], agreements: readonly (readonly [string, number])[]): FusedScratch {
  const sortOf = (name: string, frames: readonly (readonly [string, number])[]): RangeSort => {
    const sort = new RangeSort(spill, name, { prefixChars: 2 });
    for (const [key, size] of frames) sort.add(key, ['x'.repeat(size)]);
    return sort;
  };
  const fused = { events: events.map((frames, t) => sortOf(`ro${t}_`, frames)), agreements: sortOf('rg', agreements), fusedIdOf: new Map([['report-1', 'event-1']]), mentions: 0 };
  spill.flush();
  return fused;
}

const bytesOf = (sorts: readonly RangeSort[]): Map<string, number> => new Map(RangeSort.prefixes(sorts).map((p) => [p.prefix, p.bytes]));

describe('cutIntoRuns', () => {
  it('cuts the prefixes, in order and each whole, into runs that hold no more than runBytes unless one prefix alone does, and none that would fit in the one before', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 500 }), { maxLength: 60 }), fc.integer({ min: 1, max: 1200 }), (sizes, runBytes) => {
        const prefixes = sizes.map((bytes, i) => ({ prefix: i.toString(16).padStart(3, '0'), bytes }));
        const runs = cutIntoRuns(prefixes, runBytes);
        expect(runs.flatMap((run) => run.prefixes)).toEqual(prefixes.map((p) => p.prefix));
        const bytes = new Map(prefixes.map((p) => [p.prefix, p.bytes]));
        for (const [i, run] of runs.entries()) {
          expect(run.prefixes.length).toBeGreaterThan(0);
          expect(run.bytes).toBe(run.prefixes.reduce((n, p) => n + bytes.get(p)!, 0));
          if (run.bytes > runBytes) expect(run.prefixes.filter((p) => bytes.get(p)! > 0)).toHaveLength(1);
          // Cut only where the next prefix would have taken it past runBytes: runs are as few as that allows.
          const next = runs[i + 1];
          if (next !== undefined) expect(run.bytes + bytes.get(next.prefixes[0]!)!).toBeGreaterThan(runBytes);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('inOrderPlan', () => {
  const frames = fc.array(fc.tuple(fc.string({ unit: fc.constantFrom('0', '3', 'a', 'f'), minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 300 })), { maxLength: 40 });

  it('gives every prefix of the events, then of the agreements, to one run each, the first run of each table marked first, each to one of the threads', () => {
    fc.assert(
      fc.property(fc.array(frames, { minLength: 1, maxLength: 3 }), frames, fc.nat({ max: 3 }), fc.integer({ min: 1, max: 2000 }), (events, agreements, others, runBytes) => {
        const spill = scratch();
        try {
          const fused = fusedOf(spill, events, agreements);
          const { context, runs } = inOrderPlan(fused, others, BASE, runBytes);
          expect(runs.map((run) => run.index)).toEqual(runs.map((_, i) => i));
          const ofTable = (table: InOrderRun['table']): InOrderRun[] => runs.filter((run) => run.table === table);
          expect(runs).toEqual([...ofTable('events'), ...ofTable('agreements')]);
          expect(ofTable('events').flatMap((run) => run.prefixes)).toEqual([...bytesOf(fused.events).keys()]);
          expect(ofTable('agreements').flatMap((run) => run.prefixes)).toEqual([...bytesOf([fused.agreements]).keys()]);
          for (const table of ['events', 'agreements'] as const) expect(ofTable(table).map((run) => run.first)).toEqual(ofTable(table).map((_, i) => i === 0));
          for (const run of runs) expect(Number.isInteger(run.thread) && run.thread >= 0 && run.thread <= others).toBe(true);
          // What every thread reads the sorts by: plain data, as it crosses to the threads.
          expect(structuredClone(context)).toEqual({ events: fused.events.map((sort) => sort.state()), agreements: [fused.agreements.state()], fusedIdOf: fused.fusedIdOf, baseUri: BASE });
        } finally {
          spill.dispose();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('gives another thread somewhat more than half of the bytes, since the publication thread also writes that thread’s runs, and gives them all to the publication thread when there is none', () => {
    const spill = scratch();
    try {
      // 256 prefixes of equal bytes, a few in each run, in both tables.
      const keys = Array.from({ length: 256 }, (_, n) => `${n.toString(16).padStart(2, '0')}-row`);
      const fused = fusedOf(spill, [keys.map((k) => [k, 100] as const), keys.map((k) => [k, 100] as const)], keys.map((k) => [k, 60] as const));
      const bytes = { events: bytesOf(fused.events), agreements: bytesOf([fused.agreements]) };
      const runBytes = 3 * bytes.events.get('00')!;
      const given = (runs: readonly InOrderRun[], thread: number): number =>
        runs.filter((run) => run.thread === thread).reduce((n, run) => n + run.prefixes.reduce((m, p) => m + bytes[run.table].get(p)!, 0), 0);

      const { runs } = inOrderPlan(fused, 1, BASE, runBytes);
      expect(runs.length).toBeGreaterThan(100);
      const share = given(runs, 1) / (given(runs, 0) + given(runs, 1));
      expect(share).toBeGreaterThan(0.5);
      expect(share).toBeLessThan(0.75);
      // Shared within each table too, not one table to each thread.
      for (const table of ['events', 'agreements'] as const) expect(new Set(runs.filter((run) => run.table === table).map((run) => run.thread))).toEqual(new Set([0, 1]));

      expect(inOrderPlan(fused, 0, BASE, runBytes).runs.every((run) => run.thread === 0)).toBe(true);
    } finally {
      spill.dispose();
    }
  });
});
