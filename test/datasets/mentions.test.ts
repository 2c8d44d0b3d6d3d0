import { describe, expect, it } from 'vitest';
import { MENTION_COLUMNS, mentionRows } from '../../src/datasets/mentions.js';
import { fuseRecords } from '../../src/records/fusion.js';
import { agreement, article, meeting, visit } from '../records/fixtures.js';

describe('mentions', () => {
  const a = article('art-a', { published: '2024-03-11', events: [visit('ev-va', '2024-03-11'), meeting('ev-ma', '2024-03-12')], agreements: [agreement('ag-a')] });
  const b = article('art-b', { published: '2024-03-12', events: [visit('ev-vb', '2024-03-12')], agreements: [agreement('ag-b')] });
  const fused = fuseRecords([a, b]);
  const rows = mentionRows(fused);

  it('has one row per (event or agreement, article)', () => {
    expect(fused.events).toHaveLength(2);
    expect(rows).toHaveLength(5);
    const pairs = rows.map((r) => `${r.event_id || r.agreement_id}|${r.article_id}`);
    expect(new Set(pairs).size).toBe(rows.length);
    expect(rows.filter((r) => r.event_id === 'ev-va').map((r) => r.article_id)).toEqual(['art-a', 'art-b']);
    expect(rows.filter((r) => r.agreement_id === 'ag-a').map((r) => r.article_id)).toEqual(['art-a', 'art-b']);
  });

  it('names the report each article gave, unique, the primary one equal to the row id', () => {
    expect(new Set(rows.map((r) => r.mention_id)).size).toBe(rows.length);
    expect(rows.filter((r) => r.event_id === 'ev-va').map((r) => r.mention_id)).toEqual(['ev-va', 'ev-vb']);
  });

  it('links back to the sentences with their offsets and text', () => {
    const vb = b.events[0];
    const row = rows.find((r) => r.mention_id === 'ev-vb');
    expect(row?.sentence_offsets).toBe(vb?.evidence.map((e) => `${e.start}-${e.end}`).join(';'));
    expect(row?.evidence).toBe(vb?.evidence[0]?.text);
    for (const r of rows) expect(r.sentence_offsets).toMatch(/^\d+-\d+(;\d+-\d+)*$/);
  });

  it('sets exactly one foreign key, and carries its columns in order', () => {
    for (const r of rows) {
      expect([r.event_id, r.agreement_id].filter((x) => x !== '')).toHaveLength(1);
      expect(r.record_type).toBe(r.event_id ? 'event' : 'agreement');
      expect(Object.keys(r)).toEqual([...MENTION_COLUMNS]);
    }
    // Every foreign key points at a published row.
    const ids = new Set([...fused.events.map((e) => e.id), ...fused.agreements.map((g) => g.id)]);
    for (const r of rows) expect(ids.has(r.event_id || r.agreement_id)).toBe(true);
  });

  it('is in a fixed order', () => {
    expect(mentionRows(fuseRecords([b, a]))).toEqual(rows);
    expect(rows.map((r) => r.record_type)).toEqual(['event', 'event', 'event', 'agreement', 'agreement']);
  });
});
