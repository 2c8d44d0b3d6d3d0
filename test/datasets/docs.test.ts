import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DATASETS_DOC, renderDatasetsDoc } from '../../scripts/build-docs.js';
import { columnNames, TABLES } from '../../src/datasets/schema.js';

describe('docs/DATASETS.md', () => {
  it('is what `npm run docs` writes from the column specification (run it after changing schema.ts)', async () => {
    expect(await readFile(DATASETS_DOC, 'utf8')).toBe(renderDatasetsDoc());
  });

  it('has one table per dataset file, one line per column', () => {
    const doc = renderDatasetsDoc();
    for (const table of TABLES) {
      const section = doc.split(`## ${table.file}\n`)[1]?.split('\n## ')[0] ?? '';
      const documented = [...section.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
      expect(documented, table.file).toEqual(columnNames(table));
    }
  });
});
