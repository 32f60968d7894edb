/**
 * VNPay 2.1.0 server-to-server "refund": `POST {api}/merchant_webapi/api/transaction` with a JSON body.
 *
 * Hash orders confirmed against public client code (lehuygiang28/vnpay `src/services/query.service.ts`, which
 * mirrors VNPay's API documentation):
 *   request:  RequestId|Version|Command|TmnCode|TransactionType|TxnRef|Amount|TransactionNo|TransactionDate|
 *             CreateBy|CreateDate|IpAddr|OrderInfo
 *   response: ResponseId|Command|ResponseCode|Message|TmnCode|TxnRef|Amount|BankCode|PayDate|TransactionNo|
 *             TransactionType|TransactionStatus|OrderInfo
 * `vnp_Amount` is ×100 like everywhere in VNPay (the response is hashed over the amount exactly as received).
 * `vnp_TransactionNo` is optional at VNPay; like VNPay's own Node sample we send "0" when it is unknown.
 * Response codes (same source): 00 success, 02 invalid TmnCode, 03 malformed data, 91 transaction not found,
 * 94 a refund was already requested and is being processed, 95 the transaction did not succeed at VNPay (refused),
 * 97 invalid checksum, 99 other.
 */
import { formatCompact } from '../calendar';
import { VNPAY_VERSION, vndToVnpAmount } from './vnpay-payment-url';
import { newVnpayRequestId, vnpayTransactionDate } from './vnpay-querydr';
import { verifyVnpayPipe, vnpayPipeHash, vnpayPipeValues } from './vnpay-signature';

/** '02' full refund, '03' partial refund. */
export type VnpayRefundType = '02' | '03';

export interface VnpayRefundInput {
  tmnCode: string;
  secret: string;
  txnRef: string;
  /** Whole VND to refund (> 0); sent ×100. */
  amountVnd: number;
  transactionType: VnpayRefundType;
  /** VNPay's `vnp_TransactionNo` of the payment; "0" when omitted. */
  transactionNo?: string;
  /** `vnp_CreateDate` of the original payment: a Date or its `yyyyMMddHHmmss` string. */
  transactionDate: Date | string;
  /** Who asks for the refund (an officer's user name). */
  createBy: string;
  orderInfo: string;
  ipAddr: string;
  createdAt: Date;
  /** Unique per day, ≤ 32 chars; a random 32-hex id when omitted. */
  requestId?: string;
}

export interface VnpayRefundRequest {
  vnp_RequestId: string;
  vnp_Version: string;
  vnp_Command: 'refund';
  vnp_TmnCode: string;
  vnp_TransactionType: VnpayRefundType;
  vnp_TxnRef: string;
  vnp_Amount: string;
  vnp_OrderInfo: string;
  vnp_TransactionNo: string;
  vnp_TransactionDate: string;
  vnp_CreateBy: string;
  vnp_CreateDate: string;
  vnp_IpAddr: string;
  vnp_SecureHash: string;
}

export interface VnpayRefundResponse {
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
  vnp_SecureHash: string;
}

/** Any JSON object (typed request/response interfaces included). */
type Fields = object;

/** Signed fields of a refund request, in hash order. */
export const VNPAY_REFUND_REQUEST_HASH_FIELDS: readonly string[] = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TransactionType',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_TransactionNo',
  'vnp_TransactionDate',
  'vnp_CreateBy',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
];

/** Signed fields of a refund response, in hash order. */
export const VNPAY_REFUND_RESPONSE_HASH_FIELDS: readonly string[] = [
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
];

export function buildVnpayRefundRequest(input: VnpayRefundInput): VnpayRefundRequest {
  if (input.transactionType !== '02' && input.transactionType !== '03') {
    throw new RangeError(`Invalid VNPay refund type ${JSON.stringify(input.transactionType)}: expected "02" or "03"`);
  }
  if (typeof input.createBy !== 'string' || input.createBy.trim() === '') {
    throw new RangeError('Invalid createBy: expected a non-empty string');
  }
  const unsigned: Omit<VnpayRefundRequest, 'vnp_SecureHash'> = {
    vnp_RequestId: input.requestId ?? newVnpayRequestId(),
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'refund',
    vnp_TmnCode: input.tmnCode,
    vnp_TransactionType: input.transactionType,
    vnp_TxnRef: input.txnRef,
    vnp_Amount: vndToVnpAmount(input.amountVnd),
    vnp_OrderInfo: input.orderInfo,
    vnp_TransactionNo: input.transactionNo || '0',
    vnp_TransactionDate: vnpayTransactionDate(input.transactionDate),
    vnp_CreateBy: input.createBy,
    vnp_CreateDate: formatCompact(input.createdAt),
    vnp_IpAddr: input.ipAddr,
  };
  const values = vnpayPipeValues(unsigned, VNPAY_REFUND_REQUEST_HASH_FIELDS);
  return { ...unsigned, vnp_SecureHash: vnpayPipeHash(values, input.secret) };
}

/** Gateway side: does a refund request body carry a valid `vnp_SecureHash`? */
export function verifyVnpayRefundRequest(body: Fields, secret: string): boolean {
  return verifyVnpayPipe(body, secret, VNPAY_REFUND_REQUEST_HASH_FIELDS);
}

/** Gateway side (simulator): signs a refund response. */
export function signVnpayRefundResponse(response: Omit<VnpayRefundResponse, 'vnp_SecureHash'>, secret: string): VnpayRefundResponse {
  const values = vnpayPipeValues(response, VNPAY_REFUND_RESPONSE_HASH_FIELDS);
  return { ...response, vnp_SecureHash: vnpayPipeHash(values, secret) };
}

/** Merchant side: does a refund response carry a valid `vnp_SecureHash`? */
export function verifyVnpayRefundResponse(body: Fields, secret: string): boolean {
  return verifyVnpayPipe(body, secret, VNPAY_REFUND_RESPONSE_HASH_FIELDS);
}
