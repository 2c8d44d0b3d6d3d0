import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as ArticleModule from '../../src/article/index.js';
import type * as PipelineModule from '../../src/pipeline.js';

/**
 * The reader's heavy parts (the HTML reader's DOM stack, eld's language model) are imported
 * on first use, and in the Lambda bundle they are files of their own beside index.mjs. A
 * deployment without them must fail loudly: readObject (and processObject) reject with
 * ReaderModuleError, so the upload is retried and alarms, rather than being published as
 * unreadable with an internal-error or invalid-article rejection.
 */

const FR =
  "Le ministre des Affaires étrangères a reçu mardi son homologue marocain pour examiner l'état de la coopération bilatérale et les moyens de la renforcer. " +
  'Les deux ministres ont également évoqué la situation régionale et se sont félicités de la qualité des relations entre les deux pays, qui ont été renforcées depuis la visite du président.';
const ES =
  'El ministro de Asuntos Exteriores recibió el martes a su homólogo marroquí para examinar el estado de la cooperación bilateral y las formas de reforzarla.';
const PAGE = '<html><head><title>T</title></head><body><article><p>The ministers met in Baku on Tuesday.</p></article></body></html>';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** A fresh copy of the reader, with `specifier` (relative to src/article/) failing to load. */
async function readerWithout(specifier: string): Promise<typeof ArticleModule & typeof PipelineModule> {
  vi.resetModules();
  vi.doMock(`../../src/article/${specifier}`, () => {
    throw new Error('Cannot find module');
  });
  const article = await import('../../src/article/index.js');
  const pipeline = await import('../../src/pipeline.js');
  return { ...article, ...pipeline };
}

afterEach(() => {
  vi.doUnmock('../../src/article/language-model.js');
  vi.doUnmock('../../src/article/formats/html-dom.js');
  vi.resetModules();
});

describe("eld's language model, loaded on demand", () => {
  it('is not needed for a plainly French or English article', async () => {
    const { readObject } = await readerWithout('language-model.js');
    const r = await readObject('fr.txt', bytes(FR));
    expect(r.rejections).toEqual([]);
    expect(r.articles[0]).toMatchObject({ language: 'fr', languageSource: 'detected' });
  });

  it('failing to load makes readObject and processObject reject, not an internal-error rejection', async () => {
    const { readObject, processObject, ReaderModuleError } = await readerWithout('language-model.js');
    await expect(readObject('es.txt', bytes(ES))).rejects.toThrow(ReaderModuleError);
    await expect(readObject('es.json', bytes(JSON.stringify([{ text: FR }, { text: ES }])))).rejects.toThrow(/could not load eld's language model/);
    await expect(processObject('es.txt', bytes(ES))).rejects.toBeInstanceOf(ReaderModuleError);
  });

  it('is tried again after a failure', async () => {
    const { readObject, ReaderModuleError } = await readerWithout('language-model.js');
    await expect(readObject('es.txt', bytes(ES))).rejects.toThrow(ReaderModuleError);
    vi.doUnmock('../../src/article/language-model.js');
    const r = await readObject('es.txt', bytes(ES));
    expect(r.articles[0]).toMatchObject({ language: 'es', languageSource: 'detected' });
  });
});

describe('the HTML reader, loaded on demand', () => {
  it('is not needed for text, JSON or JSON Lines', async () => {
    const { readObject } = await readerWithout('formats/html-dom.js');
    for (const [key, content] of [
      ['a.txt', FR],
      ['a.json', JSON.stringify({ text: FR })],
      ['a.jsonl', JSON.stringify({ text: FR })],
    ] as const) {
      expect((await readObject(key, bytes(content))).articles, key).toHaveLength(1);
    }
  });

  it('failing to load makes readObject reject for a web page, not an invalid-article rejection', async () => {
    const { readObject, processObject, ReaderModuleError } = await readerWithout('formats/html-dom.js');
    await expect(readObject('a.html', bytes(PAGE))).rejects.toThrow(ReaderModuleError);
    await expect(readObject('a.HTM', bytes(PAGE))).rejects.toThrow(/could not load the HTML reader/);
    await expect(processObject('a.html', bytes(PAGE))).rejects.toBeInstanceOf(ReaderModuleError);
  });

  it('is tried again after a failure', async () => {
    const { readObject, ReaderModuleError } = await readerWithout('formats/html-dom.js');
    await expect(readObject('a.html', bytes(PAGE))).rejects.toThrow(ReaderModuleError);
    vi.doUnmock('../../src/article/formats/html-dom.js');
    const r = await readObject('a.html', bytes(PAGE));
    expect(r.articles[0]).toMatchObject({ format: 'html', text: 'The ministers met in Baku on Tuesday.' });
  });

  it('readHtml called before loadHtmlReader is a fault of ours, not of the page', async () => {
    vi.resetModules();
    const { readHtml } = await import('../../src/article/formats/html.js');
    const { ReaderModuleError } = await import('../../src/article/errors.js');
    expect(() => readHtml('a.html', PAGE)).toThrow(ReaderModuleError);
  });
});
