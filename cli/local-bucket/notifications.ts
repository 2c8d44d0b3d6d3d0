import type { SQSRecord } from 'aws-lambda';
import { createHash, randomBytes } from 'node:crypto';
import type S3rver from 's3rver';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './defaults.js';

/**
 * s3rver's 'event' emissions → S3 event notifications as AWS writes them, filtered the way
 * a bucket's notification configuration filters them. s3rver's own records differ from
 * AWS's: event version 2.0, the key raw rather than URL-encoded, a malformed bucket ARN, a
 * millisecond sequencer that repeats; all of that is rewritten here.
 */
export type EventType = 'ObjectCreated' | 'ObjectRemoved';

/** One entry of a bucket's notification configuration: (events, prefix, suffix) → a queue. */
export interface NotificationRule {
  /** Becomes s3.configurationId, as the id of a QueueConfiguration does. */
  readonly id: string;
  readonly bucket: string;
  readonly events: readonly EventType[];
  /** Filter rules on the raw key, as S3 applies them. */
  readonly prefix?: string;
  readonly suffix?: string;
  /** The destination queue's name: S3 sends one test event per destination. */
  readonly queue: string;
  readonly deliver: (body: string) => void;
}

/** An S3 event record, field for field as S3 sends it to SQS (event version 2.1). */
export interface AwsS3EventRecord {
  eventVersion: '2.1';
  eventSource: 'aws:s3';
  awsRegion: string;
  eventTime: string;
  eventName: string;
  userIdentity: { principalId: string };
  requestParameters: { sourceIPAddress: string };
  responseElements: { 'x-amz-request-id': string; 'x-amz-id-2': string };
  s3: {
    s3SchemaVersion: '1.0';
    configurationId: string;
    bucket: { name: string; ownerIdentity: { principalId: string }; arn: string };
    object: { key: string; size?: number; eTag?: string; sequencer: string };
  };
}

/**
 * Keys in notifications are form-encoded: a space becomes "+", every other byte outside
 * A-Z a-z 0-9 - _ . * becomes %XX of its UTF-8, except "/" which S3 leaves as it is.
 * (encodeURIComponent also leaves ! ' ( ) ~ alone; S3 does not.)
 */
export function encodeEventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/');
}

export function matches(rule: NotificationRule, bucket: string, eventName: string, key: string): boolean {
  return (
    rule.bucket === bucket &&
    rule.events.some((type) => eventName.startsWith(`${type}:`)) &&
    key.startsWith(rule.prefix ?? '') &&
    key.endsWith(rule.suffix ?? '')
  );
}

export class NotificationRouter {
  private lastSequencer = 0n;
  private readonly owner = randomHex(14).toUpperCase();

  constructor(
    private readonly rules: readonly NotificationRule[],
    private readonly region: string = LOCAL_REGION,
  ) {}

  /** Every record of one s3rver emission, to every rule it matches, one message per record. */
  route(notification: S3rver.Notification): void {
    for (const record of notification.Records) {
      const bucket = record.s3.bucket.name;
      const key = record.s3.object.key;
      const eventName = record.eventName;
      for (const rule of this.rules) {
        if (!matches(rule, bucket, eventName, key)) continue;
        const created = eventName.startsWith('ObjectCreated:');
        const size = record.s3.object.size;
        const eTag = record.s3.object.eTag;
        const event: AwsS3EventRecord = {
          eventVersion: '2.1',
          eventSource: 'aws:s3',
          awsRegion: this.region,
          eventTime: record.eventTime,
          eventName,
          userIdentity: { principalId: `AWS:${randomHex(21).toUpperCase()}` },
          requestParameters: { sourceIPAddress: record.requestParameters.sourceIPAddress || '127.0.0.1' },
          responseElements: { 'x-amz-request-id': randomHex(16).toUpperCase(), 'x-amz-id-2': randomBytes(48).toString('base64') },
          s3: {
            s3SchemaVersion: '1.0',
            configurationId: rule.id,
            bucket: { name: bucket, ownerIdentity: { principalId: this.owner }, arn: `arn:aws:s3:::${bucket}` },
            object: {
              key: encodeEventKey(key),
              // ObjectRemoved records carry neither size nor ETag.
              ...(created && size !== undefined ? { size: Number(size) } : {}),
              ...(created && eTag !== undefined ? { eTag: eTag.replace(/"/g, '') } : {}),
              sequencer: this.nextSequencer(),
            },
          },
        };
        rule.deliver(JSON.stringify({ Records: [event] }));
      }
    }
  }

  /** What S3 sends to each destination when a notification configuration is saved. */
  testEvents(): void {
    const seen = new Set<string>();
    for (const rule of this.rules) {
      if (seen.has(rule.queue)) continue;
      seen.add(rule.queue);
      rule.deliver(
        JSON.stringify({
          Service: 'Amazon S3',
          Event: 's3:TestEvent',
          Time: new Date().toISOString(),
          Bucket: rule.bucket,
          RequestId: randomHex(16).toUpperCase(),
          HostId: randomBytes(48).toString('base64'),
        }),
      );
    }
  }

  /** Strictly increasing, 18 hex digits, like S3's (which only orders events of one key). */
  private nextSequencer(): string {
    const now = BigInt(Date.now()) << 16n;
    this.lastSequencer = now > this.lastSequencer ? now : this.lastSequencer + 1n;
    return this.lastSequencer.toString(16).toUpperCase().padStart(18, '0');
  }
}

/** The SQS record Lambda hands the function for one message S3 sent to the queue. */
export function sqsRecord(queueName: string, body: string, receiveCount: number, sentTimestamp: number, firstReceiveTimestamp: number, messageId: string, region: string = LOCAL_REGION): SQSRecord {
  return {
    messageId,
    receiptHandle: randomBytes(96).toString('base64'),
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: String(sentTimestamp),
      SenderId: 'AIDAJHIPRHEMV73VRJEBU',
      ApproximateFirstReceiveTimestamp: String(firstReceiveTimestamp),
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${region}:${LOCAL_ACCOUNT}:${queueName}`,
    awsRegion: region,
  };
}

function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length);
}
