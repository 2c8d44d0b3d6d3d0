import { CfnOutput, Fn, Stack } from 'aws-cdk-lib';
import type { RemovalPolicy, StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Alarms } from './constructs/alarms.js';
import { ArticleBuckets } from './constructs/article-buckets.js';
import { DatasetCatalog } from './constructs/dataset-catalog.js';
import { DatasetPublisher } from './constructs/dataset-publisher.js';
import { DEFAULT_STAGE, INCOMING_PREFIX, stackDefaults } from './constructs/defaults.js';
import { checkBaseUri, checkEmail } from './constructs/checks.js';
import { InvalidPropsError } from './constructs/errors.js';
import { NormaliseFunction } from './constructs/normalise-function.js';

export interface EntenteStackProps extends StackProps {
  /**
   * The deployment stage (`dev`, `prod`, `dev-alice` …): lower-case letters, digits and dashes.
   * @default 'prod'
   */
  readonly stage?: string;
  /**
   * The base URI of the datasets' JSON-LD ids (BASE_URI), ending in `/` or `#`.
   * @default - the datasets bucket's regional URL, `https://<bucket>.s3.<region>.amazonaws.com/`
   */
  readonly baseUri?: string;
  /**
   * What happens to buckets and log groups when the stack goes. DESTROY also empties the buckets.
   * @default RemovalPolicy.DESTROY for a dev stage (`dev`, `dev-*`), RemovalPolicy.RETAIN otherwise
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * E-mail address that receives the alarms.
   * @default - no SNS topic
   */
  readonly alarmEmail?: string;
}

/** The whole pipeline: buckets → normalise → publish, the Athena catalog of the datasets, and the alarms watching it. Composition only. */
export class EntenteStack extends Stack {
  readonly stage: string;
  readonly buckets: ArticleBuckets;
  readonly normalise: NormaliseFunction;
  readonly publisher: DatasetPublisher;
  readonly catalog: DatasetCatalog;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: EntenteStackProps = {}) {
    super(scope, id, props);
    const stage = props.stage ?? DEFAULT_STAGE;
    checkEntenteStackProps({ ...props, stage });
    const removalPolicy = props.removalPolicy ?? stackDefaults(stage).removalPolicy;
    this.stage = stage;

    this.buckets = new ArticleBuckets(this, 'Buckets', { removalPolicy });
    const baseUri = props.baseUri ?? this.buckets.datasetsUrl;
    const buckets = { upload: this.buckets.uploadBucket, work: this.buckets.workBucket, datasets: this.buckets.datasetsBucket };

    this.normalise = new NormaliseFunction(this, 'Normalise', { buckets, baseUri, removalPolicy });
    this.publisher = new DatasetPublisher(this, 'Publisher', { buckets, baseUri, removalPolicy });
    this.catalog = new DatasetCatalog(this, 'Catalog', { datasetsBucket: this.buckets.datasetsBucket });

    this.alarms = new Alarms(this, 'Alarms', {
      functions: [
        { name: 'Normalise', function: this.normalise.function },
        { name: 'Publish', function: this.publisher.function },
      ],
      deadLetterQueues: [
        { name: 'Normalise', queue: this.normalise.deadLetterQueue },
        { name: 'Publish', queue: this.publisher.deadLetterQueue },
      ],
      alarmEmail: props.alarmEmail,
    });

    new CfnOutput(this, 'Stage', { value: stage, description: 'The deployment stage' });
    new CfnOutput(this, 'UploadBucketName', { value: this.buckets.uploadBucket.bucketName, description: 'Where articles are uploaded' });
    new CfnOutput(this, 'WorkBucketName', { value: this.buckets.workBucket.bucketName, description: 'The private working records' });
    new CfnOutput(this, 'DatasetsBucketName', { value: this.buckets.datasetsBucket.bucketName, description: 'The public datasets' });
    new CfnOutput(this, 'DatasetsUrl', { value: this.buckets.datasetsUrl, description: 'Where the datasets can be downloaded (append a file name)' });
    new CfnOutput(this, 'BaseUri', { value: baseUri, description: 'The base URI the datasets identify themselves with' });
    new CfnOutput(this, 'AthenaDatabase', { value: this.catalog.databaseName, description: 'The Glue database Athena queries the events and agreements in' });
    new CfnOutput(this, 'UploadCommand', {
      value: Fn.join('', ['aws s3 cp FILE s3://', this.buckets.uploadBucket.bucketName, `/${INCOMING_PREFIX}`]),
      description: 'Upload an article (replace FILE)',
    });
    // What `npm run redrive -- --aws --dlq-arn <arn>` takes once the cause of the dead letters is fixed.
    new CfnOutput(this, 'NormaliseDeadLetterQueueArn', { value: this.normalise.deadLetterQueue.queueArn, description: 'Uploads normalise gave up on (redrive with npm run redrive -- --aws --dlq-arn)' });
    new CfnOutput(this, 'PublishDeadLetterQueueArn', { value: this.publisher.deadLetterQueue.queueArn, description: 'Publications that failed after their retries (redrive with npm run redrive -- --aws --dlq-arn)' });
    if (this.alarms.topic) new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'Alarm notifications' });
  }
}

export function checkEntenteStackProps(props: EntenteStackProps & { readonly stage: string }): void {
  if (!/^[a-z][a-z0-9-]{0,23}$/.test(props.stage)) {
    throw new InvalidPropsError('EntenteStack', 'stage', props.stage, 'must be 1 to 24 lower-case letters, digits or dashes, starting with a letter');
  }
  if (props.baseUri !== undefined) checkBaseUri('EntenteStack', 'baseUri', props.baseUri);
  if (props.alarmEmail !== undefined) checkEmail('EntenteStack', 'alarmEmail', props.alarmEmail);
}
