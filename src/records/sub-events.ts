/**
 * Sub-events: the meetings, signings and press conferences held during a visit belong to
 * it, and name it as their parent (`parent_event_id`).
 *
 * Rule, within one article (the article's own narrative is what ties them together; fusion
 * then carries the link over to the fused rows):
 * an event E is held during visit V when
 *   1. E is a meeting, a signing or a press conference (calls are held from afar; a visit is
 *      never part of another visit);
 *   2. E is between the visit's countries: E's participants are all among V's, so a
 *      one-sided press conference by the visitor (or the host) counts;
 *   3. E takes place in the host country, or its place is unknown;
 *   4. E falls within the stay: both dated to the day, E is on V's date (its start, as the
 *      extractor keeps the earliest date of a visit) or at most VISIT_STAY_DAYS after it;
 *      otherwise the coarser date contains the finer (a visit "in March", talks on
 *      2024-03-12). An undated E or V ties nothing.
 * When several visits qualify, E belongs to the one that began last before it (then the one
 * read first).
 */
import type { EventRecord } from './records.js';
import { datesCompatible, daysBetween } from './compatible.js';
import type { EventType } from '../extract/types.js';

/** How many days after a visit's first reported day its stay is taken to run (state visits last one to three days). */
export const VISIT_STAY_DAYS = 3;

export const SUB_EVENT_TYPES: readonly EventType[] = ['meeting', 'signing', 'press_conference'];

const hostOf = (visit: EventRecord): string | undefined => visit.actor2Country ?? visit.location?.country;

export function isDuringVisit(visit: EventRecord, event: EventRecord): boolean {
  if (visit.type !== 'visit' || !SUB_EVENT_TYPES.includes(event.type)) return false;
  if (event.participants.length === 0 || !event.participants.every((c) => visit.participants.includes(c))) return false;
  const host = hostOf(visit);
  const where = event.location?.country;
  if (where !== undefined && host !== undefined && where !== host) return false;
  const gap = daysBetween(visit.date, event.date);
  if (gap !== undefined) return gap >= 0 && gap <= VISIT_STAY_DAYS;
  return datesCompatible(visit.date, event.date, 0);
}

const firstOffset = (e: EventRecord): number => e.evidence[0]?.start ?? Number.MAX_SAFE_INTEGER;

/** Child event id → parent visit id, for the events of one article. */
export function subEventParents(events: readonly EventRecord[]): Map<string, string> {
  const visits = events.filter((e) => e.type === 'visit');
  const parents = new Map<string, string>();
  for (const event of events) {
    const candidates = visits.filter((v) => isDuringVisit(v, event));
    if (candidates.length === 0) continue;
    // The visit that began last before the event; day gaps are known only for day-precise dates.
    const gap = (v: EventRecord): number => daysBetween(v.date, event.date) ?? VISIT_STAY_DAYS + 1;
    const best = [...candidates].sort((a, b) => gap(a) - gap(b) || firstOffset(a) - firstOffset(b))[0];
    if (best) parents.set(event.id, best.id);
  }
  return parents;
}
