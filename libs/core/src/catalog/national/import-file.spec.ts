import { readFileSync } from 'fs';
import { join } from 'path';
import { DomainError, DomainErrorCode } from '../../errors/domain-error';
import { planImport, recordsOfImportFile } from './import-file';

const sample = (code: string): unknown => JSON.parse(readFileSync(join(__dirname, 'sample-records', `${code}.json`), 'utf8'));
const bytes = (s: string) => new TextEncoder().encode(s);
const refusal = (input: Uint8Array) => {
  try {
    recordsOfImportFile(input);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('accepted');
};

describe('recordsOfImportFile: one record, an array, or {records}', () => {
  const one = sample('2.001159');
  it.each<[string, string, number]>([
    ['one record', JSON.stringify(one), 1],
    ['an array', JSON.stringify([one, one, one]), 3],
    ['{records: [...]}', JSON.stringify({ records: [one, one] }), 2],
    ['with a byte-order mark', `\uFEFF${JSON.stringify([one])}`, 1],
  ])('%s', (_name, text, count) => {
    expect(recordsOfImportFile(bytes(text))).toHaveLength(count);
  });

  it.each<[string, Uint8Array, DomainErrorCode, RegExp]>([
    ['not JSON', bytes('code,name\n1.001193,Đăng ký khai sinh'), DomainErrorCode.Malformed, /is not JSON/],
    ['not UTF-8', Uint8Array.from([0x5b, 0xff, 0xfe, 0x5d]), DomainErrorCode.Malformed, /not UTF-8/],
    ['a number', bytes('42'), DomainErrorCode.ValidationFailed, /must hold a record/],
    ['a string', bytes('"1.001193"'), DomainErrorCode.ValidationFailed, /must hold a record/],
    ['null', bytes('null'), DomainErrorCode.ValidationFailed, /must hold a record/],
    ['an object that is no record', bytes('{"items": []}'), DomainErrorCode.ValidationFailed, /must hold a record/],
    ['records that is not an array', bytes('{"records": {}}'), DomainErrorCode.ValidationFailed, /must hold a record/],
    ['an empty array', bytes('[]'), DomainErrorCode.ValidationFailed, /holds no records/],
  ])('%s is refused whole', (_name, input, code, message) => {
    const error = refusal(input);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(code);
    expect(error.fieldErrors[0]).toMatchObject({ field: 'file', message: expect.stringMatching(message) });
  });
});

describe('planImport: lines from 1, rejects with reasons, duplicated codes rejected at each line', () => {
  it('keeps the good records and names the lines of the bad and the duplicated', () => {
    const plan = planImport([sample('2.001159'), sample('2.001610'), sample('1.115563'), 'junk', sample('1.115563')]);
    expect(plan.accepted.map((a) => [a.line, a.procedure.code])).toEqual([[1, '2.001159']]);
    expect(plan.rejected).toEqual([
      { line: 2, code: '2.001610', reason: expect.stringMatching(/reads 100 VND/) },
      { line: 3, code: '1.115563', reason: 'code 1.115563 appears 2 times in the file (lines 3, 5): none of them is imported' },
      { line: 4, code: null, reason: 'the record is not a JSON object' },
      { line: 5, code: '1.115563', reason: 'code 1.115563 appears 2 times in the file (lines 3, 5): none of them is imported' },
    ]);
  });
});
