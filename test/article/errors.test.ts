import { describe, expect, it } from 'vitest';
import {
  ArticleReadError,
  BinaryContentError,
  EmptyArticleError,
  InternalReadError,
  InvalidArticleError,
  InvalidReaderOptionError,
  InvalidUtf8Error,
  LimitExceededError,
  MalformedJsonError,
  MAX_MESSAGE_CHARS,
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
    [new LimitExceededError('k', 'json-too-deep', 70, 64, 'm'), 'LimitExceededError', 'json-too-deep'],
    [new LimitExceededError('k', 'too-many-articles', 1001, 1000, 'm'), 'LimitExceededError', 'too-many-articles'],
    [new InternalReadError('k', 'm'), 'InternalReadError', 'internal-error'],
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

  it('keeps the value found and the limit on LimitExceededError', () => {
    expect(new LimitExceededError('k', 'line-too-long', 120, 100, 'm', { line: 3 })).toMatchObject({ actual: 120, limit: 100, line: 3 });
  });

  it('caps every message and makes it writable as UTF-8', () => {
    const long = new InvalidArticleError('k', `${'x'.repeat(MAX_MESSAGE_CHARS - 2)}\u{1F600}tail`);
    expect(long.message).toBe(`${'x'.repeat(MAX_MESSAGE_CHARS - 2)}…`);
    expect(new InvalidArticleError('k', 'half \uD83D of a pair').message).toBe('half \uFFFD of a pair');
  });

  it('names a bad reader option', () => {
    const error = new InvalidReaderOptionError('maxArticles', 0);
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ name: 'InvalidReaderOptionError', option: 'maxArticles', value: 0 });
  });
});
