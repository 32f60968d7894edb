import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { maskSensitive } from '@dvc/core';
import { DeliveryReceipt, OutgoingSms, SmsProvider } from './sms-provider';

/** For development without an SMS centre: writes the message (masked) to the log and reports it delivered. */
export class LogProvider implements SmsProvider {
  readonly name = 'log';
  private readonly logger = new Logger('LogSmsProvider');
  private readonly listeners: ((r: DeliveryReceipt) => void)[] = [];

  onReceipt(listener: (receipt: DeliveryReceipt) => void): void {
    this.listeners.push(listener);
  }

  async send(sms: OutgoingSms): Promise<{ providerMessageId: string }> {
    const providerMessageId = `log-${randomUUID()}`;
    this.logger.log(`SMS to ${maskSensitive(sms.to)} from ${sms.sender} (${sms.segments} segment(s)): ${maskSensitive(sms.text)}`);
    setImmediate(() => this.listeners.forEach((l) => l({ providerMessageId, status: 'delivered', detail: 'LOGGED' })));
    return { providerMessageId };
  }

  async close(): Promise<void> {
    // nothing to close
  }
}
