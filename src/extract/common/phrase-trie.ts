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
  /** Plain look-ups per token array: rules ask the same trie about the same token many times. */
  private readonly memo = new WeakMap<readonly Token[], (PhraseMatch<V> | null)[]>();

  add(phrase: string, value: V): this {
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

  /** The longest phrase starting at token `index`, if any. */
  matchAt(
    tokens: readonly Token[],
    index: number,
    accept?: (value: V, start: number, end: number) => boolean,
    skippable?: ReadonlySet<string>,
  ): PhraseMatch<V> | undefined {
    if (index < 0 || index >= tokens.length) return undefined;
    if (!accept && !skippable) {
      let memo = this.memo.get(tokens);
      if (!memo) {
        memo = new Array<PhraseMatch<V> | null>(tokens.length);
        this.memo.set(tokens, memo);
      }
      const known = memo[index];
      if (known !== undefined) return known ?? undefined;
      const found = this.lookup(tokens, index);
      memo[index] = found ?? null;
      return found;
    }
    return this.lookup(tokens, index, accept, skippable);
  }

  private lookup(
    tokens: readonly Token[],
    index: number,
    accept?: (value: V, start: number, end: number) => boolean,
    skippable?: ReadonlySet<string>,
  ): PhraseMatch<V> | undefined {
    let node: Node<V> | undefined = this.root;
    let best: PhraseMatch<V> | undefined;
    for (let i = index; node && i < tokens.length; i++) {
      const token = tokens[i] as Token;
      // Inside a phrase, an adverb may stand between its words: "s'est notamment entretenu".
      if (skippable && i > index && skippable.has(token.folded) && !node.next.has(token.folded)) continue;
      node = node.next.get(token.folded);
      if (node?.value !== undefined && (!accept || accept(node.value, index, i + 1))) {
        best = { value: node.value, index, length: i + 1 - index };
      }
    }
    return best;
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
