/** Counters served by GET /stats. One submit_sm (or one brandname send) counts once. */
export interface SimulatorStats {
  submitted: number;
  accepted: number;
  failed: number;
  throttled: number;
  delivered: number;
  /** Accepted but reported UNDELIV (failDlrRate). */
  undelivered: number;
  neverDelivered: number;
  duplicatesByRequestId: number;
}

export function emptyStats(): SimulatorStats {
  return { submitted: 0, accepted: 0, failed: 0, throttled: 0, delivered: 0, undelivered: 0, neverDelivered: 0, duplicatesByRequestId: 0 };
}
