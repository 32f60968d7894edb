/**
 * The pure decision behind VNPay's IPN (server-to-server payment notification, `GET ipnUrl?vnp_...`).
 *
 * The order of checks follows VNPay's official IPN samples (vnpay_nodejs / vnpay_php `vnpay_ipn`):
 *   checksum → order exists (and is ours: vnp_TmnCode is our terminal) → amount matches → order still unpaid →
 *   record the result.
 * The answer body is `{ RspCode, Message }`; RspCode 00 means "merchant has recorded it" — also for a failed
 * or cancelled payment, which is then recorded as failed. Only 00 and 02 stop VNPay's retries.
 *
 * One departure from the samples: a *successful* payment for an order we had already closed (cancelled when the
 * desk took cash, or failed/expired) is still recorded ('paid_late', RspCode 00), because the money did move at the
 * gateway; the merchant then refunds it. Answering 02 would leave the citizen's money at the gateway unrecorded.
 */
import { formatCompact, fromLocal, isValidYmd } from '../calendar';
import { vndToVnpAmount } from './vnpay-payment-url';
import { verifyVnpay } from './vnpay-signature';

export type VnpayIpnRspCode = '00' | '01' | '02' | '04' | '97' | '99';
export type VnpayPaymentStatus = 'awaiting' | 'paid' | 'cancelled' | 'refunded' | 'failed';

export interface VnpayIpnPayment {
  txnRef: string;
  /** Whole VND the merchant expects (a numeric string from a `numeric` column is accepted). */
  amountVnd: number | string;
  status: VnpayPaymentStatus;
}

export interface VnpayIpnLookup {
  /** The payment found by `vnp_TxnRef`, or null. */
  payment: VnpayIpnPayment | null;
  /** Our terminal (`vnp_TmnCode` of the payment URLs we build): an IPN for another merchant's order is not ours. */
  tmnCode: string;
}

export interface VnpayIpnDecision {
  rspCode: VnpayIpnRspCode;
  message: string;
  /**
   * What to record, only with RspCode 00: 'paid' / 'failed' for an open order; 'paid_late' for a success on an
   * order we had closed (record it, then refund it); 'none' otherwise (change nothing).
   */
  outcome: 'paid' | 'paid_late' | 'failed' | 'none';
}

export const VNPAY_IPN_MESSAGES: Readonly<Record<VnpayIpnRspCode, string>> = {
  '00': 'Confirm Success',
  '01': 'Order not found',
  '02': 'Order already confirmed',
  '04': 'Invalid amount',
  '97': 'Invalid signature',
  '99': 'Unknown error',
};

/** The JSON body to answer VNPay with. */
export function vnpayIpnResponseBody(decision: Pick<VnpayIpnDecision, 'rspCode' | 'message'>): {
  RspCode: VnpayIpnRspCode;
  Message: string;
} {
  return { RspCode: decision.rspCode, Message: decision.message };
}

/** True when the IPN reports a successful payment (both codes must be 00). */
export function isVnpayPaymentSuccess(params: object): boolean {
  const p = params as Readonly<Record<string, unknown>>;
  return p.vnp_ResponseCode === '00' && p.vnp_TransactionStatus === '00';
}

/**
 * Decides the IPN answer. Order: 97 invalid signature → 01 order not found (no payment, its txnRef differs
 * from `vnp_TxnRef`, or `vnp_TmnCode` is not our terminal) → 04 invalid amount → for an open order ('awaiting')
 * 00 with outcome 'paid' (vnp_ResponseCode = vnp_TransactionStatus = '00') or 'failed'; for a closed one
 * ('cancelled' / 'failed') a success is 00 'paid_late', anything else 02; paid or refunded: 02. A stored amount
 * that is not a whole VND > 0 is the merchant's own fault: 99.
 */
export function decideIpn(params: object, secret: string, lookup: VnpayIpnLookup): VnpayIpnDecision {
  if (!verifyVnpay(params, secret)) return decision('97');
  const p = params as Readonly<Record<string, unknown>>;
  const payment = lookup?.payment ?? null;
  if (!payment || typeof p.vnp_TxnRef !== 'string' || payment.txnRef !== p.vnp_TxnRef || p.vnp_TmnCode !== lookup.tmnCode) {
    return decision('01');
  }
  let expected: string;
  try {
    expected = vndToVnpAmount(payment.amountVnd);
  } catch {
    return decision('99');
  }
  const received = typeof p.vnp_Amount === 'number' ? String(p.vnp_Amount) : p.vnp_Amount;
  if (typeof received !== 'string' || !/^\d+$/.test(received) || received.replace(/^0+(?=\d)/, '') !== expected) {
    return decision('04');
  }
  const success = isVnpayPaymentSuccess(p);
  if (payment.status === 'awaiting') return { ...decision('00'), outcome: success ? 'paid' : 'failed' };
  if ((payment.status === 'cancelled' || payment.status === 'failed') && success) return { ...decision('00'), outcome: 'paid_late' };
  return decision('02');
}

function decision(rspCode: VnpayIpnRspCode): VnpayIpnDecision {
  return { rspCode, message: VNPAY_IPN_MESSAGES[rspCode], outcome: 'none' };
}

const VNPAY_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** Parses VNPay's `yyyyMMddHHmmss` (Asia/Ho_Chi_Minh wall clock) into an instant; throws on anything else. */
export function parseVnpayDate(text: string): Date {
  const m = typeof text === 'string' ? VNPAY_DATE.exec(text) : null;
  const ymd = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  if (!m || !isValidYmd(ymd) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) {
    throw new RangeError(`Invalid VNPay date ${JSON.stringify(text)}: expected yyyyMMddHHmmss`);
  }
  return fromLocal(ymd, `${m[4]}:${m[5]}:${m[6]}`);
}

/** Formats an instant as VNPay's `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh. */
export function formatVnpayDate(date: Date): string {
  return formatCompact(date);
}
