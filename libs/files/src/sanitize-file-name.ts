export const MAX_FILE_NAME_LENGTH = 255;

// C0/C1 controls, DEL, and the invisible format characters that can disguise a name (bidi overrides such as
// U+202E make "gpj.exe" render as "exe.jpg", zero-width characters, BOM).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A display name safe to store and to show: the last path segment only (both `/` and `\`), no control or
 * invisible characters, whitespace collapsed, at most 255 characters (keeping the extension), NFC-normalised so
 * Vietnamese letters typed on different systems compare equal. Falls back to `fallback` when nothing is left.
 * The result is only ever a label: storage keys never come from it.
 */
export function sanitizeFileName(raw: string | undefined | null, fallback = 'file'): string {
  let name = String(raw ?? '').replace(LONE_SURROGATE, '\ufffd').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  if (name === '' || /^\.+$/.test(name)) return fallback;
  return truncate(name, MAX_FILE_NAME_LENGTH);
}

/** Cuts to `max` code points (never half a surrogate pair), keeping a short extension when there is one. */
function truncate(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (ext.length > 1 && ext.length <= 16) {
    return `${chars.slice(0, max - ext.length).join('').trimEnd()}${ext.join('')}`;
  }
  return chars.slice(0, max).join('').trimEnd();
}
