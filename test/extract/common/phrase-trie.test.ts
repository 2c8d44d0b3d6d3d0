import { describe, expect, it } from 'vitest';
import { PhraseTrie } from '../../../src/extract/common/phrase-trie.js';
import { tokenise } from '../../../src/extract/common/tokenise.js';

describe('PhraseTrie', () => {
  const trie = new PhraseTrie<string>().addAll({ 'Émirats arabes unis': 'ARE', Émirats: 'short', "s'est entretenu": 'meeting' });

  it('finds the longest phrase at a token, accents and case folded', () => {
    const tokens = tokenise('Les emirats arabes unis et les Émirats.');
    expect(trie.matchAt(tokens, 1)).toEqual({ value: 'ARE', index: 1, length: 3 });
    expect(trie.findAll(tokens).map((m) => m.value)).toEqual(['ARE', 'short']);
  });

  it('misses outside the token range instead of failing', () => {
    const tokens = tokenise('Émirats');
    expect(trie.matchAt(tokens, -1)).toBeUndefined();
    expect(trie.matchAt(tokens, 5)).toBeUndefined();
  });

  it('lets an allowed adverb stand inside a phrase', () => {
    const tokens = tokenise("Il s'est notamment entretenu avec elle.");
    expect(trie.matchAt(tokens, 1)).toBeUndefined();
    expect(trie.matchAt(tokens, 1, undefined, new Set(['notamment']))).toEqual({ value: 'meeting', index: 1, length: 5 });
  });

  it('keeps the first value for a key, and set replaces it', () => {
    const t = new PhraseTrie<number>().add('a b', 1).add('A B', 2);
    expect(t.get('a b')).toBe(1);
    expect(t.count).toBe(1);
    t.set('a b', 3);
    expect(t.get('a b')).toBe(3);
  });
});
