import { TotpSecretBox } from './totp-secret-box';

describe('TotpSecretBox', () => {
  const box = new TotpSecretBox('a key of at least thirty-two characters, for the test');
  const officer = '6f1c2a4e-0000-4000-8000-000000000001';
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it('opens what it sealed, and the stored form does not contain the secret', () => {
    const stored = box.seal(officer, secret);
    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored).not.toContain(secret);
    expect(stored.length).toBeLessThanOrEqual(160);
    expect(box.open(officer, stored)).toBe(secret);
    // a fresh IV each time: two seals of one secret differ
    expect(box.seal(officer, secret)).not.toBe(stored);
  });

  it.each([
    ["another officer's row", (s: string) => [box, '6f1c2a4e-0000-4000-8000-000000000002', s] as const],
    ['another key', (s: string) => [new TotpSecretBox('another key of at least thirty-two characters!!'), officer, s] as const],
    ['a flipped byte', (s: string) => [box, officer, s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.at(-1)] as const],
    ['the plain secret', () => [box, officer, secret] as const],
    ['an extra part', (s: string) => [box, officer, `${s}.x`] as const],
  ])('does not open with %s', (_label, make) => {
    const [b, id, stored] = make(box.seal(officer, secret));
    expect(b.open(id, stored)).toBeNull();
  });
});
