import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';

/**
 * What a test can say about a publication from the outside: the objects of a bucket, read
 * through the S3 API. Nothing here knows how the publisher writes them.
 */
export type BucketSnapshot = ReadonlyMap<string, Buffer>;

/** Every object under `prefix` of `bucket`, key → bytes, keys in byte order. */
export async function snapshotBucket(client: S3Client, bucket: string, prefix = ''): Promise<Map<string, Buffer>> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  keys.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const snapshot = new Map<string, Buffer>();
  for (const key of keys) {
    const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    snapshot.set(key, Buffer.from((await response.Body?.transformToByteArray()) ?? new Uint8Array()));
  }
  return snapshot;
}

/** Deletes every object under `prefix` of `bucket` (DeleteObjects, 1000 keys at a time). */
export async function emptyBucket(client: S3Client, bucket: string, prefix = ''): Promise<number> {
  let deleted = 0;
  for (;;) {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    const keys = (page.Contents ?? []).flatMap((o) => (o.Key === undefined ? [] : [{ Key: o.Key }]));
    if (keys.length === 0) return deleted;
    await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
    deleted += keys.length;
  }
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A CSV parsed strictly (RFC 4180): undefined fields never, a quote left open or a short row is an error. */
export function parseCsvStrict(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
        afterQuote = true;
      }
    } else if (c === '"') {
      if (field !== '' || afterQuote) throw new Error(`stray quote at offset ${i}`);
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
      afterQuote = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] !== '\n') throw new Error(`bare CR at offset ${i}`);
      if (c === '\r') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      afterQuote = false;
    } else {
      if (afterQuote) throw new Error(`text after a closing quote at offset ${i}`);
      field += c;
    }
  }
  if (quoted) throw new Error('the file ends inside a quoted field');
  if (field !== '' || record.length > 0) throw new Error('the last line has no line terminator');
  const [header, ...rows] = records;
  if (header === undefined) throw new Error('no header');
  for (const [i, row] of rows.entries()) if (row.length !== header.length) throw new Error(`row ${i + 1} has ${row.length} fields, the header ${header.length}`);
  return { header, rows };
}

interface CatalogDownload {
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly rows?: number;
}

/** The DataDownload nodes of catalog.jsonld: name, SHA-256, size and, for tables, rows. */
export function catalogDownloads(catalog: unknown): CatalogDownload[] {
  const found: CatalogDownload[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (typeof node === 'object' && node !== null) {
      const o = node as Record<string, unknown>;
      if (typeof o.contentUrl === 'string' && typeof o.sha256 === 'string' && typeof o.name === 'string') {
        const rowsProperty = [o.additionalProperty].flat().find((p) => typeof p === 'object' && p !== null && (p as { name?: unknown }).name === 'rows') as { value?: unknown } | undefined;
        found.push({
          name: o.name,
          sha256: o.sha256,
          bytes: Number.parseInt(String(o.contentSize ?? ''), 10),
          ...(typeof rowsProperty?.value === 'number' ? { rows: rowsProperty.value } : {}),
        });
        return;
      }
      for (const value of Object.values(o)) walk(value);
    }
  };
  walk(catalog);
  return found;
}

/**
 * Files that are not whole: a CSV that does not parse strictly, JSON that does not parse,
 * a page that does not end. `csvRows` receives the rows of every CSV that parses.
 */
