export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'UNDELIVERED';

export interface MessageStatusRecord {
  status: DeliveryStatus;
  submittedAt: Date;
  doneAt?: Date;
}

/** Delivery status per accepted message id, for GET /brandname/status and query_sm. */
export class MessageStatusRegistry {
  private readonly records = new Map<string, MessageStatusRecord>();

  accepted(messageId: string, submittedAt: Date): void {
    this.records.set(messageId, { status: 'PENDING', submittedAt });
  }

  finished(messageId: string, status: Exclude<DeliveryStatus, 'PENDING'>, doneAt: Date): void {
    const record = this.records.get(messageId);
    if (record) Object.assign(record, { status, doneAt });
  }

  get(messageId: string): MessageStatusRecord | undefined {
    const record = this.records.get(messageId);
    return record && { ...record };
  }

  clear(): void {
    this.records.clear();
  }
}
