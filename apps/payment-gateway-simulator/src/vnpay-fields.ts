import { parseVnpayDate } from '@dvc/core';
import type { SimulatedTransaction } from './gateway-types';

export function isVnpayDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parseVnpayDate(value);
    return true;
  } catch {
    return false;
  }
}

/** vnp_TransactionStatus as querydr reports it. */
export function queryDrStatus(tx: SimulatedTransaction): string {
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
