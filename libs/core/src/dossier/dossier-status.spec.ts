import {
  DOSSIER_STATUSES,
  isClosedStatus,
  isProcessingEnded,
  isRefundableStatus,
  NATIONAL_STATUS,
  NATIONAL_STATUS_NAMES,
  STATUS_NAMES_VI,
  isClockPaused,
  isClockRunning,
} from './dossier-status';
import type { DossierStatus, NationalStatus } from './dossier-status';

describe('dossier statuses', () => {
  it.each<[DossierStatus, NationalStatus, string]>([
    ['new', 1, 'Mới'],
    ['received', 2, 'Đã tiếp nhận'],
    ['refused', 3, 'Từ chối'],
    ['processing', 4, 'Đang xử lý'],
    ['awaiting_approval', 4, 'Đang xử lý'],
    ['supplement_requested', 5, 'Yêu cầu bổ sung'],
    ['payment_requested', 6, 'Yêu cầu thực hiện nghĩa vụ tài chính'],
    ['withdrawn', 7, 'Công dân yêu cầu rút hồ sơ'],
    ['stopped', 8, 'Dừng xử lý'],
    ['resolved', 9, 'Đã xử lý xong'],
    ['result_returned', 10, 'Đã trả kết quả'],
  ])('%s maps to national status %i (%s)', (status, national, name) => {
    expect(NATIONAL_STATUS[status]).toBe(national);
    expect(NATIONAL_STATUS_NAMES[national]).toBe(name);
  });

  it('has exactly the eleven internal statuses, each with a Vietnamese name', () => {
    expect(DOSSIER_STATUSES).toHaveLength(11);
    expect(Object.keys(NATIONAL_STATUS).sort()).toEqual([...DOSSIER_STATUSES].sort());
    for (const status of DOSSIER_STATUSES) expect(STATUS_NAMES_VI[status]).toMatch(/\S/);
  });

  // Closed: out of every worklist. Processing ended: timeliness is judged (a result ready, or no result will come).
  // Refunded: ended without a result, so what was paid goes back (domain.md "Fees").
  it.each<[DossierStatus, boolean, boolean, boolean]>([
    ['new', false, false, false],
    ['received', false, false, false],
    ['processing', false, false, false],
    ['awaiting_approval', false, false, false],
    ['supplement_requested', false, false, false],
    ['payment_requested', false, false, false],
    ['resolved', false, true, false],
    ['result_returned', true, false, false],
    ['refused', true, true, true],
    ['withdrawn', true, true, true],
    ['stopped', true, true, true],
  ])('%s: closed %s, processing ended %s, refundable %s', (status, closed, ended, refundable) => {
    expect(isClosedStatus(status)).toBe(closed);
    expect(isProcessingEnded(status)).toBe(ended);
    expect(isRefundableStatus(status)).toBe(refundable);
  });

  it.each<[DossierStatus, boolean, boolean]>([
    ['new', false, false],
    ['received', true, false],
    ['processing', true, false],
    ['awaiting_approval', true, false],
    ['supplement_requested', false, true],
    ['payment_requested', false, true],
    ['resolved', false, false],
    ['result_returned', false, false],
    ['refused', false, false],
    ['withdrawn', false, false],
    ['stopped', false, false],
  ])('%s: clock running %s, paused %s', (status, running, paused) => {
    expect(isClockRunning(status)).toBe(running);
    expect(isClockPaused(status)).toBe(paused);
  });
});
