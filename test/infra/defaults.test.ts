import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES as CORE_MAX_BYTES } from '../../src/article/read-object.js';
import { PUBLISH_TRIGGER_PREFIXES as CORE_TRIGGER_PREFIXES, WORK_PREFIXES as CORE_WORK_PREFIXES } from '../../src/records/record-store.js';
import { DEFAULT_INCOMING_PREFIX, readNormaliseEnv, readPublishEnv } from '../../functions/runtime/env.js';
import { checkBaseUri, checkPrefix } from '../../infra/constructs/checks.js';
import {
  datasetPublisherDefaults,
  DEFAULT_MAX_BYTES,
  ENV,
  INCOMING_PREFIX,
  isDevStage,
  normaliseFunctionDefaults,
  pipelineEnvironment,
  PUBLISH_READ_PREFIXES,
  PUBLISH_TRIGGER_PREFIXES,
  stackDefaults,
  WORK_PREFIX_PURPOSE,
  WORK_PREFIXES,
  withDefaults,
} from '../../infra/constructs/defaults.js';
import { InvalidPropsError } from '../../infra/constructs/errors.js';

describe('the handler contract the CDK app and the handlers share', () => {
  it('uses the core and handlers’ own prefixes and size limit', () => {
    expect(DEFAULT_MAX_BYTES).toBe(CORE_MAX_BYTES);
    expect(INCOMING_PREFIX).toBe(DEFAULT_INCOMING_PREFIX);
    expect([...WORK_PREFIXES].sort()).toEqual(Object.values(CORE_WORK_PREFIXES).sort());
    expect([...PUBLISH_TRIGGER_PREFIXES].sort()).toEqual([...CORE_TRIGGER_PREFIXES].sort());
    expect(Object.keys(WORK_PREFIX_PURPOSE).sort()).toEqual([...WORK_PREFIXES].sort());
    // publish reads everything a publication is built from, which is everything that triggers one.
    expect([...PUBLISH_READ_PREFIXES].sort()).toEqual([...CORE_TRIGGER_PREFIXES].sort());
  });

  it('builds an environment both handlers accept as it is', () => {
    const environment = pipelineEnvironment({
      uploadBucketName: 'entente-prod-upload-1a2b3c',
      workBucketName: 'entente-prod-work-1a2b3c',
      datasetsBucketName: 'entente-prod-datasets-1a2b3c',
      baseUri: 'https://entente-prod-datasets-1a2b3c.s3.eu-west-3.amazonaws.com/',
      maxBytes: DEFAULT_MAX_BYTES,
      incomingPrefix: INCOMING_PREFIX,
      serviceName: 'entente-normalise',
      logLevel: 'INFO',
    });
    expect(Object.keys(environment)).toEqual(expect.arrayContaining(Object.values(ENV)));
    expect(readNormaliseEnv(environment)).toMatchObject({
      uploadBucket: 'entente-prod-upload-1a2b3c',
      workBucket: 'entente-prod-work-1a2b3c',
      maxBytes: DEFAULT_MAX_BYTES,
      incomingPrefix: 'incoming/',
    });
    expect(readPublishEnv(environment)).toMatchObject({
      workBucket: 'entente-prod-work-1a2b3c',
      datasetsBucket: 'entente-prod-datasets-1a2b3c',
      baseUri: 'https://entente-prod-datasets-1a2b3c.s3.eu-west-3.amazonaws.com/',
    });
  });
});

describe('defaults', () => {
  it('gives publish a batching window and a visibility that fit SQS limits', () => {
    const publish = datasetPublisherDefaults();
    expect(publish.maxBatchingWindow.toSeconds()).toBeGreaterThan(0);
    expect(publish.timeout.toSeconds() * 6 + publish.maxBatchingWindow.toSeconds()).toBeLessThanOrEqual(12 * 3600);
    expect(normaliseFunctionDefaults().batchSize).toBeLessThanOrEqual(10);
  });

  it('treats dev and dev-* as throw-away stages, anything else as kept', () => {
    expect(stackDefaults('dev').removalPolicy).toBe(RemovalPolicy.DESTROY);
    expect(stackDefaults('dev-alice').removalPolicy).toBe(RemovalPolicy.DESTROY);
    expect(isDevStage('devops')).toBe(false);
    expect(stackDefaults('prod').removalPolicy).toBe(RemovalPolicy.RETAIN);
  });

  it('overlays only the props that were given', () => {
    const merged = withDefaults({ a: 1, b: Duration.days(1) }, { a: undefined, b: Duration.days(2) });
    expect(merged.a).toBe(1);
    expect(merged.b.toDays()).toBe(2);
  });
});

describe('checks', () => {
  it.each(['', '/incoming/', 'incoming', 'in*/'])('refuses the prefix %j', (prefix) => {
    expect(() => checkPrefix('Test', 'prefix', prefix)).toThrow(InvalidPropsError);
  });

  it.each(['https://w3id.org/entente/', 'http://localhost:4568/datasets/', 'https://w3id.org/entente#'])('accepts the base URI %s', (uri) => {
    expect(() => checkBaseUri('Test', 'baseUri', uri)).not.toThrow();
  });

  it.each(['w3id.org/entente/', 'https://w3id.org/entente', 'https://w3id.org/entente/#x', 'urn:x:/'])('refuses the base URI %s', (uri) => {
    expect(() => checkBaseUri('Test', 'baseUri', uri)).toThrow(InvalidPropsError);
  });

  it('names the construct, the prop and the value in the error', () => {
    expect(() => checkPrefix('NormaliseFunction', 'incomingPrefix', 'incoming')).toThrow(/NormaliseFunction: invalid incomingPrefix "incoming"/);
  });
});
