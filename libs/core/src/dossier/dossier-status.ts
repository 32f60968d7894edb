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

export const FINAL_STATUSES: ReadonlySet<DossierStatus> = new Set<DossierStatus>([
  'refused',
  'withdrawn',
  'stopped',
  'result_returned',
]);

const CLOCK_RUNNING_STATUSES: ReadonlySet<DossierStatus> = new Set<DossierStatus>([
  'received',
  'processing',
  'awaiting_approval',
]);

const CLOCK_PAUSED_STATUSES: ReadonlySet<DossierStatus> = new Set<DossierStatus>([
  'supplement_requested',
  'payment_requested',
]);

/** Whether the statutory deadline clock runs: not before receipt, not while waiting on the applicant, not after the result. */
export function isClockRunning(status: DossierStatus): boolean {
  return CLOCK_RUNNING_STATUSES.has(status);
}

/** Whether the clock is paused waiting on the applicant (supplementation or payment). */
export function isClockPaused(status: DossierStatus): boolean {
  return CLOCK_PAUSED_STATUSES.has(status);
}
