import type { PartialDate } from '../dates/partial-date.js';

export type EventType = 'visit' | 'meeting' | 'call' | 'signing' | 'press_conference';

export const EVENT_TYPES: readonly EventType[] = ['visit', 'meeting', 'call', 'signing', 'press_conference'];

export type AgreementTopic =
  | 'visa' | 'consultation' | 'trade' | 'investment' | 'economic' | 'energy' | 'defense'
  | 'security' | 'judicial' | 'education' | 'culture' | 'health' | 'science' | 'transport'
  | 'agriculture' | 'environment' | 'tourism' | 'migration' | 'taxation' | 'communication'
  | 'youth_sports' | 'peace' | 'other' | 'unspecified';

export type AgreementStatus = 'signed' | 'announced' | 'ratified' | 'in_force';

/** A span of the article's normalised text that a row was read from. */
export interface Evidence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Place {
  /** English exonym. */
  readonly city?: string;
  /** ISO3. */
  readonly country?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly geonamesId?: number;
}

export interface Actor {
  readonly name?: string;
  readonly country?: string;
}

export interface ExtractedEvent {
  /** Unique within one article; agreements point at their signing event through it. */
  readonly localId: string;
  readonly type: EventType;
  readonly date?: PartialDate;
  /** ISO3 / CAMEO IGO codes, sorted, distinct. */
  readonly participants: readonly string[];
  /** For a visit: the visitor. */
  readonly actor1?: Actor;
  /** For a visit: the host. */
  readonly actor2?: Actor;
  readonly people: readonly string[];
  readonly location?: Place;
  readonly evidence: readonly Evidence[];
}

export interface ExtractedAgreement {
  readonly title: string;
  readonly topic: AgreementTopic;
  readonly parties: readonly string[];
  readonly signatories: readonly string[];
  readonly date?: PartialDate;
  readonly place?: Place;
  readonly status: AgreementStatus;
  readonly signingEventLocalId?: string;
  readonly evidence: readonly Evidence[];
}

export interface Extraction {
  readonly events: readonly ExtractedEvent[];
  readonly agreements: readonly ExtractedAgreement[];
}
