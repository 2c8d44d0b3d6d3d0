/**
 * Where the pipeline reads uploads and writes datasets. The core sees only this; the
 * filesystem and S3 adapters are the only modules that touch the outside world.
 * Keys always use "/" separators, whatever the backend.
 */
export interface StoredObject {
  readonly key: string;
  readonly size: number;
}

/** What `head` tells about one object without reading it. */
export interface ObjectInfo extends StoredObject {
  /**
   * Changes whenever the content changes: the ETag on S3 (an MD5 of the bytes for
   * single-part uploads), size + modification time + inode on a filesystem.
   */
  readonly version: string;
}

export interface PutOptions {
  readonly contentType?: string;
  readonly cacheControl?: string;
}

/**
 * An object written piece by piece: nothing is visible under its key until `close`
 * resolves, and then the whole of it is (a file renamed into place, an S3 multipart upload
 * completed). `abort` drops what was written; the key keeps whatever it held before.
 */
export interface ObjectWriter {
  /** Once it resolves, the chunk's memory is the caller's again (it may reuse it): a writer that keeps bytes longer copies them. */
  write(chunk: Uint8Array | string): Promise<void>;
  /** Several chunks, in order, in one write (a file's writev); a writer without it is given one chunk at a time. Chunks as for `write`. */
  writeMany?(chunks: readonly Uint8Array[]): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

export interface Storage {
  /**
   * True when holding hundreds of ObjectWriters open at once costs little: a file
   * descriptor each on a filesystem. Not on S3, where each open upload holds up to a 5 MiB
   * part in memory. The publisher then writes its monthly partitions all at once.
   */
  readonly cheapOpenWriters?: boolean;
  /** Every object under `prefix`, in key order (byte order of the UTF-8 key). */
  list(prefix?: string): AsyncIterable<StoredObject>;
  get(key: string): Promise<Uint8Array>;
  /** Size and version of the object, or undefined when there is none; never reads the content. */
  head(key: string): Promise<ObjectInfo | undefined>;
  /** Replaces the object whole: a reader never sees a half-written one. */
  put(key: string, body: Uint8Array | string, options?: PutOptions): Promise<void>;
  /** Writes an object too large to hold in memory at once; see ObjectWriter. */
  openWrite(key: string, options?: PutOptions): Promise<ObjectWriter>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
