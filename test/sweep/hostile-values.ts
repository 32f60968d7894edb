import fc from 'fast-check';

/** Hostile inputs: the fixed catalogue every sweep draws from, plus fast-check's own arbitrary values. */

export const SQL_INJECTION = [
  "' OR '1'='1",
  "'; DROP TABLE dossiers; --",
  "1' UNION SELECT password_hash FROM officers --",
  "\\'; SELECT pg_sleep(5); --",
  '1; DELETE FROM payments',
  "') OR 1=1 --",
  '$1',
  ':code',
  '%',
  '_',
  '\\',
  "''",
  '"',
  '`',
  '$$; SELECT 1; $$',
];

export const PATH_TRAVERSAL = [
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....//....//etc/passwd',
  '/etc/passwd',
  'file:///etc/passwd',
  '..%c0%af..%c0%afetc',
  '..',
  '.',
  '/',
  'C:\\Windows\\System32',
  '\\\\server\\share',
];

export const CONTROL_AND_UNICODE = [
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(8),
  '\r\nX-Injected: 1',
  '\u202eexe.pdf',
  '\ufeff',
  '\ud800',
  '\udfff\ud800',
  'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ',
  '\u0008\u001b[31m',
  'Nguyễn Văn An',
  '𝕳𝖆𝖓𝖔𝖎',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  '\u2028\u2029',
  ' ',
  '',
  // Only invisible characters (bidi isolates and marks, zero-width, BOM: removed on intake), and decomposed Vietnamese.
  '\u200b\u200b\u200b\u200b\u200b\u200b',
  '\u2066\u2067\u2068\u2069\u202a\u202c',
  '\u200e\u200f\ufeff\u2060\u200d',
  'Nguyễn Thị Hằng'.normalize('NFD'),
];

export const EDGE_DATES = [
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-30',
  '2026-02-29T25:61:61Z',
  '1970-01-01T00:00:00Z',
  '2026-11-01T00:00:00+99:00',
  '20261101',
  'Infinity',
  'NaN',
  'now',
  '2026-W48-3',
];

export const EDGE_NUMBERS: unknown[] = [
  0,
  -1,
  -0,
  1.5,
  2147483647,
  2147483648,
  -2147483649,
  // 2^53 + 1 on purpose: a literal JSON.parse rounds, as a client's would
  // eslint-disable-next-line no-loss-of-precision
  9007199254740993,
  1e21,
  1e308,
  -1e308,
  5e-324,
  '1',
  '1e3',
  '0x10',
  ' 1',
  '-0',
];

const HUGE = ['x'.repeat(100_000), 'é'.repeat(50_000), '𝕏'.repeat(30_000), '\u0000'.repeat(10_000)];

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '$where', '$gt', 'a.b', 'a[b]', ''];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SQL_INJECTION, ...PATH_TRAVERSAL, ...CONTROL_AND_UNICODE, ...EDGE_DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }) },
);

export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...EDGE_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** An own `__proto__` / `constructor.prototype` key, as JSON.parse makes it (a literal would set the prototype). */
const pollution: fc.Arbitrary<unknown> = fc.constantFrom(
  JSON.parse('{"__proto__":{"isAdmin":true,"roles":["admin"]}}'),
  JSON.parse('{"constructor":{"prototype":{"isAdmin":true}}}'),
  JSON.parse('{"__proto__":null}'),
  JSON.parse('{"prototype":{"polluted":1}}'),
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 }));

/** A sentinel replaced by 10,000 levels of nesting when the body is serialised (JSON.stringify would recurse on it). */
export const DEEP = '\u0001deep-nesting\u0001';
export const deepJson = (levels = 10_000): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
export const deepArray = (levels = 10_000): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}, DEEP) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileKey, fc.oneof(hostileString, hostileNumber), { maxKeys: 3, noNullPrototype: true }) },
  { weight: 1, arbitrary: pollution },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Serialises a body, splicing in the deep-nesting sentinel. */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.split(JSON.stringify(DEEP)).join(deepJson());
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

export interface Mutation {
  op: 'replace' | 'delete' | 'add';
  pick: number;
  key: string;
  value: unknown;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'add'),
  pick: fc.nat(),
  key: hostileKey,
  value: hostileValue,
});

