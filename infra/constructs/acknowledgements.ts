import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag (AwsSolutions) findings that are accepted, each acknowledged on the construct it
 * arises from, with the reason it is accepted. cdk-nag 3 acknowledges one finding id at a
 * time (`AwsSolutions-IAM5[Resource::…]`), so wildcard grants are acknowledged per
 * resource, naming the prefix.
 */

/** One object-ARN wildcard in a role's policy, and why the prefix cannot be narrower. */
export interface ObjectWildcard {
  /** The ARN as granted, e.g. `bucket.arnForObjects('records/*')`. */
  readonly arn: string;
  /** Why this prefix: what lives under it and who writes it. */
  readonly why: string;
}

/** Acknowledges AwsSolutions-IAM5 for each object-prefix wildcard granted to `role`. */
export function acknowledgeObjectWildcards(role: IConstruct, wildcards: readonly ObjectWildcard[]): void {
  const stack = Stack.of(role);
  for (const { arn, why } of wildcards) {
    const resource = flattenCfnReference(stack.resolve(arn));
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${resource}]`,
      reason: `Object keys under this prefix are only known at run time, so the grant names the prefix, the narrowest scope IAM offers: ${why}`,
    });
  }
}

/** Acknowledges AwsSolutions-L1 on a function pinned to the runtime the project targets. */
export function acknowledgePinnedRuntime(fn: IConstruct, runtime: string): void {
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-L1',
    reason: `Pinned to ${runtime} on purpose: the bundle is built by esbuild for that Node version and the handlers are tested on it; moving to a newer runtime is a deliberate upgrade, not drift.`,
  });
}

/** The S3 notification handler aws-cdk-lib adds (once per stack) when a bucket notifies a queue. */
const BUCKET_NOTIFICATIONS_HANDLER_ID = 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834';
const acknowledgedStacks = new WeakSet<Stack>();

/**
 * Acknowledges the findings on aws-cdk-lib's BucketNotificationsHandler, a Lambda that
 * writes the S3 → SQS notification configuration at deploy time. Call after
 * `addEventNotification`; does nothing twice on the same stack.
 */
export function acknowledgeBucketNotificationsHandler(stack: Stack): void {
  if (acknowledgedStacks.has(stack)) return;
  const handler = stack.node.tryFindChild(BUCKET_NOTIFICATIONS_HANDLER_ID);
  if (handler === undefined) return;
  acknowledgedStacks.add(stack);
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      "aws-cdk-lib's BucketNotificationsHandler (it applies the S3 -> SQS notification configuration at deploy time) builds its own role " +
      'with AWSLambdaBasicExecutionRole and offers no way to replace it; the managed policy only lets it write its own CloudWatch logs.',
  });
}
