import { formatReceiptDate, formatReceiptText, receiptPduFields, receiptSnippet } from './delivery-receipt';

describe('delivery receipt', () => {
  const submitDate = new Date('2026-11-23T01:02:00Z'); // 08:02 in Hà Nội
  const doneDate = new Date('2026-11-23T16:59:30Z'); // 23:59 in Hà Nội

  it('writes dates as YYMMDDhhmm in Hà Nội time', () => {
    expect(formatReceiptDate(submitDate)).toBe('2611230802');
    expect(formatReceiptDate(doneDate)).toBe('2611232359');
    expect(formatReceiptDate(new Date('2026-12-31T17:00:00Z'))).toBe('2701010000');
  });

  it('formats a DELIVRD receipt in the standard text', () => {
    const text = formatReceiptText({
      messageId: 'abc123',
      state: 'DELIVERED',
      submitDate,
      doneDate,
      text: 'Ho so 000.00.12.H26-261123-0001 da duoc tiep nhan',
    });
    expect(text).toBe('id:abc123 sub:001 dlvrd:001 submit date:2611230802 done date:2611232359 stat:DELIVRD err:000 text:Ho so 000.00.12.H26-');
  });

  it('formats an UNDELIV receipt', () => {
    const text = formatReceiptText({ messageId: 'x1', state: 'UNDELIVERED', submitDate, doneDate, text: 'short' });
    expect(text).toMatch(/^id:x1 sub:001 dlvrd:000 .* stat:UNDELIV err:001 text:short$/);
  });

  it('keeps the text snippet printable ASCII, without Vietnamese diacritics', () => {
    expect(receiptSnippet('Hồ sơ đã được tiếp nhận hôm nay')).toBe('Ho so da duoc tiep n');
    expect(receiptSnippet('a\nb€')).toBe('a b?');
  });

  it('swaps the addresses and sets esm_class and the receipt TLVs', () => {
    const fields = receiptPduFields(
      { messageId: 'm1', state: 'UNDELIVERED', submitDate, doneDate, text: 't' },
      { source: 'UBND HN', sourceTon: 5, sourceNpi: 0, destination: '84912345678', destinationTon: 1, destinationNpi: 1 },
    );
    expect(fields).toMatchObject({
      source_addr: '84912345678',
      source_addr_ton: 1,
      destination_addr: 'UBND HN',
      dest_addr_ton: 5,
      esm_class: 0x04,
      receipted_message_id: 'm1',
      message_state: 5,
    });
  });

  it('in the upper-decimal style: field names in upper case, the hex id in decimal, no TLVs', () => {
    const input = { messageId: '4f2a0c', state: 'DELIVERED' as const, submitDate, doneDate, text: 'Ho so' };
    expect(formatReceiptText(input, 'upper-decimal')).toBe(
      'ID:5188108 SUB:001 DLVRD:001 SUBMIT DATE:2611230802 DONE DATE:2611232359 STAT:DELIVRD ERR:000 TEXT:Ho so',
    );
    const fields = receiptPduFields(input, { source: 'HANOI-DVC', destination: '84912345678' }, 'upper-decimal');
    expect(fields).not.toHaveProperty('receipted_message_id');
    expect(fields).not.toHaveProperty('message_state');
  });
});
