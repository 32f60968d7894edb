import { generateKeyPairSync, randomUUID, type JsonWebKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The provider's private signing keys (RS256) as a JWKS. With a directory, the keys in `jwks.json` there are used
 * (made and written on the first start), so tokens stay verifiable across restarts; without one, fresh keys per run.
 */
export function signingKeys(dir?: string): { keys: JsonWebKey[] } {
  const file = dir ? join(dir, 'jwks.json') : null;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { keys: JsonWebKey[] };
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwks = { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' }] };
  if (dir && file) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(jwks), { mode: 0o600 });
  }
  return jwks;
}
