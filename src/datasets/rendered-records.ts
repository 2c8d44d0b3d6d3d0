import type { FusedAgreement, UnparentedEvent } from '../records/fusion.js';
import { csvRecordAround, csvRecords, csvValue } from './csv.js';
import { agreementNodeAround, eventNodeText } from './jsonld.js';
import { agreementMentions, eventMentions } from './mentions.js';
import { agreementRow, eventRow } from './rows.js';
import type { Row } from './schema.js';
import { AGREEMENTS_TABLE, EVENTS_TABLE, MENTIONS_TABLE } from './schema.js';

/**
 * A fused record as the text of every file it appears in (its CSV record, its JSON-LD
 * node, its mentions' CSV records), rendered once, as soon as it is fused; the publisher
 * then only moves text. An event's parent visit is known only once every event is fused,
 * so an event is rendered around it (the `parent_event_id` cell, the trailing
 * `superEvent` of its node), completed with `parentCell` and `nodeEnd`.
 */
export interface RenderedEvent {
  readonly row: Row;
  /** The CSV record up to the parent_event_id cell, and after it (CRLF included). */
  readonly csvHead: string;
  readonly csvTail: string;
  /** The JSON-LD node without its closing brace (superEvent, the node's last property, may follow). */
  readonly nodeOpen: string;
  /** The event's mentions as CSV records. */
  readonly mentions: string;
}

/**
 * An agreement rendered around its signing event (settled once every event is fused): the
 * `signing_event_id` cell and the node's `signingEvent`, completed with signingCell and
 * signingEventText (jsonld.ts).
 */
export interface RenderedAgreement {
  readonly row: Row;
  readonly csvHead: string;
  readonly csvTail: string;
  readonly nodeHead: string;
  readonly nodeTail: string;
  readonly mentions: string;
}

const PARENT_COLUMN = 'parent_event_id';

export function renderEvent(event: UnparentedEvent, baseUri: string): RenderedEvent {
  const row = eventRow(event);
  const around = csvRecordAround(EVENTS_TABLE, row, PARENT_COLUMN);
  const node = eventNodeText(event, baseUri);
  return { row, csvHead: around.head, csvTail: around.tail, nodeOpen: node.slice(0, -1), mentions: csvRecords(MENTIONS_TABLE, eventMentions([event])) };
}

const parentColumn = EVENTS_TABLE.columns.find((c) => c.name === PARENT_COLUMN);
if (parentColumn === undefined) throw new Error(`events has no ${PARENT_COLUMN} column`);

/** The parent_event_id cell between an event's csvHead and csvTail ('' when it has none). */
export function parentCell(parentEventId: string | undefined): string {
  return parentEventId === undefined ? '' : csvValue(parentColumn as NonNullable<typeof parentColumn>, parentEventId);
}

/** What closes an event's nodeOpen: its superEvent when it has a parent, then the brace. */
export function nodeEnd(parentEventId: string | undefined, baseUri: string): string {
  return parentEventId === undefined ? '}' : `,"superEvent":${JSON.stringify(`${baseUri}events/${parentEventId}`)}}`;
}

const SIGNING_COLUMN = 'signing_event_id';
const signingColumn = AGREEMENTS_TABLE.columns.find((c) => c.name === SIGNING_COLUMN);
if (signingColumn === undefined) throw new Error(`agreements has no ${SIGNING_COLUMN} column`);

/** `agreement` without its signing event (signingEventId undefined): see RenderedAgreement. */
export function renderAgreement(agreement: FusedAgreement, baseUri: string): RenderedAgreement {
  const row = agreementRow(agreement);
  const around = csvRecordAround(AGREEMENTS_TABLE, row, SIGNING_COLUMN);
  const node = agreementNodeAround(agreement, baseUri);
  return { row, csvHead: around.head, csvTail: around.tail, nodeHead: node.head, nodeTail: node.tail, mentions: csvRecords(MENTIONS_TABLE, agreementMentions([agreement])) };
}

/** The signing_event_id cell between an agreement's csvHead and csvTail ('' when it has none). */
export function signingCell(signingEventId: string | undefined): string {
  return signingEventId === undefined ? '' : csvValue(signingColumn as NonNullable<typeof signingColumn>, signingEventId);
}

