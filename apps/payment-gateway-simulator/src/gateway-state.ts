import { randomBytes } from 'node:crypto';
import { mulberry32Uint32, seedFromText } from '@dvc/simulator-kit';
import type { GatewayBehaviour, GatewaySimulatorOptions, IpnBehaviour, SimulatedTransaction } from './gateway-types';
import { HttpError } from './http-io';

const DEFAULT_BEHAVIOUR: GatewayBehaviour = { ipn: 'normal', ipnDelayMs: 1000, failNext: false };
const IPN_BEHAVIOURS: readonly IpnBehaviour[] = ['normal', 'never', 'duplicate', 'delay'];

/** Everything one simulator instance remembers: its merchant, transactions, request ids, switches and pending IPNs. */
export class GatewayState {
  readonly tmnCode: string;
  readonly secret: string;
  readonly ipnUrl: string;
  readonly ipnTimeoutMs: number;
  readonly now: () => Date;
  readonly transactions = new Map<string, SimulatedTransaction>();
  behaviour: GatewayBehaviour = { ...DEFAULT_BEHAVIOUR };
  readonly timers = new Set<NodeJS.Timeout>();
  readonly inFlight = new Set<Promise<unknown>>();
  readonly aborts = new Set<AbortController>();
  private readonly usedRequestIds = new Set<string>();
  private readonly random: () => number;
  private nextTransactionNo: number;

  constructor(options: GatewaySimulatorOptions) {
    if (!options.tmnCode || !options.secret || !options.ipnUrl) throw new Error('tmnCode, secret and ipnUrl are required');
    new URL(options.ipnUrl); // throws on a malformed IPN URL
    this.tmnCode = options.tmnCode;
    this.secret = options.secret;
    this.ipnUrl = options.ipnUrl;
    this.ipnTimeoutMs = options.ipnTimeoutMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
    this.random = makeRandom(options.seed);
    this.nextTransactionNo = 14_000_000 + (this.random() % 1_000_000);
  }

  iso(): string {
    return this.now().toISOString();
  }

  newTransactionNo(): string {
    return String(this.nextTransactionNo++);
  }

  responseId(): string {
    return [this.random(), this.random(), this.random(), this.random()].map((n) => n.toString(16).padStart(8, '0')).join('');
  }

  setBehaviour(change: Partial<GatewayBehaviour>): GatewayBehaviour {
    const next = { ...this.behaviour, ...change };
    if (!IPN_BEHAVIOURS.includes(next.ipn)) throw new HttpError(400, `ipn must be one of ${IPN_BEHAVIOURS.join(', ')}`);
    if (typeof next.ipnDelayMs !== 'number' || !Number.isFinite(next.ipnDelayMs) || next.ipnDelayMs < 0) {
      throw new HttpError(400, 'ipnDelayMs must be a number ≥ 0');
    }
    next.failNext = Boolean(next.failNext);
    this.behaviour = next;
    return { ...this.behaviour };
  }

  reset(): void {
    this.transactions.clear();
    this.usedRequestIds.clear();
    this.cancelTimers();
    this.behaviour = { ...DEFAULT_BEHAVIOUR };
  }

  cancelTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** A vnp_RequestId is good once, whichever command used it. */
  claimRequestId(id: string): boolean {
    if (this.usedRequestIds.has(id)) return false;
    this.usedRequestIds.add(id);
    return true;
  }

  /** Keeps an IPN delivery in view, so stop() waits for it. */
  track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }
}

/** uint32 generator: mulberry32 over an FNV-1a hash of the seed, or crypto-random without one. */
function makeRandom(seed?: number | string): () => number {
  if (seed === undefined) return () => randomBytes(4).readUInt32BE(0);
  return mulberry32Uint32(seedFromText(String(seed)));
}
