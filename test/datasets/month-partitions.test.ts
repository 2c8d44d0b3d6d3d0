import { readdir, readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChunkPool } from '../../src/datasets/chunk-builder.js';
import type { RowTable } from '../../src/datasets/in-order.js';
import { MonthPartitions } from '../../src/datasets/month-partitions.js';
import { PartitionWriter } from '../../src/datasets/partitions.js';
import { Spill } from '../../src/datasets/spill.js';
import { FsStorage } from '../../src/storage/fs-storage.js';
import type { ObjectWriter } from '../../src/storage/storage.js';
import { csvHeader } from '../../src/datasets/csv.js';
import { AGREEMENTS_TABLE, EVENTS_TABLE } from '../../src/datasets/schema.js';

/** Rows of three months and the undated, both tables, interleaved as a last pass gives them (a row in pieces now and then). */
const ROWS: readonly (readonly [RowTable, string, string])[] = Array.from({ length: 60 }, (_, i) => {
  const table: RowTable = i % 3 === 2 ? 'agreements' : 'events';
  const month = ['202401', '202402', '000000', '202312'][(i * 7) % 4]!;
  return [table, month, `row ${i} of ${table} ${month},"é ${'x'.repeat(i)}"\r\n`] as const;
});

async function publishMonths(storage: FsStorage, options: { straight: boolean; maxStraight?: number }, rows = ROWS) {
  const spill = new Spill({ parent: await mkdtemp(path.join(tmpdir(), 'entente-months-scratch-')) });
  const partitions = await PartitionWriter.open(storage);
  const months = new MonthPartitions(partitions, spill, options);
  const counts: Record<RowTable, Map<string, number>> = { events: new Map(), agreements: new Map() };
  for (const [table, month, text] of rows) {
    // Half the rows as bytes inside a larger buffer, in two pieces; half as text.
    if (text.length % 2 === 0) months.append(table, month, text);
    else {
      const bytes = Buffer.from(`[[${text}]]`, 'utf8');
      const cut = 2 + Math.floor((bytes.byteLength - 4) / 2);
      months.append(table, month, bytes, 2, cut);
      months.append(table, month, bytes, cut, bytes.byteLength - 2);
    }
    counts[table].set(month, (counts[table].get(month) ?? 0) + 1);
  }
  months.count('events', [...counts.events]);
  months.count('agreements', [...counts.agreements]);
  await months.finish(new ChunkPool(64));
  const written = await partitions.finish();
  spill.dispose();
  return written;
}

/** Every file under `dir`, relative, with its bytes. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), await readFile(file, 'utf8'));
  }
  return files;
}

const expectedPartition = (table: RowTable, month: string): string =>
  csvHeader(table === 'events' ? EVENTS_TABLE : AGREEMENTS_TABLE) + ROWS.filter(([t, m]) => t === table && m === month).map(([, , text]) => text).join('');

describe('MonthPartitions', () => {
  it('writes the same partitions straight, through scratch, or some of each', async () => {
    const results = [];
    for (const options of [{ straight: true }, { straight: false }, { straight: true, maxStraight: 3 }]) {
      const dir = await mkdtemp(path.join(tmpdir(), 'entente-months-'));
      const written = await publishMonths(new FsStorage(dir), options);
      results.push({ files: await filesOf(dir), written: written.written.map((w) => w.key) });
    }
    const [straight, scratch, mixed] = results;
    expect(straight!.files.get('events/year=2024/month=02/events.csv')).toBe(expectedPartition('events', '202402'));
    expect(straight!.files.get('agreements/year=0000/month=00/agreements.csv')).toBe(expectedPartition('agreements', '000000'));
    expect(straight!.files.size).toBe(9);
    // Partitions made visible in month order, events before agreements, then the manifest.
    expect(straight!.written).toEqual([
      'events/year=0000/month=00/events.csv',
      'agreements/year=0000/month=00/agreements.csv',
      'events/year=2023/month=12/events.csv',
      'agreements/year=2023/month=12/agreements.csv',
      'events/year=2024/month=01/events.csv',
      'agreements/year=2024/month=01/agreements.csv',
      'events/year=2024/month=02/events.csv',
      'agreements/year=2024/month=02/agreements.csv',
      'partitions.json',
    ]);
    expect(scratch).toEqual(straight);
    expect(mixed).toEqual(straight);
  });

  it('rewrites only the partitions whose bytes changed, straight as through scratch', async () => {
    for (const straight of [true, false]) {
      const dir = await mkdtemp(path.join(tmpdir(), 'entente-months-'));
      await publishMonths(new FsStorage(dir), { straight });
      const changed = ROWS.map(([table, month, text]) => [table, month, month === '202401' ? text.replace('row', 'Row') : text] as const);
      const again = await publishMonths(new FsStorage(dir), { straight }, changed);
      expect(again.written.map((w) => w.key)).toEqual(['events/year=2024/month=01/events.csv', 'agreements/year=2024/month=01/agreements.csv', 'partitions.json']);
      expect((await filesOf(dir)).get('events/year=2024/month=01/events.csv')).toContain('Row 4 of events 202401');
    }
  });

  it('makes no partition visible and leaves no temporary file when a write fails, straight or not', async () => {
    for (const straight of [true, false]) {
      const dir = await mkdtemp(path.join(tmpdir(), 'entente-months-'));
      const storage = new FsStorage(dir);
      await publishMonths(storage, { straight });
      const before = await filesOf(dir);
      // The first partition made visible (undated events) fails on its second write: after its header.
      let writes = 0;
      const fails = (key: string): boolean => key.endsWith('year=0000/month=00/events.csv') && ++writes === 2;
      const failing = Object.assign(Object.create(storage) as FsStorage, {
        openWrite: async (key: string): Promise<ObjectWriter> => {
          const writer = await storage.openWrite(key);
          return {
            ...writer,
            write: async (chunk: Uint8Array | string) => {
              if (fails(key)) throw new Error('disk full (injected)');
              await writer.write(chunk);
            },
            writeMany: async (chunks: readonly Uint8Array[]) => {
              if (fails(key)) throw new Error('disk full (injected)');
              await (writer.writeMany as NonNullable<ObjectWriter['writeMany']>)(chunks);
            },
          };
        },
      });
      const spill = new Spill({ parent: await mkdtemp(path.join(tmpdir(), 'entente-months-scratch-')) });
      const months = new MonthPartitions(await PartitionWriter.open(failing), spill, { straight });
      for (const [table, month, text] of ROWS) months.append(table, month, text.replace('row', 'ROW'));
      for (const table of ['events', 'agreements'] as const) months.count(table, [...new Set(ROWS.filter(([t]) => t === table).map(([, m]) => m))].map((m) => [m, 1] as const));
      await expect(months.finish(new ChunkPool(64))).rejects.toThrow(/injected/);
      await months.abort();
      spill.dispose();
      // The partitions hold what they held; no dot-file (a writer's temporary) anywhere.
      expect(await filesOf(dir)).toEqual(before);
    }
  });

  it('drops what it opened when the publication fails before the pass ends', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'entente-months-'));
    const spill = new Spill({ parent: await mkdtemp(path.join(tmpdir(), 'entente-months-scratch-')) });
    const months = new MonthPartitions(await PartitionWriter.open(new FsStorage(dir)), spill, { straight: true, maxStraight: 2 });
    for (const [table, month, text] of ROWS) months.append(table, month, text);
    await months.abort();
    spill.dispose();
    expect(await filesOf(dir)).toEqual(new Map());
  });
});
