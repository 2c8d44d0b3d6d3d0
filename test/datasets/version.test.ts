import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { columnNames, TABLES } from '../../src/datasets/schema.js';
import { datasetVersion, EXTRACTOR_VERSION, SCHEMA_CHANGELOG, SCHEMA_VERSION } from '../../src/datasets/version.js';
import { CONTRACT } from './contract.js';

describe('versions', () => {
  it('stamps rows with the package version', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(EXTRACTOR_VERSION).toBe(pkg.version);
  });

  it('names in the changelog every column added since dataset contract v1, and only real ones', () => {
    const logged = new Set(SCHEMA_CHANGELOG.flatMap((c) => Object.entries(c.added).flatMap(([table, columns]) => columns.map((name) => `${table}.${name}`))));
    for (const table of TABLES) {
      const v1: readonly string[] = CONTRACT[table.name];
      for (const name of columnNames(table).filter((n) => !v1.includes(n))) {
        expect(logged.has(`${table.name}.${name}`), `${table.name}.${name} was added without a SCHEMA_CHANGELOG entry in src/datasets/version.ts`).toBe(true);
      }
    }
    for (const entry of logged) {
      const [table, name] = entry.split('.');
      expect(TABLES.find((t) => t.name === table)?.columns.some((c) => c.name === name), entry).toBe(true);
    }
  });

  it('keeps the changelog in order, the last entry being the schema version', () => {
    const versions = SCHEMA_CHANGELOG.map((c) => c.version);
    expect(new Set(versions).size).toBe(versions.length);
    const num = (v: string): number[] => v.split('.').map(Number);
    for (let i = 1; i < versions.length; i++) {
      const [a, b] = [num(versions[i - 1] as string), num(versions[i] as string)];
      expect((a[0] ?? 0) * 1000 + (a[1] ?? 0) < (b[0] ?? 0) * 1000 + (b[1] ?? 0), `${versions[i - 1]} < ${versions[i]}`).toBe(true);
    }
    expect(versions.at(-1)).toBe(SCHEMA_VERSION);
  });

  it('gives the dataset a semantic version from the schema, the data date and the data hash', () => {
    const hash = 'ab'.repeat(32);
    expect(datasetVersion('2024-05-14', hash)).toBe(`${SCHEMA_VERSION}.20240514+abababababab`);
    expect(datasetVersion('2024-05', hash)).toBe(`${SCHEMA_VERSION}.20240500+abababababab`);
    expect(datasetVersion('2024', hash)).toBe(`${SCHEMA_VERSION}.20240000+abababababab`);
    expect(datasetVersion(undefined, hash)).toBe(`${SCHEMA_VERSION}.0+abababababab`);
    expect(datasetVersion('2024-05-14', hash)).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]+$/);
  });
});
