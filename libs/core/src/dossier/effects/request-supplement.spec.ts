import { DomainError } from '../../errors/domain-error';
import { dossierState } from './effect-fixtures';
import { decideSupplementRequest, requestSupplementEffect } from './request-supplement';

const facts = (supplementRequests: number) => ({ supplementRequests, componentCodes: ['TK', 'GCS', 'GTTT'], procedureCode: '1.001193' });

function fields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).fieldErrors.map((f) => f.field);
  }
  throw new Error('expected a refusal');
}

describe('decideSupplementRequest (Form 02: once, in writing — Decree 61/2018 art. 15; Decision 766/QĐ-TTg counts more as late)', () => {
  it('the first request needs only the reason and the missing components', () => {
    expect(decideSupplementRequest(facts(0), { reason: 'Thiếu giấy chứng sinh', components: ['GCS'] })).toEqual({
      reason: 'Thiếu giấy chứng sinh',
      missing: ['GCS'],
      supplementRequests: 1,
      breach: false,
      repeatReason: null,
    });
  });

  it('a second request without an explicit reason for asking again is refused on repeatReason', () => {
    expect(fields(() => decideSupplementRequest(facts(1), { reason: 'Thiếu tờ khai', components: ['TK'] }))).toEqual(['repeatReason']);
    expect(fields(() => decideSupplementRequest(facts(1), { reason: 'Thiếu tờ khai', components: ['TK'], repeatReason: '  ' }))).toEqual(['repeatReason']);
  });

  it('with the reason it is accepted and recorded as a breach', () => {
    expect(
      decideSupplementRequest(facts(1), { reason: 'Thiếu tờ khai', components: ['TK'], repeatReason: 'Tờ khai nộp bổ sung bị rách, không đọc được' }),
    ).toEqual({ reason: 'Thiếu tờ khai', missing: ['TK'], supplementRequests: 2, breach: true, repeatReason: 'Tờ khai nộp bổ sung bị rách, không đọc được' });
    expect(decideSupplementRequest(facts(2), { reason: 'Thiếu', components: ['TK'], repeatReason: 'Lần thứ ba' }).supplementRequests).toBe(3);
  });

  it.each([
    ['no reason', { components: ['GCS'] }, ['reason']],
    ['no component', { reason: 'Thiếu giấy tờ', components: [] }, ['components']],
    ['unknown components', { reason: 'Thiếu giấy tờ', components: ['GCS', 'XYZ', 'ABC'] }, ['components[1]', 'components[2]']],
  ])('%s → 422', (_case, input, expected) => {
    expect(fields(() => decideSupplementRequest(facts(0), input))).toEqual(expected);
  });
});

describe('requestSupplementEffect (the wait remembers where to resume; the SMS gives the reason)', () => {
  it.each([
    ['the first request', 0, {}, { form: 'form_02', missingComponents: ['GCS'] }],
    [
      'a second one, recorded as a breach',
      1,
      { repeatReason: 'Bản bổ sung vẫn mờ' },
      { form: 'form_02', missingComponents: ['GCS'], breachOfOnceRule: true, repeatReason: 'Bản bổ sung vẫn mờ', request: 2 },
    ],
  ])('%s', (_case, before, extra, data) => {
    const dossier = dossierState({ status: 'processing', supplementRequests: before });
    expect(
      requestSupplementEffect(
        dossier,
        { version: 5, reason: 'Giấy chứng sinh bị mờ', components: ['GCS'], ...extra },
        { componentCodes: ['TK', 'GCS', 'GTTT'] },
      ),
    ).toEqual({
      patch: { resumeStatus: 'processing', supplementRequests: before + 1 },
      note: 'Giấy chứng sinh bị mờ',
      data,
      variables: { reason: 'Giấy chứng sinh bị mờ' },
    });
  });
});
