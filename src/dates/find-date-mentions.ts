/**
 * Finds date expressions in one sentence and resolves them against the article's publication
 * date, at the precision that both the text and the reference support (see `./resolve.ts` for
 * the resolution rules).
 *
 * Sources of candidates, all built once per locale from the word lists in `./locales/`:
 *   - chrono-node (strict parser) for day-month(-year) expressions and ranges
 *     ("le 8 mars 2023", "March 8, 2023", "du 13 au 15 avril", "April 13-15"). Its durations
 *     ("de deux jours", "for two days") are rejected, and only results containing a month name
 *     are kept (no "2/3", no times). It only runs when the sentence has a month name and a digit.
 *   - our own anchored regexes for what chrono misses or over-reaches on: fixed relative words
 *     ("avant-hier", "last week"), weekdays, months with a marker or modifier ("en juillet",
 *     "mars 2023", "décembre dernier"), years after a marker ("en 2021", "since 2008"), and
 *     all-numeric dates.
 * Overlapping candidates: the longest wins ("le lundi 3 mars" beats "lundi"; "Good Friday"
 * beats "Friday"). Candidates that cannot be resolved (no reference) still occupy their span,
 * so that a shorter, wrong reading cannot take it, and are then dropped.
 */
import { compileLocale, GATE_IGNORED, GATE_MONTH, GATE_RELATIVE, GATE_WEEKDAY, normalisePhrase } from './compile.js';
import type { CompiledLocale } from './compile.js';
import { DATE_LOCALES } from './locales/index.js';
import type { DateLocale } from './locales/index.js';
import type { MonthModifier, WeekdayMode } from './locales/types.js';
import { daysInMonth } from './partial-date.js';
import type { PartialDate } from './partial-date.js';
import { resolveDayMonth, resolveMonth, resolveRelative, resolveWeekday } from './resolve.js';
import type { GateToken } from './word-gate.js';
import { passGate, passGateTokens } from './word-gate.js';

export type { DateLocale } from './locales/index.js';

export interface DateMention {
  /** Offsets into the given text: `text.slice(start, end) === mention.text`. */
  start: number;
  end: number;
  text: string;
  /** Resolved, at the precision the text and the reference support. */
  date: PartialDate;
  /** 'absolute': states its own year; 'relative': needed the reference. */
  kind: 'absolute' | 'relative';
  /** The expression itself names a year. */
  explicitYear: boolean;
  /** The mention is the start of a range ("du 13 au 15 avril" → 13 April). */
  isRangeStart?: boolean;
}

export interface FindDateMentionsOptions {
  /**
   * Day-month dates without a year are placed at their most recent occurrence on or before the
   * reference (the default, 0). With a day-precision reference, a date at most this many days
   * AFTER the reference stays in the reference year instead ("du 13 au 18 janvier" in an
   * article of 12 January 2024 → 2024-01-13 rather than 2023-01-13). Announcements of visits
   * next week are common; 14–31 is a reasonable value. Modifiers ("dernier") are not affected.
   */
  upcomingWindowDays?: number;
  /**
   * The text's tokens, if the caller has them (the extractor does): every run of letters and
   * every run of digits of the text whole inside one token's `text`. They spare the word
   * gate (./word-gate.ts) a scan of the text; the mentions are the same.
   */
  tokens?: readonly GateToken[];
}

/** Years outside this span after a marker are numbers, not years ("en 3000 exemplaires"). */
const MIN_YEAR = 1800;
const MAX_YEAR = 2100;

const COMPILED = Object.fromEntries(
  Object.entries(DATE_LOCALES).map(([id, data]) => [id, compileLocale(data)]),
) as Record<DateLocale, CompiledLocale>;

/** 08/03/2023, 8.3.2023 (not 2/3, not 1.2.3.4) */
const NUMERIC_DATE_RE = /(?<![\p{N}/.,-])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\p{N}]|[/.-]\p{N})/gu;
/** 2023-03-08 */
const ISO_DATE_RE = /(?<![\p{N}/.-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}]|[/.-]\p{N})/gu;
const NUMBER_CONTINUES_RE = /^[.,]\d/;
const LAST_WORD_RE = /\p{L}+$/u;
const LEADING_WORD_RE = /^(\p{L}+)\s+/u;
const NUMERIC_GATE_RE = /\d[/.-]\d/;

