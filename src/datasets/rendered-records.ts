import type { FusedAgreement, UnparentedEvent } from '../records/fusion.js';
import { csvRecord, csvRecordAround, csvRecords, csvValue } from './csv.js';
import { agreementNodeText, eventNodeText } from './jsonld.js';
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

export interface RenderedAgreement {
  readonly row: Row;
  readonly csv: string;
  readonly node: string;
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

export function renderAgreement(agreement: FusedAgreement, baseUri: string): RenderedAgreement {
  const row = agreementRow(agreement);
  return { row, csv: csvRecord(AGREEMENTS_TABLE, row), node: agreementNodeText(agreement, baseUri), mentions: csvRecords(MENTIONS_TABLE, agreementMentions([agreement])) };
}
