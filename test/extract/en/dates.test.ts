import { describe, expect, it } from 'vitest';
import { ev, eventsOfType, expectEvents, extractFrom, summarise } from '../../helpers/extract.js';

const call = (when: string): string => `Greek Foreign Minister Eleni Papadaki spoke by phone ${when} with her Cypriot counterpart, Andreas Christodoulou.`;
const callDate = (when: string, published: string): string | undefined => eventsOfType('en', call(when), published, 'call')[0]?.date;

describe('en — dates', () => {
  it('"yesterday" with a day-precision publication date is the day before', () => {
    expect(callDate('yesterday', '2024-03-01')).toBe('2024-02-29');
  });

  it('"yesterday" with a month-only publication date stays the month', () => {
    expect(callDate('yesterday', '2024-03')).toBe('2024-03');
  });

  it('"yesterday" with a year-only publication date stays the year', () => {
    expect(callDate('yesterday', '2024')).toBe('2024');
  });

  it('a weekday is its most recent occurrence on or before the publication date', () => {
    // 2025-09-18 is a Thursday.
    expect(callDate('on Monday', '2025-09-18')).toBe('2025-09-15');
    expect(callDate('on Thursday', '2025-09-18')).toBe('2025-09-18');
    expect(callDate('on Friday', '2025-09-18')).toBe('2025-09-12');
  });

  it('a weekday with a month-only publication date gives the month, not an invented day', () => {
    expect(callDate('on Tuesday', '2025-09')).toBe('2025-09');
  });

  it('"last week" with a day-precision publication date gives the month, never a day', () => {
    // 2025-09-03 minus seven days is in August.
    expect(callDate('last week', '2025-09-03')).toBe('2025-08');
    expect(callDate('last week', '2025-09-18')).toBe('2025-09');
  });

  it('an explicit date is kept at day precision even with a month-only publication date', () => {
    expect(callDate('on September 12', '2025-09')).toBe('2025-09-12');
  });

  it('a range keeps its start date', () => {
    expectEvents(
      'en',
      'Ecuadorian President Andres Cordero Velez paid a state visit to Peru from July 4 to 6.',
      '2023-07-12',
      [ev({ type: 'visit', participants: 'ECU;PER', actor: 'ECU', host: 'PER', date: '2023-07-04', country: 'PER', people: ['Andres Cordero Velez'] })],
    );
  });

  it('a date stated once carries over to the events told after it', () => {
    // 2025-06-05 is a Thursday: Tuesday is 2025-06-03.
    const events = summarise(
      extractFrom(
        'en',
        'Polish Foreign Minister Tomasz Wieczorek arrived in Copenhagen on Tuesday. ' +
          'He was received by Danish Prime Minister Mette Lindqvist Holm. ' +
          'The two leaders then held a joint press conference.',
        '2025-06-05',
      ),
    ).events;
    expect(events.map((e) => `${e.type} ${e.date}`).sort()).toEqual(['meeting 2025-06-03', 'press_conference 2025-06-03', 'visit 2025-06-03']);
  });
});
