/**
 * Resolution of date expressions against an article's publication date (the "reference").
 *
 * Principle: the result is never more precise than both the text and the reference allow.
 * A weekday against a month-precision reference gives that month, not an invented day; an
 * expression that cannot be placed at all returns `undefined` and the mention is dropped.
 *
 * News reports the past, so expressions without a year are placed at their most recent
 * occurrence on or before the reference, except where a word says otherwise ("prochain",
 * "next") and except bare month names (see `resolveMonth`).
 */
import type { MonthModifier, RelativeAnchor, WeekdayMode } from './locales/types.js';
import type { PartialDate } from './partial-date.js';
import { addDays, addMonths, dayOfWeek, daysInMonth, precisionOf, truncateDate } from './partial-date.js';

/** "hier", "last week", "l'an dernier"… */
export function resolveRelative(anchor: RelativeAnchor, ref: PartialDate | undefined): PartialDate | undefined {
  if (ref === undefined) return undefined;
  const precision = precisionOf(ref);
  switch (anchor.unit) {
    case 'day':
      // hier = reference − 1 day; with a month or year reference there is no day to subtract
      // from, so the answer is the reference itself at its own precision (as the brief asks,
      // even though "hier" on the 1st of a month would really be in the previous month).
      return precision === 'day' ? addDays(ref, anchor.offset) : ref;
    case 'week': {
      // A week never gets a day: "la semaine dernière" is the month of (reference − 7 days),
      // "cette semaine" the reference month; a month or year reference is kept as it is.
      if (precision !== 'day') return ref;
      return truncateDate(addDays(ref, anchor.offset * 7), 'month');
    }
    case 'month':
      if (ref.month === undefined) {
        // "ce mois-ci" with a year-only reference is at least that year; "le mois dernier"
        // may be December of the year before, so it cannot be placed.
        return anchor.offset === 0 ? ref : undefined;
      }
      return addMonths(ref.year, ref.month, anchor.offset);
    case 'year':
      return { year: ref.year + anchor.offset };
  }
}

/** "mardi", "ce mercredi", "last Tuesday", "mardi de la semaine dernière". */
export function resolveWeekday(weekday: number, mode: WeekdayMode, ref: PartialDate | undefined): PartialDate | undefined {
  if (ref === undefined) return undefined;
  // Month or year reference: the weekday cannot be placed on a day, so the result is the
  // reference truncated (never an invented day).
  if (precisionOf(ref) !== 'day') return ref;
  const refWeekday = dayOfWeek(ref);
  switch (mode) {
    case 'onOrBefore':
      return addDays(ref, -((refWeekday - weekday + 7) % 7));
    case 'before':
      return addDays(ref, -((refWeekday - weekday + 7) % 7 || 7));
    case 'after':
      return addDays(ref, (weekday - refWeekday + 7) % 7 || 7);
    case 'previousWeek': {
      // Weeks start on Monday (ISO 8601, and French usage).
      const mondayOfRefWeek = addDays(ref, -((refWeekday + 6) % 7));
      return addDays(mondayOfRefWeek, -7 + ((weekday + 6) % 7));
    }
  }
}

type Direction = 'past' | 'future';

function daysBetween(from: PartialDate, to: PartialDate): number {
  const utc = (d: PartialDate): number => Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1);
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

function directionOf(modifier: MonthModifier | undefined): Direction | number {
  if (modifier === undefined) return 'past';
  if ('yearOffset' in modifier) return modifier.yearOffset;
  return modifier.relation === 'next' ? 'future' : 'past';
}

/**
 * Day + month without a year ("le 12 mars", "20 décembre dernier", "March 12 next year").
 * - Day reference: most recent past occurrence on or before the reference day ("prochain":
 *   first occurrence on or after it).
 * - Month reference: a month up to the reference month is in the reference year (the same
 *   month included: the day is taken as already past), a later month in the year before.
 * - Year reference: the reference year (the month and day come from the text; the year is the
 *   publication year, as for weekdays). An explicit year offset ("l'an dernier") always wins.
 * A 29 February that does not exist in the chosen year goes back (or forward) to a leap year.
 *
 * `upcomingWindowDays` (default 0, i.e. the strict past rule): with a day reference and no
 * modifier, a date falling at most that many days after the reference is kept in the reference
 * year instead of being sent a year back ("se rendra du 13 au 18 janvier" published on
 * 12 January is about next week, not about last year).
 */
export function resolveDayMonth(
  month: number,
  day: number,
  modifier: MonthModifier | undefined,
  ref: PartialDate | undefined,
  upcomingWindowDays = 0,
): PartialDate | undefined {
  if (ref === undefined) return undefined;
  const direction = directionOf(modifier);
  let year: number;
  if (typeof direction === 'number') {
    year = ref.year + direction;
  } else if (ref.month === undefined) {
    year = ref.year;
  } else {
    const refKey = ref.month * 100 + (ref.day ?? (direction === 'past' ? 99 : 0));
    const key = month * 100 + day;
    if (direction === 'past') year = key <= refKey ? ref.year : ref.year - 1;
    else year = key >= refKey ? ref.year : ref.year + 1;
    if (modifier === undefined && ref.day !== undefined && upcomingWindowDays > 0) {
      const nextYear = key > refKey ? ref.year : ref.year + 1; // first occurrence strictly after
      const next = { year: nextYear, month, day };
      if (day <= daysInMonth(nextYear, month) && daysBetween(ref, next) <= upcomingWindowDays) return next;
    }
  }
  const step = direction === 'future' ? 1 : -1;
  for (let tries = 0; tries < 8; tries++, year += step) {
    if (day <= daysInMonth(year, month)) return { year, month, day };
    if (typeof direction === 'number') return undefined;
  }
  return undefined;
}

/**
 * A month without a year.
 * - No modifier ("en juillet", "in July"): the month in the reference year. A bare month is
 *   often a plan ("la conférence se tiendra en août"); the extractor decides modality, so we do
 *   not push it into the past.
 * - "dernier"/"last": most recent occurrence strictly before the reference month ("décembre
 *   dernier" in December 2024 → 2023-12). With a year-only reference this is decidable only for
 *   December (always the year before); other months could be either year and are dropped.
 * - "prochain"/"next": first occurrence strictly after the reference month (mirror rule;
 *   decidable with a year-only reference only for January).
 * - Year offset ("novembre de l'an dernier", "this July"): reference year + offset.
 */
export function resolveMonth(month: number, modifier: MonthModifier | undefined, ref: PartialDate | undefined): PartialDate | undefined {
  if (ref === undefined) return undefined;
  if (modifier === undefined) return { year: ref.year, month };
  if ('yearOffset' in modifier) return { year: ref.year + modifier.yearOffset, month };
  if (modifier.relation === 'last') {
    if (ref.month === undefined) return month === 12 ? { year: ref.year - 1, month } : undefined;
    return { year: month < ref.month ? ref.year : ref.year - 1, month };
  }
  if (ref.month === undefined) return month === 1 ? { year: ref.year + 1, month } : undefined;
  return { year: month > ref.month ? ref.year : ref.year + 1, month };
}