/** The base body with one node replaced, removed, or given an extra key. */
export function mutate(base: unknown, m: Mutation): unknown {
  const copy = structuredClone(base);
  const paths = pathsOf(copy);
  const path = paths[m.pick % paths.length];
  if (path.length === 0) return m.op === 'replace' ? m.value : copy;
  const parent = path.slice(0, -1).reduce<any>((node, k) => node[k], copy);
  const last = path[path.length - 1];
  if (m.op === 'replace') parent[last] = m.value;
  else if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (parent && typeof parent === 'object' && !Array.isArray(parent))
    Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** Path segments: percent-encoded hostile strings and bytes that are not valid UTF-8 at all. */
export const RAW_SEGMENTS = [
  '%FF',
  '%C3%28',
  '%ED%A0%80',
  'a%00b',
  '%zz',
  '\xff\xfe',
  '%2e%2e',
  '..%2f..%2fetc%2fpasswd',
  '%5C',
  '%27%20OR%20%271%27=%271',
  '%0d%0aX-Injected:%201',
  'x'.repeat(300),
];

/** Percent-encoded (lone surrogates cannot be), and short enough that the request line stays under Node's limit. */
export const encodeSegment = (s: string) =>
  encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))
    .slice(0, 2_000)
    .replace(/%[0-9A-F]?$/, '');

export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  { weight: 3, arbitrary: hostileString.map(encodeSegment) },
);

/** Header values must be bytes Node will send (tab, printable, latin1); anything else is dropped. */
export const headerSafe = (s: string) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '').slice(0, 2_000);

export const hostileHeaderValue: fc.Arbitrary<string | string[]> = fc.oneof(
  hostileString.map(headerSafe),
  fc.constantFrom('\xff\xfe\xfd', '\xc3\x28', 'x'.repeat(2_000), ' ', ''),
  fc.array(hostileString.map(headerSafe), { minLength: 2, maxLength: 3 }),
);

