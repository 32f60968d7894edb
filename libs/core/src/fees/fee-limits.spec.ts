import { MAX_DOSSIER_FEES_VND, requestedAmountProblem } from './fee-limits';

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
