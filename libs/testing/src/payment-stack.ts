import type { INestApplicationContext } from '@nestjs/common';
import { createGatewaySimulator, type GatewaySimulator } from '../../../apps/payment-gateway-simulator/src/gateway-simulator';
import { freePort } from './private-redis';
import { startTestApp, type TestApp } from './test-app';
import { startTestWorker } from './test-worker';

/** The merchant the payment suites and drills sign with. */
export const TEST_VNPAY = { secret: 'TESTVNPAYSECRET-0123456789abcdef', tmnCode: 'DVCHN001' } as const;

export interface PaymentStack {
  t: TestApp;
  gateway: GatewaySimulator;
  worker: INestApplicationContext;
  gatewayUrl: string;
  /** Stops them last-first (also after a start that failed half-way). */
  close(): Promise<void>;
}

/** A listening API, the VNPay gateway simulator calling its IPN, and a worker (refunds, reconciliation), on free ports. */
export async function startPaymentStack(seed: number | string): Promise<PaymentStack> {
  const [gatewayPort, apiPort] = [await freePort(), await freePort()];
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const env = {
    PUBLIC_BASE_URL: `http://127.0.0.1:${apiPort}`,
    VNPAY_HASH_SECRET: TEST_VNPAY.secret,
    VNPAY_TMN_CODE: TEST_VNPAY.tmnCode,
    VNPAY_PAY_URL: `${gatewayUrl}/paymentv2/vpcpay.html`,
    VNPAY_API_URL: `${gatewayUrl}/merchant_webapi/api/transaction`,
    SMS_PROVIDER: 'log',
    OUTBOX_POLL_MS: '50',
    PAYMENT_RECONCILE_EVERY_SECONDS: '3600',
  };
  const started: { close(): Promise<unknown> }[] = [];
  const close = async () => {
    for (const part of started.reverse()) await part.close();
  };
  try {
    const t = await startTestApp(env, { listen: true, port: apiPort });
    started.push(t);
    const gateway = createGatewaySimulator({
      tmnCode: TEST_VNPAY.tmnCode,
      secret: TEST_VNPAY.secret,
      ipnUrl: `${t.baseUrl}/api/v1/payments/vnpay/ipn`,
      port: gatewayPort,
      seed,
    });
    await gateway.start();
    started.push({ close: () => gateway.stop() });
    const worker = await startTestWorker(env);
    started.push(worker);
    return { t, gateway, worker, gatewayUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}
