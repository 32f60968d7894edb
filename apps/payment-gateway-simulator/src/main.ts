/**
 * Standalone VNPay gateway simulator for development.
 *
 * Env: PAYMENT_SIMULATOR_PORT (3100), PAYMENT_SIMULATOR_HOST (127.0.0.1), VNPAY_TMN_CODE (DVCHN001),
 * VNPAY_HASH_SECRET (DEVONLYVNPAYHASHSECRET0123456789), VNPAY_IPN_URL
 * (http://127.0.0.1:3000/api/v1/payments/vnpay/ipn), PAYMENT_SIMULATOR_SEED (optional).
 * Prints one JSON line with the port once listening; SIGINT/SIGTERM stop it.
 */
import { portFromEnv, runSimulator } from '@dvc/simulator-kit';
import { createGatewaySimulator } from './gateway-simulator';

runSimulator({
  async start() {
    const env = process.env;
    const port = portFromEnv('PAYMENT_SIMULATOR_PORT', env.PAYMENT_SIMULATOR_PORT ?? '3100');
    const tmnCode = env.VNPAY_TMN_CODE || 'DVCHN001';
    const simulator = createGatewaySimulator({
      tmnCode,
      secret: env.VNPAY_HASH_SECRET || 'DEVONLYVNPAYHASHSECRET0123456789',
      ipnUrl: env.VNPAY_IPN_URL || 'http://127.0.0.1:3000/api/v1/payments/vnpay/ipn',
      port,
      host: env.PAYMENT_SIMULATOR_HOST || '127.0.0.1',
      seed: env.PAYMENT_SIMULATOR_SEED || undefined,
    });
    const { port: actual, url } = await simulator.start();
    process.stdout.write(
      `${JSON.stringify({
        service: 'payment-gateway-simulator',
        port: actual,
        tmnCode,
        payUrl: `${url}/paymentv2/vpcpay.html`,
        apiUrl: `${url}/merchant_webapi/api/transaction`,
      })}\n`,
    );
    return simulator;
  },
  startFailure: (error) => `Payment gateway simulator failed to start: ${(error as Error).message}`,
  secondSignal: 'wait',
});
