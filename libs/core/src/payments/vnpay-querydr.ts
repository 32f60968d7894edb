/**
 * VNPay 2.1.0 server-to-server "querydr" (query a transaction's result):
 * `POST {api}/merchant_webapi/api/transaction` with a JSON body.
 *
 * Unlike the payment URL, these JSON bodies are signed with HMAC-SHA512 over the *values* joined by `|` in a
 * fixed order. Orders confirmed against public client code (lehuygiang28/vnpay `src/services/query.service.ts`,
 * which mirrors VNPay's API documentation):
 *   request:  RequestId|Version|Command|TmnCode|TxnRef|TransactionDate|CreateDate|IpAddr|OrderInfo
 *   response: ResponseId|Command|ResponseCode|Message|TmnCode|TxnRef|Amount|BankCode|PayDate|TransactionNo|
 *             TransactionType|TransactionStatus|OrderInfo|PromotionCode|PromotionAmount
 * Absent values are hashed as empty strings. Response codes (same source): 00 success, 02 invalid TmnCode,
 * 03 malformed data, 91 transaction not found, 94 duplicate request, 97 invalid checksum, 99 other.
 * Transaction status: 00 paid, 01 not completed, 02 error, 04 reversed, 05 refund being processed by VNPay,
 * 06 refund sent to the bank, 07 suspected fraud, 09 refund rejected.
 */
import { randomBytes } from 'node:crypto';
import { formatCompact } from '../calendar';
import { VNPAY_VERSION } from './vnpay-payment-url';
import { verifyVnpayPipe, vnpayPipeHash, vnpayPipeValues } from './vnpay-signature';

export interface VnpayQueryDrInput {
  tmnCode: string;
  secret: string;
  txnRef: string;
  /** `vnp_CreateDate` of the original payment: a Date or its `yyyyMMddHHmmss` string. */
  transactionDate: Date | string;
  orderInfo: string;
  ipAddr: string;
  /** When this request is made. */
  createdAt: Date;
  /** Unique per day, ≤ 32 chars; a random 32-hex id when omitted. */
  requestId?: string;
}

export interface VnpayQueryDrRequest {
  vnp_RequestId: string;
  vnp_Version: string;
  vnp_Command: 'querydr';
  vnp_TmnCode: string;
  vnp_TxnRef: string;
  vnp_OrderInfo: string;
  vnp_TransactionDate: string;
  vnp_CreateDate: string;
  vnp_IpAddr: string;
  vnp_SecureHash: string;
}

/** The querydr answer (all values are strings in VNPay's JSON; absent ones are omitted). */
export interface VnpayQueryDrResponse {
  vnp_ResponseId: string;
  vnp_Command: string;
  vnp_ResponseCode: string;
  vnp_Message: string;
  vnp_TmnCode?: string;
  vnp_TxnRef?: string;
  vnp_Amount?: string;
  vnp_OrderInfo?: string;
  vnp_BankCode?: string;
  vnp_PayDate?: string;
  vnp_TransactionNo?: string;
  vnp_TransactionType?: string;
  vnp_TransactionStatus?: string;
  vnp_PromotionCode?: string;
  vnp_PromotionAmount?: string;
  vnp_SecureHash: string;
}

/** Any JSON object (typed request/response interfaces included). */
type Fields = object;

/** Signed fields of a querydr request, in hash order. */
export const VNPAY_QUERYDR_REQUEST_HASH_FIELDS: readonly string[] = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_TransactionDate',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
];

/** Signed fields of a querydr response, in hash order. */
export const VNPAY_QUERYDR_RESPONSE_HASH_FIELDS: readonly string[] = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
  'vnp_PromotionCode',
  'vnp_PromotionAmount',
];

/** A random `vnp_RequestId` (32 hex chars). */
export function newVnpayRequestId(): string {
  return randomBytes(16).toString('hex');
}

/** `vnp_TransactionDate`: the original payment's `vnp_CreateDate`, from a Date or the `yyyyMMddHHmmss` text. */
export function vnpayTransactionDate(value: Date | string): string {
  if (value instanceof Date) return formatCompact(value);
  if (typeof value === 'string' && /^\d{14}$/.test(value)) return value;
  throw new RangeError(`Invalid VNPay transaction date ${JSON.stringify(value)}: expected a Date or yyyyMMddHHmmss`);
}

export function buildVnpayQueryDrRequest(input: VnpayQueryDrInput): VnpayQueryDrRequest {
  const unsigned: Omit<VnpayQueryDrRequest, 'vnp_SecureHash'> = {
    vnp_RequestId: input.requestId ?? newVnpayRequestId(),
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'querydr',
    vnp_TmnCode: input.tmnCode,
    vnp_TxnRef: input.txnRef,
    vnp_OrderInfo: input.orderInfo,
    vnp_TransactionDate: vnpayTransactionDate(input.transactionDate),
    vnp_CreateDate: formatCompact(input.createdAt),
    vnp_IpAddr: input.ipAddr,
  };
  const values = vnpayPipeValues(unsigned, VNPAY_QUERYDR_REQUEST_HASH_FIELDS);
  return { ...unsigned, vnp_SecureHash: vnpayPipeHash(values, input.secret) };
}

/** Gateway side: does a querydr request body carry a valid `vnp_SecureHash`? */
export function verifyVnpayQueryDrRequest(body: Fields, secret: string): boolean {
  return verifyVnpayPipe(body, secret, VNPAY_QUERYDR_REQUEST_HASH_FIELDS);
}

/** Gateway side (simulator): signs a querydr response. */
export function signVnpayQueryDrResponse(response: Omit<VnpayQueryDrResponse, 'vnp_SecureHash'>, secret: string): VnpayQueryDrResponse {
  const values = vnpayPipeValues(response, VNPAY_QUERYDR_RESPONSE_HASH_FIELDS);
  return { ...response, vnp_SecureHash: vnpayPipeHash(values, secret) };
}

/** Merchant side: does a querydr response carry a valid `vnp_SecureHash`? */
export function verifyVnpayQueryDrResponse(body: Fields, secret: string): boolean {
  return verifyVnpayPipe(body, secret, VNPAY_QUERYDR_RESPONSE_HASH_FIELDS);
}
