import { Stack, Token } from 'aws-cdk-lib';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AGREEMENTS_TABLE, EVENTS_TABLE } from '../../src/datasets/schema.js';
import type { TableSchema } from '../../src/datasets/schema.js';
import { checkIntegerInRange } from './checks.js';
import { withDefaults } from './defaults.js';
import { InvalidPropsError } from './errors.js';

export interface DatasetCatalogProps {
  /** The public datasets bucket the publisher writes the monthly partitions to. */
  readonly datasetsBucket: IBucket;
  /**
   * The Glue database name: lower-case letters, digits and underscores.
   * @default - `entente_<stage>`, from the stack name (`Entente-prod` → `entente_prod`)
   */
  readonly databaseName?: string;
  /**
   * The key prefix of the publication in the bucket (writeDatasets' `prefix`): empty or ending in `/`.
   * @default ''
   */
  readonly prefix?: string;
  /**
   * The first year partition projection considers. 0 keeps the undated rows (`year=0000`) queryable.
   * @default 0
   */
  readonly firstYear?: number;
  /**
   * The last year partition projection considers.
   * @default 2100
   */
  readonly lastYear?: number;
}

export function datasetCatalogDefaults() {
  return { prefix: '', firstYear: 0, lastYear: 2100 };
}

const NAME = 'DatasetCatalog';

/** The tables Athena reads, and the column their partitions are cut by (src/datasets/partitions.ts). */
export const CATALOG_TABLES: readonly TableSchema[] = [EVENTS_TABLE, AGREEMENTS_TABLE];

/**
 * A Glue database and one external table per partitioned dataset (events, agreements) over
 * `<prefix><table>/year=YYYY/month=MM/<table>.csv` in the datasets bucket, with partition
 * projection: Athena computes the partitions from the table properties, so no crawler and
 * no `MSCK REPAIR` is needed. Every column is `string` (the CSV cells are text; cast in the
 * query); the partition columns `year` and `month` are integers (`year = 0` is undated,
 * `month = 0` dated only to the year).
 */
export class DatasetCatalog extends Construct {
  readonly database: CfnDatabase;
  readonly databaseName: string;
  /** By table name: `events`, `agreements`. */
  readonly tables: Readonly<Record<string, CfnTable>>;

  constructor(scope: Construct, id: string, props: DatasetCatalogProps) {
    super(scope, id);
    const resolved = withDefaults(datasetCatalogDefaults(), props);
    const stack = Stack.of(this);
    const databaseName = props.databaseName ?? defaultDatabaseName(stack.stackName);
    checkDatasetCatalogProps({ ...resolved, databaseName });
    this.databaseName = databaseName;

    this.database = new CfnDatabase(this, 'Database', {
      catalogId: stack.account,
      databaseInput: { name: databaseName, description: 'Entente: diplomatic events and agreements read from news articles (monthly CSV partitions).' },
    });

    const tables: Record<string, CfnTable> = {};
    for (const table of CATALOG_TABLES) {
      const root = `s3://${props.datasetsBucket.bucketName}/${resolved.prefix}${table.name}/`;
      const cfn = new CfnTable(this, `${table.name[0]!.toUpperCase()}${table.name.slice(1)}Table`, {
        catalogId: stack.account,
        databaseName,
        tableInput: {
          name: table.name,
          description: table.description,
          tableType: 'EXTERNAL_TABLE',
          parameters: tableParameters(root, resolved.firstYear, resolved.lastYear),
          partitionKeys: [
            { name: 'year', type: 'int', comment: 'Year of the date column; 0 when the row has no date.' },
            { name: 'month', type: 'int', comment: 'Month of the date column; 0 when dated only to the year, or undated.' },
          ],
          storageDescriptor: {
            location: root,
            inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
            outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
            serdeInfo: {
              serializationLibrary: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
              parameters: { separatorChar: ',', quoteChar: '"', escapeChar: '\\' },
            },
            columns: table.columns.map((c) => ({ name: c.name, type: 'string', comment: c.description.slice(0, 255) })),
          },
        },
      });
      cfn.addDependency(this.database);
      tables[table.name] = cfn;
    }
    this.tables = tables;
  }
}

/** The Glue table properties: CSV with a header line, and year/month partition projection. */
export function tableParameters(root: string, firstYear: number, lastYear: number): Record<string, string> {
  return {
    classification: 'csv',
    'skip.header.line.count': '1',
    'projection.enabled': 'true',
    'projection.year.type': 'integer',
    'projection.year.range': `${firstYear},${lastYear}`,
    'projection.year.digits': '4',
    'projection.month.type': 'integer',
    'projection.month.range': '0,12',
    'projection.month.digits': '2',
    // Athena reads every object in the folder: the publisher writes one, <table>.csv.
    'storage.location.template': `${root}year=\${year}/month=\${month}/`,
  };
}

export function defaultDatabaseName(stackName: string): string {
  return stackName.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
}

export function checkDatasetCatalogProps(props: { databaseName: string; prefix: string; firstYear: number; lastYear: number }): void {
  if (!Token.isUnresolved(props.databaseName) && !/^[a-z0-9_]{1,255}$/.test(props.databaseName)) {
    throw new InvalidPropsError(NAME, 'databaseName', props.databaseName, 'must be 1 to 255 lower-case letters, digits or underscores');
  }
  if (!Token.isUnresolved(props.prefix) && props.prefix !== '' && (props.prefix.startsWith('/') || !props.prefix.endsWith('/') || props.prefix.includes('*'))) {
    throw new InvalidPropsError(NAME, 'prefix', props.prefix, 'must be empty, or a relative key prefix ending in "/"');
  }
  checkIntegerInRange(NAME, 'firstYear', props.firstYear, 0, 9999);
  checkIntegerInRange(NAME, 'lastYear', props.lastYear, props.firstYear, 9999);
}
