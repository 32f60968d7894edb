/**
 * The VNPay 2.1.0 payment URL (`vnp_Command=pay`) the citizen's browser is redirected to.
 */
import { formatCompact } from '../calendar';
import { foldDiacritics } from '../text/fold-diacritics';
import { signVnpay, vnpayQueryString } from './vnpay-signature';

export const VNPAY_VERSION = '2.1.0';
export const VNPAY_MAX_ORDER_INFO_LENGTH = 255;
export const VNPAY_MAX_TXN_REF_LENGTH = 100;

export type VnpayLocale = 'vn' | 'en';

export interface VnpayPaymentUrlInput {
  /** Gateway page, e.g. `https://sandbox.vnpayment.vn/paymentv2/vpcpay.html`. */
  payUrl: string;
  tmnCode: string;
  secret: string;
  /** Whole VND (> 0); sent as `vnp_Amount` = amountVnd × 100. */
  amountVnd: number;
  /** Merchant reference, unique per day (VNPay); printable ASCII without spaces, ≤ 100 chars. */
  txnRef: string;
  /** Free text; diacritics are folded and characters outside `[A-Za-z0-9 .,:_-]` removed. */
  orderInfo: string;
  returnUrl: string;
  ipAddr: string;
  createdAt: Date;
  expiresInMinutes?: number;
  locale?: VnpayLocale;
  orderType?: string;
  bankCode?: string;
}

export interface VnpayPaymentUrl {
  url: string;
  /** Every parameter in the URL, including `vnp_SecureHash`. */
  params: Record<string, string>;
}

/**
 * `vnp_Amount` for a whole-VND amount: amountVnd × 100 as an integer string. Accepts a number or a decimal
 * string with a zero fraction (a PostgreSQL `numeric` such as "150000.00"); throws on non-integer or ≤ 0 amounts.
 */
export function vndToVnpAmount(amountVnd: number | string): string {
  const vnd = typeof amountVnd === 'string' && /^\d+(?:\.0+)?$/.test(amountVnd.trim()) ? Number(amountVnd) : amountVnd;
  if (typeof vnd !== 'number' || !Number.isSafeInteger(vnd) || vnd <= 0 || !Number.isSafeInteger(vnd * 100)) {
    throw new RangeError(`Invalid VNPay amount ${JSON.stringify(amountVnd)}: expected a whole number of VND > 0`);
  }
  return String(vnd * 100);
}

/** Whole VND from a `vnp_Amount` string (×100); null when it is not a non-negative multiple of 100. */
export function vnpAmountToVnd(vnpAmount: unknown): number | null {
  const text = typeof vnpAmount === 'number' ? String(vnpAmount) : vnpAmount;
  if (typeof text !== 'string' || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value % 100 !== 0) return null;
  return value / 100;
}

/**
 * `vnp_OrderInfo` as VNPay recommends it: Vietnamese without diacritics and no special characters.
 * Keeps `[A-Za-z0-9 .,:_-]`, collapses whitespace, trims, cuts to 255 characters.
 */
export function sanitizeVnpayOrderInfo(text: string): string {
  return foldDiacritics(String(text ?? ''))
    .replace(/[^A-Za-z0-9 .,:_-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, VNPAY_MAX_ORDER_INFO_LENGTH)
    .trim();
}

export function buildVnpayPaymentUrl(input: VnpayPaymentUrlInput): VnpayPaymentUrl {
  const {
    payUrl,
    tmnCode,
    secret,
    amountVnd,
    txnRef,
    orderInfo,
    returnUrl,
    ipAddr,
    createdAt,
    expiresInMinutes = 15,
    locale = 'vn',
    orderType = 'other',
    bankCode,
  } = input;

  requireText(payUrl, 'payUrl');
  requireText(tmnCode, 'tmnCode');
  requireText(secret, 'secret');
  requireText(returnUrl, 'returnUrl');
  requireText(ipAddr, 'ipAddr');
  requireText(orderType, 'orderType');
  if (typeof txnRef !== 'string' || !/^[\x21-\x7e]+$/.test(txnRef) || txnRef.length > VNPAY_MAX_TXN_REF_LENGTH) {
    throw new RangeError(`Invalid VNPay txnRef ${JSON.stringify(txnRef)}: printable ASCII, no spaces, ≤ 100 chars`);
  }
  if (locale !== 'vn' && locale !== 'en') {
    throw new RangeError(`Invalid VNPay locale ${JSON.stringify(locale)}: expected "vn" or "en"`);
  }
  if (!Number.isInteger(expiresInMinutes) || expiresInMinutes <= 0) {
    throw new RangeError(`Invalid expiresInMinutes ${String(expiresInMinutes)}: expected a positive integer`);
  }
  const created = createdAt instanceof Date ? createdAt.getTime() : NaN;
  if (!Number.isFinite(created)) throw new RangeError('Invalid createdAt: expected a valid Date');
  const info = sanitizeVnpayOrderInfo(orderInfo);
  if (info.length === 0) throw new RangeError('Invalid orderInfo: nothing left after removing special characters');

  const params: Record<string, string> = {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: tmnCode,
    vnp_Amount: vndToVnpAmount(amountVnd),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: txnRef,
    vnp_OrderInfo: info,
    vnp_OrderType: orderType,
    vnp_Locale: locale,
    vnp_ReturnUrl: returnUrl,
    vnp_IpAddr: ipAddr,
    vnp_CreateDate: formatCompact(createdAt),
    vnp_ExpireDate: formatCompact(new Date(created + expiresInMinutes * 60_000)),
  };
  if (bankCode !== undefined && bankCode !== '') params.vnp_BankCode = bankCode;

  const query = vnpayQueryString(params);
  const secureHash = signVnpay(params, secret);
  params.vnp_SecureHash = secureHash;
  const separator = payUrl.includes('?') ? '&' : '?';
  return { url: `${payUrl}${separator}${query}&vnp_SecureHash=${secureHash}`, params };
}

function requireText(value: unknown, name: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RangeError(`Invalid ${name}: expected a non-empty string`);
  }
}