export interface RawBody {
  label: string;
  contentType: string | null;
  bytes: Buffer;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Whole bodies that are broken below the JSON level: encoding, size, nesting, type. */
export function rawBodies(bodyLimitBytes: number): RawBody[] {
  const json = 'application/json';
  return [
    { label: 'JSON nested 10,000 objects deep', contentType: json, bytes: utf8(deepJson()) },
    { label: 'JSON nested 10,000 arrays deep', contentType: json, bytes: utf8(deepArray()) },
    {
      label: 'invalid UTF-8 inside a string',
      contentType: json,
      bytes: Buffer.concat([utf8('{"a":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), utf8('"}')]),
    },
    { label: 'invalid UTF-8 as a key', contentType: json, bytes: Buffer.concat([utf8('{"'), Buffer.from([0xc0, 0xaf]), utf8('":1}')]) },
    { label: 'a raw NUL byte', contentType: json, bytes: utf8('{"a":"\u0000"}') },
    { label: 'an escaped NUL in every string', contentType: json, bytes: utf8('{"username":"\\u0000","password":"\\u0000","phone":"\\u0000","version":1}') },
    { label: 'over the body limit', contentType: json, bytes: utf8(JSON.stringify({ a: 'x'.repeat(bodyLimitBytes + 100) })) },
    { label: '__proto__ key', contentType: json, bytes: utf8('{"__proto__":{"isAdmin":true},"version":1}') },
    { label: 'constructor.prototype key', contentType: json, bytes: utf8('{"constructor":{"prototype":{"isAdmin":true}},"version":1}') },
    { label: 'duplicate keys', contentType: json, bytes: utf8('{"version":1,"version":"x","version":{"a":1}}') },
    { label: 'empty body declared JSON', contentType: json, bytes: Buffer.alloc(0) },
    { label: 'JSON null', contentType: json, bytes: utf8('null') },
    { label: 'JSON string', contentType: json, bytes: utf8('"x"') },
    { label: 'JSON number', contentType: json, bytes: utf8('1e999') },
    { label: 'JSON array', contentType: json, bytes: utf8('[{"version":1}]') },
    { label: 'truncated JSON', contentType: json, bytes: utf8('{"version":') },
    { label: 'trailing garbage', contentType: json, bytes: utf8('{"version":1} tail') },
    { label: 'UTF-8 BOM before JSON', contentType: json, bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('{"version":1}')]) },
    { label: 'UTF-16 JSON', contentType: 'application/json; charset=utf-16', bytes: Buffer.from('{"version":1}', 'utf16le') },
    { label: 'JSON declared latin1', contentType: 'application/json; charset=latin1', bytes: Buffer.from('{"version":1,"note":"\xe9"}', 'latin1') },
    { label: 'plain text', contentType: 'text/plain', bytes: utf8('version=1') },
    { label: 'XML', contentType: 'application/xml', bytes: utf8('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>') },
    { label: 'form-urlencoded', contentType: 'application/x-www-form-urlencoded', bytes: utf8('version=1&__proto__[isAdmin]=true') },
    {
      label: 'multipart to a JSON route',
      contentType: 'multipart/form-data; boundary=b',
      bytes: utf8('--b\r\nContent-Disposition: form-data; name="version"\r\n\r\n1\r\n--b--\r\n'),
    },
    { label: 'multipart without a boundary', contentType: 'multipart/form-data', bytes: utf8('--b\r\n\r\n') },
    { label: 'no content type', contentType: null, bytes: utf8('{"version":1}') },
    { label: 'a content type with garbage parameters', contentType: 'application/json; charset="; boundary=\u00ff', bytes: utf8('{"version":1}') },
    { label: 'problem+json', contentType: 'application/problem+json', bytes: utf8('{"version":1}') },
  ];
}

const BOUNDARY_NUMBERS: unknown[] = [0, -1, 1.5, 2147483647, 2147483648, -2147483649, 1e15, 2 ** 53, 1e21, 1e308, '1', null, true];
const BOUNDARY_TEXT: unknown[] = ['', ' ', 'x'.repeat(100_000), '\u0000', '\ud800', "' OR '1'='1", '../../../etc/passwd', '<script>alert(1)</script>', 7, null];
const BOUNDARY_DATES: unknown[] = [...EDGE_DATES, '2026-11-01T00:00:00', '2026-11-01 10:00', '1899-12-31', '2101-01-01', 20261101, null];

/** Values at and past the edges of whatever kind of value `example` is: the deterministic half of the sweep. */
export function boundaryValues(example: unknown): unknown[] {
  if (typeof example === 'number') return BOUNDARY_NUMBERS;
  if (typeof example === 'boolean') return ['true', 1, null];
  if (typeof example === 'string') return /^\d{4}-\d{2}-\d{2}/.test(example) ? BOUNDARY_DATES : BOUNDARY_TEXT;
  if (Array.isArray(example)) return [[], [null], 'x', Array.from({ length: 1_000 }, () => example[0] ?? 'x')];
  return [[], 'x', null, {}];
}

/** The paths of every node down to `maxDepth` levels (the root excluded). */
export function nodePaths(value: unknown, maxDepth: number): (string | number)[][] {
  return pathsOf(value).filter((p) => p.length > 0 && p.length <= maxDepth);
}

/** A copy of `base` with the node at `path` replaced. */
export function replaceAt(base: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base);
  const parent = path.slice(0, -1).reduce<any>((node, k) => node[k], copy);
  parent[path[path.length - 1]] = value;
  return copy;
}

export const valueAt = (base: unknown, path: (string | number)[]): unknown => path.reduce<any>((node, k) => node?.[k], base);

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const SOME_UUID = '08264b44-5d96-4280-b2be-98b6d195ab19';

/**
 * List cursors that are well-formed base64url JSON pairs but not ones the API issues: each once reached PostgreSQL
 * and answered 500 (a null or unreadable time, a non-uuid id, a year no timestamp holds).
 */
export const FORGED_CURSORS: { label: string; cursor: string }[] = [
  { label: '[null,"x"]', cursor: cursorOf([null, 'x']) },
  { label: '["not-a-date","x"]', cursor: cursorOf(['not-a-date', 'x']) },
  { label: 'a non-uuid id', cursor: cursorOf(['2026-12-01T02:30:00.000Z', "x' OR '1'='1"]) },
  { label: 'year 9999999', cursor: cursorOf(['9999999-01-01T00:00:00.000Z', SOME_UUID]) },
  { label: 'year +275760', cursor: cursorOf(['+275760-09-13T00:00:00.000Z', SOME_UUID]) },
  { label: 'year 0000', cursor: cursorOf(['0000-01-01T00:00:00.000Z', SOME_UUID]) },
  { label: '30 February', cursor: cursorOf(['2026-02-30T00:00:00.000Z', SOME_UUID]) },
  { label: 'a number as time', cursor: cursorOf([1e300, SOME_UUID]) },
  { label: 'a number as id', cursor: cursorOf(['2026-12-01T02:30:00.000Z', 7]) },
  { label: 'three elements', cursor: cursorOf(['2026-12-01T02:30:00.000Z', SOME_UUID, 1]) },
  { label: 'an object', cursor: cursorOf({ key: null, id: SOME_UUID }) },
];

/** Valid in an officer's worklist (no due date yet) but never in a citizen's list, ordered by submission time. */
export const NULL_KEY_CURSOR = cursorOf([null, SOME_UUID]);
