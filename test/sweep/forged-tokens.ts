import { createHmac } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * Tokens an attacker could build from a real one: edited claims, stripped or swapped algorithms, another key. The
 * `app` signer holds the real secret and makes the ones only a leak could produce (expired, not yet valid, wrong
 * issuer) so that each rule is checked on its own.
 */
export async function forgeriesOf(valid: string, app: JwtService): Promise<{ label: string; token: string }[]> {
  const [h, p, s] = valid.split('.');
  const claims = decode(p);
  const { iat: _iat, exp: _exp, iss: _iss, nbf: _nbf, ...bare } = claims;
  const header = decode(h);
  const hs256 = (head: string, body: string, secret: string) => createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  const now = Math.floor(Date.now() / 1000);
  return [
    {
      label: 'roles edited (admin and leader added), signature kept',
      token: `${h}.${encode({ ...claims, roles: [...new Set([...((claims.roles as string[]) ?? []), 'admin', 'leader'])] })}.${s}`,
    },
    {
      label: 'scope edited to another unit, signature kept',
      token: `${h}.${encode({ ...claims, scopeCode: '002', agencyCode: '000.01.22.H26', unitCode: '002' })}.${s}`,
    },
    {
      label: 'kind edited, signature kept',
      token: `${h}.${encode({ ...claims, kind: claims.kind === 'officer' ? 'citizen' : 'officer', phone: '84912345678' })}.${s}`,
    },
    { label: 'expiry pushed a year ahead, signature kept', token: `${h}.${encode({ ...claims, exp: now + 365 * 86400 })}.${s}` },
    {
      label: 'signed with another key',
      token: await new JwtService({ secret: 'attacker-secret-0123456789-abcdefghij' }).signAsync(bare, { issuer: String(claims.iss) }),
    },
    { label: 'signed with an empty key', token: `${h}.${p}.${hs256(h, p, '')}` },
    { label: 'signature removed', token: `${h}.${p}.` },
    { label: 'alg none, no signature', token: `${encode({ alg: 'none', typ: 'JWT' })}.${p}.` },
    { label: 'alg none, signature kept', token: `${encode({ alg: 'none', typ: 'JWT' })}.${p}.${s}` },
    { label: 'alg HS512 in the header', token: `${encode({ ...header, alg: 'HS512' })}.${p}.${s}` },
    { label: 'alg RS256 in the header', token: `${encode({ ...header, alg: 'RS256' })}.${p}.${s}` },
    { label: 'expired ten seconds ago', token: await app.signAsync(bare, { expiresIn: -10 }) },
    { label: 'not valid for another hour', token: await app.signAsync(bare, { notBefore: 3600 }) },
    { label: 'no expiry at all (signed with the real key)', token: await app.signAsync(bare) },
    { label: 'living ten years (signed with the real key)', token: await app.signAsync(bare, { expiresIn: 10 * 365 * 86400 }) },
    { label: 'subject not a UUID (signed with the real key)', token: await app.signAsync({ ...bare, sub: 'not-a-uuid' }, { expiresIn: 60 }) },
    { label: 'issued by someone else', token: await app.signAsync(bare, { issuer: 'evil.example' }) },
    { label: 'truncated', token: valid.slice(0, -4) },
    { label: 'two parts', token: `${h}.${p}` },
    { label: 'four parts', token: `${valid}.${s}` },
    { label: 'not base64', token: `${h}.%%%.${s}` },
    { label: 'the token twice', token: `${valid} ${valid}` },
    { label: 'empty', token: '' },
  ];
}
