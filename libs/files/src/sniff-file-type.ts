import { fromBuffer } from 'file-type';

/** How many leading bytes are enough for every signature `file-type` knows. */
export const SNIFF_BYTES = 4100;

export interface SniffedType {
  mime: string;
  ext: string;
}

/**
 * The type of a file from its first bytes (magic numbers), ignoring whatever name or media type the client
 * declared. `undefined` when nothing is recognised (plain text, HTML, CSV… have no signature).
 */
export async function sniffFileType(head: Uint8Array): Promise<SniffedType | undefined> {
  if (head.length === 0) return undefined;
  const found = await fromBuffer(head.subarray(0, SNIFF_BYTES));
  return found ? { mime: found.mime, ext: found.ext } : undefined;
}
