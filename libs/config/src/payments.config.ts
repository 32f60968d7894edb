import { IsInt, IsNumber, IsString, Max, Min, Matches, MinLength } from 'class-validator';
import { EnvVar } from './env-var';

export const DEV_VNPAY_HASH_SECRET = 'DEVONLYVNPAYHASHSECRET0123456789';

export class PaymentsConfig {
  @EnvVar('VNPAY_TMN_CODE')
  @Matches(/^[A-Z0-9]{8}$/, { message: 'must be the 8-character terminal code VNPay issued' })
  vnpayTmnCode: string = 'DVCHN001';

  @EnvVar('VNPAY_HASH_SECRET')
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  vnpayHashSecret: string = DEV_VNPAY_HASH_SECRET;

  @EnvVar('VNPAY_PAY_URL')
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  vnpayPayUrl: string = 'http://127.0.0.1:3100/paymentv2/vpcpay.html';

  /** Commission the city pays the gateway per payment (0.005 = 0.5%). */
  @EnvVar('VNPAY_COMMISSION_RATE')
  @IsNumber({}, { message: 'must be a number' })
  @Min(0)
  @Max(0.25)
  vnpayCommissionRate: number = 0.005;

  /** VNPay's server-to-server API (querydr, refund). */
  @EnvVar('VNPAY_API_URL')
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  vnpayApiUrl: string = 'http://127.0.0.1:3100/merchant_webapi/api/transaction';

  /** How long a payment link stays valid. */
  @EnvVar('VNPAY_EXPIRE_MINUTES')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  vnpayExpireMinutes: number = 15;

  /** Payments still awaiting after this long are checked with the gateway (querydr) by the worker. */
  @EnvVar('PAYMENT_RECONCILE_AFTER_MINUTES')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  reconcileAfterMinutes: number = 20;

  /** How often the worker runs reconciliation. */
  @EnvVar('PAYMENT_RECONCILE_EVERY_SECONDS')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  reconcileEverySeconds: number = 60;

  /** Attempts of a payment job from the outbox (a refund due, say) while the gateway does not answer. */
  @EnvVar('PAYMENT_JOB_ATTEMPTS')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(100)
  jobAttempts: number = 10;

  /** First wait before a payment job is tried again; it doubles each time (10 attempts from 5 s: about 85 minutes). */
  @EnvVar('PAYMENT_JOB_BACKOFF_MS')
  @IsInt({ message: 'must be a whole number' })
  @Min(100)
  jobBackoffMs: number = 5000;
}
