/**
 * A VNPay 2.1.0 gateway simulator for development and tests (plain node:http, no Nest).
 *
 * Routes
 *   GET  /paymentv2/vpcpay.html?vnp_...   checks signature (400 "Sai chữ ký"), vnp_TmnCode, format, amount and
 *                                         vnp_ExpireDate, records the transaction, shows the payment page
 *   POST /paymentv2/pay | /paymentv2/cancel   form field txnRef: settle, send the IPN, 302 to vnp_ReturnUrl
 *   POST /test/pay                        JSON {txnRef, outcome: 'paid'|'cancelled'} → {ipnResponses, returnUrl, …}
 *   POST /merchant_webapi/api/transaction JSON querydr / refund (pipe-signed, see libs/core/src/payments)
 *   GET  /transactions · POST /reset · POST /behaviour · GET /health
 *
 * Result parameters sent to the IPN and the Return URL (signed like VNPay, `vnp_SecureHash` only):
 *   paid       vnp_ResponseCode 00, vnp_TransactionStatus 00, vnp_BankCode NCB, vnp_CardType ATM, a TransactionNo
 *   cancelled  vnp_ResponseCode 24, vnp_TransactionStatus 02, vnp_BankCode VNPAY, vnp_TransactionNo 0
 *   failNext   the next "paid" is declined by the bank instead: 51 (insufficient funds) / 02, status 'failed'
 *   expired    paying after vnp_ExpireDate: 11 / 02, status 'failed'
 *
 * IPN behaviour ('normal' once and awaited · 'never' · 'duplicate' twice, awaited · 'delay' sent ipnDelayMs
 * after the action, NOT awaited: the browser is redirected before the IPN arrives). Each answer is recorded on
 * the transaction (`ipnResponses`). VNPay's retries of unanswered IPNs are not simulated.
 *
 * querydr answers (HTTP 200 always, like VNPay): 97 bad checksum · 02 wrong TmnCode · 03 missing/malformed
 * fields · 94 vnp_RequestId already used · 91 unknown TxnRef · 00 with vnp_TransactionStatus 01 pending,
 * 00 paid, 02 cancelled/failed, 06 refunded (vnp_TransactionType 02/03 of the last refund, else 01).
 * refund answers: 97 · 02 · 03 · 94 (RequestId reused, or already fully refunded) · 91 · 95 the payment did not
 * succeed (pending/cancelled/failed) · 04 full refund after a partial one · 93 amount above what is left
 * (or a full refund "02" for less than what is left) · 00 with vnp_TransactionStatus 05 (VNPay is processing the
 * refund); the transaction becomes 'refunded' (or 'partially_refunded') at once, and querydr then reports 06.
 */
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { closeHttpServer, httpUrl, listenOn, mulberry32Uint32, readBody, seedFromText } from '@dvc/simulator-kit';
import { errorPage, paymentPage } from './html';
import {
  formatVnpayDate,
  parseVnpayDate,
  signVnpay,
  signVnpayQueryDrResponse,
  signVnpayRefundResponse,
  verifyVnpay,
  verifyVnpayQueryDrRequest,
  verifyVnpayRefundRequest,
  vnpAmountToVnd,
  vnpayQueryString,
  VNPAY_VERSION,
} from '@dvc/core';

export type IpnBehaviour = 'normal' | 'never' | 'duplicate' | 'delay';

export interface GatewayBehaviour {
  ipn: IpnBehaviour;
  /** Used by 'delay'. */
  ipnDelayMs: number;
  /** Decline the next "paid" action (ResponseCode 51 / TransactionStatus 02); resets itself. */
  failNext: boolean;
}

export interface GatewaySimulatorOptions {
  tmnCode: string;
  secret: string;
  /** The merchant's IPN endpoint (GET). */
  ipnUrl: string;
  /** 0 = any free port. */
  port?: number;
  host?: string;
  /** Makes transaction numbers and response ids reproducible. */
  seed?: number | string;
  /** The simulator's clock (expiry checks, pay dates). */
  now?: () => Date;
  ipnTimeoutMs?: number;
}

