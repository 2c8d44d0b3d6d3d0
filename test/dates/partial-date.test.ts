import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  comparePartialDates,
  dayOfWeek,
  daysInMonth,
  formatPartialDate,
  parsePartialDate,
  precisionOf,
  truncateDate,
} from '../../src/dates/partial-date.js';

describe('parsePartialDate', () => {
  it('parses year, month and day precision', () => {
    expect(parsePartialDate('2023')).toEqual({ year: 2023 });
    expect(parsePartialDate('2023-07')).toEqual({ year: 2023, month: 7 });
    expect(parsePartialDate('2023-07-14')).toEqual({ year: 2023, month: 7, day: 14 });
    expect(parsePartialDate('  2023-07-14 ')).toEqual({ year: 2023, month: 7, day: 14 });
  });

  it('accepts 29 February in leap years only', () => {
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parsePartialDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parsePartialDate('2023-02-29')).toBeUndefined();
    expect(parsePartialDate('1900-02-29')).toBeUndefined();
  });

  it.each(['2022-02-30', '2023-04-31', '2023-13', '2023-00', '2023-01-00', '2023-01-32', '23-01-01', '2023/01/01', '2023-1-1', 'mars 2023', ''])(
    'rejects %j',
    (text) => expect(parsePartialDate(text)).toBeUndefined(),
  );
});

describe('formatPartialDate', () => {
  it('pads and keeps precision', () => {
    expect(formatPartialDate({ year: 2023 })).toBe('2023');
    expect(formatPartialDate({ year: 2023, month: 3 })).toBe('2023-03');
    expect(formatPartialDate({ year: 2023, month: 3, day: 8 })).toBe('2023-03-08');
  });

  it.each(['2023', '2023-03', '2023-03-08', '2024-02-29'])('round-trips %s', (text) => {
    const parsed = parsePartialDate(text);
    expect(parsed).toBeDefined();
    if (parsed) expect(formatPartialDate(parsed)).toBe(text);
  });
});

describe('precisionOf / truncateDate', () => {
  const day = { year: 2023, month: 3, day: 8 };

  it('reports precision', () => {
    expect(precisionOf(day)).toBe('day');
    expect(precisionOf({ year: 2023, month: 3 })).toBe('month');
    expect(precisionOf({ year: 2023 })).toBe('year');
  });

  it('drops finer parts, never adds any', () => {
    expect(truncateDate(day, 'year')).toEqual({ year: 2023 });
    expect(truncateDate(day, 'month')).toEqual({ year: 2023, month: 3 });
    expect(truncateDate(day, 'day')).toEqual(day);
    expect(truncateDate({ year: 2023 }, 'month')).toEqual({ year: 2023 });
    expect(truncateDate({ year: 2023, month: 3 }, 'day')).toEqual({ year: 2023, month: 3 });
  });
});

describe('comparePartialDates', () => {
  it('orders by year, month, day; a coarser date sorts before its refinements', () => {
    const sorted = [
      { year: 2023, month: 3, day: 8 },
      { year: 2022 },
      { year: 2023, month: 3 },
      { year: 2023 },
      { year: 2023, month: 1, day: 31 },
    ].sort(comparePartialDates);
    expect(sorted.map(formatPartialDate)).toEqual(['2022', '2023', '2023-01-31', '2023-03', '2023-03-08']);
    expect(comparePartialDates({ year: 2023, month: 3 }, { year: 2023, month: 3 })).toBe(0);
  });
});

describe('calendar helpers', () => {
  it('daysInMonth', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it('addDays crosses months, years and leap days', () => {
    expect(addDays({ year: 2025, month: 1, day: 1 }, -2)).toEqual({ year: 2024, month: 12, day: 30 });
    expect(addDays({ year: 2024, month: 3, day: 1 }, -1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2024, month: 12, day: 31 }, 1)).toEqual({ year: 2025, month: 1, day: 1 });
  });

  it('dayOfWeek is 0 for Sunday', () => {
    expect(dayOfWeek({ year: 2025, month: 4, day: 30 })).toBe(3);
    expect(dayOfWeek({ year: 2025, month: 4, day: 27 })).toBe(0);
  });

  it('addMonths', () => {
    expect(addMonths(2025, 1, -1)).toEqual({ year: 2024, month: 12 });
    expect(addMonths(2025, 11, 3)).toEqual({ year: 2026, month: 2 });
    expect(addMonths(2025, 6, 0)).toEqual({ year: 2025, month: 6 });
    expect(addMonths(2025, 3, -15)).toEqual({ year: 2023, month: 12 });
  });
});

describe('years before 1000', () => {
  it('are written with four digits and have their own leap years', () => {
    expect(formatPartialDate({ year: 999, month: 1, day: 5 })).toBe('0999-01-05');
    expect(formatPartialDate({ year: 45 })).toBe('0045');
    expect(daysInMonth(44, 2)).toBe(29);
    expect(daysInMonth(45, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});
