import type { FeeRule } from '../../catalog/procedure-definition';
import { dossierState, refusalOf } from './effect-fixtures';
import { supplementEffect, type SupplementFacts } from './supplement';

// 2.000635 (copies of a civil-status extract): 8,000 VND a copy (field soBanSao), paid before processing.
const PER_COPY: FeeRule = {
  code: 'PHI_BAN_SAO',
  kind: 'fee',
  name: 'Phí cấp bản sao',
  basis: 'per_copy',
  amountVnd: 8000,
  copiesField: 'soBanSao',
  payment: 'before',
};
const facts: SupplementFacts = { byPerson: true, procedure: { fees: [PER_COPY], national: null }, componentErrors: [], formErrors: [] };
const waiting = dossierState({
  status: 'supplement_requested',
  resumeStatus: 'processing',
  procedureCode: '2.000635',
  form: { soBanSao: 2 },
  components: [
    { code: 'TK', fileIds: ['f-1'] },
    { code: 'GTTT', fileIds: ['f-2'] },
  ],
  feeTotalVnd: 16_000,
  feesBeforeVnd: 16_000,
  feesPaidVnd: 16_000,
});

describe('supplementEffect (the applicant brings what was missing; a changed form is assessed again)', () => {
  it('files are added to their components, once each; the form and fees stay when the form is not changed', () => {
    const effect = supplementEffect(
      waiting,
      {
        version: 6,
        components: [
          { code: 'GTTT', fileIds: ['f-2', 'f-3'] },
          { code: 'VBUQ', fileIds: ['f-4'] },
        ],
      },
      facts,
    );
    expect(effect).toEqual({
      patch: {
        resumeStatus: null,
        form: { soBanSao: 2 },
        components: [
          { code: 'TK', fileIds: ['f-1'] },
          { code: 'GTTT', fileIds: ['f-2', 'f-3'] },
          { code: 'VBUQ', fileIds: ['f-4'] },
        ],
      },
      note: null,
      data: { components: ['GTTT', 'VBUQ'], formChanged: false },
    });
  });

  it('5 copies instead of 2: the fees become 5 × 8,000 = 40,000, all before processing', () => {
    const effect = supplementEffect(waiting, { version: 6, form: { soBanSao: 5 } }, facts);
    expect(effect.patch).toMatchObject({ form: { soBanSao: 5 }, feeTotalVnd: 40_000, feesBeforeVnd: 40_000 });
    expect(effect.patch.fees).toEqual([expect.objectContaining({ code: 'PHI_BAN_SAO', unitAmountVnd: 8000, quantity: 5, amountVnd: 40_000 })]);
    expect(effect.data).toEqual({ components: [], formChanged: true, feeTotalVnd: { from: 16_000, to: 40_000 } });
  });

  it('the same number of copies again: assessed, and the event names no fee change', () => {
    expect(supplementEffect(waiting, { version: 6, form: { soBanSao: 2 } }, facts).data).toEqual({ components: [], formChanged: true });
  });

  it.each([
    ['nothing brought', {}, facts, 'validation_failed', ['components']],
    [
      'a file problem and a form problem, reported together',
      { form: { soBanSao: 0 } },
      { ...facts, componentErrors: [{ field: 'components[0].fileIds[0]', message: 'x' }], formErrors: [{ field: 'form.soBanSao', message: 'x' }] },
      'validation_failed',
      ['components[0].fileIds[0]', 'form.soBanSao'],
    ],
    [
      'form problems are not judged when the form is not changed',
      { components: [{ code: 'TK', fileIds: ['f-5'] }] },
      { ...facts, formErrors: [{ field: 'form.soBanSao', message: 'x' }] },
      null,
      null,
    ],
    ['by the system', { form: { soBanSao: 3 } }, { ...facts, byPerson: false }, 'forbidden', []],
  ])('%s', (_case, input, f, code, fields) => {
    if (code === null) {
      expect(() => supplementEffect(waiting, { version: 6, ...input }, f)).not.toThrow();
      return;
    }
    expect(refusalOf(() => supplementEffect(waiting, { version: 6, ...input }, f))).toMatchObject({ code, fields });
  });
});
