// The customer's side: the payment page opens a transaction; paying or cancelling settles it, sends the IPN and
// answers where the browser goes back to.
import { formatVnpayDate, parseVnpayDate, signVnpay, verifyVnpay, vnpAmountToVnd, vnpayQueryString, VNPAY_VERSION } from '@dvc/core';
import type { IpnDelivery, SettleResult, SimulatedTransaction } from './gateway-types';
import type { GatewayState } from './gateway-state';
import { appendQuery, HttpError, httpGet, isHttpUrl } from './http-io';
import { isVnpayDate } from './vnpay-fields';

export function openPayment(state: GatewayState, query: URLSearchParams): SimulatedTransaction {
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    params[key] = all.length === 1 ? all[0] : all;
  }
  if (!verifyVnpay(params, state.secret)) throw new HttpError(400, 'Sai chữ ký', 'Chữ ký (vnp_SecureHash) không hợp lệ.');
  const p = params as Record<string, string>;
  if (p.vnp_TmnCode !== state.tmnCode) throw new HttpError(400, 'Mã website (vnp_TmnCode) không hợp lệ');
  const malformed = new HttpError(400, 'Dữ liệu gửi sang không đúng định dạng');
  if (p.vnp_Version !== VNPAY_VERSION || p.vnp_Command !== 'pay' || p.vnp_CurrCode !== 'VND') throw malformed;
  for (const key of ['vnp_TxnRef', 'vnp_OrderInfo', 'vnp_ReturnUrl', 'vnp_IpAddr', 'vnp_CreateDate']) {
    if (!p[key]) throw new HttpError(400, 'Dữ liệu gửi sang không đúng định dạng', `Thiếu ${key}.`);
  }
  if (!isHttpUrl(p.vnp_ReturnUrl)) throw new HttpError(400, 'Dữ liệu gửi sang không đúng định dạng', 'vnp_ReturnUrl không hợp lệ.');
  if (!isVnpayDate(p.vnp_CreateDate)) throw new HttpError(400, 'Dữ liệu gửi sang không đúng định dạng', 'vnp_CreateDate không hợp lệ.');
  const amount = vnpAmountToVnd(p.vnp_Amount);
  if (amount === null || amount <= 0) throw new HttpError(400, 'Số tiền không hợp lệ');
  if (p.vnp_ExpireDate !== undefined) {
    if (!isVnpayDate(p.vnp_ExpireDate)) throw new HttpError(400, 'Dữ liệu gửi sang không đúng định dạng', 'vnp_ExpireDate không hợp lệ.');
    if (state.now().getTime() > parseVnpayDate(p.vnp_ExpireDate).getTime()) {
      throw new HttpError(400, 'Giao dịch đã quá thời gian chờ thanh toán', `Hết hạn lúc ${p.vnp_ExpireDate}.`);
    }
  }
  const existing = state.transactions.get(p.vnp_TxnRef);
  if (existing && existing.status !== 'pending') throw new HttpError(400, 'Giao dịch đã tồn tại', `Mã ${p.vnp_TxnRef}.`);
  const at = state.iso();
  const tx: SimulatedTransaction = {
    txnRef: p.vnp_TxnRef,
    tmnCode: p.vnp_TmnCode,
    amount,
    vnpAmount: p.vnp_Amount,
    orderInfo: p.vnp_OrderInfo,
    returnUrl: p.vnp_ReturnUrl,
    ipAddr: p.vnp_IpAddr,
    locale: p.vnp_Locale ?? 'vn',
    bankCode: p.vnp_BankCode || undefined,
    createDate: p.vnp_CreateDate,
    expireDate: p.vnp_ExpireDate,
    status: 'pending',
    refundedAmount: 0,
    refunds: [],
    ipnResponses: [],
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  state.transactions.set(tx.txnRef, tx);
  return tx;
}

