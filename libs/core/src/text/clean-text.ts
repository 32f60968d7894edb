/**
 * Invisible format characters that can disguise text: bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069: "gpj.exe" shown as "exe.jpg"), the marks U+200E/U+200F/U+061C, zero-width characters
 * (U+200B–U+200D, U+2060–U+2064, U+180E), the BOM U+FEFF, the soft hyphen and interlinear annotations.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
// C0 and C1 controls and DEL, except tab, line feed and carriage return (an address may have several lines).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as the system keeps and shows it: lone surrogates replaced by U+FFFD (so it is valid UTF-8), invisible
 * format characters and control characters other than tab and line breaks removed, then NFC, so Vietnamese letters
 * typed as decomposed marks (macOS, some keyboards) equal the composed ones. Removal comes before NFC so that a
 * zero-width character between a letter and its mark does not keep them apart.
 */
export function cleanText(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(INVISIBLE, '').replace(CONTROLS, '').normalize('NFC');
}

/** cleanText on every string (keys included) of a JSON value: e-forms are free-form objects. */
export function cleanTextDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanTextDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[cleanText(key)] = cleanTextDeep(v);
    return out as T;
  }
  return value;
}
