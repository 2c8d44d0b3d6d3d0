import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, RemovalPolicy, Tags, Validations } from 'aws-cdk-lib';
import type { AppProps } from 'aws-cdk-lib';
import type { Node } from 'constructs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DEFAULT_STAGE } from './constructs/defaults.js';
import { InvalidPropsError } from './constructs/errors.js';
import { EntenteStack } from './entente-stack.js';
import type { EntenteStackProps } from './entente-stack.js';

/**
 * `npx cdk synth|deploy` runs this file (cdk.json). Context, all optional:
 *   -c stage=dev              deployment stage (default prod); the stack is Entente-<stage>
 *   -c baseUri=https://…/     BASE_URI of the datasets (default: the datasets bucket URL)
 *   -c removalPolicy=destroy  retain|destroy (default: destroy for dev stages, retain otherwise)
 *   -c alarmEmail=a@b.org     e-mail the alarms through SNS
 * The stack is environment-agnostic: account and region come from the deploying profile.
 */

/** The stack's props read from the app context. */
export function stackPropsFromContext(node: Node): EntenteStackProps {
  const text = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw new InvalidPropsError('app', `context ${key}`, value, 'must be a string');
    return value;
  };
  const removal = text('removalPolicy');
  let removalPolicy: RemovalPolicy | undefined;
  if (removal !== undefined) {
    if (removal !== 'retain' && removal !== 'destroy') {
      throw new InvalidPropsError('app', 'context removalPolicy', removal, 'must be "retain" or "destroy"');
    }
    removalPolicy = removal === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
  }
  return {
    stage: text('stage') ?? DEFAULT_STAGE,
    baseUri: text('baseUri'),
    removalPolicy,
    alarmEmail: text('alarmEmail'),
  };
}

/** The app: one Entente stack, checked by cdk-nag's AWS Solutions rules at synth time. */
export function createApp(props: AppProps = {}): { app: App; stack: EntenteStack } {
  const app = new App(props);
  const stackProps = stackPropsFromContext(app.node);
  const stack = new EntenteStack(app, `Entente-${stackProps.stage ?? DEFAULT_STAGE}`, {
    ...stackProps,
    description: 'Entente: articles uploaded to S3 become open datasets of diplomatic events and agreements',
  });
  Tags.of(stack).add('project', 'entente');
  Tags.of(stack).add('stage', stack.stage);
  // Every finding fails the synth (errors) or is printed (warnings) unless acknowledged
  // with Validations.of(construct).acknowledge({ id, reason }) where it arises.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  createApp().app.synth();
}
