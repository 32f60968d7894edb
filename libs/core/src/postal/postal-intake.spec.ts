import { deskIntakeChannel, resultReturnErrors } from './postal-intake';

// 2026-12-02 10:00 in Hà Nội (UTC+7).
const NOW = new Date('2026-12-02T03:00:00Z');
const fields = (r: ReturnType<typeof deskIntakeChannel>) => (r.ok ? [] : r.errors.map((e) => e.field));

describe('deskIntakeChannel', () => {
  it.each([
    [{}, { channel: 'direct', postal: null }],
    [{ channel: 'direct' }, { channel: 'direct', postal: null }],
    [
      { channel: 'post', postalItemNumber: 'EE123456785VN', postReceivedOn: '2026-12-02' },
      { channel: 'post', postal: { itemNumber: 'EE123456785VN', receivedOn: '2026-12-02' } },
    ],
    [
      { channel: 'post', postalItemNumber: 'rr 000000005 vn', postReceivedOn: '2026-11-28' },
      { channel: 'post', postal: { itemNumber: 'RR000000005VN', receivedOn: '2026-11-28' } },
    ],
  ])('%j → %j', (input, value) => {
    expect(deskIntakeChannel(input, NOW)).toEqual({ ok: true, value });
  });

  it.each([
    [{ channel: 'online' }, ['channel']],
    [{ channel: 'post' }, ['postalItemNumber', 'postReceivedOn']],
    [{ channel: 'post', postalItemNumber: 'EE123456789VN', postReceivedOn: '2026-12-01' }, ['postalItemNumber']],
    [{ channel: 'post', postalItemNumber: 'EE1234VN', postReceivedOn: '2026-12-01' }, ['postalItemNumber']],
    [{ channel: 'post', postalItemNumber: 'EE123456785VN', postReceivedOn: '2026-12-03' }, ['postReceivedOn']],
    [{ channel: 'post', postalItemNumber: 'EE123456785VN', postReceivedOn: '2026-02-30' }, ['postReceivedOn']],
    [{ channel: 'post', postalItemNumber: 'EE123456785VN', postReceivedOn: '2026-12-01T08:00:00+07:00' }, ['postReceivedOn']],
    [{ postalItemNumber: 'EE123456785VN' }, ['postalItemNumber']],
    [{ channel: 'direct', postReceivedOn: '2026-12-01' }, ['postReceivedOn']],
  ])('%j is refused on %j', (input, expected) => {
    expect(fields(deskIntakeChannel(input, NOW))).toEqual(expected);
  });

  it('takes today in Hà Nội: at 23:30 UTC on 1 December it is already 2 December there', () => {
    const r = deskIntakeChannel({ channel: 'post', postalItemNumber: 'EE123456785VN', postReceivedOn: '2026-12-02' }, new Date('2026-12-01T23:30:00Z'));
    expect(r.ok).toBe(true);
  });
});

describe('resultReturnErrors', () => {
  it.each([
    ['desk', undefined, []],
    ['online', undefined, []],
    ['post', 'EE123456785VN', []],
    ['post', undefined, ['postalItemNumber']],
    ['post', 'EE123456789VN', ['postalItemNumber']],
    ['desk', 'EE123456785VN', ['postalItemNumber']],
  ])('%s with %j → %j', (method, item, expected) => {
    expect(resultReturnErrors(method, item).map((e) => e.field)).toEqual(expected);
  });
});