export type SimulatedStatus = 'pending' | 'paid' | 'cancelled' | 'failed' | 'refunded' | 'partially_refunded';

export interface IpnDelivery {
  attempt: number;
  at: string;
  url: string;
  /** HTTP status of the merchant's answer, null when the request failed. */
  httpStatus: number | null;
  /** The merchant's JSON answer ({RspCode, Message}), or the raw text when it was not JSON. */
  response: unknown;
  error?: string;
}

export interface SimulatedRefund {
  requestId: string;
  transactionType: '02' | '03';
  /** VND */
  amount: number;
  createBy: string;
  at: string;
}

export interface SimulatedTransaction {
  txnRef: string;
  tmnCode: string;
  /** Whole VND. */
  amount: number;
  /** vnp_Amount as received (×100). */
  vnpAmount: string;
  orderInfo: string;
  returnUrl: string;
  ipAddr: string;
  locale: string;
  bankCode?: string;
  createDate: string;
  expireDate?: string;
  status: SimulatedStatus;
  responseCode?: string;
  transactionStatus?: string;
  transactionNo?: string;
  bankTranNo?: string;
  payDate?: string;
  /** Parameters (signed) last sent to the IPN / Return URL. */
  resultParams?: Record<string, string>;
  refundedAmount: number;
  refunds: SimulatedRefund[];
  ipnResponses: IpnDelivery[];
  createdAt: string;
  updatedAt: string;
}

export interface SettleResult {
  transaction: SimulatedTransaction;
  params: Record<string, string>;
  returnUrl: string;
  /** IPN answers obtained during this action (empty for 'never' and 'delay'). */
  ipnResponses: IpnDelivery[];
  /** True when the IPN will be sent later ('delay'). */
  ipnScheduled: boolean;
}

export interface GatewaySimulator {
  start(): Promise<{ port: number; url: string }>;
  /** Closes the server, cancels delayed IPNs and aborts IPNs in flight. */
  stop(): Promise<void>;
  readonly transactions: ReadonlyMap<string, SimulatedTransaction>;
  readonly behaviour: Readonly<GatewayBehaviour>;
  setBehaviour(change: Partial<GatewayBehaviour>): GatewayBehaviour;
  /** Same as the button / POST /test/pay. */
  settle(txnRef: string, outcome: 'paid' | 'cancelled'): Promise<SettleResult>;
  /** Forgets every transaction and restores the default behaviour. */
  reset(): void;
}

