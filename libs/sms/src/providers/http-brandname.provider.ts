import { DeliveryReceipt, OutgoingSms, SmsProvider, SmsSendError } from './sms-provider';

export interface HttpBrandnameOptions {
  url: string;
  username: string;
  password: string;
  timeoutMs?: number;
}

/**
 * A VNPT-style brandname HTTP API: JSON in, `{errorCode: '000', messageId}` out. `requestId` is our message id,
 * so a retry after a lost answer is recognised by the carrier and not sent twice.
 */
export class HttpBrandnameProvider implements SmsProvider {
  readonly name = 'http';

  constructor(private readonly options: HttpBrandnameOptions) {}

  onReceipt(): void {
    // This API has no delivery push; messages stay "sent".
  }

  async send(sms: OutgoingSms): Promise<{ providerMessageId: string }> {
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: this.options.username,
          password: this.options.password,
          brandname: sms.sender,
          phone: sms.to,
          message: sms.text,
          requestId: sms.reference,
          unicode: sms.encoding === 'UCS2' ? 1 : 0,
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new SmsSendError(`brandname API unreachable: ${(error as Error).message}`, true);
    }
    if (response.status >= 500) throw new SmsSendError(`brandname API answered HTTP ${response.status}`, true);
    const body = (await response.json().catch(() => ({}))) as { errorCode?: string; errorMessage?: string; messageId?: string };
    if (body.errorCode === '000' && body.messageId) return { providerMessageId: String(body.messageId) };
    if (body.errorCode === '429') throw new SmsSendError('throttled by the brandname API', true, true);
    const permanent = body.errorCode === '401' || body.errorCode === '400';
    throw new SmsSendError(`brandname API error ${body.errorCode ?? response.status}: ${body.errorMessage ?? ''}`.trim(), !permanent);
  }

  async close(): Promise<void> {
    // stateless
  }
}

export type { DeliveryReceipt };
