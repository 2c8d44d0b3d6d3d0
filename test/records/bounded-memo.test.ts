import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/records/bounded-memo.js';

describe('boundedMemo', () => {
  it('computes a key once, undefined values included, and starts over when it holds `limit` keys', () => {
    const calls: string[] = [];
    const memo = boundedMemo((key) => {
      calls.push(key);
      return key === 'none' ? undefined : key.length;
    }, 3);
    expect([memo('a'), memo('bb'), memo('none'), memo('a'), memo('none')]).toEqual([1, 2, undefined, 1, undefined]);
    expect(calls).toEqual(['a', 'bb', 'none']);
    // A fourth key clears the three it held: 'a' is computed again.
    expect(memo('cccc')).toBe(4);
    expect(memo('a')).toBe(1);
    expect(calls).toEqual(['a', 'bb', 'none', 'cccc', 'a']);
  });
});
