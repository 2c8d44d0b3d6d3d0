/** What the local bucket and `npm run upload` agree on when nothing else is said. */
export const DEFAULT_PORT = 4569;
export const DEFAULT_DATA_DIR = '.local/s3';
export const DEFAULT_MIRROR_DIR = '.local/datasets';

export interface BucketNames {
  /** Users drop articles under incoming/ here; the pipeline only reads it. */
  readonly upload: string;
  /** Private working storage: records, markers, and the rejections of each upload (published in rejected.csv). */
  readonly work: string;
  /** The published datasets. */
  readonly datasets: string;
}

export const LOCAL_BUCKETS: BucketNames = {
  upload: 'entente-uploads',
  work: 'entente-work',
  datasets: 'entente-datasets',
};

/** The in-process queues of the local bucket, as dead letters name them. */
export const LOCAL_QUEUES = {
  normalise: 'entente-normalise',
  publish: 'entente-publish',
  mirror: 'entente-mirror',
} as const;

export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT = '000000000000';

/** s3rver knows one access key id, S3RVER; it does not check version 4 signatures. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
