import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../infra/app.js';
import { acknowledgements, BUNDLING_TIMEOUT, cdkJsonContext, nagFindings, removeOutdir, SKIP_BUNDLING, tempOutdir } from './support.js';
import type { Acknowledgement } from './support.js';

/**
 * cdk-nag's AwsSolutions pack over the whole app, in the two shapes the context can give
 * it: the default (prod: retained buckets, no topic) and a dev stage with an alarm
 * e-mail (auto-delete custom resources, an SNS topic). Bundling is skipped: no rule reads
 * the bundle, and `synth.test.ts` runs the checks again on the bundled app.
 */
const VARIANTS: Record<string, Record<string, unknown>> = {
  default: {},
  'dev stage with alarm e-mail': { stage: 'dev', alarmEmail: 'ops@example.org', baseUri: 'https://w3id.org/entente/' },
};

const outdirs: string[] = [];
function buildApp(context: Record<string, unknown>): IConstruct {
  const outdir = tempOutdir();
  outdirs.push(outdir);
  return createApp({ outdir, context: { ...cdkJsonContext(), ...SKIP_BUNDLING, ...context } }).app;
}
afterAll(() => outdirs.forEach(removeOutdir));

/** Every raw finding, as if nothing were acknowledged: `Validations.acknowledge` made a no-op while the app is built. */
function rawFindings(context: Record<string, unknown>): { ruleName: string; path: string }[] {
  const spy = vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(() => undefined);
  try {
    const app = buildApp(context);
    expect(acknowledgements(app)).toEqual([]);
    return new AwsSolutionsChecks().validateScope(app).violations.flatMap((v) =>
      v.violatingResources.map((r) => ({ ruleName: v.ruleName, path: r.constructPath ?? '' })),
    );
  } finally {
    spy.mockRestore();
  }
}

describe.each(Object.entries(VARIANTS))('cdk-nag AwsSolutions on the app (%s)', (_name, context) => {
  let app: IConstruct;
  let acks: Acknowledgement[];
  beforeAll(() => {
    app = buildApp(context);
    acks = acknowledgements(app);
  }, BUNDLING_TIMEOUT);

  it('leaves no finding unacknowledged, errors and warnings alike', () => {
    expect(nagFindings(app)).toEqual([]);
  });

  it('gives every acknowledgement a specific reason', () => {
    expect(acks.length).toBeGreaterThan(0);
    for (const { id, reason } of acks) {
      expect(typeof reason, id).toBe('string');
      expect((reason as string).trim().length, `${id}: ${String(reason)}`).toBeGreaterThanOrEqual(60);
      expect(reason as string, id).not.toMatch(/\b(todo|tbd|fixme)\b/i);
    }
  });

  it('acknowledges only findings that would otherwise be reported, where they arise', () => {
    const raw = rawFindings(context);
    for (const { id, path } of acks) {
      const arises = raw.some((finding) => finding.ruleName === id && (finding.path === path || finding.path.startsWith(`${path}/`)));
      expect(arises, `${id} acknowledged at ${path} matches no finding`).toBe(true);
    }
    // And everything raw is covered by one of them.
    for (const finding of raw) {
      const covered = acks.some(({ id, path }) => finding.ruleName === id && (finding.path === path || finding.path.startsWith(`${path}/`)));
      expect(covered, `${finding.ruleName} at ${finding.path}`).toBe(true);
    }
  });
});

describe('the acknowledged cdk-nag rules', () => {
  it('are these, and no others', () => {
    const ids = new Set<string>();
    for (const context of Object.values(VARIANTS)) for (const { id } of acknowledgements(buildApp(context))) ids.add(id.replace(/<[A-Za-z0-9]+\.Arn>/, '<bucket>'));
    expect([...ids].sort()).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'AwsSolutions-IAM5[Resource::<bucket>/*]',
      'AwsSolutions-IAM5[Resource::<bucket>/by-key/*]',
      'AwsSolutions-IAM5[Resource::<bucket>/incoming/*]',
      'AwsSolutions-IAM5[Resource::<bucket>/records/*]',
      'AwsSolutions-IAM5[Resource::<bucket>/rejections/*]',
      'AwsSolutions-IAM5[Resource::<bucket>/sources/*]',
      'AwsSolutions-L1',
      'AwsSolutions-S2',
    ]);
  });
});
