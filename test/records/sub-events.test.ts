import { describe, expect, it } from 'vitest';
import { VISIT_STAY_DAYS, isDuringVisit, subEventParents } from '../../src/records/sub-events.js';
import { ALGERIA, ALGIERS, ORAN, PARIS, event, meeting, visit } from './fixtures.js';

describe('sub-events: what is held during a visit', () => {
  const v = visit('ev-v', '2024-03-11');

  it('a meeting between the visit countries, in the host country, during the stay', () => {
    expect(isDuringVisit(v, meeting('m', '2024-03-11'))).toBe(true);
    expect(isDuringVisit(v, meeting('m', '2024-03-12', { location: ORAN }))).toBe(true);
    expect(isDuringVisit(v, meeting('m', `2024-03-${11 + VISIT_STAY_DAYS}`))).toBe(true);
    expect(isDuringVisit(v, meeting('m', '2024-03-12', { location: undefined }))).toBe(true);
  });

  it('a signing and a one-sided press conference by the visitor', () => {
    expect(isDuringVisit(v, event('s', { type: 'signing', date: '2024-03-12', location: ALGIERS }))).toBe(true);
    expect(isDuringVisit(v, event('p', { type: 'press_conference', date: '2024-03-12', participants: ['FRA'], location: ALGIERS }))).toBe(true);
  });

  it('dates at different precisions: the coarser contains the finer', () => {
    expect(isDuringVisit(visit('v', '2024-03'), meeting('m', '2024-03-12'))).toBe(true);
    expect(isDuringVisit(v, meeting('m', '2024-03'))).toBe(true);
    expect(isDuringVisit(visit('v', '2024-03'), meeting('m', '2024-04-02'))).toBe(false);
  });

  it('not before the visit, nor after the stay', () => {
    expect(isDuringVisit(v, meeting('m', '2024-03-10'))).toBe(false);
    expect(isDuringVisit(v, meeting('m', `2024-03-${12 + VISIT_STAY_DAYS}`))).toBe(false);
  });

  it('not elsewhere, not with another country, not a call or another visit, not undated', () => {
    expect(isDuringVisit(v, meeting('m', '2024-03-12', { location: PARIS }))).toBe(false);
    expect(isDuringVisit(v, meeting('m', '2024-03-12', { participants: ['DZA', 'ITA'] }))).toBe(false);
    expect(isDuringVisit(v, event('c', { type: 'call', date: '2024-03-12' }))).toBe(false);
    expect(isDuringVisit(v, visit('v2', '2024-03-12'))).toBe(false);
    expect(isDuringVisit(v, meeting('m', undefined))).toBe(false);
    expect(isDuringVisit(visit('v', undefined), meeting('m', '2024-03-12'))).toBe(false);
  });

  it('gives each event of an article the visit that began last before it', () => {
    const first = visit('ev-v1', '2024-03-02', { location: ALGERIA });
    const second = visit('ev-v2', '2024-03-04');
    const parents = subEventParents([first, meeting('ev-m1', '2024-03-03'), second, meeting('ev-m2', '2024-03-05'), meeting('ev-m3', '2024-03-20')]);
    expect(Object.fromEntries(parents)).toEqual({ 'ev-m1': 'ev-v1', 'ev-m2': 'ev-v2' });
  });
});
