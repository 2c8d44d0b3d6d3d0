import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidKeyError, ObjectNotFoundError, StorageError } from './errors.js';
import type { ObjectInfo, ObjectWriter, PutOptions, Storage, StoredObject } from './storage.js';
import { compareKeys } from './storage.js';

/** A folder as a bucket: keys are paths relative to `root`. Dot-files and dot-folders are not listed. */
export class FsStorage implements Storage {
  readonly cheapOpenWriters = true;
  readonly root: string;
  private tempCounter = 0;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async *list(prefix = ''): AsyncIterable<StoredObject> {
    const found: StoredObject[] = [];
    await this.walk('', found);
    found.sort((a, b) => compareKeys(a.key, b.key));
    for (const object of found) if (object.key.startsWith(prefix)) yield object;
  }

  async get(key: string): Promise<Uint8Array> {
    const file = this.pathOf(key);
    try {
      return await readFile(file);
    } catch (error) {
      if (isNotFound(error)) throw new ObjectNotFoundError(key, { cause: error });
      throw new StorageError(`cannot read "${key}" under ${this.root}`, key, { cause: error });
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const file = this.pathOf(key);
    try {
      const info = await stat(file, { bigint: true });
      if (!info.isFile()) return undefined;
      // put() renames a fresh file into place, so the inode changes with every write.
      return { key, size: Number(info.size), version: `${info.ino}-${info.size}-${info.mtimeNs}` };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw new StorageError(`cannot stat "${key}" under ${this.root}`, key, { cause: error });
    }
  }

  async put(key: string, body: Uint8Array | string, _options?: PutOptions): Promise<void> {
    const target = this.pathOf(key);
    // Write beside the target and rename: readers see the old file or the new one, never half of it.
    const temp = this.tempPathFor(target);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(temp, body);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw new StorageError(`cannot write "${key}" under ${this.root}`, key, { cause: error });
    }
  }

  /** Written to a temporary file beside the target, renamed into place on close. */
  async openWrite(key: string, _options?: PutOptions): Promise<ObjectWriter> {
    const target = this.pathOf(key);
    const temp = this.tempPathFor(target);
    let handle: FileHandle;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      handle = await open(temp, 'w');
    } catch (error) {
      throw new StorageError(`cannot write "${key}" under ${this.root}`, key, { cause: error });
    }
    let done = false;
    const fail = async (error: unknown): Promise<never> => {
      done = true;
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw new StorageError(`cannot write "${key}" under ${this.root}`, key, { cause: error });
    };
    return {
      write: async (chunk) => {
        if (done) throw new StorageError(`"${key}" is already closed`, key);
        try {
          await handle.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        } catch (error) {
          await fail(error);
        }
      },
      writeMany: async (chunks) => {
        if (done) throw new StorageError(`"${key}" is already closed`, key);
        try {
          // writev may write less than asked (as write may): what is left is written again.
          let left = chunks.filter((chunk) => chunk.byteLength > 0);
          while (left.length > 0) {
            let written = (await handle.writev(left)).bytesWritten;
            if (written === 0) throw new Error('writev wrote nothing');
            const rest: Uint8Array[] = [];
            for (const chunk of left) {
              if (written >= chunk.byteLength) written -= chunk.byteLength;
              else {
                rest.push(written === 0 ? chunk : chunk.subarray(written));
                written = 0;
              }
            }
            left = rest;
          }
        } catch (error) {
          await fail(error);
        }
      },
      close: async () => {
        if (done) throw new StorageError(`"${key}" is already closed`, key);
        try {
          await handle.close();
          done = true;
          await rename(temp, target);
        } catch (error) {
          await fail(error);
        }
      },
      abort: async () => {
        if (done) return;
        done = true;
        await handle.close().catch(() => undefined);
        await rm(temp, { force: true });
      },
    };
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    try {
      await rm(file, { force: true });
    } catch (error) {
      throw new StorageError(`cannot delete "${key}" under ${this.root}`, key, { cause: error });
    }
  }

  /** A dot-file beside the target (so never listed), unique to this process and write. */
  private tempPathFor(target: string): string {
    return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${this.tempCounter++}.tmp`);
  }

  private pathOf(key: string): string {
    if (key === '' || key.startsWith('/') || key.split('/').some((part) => part === '..' || part === '')) {
      throw new InvalidKeyError(key, 'keys are relative, "/"-separated, without empty or ".." parts');
    }
    return path.join(this.root, ...key.split('/'));
  }

  private async walk(relative: string, found: StoredObject[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(path.join(this.root, relative), { withFileTypes: true });
    } catch (error) {
      if (isNotFound(error) && relative === '') return;
      throw new StorageError(`cannot list ${path.join(this.root, relative)}`, relative, { cause: error });
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const key = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await this.walk(key, found);
      else if (entry.isFile()) found.push({ key, size: (await stat(path.join(this.root, key))).size });
    }
  }
}

function isNotFound(error: unknown): boolean {
  // ENOTDIR: a part of the path is a file, so the object cannot be there either.
  const code = typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
