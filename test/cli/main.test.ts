import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../cli/arguments.js';
import { parseCsv } from '../helpers/csv.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

async function cli(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'cli/main.ts', ...args], { cwd: root, env: { ...process.env, CI: 'true' } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const tempDir = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'entente-cli-'));

describe('parseArguments', () => {
  it('defaults to seeds/ → datasets/', () => {
    expect(parseArguments([])).toMatchObject({ input: 'seeds', out: 'datasets', help: false });
  });

  it('reads the input folder and options in any order', () => {
    expect(parseArguments(['--out', 'x', 'in', '--base-uri', 'https://data.example.org/e'])).toMatchObject({
      input: 'in',
      out: 'x',
      baseUri: 'https://data.example.org/e/',
    });
  });

  it('says what is wrong with a bad call', () => {
    expect(() => parseArguments(['--frobnicate'])).toThrow(/unknown option --frobnicate/);
    expect(() => parseArguments(['--out'])).toThrow(/--out needs a value/);
    expect(() => parseArguments(['a', 'b'])).toThrow(/one input folder only/);
    expect(() => parseArguments(['--max-bytes', '-3'])).toThrow(/--max-bytes/);
    expect(() => parseArguments(['--base-uri', 'not an iri'])).toThrow(/absolute IRI/);
  });
});

describe('npm start', () => {
  it('exits 2 with the usage on a misused command line', async () => {
    const result = await cli(['--nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown option --nope');
    expect(result.stderr).toContain('Usage: npm start');
  });

  it('exits 2 when the input folder does not exist', async () => {
    const result = await cli([path.join(await tempDir(), 'missing')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('input folder not found');
  });

  it('reads folders recursively, reports bad files in rejected.csv and goes on (exit 0)', async () => {
    const input = await tempDir();
    const out = path.join(await tempDir(), 'out');
    await mkdir(path.join(input, 'nested/deeper'), { recursive: true });
    await writeFile(path.join(input, 'nested/deeper/ok.txt'), ' date 2024-03-05 The Kenyan Foreign Minister, Amina Odhiambo, arrived in Accra on Monday for an official visit.');
    await writeFile(path.join(input, 'broken.json'), '{"text": "unterminated');
    await writeFile(path.join(input, 'notes.docx'), 'binary-ish');
    await writeFile(path.join(input, 'empty.txt'), '');
    const result = await cli([input, '--out', out]);
    expect(result.code).toBe(0);
    const rejected = parseCsv(await readFile(path.join(out, 'rejected.csv'), 'utf8'));
    expect(rejected.map((r) => `${r.source_key} ${r.reason}`).sort()).toEqual([
      'broken.json malformed-json',
      'empty.txt empty',
      'notes.docx unknown-extension',
    ]);
    const articles = parseCsv(await readFile(path.join(out, 'articles.csv'), 'utf8'));
    expect(articles.map((a) => a.source_key)).toEqual(['nested/deeper/ok.txt']);
    expect(result.stdout).toMatch(/rejected\s+3/);
  });

  it('does not read its own output back when --out is inside the input folder', async () => {
    const input = await tempDir();
    await writeFile(path.join(input, 'a.txt'), ' date 2024-03-05 Ghana and Kenya signed a trade agreement in Accra on Monday.');
    await cli([input, '--out', path.join(input, 'datasets')]);
    const second = await cli([input, '--out', path.join(input, 'datasets')]);
    expect(second.code).toBe(0);
    expect(parseCsv(await readFile(path.join(input, 'datasets/rejected.csv'), 'utf8'))).toEqual([]);
  });

  it('exits 1 when the output cannot be written', async () => {
    // A file where the output folder should be stops even root.
    const parent = await tempDir();
    const blocker = path.join(parent, 'file');
    await writeFile(blocker, 'x');
    const result = await cli(['seeds', '--out', path.join(blocker, 'sub')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot write the datasets');
  });
});
