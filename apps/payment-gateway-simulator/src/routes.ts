import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayState } from './gateway-state';
import { paymentPage } from './html';
import { asObject, HttpError, readForm, readJson, sendErrorPage, sendHtml, sendJson } from './http-io';
import { transactionApi } from './merchant-api';
import { openPayment, settle } from './payment-page';

/** One request to the handler its method and path name (see the routes in gateway-simulator.ts). */
export async function route(state: GatewayState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator.local');
  const method = req.method ?? 'GET';
  const path = url.pathname;

  if (method === 'GET' && path === '/health') return sendJson(res, 200, { status: 'ok', tmnCode: state.tmnCode });
  if (method === 'GET' && path === '/transactions') return sendJson(res, 200, [...state.transactions.values()]);
  if (method === 'POST' && path === '/reset') {
    state.reset();
    return sendJson(res, 200, { ok: true });
  }
  if (method === 'GET' && path === '/behaviour') return sendJson(res, 200, state.behaviour);
  if (method === 'POST' && path === '/behaviour') {
    return sendJson(res, 200, state.setBehaviour(asObject(await readJson(req))));
  }
  if (method === 'GET' && path === '/paymentv2/vpcpay.html') {
    try {
      return sendHtml(res, 200, paymentPage(openPayment(state, url.searchParams)));
    } catch (error) {
      return sendErrorPage(res, error);
    }
  }
  if (method === 'POST' && (path === '/paymentv2/pay' || path === '/paymentv2/cancel')) {
    try {
      const form = await readForm(req);
      const txnRef = form.txnRef ?? url.searchParams.get('txnRef') ?? '';
      const result = await settle(state, txnRef, path.endsWith('/pay') ? 'paid' : 'cancelled');
      res.writeHead(302, { location: result.returnUrl, 'cache-control': 'no-store' });
      res.end();
      return;
    } catch (error) {
      return sendErrorPage(res, error);
    }
  }
  if (method === 'POST' && path === '/test/pay') {
    const body = asObject(await readJson(req));
    const result = await settle(state, body.txnRef as string, body.outcome as 'paid' | 'cancelled');
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
    return sendJson(res, 200, transactionApi(state, body));
  }
  throw new HttpError(404, `No route ${method} ${path}`);
}
