import { InvalidEventError } from './errors.js';

/**
 * The one boundary guard: an SQS message body, as S3 sends it to a queue, checked once
 * against the schema below and turned into typed object changes. The schema is a few
 * hand-written guards rather than zod (≈440 KB minified) to keep the bundle small; the
 * TypeScript type is inferred from it, so the two cannot drift apart.
 * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */

type Guard<T> = (value: unknown, path: string) => T;
type Infer<G> = G extends Guard<infer T> ? T : never;

class ShapeError extends Error {}

const fail = (path: string, expected: string, value: unknown): never => {
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : typeof value;
  throw new ShapeError(`${path}: expected ${expected}, got ${got}`);
};

const string: Guard<string> = (value, path) => (typeof value === 'string' ? value : fail(path, 'a string', value));
const nonNegativeInteger: Guard<number> = (value, path) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : fail(path, 'a whole number of bytes', value);
const literal =
  <const L extends string>(expected: L): Guard<L> =>
  (value, path) =>
    value === expected ? expected : fail(path, JSON.stringify(expected), value);
const matching =
  (pattern: RegExp, what: string): Guard<string> =>
  (value, path) =>
    typeof value === 'string' && pattern.test(value) ? value : fail(path, what, value);
const optional =
  <T>(guard: Guard<T>): Guard<T | undefined> =>
  (value, path) =>
    value === undefined || value === null ? undefined : guard(value, path);
const array =
  <T>(guard: Guard<T>): Guard<T[]> =>
  (value, path) =>
    Array.isArray(value) ? value.map((item, i) => guard(item, `${path}[${i}]`)) : fail(path, 'an array', value);
const object =
  <S extends Record<string, Guard<unknown>>>(shape: S): Guard<{ [K in keyof S]: Infer<S[K]> }> =>
  (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'an object', value);
    const out: Record<string, unknown> = {};
    for (const [name, guard] of Object.entries(shape)) {
      const checked = guard((value as Record<string, unknown>)[name], path === '' ? name : `${path}.${name}`);
      if (checked !== undefined) out[name] = checked;
    }
    return out as { [K in keyof S]: Infer<S[K]> };
  };

/** One record of an S3 event notification (only the fields the functions read are checked and kept). */
const s3EventRecordSchema = object({
  eventVersion: matching(/^2\.\d+$/, 'an event version 2.x'),
  eventSource: literal('aws:s3'),
  awsRegion: string,
  eventTime: string,
  /** ObjectCreated:Put, ObjectCreated:CompleteMultipartUpload, ObjectRemoved:Delete, ObjectRemoved:DeleteMarkerCreated … */
  eventName: matching(/^[A-Za-z]+:[A-Za-z]+$/, 'an event name like ObjectCreated:Put'),
  s3: object({
    bucket: object({ name: string, arn: matching(/^arn:aws[a-z-]*:s3:::/, 'a bucket ARN arn:aws:s3:::NAME') }),
    object: object({
      /** URL-encoded as S3 sends it: "red flower.jpg" arrives as "red+flower.jpg". */
      key: string,
      /** Absent from ObjectRemoved events. */
      size: optional(nonNegativeInteger),
      eTag: optional(string),
      versionId: optional(string),
      /** Orders the events of one key: compare as hex numbers of equal length. */
      sequencer: optional(string),
    }),
  }),
});

const s3NotificationSchema = object({ Records: array(s3EventRecordSchema) });

/** Sent once when a notification configuration is created; carries no object. */
const s3TestEventSchema = object({ Service: literal('Amazon S3'), Event: literal('s3:TestEvent'), Bucket: string });

export type S3EventRecord = Infer<typeof s3EventRecordSchema>;
export type S3Notification = Infer<typeof s3NotificationSchema>;

export type ChangeKind = 'created' | 'removed' | 'other';

/** One object change, its key decoded. */
export interface S3ObjectChange {
  readonly eventName: string;
  /** created for ObjectCreated:*, removed for ObjectRemoved:*, other for anything else (restores, replication …). */
  readonly kind: ChangeKind;
  readonly eventTime: string;
  readonly bucket: string;
  /** The object key as the S3 API names it (decoded). */
  readonly key: string;
  readonly size?: number;
  /** Without the quotes S3 puts around ETags in HTTP headers. */
  readonly eTag?: string;
  readonly versionId?: string;
  readonly sequencer?: string;
}

/**
 * Every object change in one SQS message body; [] for the s3:TestEvent S3 sends when the
 * notification is configured. Throws InvalidEventError when the body is anything else.
 */
export function parseS3EventMessage(body: string): S3ObjectChange[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new InvalidEventError(`the message body is not JSON: ${error instanceof Error ? error.message : String(error)}`, body, { cause: error });
  }
  try {
    if (typeof json === 'object' && json !== null && (json as { Event?: unknown }).Event === 's3:TestEvent') {
      s3TestEventSchema(json, '');
      return [];
    }
    return s3NotificationSchema(json, '').Records.map((record, i) => toChange(record, i, body));
  } catch (error) {
    if (error instanceof ShapeError) throw new InvalidEventError(`the message body is not an S3 event notification: ${error.message}`, body, { cause: error });
    throw error;
  }
}

/** S3 sends keys form-encoded: "+" for a space, %XX for other bytes of the UTF-8 key. */
export function decodeS3Key(raw: string): string {
  return decodeURIComponent(raw.replace(/\+/g, ' '));
}

function toChange(record: S3EventRecord, index: number, body: string): S3ObjectChange {
  let key: string;
  try {
    key = decodeS3Key(record.s3.object.key);
  } catch (error) {
    throw new InvalidEventError(`Records[${index}].s3.object.key: "${record.s3.object.key}" is not a URL-encoded key`, body, { cause: error });
  }
  const { size, eTag, versionId, sequencer } = record.s3.object;
  return {
    eventName: record.eventName,
    kind: record.eventName.startsWith('ObjectCreated:') ? 'created' : record.eventName.startsWith('ObjectRemoved:') ? 'removed' : 'other',
    eventTime: record.eventTime,
    bucket: record.s3.bucket.name,
    key,
    ...(size !== undefined ? { size } : {}),
    ...(eTag !== undefined ? { eTag: eTag.replace(/^"|"$/g, '') } : {}),
    ...(versionId !== undefined ? { versionId } : {}),
    ...(sequencer !== undefined ? { sequencer } : {}),
  };
}
