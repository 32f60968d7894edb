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
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeHttpServer, httpUrl, listenOn } from '@dvc/simulator-kit';
import { GatewayState } from './gateway-state';
import type { GatewaySimulator, GatewaySimulatorOptions } from './gateway-types';
import { HttpError, sendJson } from './http-io';
import { settle } from './payment-page';
import { route } from './routes';

export * from './gateway-types';

export function createGatewaySimulator(options: GatewaySimulatorOptions): GatewaySimulator {
  const state = new GatewayState(options);
  const host = options.host ?? '127.0.0.1';
  let server: Server | null = null;
  return {
    get transactions() {
      return state.transactions;
    },
    get behaviour() {
      return { ...state.behaviour };
    },
    setBehaviour: (change) => state.setBehaviour(change),
    settle: (txnRef, outcome) => settle(state, txnRef, outcome),
    reset: () => state.reset(),
    async start() {
      if (server) throw new Error('Simulator already started');
      const s = createServer((req, res) => void handle(state, req, res));
      server = s;
      const port = await listenOn(s, options.port ?? 0, host);
      return { port, url: httpUrl(host, port) };
    },
    async stop() {
      state.cancelTimers();
      for (const a of state.aborts) a.abort();
      await Promise.allSettled([...state.inFlight]);
      const s = server;
      server = null;
      if (s) await closeHttpServer(s);
    },
  };
}

async function handle(state: GatewayState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await route(state, req, res);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const status = error instanceof HttpError ? error.status : 500;
    sendJson(res, status, { error: (error as Error).message, ...(error instanceof HttpError && error.detail ? { detail: error.detail } : {}) });
  }
}
