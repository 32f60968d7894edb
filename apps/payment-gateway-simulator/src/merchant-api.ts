// The merchant's server-to-server API: querydr and refund, pipe-signed both ways (see libs/core/src/payments).
import {
  formatVnpayDate,
  signVnpayQueryDrResponse,
  signVnpayRefundResponse,
  verifyVnpayQueryDrRequest,
  verifyVnpayRefundRequest,
  vnpAmountToVnd,
} from '@dvc/core';
import type { GatewayState } from './gateway-state';
import { isVnpayDate, queryDrStatus } from './vnpay-fields';

export function transactionApi(state: GatewayState, body: unknown): Record<string, string> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return signVnpayQueryDrResponse(apiError(state, '', '03', 'Dữ liệu gửi sang không đúng định dạng', {}), state.secret) as unknown as Record<string, string>;
  }
  const b = body as Record<string, unknown>;
  if (b.vnp_Command === 'refund') return refund(state, b) as unknown as Record<string, string>;
  if (b.vnp_Command === 'querydr') return queryDr(state, b) as unknown as Record<string, string>;
  return signVnpayQueryDrResponse(
    apiError(state, String(b.vnp_Command ?? ''), '03', 'Dữ liệu gửi sang không đúng định dạng', b),
    state.secret,
  ) as unknown as Record<string, string>;
}

function apiError(state: GatewayState, command: string, code: string, message: string, b: Record<string, unknown>) {
  return {
    vnp_ResponseId: state.responseId(),
    vnp_Command: command,
    vnp_ResponseCode: code,
    vnp_Message: message,
    vnp_TmnCode: state.tmnCode,
    ...(typeof b.vnp_TxnRef === 'string' ? { vnp_TxnRef: b.vnp_TxnRef } : {}),
  };
}

function queryDr(state: GatewayState, b: Record<string, unknown>) {
  const fail = (code: string, message: string) => signVnpayQueryDrResponse(apiError(state, 'querydr', code, message, b), state.secret);
  if (!verifyVnpayQueryDrRequest(b, state.secret)) return fail('97', 'Checksum không hợp lệ');
  if (b.vnp_TmnCode !== state.tmnCode) return fail('02', 'Mã định danh kết nối không hợp lệ');
  const required = ['vnp_RequestId', 'vnp_Version', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr'];
  if (required.some((k) => typeof b[k] !== 'string' || b[k] === '') || !isVnpayDate(b.vnp_TransactionDate) || !isVnpayDate(b.vnp_CreateDate)) {
    return fail('03', 'Dữ liệu gửi sang không đúng định dạng');
  }
  if (!state.claimRequestId(b.vnp_RequestId as string)) return fail('94', 'Yêu cầu bị trùng lặp');
  const tx = state.transactions.get(b.vnp_TxnRef as string);
  if (!tx) return fail('91', 'Không tìm thấy giao dịch yêu cầu');
  const lastRefund = tx.refunds[tx.refunds.length - 1];
  const settled = tx.status !== 'pending';
  return signVnpayQueryDrResponse(
    {
      vnp_ResponseId: state.responseId(),
      vnp_Command: 'querydr',
      vnp_ResponseCode: '00',
      vnp_Message: 'QueryDR Success',
      vnp_TmnCode: state.tmnCode,
      vnp_TxnRef: tx.txnRef,
      vnp_Amount: tx.vnpAmount,
      vnp_OrderInfo: tx.orderInfo,
      ...(settled ? { vnp_BankCode: tx.bankCode, vnp_PayDate: tx.payDate, vnp_TransactionNo: tx.transactionNo } : {}),
      vnp_TransactionType: lastRefund ? lastRefund.transactionType : '01',
      vnp_TransactionStatus: queryDrStatus(tx),
    },
    state.secret,
  );
}

function refund(state: GatewayState, b: Record<string, unknown>) {
  const fail = (code: string, message: string) => signVnpayRefundResponse(apiError(state, 'refund', code, message, b), state.secret);
  if (!verifyVnpayRefundRequest(b, state.secret)) return fail('97', 'Checksum không hợp lệ');
  if (b.vnp_TmnCode !== state.tmnCode) return fail('02', 'Mã định danh kết nối không hợp lệ');
  const required = ['vnp_RequestId', 'vnp_Version', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_CreateBy'];
  const amount = vnpAmountToVnd(b.vnp_Amount);
  const type = b.vnp_TransactionType;
  if (
    required.some((k) => typeof b[k] !== 'string' || b[k] === '') ||
    !isVnpayDate(b.vnp_TransactionDate) ||
    !isVnpayDate(b.vnp_CreateDate) ||
    (type !== '02' && type !== '03') ||
    amount === null ||
    amount <= 0
  ) {
    return fail('03', 'Dữ liệu gửi sang không đúng định dạng');
  }
  if (!state.claimRequestId(b.vnp_RequestId as string)) return fail('94', 'Yêu cầu bị trùng lặp');
  const tx = state.transactions.get(b.vnp_TxnRef as string);
  if (!tx) return fail('91', 'Không tìm thấy giao dịch yêu cầu hoàn trả');
  if (tx.status === 'refunded') return fail('94', 'Giao dịch đã được gửi yêu cầu hoàn tiền trước đó');
  if (tx.status !== 'paid' && tx.status !== 'partially_refunded') {
    return fail('95', 'Giao dịch này không thành công bên VNPAY. VNPAY từ chối xử lý yêu cầu');
  }
  if (type === '02' && tx.refunds.length > 0) return fail('04', 'Không cho phép hoàn trả toàn phần sau khi hoàn trả một phần');
  const left = tx.amount - tx.refundedAmount;
  if (amount > left || (type === '02' && amount !== left)) {
    return fail('93', 'Số tiền hoàn trả không hợp lệ. Số tiền hoàn trả phải nhỏ hơn hoặc bằng số tiền thanh toán.');
  }
  tx.refunds.push({ requestId: b.vnp_RequestId as string, transactionType: type, amount, createBy: b.vnp_CreateBy as string, at: state.iso() });
  tx.refundedAmount += amount;
  tx.status = tx.refundedAmount === tx.amount ? 'refunded' : 'partially_refunded';
  tx.updatedAt = state.iso();
  return signVnpayRefundResponse(
    {
      vnp_ResponseId: state.responseId(),
      vnp_Command: 'refund',
      vnp_ResponseCode: '00',
      vnp_Message: 'Refund success',
      vnp_TmnCode: state.tmnCode,
      vnp_TxnRef: tx.txnRef,
      vnp_Amount: b.vnp_Amount as string,
      vnp_OrderInfo: typeof b.vnp_OrderInfo === 'string' ? b.vnp_OrderInfo : '',
      vnp_BankCode: tx.bankCode,
      vnp_PayDate: formatVnpayDate(state.now()),
      vnp_TransactionNo: tx.transactionNo,
      vnp_TransactionType: type,
      vnp_TransactionStatus: '05',
    },
    state.secret,
  );
}
