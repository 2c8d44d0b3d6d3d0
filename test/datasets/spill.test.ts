import { existsSync, mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleSpills, Spill } from '../../src/datasets/spill.js';

describe('Spill', () => {
  it('gives back each bucket in the order appended, whole or in batches, across flushes', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'entente-spill-test-'));
    const spill = new Spill({ parent, bufferChars: 20 });
    const lines = Array.from({ length: 200 }, (_, n) => `{"n":${n},"é":"ünïcödé ${'x'.repeat(n % 7)}"}`);
    for (const line of lines) spill.append(line.length % 2 === 0 ? 'even' : 'odd', line);
    const even = lines.filter((l) => l.length % 2 === 0);
    expect(spill.lines('even')).toEqual(even);
    expect([...spill.lineBatches('even', 64)].flat()).toEqual(even);
    expect(spill.buckets()).toEqual(['even', 'odd']);
    expect(spill.lines('never')).toEqual([]);
    expect(() => spill.append('a/b', 'x')).toThrow(/spill bucket/);
    spill.dispose();
    expect(existsSync(spill.folder)).toBe(false);
  });

  it('removes scratch folders left by publications that were killed, and only those', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'entente-spill-test-'));
    const old = path.join(parent, 'entente-publish-old');
    const fresh = path.join(parent, 'entente-publish-fresh');
    const other = path.join(parent, 'something-else');
    for (const folder of [old, fresh, other]) {
      mkdirSync(folder);
      writeFileSync(path.join(folder, 'er00'), 'x\n');
    }
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(old, hourAgo, hourAgo);
    utimesSync(other, hourAgo, hourAgo);
    expect(removeStaleSpills(20 * 60_000, parent)).toBe(1);
    expect([existsSync(old), existsSync(fresh), existsSync(other)]).toEqual([false, true, true]);
  });
});
