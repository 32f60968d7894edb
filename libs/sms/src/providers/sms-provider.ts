export interface OutgoingSms {
  /** Our message id: a reference the carrier may use to drop duplicates. */
  reference: string;
  to: string;
  sender: string;
  text: string;
  encoding: 'GSM7' | 'UCS2';
  segments: number;
}

export interface DeliveryReceipt {
  providerMessageId: string;
  status: 'delivered' | 'failed';
  detail: string;
  /** Other spellings of the same id (SMPP: hex or decimal, either case) under which the message may be stored. */
  alternativeIds?: string[];
}

/** `retryable: false` means sending again cannot help (e.g. the number is invalid). */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly throttled = false,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}

export interface SmsProvider {
  readonly name: string;
  send(sms: OutgoingSms): Promise<{ providerMessageId: string }>;
  /** Delivery receipts pushed by the carrier (SMPP deliver_sm); providers without a push never call it. */
  onReceipt(listener: (receipt: DeliveryReceipt) => void): void;
  /** Connects now rather than at the first send (a session that also receives, such as SMPP's). */
  open?(): void;
  close(): Promise<void>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');
