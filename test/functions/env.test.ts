import { describe, expect, it } from 'vitest';
import { readNormaliseEnv, readPublishEnv } from '../../functions/runtime/env.js';
import { ConfigurationError } from '../../functions/runtime/errors.js';

describe('function environment', () => {
  it('reads the normalise settings with their defaults', () => {
    expect(readNormaliseEnv({ UPLOAD_BUCKET: 'up-bucket', WORK_BUCKET: 'work-bucket' })).toEqual({
      uploadBucket: 'up-bucket',
      workBucket: 'work-bucket',
      maxBytes: 5 * 1024 * 1024,
      incomingPrefix: 'incoming/',
      s3: { forcePathStyle: false },
    });
  });

  it('reads the publish settings and the local endpoint overrides', () => {
    expect(
      readPublishEnv({
        WORK_BUCKET: 'work-bucket',
        DATASETS_BUCKET: 'datasets.example.org',
        BASE_URI: 'https://w3id.org/entente/',
        CACHE_CONTROL: 'public, max-age=60',
        AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4569',
        S3_FORCE_PATH_STYLE: 'true',
      }),
    ).toEqual({
      workBucket: 'work-bucket',
      datasetsBucket: 'datasets.example.org',
      baseUri: 'https://w3id.org/entente/',
      cacheControl: 'public, max-age=60',
      s3: { endpoint: 'http://127.0.0.1:4569', forcePathStyle: true },
    });
  });

  it('names every problem at once', () => {
    let error: unknown;
    try {
      readNormaliseEnv({ UPLOAD_BUCKET: 'Not_A_Bucket', MAX_BYTES: '5MB', INCOMING_PREFIX: 'incoming', S3_FORCE_PATH_STYLE: 'yes' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems).toEqual([
      'UPLOAD_BUCKET="Not_A_Bucket" is not an S3 bucket name',
      'WORK_BUCKET is not set (the name of an S3 bucket)',
      'MAX_BYTES="5MB" is not a positive whole number of bytes',
      'INCOMING_PREFIX="incoming" must end with "/" and not start with one',
      'S3_FORCE_PATH_STYLE="yes" must be true or false',
    ]);
    expect(() => readPublishEnv({ WORK_BUCKET: 'work-bucket', DATASETS_BUCKET: 'datasets-bucket' })).toThrow(/BASE_URI is not set/);
    expect(() => readPublishEnv({ WORK_BUCKET: 'work-bucket', DATASETS_BUCKET: 'datasets-bucket', BASE_URI: 'w3id.org/entente' })).toThrow(/BASE_URI="w3id.org\/entente" must be an absolute IRI/);
  });
});
