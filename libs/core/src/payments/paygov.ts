/**
 * PayGov (the national payment platform, Nền tảng thanh toán trên Cổng DVC quốc gia) integrity code.
 *
 * ASSUMPTION (not confirmed from a public PayGov specification): `MaXacThuc` = lowercase hex SHA-256 of the
 * message's fields joined with `|`, immediately followed by the merchant's secret — i.e.
 * `sha256(f1|f2|…|fn + secret)`, no separator before the secret, UTF-8. Field order is the caller's business
 * (it differs per message type). If PayGov turns out to expect a `|` before the secret, pass
 * `{ secretSeparator: '|' }`.
 */
import { createHash } from 'node:crypto';

export function paygovMaXacThuc(fields: readonly (string | number)[], secret: string, options: { secretSeparator?: string } = {}): string {
  if (typeof secret !== 'string' || secret.length === 0) throw new Error('PayGov secret must be a non-empty string');
  const data = `${fields.map(String).join('|')}${options.secretSeparator ?? ''}${secret}`;
  return createHash('sha256').update(data, 'utf8').digest('hex');
}
