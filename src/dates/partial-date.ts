/**
 * A calendar date at the precision its source supports. "2022-08" stays a month:
 * resolving "hier" against it must not invent a day.
 */
export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export function precisionOf(date: PartialDate): DatePrecision {
  if (date.day !== undefined) return 'day';
  if (date.month !== undefined) return 'month';
  return 'year';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO 8601 at the date's precision; the year always four digits ("0999"), as ISO_PARTIAL reads it back. */
export function formatPartialDate(date: PartialDate): string {
  const year = String(date.year).padStart(4, '0');
  if (date.month === undefined) return year;
  if (date.day === undefined) return `${year}-${pad(date.month)}`;
  return `${year}-${pad(date.month)}-${pad(date.day)}`;
}

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns undefined for anything else or an impossible date. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const m = ISO_PARTIAL.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  const date = new Date(Date.UTC(2000, month, 0));
  // Date.UTC reads years 0–99 as 1900–1999: set the year itself.
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** Drops the parts of `date` finer than `precision`. */
export function truncateDate(date: PartialDate, precision: DatePrecision): PartialDate {
  if (precision === 'year') return { year: date.year };
  if (precision === 'month' && date.month !== undefined) return { year: date.year, month: date.month };
  return date;
}

export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

// ---- Calendar arithmetic (added for src/dates/find-date-mentions.ts) ----

const MS_PER_DAY = 86_400_000;

/** Day-precision date `n` days after `date` (negative `n` goes back). `date` must have day precision. */
export function addDays(date: PartialDate, n: number): PartialDate {
  const d = new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1) + n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, like `Date.prototype.getUTCDay`. */
export function dayOfWeek(date: PartialDate): number {
  return new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1)).getUTCDay();
}

/** Month-precision date `n` months after year/month (negative `n` goes back). */
export function addMonths(year: number, month: number, n: number): PartialDate {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12 + 12) % 12 + 1 };
}
