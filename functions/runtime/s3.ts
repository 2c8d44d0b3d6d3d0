import { S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from './env.js';

/**
 * One S3 client per container, built on first use. On AWS the endpoint, region and
 * credentials come from the Lambda environment; the local bucket sets
 * AWS_ENDPOINT_URL_S3 and S3_FORCE_PATH_STYLE so the same handlers talk to s3rver.
 */
let shared: S3Client | undefined;

export function sharedS3Client(settings: S3Settings): S3Client {
  shared ??= createS3Client(settings);
  return shared;
}

export function createS3Client(settings: S3Settings & { readonly credentials?: { accessKeyId: string; secretAccessKey: string }; readonly region?: string }): S3Client {
  const local = settings.endpoint !== undefined;
  return new S3Client({
    ...(local ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    ...(settings.region !== undefined ? { region: settings.region } : {}),
    ...(settings.credentials !== undefined ? { credentials: settings.credentials } : {}),
    // S3-compatible servers do not all know the flexible checksums the SDK adds by default;
    // on AWS the defaults stay.
    ...(local ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
  });
}
