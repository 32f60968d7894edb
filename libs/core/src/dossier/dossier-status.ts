export const DOSSIER_STATUSES = [
  'new',
  'received',
  'processing',
  'awaiting_approval',
  'supplement_requested',
  'payment_requested',
  'resolved',
  'result_returned',
  'refused',
  'withdrawn',
  'stopped',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** Status codes of the National Public Service Portal. */
export type NationalStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export const NATIONAL_STATUS: Record<DossierStatus, NationalStatus> = {
  new: 1,
  received: 2,
  refused: 3,
  processing: 4,
  awaiting_approval: 4,
  supplement_requested: 5,
  payment_requested: 6,
  withdrawn: 7,
  stopped: 8,
  resolved: 9,
  result_returned: 10,
};

export const NATIONAL_STATUS_NAMES: Record<NationalStatus, string> = {
  1: 'Mới',
  2: 'Đã tiếp nhận',
  3: 'Từ chối',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

export const STATUS_NAMES_VI: Record<DossierStatus, string> = {
  new: 'Mới',
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  awaiting_approval: 'Chờ phê duyệt',
  supplement_requested: 'Yêu cầu bổ sung',
  payment_requested: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  resolved: 'Đã có kết quả, chờ trả',
  result_returned: 'Đã trả kết quả',
  refused: 'Từ chối',
  withdrawn: 'Công dân rút hồ sơ',
  stopped: 'Dừng xử lý',
};

/** Closed: the dossier left every worklist (result returned, refused, withdrawn, stopped). */
export const CLOSED_STATUSES = ['refused', 'withdrawn', 'stopped', 'result_returned'] as const satisfies readonly DossierStatus[];
const CLOSED: ReadonlySet<DossierStatus> = new Set<DossierStatus>(CLOSED_STATUSES);

export function isClosedStatus(status: DossierStatus): boolean {
  return CLOSED.has(status);
}

/** Processing ended: a result is ready, or the dossier was refused, withdrawn or stopped. Timeliness is judged then. */
export const PROCESSING_ENDED_STATUSES = ['resolved', 'refused', 'withdrawn', 'stopped'] as const satisfies readonly DossierStatus[];
const PROCESSING_ENDED: ReadonlySet<DossierStatus> = new Set<DossierStatus>(PROCESSING_ENDED_STATUSES);

export function isProcessingEnded(status: DossierStatus): boolean {
  return PROCESSING_ENDED.has(status);
}

/** Resolved with a result (the statistics' "resolved" line): ready to return, or returned. */
export const RESOLVED_STATUSES = ['resolved', 'result_returned'] as const satisfies readonly DossierStatus[];

/** A paid dossier that ends in one of these is refunded. */
export const REFUNDABLE_STATUSES = ['refused', 'withdrawn', 'stopped'] as const satisfies readonly DossierStatus[];
const REFUNDABLE: ReadonlySet<DossierStatus> = new Set<DossierStatus>(REFUNDABLE_STATUSES);

export function isRefundableStatus(status: DossierStatus): boolean {
  return REFUNDABLE.has(status);
}

const CLOCK_RUNNING_STATUSES: ReadonlySet<DossierStatus> = new Set<DossierStatus>(['received', 'processing', 'awaiting_approval']);

/**
 * Waiting for the applicant (supplementation, Decree 61/2018 art. 15; a financial obligation, art. 16): the legal clock
 * does not run, so such a dossier is never overdue or nearly due while it waits.
 */
export const CLOCK_PAUSED_STATUSES = ['supplement_requested', 'payment_requested'] as const satisfies readonly DossierStatus[];
const CLOCK_PAUSED: ReadonlySet<DossierStatus> = new Set<DossierStatus>(CLOCK_PAUSED_STATUSES);

/** Whether the statutory deadline clock runs: not before receipt, not while waiting on the applicant, not after the result. */
export function isClockRunning(status: DossierStatus): boolean {
  return CLOCK_RUNNING_STATUSES.has(status);
}

/** Whether the clock is paused waiting on the applicant (supplementation or payment). */
export function isClockPaused(status: DossierStatus): boolean {
  return CLOCK_PAUSED.has(status);
}
