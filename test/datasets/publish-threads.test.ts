import { afterEach, describe, expect, it } from 'vitest';
import type { InOrderContext, InOrderRun } from '../../src/datasets/in-order.js';
import type { PublishThread } from '../../src/datasets/publish-threads.js';
import { startPublishThreads } from '../../src/datasets/publish-threads.js';
import { Spill } from '../../src/datasets/spill.js';

/** Events in one sort whose only bucket, for prefix "ab", was never written: reading it fails. */
const MISSING: InOrderContext = {
  events: [{ name: 'ro1_', prefixChars: 2, maxBucketBytes: 1 << 20, ranges: [['ab', 'ro1_0', 120]], made: 1, added: 1 }],
  agreements: [],
  fusedIdOf: new Map(),
  baseUri: 'https://data.example.org/entente/',
};
const RUNS: readonly InOrderRun[] = [{ index: 0, table: 'events', prefixes: ['ab'], first: true, thread: 1 }];

describe('publication threads', () => {
  let spill: Spill | undefined;
  let threads: PublishThread[] = [];
  const start = (): PublishThread => {
    spill = new Spill();
    threads = startPublishThreads(spill.folder, { threads: 1 });
    expect(threads).toHaveLength(1);
    return threads[0]!;
  };
  afterEach(async () => {
    // Closing twice is harmless: a thread left running would keep the test process alive.
    await Promise.all(threads.map((thread) => thread.close()));
    threads = [];
    spill?.dispose();
  });

  it('fails the runs of a thread whose rendering failed with an error naming the cause, and the thread goes on answering until closed', async () => {
    const thread = start();
    const runs = thread.inOrder(MISSING, RUNS);
    await expect(runs.take(0)).rejects.toThrow(/^rendering rows in reading order in a thread failed: .*ENOENT.*ro1_0/);
    await expect(runs.done).rejects.toThrow(/ENOENT/);
    // The failure ended that request only: the next is answered (nothing to render, nothing read).
    const none = thread.inOrder(MISSING, []);
    expect(await none.done).toBe(0);
    none.close();
    await thread.close();
  });

  it('refuses every request once closed', async () => {
    const thread = start();
    await thread.close();
    const runs = thread.inOrder(MISSING, RUNS);
    await expect(runs.done).rejects.toThrow('the publication thread was closed');
    await expect(runs.take(0)).rejects.toThrow('the publication thread was closed');
    await expect(thread.fuse([], { baseUri: MISSING.baseUri, extraKeys: new Map(), referenced: new Set(), prefixChars: 2 }, 'ro1_')).rejects.toThrow('the publication thread was closed');
  });
});
