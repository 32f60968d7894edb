// Characters of the GSM 03.38 extension table: each takes two septets (escape + char).
const GSM_EXTENSION = /[\f^{}\\[~\]|€]/g;

/** Segments a carrier would bill: GSM-7 160 / 153 per concatenated part, UCS-2 70 / 67. */
export function countSegments(text: string, ucs2: boolean): number {
  if (ucs2) return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
  const septets = text.length + (text.match(GSM_EXTENSION)?.length ?? 0);
  return septets <= 160 ? 1 : Math.ceil(septets / 153);
}
