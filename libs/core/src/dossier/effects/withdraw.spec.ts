import { withdrawEffect } from './withdraw';

describe('withdrawEffect (the applicant withdraws before the result; a reason is optional)', () => {
  it.each([
    ['with a reason', 'Đã nộp nhầm thủ tục', 'Đã nộp nhầm thủ tục'],
    ['without one', undefined, null],
  ])('%s', (_case, reason, note) => {
    expect(withdrawEffect({ version: 2, reason })).toEqual({ patch: { resumeStatus: null }, note });
  });
});
