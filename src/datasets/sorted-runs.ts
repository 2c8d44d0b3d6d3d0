import type { Spill } from './spill.js';

/**
 * The lines of sorted runs (scratch buckets, each in `keyOf` order) merged into one order,
 * a batch at a time, through a binary heap of the runs' heads: memory is a chunk per run.
 */
export function* mergeSortedRuns(spill: Spill, runs: readonly string[], keyOf: (line: string) => string, batchLines = 2000): Generator<string[]> {
  interface Head {
    readonly batches: Generator<string[]>;
    lines: string[];
    at: number;
    key: string;
  }
  const advance = (h: Head): boolean => {
    h.at++;
    while (h.at >= h.lines.length) {
      const next = h.batches.next();
      if (next.done) return false;
      h.lines = next.value;
      h.at = 0;
    }
    h.key = keyOf(h.lines[h.at] as string);
    return true;
  };
  const heap: Head[] = [];
  const less = (i: number, j: number): boolean => (heap[i] as Head).key < (heap[j] as Head).key;
  const swap = (i: number, j: number): void => {
    const t = heap[i] as Head;
    heap[i] = heap[j] as Head;
    heap[j] = t;
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const run of runs) {
    const head: Head = { batches: spill.lineBatches(run, 64 * 1024), lines: [], at: -1, key: '' };
    if (advance(head)) {
      heap.push(head);
      for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    }
  }
  let batch: string[] = [];
  while (heap.length > 0) {
    const top = heap[0] as Head;
    batch.push(top.lines[top.at] as string);
    if (!advance(top)) {
      const last = heap.pop() as Head;
      if (heap.length > 0) heap[0] = last;
    }
    down(0);
    if (batch.length >= batchLines) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
