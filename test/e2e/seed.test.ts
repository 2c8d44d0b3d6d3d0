import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../helpers/csv.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const SEED = '000_c6b8037a3e0ee50b.txt';

async function startCli(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'cli/main.ts', ...args], { cwd: root, env: { ...process.env, CI: 'true' } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('npm start on the seeds folder', () => {
  let out1: string;
  let out2: string;
  let first: Awaited<ReturnType<typeof startCli>>;

  beforeAll(async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'entente-e2e-'));
    out1 = path.join(tmp, 'one');
    out2 = path.join(tmp, 'two');
    first = await startCli(['seeds', '--out', out1]);
    await startCli(['seeds', '--out', out2]);
  }, 60_000);

  it('exits 0 and prints a summary', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/articles\s+\d+/);
    expect(first.stdout).toMatch(/events\s+\d+/);
    expect(first.stdout).toContain(`[1/`);
    expect(first.stdout).toContain(SEED);
  });

  it('reads the original seed into exactly its four events, with dates, places and people', async () => {
    const events = parseCsv(await readFile(path.join(out1, 'events.csv'), 'utf8')).filter((r) => r.source_keys === SEED);
    const view = events.map((e) => `${e.event_type} ${e.participants} ${e.date} ${e.location_city}/${e.location_country}`).sort();
    expect(view).toEqual([
      'meeting AZE;DZA 2022-08 Baku/AZE',
      'press_conference AZE;DZA 2022-08 Baku/AZE',
      'signing AZE;DZA 2022-08 Baku/AZE',
      'visit AZE;DZA 2022-08 Baku/AZE',
    ]);
    const visit = events.find((e) => e.event_type === 'visit');
    expect([visit?.actor1_country, visit?.actor2_country]).toEqual(['DZA', 'AZE']);
    expect(visit?.people).toBe('Ramtane Lamamra');
    for (const type of ['meeting', 'signing', 'press_conference']) {
      expect((events.find((e) => e.event_type === type)?.people ?? '').split(';').sort()).toEqual(['Jeyhun Bayramov', 'Ramtane Lamamra']);
    }
    expect(visit?.cameo_code).toBe('042');
    expect(Number(visit?.latitude)).toBeCloseTo(40.4, 0);
  });

  it('reads its two agreements, linked to the signing event', async () => {
    const events = parseCsv(await readFile(path.join(out1, 'events.csv'), 'utf8')).filter((r) => r.source_keys === SEED);
    const agreements = parseCsv(await readFile(path.join(out1, 'agreements.csv'), 'utf8')).filter((r) => r.source_keys === SEED);
    expect(agreements.map((a) => a.topic).sort()).toEqual(['consultation', 'visa']);
    const signing = events.find((e) => e.event_type === 'signing');
    for (const a of agreements) {
      expect(a.parties).toBe('AZE;DZA');
      expect(a.date_signed).toBe('2022-08');
      expect(a.place_city).toBe('Baku');
      expect(a.status).toBe('signed');
      expect((a.signatories ?? '').split(';').sort()).toEqual(['Jeyhun Bayramov', 'Ramtane Lamamra']);
      expect(a.signing_event_id).toBe(signing?.event_id);
    }
  });

  it('writes every dataset file, and two runs give byte-identical files', async () => {
    const files = (await readdir(out1, { recursive: true })).filter((f) => /\.[a-z]+$/.test(f)).sort(); // files, not folders
    expect(files.filter((f) => !f.includes('/'))).toEqual([
      'agreements.csv', 'agreements.csv-metadata.json', 'agreements.jsonld', 'articles.csv', 'articles.csv-metadata.json', 'catalog.jsonld',
      'datapackage.json', 'events.csv', 'events.csv-metadata.json', 'events.jsonld', 'index.html', 'mentions.csv', 'mentions.csv-metadata.json',
      'partitions.json', 'rejected.csv', 'rejected.csv-metadata.json',
    ]);
    // and the monthly partitions of events and agreements (src/datasets/partitions.ts)
    expect(files.filter((f) => f.includes('/')).length).toBeGreaterThan(1);
    for (const file of files) {
      expect(await readFile(path.join(out2, file)), file).toEqual(await readFile(path.join(out1, file)));
    }
  });

  it('lists every sample article, with no rejection', async () => {
    const articles = parseCsv(await readFile(path.join(out1, 'articles.csv'), 'utf8'));
    const keys = articles.flatMap((a) => (a.source_key ?? '').split(';'));
    for (const sample of await readdir(path.join(root, 'seeds/samples'))) expect(keys.some((k) => k.startsWith(`samples/${sample}`))).toBe(true);
    expect(parseCsv(await readFile(path.join(out1, 'rejected.csv'), 'utf8'))).toEqual([]);
  });
});
