import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FsStorage } from '../../src/storage/fs-storage.js';
import { storageContract } from './storage-contract.js';

const tempRoot = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'entente-fs-'));

storageContract('filesystem', async () => new FsStorage(await tempRoot()));

describe('FsStorage', () => {
  it('refuses keys that would leave its root', async () => {
    const storage = new FsStorage(await tempRoot());
    await expect(storage.put('../escape.txt', 'x')).rejects.toThrow(/invalid key/);
    await expect(storage.get('/etc/passwd')).rejects.toThrow(/invalid key/);
  });

  it('leaves no temporary file behind and does not list dot-files', async () => {
    const root = await tempRoot();
    const storage = new FsStorage(root);
    await storage.put('d/file.csv', 'a,b\n');
    expect(await readdir(path.join(root, 'd'))).toEqual(['file.csv']);
    await storage.put('.hidden', 'x');
    const keys = [];
    for await (const o of storage.list()) keys.push(o.key);
    expect(keys).toEqual(['d/file.csv']);
  });

  it('lists nothing for a root that does not exist yet', async () => {
    const storage = new FsStorage(path.join(await tempRoot(), 'not-yet'));
    const keys = [];
    for await (const o of storage.list()) keys.push(o.key);
    expect(keys).toEqual([]);
  });
});
