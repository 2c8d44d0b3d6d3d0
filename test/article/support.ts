import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article, ReadObjectOptions, ReadResult } from '../../src/article/index.js';
import { readObject } from '../../src/article/index.js';

const SAMPLES = fileURLToPath(new URL('../../seeds/samples/', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

export function bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

export function read(key: string, content: string | Uint8Array, options?: ReadObjectOptions): Promise<ReadResult> {
  return readObject(key, typeof content === 'string' ? bytes(content) : content, options);
}

/** Reads a file that must hold exactly one article and no rejection. */
export async function readOne(key: string, content: string | Uint8Array): Promise<Article> {
  const result = await read(key, content);
  if (result.rejections.length > 0 || result.articles.length !== 1) {
    throw new Error(`expected one article from ${key}, got ${JSON.stringify(result)}`);
  }
  return result.articles[0] as Article;
}

export function sampleBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLES + name));
}

export function seedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(SEEDS + name));
}
