import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.js';
import { cameoCode } from '../../src/records/cameo.js';
import { stableId } from '../../src/records/ids.js';
import { buildArticleRecords, mergeArticleRecords } from '../../src/records/records.js';

const article = (sourceKey: string): Article => ({
  id: 'art-abc',
  sourceKey,
  index: 0,
  format: 'seed-text',
  language: 'en',
  languageSource: 'detected',
  published: { year: 2024, month: 3 },
  text: 'x',
  sha256: '0'.repeat(64),
});

const extraction = {
  events: [
    { localId: 'e0', type: 'signing' as const, participants: ['GHA', 'KEN'], people: [], evidence: [], date: { year: 2024, month: 3 } },
    { localId: 'e1', type: 'signing' as const, participants: ['GHA', 'KEN'], people: [], evidence: [], date: { year: 2024, month: 3 } },
  ],
  agreements: [
    { title: 'trade pact', topic: 'trade' as const, parties: ['GHA', 'KEN'], signatories: [], status: 'signed' as const, signingEventLocalId: 'e1', evidence: [] },
  ],
};

describe('records', () => {
  it('gives stable, distinct ids and links agreements to their signing event', () => {
    const a = buildArticleRecords(article('a.txt'), extraction);
    const b = buildArticleRecords(article('a.txt'), extraction);
    expect(a).toEqual(b);
    expect(a.events[0]?.id).not.toBe(a.events[1]?.id);
    expect(a.agreements[0]?.signingEventId).toBe(a.events[1]?.id);
    expect(a.events[0]?.date).toBe('2024-03');
  });

  it('does not depend on the key the article was read from', () => {
    expect(buildArticleRecords(article('x/one.txt'), extraction).events.map((e) => e.id)).toEqual(
      buildArticleRecords(article('y/two.txt'), extraction).events.map((e) => e.id),
    );
  });

  it('merges the same content read under several keys into one article with every key', () => {
    const merged = mergeArticleRecords([buildArticleRecords(article('b.txt'), extraction), buildArticleRecords(article('a.txt'), extraction)]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.sourceKeys).toEqual(['a.txt', 'b.txt']);
    expect(merged[0]?.events).toHaveLength(2);
  });

  it('lists an article in a language the extractor does not read, without rows', () => {
    const records = buildArticleRecords({ ...article('de.txt'), language: 'de' }, undefined);
    expect(records.extracted).toBe(false);
    expect(records.events).toEqual([]);
  });

  it('hashes ids from their parts', () => {
    expect(stableId('ev', ['a', 1])).toMatch(/^ev-[0-9a-f]{16}$/);
    expect(stableId('ev', ['a', 1])).not.toBe(stableId('ev', ['a', 2]));
  });

  it('codes a meeting held in a third country as CAMEO 044', () => {
    expect(cameoCode('meeting', ['GHA', 'KEN'], 'GHA')).toBe('040');
    expect(cameoCode('meeting', ['GHA', 'KEN'], 'FRA')).toBe('044');
    expect(cameoCode('call', ['GHA', 'KEN'])).toBe('041');
  });
});
