import { describe, expect, it } from 'vitest';
import {
  ArticleReadError,
  BinaryContentError,
  EmptyArticleError,
  InvalidArticleError,
  InvalidUtf8Error,
  MalformedJsonError,
  TooLargeError,
  UnknownExtensionError,
} from '../../src/article/index.js';

describe('article read errors', () => {
  it.each([
    [new EmptyArticleError('k', 'm'), 'EmptyArticleError', 'empty'],
    [new BinaryContentError('k', 'm'), 'BinaryContentError', 'binary'],
    [new InvalidUtf8Error('k', 'm', { byteOffset: 3 }), 'InvalidUtf8Error', 'invalid-utf8'],
    [new MalformedJsonError('k', 'm'), 'MalformedJsonError', 'malformed-json'],
    [new InvalidArticleError('k', 'm'), 'InvalidArticleError', 'invalid-article'],
    [new UnknownExtensionError('k', 'm'), 'UnknownExtensionError', 'unknown-extension'],
    [new TooLargeError('k', 20, 10, 'm'), 'TooLargeError', 'too-large'],
  ] as const)('%s has its name and reason', (error, name, reason) => {
    expect(error).toBeInstanceOf(ArticleReadError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.reason).toBe(reason);
    expect(error.toRejection()).toEqual({ sourceKey: 'k', reason, message: 'm' });
  });

  it('passes the cause through and puts line and column on the rejection', () => {
    const cause = new SyntaxError('Unexpected token');
    const error = new MalformedJsonError('a.json', 'malformed JSON at line 2, column 3', { line: 2, column: 3, cause });
    expect(error.cause).toBe(cause);
    expect(error.toRejection()).toEqual({
      sourceKey: 'a.json',
      reason: 'malformed-json',
      message: 'malformed JSON at line 2, column 3',
      line: 2,
      column: 3,
    });
  });

  it('keeps the sizes on TooLargeError and the offset on InvalidUtf8Error', () => {
    expect(new TooLargeError('k', 20, 10, 'm')).toMatchObject({ size: 20, maxBytes: 10 });
    expect(new InvalidUtf8Error('k', 'm', { byteOffset: 7 }).byteOffset).toBe(7);
  });
});
