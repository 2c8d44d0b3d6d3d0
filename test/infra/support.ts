import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import type { CfnResource, PolicyViolation } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { REPO_ROOT } from '../../infra/constructs/defaults.js';

/** The context `npx cdk synth` runs with (feature flags from cdk.json), so tests build what the CLI builds. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  return cdkJson.context;
}

/** Context that makes NodejsFunction skip esbuild: for tests that only read the template. */
export const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] as string[] };

/** A fresh output folder for one app; remove it with `removeOutdir`. */
export function tempOutdir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'entente-cdk-'));
}

export function removeOutdir(outdir: string): void {
  rmSync(outdir, { recursive: true, force: true });
}

/** A bare stack in an app that has cdk.json's context, writing to its own temp folder. */
export function bareStack(extraContext: Record<string, unknown> = {}): { app: App; stack: Stack; outdir: string } {
  const outdir = tempOutdir();
  const app = new App({ outdir, context: { ...cdkJsonContext(), ...extraContext } });
  const stack = new Stack(app, 'Bare');
  return { app, stack, outdir };
}

/** Every AwsSolutions finding left unacknowledged under `scope`, errors and warnings alike. */
export function nagFindings(scope: IConstruct): string[] {
  const report = new AwsSolutionsChecks().validateScope(scope);
  return report.violations.flatMap((violation: PolicyViolation) =>
    violation.violatingResources.map((resource) => `${violation.severity} ${violation.ruleName} at ${resource.constructPath ?? '?'}`),
  );
}

/** One `Validations.of(x).acknowledge({ id, reason })`, as recorded on the construct tree. */
export interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: unknown;
}

/** Every acknowledgement recorded under `scope` (ids without the `Annotation::` prefix CDK adds). */
export function acknowledgements(scope: IConstruct): Acknowledgement[] {
  const found: Acknowledgement[] = [];
  for (const node of scope.node.findAll()) {
    for (const entry of node.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) {
        found.push({ path: node.node.path, id: id.replace(/^annotation::/i, ''), reason });
      }
    }
  }
  return found;
}

/** A policy statement as it appears in a synthesized template. */
export interface TemplateStatement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Principal?: unknown;
  readonly Condition?: unknown;
  readonly Sid?: string;
}

export function actionsOf(statement: TemplateStatement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

export function resourcesOf(statement: TemplateStatement): unknown[] {
  return Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
}

/** Every statement of every AWS::IAM::Policy attached to the role with this logical id. */
export function roleStatements(template: Template, roleLogicalId: string): TemplateStatement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleLogicalId}"`))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as TemplateStatement[]);
}

/** The logical id of an L2's default child (bucket, queue, function, role …). */
export function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnResource);
}

/** `{ "Fn::GetAtt": [id, "Arn"] }` of a resource. */
export function arnOf(construct: IConstruct): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [logicalId(construct), 'Arn'] };
}

/** `bucketArn/<pattern>` as CDK writes it. */
export function objectsArn(bucket: IConstruct, pattern: string): unknown {
  return { 'Fn::Join': ['', [arnOf(bucket), `/${pattern}`]] };
}

/** The files esbuild wrote for one function, read from the synthesized cloud assembly. */
export function bundleFiles(outdir: string, stack: Stack, displayNameSuffix: string): { dir: string; files: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(outdir, `${stack.artifactId}.assets.json`), 'utf8')) as {
    files: Record<string, { displayName?: string; source: { path: string } }>;
  };
  const entry = Object.values(manifest.files).find((file) => file.displayName?.endsWith(displayNameSuffix));
  if (entry === undefined) throw new Error(`no asset ending in ${displayNameSuffix} in ${stack.artifactId}.assets.json`);
  const dir = path.join(outdir, entry.source.path);
  return { dir, files: existsSync(dir) ? readdirSync(dir).sort() : [] };
}

/** Hooks that build (and may bundle) an app get this long: esbuild shares two cores with everything else. */
export const BUNDLING_TIMEOUT = 120_000;
