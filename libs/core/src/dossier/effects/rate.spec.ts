import { at, dossierState, refusalOf } from './effect-fixtures';
import { rateEffect } from './rate';

const now = at('2026-12-02 08:00');
const returned = dossierState({ status: 'result_returned' });

describe('rateEffect (very satisfied, satisfied, or not satisfied with a reason; once)', () => {
  it.each([
    ['very satisfied', 'very_satisfied' as const, undefined, null],
    ['satisfied, with a remark', 'satisfied' as const, ' Nhanh ', 'Nhanh'],
    ['unsatisfied, with its reason', 'unsatisfied' as const, 'Phải đi lại hai lần', 'Phải đi lại hai lần'],
  ])('%s', (_case, rating, reason, kept) => {
    expect(rateEffect(returned, { version: 10, rating, reason }, now)).toEqual({
      patch: { rating: { rating, reason: kept, ratedAt: '2026-12-02T01:00:00.000Z' } },
      note: kept,
      data: { rating },
    });
  });

  it.each([
    ['unsatisfied without a reason', returned, { rating: 'unsatisfied' as const }, 'validation_failed', ['reason']],
    ['an unknown rating', returned, { rating: 'ok' as never }, 'validation_failed', ['rating']],
    [
      'a second rating',
      { ...returned, rating: { rating: 'satisfied' as const, reason: null, ratedAt: '2026-12-01T01:00:00.000Z' } },
      { rating: 'satisfied' as const },
      'conflict',
      [],
    ],
  ])('%s → refused', (_case, dossier, input, code, fields) => {
    expect(refusalOf(() => rateEffect(dossier, { version: 10, ...input }, now))).toMatchObject({ code, fields });
  });
});
