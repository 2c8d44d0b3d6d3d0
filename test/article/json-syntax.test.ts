import { describe, expect, it } from 'vitest';
import { describeJsonSyntaxError, findJsonErrorOffset, lineColumnAt } from '../../src/article/formats/json-syntax.js';

const VALID = [
  '{}',
  '[]',
  ' {"a": [1, -2.5e+3, true, false, null, "x\\n\\u00e9\\"y"], "b": {}} ',
  '"just a string"',
  '0',
  '[[[]]]',
];
const INVALID: readonly (readonly [string, number])[] = [
  ['', 0],
  ['{', 1],
  ['{"a" 1}', 5],
  ['{"a": 1,}', 8],
  ['[1,]', 3],
  ['[01]', 2],
  ['{"a": tru}', 9],
  ['{"a": "x\ny"}', 8],
  ['"\\x"', 2],
  ['"\\u12G4"', 2],
  ['{"a": 1} x', 9],
  ["{'a': 1}", 1],
  ['NaN', 0],
];

describe('findJsonErrorOffset', () => {
  it.each(VALID)('accepts %j like JSON.parse', (text) => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(findJsonErrorOffset(text)).toBeUndefined();
  });

  it.each(INVALID)('finds the error in %j at %i', (text, offset) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(findJsonErrorOffset(text)).toBe(offset);
  });
});

describe('lineColumnAt', () => {
  it('counts LF, CRLF and a lone CR as one line break each', () => {
    const text = 'ab\ncd\r\nef\rgh';
    expect(lineColumnAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt(text, 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt(text, 7)).toEqual({ line: 3, column: 1 });
    expect(lineColumnAt(text, 10)).toEqual({ line: 4, column: 1 });
    expect(lineColumnAt(text, 99)).toEqual({ line: 4, column: 3 });
  });
});

describe('describeJsonSyntaxError', () => {
  it('quotes a character outside the BMP whole, where V8 quotes half of it', () => {
    const text = '[\u{1F600}]';
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e;
    }
    expect(describeJsonSyntaxError(text, error)).toEqual({ description: "Unexpected token '\u{1F600}'", offset: 1 });
  });
});
