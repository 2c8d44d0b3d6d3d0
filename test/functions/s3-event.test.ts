import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { encodeEventKey } from '../../cli/local-bucket/notifications.js';
import { InvalidEventError } from '../../functions/runtime/errors.js';
import { decodeS3Key, parseS3EventMessage } from '../../functions/runtime/s3-event.js';
import { fixture, fixtureText } from '../helpers/events.js';

const ACCENTED = 'incoming/dossiers 2022/Algérie + Azerbaïdjan (visite).txt';

describe('parseS3EventMessage', () => {
  it('reads a put event: bucket, decoded key, size, ETag, sequencer', () => {
    expect(parseS3EventMessage(fixtureText('s3-put.json'))).toEqual([
      {
        eventName: 'ObjectCreated:Put',
        kind: 'created',
        eventTime: '2026-11-29T10:15:03.512Z',
        bucket: 'entente-uploads',
        key: 'incoming/000_c6b8037a3e0ee50b.txt',
        size: 2506,
        eTag: '3580f77860d66b6902ba004c27369682',
        versionId: '096fKKXTRTtl3on89fVO.nfljtsv6qko',
        sequencer: '0062E99A88DC407460',
      },
    ]);
  });

  it('decodes keys as S3 encodes them: "+" for a space, %2B for "+", UTF-8 escapes, with or without %2F', () => {
    const [plain] = parseS3EventMessage(fixtureText('s3-put-encoded-key.json'));
    const [slashes] = parseS3EventMessage(fixtureText('s3-put-encoded-slashes.json'));
    expect(plain?.key).toBe(ACCENTED);
    expect(slashes?.key).toBe(ACCENTED);
  });

  it('reads a delete and a delete marker: removed, without size or ETag', () => {
    const [deleted] = parseS3EventMessage(fixtureText('s3-delete.json'));
    expect(deleted).toMatchObject({ kind: 'removed', eventName: 'ObjectRemoved:Delete', key: 'incoming/000_c6b8037a3e0ee50b.txt', sequencer: '0062E99A88E1A0F3B2' });
    expect(deleted).not.toHaveProperty('size');
    expect(deleted).not.toHaveProperty('eTag');
    const [marker] = parseS3EventMessage(fixtureText('s3-delete-marker.json'));
    expect(marker).toMatchObject({ kind: 'removed', eventName: 'ObjectRemoved:DeleteMarkerCreated', versionId: '1Ha3zmnr3cIkqjHx1gN0xMPbT2p6xxTt' });
  });

  it('skips the s3:TestEvent', () => {
    expect(parseS3EventMessage(fixtureText('s3-test-event.json'))).toEqual([]);
  });

  it('reads every message of an SQS batch', () => {
    const batch = fixture<SQSEvent>('sqs-batch.json');
    const changes = batch.Records.map((r) => parseS3EventMessage(r.body));
    expect(changes.map((c) => c.map((x) => `${x.kind} ${x.key}`))).toEqual([
      [],
      ['created incoming/000_c6b8037a3e0ee50b.txt'],
      [`created ${ACCENTED}`],
      ['removed incoming/000_c6b8037a3e0ee50b.txt'],
      ['removed incoming/000_c6b8037a3e0ee50b.txt'],
    ]);
  });

  it('keeps several records of one message in order', () => {
    const put = fixture<{ Records: unknown[] }>('s3-put.json');
    const del = fixture<{ Records: unknown[] }>('s3-delete.json');
    const changes = parseS3EventMessage(JSON.stringify({ Records: [...put.Records, ...del.Records] }));
    expect(changes.map((c) => c.kind)).toEqual(['created', 'removed']);
  });

  it('classes other event types as other', () => {
    const put = fixture<{ Records: { eventName: string }[] }>('s3-put.json');
    put.Records[0]!.eventName = 'ObjectRestore:Completed';
    expect(parseS3EventMessage(JSON.stringify(put))[0]?.kind).toBe('other');
  });

  it('refuses anything that is not an S3 notification, saying where', () => {
    const put = fixture<{ Records: { eventSource: string; s3: { object: { key: unknown; size: unknown } } }[] }>('s3-put.json');
    const wrong = (mutate: (p: typeof put) => void): string => {
      const copy = structuredClone(put);
      mutate(copy);
      return JSON.stringify(copy);
    };
    const cases: [string, RegExp][] = [
      ['not json', /not JSON/],
      ['{"Records": {}}', /Records: expected an array/],
      ['{"Message": "wrapped by SNS"}', /Records: expected an array, got undefined/],
      [wrong((p) => (p.Records[0]!.eventSource = 'aws:sqs')), /Records\[0\]\.eventSource: expected "aws:s3"/],
      [wrong((p) => (p.Records[0]!.s3.object.key = 42)), /Records\[0\]\.s3\.object\.key: expected a string, got number/],
      [wrong((p) => (p.Records[0]!.s3.object.size = -1)), /Records\[0\]\.s3\.object\.size: expected a whole number/],
      [wrong((p) => (p.Records[0]!.s3.object.key = 'incoming/%E9t%C3.txt')), /is not a URL-encoded key/],
      ['{"Service":"Amazon S3","Event":"s3:TestEvent"}', /Bucket: expected a string/],
    ];
    for (const [body, message] of cases) {
      let error: unknown;
      try {
        parseS3EventMessage(body);
      } catch (e) {
        error = e;
      }
      expect(error, body).toBeInstanceOf(InvalidEventError);
      expect((error as InvalidEventError).message, body).toMatch(message);
      expect((error as InvalidEventError).body).toBe(body);
    }
  });
});

describe('key encoding', () => {
  it('decodes what the local bucket encodes, the way S3 encodes it', () => {
    expect(encodeEventKey('red flower.jpg')).toBe('red+flower.jpg');
    expect(encodeEventKey(ACCENTED)).toBe('incoming/dossiers+2022/Alg%C3%A9rie+%2B+Azerba%C3%AFdjan+%28visite%29.txt');
    for (const key of [ACCENTED, 'a+b c/%41 100%!*~\'"', 'x/日本語/ü.json', 'incoming/ leading and trailing ']) {
      expect(decodeS3Key(encodeEventKey(key))).toBe(key);
    }
  });
});
