import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { InvalidKeyError, ObjectNotFoundError, StorageError } from './errors.js';
import type { ObjectInfo, ObjectWriter, PutOptions, Storage, StoredObject } from './storage.js';
import { compareKeys } from './storage.js';

export interface S3StorageOptions {
  readonly bucket: string;
  /** Every key is read and written under it ("work/" → "work/records/…"); listed keys come back without it. @default '' */
  readonly prefix?: string;
  /** Keys per ListObjectsV2 page; S3 returns at most 1000. @default 1000 */
  readonly pageSize?: number;
  /**
   * Bytes per part of the multipart uploads `openWrite` makes; S3 refuses parts under 5 MiB
   * (but the last). Memory per open writer is about one part. @default 8 MiB
   */
  readonly partBytes?: number;
}

/** S3's smallest part but the last. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;

/**
 * A bucket (or a prefix of one) as a Storage. The only module of src/ that imports the AWS
 * SDK; the client is passed in so a Lambda builds it once per container and tests point
 * it at a local S3 server.
 */
export class S3Storage implements Storage {
  readonly bucket: string;
  readonly prefix: string;
  private readonly pageSize: number | undefined;
  private readonly partBytes: number;

  constructor(
    private readonly client: S3Client,
    options: S3StorageOptions,
  ) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? '';
    this.pageSize = options.pageSize;
    this.partBytes = Math.max(MIN_PART_BYTES, options.partBytes ?? 8 * 1024 * 1024);
  }

  async *list(prefix = ''): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      const page = await this.send(`cannot list s3://${this.bucket}/${this.prefix}${prefix}`, prefix, () =>
        this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${this.prefix}${prefix}`, ContinuationToken: token, MaxKeys: this.pageSize })),
      );
      const objects: StoredObject[] = [];
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        objects.push({ key: object.Key.slice(this.prefix.length), size: object.Size ?? 0 });
      }
      // S3 returns each page in UTF-8 byte order already; some S3-compatible servers walk
      // their folders in another order, so the page is sorted again (it is at most 1000 keys).
      objects.sort((a, b) => compareKeys(a.key, b.key));
      yield* objects;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async get(key: string): Promise<Uint8Array> {
    const fullKey = this.keyOf(key);
    const response = await this.send(`cannot read s3://${this.bucket}/${fullKey}`, key, () =>
      this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: fullKey })),
    );
    if (response.Body === undefined) throw new StorageError(`s3://${this.bucket}/${fullKey} came back without a body`, key);
    try {
      return await response.Body.transformToByteArray();
    } catch (error) {
      throw new StorageError(`cannot read s3://${this.bucket}/${fullKey}`, key, { cause: error });
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const fullKey = this.keyOf(key);
    try {
      const response = await this.send(`cannot stat s3://${this.bucket}/${fullKey}`, key, () =>
        this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: fullKey })),
      );
      return { key, size: response.ContentLength ?? 0, version: unquote(response.ETag ?? '') };
    } catch (error) {
      if (error instanceof ObjectNotFoundError) return undefined;
      throw error;
    }
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<void> {
    const fullKey = this.keyOf(key);
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    await this.send(`cannot write s3://${this.bucket}/${fullKey}`, key, () =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: fullKey,
          Body: bytes,
          // Stated, so an empty marker object is not taken for a stream of unknown length.
          ContentLength: bytes.byteLength,
          ContentType: options.contentType,
          CacheControl: options.cacheControl,
        }),
      ),
    );
  }

  /**
   * A multipart upload, started when the first part is full: until CompleteMultipartUpload
   * the key shows its old object (or none), never part of the new one. An object smaller
   * than a part is one PutObject on close. A failed or aborted writer aborts its upload, so
   * no parts are left to be billed (the bucket's lifecycle rule is the backstop for a crash).
   */
  async openWrite(key: string, options: PutOptions = {}): Promise<ObjectWriter> {
    const fullKey = this.keyOf(key);
    const where = `s3://${this.bucket}/${fullKey}`;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let uploadId: string | undefined;
    const parts: { ETag: string | undefined; PartNumber: number }[] = [];
    let done = false;

    const abortUpload = async (): Promise<void> => {
      if (uploadId === undefined) return;
      const id = uploadId;
      uploadId = undefined;
      await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: fullKey, UploadId: id })).catch(() => undefined);
    };
    const guarded = async (message: string, request: () => Promise<void>): Promise<void> => {
      if (done) throw new StorageError(`${where} is already closed`, key);
      try {
        await this.send(message, key, request);
      } catch (error) {
        done = true;
        pending = [];
        await abortUpload();
        throw error;
      }
    };
    const uploadPart = async (body: Buffer): Promise<void> => {
      if (uploadId === undefined) {
        const created = await this.client.send(
          new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: fullKey, ContentType: options.contentType, CacheControl: options.cacheControl }),
        );
        if (created.UploadId === undefined) throw new StorageError(`${where}: CreateMultipartUpload gave no upload id`, key);
        uploadId = created.UploadId;
      }
      const PartNumber = parts.length + 1;
      const part = await this.client.send(
        new UploadPartCommand({ Bucket: this.bucket, Key: fullKey, UploadId: uploadId, PartNumber, Body: body, ContentLength: body.byteLength }),
      );
      parts.push({ ETag: part.ETag, PartNumber });
    };
    const take = (): Buffer => {
      const body = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      return body;
    };

    return {
      write: (chunk) =>
        guarded(`cannot write ${where}`, async () => {
          // Copied: the bytes wait for a whole part, and the caller may reuse its chunk once this resolves.
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
          pending.push(bytes);
          pendingBytes += bytes.byteLength;
          if (pendingBytes >= this.partBytes) await uploadPart(take());
        }),
      close: () =>
        guarded(`cannot write ${where}`, async () => {
          if (uploadId === undefined) {
            const body = take();
            await this.client.send(
              new PutObjectCommand({ Bucket: this.bucket, Key: fullKey, Body: body, ContentLength: body.byteLength, ContentType: options.contentType, CacheControl: options.cacheControl }),
            );
          } else {
            if (pendingBytes > 0) await uploadPart(take());
            await this.client.send(new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: fullKey, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
            uploadId = undefined;
          }
          done = true;
        }),
      abort: async () => {
        if (done) return;
        done = true;
        pending = [];
        await abortUpload();
      },
    };
  }

  async delete(key: string): Promise<void> {
    const fullKey = this.keyOf(key);
    await this.send(`cannot delete s3://${this.bucket}/${fullKey}`, key, () =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: fullKey })),
    );
  }

  private keyOf(key: string): string {
    if (key === '') throw new InvalidKeyError(key, 'keys are not empty');
    const fullKey = `${this.prefix}${key}`;
    if (Buffer.byteLength(fullKey) > MAX_KEY_BYTES) throw new InvalidKeyError(key, `S3 keys are at most ${MAX_KEY_BYTES} bytes of UTF-8`);
    return fullKey;
  }

  /** One request, its failure turned into a StorageError naming the key. */
  private async send<T>(message: string, key: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (isNotFound(error)) throw new ObjectNotFoundError(key, { cause: error });
      throw new StorageError(`${message}: ${describe(error)}`, key, { cause: error });
    }
  }
}

const MAX_KEY_BYTES = 1024;

function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  // GetObject says NoSuchKey; HeadObject has no body to say it in, so only its 404 is left.
  // A missing bucket is a configuration error, not a missing object.
  return name === 'NoSuchKey' || name === 'NotFound' || (name !== 'NoSuchBucket' && $metadata?.httpStatusCode === 404);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function unquote(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}
