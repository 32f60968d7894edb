import type { OutboxTopic } from './outbox-message.entity';

export const SMS_QUEUE = 'sms';
/** The SMS jobs' backoff: exponential with a cap, computed by the SMS worker (settings.backoffStrategy). */
export const SMS_BACKOFF = 'sms-capped-exponential';
export const NATIONAL_PORTAL_QUEUE = 'national-portal';
export const PAYMENTS_QUEUE = 'payments';
export const DEADLINES_QUEUE = 'deadlines';
export const REPORT_FACTS_QUEUE = 'report-facts';
export const REORGANIZATIONS_QUEUE = 'reorganizations';

/** The queue each outbox topic is relayed to. Topics without a consumer yet stay in the outbox. */
export const QUEUE_OF_TOPIC: Partial<Record<OutboxTopic, string>> = {
  sms: SMS_QUEUE,
  payment: PAYMENTS_QUEUE,
  national_portal: NATIONAL_PORTAL_QUEUE,
};

export interface OutboxJob {
  outboxId: string;
}
