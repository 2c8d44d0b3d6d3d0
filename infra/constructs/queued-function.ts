import { existsSync } from 'node:fs';
import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { RemovalPolicy } from 'aws-cdk-lib';
import type { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { RecursiveLoop } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { checkDurationInRange, checkIntegerInRange } from './checks.js';
import { bundlingDefaults, FUNCTION_ARCHITECTURE, FUNCTION_RUNTIME, LOCK_FILE, REPO_ROOT, VISIBILITY_TIMEOUT_FACTOR } from './defaults.js';
import { acknowledgePinnedRuntime } from './acknowledgements.js';
import { InvalidPropsError } from './errors.js';

/** The three buckets the handlers are told about. */
export interface PipelineBuckets {
  readonly upload: IBucket;
  readonly work: IBucket;
  readonly datasets: IBucket;
}

/**
 * Fully resolved settings of one queue-fed function: the two public function constructs
 * fill every field from their own defaults, so nothing here is optional but the
 * publish-only knobs.
 */
export interface QueuedFunctionProps {
  readonly construct: string;
  readonly entry: string;
  readonly description: string;
  readonly environment: Record<string, string>;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly batchSize: number;
  readonly maxBatchingWindow?: Duration;
  readonly maxConcurrency?: number;
  readonly reservedConcurrentExecutions?: number;
  readonly maxReceiveCount: number;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  /** The function's own permissions (beyond writing its logs and consuming its queue). */
  readonly statements: readonly PolicyStatement[];
}

/**
 * SQS queue (+ DLQ) → NodejsFunction, the shape both pipeline steps share: queues
 * SQS-encrypted and TLS-only, visibility sized to the function, partial batch failures
 * reported per message, a log group with retention, a role that can do only what the
 * statements say (no AWS managed policy), recursive loops terminated.
 */
export class QueuedFunction extends Construct {
  readonly function: NodejsFunction;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly logGroup: LogGroup;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: QueuedFunctionProps) {
    super(scope, id);
    checkQueuedFunctionProps(props);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    // AWS: at least six times the function timeout, plus the batching window.
    const visibilitySeconds = props.timeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR + (props.maxBatchingWindow?.toSeconds() ?? 0);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(visibilitySeconds),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: props.description,
    });
    // Only its own log group, instead of AWSLambdaBasicExecutionRole's logs:* on every group.
    this.logGroup.grantWrite(this.role);
    for (const statement of props.statements) this.role.addToPolicy(statement);

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: LOCK_FILE,
      runtime: FUNCTION_RUNTIME,
      architecture: FUNCTION_ARCHITECTURE,
      description: props.description,
      memorySize: props.memorySize,
      timeout: props.timeout,
      environment: props.environment,
      role: this.role,
      logGroup: this.logGroup,
      recursiveLoop: RecursiveLoop.TERMINATE,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      bundling: bundlingDefaults(),
    });
    acknowledgePinnedRuntime(this.function, FUNCTION_RUNTIME.name);

    this.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: props.batchSize,
        maxBatchingWindow: props.maxBatchingWindow,
        maxConcurrency: props.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
  }
}

export function checkQueuedFunctionProps(props: QueuedFunctionProps): void {
  const name = props.construct;
  const entry = path.resolve(props.entry);
  const relative = path.relative(REPO_ROOT, entry);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new InvalidPropsError(name, 'entry', props.entry, `must be inside the repository (${REPO_ROOT}), where esbuild runs`);
  }
  if (!/\.(ts|mts|js|mjs)$/.test(entry)) throw new InvalidPropsError(name, 'entry', props.entry, 'must be a .ts or .js file');
  if (!existsSync(entry)) throw new InvalidPropsError(name, 'entry', props.entry, 'does not exist');
  checkIntegerInRange(name, 'memorySize', props.memorySize, 128, 10_240);
  checkDurationInRange(name, 'timeout', props.timeout, Duration.seconds(1), Duration.minutes(15));
  checkIntegerInRange(name, 'maxReceiveCount', props.maxReceiveCount, 1, 1000);
  if (props.maxBatchingWindow === undefined) {
    // SQS: above 10 messages a batching window is required.
    checkIntegerInRange(name, 'batchSize', props.batchSize, 1, 10);
  } else {
    checkDurationInRange(name, 'maxBatchingWindow', props.maxBatchingWindow, Duration.seconds(0), Duration.minutes(5));
    checkIntegerInRange(name, 'batchSize', props.batchSize, 1, 10_000);
  }
  if (props.maxConcurrency !== undefined) checkIntegerInRange(name, 'maxConcurrency', props.maxConcurrency, 2, 1000);
  if (props.reservedConcurrentExecutions !== undefined) {
    checkIntegerInRange(name, 'reservedConcurrentExecutions', props.reservedConcurrentExecutions, 1, 1000);
  }
  // SQS caps visibility at 12 hours.
  const visibility = props.timeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR + (props.maxBatchingWindow?.toSeconds() ?? 0);
  if (visibility > 12 * 3600) {
    throw new InvalidPropsError(name, 'timeout', props.timeout.toHumanString(), `needs a visibility timeout of ${visibility}s, over SQS's 12 hours`);
  }
}
