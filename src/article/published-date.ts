import * as chrono from 'chrono-node';
import type { PartialDate } from '../dates/partial-date.js';
import { parsePartialDate } from '../dates/partial-date.js';

// Full ISO 8601 date-times keep only the calendar date as written: converting to UTC would
// move an article published at 00:30+02:00 to the previous day, against what its page says.
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parses an ISO publication date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` at their own precision,
 * or a full ISO date-time cut to the day. Undefined for anything else.
 */
export function parseIsoPublished(value: string): PartialDate | undefined {
  const text = value.trim();
  const partial = parsePartialDate(text);
  if (partial !== undefined) return partial;
  const m = ISO_DATE_TIME.exec(text);
  return m?.[1] === undefined ? undefined : parsePartialDate(m[1]);
}

/**
 * Web pages also carry dates like "Sun, 14 Aug 2022 10:00:00 GMT" or "14 August 2022".
 * chrono reads those; only the parts it found stated are kept, so a bare "August 2022"
 * stays a month.
 */
export function parseLoosePublished(value: string): PartialDate | undefined {
  const iso = parseIsoPublished(value);
  if (iso !== undefined) return iso;
  const text = value.trim();
  if (text === '' || text.length > 100) return undefined;
  const result = chrono.en.strict.parse(text)[0] ?? chrono.fr.strict.parse(text)[0];
  if (result === undefined) return undefined;
  const start = result.start;
  if (!start.isCertain('year')) return undefined;
  const year = start.get('year');
  const month = start.isCertain('month') ? start.get('month') : null;
  const day = start.isCertain('day') ? start.get('day') : null;
  if (year === null) return undefined;
  if (month === null) return { year };
  if (day === null) return { year, month };
  return { year, month, day };
}
