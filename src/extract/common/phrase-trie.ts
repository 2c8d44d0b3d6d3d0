import type { Token } from './tokenise.js';
import { phraseKey } from './tokenise.js';

interface Node<V> {
  readonly next: Map<string, Node<V>>;
  value?: V;
}

export interface PhraseMatch<V> {
  readonly value: V;
  /** Index of the first token. */
  readonly index: number;
  /** Number of tokens matched. */
  readonly length: number;
}

/**
 * Multi-word phrases looked up token by token: "Émirats arabes unis" is three map hops,
 * whatever the size of the dictionary. The first phrase added for a key keeps it.
 */
export class PhraseTrie<V> {
  private readonly root: Node<V> = { next: new Map() };
  private size = 0;
  /** The index this trie belongs to, and its bit there (0: none). */
  private index: FirstWordIndex | undefined;
  private bit = 0;

  add(phrase: string, value: V): this {
    this.assertOpen();
    const key = phraseKey(phrase);
    if (key.length === 0) return this;
    const node = this.walk(key);
    if (node.value === undefined) {
      node.value = value;
      this.size++;
    }
    return this;
  }

  /** The value stored for exactly this phrase, if any. */
  get(phrase: string): V | undefined {
    let node: Node<V> | undefined = this.root;
    for (const part of phraseKey(phrase)) node = node?.next.get(part);
    return node?.value;
  }

  /** Stores `value` for the phrase, replacing what was there. */
  set(phrase: string, value: V): this {
    this.assertOpen();
    const node = this.walk(phraseKey(phrase));
    if (node.value === undefined) this.size++;
    node.value = value;
    return this;
  }

  addAll(entries: Readonly<Record<string, V>>): this {
    for (const [phrase, value] of Object.entries(entries)) this.add(phrase, value);
    return this;
  }

  get count(): number {
    return this.size;
  }

  /** The words phrases start with. */
  firstWords(): IterableIterator<string> {
    return this.root.next.keys();
  }

  /** Called by `FirstWordIndex`: from now on tokens it tokenised tell this trie's first words by `bit`. */
  joinIndex(index: FirstWordIndex, bit: number): void {
    if (this.index !== undefined) throw new Error('a phrase trie belongs to one index only');
    this.index = index;
    this.bit = bit;
  }

  private assertOpen(): void {
    if (this.index !== undefined) throw new Error('a phrase trie cannot change once indexed');
  }

  /**
   * The longest phrase starting at token `index`, if any. Most tokens start no phrase of a
   * given list: one map look-up of the first word turns them away before anything else.
   */
  matchAt(
    tokens: readonly Token[],
    index: number,
    accept?: (value: V, start: number, end: number) => boolean,
    skippable?: ReadonlySet<string>,
  ): PhraseMatch<V> | undefined {
    const first = tokens[index];
    if (first === undefined) return undefined;
    if (this.bit !== 0 && first.index === this.index && (first.starts & this.bit) === 0) return undefined;
    let node = this.root.next.get(first.folded);
    if (node === undefined) return undefined;
    let best: PhraseMatch<V> | undefined;
    if (node.value !== undefined && (accept === undefined || accept(node.value, index, index + 1))) best = { value: node.value, index, length: 1 };
    for (let i = index + 1; i < tokens.length && node.next.size > 0; i++) {
      const token = tokens[i] as Token;
      // Inside a phrase, an adverb may stand between its words: "s'est notamment entretenu".
      if (skippable !== undefined && skippable.has(token.folded) && !node.next.has(token.folded)) continue;
      const child: Node<V> | undefined = node.next.get(token.folded);
      if (child === undefined) break;
      node = child;
      if (node.value !== undefined && (accept === undefined || accept(node.value, index, i + 1))) best = { value: node.value, index, length: i + 1 - index };
    }
    return best;
  }

  /** Whether a phrase starts at any token (what `findAll(tokens).length > 0` says, without the list). */
  occursIn(tokens: readonly Token[]): boolean {
    for (let i = 0; i < tokens.length; i++) if (this.matchAt(tokens, i) !== undefined) return true;
    return false;
  }

  /** Non-overlapping longest matches, left to right. */
  findAll(tokens: readonly Token[], accept?: (value: V, start: number, end: number) => boolean, skippable?: ReadonlySet<string>): PhraseMatch<V>[] {
    const found: PhraseMatch<V>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const m = this.matchAt(tokens, i, accept, skippable);
      if (m) {
        found.push(m);
        i += m.length;
      } else i++;
    }
    return found;
  }

  private walk(path: readonly string[]): Node<V> {
    let node = this.root;
    for (const part of path) {
      let child = node.next.get(part);
      if (!child) {
        child = { next: new Map() };
        node.next.set(part, child);
      }
      node = child;
    }
    return node;
  }
}

/** What a `FirstWordIndex` needs of a trie, whatever its values. */
export interface IndexedTrie {
  firstWords(): Iterable<string>;
  joinIndex(index: FirstWordIndex, bit: number): void;
}

/**
 * The first words of a locale's tries, one bit per trie: a token tokenised with the index
 * carries the bits of the tries that have a phrase starting with its word, so that
 * `matchAt` turns it away with one bit test rather than a map look-up per trie. A trie
 * belongs to one index at most and cannot change once in it.
 */
export class FirstWordIndex {
  private readonly bits = new Map<string, number>();

  constructor(tries: readonly IndexedTrie[]) {
    if (tries.length > 31) throw new Error(`a first-word index holds 31 tries at most, not ${tries.length}`);
    tries.forEach((trie, k) => {
      const bit = 1 << k;
      trie.joinIndex(this, bit);
      for (const word of trie.firstWords()) this.bits.set(word, (this.bits.get(word) ?? 0) | bit);
    });
  }

  /** Bits of the tries with a phrase starting with this folded word. */
  startsOf(folded: string): number {
    return this.bits.get(folded) ?? 0;
  }
}
