import { expect } from 'vitest';
import { findDateMentions } from '../../src/dates/find-date-mentions.js';
import type { DateLocale, DateMention } from '../../src/dates/find-date-mentions.js';
import { formatPartialDate, parsePartialDate } from '../../src/dates/partial-date.js';

/** A mention as the tests write it: text, resolved date (ISO partial), then optional flags. */
export interface Expected {
  text: string;
  date: string;
  kind?: DateMention['kind'];
  explicitYear?: boolean;
  isRangeStart?: boolean;
}

export function ref(iso: string | undefined) {
  if (iso === undefined) return undefined;
  const parsed = parsePartialDate(iso);
  if (parsed === undefined) throw new Error(`bad reference ${iso}`);
  return parsed;
}

/** Runs `findDateMentions` and checks the invariants every result must satisfy. */
export function mentions(text: string, locale: DateLocale, reference: string | undefined): DateMention[] {
  const found = findDateMentions(text, locale, ref(reference));
  let previousEnd = -1;
  for (const m of found) {
    expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(m.start).toBeGreaterThanOrEqual(previousEnd); // sorted, no overlap
    previousEnd = m.end;
  }
  return found;
}

/** Compact view: "text → date", plus the flags that were asked for. */
export function expectMentions(text: string, locale: DateLocale, reference: string | undefined, expected: (Expected | [string, string])[]): void {
  const found = mentions(text, locale, reference);
  const want = expected.map((e) => (Array.isArray(e) ? { text: e[0], date: e[1] } : e));
  expect(found.map((m) => `${m.text} → ${formatPartialDate(m.date)}`)).toEqual(want.map((e) => `${e.text} → ${e.date}`));
  want.forEach((e, i) => {
    const m = found[i];
    if (m === undefined) return;
    if (e.kind !== undefined) expect(m.kind, e.text).toBe(e.kind);
    if (e.explicitYear !== undefined) expect(m.explicitYear, e.text).toBe(e.explicitYear);
    if (e.isRangeStart !== undefined) expect(m.isRangeStart ?? false, e.text).toBe(e.isRangeStart);
  });
}

export function expectNone(text: string, locale: DateLocale, reference: string | undefined = '2025-05-02'): void {
  expect(mentions(text, locale, reference).map((m) => m.text)).toEqual([]);
}
