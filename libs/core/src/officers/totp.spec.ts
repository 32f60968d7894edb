import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { base32Decode, base32Encode } from './base32';
import { checkTotp, totpCode, type TotpAlgorithm, type TotpPolicy } from './totp';

// RFC 6238 Appendix B: the seeds are the ASCII digits repeated to the hash's block size.
const SEEDS: Record<TotpAlgorithm, Uint8Array> = {
  sha1: new TextEncoder().encode('12345678901234567890'),
  sha256: new TextEncoder().encode('12345678901234567890123456789012'),
  sha512: new TextEncoder().encode('1234567890123456789012345678901234567890123456789012345678901234'),
};
const rfc = (algorithm: TotpAlgorithm): TotpPolicy => ({ digits: 8, periodSeconds: 30, windowSteps: 1, algorithm });

describe('TOTP, RFC 6238 Appendix B test vectors', () => {
  it.each([
    [59, 'sha1', '94287082'],
    [59, 'sha256', '46119246'],
    [59, 'sha512', '90693936'],
    [1111111109, 'sha1', '07081804'],
    [1111111109, 'sha256', '68084774'],
    [1111111109, 'sha512', '25091201'],
    [1111111111, 'sha1', '14050471'],
    [1111111111, 'sha256', '67062674'],
    [1111111111, 'sha512', '99943326'],
    [1234567890, 'sha1', '89005924'],
    [1234567890, 'sha256', '91819424'],
    [1234567890, 'sha512', '93441116'],
    [2000000000, 'sha1', '69279037'],
    [2000000000, 'sha256', '90698825'],
    [2000000000, 'sha512', '38618901'],
    [20000000000, 'sha1', '65353130'],
    [20000000000, 'sha256', '77737706'],
    [20000000000, 'sha512', '47863826'],
  ] as const)('T = %d s, %s → %s', (seconds, algorithm, code) => {
    expect(totpCode(SEEDS[algorithm], seconds, rfc(algorithm))).toBe(code);
    const check = checkTotp(SEEDS[algorithm], code, new Date(seconds * 1000), null, rfc(algorithm));
    expect(check).toEqual({ ok: true, step: Math.floor(seconds / 30) });
  });
});

describe('checkTotp window and replay', () => {
  const policy = rfc('sha1');
  const seed = SEEDS.sha1;
  // 1111111109 s is step 37037036; its code is 07081804 (RFC vector), 1111111111 s is step 37037037 (14050471).
  it.each([
    ['the current step', 1111111109, '07081804', null, { ok: true, step: 37037036 }],
    ['one step later (clock drift)', 1111111109 + 30, '07081804', null, { ok: true, step: 37037036 }],
    ['one step earlier', 1111111111 - 30, '14050471', null, { ok: true, step: 37037037 }],
    ['two steps later is outside the window', 1111111109 + 60, '07081804', null, { ok: false, reason: 'wrong' }],
    ['a step already used', 1111111109, '07081804', 37037036, { ok: false, reason: 'replayed' }],
    ['an earlier step than one used', 1111111111, '07081804', 37037037, { ok: false, reason: 'replayed' }],
    ['a later step than one used', 1111111111, '14050471', 37037036, { ok: true, step: 37037037 }],
    ['a wrong code', 1111111109, '07081805', null, { ok: false, reason: 'wrong' }],
    ['too short', 1111111109, '0708180', null, { ok: false, reason: 'malformed' }],
    ['not digits', 1111111109, '0708180a', null, { ok: false, reason: 'malformed' }],
  ] as const)('%s', (_label, seconds, code, lastUsed, expected) => {
    expect(checkTotp(seed, code, new Date(seconds * 1000), lastUsed, policy)).toEqual(expected);
  });
});

describe('a second computation: otplib (run by node itself, whose require() loads its ES-module dependencies)', () => {
  it('agrees on random secrets and times, with the otpauth defaults', () => {
    const cases = Array.from({ length: 20 }, (_, i) => ({ secret: base32Encode(randomBytes(20)), at: 1_700_000_000 + i * 7919 }));
    const script = `const o=require('otplib');const c=JSON.parse(process.argv[1]);process.stdout.write(JSON.stringify(c.map((x)=>o.generateSync({secret:x.secret,epoch:x.at}))))`;
    const theirs = JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(cases)], { cwd: __dirname, encoding: 'utf8' }));
    const ours = cases.map((c) => totpCode(base32Decode(c.secret), c.at));
    expect(ours).toEqual(theirs);
  });
});
