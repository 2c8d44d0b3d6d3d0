/**
 * When two readings can describe the same occasion: compatible dates and places, and which
 * of several readings is the most precise. Shared by fusion (across articles) and sub-events
 * (within one article). Dates are the ISO partial dates records carry (YYYY, YYYY-MM,
 * YYYY-MM-DD).
 */
import type { DatePrecision, PartialDate } from '../dates/partial-date.js';
import { parsePartialDate, precisionOf } from '../dates/partial-date.js';
import type { Place } from '../extract/types.js';
import { boundedMemo } from './bounded-memo.js';

const MS_PER_DAY = 86_400_000;

const RANK: Readonly<Record<DatePrecision, number>> = { year: 1, month: 2, day: 3 };

/** A date string as read once: its parts, its precision rank and, for comparing days, its day number. */
interface ReadDate {
  readonly date: PartialDate;
  readonly rank: number;
  readonly day: number;
}

/** Fusion compares the same few thousand date strings millions of times: each is read once. */
const readDate = boundedMemo((date): ReadDate | undefined => {
  const d = parsePartialDate(date);
  return d ? { date: d, rank: RANK[precisionOf(d)], day: dayNumber(d) } : undefined;
});

function parse(date: string | undefined): ReadDate | undefined {
  return date === undefined ? undefined : readDate(date);
}

/** 3 for a day, 2 for a month, 1 for a year, 0 for no (or an unreadable) date. */
export function datePrecisionRank(date: string | undefined): number {
  return parse(date)?.rank ?? 0;
}

function dayNumber(date: PartialDate): number {
  return Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1) / MS_PER_DAY;
}

/** Days from `a` to `b` when both are day-precise; undefined otherwise. */
export function daysBetween(a: string | undefined, b: string | undefined): number | undefined {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb || pa.rank !== 3 || pb.rank !== 3) return undefined;
  return pb.day - pa.day;
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
  if (pa.rank === 3 && pb.rank === 3) return Math.abs(pa.day - pb.day) <= windowDays;
  const coarse = pa.rank <= pb.rank ? pa : pb;
  const fine = coarse === pa ? pb : pa;
  // The finer cut to the coarser's precision (a year or a month here) equals it.
  return fine.date.year === coarse.date.year && (coarse.rank === 1 || fine.date.month === coarse.date.month);
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

/** Up to this many readings, counting by rescanning is cheaper than a Map. */
const SMALL = 16;

/**
 * The most precise of several compatible dates: the finest precision wins; among dates of
 * that precision, the one most readings give, then the earliest (the start of a stay).
 * `dates` are in source order.
 */
export function mostPreciseDate(dates: readonly (string | undefined)[]): string | undefined {
  let best = 0;
  for (const d of dates) best = Math.max(best, datePrecisionRank(d));
  if (best === 0) return undefined;
  let chosen: string | undefined;
  let chosenCount = 0;
  if (dates.length > SMALL) {
    const counts = new Map<string, number>();
    for (const d of dates) if (d !== undefined && datePrecisionRank(d) === best) counts.set(d, (counts.get(d) ?? 0) + 1);
    for (const [d, count] of counts) {
      if (chosen === undefined || count > chosenCount || (count === chosenCount && d < chosen)) {
        chosen = d;
        chosenCount = count;
      }
    }
    return chosen;
  }
  // Most fused rows have one to three readings: counting by rescanning beats a Map.
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    if (d === undefined || datePrecisionRank(d) !== best || dates.indexOf(d) !== i) continue;
    let count = 1;
    for (let j = i + 1; j < dates.length; j++) if (dates[j] === d) count++;
    if (chosen === undefined || count > chosenCount || (count === chosenCount && d < chosen)) {
      chosen = d;
      chosenCount = count;
    }
  }
  return chosen;
}

/** The most precise of several compatible places; among equals, the first (places are in source order). */
export function mostPrecisePlace(places: readonly (Place | undefined)[]): Place | undefined {
  let best: Place | undefined;
  for (const p of places) if (placePrecisionRank(p) > placePrecisionRank(best)) best = p;
  return best;
}