interface Resolved {
  date: PartialDate;
  kind: DateMention['kind'];
  explicitYear: boolean;
  isRangeStart?: boolean;
}

interface Candidate {
  start: number;
  end: number;
  /** undefined: blocks its span but yields no mention */
  resolved: Resolved | undefined;
}

type Candidates = Candidate[];

const isCapitalised = (word: string): boolean => word.charAt(0) !== word.charAt(0).toLowerCase();

function add(out: Candidates, start: number, end: number, resolved: Resolved | undefined): void {
  out.push({ start, end, resolved });
}

function relative(date: PartialDate | undefined): Resolved | undefined {
  return date === undefined ? undefined : { date, kind: 'relative', explicitYear: false };
}

function collectIgnored(c: CompiledLocale, text: string, out: Candidates): void {
  for (const m of text.matchAll(c.ignoredRe)) add(out, m.index, m.index + m[0].length, undefined);
}

function collectRelativeWords(c: CompiledLocale, text: string, ref: PartialDate | undefined, out: Candidates): void {
  for (const m of text.matchAll(c.relativeRe)) {
    const anchor = c.relative.get(normalisePhrase(m[1] ?? ''));
    if (anchor === undefined) continue;
    add(out, m.index, m.index + m[0].length, relative(resolveRelative(anchor, ref)));
  }
}

function collectWeekdays(c: CompiledLocale, text: string, ref: PartialDate | undefined, out: Candidates): void {
  for (const m of text.matchAll(c.weekdayRe)) {
    const [whole, blockerBefore, before, name = '', after, blockerAfter] = m;
    if (c.data.capitalisedNames && !isCapitalised(name)) continue;
    const start = m.index;
    const end = start + whole.length;
    if (blockerBefore !== undefined || blockerAfter !== undefined) {
      // "le mardi suivant", "ce mercredi-là": relative to the story, not to the publication date;
      // "le lundi", "every Monday": habitual.
      add(out, start, end, undefined);
      continue;
    }
    const weekday = c.weekdayIndex.get(normalisePhrase(name));
    if (weekday === undefined) continue;
    const mode: WeekdayMode =
      (after !== undefined ? c.weekdayAfter.get(normalisePhrase(after)) : undefined) ??
      (before !== undefined ? c.weekdayBefore.get(normalisePhrase(before)) : undefined) ??
      'onOrBefore';
    add(out, start, end, relative(resolveWeekday(weekday, mode, ref)));
  }
}

function collectMonths(c: CompiledLocale, text: string, ref: PartialDate | undefined, out: Candidates): void {
  for (const m of text.matchAll(c.monthRe)) {
    const [whole, before, marker, name = '', yearText, after] = m;
    if (c.data.capitalisedNames && !isCapitalised(name)) continue;
    const month = c.monthIndex.get(normalisePhrase(name));
    if (month === undefined) continue;
    // The marker ("en", "in", "mi-") is not part of the date; modifiers ("dernier", "last") are.
    const start = m.index + (marker?.length ?? 0);
    const end = m.index + whole.length;
    if (yearText !== undefined) {
      const year = Number(yearText);
      if (year < MIN_YEAR || year > MAX_YEAR) continue;
      add(out, start, end, { date: { year, month }, kind: 'absolute', explicitYear: true });
      continue;
    }
    const modifier: MonthModifier | undefined =
      before !== undefined ? c.monthBefore.get(normalisePhrase(before)) : after !== undefined ? c.monthAfter.get(normalisePhrase(after)) : undefined;
    // A bare month name needs a marker: "Mars", "May", "le sommet de mars" are not taken.
    if (modifier === undefined && marker === undefined) continue;
    add(out, start, end, relative(resolveMonth(month, modifier, ref)));
  }
}

