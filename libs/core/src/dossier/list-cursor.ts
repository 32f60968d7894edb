import { isUuid } from '../text/uuid';

/**
 * The keyset cursor of a dossier list: base64url of the JSON `[key, id]` of the last row shown. An officer's
 * worklist is ordered by due time (`key` may be null: dossiers without a due date come last); a citizen's list by
 * submission time (`key` is never null).
 */
export type ListCursorOrder = 'due' | 'submission';

export interface ListCursor {
  /** The last row's sort time as `Date#toISOString` writes it, or null (due order only). */
  key: string | null;
  id: string;
}

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeListCursor(key: Date | null, id: string): string {
  return Buffer.from(JSON.stringify([key ? key.toISOString() : null, id]), 'utf8').toString('base64url');
}

/** A real instant in years 0001–9999 written exactly as `toISOString` writes it (what a cursor of ours holds). */
function isCanonicalInstant(value: string): boolean {
  if (!CANONICAL_INSTANT.test(value) || value.startsWith('0000')) return false;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && new Date(ms).toISOString() === value;
}

/**
 * The cursor's key and id, or null when it is not one this API could have issued for that order: a cursor is
 * valid exactly when it is the encoding of `[canonical instant | null (due order only), uuid]`. Anything else
 * (another JSON shape, a date PostgreSQL or Date cannot read, a non-uuid id, padding or stray characters) is
 * refused here, before it reaches a query.
 */
export function decodeListCursor(cursor: string, order: ListCursorOrder): ListCursor | null {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 300 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [key, id] = value as unknown[];
  if (!isUuid(id)) return null;
  if (key === null ? order !== 'due' : typeof key !== 'string' || !isCanonicalInstant(key)) return null;
  const decoded = { key: key as string | null, id };
  // Exactly our encoding: no second spelling of the same cursor (whitespace, escapes, another base64 form).
  return Buffer.from(JSON.stringify([decoded.key, decoded.id]), 'utf8').toString('base64url') === cursor ? decoded : null;
}
