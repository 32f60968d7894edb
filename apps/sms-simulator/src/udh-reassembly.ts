/** Position of one part in a concatenated message. */
export interface ConcatInfo {
  ref: number;
  total: number;
  seq: number;
}

const IEI_CONCAT_8BIT = 0x00;
const IEI_CONCAT_16BIT = 0x08;

/**
 * Finds the concatenation information element in a UDH, given as the list of IEs node-smpp decodes
 * (`[iei, length, …data]` each) or as the raw header (`[udhl, iei, length, …]`).
 */
export function concatInfoFromUdh(udh: Buffer[] | Buffer | undefined): ConcatInfo | null {
  const elements = Buffer.isBuffer(udh) ? splitUdh(udh) : (udh ?? []);
  for (const ie of elements) {
    if (ie[0] === IEI_CONCAT_8BIT && ie[1] === 3 && ie.length >= 5) return valid({ ref: ie[2], total: ie[3], seq: ie[4] });
    if (ie[0] === IEI_CONCAT_16BIT && ie[1] === 4 && ie.length >= 6) return valid({ ref: ie.readUInt16BE(2), total: ie[4], seq: ie[5] });
  }
  return null;
}

/** The SMPP alternative to a UDH: the sar_* TLVs. */
export function concatInfoFromSar(fields: { sar_msg_ref_num?: number; sar_total_segments?: number; sar_segment_seqnum?: number }): ConcatInfo | null {
  const { sar_msg_ref_num: ref, sar_total_segments: total, sar_segment_seqnum: seq } = fields;
  if (ref === undefined || total === undefined || seq === undefined) return null;
  return valid({ ref, total, seq });
}

/** Splits a raw UDH (first byte = UDHL) into its information elements. */
export function splitUdh(raw: Buffer): Buffer[] {
  const end = Math.min(raw.length, raw[0] + 1);
  const elements: Buffer[] = [];
  let cursor = 1;
  while (cursor + 2 <= end) {
    const length = raw[cursor + 1];
    elements.push(raw.subarray(cursor, Math.min(end, cursor + 2 + length)));
    cursor += 2 + length;
  }
  return elements;
}

function valid(info: ConcatInfo): ConcatInfo | null {
  return info.total >= 1 && info.seq >= 1 && info.seq <= info.total ? info : null;
}

interface Pending<T> {
  total: number;
  parts: Map<number, T>;
  firstSeenAt: number;
}

/**
 * Collects the parts of concatenated messages under a caller-chosen key (sender, recipient and reference) and
 * hands them back in order once all have arrived. Incomplete messages are dropped after `ttlMs`.
 */
export class ConcatReassembler<T> {
  private readonly pending = new Map<string, Pending<T>>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds a part; returns all parts in order when this one completes the message, otherwise null. */
  add(key: string, info: ConcatInfo, part: T): T[] | null {
    this.expire();
    if (info.total === 1) return [part];
    const id = `${key}|${info.ref}|${info.total}`;
    let entry = this.pending.get(id);
    if (!entry) {
      entry = { total: info.total, parts: new Map(), firstSeenAt: this.now() };
      this.pending.set(id, entry);
    }
    entry.parts.set(info.seq, part);
    if (entry.parts.size < entry.total) return null;
    this.pending.delete(id);
    return [...entry.parts.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  clear(): void {
    this.pending.clear();
  }

  private expire(): void {
    const limit = this.now() - this.ttlMs;
    for (const [id, entry] of this.pending) if (entry.firstSeenAt < limit) this.pending.delete(id);
  }
}
