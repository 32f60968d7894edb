import { isValidDestination, normaliseNumber } from './phone-number';
import { countSegments } from './segments';
import type { SmsCentre } from './sms-centre';

/** VNPT-style answer. HTTP status is always 200; the outcome is in errorCode. */
export interface BrandnameAnswer {
  errorCode: '000' | '400' | '401' | '099' | '429';
  errorMessage: string;
  messageId?: string;
  requestId?: string;
}

export interface BrandnameCredentials {
  username: string;
  password: string;
}

type Fields = Record<string, unknown>;

/**
 * POST /brandname/send: `{username, password, brandname, phone, message, requestId, unicode?: 0|1}`.
 * Idempotent by (username, requestId): a repeat of an accepted request answers with the first messageId and
 * stores nothing. Failed or throttled requests are not remembered, so they may be retried with the same id.
 */
export class BrandnameService {
  private readonly acceptedByRequest = new Map<string, string>();

  constructor(
    private readonly centre: SmsCentre,
    private readonly credentials: BrandnameCredentials,
  ) {
    centre.onReset(() => this.acceptedByRequest.clear());
  }

  send(body: unknown, reply: (answer: BrandnameAnswer) => void): void {
    const answer = (a: BrandnameAnswer) => this.centre.afterLatency(() => reply(a));
    const fields: Fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Fields) : {};
    const requestId = scalar(fields.requestId);
    if (fields.username !== this.credentials.username || fields.password !== this.credentials.password) {
      return answer({ errorCode: '401', errorMessage: 'Authentication failed', ...(requestId ? { requestId } : {}) });
    }
    const invalid = validate(fields, requestId);
    if (invalid) return answer({ errorCode: '400', errorMessage: `Invalid parameter: ${invalid}`, ...(requestId ? { requestId } : {}) });
    const key = `${String(fields.username)}\u0000${requestId}`;
    const known = this.acceptedByRequest.get(key);
    if (known) {
      this.centre.countDuplicate();
      return answer({ errorCode: '000', errorMessage: 'Success', messageId: known, requestId });
    }
    const text = fields.message as string;
    const ucs2 = isUnicode(fields.unicode);
    const outcome = this.centre.submit({
      via: 'http',
      from: String(fields.brandname),
      to: normaliseNumber(String(fields.phone)),
      text,
      dataCoding: ucs2 ? 8 : 0,
      segments: countSegments(text, ucs2),
    });
    if (outcome.kind === 'throttled') return answer({ errorCode: '429', errorMessage: 'Too many requests', requestId });
    if (outcome.kind === 'failed') return answer({ errorCode: '099', errorMessage: 'System error', requestId });
    this.acceptedByRequest.set(key, outcome.messageId);
    this.centre.afterLatency(() => {
      reply({ errorCode: '000', errorMessage: 'Success', messageId: outcome.messageId, requestId });
      outcome.commit();
    });
  }

  /** GET /brandname/status?messageId= */
  status(messageId: string): { messageId: string; status: 'DELIVERED' | 'PENDING' | 'UNDELIVERED' } | null {
    const record = this.centre.statuses.get(messageId);
    return record ? { messageId, status: record.status } : null;
  }
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function isUnicode(value: unknown): boolean {
  return value === 1 || value === '1' || value === true;
}

/** The name of the first invalid field, or null. */
function validate(fields: Fields, requestId: string | undefined): string | null {
  if (!requestId) return 'requestId';
  if (typeof fields.brandname !== 'string' || fields.brandname.trim() === '') return 'brandname';
  const phone = scalar(fields.phone);
  if (!phone || !isValidDestination(normaliseNumber(phone))) return 'phone';
  if (typeof fields.message !== 'string' || fields.message === '') return 'message';
  if (![undefined, null, 0, 1, '0', '1', true, false].includes(fields.unicode as never)) return 'unicode';
  return null;
}
