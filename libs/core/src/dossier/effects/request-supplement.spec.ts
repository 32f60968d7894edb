import { DomainError } from '../../errors/domain-error';
import { decideSupplementRequest } from './request-supplement';

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
    expect(decideSupplementRequest(facts(0), { reason: 'Thiếu giấy chứng sinh', components: ['GCS'] }))
      .toEqual({ reason: 'Thiếu giấy chứng sinh', missing: ['GCS'], supplementRequests: 1, breach: false, repeatReason: null });
  });

  it('a second request without an explicit reason for asking again is refused on repeatReason', () => {
    expect(fields(() => decideSupplementRequest(facts(1), { reason: 'Thiếu tờ khai', components: ['TK'] }))).toEqual(['repeatReason']);
    expect(fields(() => decideSupplementRequest(facts(1), { reason: 'Thiếu tờ khai', components: ['TK'], repeatReason: '  ' }))).toEqual(['repeatReason']);
  });

  it('with the reason it is accepted and recorded as a breach', () => {
    expect(decideSupplementRequest(facts(1), { reason: 'Thiếu tờ khai', components: ['TK'], repeatReason: 'Tờ khai nộp bổ sung bị rách, không đọc được' }))
      .toEqual({ reason: 'Thiếu tờ khai', missing: ['TK'], supplementRequests: 2, breach: true, repeatReason: 'Tờ khai nộp bổ sung bị rách, không đọc được' });
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
