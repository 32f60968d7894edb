/** Defensive readers for an untrusted JSON record: a wrong type reads as absent, never throws. */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
export const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** A number, or a string holding only a number ("1"); anything else (prose, "Theo mô tả") is null. */
export function quantity(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

/** The first line, collapsed, at most `max` characters. */
export function shortText(v: unknown, max: number): string {
  const line =
    text(v)
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  const collapsed = line.replace(/\s+/g, ' ');
  return collapsed.length > max ? `${collapsed.slice(0, max - 1)}…` : collapsed;
}
