import { CreateBucketCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../cli/local-bucket/defaults.js';
import { startS3Server } from '../../cli/local-bucket/s3-server.js';
import type { S3Server } from '../../cli/local-bucket/s3-server.js';
import { createS3Client } from '../../functions/runtime/s3.js';

export interface LocalS3 {
  readonly endpoint: string;
  readonly client: S3Client;
  readonly directory: string;
  readonly server: S3Server['server'];
  /** "METHOD /bucket/key" of every request served since the start, key decoded. */
  readonly requests: string[];
  createBucket(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real S3 API on 127.0.0.1 for one test file: a free port, a fresh temporary folder,
 * the given buckets created, and a path-style client with s3rver's dummy credentials.
 * S3RVER_LOG=1 prints s3rver's request log.
 */
export async function startS3rver(buckets: readonly string[] = []): Promise<LocalS3> {
  const directory = await mkdtemp(path.join(tmpdir(), 'entente-s3rver-'));
  const requests: string[] = [];
  const s3 = await startS3Server({ port: 0, directory, silent: process.env.S3RVER_LOG !== '1', onRequest: (request) => requests.push(request) });
  const client = createS3Client({ endpoint: s3.endpoint, forcePathStyle: true, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const createBucket = async (name: string): Promise<void> => {
    await client.send(new CreateBucketCommand({ Bucket: name }));
  };
  for (const bucket of buckets) await createBucket(bucket);
  return {
    endpoint: s3.endpoint,
    client,
    directory,
    server: s3.server,
    requests,
    createBucket,
    async close() {
      client.destroy();
      await s3.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
