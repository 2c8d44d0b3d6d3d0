import type { PartialDate } from '../dates/partial-date.js';
import { comparePartialDates, truncateDate, precisionOf } from '../dates/partial-date.js';
import type { DraftEvent } from './events.js';

/**
 * One row per event, however often the article mentions it: the same type between the
 * same countries (and, for a visit, in the same direction) within one article is one
 * event; "one meeting per trip" follows. The merged event keeps the earliest date (the
 * start of a visit, the first of the meetings), everyone named, the most precise place
 * and every evidence sentence.
 */
export interface MergedEvents {
  readonly events: DraftEvent[];
  /** Draft localId → the localId of the event it was merged into. */
  readonly mergedInto: ReadonlyMap<string, string>;
}

const keyOf = (e: DraftEvent): string =>
  [e.type, e.participants.join(';'), e.type === 'visit' ? `${e.actor1?.country}>${e.actor2?.country}` : ''].join('|');

/** The earlier of two dates; a coarse date that contains a finer one yields the finer one. */
export function earlierDate(a: PartialDate | undefined, b: PartialDate | undefined): PartialDate | undefined {
  if (!a) return b;
  if (!b) return a;
  const pa = precisionOf(a);
  const pb = precisionOf(b);
  if (pa !== pb) {
    const [coarse, fine] = pa === 'year' || (pa === 'month' && pb === 'day') ? [a, b] : [b, a];
    if (comparePartialDates(truncateDate(fine, precisionOf(coarse)), coarse) === 0) return fine;
  }
  return comparePartialDates(a, b) <= 0 ? a : b;
}

export function mergeEvents(drafts: readonly DraftEvent[]): MergedEvents {
  const byKey = new Map<string, DraftEvent>();
  const mergedInto = new Map<string, string>();
  const events: DraftEvent[] = [];
  for (const draft of drafts) {
    const key = keyOf(draft);
    const into = byKey.get(key);
    if (!into) {
      const copy: DraftEvent = { ...draft, people: [...draft.people], evidence: [...draft.evidence] };
      byKey.set(key, copy);
      events.push(copy);
      mergedInto.set(draft.localId, draft.localId);
      continue;
    }
    mergedInto.set(draft.localId, into.localId);
    // A date the text states beats one carried over from the story; among equals, the earliest.
    if (draft.dateStated && !into.dateStated) {
      into.date = draft.date;
      into.dateStated = true;
    } else if (draft.dateStated === into.dateStated) into.date = earlierDate(into.date, draft.date);
    for (const p of draft.people) if (!into.people.includes(p)) into.people.push(p);
    into.signatories = union(into.signatories, draft.signatories);
    into.possibleSignatories = union(into.possibleSignatories, draft.possibleSignatories);
    into.witnesses = union(into.witnesses, draft.witnesses);
    if (!into.location?.city && draft.location?.city) into.location = draft.location;
    else if (!into.location && draft.location) into.location = draft.location;
    if (!into.actor1?.name && draft.actor1?.name) into.actor1 = { ...into.actor1, name: draft.actor1.name };
    if (!into.actor2?.name && draft.actor2?.name) into.actor2 = { ...into.actor2, name: draft.actor2.name };
    for (const e of draft.evidence) if (!into.evidence.some((x) => x.start === e.start)) into.evidence.push(e);
  }
  return { events, mergedInto };
}

function union(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] | undefined {
  if (!a && !b) return undefined;
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}