export async function settle(state: GatewayState, txnRef: string, outcome: 'paid' | 'cancelled'): Promise<SettleResult> {
  if (outcome !== 'paid' && outcome !== 'cancelled') throw new HttpError(400, "outcome must be 'paid' or 'cancelled'");
  const tx = typeof txnRef === 'string' ? state.transactions.get(txnRef) : undefined;
  if (!tx) throw new HttpError(404, 'Không tìm thấy giao dịch', `Mã ${String(txnRef)}.`);
  if (tx.status !== 'pending') throw new HttpError(409, 'Giao dịch đã được xử lý', `Trạng thái: ${tx.status}.`);

  const payDate = formatVnpayDate(state.now());
  let responseCode: string;
  let transactionStatus: string;
  if (outcome === 'cancelled') {
    [responseCode, transactionStatus, tx.status] = ['24', '02', 'cancelled'];
  } else if (tx.expireDate && state.now().getTime() > parseVnpayDate(tx.expireDate).getTime()) {
    [responseCode, transactionStatus, tx.status] = ['11', '02', 'failed'];
  } else if (state.behaviour.failNext) {
    state.behaviour.failNext = false;
    [responseCode, transactionStatus, tx.status] = ['51', '02', 'failed'];
  } else {
    [responseCode, transactionStatus, tx.status] = ['00', '00', 'paid'];
  }
  const paid = tx.status === 'paid';
  tx.responseCode = responseCode;
  tx.transactionStatus = transactionStatus;
  tx.transactionNo = paid ? state.newTransactionNo() : '0';
  tx.bankTranNo = paid ? `VNP${tx.transactionNo}` : undefined;
  tx.bankCode = paid ? 'NCB' : outcome === 'cancelled' ? 'VNPAY' : 'NCB';
  tx.payDate = payDate;
  tx.updatedAt = state.iso();

  const unsigned: Record<string, string> = {
    vnp_Amount: tx.vnpAmount,
    vnp_BankCode: tx.bankCode,
    vnp_OrderInfo: tx.orderInfo,
    vnp_PayDate: payDate,
    vnp_ResponseCode: responseCode,
    vnp_TmnCode: tx.tmnCode,
    vnp_TransactionNo: tx.transactionNo,
    vnp_TransactionStatus: transactionStatus,
    vnp_TxnRef: tx.txnRef,
  };
  if (paid) {
    unsigned.vnp_BankTranNo = tx.bankTranNo as string;
    unsigned.vnp_CardType = 'ATM';
  }
  const params = { ...unsigned, vnp_SecureHash: signVnpay(unsigned, state.secret) };
  tx.resultParams = params;
  const query = `${vnpayQueryString(params)}&vnp_SecureHash=${params.vnp_SecureHash}`;
  const returnUrl = appendQuery(tx.returnUrl, query);
  const ipnTarget = appendQuery(state.ipnUrl, query);

  const ipnResponses: IpnDelivery[] = [];
  let ipnScheduled = false;
  const mode = state.behaviour.ipn;
  if (mode === 'normal' || mode === 'duplicate') {
    for (let i = 0; i < (mode === 'duplicate' ? 2 : 1); i++) {
      ipnResponses.push(await state.track(deliverIpn(state, tx, ipnTarget)));
    }
  } else if (mode === 'delay') {
    ipnScheduled = true;
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      void state.track(deliverIpn(state, tx, ipnTarget));
    }, state.behaviour.ipnDelayMs);
    state.timers.add(timer);
  }
  return { transaction: tx, params, returnUrl, ipnResponses, ipnScheduled };
}

async function deliverIpn(state: GatewayState, tx: SimulatedTransaction, url: string): Promise<IpnDelivery> {
  const delivery: IpnDelivery = { attempt: tx.ipnResponses.length + 1, at: state.iso(), url, httpStatus: null, response: null };
  tx.ipnResponses.push(delivery);
  const abort = new AbortController();
  state.aborts.add(abort);
  try {
    const { status, body } = await httpGet(url, state.ipnTimeoutMs, abort.signal);
    delivery.httpStatus = status;
    try {
      delivery.response = JSON.parse(body);
    } catch {
      delivery.response = body;
    }
  } catch (error) {
    delivery.error = (error as Error).message;
  } finally {
    state.aborts.delete(abort);
  }
  return delivery;
}
