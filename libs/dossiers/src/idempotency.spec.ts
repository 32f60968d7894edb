import { requestHash } from './idempotency';

describe('requestHash', () => {
  it('ignores key order at every depth', () => {
    expect(requestHash({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(requestHash({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }));
  });
  it.each([
    [{ a: 1 }, { a: 2 }],
    [{ a: [1, 2] }, { a: [2, 1] }],
    [{ a: 1 }, { a: 1, b: null }],
  ])('%j and %j differ', (x, y) => {
    expect(requestHash(x)).not.toBe(requestHash(y));
  });
});
