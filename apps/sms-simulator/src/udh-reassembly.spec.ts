import { concatInfoFromSar, concatInfoFromUdh, ConcatReassembler, splitUdh } from './udh-reassembly';

describe('UDH concatenation', () => {
  it('reads the 8-bit and 16-bit concatenation elements', () => {
    expect(concatInfoFromUdh([Buffer.from([0x00, 0x03, 0x2a, 0x02, 0x01])])).toEqual({ ref: 0x2a, total: 2, seq: 1 });
    expect(concatInfoFromUdh([Buffer.from([0x08, 0x04, 0x12, 0x34, 0x03, 0x03])])).toEqual({ ref: 0x1234, total: 3, seq: 3 });
  });

  it('reads a raw header and skips other elements', () => {
    const raw = Buffer.from([0x0b, 0x05, 0x04, 0x0b, 0x84, 0x23, 0xf0, 0x00, 0x03, 0x07, 0x02, 0x02]);
    expect(splitUdh(raw)).toHaveLength(2);
    expect(concatInfoFromUdh(raw)).toEqual({ ref: 7, total: 2, seq: 2 });
  });

  it('rejects malformed positions and missing elements', () => {
    expect(concatInfoFromUdh([Buffer.from([0x00, 0x03, 0x01, 0x02, 0x03])])).toBeNull();
    expect(concatInfoFromUdh([Buffer.from([0x00, 0x03, 0x01, 0x00, 0x00])])).toBeNull();
    expect(concatInfoFromUdh([])).toBeNull();
    expect(concatInfoFromUdh(undefined)).toBeNull();
  });

  it('reads the sar_* TLVs', () => {
    expect(concatInfoFromSar({ sar_msg_ref_num: 9, sar_total_segments: 2, sar_segment_seqnum: 2 })).toEqual({ ref: 9, total: 2, seq: 2 });
    expect(concatInfoFromSar({ sar_msg_ref_num: 9 })).toBeNull();
  });
});

describe('ConcatReassembler', () => {
  it('returns the parts in order once all arrived, in any arrival order', () => {
    const r = new ConcatReassembler<string>();
    expect(r.add('a|b', { ref: 1, total: 3, seq: 3 }, 'C')).toBeNull();
    expect(r.add('a|b', { ref: 1, total: 3, seq: 1 }, 'A')).toBeNull();
    expect(r.pendingCount).toBe(1);
    expect(r.add('a|b', { ref: 1, total: 3, seq: 2 }, 'B')).toEqual(['A', 'B', 'C']);
    expect(r.pendingCount).toBe(0);
  });

  it('keeps messages with different keys or references apart', () => {
    const r = new ConcatReassembler<string>();
    expect(r.add('x', { ref: 1, total: 2, seq: 1 }, 'x1')).toBeNull();
    expect(r.add('y', { ref: 1, total: 2, seq: 1 }, 'y1')).toBeNull();
    expect(r.add('x', { ref: 2, total: 2, seq: 2 }, 'x2 other ref')).toBeNull();
    expect(r.add('x', { ref: 1, total: 2, seq: 2 }, 'x2')).toEqual(['x1', 'x2']);
    expect(r.add('y', { ref: 1, total: 2, seq: 2 }, 'y2')).toEqual(['y1', 'y2']);
  });

  it('a repeated part replaces the earlier copy instead of completing the message', () => {
    const r = new ConcatReassembler<string>();
    expect(r.add('k', { ref: 5, total: 2, seq: 1 }, 'old')).toBeNull();
    expect(r.add('k', { ref: 5, total: 2, seq: 1 }, 'new')).toBeNull();
    expect(r.add('k', { ref: 5, total: 2, seq: 2 }, 'end')).toEqual(['new', 'end']);
  });

  it('drops incomplete messages after the TTL', () => {
    let now = 0;
    const r = new ConcatReassembler<string>(1000, () => now);
    r.add('k', { ref: 1, total: 2, seq: 1 }, 'a');
    now = 2000;
    expect(r.add('k', { ref: 1, total: 2, seq: 2 }, 'b')).toBeNull();
    expect(r.pendingCount).toBe(1);
  });
});
