/**
 * When two readings can describe the same occasion: compatible dates and places, and which
 * of several readings is the most precise. Shared by fusion (across articles) and sub-events
 * (within one article). Dates are the ISO partial dates records carry (YYYY, YYYY-MM,
 * YYYY-MM-DD).
 */
import type { DatePrecision, PartialDate } from '../dates/partial-date.js';
import { comparePartialDates, parsePartialDate, precisionOf, truncateDate } from '../dates/partial-date.js';
import type { Place } from '../extract/types.js';

const MS_PER_DAY = 86_400_000;

const RANK: Readonly<Record<DatePrecision, number>> = { year: 1, month: 2, day: 3 };

// Fusion compares the same few thousand date strings many times over: parse each once.
const parsed = new Map<string, PartialDate | undefined>();
function parse(date: string | undefined): PartialDate | undefined {
  if (date === undefined) return undefined;
  if (!parsed.has(date)) parsed.set(date, parsePartialDate(date));
  return parsed.get(date);
}

/** 3 for a day, 2 for a month, 1 for a year, 0 for no (or an unreadable) date. */
export function datePrecisionRank(date: string | undefined): number {
  const d = parse(date);
  return d ? RANK[precisionOf(d)] : 0;
}

function dayNumber(date: PartialDate): number {
  return Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1) / MS_PER_DAY;
}

/** Days from `a` to `b` when both are day-precise; undefined otherwise. */
export function daysBetween(a: string | undefined, b: string | undefined): number | undefined {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb || precisionOf(pa) !== 'day' || precisionOf(pb) !== 'day') return undefined;
  return dayNumber(pb) - dayNumber(pa);
}

/**
 * Two dates fit one occasion when the coarser contains the finer (2022-08 contains
 * 2022-08-14; 2022 contains both), or, both to the day, when they are at most `windowDays`
 * apart. A missing date fits nothing: nothing says it is the same occasion.
 */
export function datesCompatible(a: string | undefined, b: string | undefined, windowDays: number): boolean {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return false;
  const ra = RANK[precisionOf(pa)];
  const rb = RANK[precisionOf(pb)];
  if (ra === 3 && rb === 3) return Math.abs(dayNumber(pa) - dayNumber(pb)) <= windowDays;
  const [coarse, fine] = ra <= rb ? [pa, pb] : [pb, pa];
  return comparePartialDates(truncateDate(fine, precisionOf(coarse)), coarse) === 0;
}

/** Places fit one occasion when their countries agree and, when both name a city, their cities agree. A missing place fits any. */
export function placesCompatible(a: Place | undefined, b: Place | undefined): boolean {
  if (!a || !b) return true;
  if (a.country !== undefined && b.country !== undefined && a.country !== b.country) return false;
  if (a.city !== undefined && b.city !== undefined && a.city !== b.city) return false;
  return true;
}

/** 3: a city with coordinates; 2: a city; 1: a country only; 0: nothing. */
export function placePrecisionRank(place: Place | undefined): number {
  if (!place) return 0;
  if (place.city !== undefined) return place.latitude !== undefined && place.longitude !== undefined ? 3 : 2;
  return place.country !== undefined ? 1 : 0;
}

/**
 * The most precise of several compatible dates: the finest precision wins; among dates of
 * that precision, the one most readings give, then the earliest (the start of a stay).
 * `dates` are in source order.
 */
export function mostPreciseDate(dates: readonly (string | undefined)[]): string | undefined {
  let best = 0;
  for (const d of dates) best = Math.max(best, datePrecisionRank(d));
  if (best === 0) return undefined;
  const counts = new Map<string, number>();
  for (const d of dates) if (d !== undefined && datePrecisionRank(d) === best) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))[0]?.[0];
}

/** The most precise of several compatible places; among equals, the first (places are in source order). */
export function mostPrecisePlace(places: readonly (Place | undefined)[]): Place | undefined {
  let best: Place | undefined;
  for (const p of places) if (placePrecisionRank(p) > placePrecisionRank(best)) best = p;
  return best;
}
