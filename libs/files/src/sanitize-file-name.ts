import { cleanText } from '@dvc/core';

export const MAX_FILE_NAME_LENGTH = 255;

// What cleanText keeps for multi-line text (tab, line breaks) has no place in a name.
const LINE_CONTROLS = /[\t\n\r]/g;

/**
 * A display name safe to store and to show: the text rule of libs/core (cleanText: NFC, so Vietnamese letters typed
 * on different systems compare equal, no invisible or control characters), the last path segment only (both `/`
 * and `\`), no line breaks or tabs, whitespace collapsed, at most 255 characters (keeping the extension). Falls
 * back to `fallback` when nothing is left. The result is only ever a label: storage keys never come from it.
 */
export function sanitizeFileName(raw: string | undefined | null, fallback = 'file'): string {
  let name = cleanText(String(raw ?? ''));
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(LINE_CONTROLS, '').replace(/\s+/g, ' ').trim();
  if (name === '' || /^\.+$/.test(name)) return fallback;
  return truncate(name, MAX_FILE_NAME_LENGTH);
}

/** Other spellings of a sniffed type's extension that a name may keep. */
const SAME_TYPE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = { jpg: ['jpg', 'jpeg', 'jpe'], tif: ['tif', 'tiff'] };
/** What counts as a name's extension (to be replaced) rather than part of the name ("Đơn v1.2" has none). */
const EXTENSION = /\.([A-Za-z][A-Za-z0-9]{0,7})$/;

/**
 * The name an upload is stored under: sanitised, and ending in the extension of the type sniffed from its content,
 * so the name never claims another type ("x.html" sniffed as PDF is "x.pdf", "scan" is "scan.pdf"). An extension
 * that already says the sniffed type (any case, ".jpeg" for JPEG) is kept as typed.
 */
export function storedFileName(raw: string | undefined | null, sniffedExt: string): string {
  const ext = sniffedExt.toLowerCase();
  const fallback = `file.${ext}`;
  const name = sanitizeFileName(raw, fallback);
  const current = EXTENSION.exec(name);
  if (current && (SAME_TYPE_EXTENSIONS[ext] ?? [ext]).includes(current[1].toLowerCase())) return name;
  const stem = (current ? name.slice(0, current.index) : name).replace(/[.\s]+$/, '');
  return sanitizeFileName(`${stem || 'file'}.${ext}`, fallback);
}

/** Cuts to `max` code points (never half a surrogate pair), keeping a short extension when there is one. */
function truncate(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (ext.length > 1 && ext.length <= 16) {
    return `${chars
      .slice(0, max - ext.length)
      .join('')
      .trimEnd()}${ext.join('')}`;
  }
  return chars.slice(0, max).join('').trimEnd();
}
