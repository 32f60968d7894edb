import { DomainError } from '../../errors/domain-error';
import { fromLocal } from '../../calendar/zoned-time';
import { dossierState } from './effect-fixtures';
import { decideExtension, extendEffect } from './extend';

const at = (s: string) => fromLocal(s.slice(0, 10), s.slice(11));
const first = at('2026-11-26 16:00');

function problem(fn: () => unknown): { code: string; fields: string[]; message: string } {
  try {
    fn();
  } catch (e) {
    const err = e as DomainError;
    return { code: err.code, fields: err.fieldErrors.map((f) => f.field), message: err.message };
  }
  throw new Error('expected a refusal');
}

describe('decideExtension (Form 04: the apology and new appointment, issued before the due time passes)', () => {
  it('before the due time: the new appointment is kept beside the first', () => {
    expect(
      decideExtension(
        { dueAt: first, extendedDueAt: null },
        { reason: 'Cần xác minh thực địa', newDueAt: '2026-12-03T16:00:00+07:00' },
        at('2026-11-25 10:00'),
      ),
    ).toEqual({ extendedDueAt: at('2026-12-03 16:00'), previousDueAt: first, reason: 'Cần xác minh thực địa' });
  });

  it('exactly at the due time it is still in time; one millisecond later it is a conflict (409)', () => {
    expect(
      decideExtension({ dueAt: first, extendedDueAt: null }, { reason: 'Cần xác minh', newDueAt: '2026-12-03T16:00:00+07:00' }, first).extendedDueAt,
    ).toEqual(at('2026-12-03 16:00'));
    const late = problem(() =>
      decideExtension({ dueAt: first, extendedDueAt: null }, { reason: 'Cần xác minh', newDueAt: '2026-12-03T16:00:00+07:00' }, new Date(first.getTime() + 1)),
    );
    expect(late.code).toBe('transition_not_allowed');
    expect(late.message).toMatch(/has passed/);
  });

  it('a second extension is judged against the first appointment, and must go beyond the current one', () => {
    const facts = { dueAt: first, extendedDueAt: at('2026-12-03 16:00') };
    expect(decideExtension(facts, { reason: 'Chờ ý kiến sở', newDueAt: '2026-12-08T16:00:00+07:00' }, at('2026-11-26 09:00')).previousDueAt).toEqual(
      at('2026-12-03 16:00'),
    );
    expect(problem(() => decideExtension(facts, { reason: 'Chờ ý kiến sở', newDueAt: '2026-12-02T16:00:00+07:00' }, at('2026-11-26 09:00'))).fields).toEqual([
      'newDueAt',
    ]);
    // Before the new appointment but after the first: too late, the dossier is already late.
    expect(problem(() => decideExtension(facts, { reason: 'Chờ ý kiến sở', newDueAt: '2026-12-08T16:00:00+07:00' }, at('2026-11-30 09:00'))).code).toBe(
      'transition_not_allowed',
    );
  });

  it.each([
    ['no reason', { newDueAt: '2026-12-03T16:00:00+07:00' }, ['reason']],
    ['blank reason', { reason: '   ', newDueAt: '2026-12-03T16:00:00+07:00' }, ['reason']],
    ['no date', { reason: 'Cần xác minh' }, ['newDueAt']],
    ['not a date', { reason: 'Cần xác minh', newDueAt: 'sau Tết' }, ['newDueAt']],
    ['not later than the first appointment', { reason: 'Cần xác minh', newDueAt: '2026-11-26T16:00:00+07:00' }, ['newDueAt']],
  ])('%s → 422 on the field', (_case, input, fields) => {
    expect(problem(() => decideExtension({ dueAt: first, extendedDueAt: null }, input, at('2026-11-25 10:00')))).toMatchObject({
      code: 'validation_failed',
      fields,
    });
  });

  it('a dossier not yet received has nothing to extend', () => {
    expect(
      problem(() =>
        decideExtension({ dueAt: null, extendedDueAt: null }, { reason: 'Cần xác minh', newDueAt: '2026-12-03T16:00:00+07:00' }, at('2026-11-25 10:00')),
      ).code,
    ).toBe('transition_not_allowed');
  });
});

describe('extendEffect (Form 04 recorded: the first appointment kept, the applicant told the new day)', () => {
  it('records both appointments and sends the new day as dd/MM/yyyy', () => {
    const dossier = dossierState({ dueAt: first, extendedDueAt: null });
    expect(extendEffect(dossier, { version: 4, reason: 'Cần xác minh thực địa', newDueAt: '2026-12-03T16:00:00+07:00' }, at('2026-11-25 10:00'))).toEqual({
      patch: { extendedDueAt: at('2026-12-03 16:00') },
      note: 'Cần xác minh thực địa',
      data: { form: 'form_04', firstDueAt: '2026-11-26T09:00:00.000Z', previousDueAt: '2026-11-26T09:00:00.000Z', newDueAt: '2026-12-03T09:00:00.000Z' },
      variables: { reason: 'Cần xác minh thực địa', newDueDate: '03/12/2026' },
    });
  });
});
