import { aboveAssessmentProblem, MAX_DOSSIER_FEES_VND, requestedAmountProblem } from './fee-limits';

describe('what an officer may ask to be paid', () => {
  it.each([
    [16_000, 0, null],
    [1, MAX_DOSSIER_FEES_VND - 1, null],
    [MAX_DOSSIER_FEES_VND, 0, null],
    [2, MAX_DOSSIER_FEES_VND - 1, 'past'],
    [MAX_DOSSIER_FEES_VND, 1, 'past'],
    [0, 0, 'positive'],
    [-5, 0, 'positive'],
    [1.5, 0, 'positive'],
  ])('%p more with %p paid → %p', (amount, paid, problem) => {
    const got = requestedAmountProblem(amount, paid);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });
});

describe("asking above the assessment is a leader's decision", () => {
  // 2.000635 with 2 copies: assessed 16,000 VND (PHI_BAN_SAO 8,000 a copy); a free procedure is assessed 0.
  it.each([
    ['specialist', 16_000, { feeTotalVnd: 16_000, feesPaidVnd: 0 }, null],
    ['specialist', 8_000, { feeTotalVnd: 16_000, feesPaidVnd: 8_000 }, null],
    ['receiving_officer', 8_000, { feeTotalVnd: 16_000, feesPaidVnd: 0 }, null],
    ['specialist', 16_001, { feeTotalVnd: 16_000, feesPaidVnd: 0 }, 'Only a leader'],
    ['specialist', 8_001, { feeTotalVnd: 16_000, feesPaidVnd: 8_000 }, 'Only a leader'],
    ['receiving_officer', 1_000_000_000, { feeTotalVnd: 0, feesPaidVnd: 0 }, 'Only a leader'],
    ['specialist', 1, { feeTotalVnd: 16_000, feesPaidVnd: 16_000 }, 'Only a leader'],
    ['leader', 1_000_000_000, { feeTotalVnd: 0, feesPaidVnd: 0 }, null],
    ['system', 16_000, { feeTotalVnd: 16_000, feesPaidVnd: 0 }, null],
  ])('%s asks %p with %j → %p', (role, amount, d, problem) => {
    const got = aboveAssessmentProblem(amount, d, role);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });
});
