import type { Chrono } from 'chrono-node';

/**
 * Everything locale-specific that `findDateMentions` knows, as data. The shared code in
 * `../find-date-mentions.ts` builds its regexes from these lists once, at module load.
 *
 * Writing conventions for every phrase below: lowercase; a single space matches any run
 * of whitespace; `'` matches ' and ’; `-` matches the ASCII hyphen and U+2010/U+2011.
 * Adding a language means adding one file like `fr.ts` and registering it in `index.ts`.
 */

/** How a weekday is placed relative to the reference day. */
export type WeekdayMode =
  /** The most recent such weekday on or before the reference (the reference itself if it matches). */
  | 'onOrBefore'
  /** Strictly before the reference ("last Tuesday", "mardi dernier"). */
  | 'before'
  /** Strictly after the reference ("next Tuesday", "mardi prochain"). */
  | 'after'
  /** That weekday in the calendar week (Monday–Sunday) before the reference's ("Tuesday last week"). */
  | 'previousWeek';

/** A modifier attached to a month name (before it in English, after it in French). */
export type MonthModifier =
  /** Most recent occurrence strictly before the reference month ("décembre dernier", "last December"). */
  | { readonly relation: 'last' }
  /** First occurrence strictly after the reference month ("juillet prochain", "next July"). */
  | { readonly relation: 'next' }
  /** That month in the reference year plus an offset ("November last year" → −1, "this July" → 0). */
  | { readonly yearOffset: number };

/** A fixed relative expression ("hier", "last week") and what it points at. */
export interface RelativeAnchor {
  readonly unit: 'day' | 'week' | 'month' | 'year';
  /** Signed count of units from the reference: hier = day −1, la semaine dernière = week −1. */
  readonly offset: number;
}

export interface DateLocaleData {
  /** Twelve entries, January first; each lists the accepted spellings (full name, abbreviations with their dot). */
  readonly months: readonly (readonly string[])[];
  /** Seven entries, Sunday first (as `Date#getUTCDay`). */
  readonly weekdays: readonly (readonly string[])[];
  /**
   * True when month and weekday names are capitalised in running text (English). A lowercase
   * "may"/"march" is then a verb, not a month, and is skipped. Modifiers stay case-insensitive.
   */
  readonly capitalisedNames: boolean;
  /** Words that may follow a weekday or "hier"/"yesterday" and stay in the mention ("soir", "evening"). */
  readonly timesOfDay: readonly string[];
  /** Fixed relative expressions. Keys follow the writing conventions above. */
  readonly relative: Readonly<Record<string, RelativeAnchor>>;
  /**
   * Expressions that contain a date word but are not a resolvable date ("à ce jour" = so far,
   * "Good Friday", "mardi gras"). A match blocks any shorter overlapping reading and yields nothing.
   */
  readonly ignored: readonly string[];
  /** Words before a weekday that stay in the mention, and how they place it ("ce", "last"). */
  readonly weekdayBefore: Readonly<Record<string, WeekdayMode>>;
  /** Words after a weekday that stay in the mention, and how they place it ("dernier", "last week"). */
  readonly weekdayAfter: Readonly<Record<string, WeekdayMode>>;
  /**
   * Words after a weekday that make it relative to the narrative rather than to the publication
   * date ("le mardi suivant", "ce jour-là"): the weekday is then skipped. Entries starting with
   * "-" attach without a space ("-là").
   */
  readonly weekdayBlockers: readonly string[];
  /**
   * Words before a weekday that make it habitual ("le lundi, les bureaux ferment", "les marchés du
   * lundi", "every Monday"): the weekday is then skipped. A full date ("le lundi 3 mars") is
   * longer and still wins.
   */
  readonly weekdayBlockersBefore: readonly string[];
  /** Modifiers written before a month name ("last", "next", "this"). */
  readonly monthBefore: Readonly<Record<string, MonthModifier>>;
  /** Modifiers written after a month name or a day-month date ("dernier", "last year"). */
  readonly monthAfter: Readonly<Record<string, MonthModifier>>;
  /**
   * Markers that make a bare month name a date ("en juillet", "in July", "mi-juillet"). Without
   * a marker, modifier, day or year a month name is not taken (too many false positives: "Mars",
   * "May"). Entries ending in "-" or "'" attach without a space.
   */
  readonly monthMarkers: readonly string[];
  /**
   * Markers that make a bare four-digit number a year ("en 2021", "since 2008"). Elsewhere a
   * four-digit number is not a year ("Agenda 2063", "2023-24"). Same attachment rule.
   */
  readonly yearMarkers: readonly string[];
  /** Words joining two days of one month ("les 13 et 14 avril", "between 13 and 15 April"). */
  readonly dayListConnectors: readonly string[];
  /**
   * Order of all-numeric dates such as 08/03/2023: 'dayFirst' (French), or 'ambiguous' (English
   * news mixes US and British order), in which case a date whose two first fields are both ≤ 12
   * and differ keeps only its year.
   */
  readonly numericOrder: 'dayFirst' | 'monthFirst' | 'ambiguous';
  /** The chrono-node parser used for day-month(-year) expressions and ranges. */
  readonly chrono: Chrono;
}
