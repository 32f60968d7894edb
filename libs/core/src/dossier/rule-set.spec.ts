import { NOTICE_BY_ACTION } from './applicant-notices';
import { ruleSetAt } from './rule-set';

describe('ruleSetAt', () => {
  it.each([
    ['2025-06-30T16:59:59Z', 'decree_61_2018'],
    ['2025-06-30T17:00:00Z', 'decree_118_2025'],
    ['2019-03-01T02:00:00Z', 'decree_61_2018'],
    ['2026-11-25T02:00:00Z', 'decree_118_2025'],
  ])('a dossier received at %s follows %s', (at, ruleSet) => {
    expect(ruleSetAt(new Date(at))).toBe(ruleSet);
  });
});

describe('NOTICE_BY_ACTION', () => {
  it.each([
    ['accept', 'dossier_received'],
    ['request_supplement', 'supplement_requested'],
    ['request_payment', 'payment_requested'],
    ['refuse', 'dossier_refused'],
    ['approve', 'result_ready'],
    ['extend', 'apology_new_date'],
    ['stop', 'dossier_stopped'],
    ['assign', undefined],
    ['transfer', undefined],
    ['propose', undefined],
    ['rate', undefined],
  ])('%s → %s', (action, notice) => {
    expect(NOTICE_BY_ACTION[action as keyof typeof NOTICE_BY_ACTION]).toBe(notice);
  });
});
