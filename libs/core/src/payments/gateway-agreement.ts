/**
 * The reconciliation rule: does what the gateway says about an online payment (its querydr answer) agree with what
 * we hold? Used by the mismatch report, which must list any money the gateway holds that we do not (a success we
 * never recorded), any payment we call paid that the gateway does not, and refunds either side does not know.
 *
 * querydr codes (libs/core/src/payments/vnpay-querydr.ts): ResponseCode 00 found, 91 not found; TransactionStatus
 * 00 paid, 01 not completed, 02 error, 04 reversed, 05 refund being processed, 06 refund sent to the bank,
 * 07 suspected fraud, 09 refund rejected.
 */
export type HeldPaymentStatus = 'awaiting' | 'paid' | 'cancelled' | 'failed' | 'refund_pending' | 'refunded';

export interface GatewayView {
  responseCode: string;
  transactionStatus?: string;
  /** Whole VND the gateway reports (null when it reports none). */
  amountVnd: number | null;
}

export type GatewayDisagreement =
  /** The gateway took the money and we do not hold it as paid (or refunded). */
  | 'gateway_paid_not_recorded'
  /** We hold it paid (or refunded) and the gateway has no successful payment. */
  | 'recorded_not_paid_at_gateway'
  /** We refunded it; the gateway shows no refund. */
  | 'refund_not_at_gateway'
  /** The gateway refunded it; we still hold it paid. */
  | 'refund_not_recorded'
  | 'amount_differs'
  /** The gateway's answer says nothing usable (error code, suspected fraud, refund rejected). */
  | 'unverified';

const REFUNDED_THERE = new Set(['05', '06']);

/** null when both sides agree. */
export function gatewayDisagreement(ours: HeldPaymentStatus, amountVnd: number, gateway: GatewayView): GatewayDisagreement | null {
  if (gateway.responseCode === '91') {
    return ours === 'paid' || ours === 'refund_pending' || ours === 'refunded' ? 'recorded_not_paid_at_gateway' : null;
  }
  if (gateway.responseCode !== '00') return 'unverified';
  const status = gateway.transactionStatus ?? '';
  const paidThere = status === '00';
  const refundedThere = REFUNDED_THERE.has(status);
  if ((paidThere || refundedThere) && gateway.amountVnd !== amountVnd) return 'amount_differs';
  switch (ours) {
    case 'awaiting':
    case 'cancelled':
    case 'failed':
      if (paidThere) return 'gateway_paid_not_recorded';
      if (refundedThere) return 'refund_not_recorded';
      return ['01', '02', '04'].includes(status) ? null : 'unverified';
    case 'paid':
    case 'refund_pending':
      if (paidThere) return null;
      if (refundedThere) return 'refund_not_recorded';
      return ['01', '02', '04'].includes(status) ? 'recorded_not_paid_at_gateway' : 'unverified';
    case 'refunded':
      if (refundedThere) return null;
      if (paidThere) return 'refund_not_at_gateway';
      return ['01', '02', '04'].includes(status) ? 'recorded_not_paid_at_gateway' : 'unverified';
  }
}
