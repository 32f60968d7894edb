/** Faults the simulator injects; all can be changed at runtime (setFaults, PUT /faults). */
export interface Faults {
  /** Delay before submit_sm_resp / the HTTP answer, in ms. */
  latencyMs: number;
  /** Share of submits refused with ESME_RSYSERR (HTTP errorCode '099'); nothing is stored. */
  failureRate: number;
  /** More than this many accepted submits within one second → ESME_RTHROTTLED (HTTP '429'). 0 = off. */
  throttlePerSecond: number;
  /** Share of accepted messages that never reach the handset: no inbox entry, no receipt. */
  neverDeliverRate: number;
  /** Delay between acceptance and delivery (inbox entry + delivery receipt), in ms. */
  dlrDelayMs: number;
  /** Share of accepted messages the handset did not get: receipt stat:UNDELIV err:001, no inbox entry. */
  failDlrRate: number;
}

export const DEFAULT_FAULTS: Readonly<Faults> = Object.freeze({
  latencyMs: 0,
  failureRate: 0,
  throttlePerSecond: 0,
  neverDeliverRate: 0,
  dlrDelayMs: 200,
  failDlrRate: 0,
});

const RATES = new Set<keyof Faults>(['failureRate', 'neverDeliverRate', 'failDlrRate']);
const KEYS = Object.keys(DEFAULT_FAULTS) as (keyof Faults)[];

export class InvalidFaultsError extends Error {}

/** Applies a partial update, rejecting unknown keys, non-numbers, negative values and rates outside 0..1. */
export function mergeFaults(current: Faults, patch: unknown): Faults {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new InvalidFaultsError('faults must be a JSON object');
  const next: Faults = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (!KEYS.includes(key as keyof Faults)) throw new InvalidFaultsError(`unknown fault "${key}" (known: ${KEYS.join(', ')})`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new InvalidFaultsError(`${key} must be a number >= 0`);
    if (RATES.has(key as keyof Faults) && value > 1) throw new InvalidFaultsError(`${key} must be between 0 and 1`);
    next[key as keyof Faults] = value;
  }
  return next;
}
