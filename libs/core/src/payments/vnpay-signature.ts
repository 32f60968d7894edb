/**
 * VNPay 2.1.0 request/response signing (payment URL, Return URL and IPN).
 *
 * The data that is signed is the "query string" VNPay's official Node.js sample (vnpay_nodejs, `sortObject` +
 * `qs.stringify(params, { encode: false })`) builds:
 *   1. drop `vnp_SecureHash` / `vnp_SecureHashType` and every empty value;
 *   2. sort the keys by name (plain ASCII order — every `vnp_*` key is ASCII);
 *   3. encode key and value with `encodeURIComponent` and then turn `%20` into `+`;
 *   4. join `key=value` pairs with `&`.
 * `vnp_SecureHash` = lowercase hex HMAC-SHA512 of that UTF-8 string with the merchant's hash secret.
 * (Confirmed against public copies of the official sample: `encodeURIComponent(obj[key]).replace(/%20/g, "+")`,
 * `createHmac("sha512", secret).update(Buffer.from(signData, 'utf-8')).digest("hex")`.)
 *
 * Caveat: `encodeURIComponent` leaves `! ' ( ) * ~` unencoded while PHP's `urlencode` / Java's `URLEncoder`
 * encode some of them. The payment URL builder strips such characters from `vnp_OrderInfo`, and the values VNPay
 * sends back (digits, codes, the order info we sent) never contain them, so both sides hash the same bytes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A scalar parameter value; `undefined`, `null` and `''` are "empty" and are neither signed nor sent. */
export type VnpayParamValue = string | number | null | undefined;
export type VnpayParams = Readonly<Record<string, VnpayParamValue>>;

/** Keys never included in the signed data. */
export const VNPAY_UNSIGNED_KEYS: readonly string[] = ['vnp_SecureHash', 'vnp_SecureHashType'];

const HEX_SHA512 = /^[0-9a-fA-F]{128}$/;

/** `encodeURIComponent` with spaces as `+`, exactly like VNPay's Node sample. */
export function vnpayEncode(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+');
}

function isEmpty(value: unknown): value is null | undefined | '' {
  return value === undefined || value === null || value === '';
}

/** The canonical signed data: sorted, non-empty, encoded `k=v` pairs joined with `&` (hash fields excluded). */
export function vnpayQueryString(params: VnpayParams): string {
  return Object.keys(params)
    .filter((key) => !VNPAY_UNSIGNED_KEYS.includes(key) && !isEmpty(params[key]))
    .sort(compareAscii)
    .map((key) => `${vnpayEncode(key)}=${vnpayEncode(String(params[key]))}`)
    .join('&');
}

/** Lowercase hex HMAC-SHA512 of `data` (UTF-8) keyed with `secret`. */
export function hmacSha512Hex(secret: string, data: string): string {
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new Error('VNPay hash secret must be a non-empty string');
  }
  return createHmac('sha512', secret).update(Buffer.from(data, 'utf-8')).digest('hex');
}

/** `vnp_SecureHash` for a parameter set (payment URL, Return URL, IPN). */
export function signVnpay(params: VnpayParams, secret: string): string {
  return hmacSha512Hex(secret, vnpayQueryString(params));
}

/**
 * Constant-time check of `params.vnp_SecureHash` (hex, any case) against the parameters. Returns false — never
 * throws — for a missing/malformed hash or a non-scalar parameter (e.g. a repeated query key parsed as an array).
 */
export function verifyVnpay(params: object, secret: string): boolean {
  if (params === null || typeof params !== 'object') return false;
  const scalars: Record<string, VnpayParamValue> = {};
  for (const [key, value] of Object.entries(params) as [string, unknown][]) {
    if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number') {
      scalars[key] = value;
    } else {
      return false;
    }
  }
  const given = scalars.vnp_SecureHash;
  if (typeof given !== 'string') return false;
  return hexDigestEquals(signVnpay(scalars, secret), given);
}

/**
 * Constant-time comparison of an expected lowercase SHA-512 hex digest with a received one (case-insensitive).
 * Lengths are checked first (a digest's length is not secret).
 */
export function hexDigestEquals(expectedHex: string, receivedHex: unknown): boolean {
  if (typeof receivedHex !== 'string' || !HEX_SHA512.test(receivedHex) || expectedHex.length !== receivedHex.length) {
    return false;
  }
  return timingSafeEqual(Buffer.from(expectedHex, 'hex'), Buffer.from(receivedHex, 'hex'));
}

/**
 * HMAC-SHA512 over values joined with `|` — the signing scheme of VNPay's server-to-server API
 * (`querydr`, `refund`). `undefined`/`null` become empty strings (as in public client libraries, which do
 * `.map(String).join('|').replace(/undefined/g, '')`).
 */
export function vnpayPipeHash(values: readonly VnpayParamValue[], secret: string): string {
  return hmacSha512Hex(secret, vnpayPipeData(values));
}

/** The `|`-joined data signed by `vnpayPipeHash`. */
export function vnpayPipeData(values: readonly VnpayParamValue[]): string {
  return values.map((v) => (v === undefined || v === null ? '' : String(v))).join('|');
}

/** The values of `fields` in `body`, in that order (anything but a string or number counts as absent). */
export function vnpayPipeValues(body: object, fields: readonly string[]): VnpayParamValue[] {
  const record = (body ?? {}) as Readonly<Record<string, unknown>>;
  return fields.map((key) => {
    const value = record[key];
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  });
}

/** Pipe-signed JSON body (querydr/refund request or response): constant-time check of `body.vnp_SecureHash`. */
export function verifyVnpayPipe(body: object, secret: string, fields: readonly string[]): boolean {
  if (body === null || typeof body !== 'object') return false;
  const given = (body as Readonly<Record<string, unknown>>).vnp_SecureHash;
  return hexDigestEquals(vnpayPipeHash(vnpayPipeValues(body, fields), secret), given);
}

function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