function collectYears(c: CompiledLocale, text: string, out: Candidates): void {
  for (const m of text.matchAll(c.yearRe)) {
    const yearText = m[1] ?? '';
    const year = Number(yearText);
    if (year < MIN_YEAR || year > MAX_YEAR) continue;
    const end = m.index + m[0].length;
    add(out, end - yearText.length, end, { date: { year }, kind: 'absolute', explicitYear: true });
  }
}

function hasMonthName(c: CompiledLocale, text: string): boolean {
  for (const m of text.matchAll(c.monthNameRe)) {
    if (!c.data.capitalisedNames || isCapitalised(m[0])) return true;
  }
  return false;
}

function isDateWord(c: CompiledLocale, word: string): boolean {
  const key = normalisePhrase(word);
  return c.monthIndex.has(key) || c.weekdayIndex.has(key);
}

/**
 * A reference for chrono. Only chrono's implied values depend on it, and we ignore those, but
 * chrono rejects "29 février" when its implied year is not a leap year: so the reference is
 * moved back to a leap year. We place the year ourselves (`resolveDayMonth`).
 */
function chronoReference(ref: PartialDate | undefined): Date {
  const year = ref === undefined ? 2000 : ref.year - (((ref.year % 4) + 4) % 4);
  return new Date(Date.UTC(year, 6, 1, 12));
}

function collectChrono(c: CompiledLocale, text: string, ref: PartialDate | undefined, windowDays: number, out: Candidates): void {
  for (const r of c.data.chrono.parse(text, chronoReference(ref))) {
    const s = r.start;
    // Durations chrono turns into dates: "une visite de deux jours", "for two days", "within 90 days".
    if (s.tags().has('result/relativeDate')) continue;
    if (!s.isCertain('day') || !s.isCertain('month')) continue;
    if (!hasMonthName(c, r.text)) continue;
    const month = s.get('month');
    let day = s.get('day');
    if (month === null || day === null) continue;

    let start = r.index;
    let end = r.index + r.text.length;
    // "since August 2,000 people": the day is the start of a bigger number.
    if (NUMBER_CONTINUES_RE.test(text.slice(end, end + 2))) continue;
    // "le jeudi 6 juin." — chrono takes the full stop for an abbreviation dot.
    if (r.text.endsWith('.')) {
      const lastWord = LAST_WORD_RE.exec(r.text.slice(0, -1))?.[0];
      if (lastWord !== undefined && c.monthIndex.has(normalisePhrase(lastWord))) end -= 1;
    }
    // chrono keeps a leading preposition ("On 12 March"); our mentions never include one.
    const lead = LEADING_WORD_RE.exec(r.text);
    if (lead?.[1] !== undefined && !isDateWord(c, lead[1])) start += lead[0].length;
    // chrono sets `end` (null or undefined otherwise) only for ranges.
    let isRangeStart = r.end !== null && r.end !== undefined;

    // "les 13 et 14 avril", "les 3, 4 et 5 mai", "between 13 and 15 April": chrono only sees the last day.
    if (!isRangeStart) {
      const before = text.slice(Math.max(0, start - 40), start);
      const list = c.dayListBeforeRe.exec(before);
      if (list?.[1] !== undefined) {
        const first = Number(list[1]);
        const firstStart = start - before.length + list.index;
        const precededByMonth = c.monthAtEndRe.test(text.slice(Math.max(0, firstStart - 16), firstStart));
        if (first >= 1 && first < day && !precededByMonth) {
          start = firstStart;
          day = first;
          isRangeStart = true;
        }
      }
    }

    let year: number | undefined;
    let explicitYear = false;
    if (s.isCertain('year')) {
      year = s.get('year') ?? undefined;
      explicitYear = year !== undefined;
    } else if (r.end?.isCertain('year')) {
      // "du 28 décembre au 2 janvier 2024": the start's year comes from the end.
      const endYear = r.end.get('year');
      const endMonth = r.end.get('month');
      if (endYear !== null && endMonth !== null) {
        year = month > endMonth ? endYear - 1 : endYear;
        explicitYear = true;
      }
    }

    let modifier: MonthModifier | undefined;
    if (year === undefined) {
      // "le 20 décembre dernier", "December 20 last year"
      c.monthAfterStickyRe.lastIndex = end;
      const m = c.monthAfterStickyRe.exec(text);
      if (m?.[1] !== undefined) {
        modifier = c.monthAfter.get(normalisePhrase(m[1]));
        end += m[0].length;
      }
    }

    let resolved: Resolved | undefined;
    if (year !== undefined) {
      resolved = day <= daysInMonth(year, month) ? { date: { year, month, day }, kind: 'absolute', explicitYear } : undefined;
    } else {
      resolved = relative(resolveDayMonth(month, day, modifier, ref, windowDays));
    }
    if (resolved !== undefined && isRangeStart) resolved.isRangeStart = true;
    add(out, start, end, resolved);
  }
}

