/**
 * Turns a locale's word lists into the handful of regexes `findDateMentions` runs. Called once
 * per locale at module load; nothing here runs per sentence.
 */
import type { DateLocaleData, MonthModifier, RelativeAnchor, WeekdayMode } from './locales/types.js';
import type { WordGate } from './word-gate.js';
import { buildWordGate } from './word-gate.js';

/** Bits of `CompiledLocale.gate`: which regexes may match a text (the order of the lists given to it). */
export const GATE_RELATIVE = 1;
export const GATE_IGNORED = 2;
export const GATE_WEEKDAY = 4;
export const GATE_MONTH = 8;

/** Word boundaries that understand accented letters (`\b` is ASCII-only even with the u flag). */
const L = '(?<![\\p{L}\\p{N}_])';
const R = '(?![\\p{L}\\p{N}_])';

/** Key used to look a matched phrase up in the locale tables. */
export function normalisePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[‐‑]/g, '-')
    .replace(/\s+/g, ' ');
}

function phraseSource(phrase: string): string {
  let out = '';
  for (const ch of phrase) {
    if (ch === ' ') out += '\\s+';
    else if (ch === "'") out += "['’]";
    else if (ch === '-') out += '[-‐‑]';
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

/** `(?:a|b|…)`, longest first so that "avant-hier" is tried before "hier". */
function alternation(phrases: Iterable<string>): string {
  const unique = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return '(?!)';
  return `(?:${unique.map(phraseSource).join('|')})`;
}

/** Markers ending in "-" or "'" attach to the next word; the others need whitespace. */
function markerSource(markers: readonly string[]): string {
  const glued = markers.filter((m) => m.endsWith('-') || m.endsWith("'"));
  const spaced = markers.filter((m) => !glued.includes(m));
  return `(?:${alternation(spaced)}\\s+|${alternation(glued)})`;
}

function indexTable(lists: readonly (readonly string[])[]): Map<string, number> {
  const table = new Map<string, number>();
  lists.forEach((names, index) => {
    for (const name of names) table.set(normalisePhrase(name), index);
  });
  return table;
}

function table<T>(record: Readonly<Record<string, T>>): Map<string, T> {
  return new Map(Object.entries(record).map(([k, v]) => [normalisePhrase(k), v]));
}

export interface CompiledLocale {
  readonly data: DateLocaleData;
  /** normalised month spelling → 1…12 */
  readonly monthIndex: Map<string, number>;
  /** normalised weekday name → 0 (Sunday)…6 */
  readonly weekdayIndex: Map<string, number>;
  readonly relative: Map<string, RelativeAnchor>;
  readonly weekdayBefore: Map<string, WeekdayMode>;
  readonly weekdayAfter: Map<string, WeekdayMode>;
  readonly monthBefore: Map<string, MonthModifier>;
  readonly monthAfter: Map<string, MonthModifier>;
  /** groups: 1 phrase, 2 time of day */
  readonly relativeRe: RegExp;
  readonly ignoredRe: RegExp;
  /** groups: 1 blocker before, 2 before-word, 3 weekday, 4 after-word, 5 blocker after, 6 time of day */
  readonly weekdayRe: RegExp;
  /** groups: 1 before-modifier, 2 marker, 3 month, 4 year, 5 after-modifier */
  readonly monthRe: RegExp;
  /** groups: 1 year */
  readonly yearRe: RegExp;
  /** any month name (gates the chrono pass and validates its results) */
  readonly monthNameRe: RegExp;
  /** sticky: an after-modifier right after a chrono date ("20 décembre dernier") */
  readonly monthAfterStickyRe: RegExp;
  /** "13 et " / "3, 4 et " right before a chrono date "14 avril"; group 1 = the first day */
  readonly dayListBeforeRe: RegExp;
  /** a month name ending the text (to tell "13 et 14 avril" from "30 juin et 1er juillet") */
  readonly monthAtEndRe: RegExp;
  /** The words each of relativeRe, ignoredRe, weekdayRe and monthRe (GATE_* bits) needs to match at all. */
  readonly gate: WordGate;
}

export function compileLocale(data: DateLocaleData): CompiledLocale {
  const months = alternation(data.months.flat());
  const weekdays = alternation(data.weekdays.flat());
  const gluedBlockers = data.weekdayBlockers.filter((b) => b.startsWith('-'));
  const spacedBlockers = data.weekdayBlockers.filter((b) => !b.startsWith('-'));
  const monthIndex = indexTable(data.months);
  for (const [name, index] of monthIndex) monthIndex.set(name, index + 1);

  return {
    data,
    monthIndex,
    weekdayIndex: indexTable(data.weekdays),
    relative: table(data.relative),
    weekdayBefore: table(data.weekdayBefore),
    weekdayAfter: table(data.weekdayAfter),
    monthBefore: table(data.monthBefore),
    monthAfter: table(data.monthAfter),
    relativeRe: new RegExp(`${L}(${alternation(Object.keys(data.relative))})(?:\\s+(${alternation(data.timesOfDay)}))?${R}`, 'giu'),
    ignoredRe: new RegExp(`${L}${alternation(data.ignored)}${R}`, 'giu'),
    weekdayRe: new RegExp(
      `${L}(?:(${alternation(data.weekdayBlockersBefore)})\\s+|(${alternation(Object.keys(data.weekdayBefore))})\\s+)?(${weekdays})` +
        `(?:\\s+(${alternation(Object.keys(data.weekdayAfter))})${R}` +
        `|(${alternation(gluedBlockers)}|\\s+${alternation(spacedBlockers)})${R}` +
        `|\\s+(${alternation(data.timesOfDay)})${R}` +
        `|${R})`,
      'giu',
    ),
    monthRe: new RegExp(
      `${L}(?:(${alternation(Object.keys(data.monthBefore))})\\s+|(${markerSource(data.monthMarkers)}))?(${months})` +
        `(?:\\s+(\\d{4})(?![\\p{N}]|[-–/]\\p{N})` +
        `|\\s+(${alternation(Object.keys(data.monthAfter))})${R}` +
        // bare month: not before a number that is not a year ("mai 68")
        `|(?![\\p{L}\\p{N}_])(?!\\s+\\p{N}))`,
      'giu',
    ),
    yearRe: new RegExp(`${L}${markerSource(data.yearMarkers)}(\\d{4})(?![\\p{L}\\p{N}_]|[-–/][\\p{N}]|[.,]\\p{N}|\\s?%)`, 'giu'),
    monthNameRe: new RegExp(`${L}${months}(?![\\p{L}\\p{N}_])`, 'giu'),
    monthAfterStickyRe: new RegExp(`\\s+(${alternation(Object.keys(data.monthAfter))})${R}`, 'iyu'),
    dayListBeforeRe: new RegExp(
      `(?<![\\p{N}])(\\d{1,2})(?:er|st|nd|rd|th)?(?:\\s*,\\s*\\d{1,2}(?:er|st|nd|rd|th)?)*\\s*${alternation(data.dayListConnectors)}\\s*$`,
      'iu',
    ),
    monthAtEndRe: new RegExp(`${L}${months}[\\s,]*$`, 'iu'),
    gate: buildWordGate([Object.keys(data.relative), data.ignored, data.weekdays.flat(), data.months.flat()]),
  };
}
