/**
 * Where the pipeline reads uploads and writes datasets. The core sees only this; the
 * filesystem and S3 adapters are the only modules that touch the outside world.
 * Keys always use "/" separators, whatever the backend.
 */
export interface StoredObject {
  readonly key: string;
  readonly size: number;
}

export interface PutOptions {
  readonly contentType?: string;
  readonly cacheControl?: string;
}

export interface Storage {
  /** Every object under `prefix`, in key order (byte order of the UTF-8 key). */
  list(prefix?: string): AsyncIterable<StoredObject>;
  get(key: string): Promise<Uint8Array>;
  /** Replaces the object whole: a reader never sees a half-written one. */
  put(key: string, body: Uint8Array | string, options?: PutOptions): Promise<void>;
  delete(key: string): Promise<void>;
}

export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
