// What the simulator keeps and answers: its options, behaviour switches, transactions and IPN deliveries.
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
