import { signInTracker } from './sign-in-tracker';

describe('signInTracker', () => {
  it.each([
    [{ ip: '203.0.113.7', body: { username: ' TN.TrangTien ', password: 'x' } }, '203.0.113.7|tn.trangtien'],
    [{ ip: '203.0.113.7', body: { phone: '+84 912 345 678' } }, '203.0.113.7|84912345678'],
    [{ ip: '203.0.113.7', body: { mfaToken: 't', code: '123456' } }, '203.0.113.7|'],
    [{ ip: '203.0.113.7', body: [1, 2] }, '203.0.113.7|'],
    [{ ip: '203.0.113.7', body: { username: 5 } }, '203.0.113.7|'],
    [{ ip: '203.0.113.7', body: { username: 'x'.repeat(100) } }, `203.0.113.7|${'x'.repeat(64)}`],
    [{ body: null }, '|'],
  ])('%j → %s', (request, key) => {
    expect(signInTracker(request)).toBe(key);
  });
});
