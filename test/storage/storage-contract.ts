import { describe, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/storage.js';

/** One suite every Storage backend must pass; each backend's test file calls it. */
export function storageContract(name: string, make: () => Promise<Storage>): void {
  describe(`${name} storage contract`, () => {
    it('puts, gets and lists objects in key order with sizes', async () => {
      const storage = await make();
      await storage.put('b/two.txt', 'second');
      await storage.put('a.txt', new Uint8Array([104, 105]));
      await storage.put('b/one é.txt', 'first');
      const listed = [];
      for await (const o of storage.list()) listed.push(o);
      expect(listed.map((o) => o.key)).toEqual(['a.txt', 'b/one é.txt', 'b/two.txt']);
      expect(listed.map((o) => o.size)).toEqual([2, 5, 6]);
      expect(Buffer.from(await storage.get('b/one é.txt')).toString('utf8')).toBe('first');
    });

    it('lists only keys under a prefix', async () => {
      const storage = await make();
      await storage.put('in/x.txt', 'x');
      await storage.put('out/y.txt', 'y');
      const keys = [];
      for await (const o of storage.list('in/')) keys.push(o.key);
      expect(keys).toEqual(['in/x.txt']);
    });

    it('writes an object in pieces, visible only once closed, and keeps the old one when aborted', async () => {
      const storage = await make();
      await storage.put('w/file.csv', 'old');
      const writer = await storage.openWrite('w/file.csv', { contentType: 'text/csv' });
      await writer.write('a,b\r\n');
      await writer.write(new Uint8Array([49, 44, 50, 13, 10]));
      expect(Buffer.from(await storage.get('w/file.csv')).toString()).toBe('old');
      await writer.close();
      expect(Buffer.from(await storage.get('w/file.csv')).toString()).toBe('a,b\r\n1,2\r\n');

      const dropped = await storage.openWrite('w/file.csv');
      await dropped.write('half of a new ver');
      await dropped.abort();
      expect(Buffer.from(await storage.get('w/file.csv')).toString()).toBe('a,b\r\n1,2\r\n');
      const never = await storage.openWrite('w/never.csv');
      await never.write('x');
      await never.abort();
      const keys = [];
      for await (const o of storage.list()) keys.push(o.key);
      expect(keys).toEqual(['w/file.csv']);
      await expect(dropped.write('more')).rejects.toThrow(/closed/);
    });

    it('lets the writer reuse a chunk once its write has resolved', async () => {
      const storage = await make();
      const writer = await storage.openWrite('w/reused.txt');
      // One buffer for every chunk, as the publisher's chunk pool does.
      const chunk = Buffer.alloc(3);
      for (const text of ['abc', 'def', 'ghi']) {
        chunk.write(text);
        await writer.write(chunk);
      }
      await writer.close();
      expect(Buffer.from(await storage.get('w/reused.txt')).toString()).toBe('abcdefghi');
    });

    it('writes several chunks at once, in order, where the writer can (writeMany)', async () => {
      const storage = await make();
      const writer = await storage.openWrite('w/many.bin');
      // Larger than one system call may write at once on some systems, and small ones between.
      const chunks = [Buffer.alloc(3 << 20, 1), Buffer.from('x'), Buffer.alloc(5, 2), Buffer.alloc(1 << 20, 3), Buffer.alloc(0)];
      if (writer.writeMany === undefined) for (const chunk of chunks) await writer.write(chunk);
      else await writer.writeMany(chunks);
      await writer.write('end');
      await writer.close();
      expect(Buffer.from(await storage.get('w/many.bin')).equals(Buffer.concat([...chunks, Buffer.from('end')]))).toBe(true);
    });

    it('writes an empty object through a writer', async () => {
      const storage = await make();
      const writer = await storage.openWrite('empty.txt');
      await writer.close();
      expect((await storage.get('empty.txt')).byteLength).toBe(0);
    });

    it('replaces an object whole and deletes it', async () => {
      const storage = await make();
      await storage.put('k.txt', 'a long first version');
      await storage.put('k.txt', 'short');
      expect(Buffer.from(await storage.get('k.txt')).toString()).toBe('short');
      await storage.delete('k.txt');
      const keys = [];
      for await (const o of storage.list()) keys.push(o.key);
      expect(keys).toEqual([]);
    });

    it('tells size and version without reading, and nothing for a missing key', async () => {
      const storage = await make();
      await storage.put('h/one.txt', 'first');
      const first = await storage.head('h/one.txt');
      expect(first).toMatchObject({ key: 'h/one.txt', size: 5 });
      expect(first?.version).toMatch(/\S/);
      await storage.put('h/one.txt', 'second version');
      const second = await storage.head('h/one.txt');
      expect(second?.size).toBe(14);
      expect(second?.version).not.toBe(first?.version);
      expect(await storage.head('h/missing.txt')).toBeUndefined();
      expect(await storage.head('h/one.txt/below')).toBeUndefined();
    });

    it('deletes a missing key without complaint', async () => {
      const storage = await make();
      await expect(storage.delete('never/there.txt')).resolves.toBeUndefined();
    });

    it('says which key is missing', async () => {
      const storage = await make();
      await expect(storage.get('nope/missing.txt')).rejects.toThrow(/nope\/missing\.txt/);
    });
  });
}