function collectNumeric(c: CompiledLocale, text: string, out: Candidates): void {
  if (!NUMERIC_GATE_RE.test(text)) return;
  for (const m of text.matchAll(ISO_DATE_RE)) {
    const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) continue;
    add(out, m.index, m.index + m[0].length, { date, kind: 'absolute', explicitYear: true });
  }
  for (const m of text.matchAll(NUMERIC_DATE_RE)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = Number(m[4]);
    if (year < MIN_YEAR || year > MAX_YEAR) continue;
    let dayMonth: [number, number] | undefined;
    switch (c.data.numericOrder) {
      case 'dayFirst':
        dayMonth = [a, b];
        break;
      case 'monthFirst':
        dayMonth = [b, a];
        break;
      case 'ambiguous':
        // 08/03/2023 could be 8 March or 3 August: keep the year only.
        if (a > 12) dayMonth = [a, b];
        else if (b > 12 || a === b) dayMonth = [b, a];
        break;
    }
    let date: PartialDate = { year };
    if (dayMonth !== undefined) {
      const [day, month] = dayMonth;
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) continue;
      date = { year, month, day };
    }
    add(out, m.index, m.index + m[0].length, { date, kind: 'absolute', explicitYear: true });
  }
}

/** Longest first; on equal length a blocker wins (so "Good Friday" beats "Friday"), then leftmost. */
function select(candidates: Candidates): Candidate[] {
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      Number(a.resolved !== undefined) - Number(b.resolved !== undefined) ||
      a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const cand of candidates) {
    if (kept.every((k) => cand.end <= k.start || cand.start >= k.end)) kept.push(cand);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function findDateMentions(
  text: string,
  locale: DateLocale,
  reference: PartialDate | undefined,
  options: FindDateMentionsOptions = {},
): DateMention[] {
  const c = COMPILED[locale];
  // Each regex runs only when the sentence has the words it needs (see ./word-gate.ts);
  // years need four digits in a row, numeric dates and chrono a digit.
  const { bits, digit, fourDigits } = options.tokens ? passGateTokens(c.gate, options.tokens) : passGate(c.gate, text);
  if (bits === 0 && !digit) return [];
  const candidates: Candidates = [];
  if (bits & GATE_IGNORED) collectIgnored(c, text, candidates);
  if (bits & GATE_RELATIVE) collectRelativeWords(c, text, reference, candidates);
  if (bits & GATE_WEEKDAY) collectWeekdays(c, text, reference, candidates);
  if (bits & GATE_MONTH) collectMonths(c, text, reference, candidates);
  if (fourDigits) collectYears(c, text, candidates);
  if (digit) {
    collectNumeric(c, text, candidates);
    // chrono is the slow part: only sentences with a digit and a month name need it.
    if ((bits & GATE_MONTH) !== 0 && hasMonthName(c, text)) collectChrono(c, text, reference, options.upcomingWindowDays ?? 0, candidates);
  }
  if (candidates.length === 0) return [];

  const mentions: DateMention[] = [];
  for (const { start, end, resolved } of select(candidates)) {
    if (resolved === undefined) continue;
    mentions.push({ start, end, text: text.slice(start, end), ...resolved });
  }
  return mentions;
}