export function malformedFiles(files: BucketSnapshot, csvRows = new Map<string, string[][]>()): string[] {
  const problems: string[] = [];
  for (const [key, bytes] of files) {
    try {
      if (key.endsWith('.csv')) csvRows.set(key, parseCsvStrict(bytes.toString('utf8')).rows);
      else if (key.endsWith('.json') || key.endsWith('.jsonld')) JSON.parse(bytes.toString('utf8'));
      else if (key.endsWith('.html') && !bytes.toString('utf8').trimEnd().endsWith('</html>')) throw new Error('does not end with </html>');
    } catch (error) {
      problems.push(`${key}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/**
 * Everything that makes a publication complete and consistent, checked on the files alone;
 * returns the problems found ([] when there are none):
 *  - every CSV parses strictly, every JSON file parses, index.html is whole;
 *  - catalog.jsonld and datapackage.json name only files that are there, with their size
 *    and SHA-256, and the row counts of the catalog are those of the files;
 *  - partitions.json names only partitions that are there, with their SHA-256, and the
 *    partitions of a table hold exactly the rows of its full file.
 */
export function publicationProblems(files: BucketSnapshot): string[] {
  const csvRows = new Map<string, string[][]>();
  const problems = malformedFiles(files, csvRows);
  const text = (key: string): string | undefined => files.get(key)?.toString('utf8');

  const catalogText = text('catalog.jsonld');
  if (catalogText === undefined) problems.push('catalog.jsonld is missing');
  else {
    try {
      const downloads = catalogDownloads(JSON.parse(catalogText));
      if (downloads.length === 0) problems.push('catalog.jsonld lists no file');
      for (const d of downloads) {
        const bytes = files.get(d.name);
        if (bytes === undefined) problems.push(`catalog.jsonld lists ${d.name}, which is missing`);
        else {
          if (sha256(bytes) !== d.sha256) problems.push(`catalog.jsonld: SHA-256 of ${d.name} differs`);
          if (bytes.byteLength !== d.bytes) problems.push(`catalog.jsonld: ${d.name} is ${bytes.byteLength} bytes, listed as ${d.bytes}`);
          const rows = csvRows.get(d.name);
          if (d.rows !== undefined && rows !== undefined && rows.length !== d.rows) problems.push(`catalog.jsonld: ${d.name} has ${rows.length} rows, listed as ${d.rows}`);
        }
      }
    } catch {
      // Reported above.
    }
  }

  const packageText = text('datapackage.json');
  if (packageText === undefined) problems.push('datapackage.json is missing');
  else {
    try {
      const resources = (JSON.parse(packageText) as { resources?: { path?: unknown; bytes?: unknown; hash?: unknown }[] }).resources ?? [];
      if (resources.length === 0) problems.push('datapackage.json lists no resource');
      for (const r of resources) {
        const name = String(r.path);
        const bytes = files.get(name);
        if (bytes === undefined) problems.push(`datapackage.json lists ${name}, which is missing`);
        else {
          if (r.hash !== undefined && r.hash !== `sha256:${sha256(bytes)}`) problems.push(`datapackage.json: hash of ${name} differs`);
          if (r.bytes !== undefined && r.bytes !== bytes.byteLength) problems.push(`datapackage.json: ${name} is ${bytes.byteLength} bytes, listed as ${String(r.bytes)}`);
        }
      }
    } catch {
      // Reported above.
    }
  }

  const manifestText = text('partitions.json');
  if (manifestText !== undefined) {
    try {
      const listed = (JSON.parse(manifestText) as { partitions?: Record<string, string> }).partitions ?? {};
      const byTable = new Map<string, string[]>();
      for (const [key, hash] of Object.entries(listed)) {
        const bytes = files.get(key);
        if (bytes === undefined) problems.push(`partitions.json lists ${key}, which is missing`);
        else if (sha256(bytes) !== hash) problems.push(`partitions.json: SHA-256 of ${key} differs`);
        const table = key.slice(key.lastIndexOf('/') + 1);
        byTable.set(table, [...(byTable.get(table) ?? []), ...(csvRows.get(key) ?? []).map((r) => JSON.stringify(r))]);
      }
      for (const [table, rows] of byTable) {
        const full = (csvRows.get(table) ?? []).map((r) => JSON.stringify(r)).sort();
        if (JSON.stringify(rows.sort()) !== JSON.stringify(full)) problems.push(`the partitions of ${table} do not hold exactly its rows (${rows.length} against ${full.length})`);
      }
      for (const key of files.keys()) if (/^[a-z]+\/year=\d{4}\/month=\d{2}\//.test(key) && !(key in listed)) problems.push(`${key} is not in partitions.json`);
    } catch {
      // Reported above.
    }
  }
  return problems;
}

/**
 * How an incremental publication (`published`) differs from a clean one over the same final
 * state (`clean`), leaving out the one difference publish makes on purpose: a month that
 * lost all its rows keeps a header-only partition (publish never deletes), which
 * partitions.json goes on listing. Returns the differences ([] when there are none) and the
 * header-only partitions tolerated.
 */
export function differencesFromCleanRun(published: BucketSnapshot, clean: BucketSnapshot): { differences: string[]; emptiedPartitions: string[] } {
  const differences: string[] = [];
  const emptiedPartitions: string[] = [];
  for (const [key, bytes] of published) {
    if (clean.has(key)) continue;
    const table = key.slice(key.lastIndexOf('/') + 1);
    const header = clean.get(table)?.toString('utf8').split('\r\n')[0];
    if (/^[a-z]+\/year=\d{4}\/month=\d{2}\/[a-z]+\.csv$/.test(key) && header !== undefined && bytes.toString('utf8') === `${header}\r\n`) emptiedPartitions.push(key);
    else differences.push(`${key}: only in the incremental publication`);
  }
  for (const [key, bytes] of clean) {
    const mine = published.get(key);
    if (mine === undefined) differences.push(`${key}: missing from the incremental publication`);
    else if (key === 'partitions.json' && emptiedPartitions.length > 0) {
      const listed = (JSON.parse(mine.toString('utf8')) as { partitions: Record<string, string> }).partitions;
      const kept = Object.fromEntries(Object.entries(listed).filter(([k]) => !emptiedPartitions.includes(k)));
      const expected = (JSON.parse(bytes.toString('utf8')) as { partitions: Record<string, string> }).partitions;
      if (JSON.stringify(kept) !== JSON.stringify(expected)) differences.push('partitions.json: differs beyond the emptied partitions');
    } else if (!mine.equals(bytes)) differences.push(`${key}: bytes differ${firstDifference(mine, bytes)}`);
  }
  return { differences, emptiedPartitions };
}

function firstDifference(a: Buffer, b: Buffer): string {
  const lines = [a.toString('utf8').split('\n'), b.toString('utf8').split('\n')];
  const [mine = [], clean = []] = lines;
  for (let i = 0; i < Math.max(mine.length, clean.length); i++) {
    if (mine[i] !== clean[i]) return ` (line ${i + 1}: ${JSON.stringify((mine[i] ?? '<none>').slice(0, 160))} against ${JSON.stringify((clean[i] ?? '<none>').slice(0, 160))})`;
  }
  return '';
}