const DEFAULT_BEHAVIOUR: GatewayBehaviour = { ipn: 'normal', ipnDelayMs: 1000, failNext: false };
const IPN_BEHAVIOURS: readonly IpnBehaviour[] = ['normal', 'never', 'duplicate', 'delay'];
const MAX_BODY_BYTES = 1_000_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export function createGatewaySimulator(options: GatewaySimulatorOptions): GatewaySimulator {
  const { tmnCode, secret, ipnUrl } = options;
  if (!tmnCode || !secret || !ipnUrl) throw new Error('tmnCode, secret and ipnUrl are required');
  new URL(ipnUrl); // throws on a malformed IPN URL
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? (() => new Date());
  const ipnTimeoutMs = options.ipnTimeoutMs ?? 10_000;
  const random = makeRandom(options.seed);

  const transactions = new Map<string, SimulatedTransaction>();
  const usedRequestIds = new Set<string>();
  let behaviour: GatewayBehaviour = { ...DEFAULT_BEHAVIOUR };
  let nextTransactionNo = 14_000_000 + (random() % 1_000_000);
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();
  const aborts = new Set<AbortController>();
  let server: Server | null = null;

  const iso = () => now().toISOString();
  const newTransactionNo = () => String(nextTransactionNo++);
  const responseId = () => [random(), random(), random(), random()].map((n) => n.toString(16).padStart(8, '0')).join('');

  function setBehaviour(change: Partial<GatewayBehaviour>): GatewayBehaviour {
    const next = { ...behaviour, ...change };
    if (!IPN_BEHAVIOURS.includes(next.ipn)) throw new HttpError(400, `ipn must be one of ${IPN_BEHAVIOURS.join(', ')}`);
    if (typeof next.ipnDelayMs !== 'number' || !Number.isFinite(next.ipnDelayMs) || next.ipnDelayMs < 0) {
      throw new HttpError(400, 'ipnDelayMs must be a number ≥ 0');
    }
    next.failNext = Boolean(next.failNext);
    behaviour = next;
    return { ...behaviour };
  }

  function reset(): void {
    transactions.clear();
    usedRequestIds.clear();
    for (const t of timers) clearTimeout(t);
    timers.clear();
    behaviour = { ...DEFAULT_BEHAVIOUR };
  }

  // ---- payment page ------------------------------------------------------------------------------------------

  function openPayment(query: URLSearchParams): SimulatedTransaction {
    const params: Record<string, string | string[]> = {};
    for (const key of new Set(query.keys())) {
      const all = query.getAll(key);
      params[key] = all.length === 1 ? all[0] : all;
    }
    if (!verifyVnpay(params, secret)) throw new HttpError(400, 'Sai chữ ký', 'Chữ ký (vnp_SecureHash) không hợp lệ.');
    const p = params as Record<string, string>;
    if (p.vnp_TmnCode !== tmnCode) throw new HttpError(400, 'Mã website (vnp_TmnCode) không hợp lệ');
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
      if (now().getTime() > parseVnpayDate(p.vnp_ExpireDate).getTime()) {
        throw new HttpError(400, 'Giao dịch đã quá thời gian chờ thanh toán', `Hết hạn lúc ${p.vnp_ExpireDate}.`);
      }
    }
    const existing = transactions.get(p.vnp_TxnRef);
    if (existing && existing.status !== 'pending') throw new HttpError(400, 'Giao dịch đã tồn tại', `Mã ${p.vnp_TxnRef}.`);
    const at = iso();
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
    transactions.set(tx.txnRef, tx);
    return tx;
  }

  // ---- settlement, IPN and return ----------------------------------------------------------------------------

  async function settle(txnRef: string, outcome: 'paid' | 'cancelled'): Promise<SettleResult> {
    if (outcome !== 'paid' && outcome !== 'cancelled') throw new HttpError(400, "outcome must be 'paid' or 'cancelled'");
    const tx = typeof txnRef === 'string' ? transactions.get(txnRef) : undefined;
    if (!tx) throw new HttpError(404, 'Không tìm thấy giao dịch', `Mã ${String(txnRef)}.`);
    if (tx.status !== 'pending') throw new HttpError(409, 'Giao dịch đã được xử lý', `Trạng thái: ${tx.status}.`);

    const payDate = formatVnpayDate(now());
    let responseCode: string;
    let transactionStatus: string;
    if (outcome === 'cancelled') {
      [responseCode, transactionStatus, tx.status] = ['24', '02', 'cancelled'];
    } else if (tx.expireDate && now().getTime() > parseVnpayDate(tx.expireDate).getTime()) {
      [responseCode, transactionStatus, tx.status] = ['11', '02', 'failed'];
    } else if (behaviour.failNext) {
      behaviour.failNext = false;
      [responseCode, transactionStatus, tx.status] = ['51', '02', 'failed'];
    } else {
      [responseCode, transactionStatus, tx.status] = ['00', '00', 'paid'];
    }
    const paid = tx.status === 'paid';
    tx.responseCode = responseCode;
    tx.transactionStatus = transactionStatus;
    tx.transactionNo = paid ? newTransactionNo() : '0';
    tx.bankTranNo = paid ? `VNP${tx.transactionNo}` : undefined;
    tx.bankCode = paid ? 'NCB' : outcome === 'cancelled' ? 'VNPAY' : 'NCB';
    tx.payDate = payDate;
    tx.updatedAt = iso();

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
    const params = { ...unsigned, vnp_SecureHash: signVnpay(unsigned, secret) };
    tx.resultParams = params;
    const query = `${vnpayQueryString(params)}&vnp_SecureHash=${params.vnp_SecureHash}`;
    const returnUrl = appendQuery(tx.returnUrl, query);
    const ipnTarget = appendQuery(ipnUrl, query);

    const ipnResponses: IpnDelivery[] = [];
    let ipnScheduled = false;
    const mode = behaviour.ipn;
    if (mode === 'normal' || mode === 'duplicate') {
      for (let i = 0; i < (mode === 'duplicate' ? 2 : 1); i++) {
        ipnResponses.push(await track(deliverIpn(tx, ipnTarget)));
      }
    } else if (mode === 'delay') {
      ipnScheduled = true;
      const timer = setTimeout(() => {
        timers.delete(timer);
        void track(deliverIpn(tx, ipnTarget));
      }, behaviour.ipnDelayMs);
      timers.add(timer);
    }
    return { transaction: tx, params, returnUrl, ipnResponses, ipnScheduled };
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }

  async function deliverIpn(tx: SimulatedTransaction, url: string): Promise<IpnDelivery> {
    const delivery: IpnDelivery = { attempt: tx.ipnResponses.length + 1, at: iso(), url, httpStatus: null, response: null };
    tx.ipnResponses.push(delivery);
    const abort = new AbortController();
    aborts.add(abort);
    try {
      const { status, body } = await httpGet(url, ipnTimeoutMs, abort.signal);
      delivery.httpStatus = status;
      try {
        delivery.response = JSON.parse(body);
      } catch {
        delivery.response = body;
      }
    } catch (error) {
      delivery.error = (error as Error).message;
    } finally {
      aborts.delete(abort);
    }
    return delivery;
  }

  // ---- server-to-server API ----------------------------------------------------------------------------------

  function transactionApi(body: unknown): Record<string, string> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return signVnpayQueryDrResponse(apiError('', '03', 'Dữ liệu gửi sang không đúng định dạng', {}), secret) as unknown as Record<string, string>;
    }
    const b = body as Record<string, unknown>;
    if (b.vnp_Command === 'refund') return refund(b) as unknown as Record<string, string>;
    if (b.vnp_Command === 'querydr') return queryDr(b) as unknown as Record<string, string>;
    return signVnpayQueryDrResponse(
      apiError(String(b.vnp_Command ?? ''), '03', 'Dữ liệu gửi sang không đúng định dạng', b),
      secret,
    ) as unknown as Record<string, string>;
  }

  function apiError(command: string, code: string, message: string, b: Record<string, unknown>) {
    return {
      vnp_ResponseId: responseId(),
      vnp_Command: command,
      vnp_ResponseCode: code,
      vnp_Message: message,
      vnp_TmnCode: tmnCode,
      ...(typeof b.vnp_TxnRef === 'string' ? { vnp_TxnRef: b.vnp_TxnRef } : {}),
    };
  }

  function queryDr(b: Record<string, unknown>) {
    const fail = (code: string, message: string) => signVnpayQueryDrResponse(apiError('querydr', code, message, b), secret);
    if (!verifyVnpayQueryDrRequest(b, secret)) return fail('97', 'Checksum không hợp lệ');
    if (b.vnp_TmnCode !== tmnCode) return fail('02', 'Mã định danh kết nối không hợp lệ');
    const required = ['vnp_RequestId', 'vnp_Version', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr'];
    if (required.some((k) => typeof b[k] !== 'string' || b[k] === '') || !isVnpayDate(b.vnp_TransactionDate) || !isVnpayDate(b.vnp_CreateDate)) {
      return fail('03', 'Dữ liệu gửi sang không đúng định dạng');
    }
    if (!claimRequestId(b.vnp_RequestId as string)) return fail('94', 'Yêu cầu bị trùng lặp');
    const tx = transactions.get(b.vnp_TxnRef as string);
    if (!tx) return fail('91', 'Không tìm thấy giao dịch yêu cầu');
    const lastRefund = tx.refunds[tx.refunds.length - 1];
    const settled = tx.status !== 'pending';
    return signVnpayQueryDrResponse(
      {
        vnp_ResponseId: responseId(),
        vnp_Command: 'querydr',
        vnp_ResponseCode: '00',
        vnp_Message: 'QueryDR Success',
        vnp_TmnCode: tmnCode,
        vnp_TxnRef: tx.txnRef,
        vnp_Amount: tx.vnpAmount,
        vnp_OrderInfo: tx.orderInfo,
        ...(settled ? { vnp_BankCode: tx.bankCode, vnp_PayDate: tx.payDate, vnp_TransactionNo: tx.transactionNo } : {}),
        vnp_TransactionType: lastRefund ? lastRefund.transactionType : '01',
        vnp_TransactionStatus: queryDrStatus(tx),
      },
      secret,
    );
  }

  function refund(b: Record<string, unknown>) {
    const fail = (code: string, message: string) => signVnpayRefundResponse(apiError('refund', code, message, b), secret);
    if (!verifyVnpayRefundRequest(b, secret)) return fail('97', 'Checksum không hợp lệ');
    if (b.vnp_TmnCode !== tmnCode) return fail('02', 'Mã định danh kết nối không hợp lệ');
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
    if (!claimRequestId(b.vnp_RequestId as string)) return fail('94', 'Yêu cầu bị trùng lặp');
    const tx = transactions.get(b.vnp_TxnRef as string);
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
    tx.refunds.push({ requestId: b.vnp_RequestId as string, transactionType: type, amount, createBy: b.vnp_CreateBy as string, at: iso() });
    tx.refundedAmount += amount;
    tx.status = tx.refundedAmount === tx.amount ? 'refunded' : 'partially_refunded';
    tx.updatedAt = iso();
    return signVnpayRefundResponse(
      {
        vnp_ResponseId: responseId(),
        vnp_Command: 'refund',
        vnp_ResponseCode: '00',
        vnp_Message: 'Refund success',
        vnp_TmnCode: tmnCode,
        vnp_TxnRef: tx.txnRef,
        vnp_Amount: b.vnp_Amount as string,
        vnp_OrderInfo: typeof b.vnp_OrderInfo === 'string' ? b.vnp_OrderInfo : '',
        vnp_BankCode: tx.bankCode,
        vnp_PayDate: formatVnpayDate(now()),
        vnp_TransactionNo: tx.transactionNo,
        vnp_TransactionType: type,
        vnp_TransactionStatus: '05',
      },
      secret,
    );
  }

  function claimRequestId(id: string): boolean {
    if (usedRequestIds.has(id)) return false;
    usedRequestIds.add(id);
    return true;
  }

  // ---- HTTP --------------------------------------------------------------------------------------------------

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.local');
    const method = req.method ?? 'GET';
    const path = url.pathname;

    if (method === 'GET' && path === '/health') return sendJson(res, 200, { status: 'ok', tmnCode });
    if (method === 'GET' && path === '/transactions') return sendJson(res, 200, [...transactions.values()]);
    if (method === 'POST' && path === '/reset') {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    if (method === 'GET' && path === '/behaviour') return sendJson(res, 200, behaviour);
    if (method === 'POST' && path === '/behaviour') {
      return sendJson(res, 200, setBehaviour(asObject(await readJson(req))));
    }
    if (method === 'GET' && path === '/paymentv2/vpcpay.html') {
      try {
        return sendHtml(res, 200, paymentPage(openPayment(url.searchParams)));
      } catch (error) {
        return sendErrorPage(res, error);
      }
    }
    if (method === 'POST' && (path === '/paymentv2/pay' || path === '/paymentv2/cancel')) {
      try {
        const form = await readForm(req);
        const txnRef = form.txnRef ?? url.searchParams.get('txnRef') ?? '';
        const result = await settle(txnRef, path.endsWith('/pay') ? 'paid' : 'cancelled');
        res.writeHead(302, { location: result.returnUrl, 'cache-control': 'no-store' });
        res.end();
        return;
      } catch (error) {
        return sendErrorPage(res, error);
      }
    }
    if (method === 'POST' && path === '/test/pay') {
      const body = asObject(await readJson(req));
      const result = await settle(body.txnRef as string, body.outcome as 'paid' | 'cancelled');
      return sendJson(res, 200, {
        ipnResponses: result.ipnResponses,
        returnUrl: result.returnUrl,
        ipnScheduled: result.ipnScheduled,
        status: result.transaction.status,
        params: result.params,
      });
    }
    if (method === 'POST' && path === '/merchant_webapi/api/transaction') {
      let body: unknown;
      try {
        body = await readJson(req);
      } catch (error) {
        if (error instanceof HttpError && error.status === 413) throw error;
        body = null;
      }
      return sendJson(res, 200, transactionApi(body));
    }
    throw new HttpError(404, `No route ${method} ${path}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await route(req, res);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const status = error instanceof HttpError ? error.status : 500;
      sendJson(res, status, { error: (error as Error).message, ...(error instanceof HttpError && error.detail ? { detail: error.detail } : {}) });
    }
  }

  return {
    get transactions() {
      return transactions;
    },
    get behaviour() {
      return { ...behaviour };
    },
    setBehaviour,
    settle,
    reset,
    async start() {
      if (server) throw new Error('Simulator already started');
      const s = createServer((req, res) => void handle(req, res));
      server = s;
      const port = await listenOn(s, options.port ?? 0, host);
      return { port, url: httpUrl(host, port) };
    },
    async stop() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const a of aborts) a.abort();
      await Promise.allSettled([...inFlight]);
      const s = server;
      server = null;
      if (s) await closeHttpServer(s);
    },
  };
}

// ---- helpers ---------------------------------------------------------------------------------------------------

function queryDrStatus(tx: SimulatedTransaction): string {
  switch (tx.status) {
    case 'pending':
      return '01';
    case 'paid':
      return '00';
    case 'refunded':
    case 'partially_refunded':
      return '06';
    default:
      return '02';
  }
}

function isVnpayDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parseVnpayDate(value);
    return true;
  } catch {
    return false;
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function appendQuery(base: string, query: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-store' });
  res.end(html);
}

function sendErrorPage(res: ServerResponse, error: unknown): void {
  if (error instanceof HttpError) return sendHtml(res, error.status, errorPage(error.message, error.detail));
  sendHtml(res, 500, errorPage('Lỗi hệ thống', (error as Error).message));
}

const bodyTooLarge = () => new HttpError(413, 'Body too large');

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req, MAX_BODY_BYTES, bodyTooLarge);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Malformed JSON body');
  }
}

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const text = await readBody(req, MAX_BODY_BYTES, bodyTooLarge);
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      return typeof parsed?.txnRef === 'string' ? { txnRef: parsed.txnRef } : {};
    } catch {
      throw new HttpError(400, 'Dữ liệu gửi sang không đúng định dạng');
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

function asObject(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, 'Expected a JSON object');
  return value as Record<string, unknown>;
}

function httpGet(url: string, timeoutMs: number, signal: AbortSignal): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      { method: 'GET', agent: false, signal, headers: { accept: 'application/json', connection: 'close', 'user-agent': 'VNPAY-Gateway-Simulator' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`IPN timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** uint32 generator: mulberry32 over an FNV-1a hash of the seed, or crypto-random without one. */
function makeRandom(seed?: number | string): () => number {
  if (seed === undefined) return () => randomBytes(4).readUInt32BE(0);
  return mulberry32Uint32(seedFromText(String(seed)));
}
