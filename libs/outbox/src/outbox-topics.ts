import type { OutboxTopic } from './outbox-message.entity';

/** An SMS to send: the template (by kind), its variables, and the agency whose sender name it carries. */
export interface SmsNoticePayload {
  to: string;
  template: string;
  agencyCode?: string | null;
  variables?: Record<string, string | number>;
}

/** A push of a dossier to the national portal; `eventId` names the event whose progress line goes with it. */
export interface PortalPushPayload {
  dossierCode: string;
  status?: string;
  nationalStatus?: number;
  eventId?: string;
}

/** Money owed back: the dossier, and the payment when one is named (a late payment for a closed dossier). */
export interface PaymentJobPayload {
  dossierId: string;
  dossierCode?: string;
  paymentId?: string;
  reason: string;
}

/** What each topic's payload holds: written by the builders below, read by the topic's consumer with payloadOf. */
export interface OutboxPayloads {
  sms: SmsNoticePayload;
  national_portal: PortalPushPayload;
  payment: PaymentJobPayload;
}

export type SmsKind = string;
export type PortalPushKind = 'dossier_sync' | 'dossier_resync';
export type PaymentJobKind = 'refund_due';

interface EntryOptions {
  dossierCode?: string | null;
  priority?: number;
  /**
   * Merge a value known only inside the writing statement into the payload: key → SQL expression (e.g. the id of
   * the event inserted by the same statement). Only `outboxInsertSql` honours it.
   */
  payloadSql?: Record<string, string>;
}

/** One outbox row to write, its payload of the type its topic holds. */
export type OutboxEntry = { [T in OutboxTopic]: { topic: T; kind: string; payload: OutboxPayloads[T] } & EntryOptions }[OutboxTopic];

export const smsNotice = (kind: SmsKind, payload: SmsNoticePayload, options: EntryOptions = {}): OutboxEntry => ({ topic: 'sms', kind, payload, ...options });

export const portalPush = (kind: PortalPushKind, payload: PortalPushPayload, options: EntryOptions = {}): OutboxEntry => ({
  topic: 'national_portal',
  kind,
  payload,
  dossierCode: payload.dossierCode,
  ...options,
});

export const paymentJob = (kind: PaymentJobKind, payload: PaymentJobPayload, options: EntryOptions = {}): OutboxEntry => ({
  topic: 'payment',
  kind,
  payload,
  ...options,
});

/** A stored row's payload as its topic's type (the row was written by a builder above, in the same release). */
export function payloadOf<T extends OutboxTopic>(_topic: T, row: { payload: unknown }): OutboxPayloads[T] {
  return row.payload as OutboxPayloads[T];
}
