import { parseSmppReceiptText, receiptOutcome, smscIdSpellings } from './smpp-receipt';

// Appendix B of the SMPP 3.4 specification, and what SMS centres send in practice.
const APPENDIX_B = 'id:0123456789 sub:001 dlvrd:001 submit date:0611251030 done date:0611251031 stat:DELIVRD err:000 text:Ma xac thuc Cong DV';

describe('SMPP 3.4 delivery receipt text', () => {
  it.each([
    ['the Appendix B layout', APPENDIX_B, { id: '0123456789', stat: 'DELIVRD', err: '000' }],
    ['field names in upper case', 'ID:4F2A0C STAT:DELIVRD ERR:000 TEXT:hello', { id: '4F2A0C', stat: 'DELIVRD', err: '000' }],
    [
      'mixed case and a lower-case state',
      'Id:77 Sub:001 Dlvrd:000 Submit Date:0611251030 Done Date:0611251031 Stat:undeliv Err:001',
      { id: '77', stat: 'UNDELIV', err: '001' },
    ],
    ['no err field', 'id:abc stat:EXPIRED', { id: 'abc', stat: 'EXPIRED', err: null }],
    ['no id', 'sub:001 stat:DELIVRD', null],
    ['no state', 'id:1 sub:001', null],
    ['"text:" quoting "id:" does not replace the id', 'id:12 stat:DELIVRD text:id:99', { id: '12', stat: 'DELIVRD', err: null }],
  ])('%s', (_label, text, expected) => {
    expect(parseSmppReceiptText(text)).toEqual(expected);
  });

  it.each([
    ['DELIVRD', 'delivered'],
    ['delivrd', 'delivered'],
    ['EXPIRED', 'failed'],
    ['DELETED', 'failed'],
    ['UNDELIV', 'failed'],
    ['UNKNOWN', 'failed'],
    ['REJECTD', 'failed'],
    ['ENROUTE', null],
    ['ACCEPTD', null],
    ['enroute', null],
    ['SOMETHING', 'failed'],
  ] as const)('state %s → %s', (stat, outcome) => {
    expect(receiptOutcome(stat)).toBe(outcome);
  });

  it.each([
    // submit_sm_resp id, receipt id: 0x4F2A0C = 5188108
    ['4F2A0C', '5188108'],
    ['4f2a0c', '5188108'],
    ['004F2A0C', '5188108'],
    ['5188108', '4F2A0C'],
    ['5188108', '4f2a0c'],
    ['ABC123', 'abc123'],
    ['12345', '12345'],
  ])('a message submitted as %s is matched by a receipt for %s', (submitted, received) => {
    expect(smscIdSpellings(received)).toContain(submitted);
  });

  it('an id that is neither decimal nor hex is only matched as given (and in other case)', () => {
    expect(smscIdSpellings('msg-7f')).toEqual(['msg-7f', 'MSG-7F']);
  });
});
