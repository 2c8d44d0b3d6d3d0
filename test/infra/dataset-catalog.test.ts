import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { DatasetCatalog, defaultDatabaseName } from '../../infra/constructs/dataset-catalog.js';
import type { DatasetCatalogProps } from '../../infra/constructs/dataset-catalog.js';
import { InvalidPropsError } from '../../infra/constructs/errors.js';
import { partitionKey } from '../../src/datasets/partitions.js';
import { AGREEMENTS_TABLE, columnNames, EVENTS_TABLE } from '../../src/datasets/schema.js';
import { bareStack, logicalId, nagFindings, removeOutdir } from './support.js';

function build(props: Omit<DatasetCatalogProps, 'datasetsBucket'> = {}): { stack: Stack; bucket: Bucket; catalog: DatasetCatalog; template: Template } {
  const { stack, outdir } = bareStack();
  try {
    const bucket = new Bucket(stack, 'Datasets');
    const catalog = new DatasetCatalog(stack, 'Catalog', { datasetsBucket: bucket, ...props });
    return { stack, bucket, catalog, template: Template.fromStack(stack) };
  } finally {
    removeOutdir(outdir);
  }
}

interface TableInput {
  Name: string;
  TableType: string;
  Parameters: Record<string, unknown>;
  PartitionKeys: { Name: string; Type: string }[];
  StorageDescriptor: { Location: unknown; SerdeInfo: { SerializationLibrary: string }; Columns: { Name: string; Type: string }[] };
}

function tableInputs(template: Template): Record<string, TableInput> {
  return Object.fromEntries(
    Object.values(template.findResources('AWS::Glue::Table')).map((r) => {
      const input = r.Properties.TableInput as TableInput;
      return [input.Name, input];
    }),
  );
}

const at = (bucket: Bucket, rest: string) => ({ 'Fn::Join': ['', ['s3://', { Ref: logicalId(bucket) }, rest]] });

describe('DatasetCatalog with its defaults', () => {
  const { stack, bucket, catalog, template } = build();

  it('makes one database named after the stack, and the events and agreements tables in it', () => {
    template.resourceCountIs('AWS::Glue::Database', 1);
    template.hasResourceProperties('AWS::Glue::Database', { CatalogId: { Ref: 'AWS::AccountId' }, DatabaseInput: { Name: 'bare' } });
    expect(catalog.databaseName).toBe('bare');
    template.resourceCountIs('AWS::Glue::Table', 2);
    template.resourceCountIs('AWS::Glue::Crawler', 0);
    const tables = tableInputs(template);
    expect(Object.keys(tables).sort()).toEqual(['agreements', 'events']);
    for (const r of Object.values(template.findResources('AWS::Glue::Table'))) {
      expect(r.Properties.DatabaseName).toBe('bare');
      expect(r.DependsOn).toEqual([stack.getLogicalId(catalog.database)]);
    }
  });

  it('gives each table the columns of the schema, as strings, and integer year/month partitions', () => {
    const tables = tableInputs(template);
    for (const table of [EVENTS_TABLE, AGREEMENTS_TABLE]) {
      const input = tables[table.name]!;
      expect(input.TableType).toBe('EXTERNAL_TABLE');
      expect(input.StorageDescriptor.Columns.map((c) => c.Name)).toEqual(columnNames(table));
      expect(new Set(input.StorageDescriptor.Columns.map((c) => c.Type))).toEqual(new Set(['string']));
      expect(input.PartitionKeys.map((k) => [k.Name, k.Type])).toEqual([['year', 'int'], ['month', 'int']]);
      expect(input.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.apache.hadoop.hive.serde2.OpenCSVSerde');
      expect(input.StorageDescriptor.Location).toEqual(at(bucket, `/${table.name}/`));
    }
  });

  it('projects the partitions where the publisher writes them, skipping the header line', () => {
    const tables = tableInputs(template);
    for (const table of [EVENTS_TABLE, AGREEMENTS_TABLE]) {
      expect(tables[table.name]!.Parameters).toEqual({
        classification: 'csv',
        'skip.header.line.count': '1',
        'projection.enabled': 'true',
        'projection.year.type': 'integer',
        'projection.year.range': '0,2100',
        'projection.year.digits': '4',
        'projection.month.type': 'integer',
        'projection.month.range': '0,12',
        'projection.month.digits': '2',
        'storage.location.template': at(bucket, `/${table.name}/year=\${year}/month=\${month}/`),
      });
      // The template with year 2022, month 8 (digits applied) is the folder of the publisher's key.
      const folder = `${table.name}/year=${'2022'.padStart(4, '0')}/month=${'8'.padStart(2, '0')}/`;
      expect(partitionKey(table, { year: '2022', month: '08' })).toBe(`${folder}${table.file}`);
    }
  });

  it('leaves cdk-nag nothing to report', () => {
    expect(nagFindings(catalog)).toEqual([]); // the bare test bucket is not part of it
  });
});

describe('DatasetCatalog props', () => {
  it('takes a database name, a prefix and a year range', () => {
    const { bucket, template } = build({ databaseName: 'entente_test', prefix: 'v1/', firstYear: 1945, lastYear: 2030 });
    template.hasResourceProperties('AWS::Glue::Database', { DatabaseInput: { Name: 'entente_test' } });
    const events = tableInputs(template).events!;
    expect(events.Parameters['projection.year.range']).toBe('1945,2030');
    expect(events.Parameters['storage.location.template']).toEqual(at(bucket, '/v1/events/year=${year}/month=${month}/'));
  });

  it('derives the default name from the stack name', () => {
    expect(defaultDatabaseName('Entente-prod')).toBe('entente_prod');
    expect(defaultDatabaseName('Entente-dev-alice')).toBe('entente_dev_alice');
  });

  it.each([
    ['a database name with dashes', { databaseName: 'entente-prod' }],
    ['a prefix without a trailing slash', { prefix: 'v1' }],
    ['an absolute prefix', { prefix: '/v1/' }],
    ['a last year before the first', { firstYear: 2000, lastYear: 1999 }],
    ['a negative first year', { firstYear: -1 }],
  ])('refuses %s', (_what, props) => {
    expect(() => build(props)).toThrow(InvalidPropsError);
  });
});
