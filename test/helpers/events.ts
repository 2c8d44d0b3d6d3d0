import type { SQSEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sqsRecord } from '../../cli/local-bucket/notifications.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'events');

/** The text of test/fixtures/events/NAME (an S3 notification body, or an SQS event). */
export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function fixture<T = unknown>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

/** An SQS event as Lambda delivers it, one message per body (an S3 notification, as S3 sends it to the queue). */
export function sqsEvent(bodies: readonly (string | object)[], queue = 'entente-normalise'): SQSEvent {
  const now = Date.now();
  return { Records: bodies.map((body) => sqsRecord(queue, typeof body === 'string' ? body : JSON.stringify(body), 1, now, now, randomUUID())) };
}
