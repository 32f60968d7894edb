import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { planImport } from './national';
import { componentProblems, contentWithEdits, draftProblems, editsOfContent, feeProblems, timeProblems } from './procedure-draft';
import { importedContent, type ProcedureContent } from './procedure-content';

const fee = (over: Record<string, unknown> = {}) => ({
  code: 'LE_PHI',
  kind: 'charge',
  name: 'Lệ phí',
  basis: 'fixed',
  amountVnd: 50_000,
  payment: 'before',
  ...over,
});
const fields = (errors: { field: string }[]) => errors.map((e) => e.field);

describe('timeProblems: the statutory time of a procedure', () => {
  it.each<[string, unknown, string[]]>([
    ['3 working days', { workingDays: 3 }, []],
    ['half a day', { workingDays: 0.5 }, []],
    ['8 working hours, same day', { workingHours: 8, sameDay: true }, []],
    ['a third of a day is not a quarter', { workingDays: 1 / 3 }, ['processingTime.workingDays']],
    ['zero days', { workingDays: 0 }, ['processingTime.workingDays']],
    ['366 days', { workingDays: 366 }, ['processingTime.workingDays']],
    ['hours with a fraction', { workingHours: 1.5 }, ['processingTime.workingHours']],
    ['days and hours both', { workingDays: 1, workingHours: 8 }, ['processingTime']],
    ['neither', {}, ['processingTime']],
    ['same day for 2 days', { workingDays: 2, sameDay: true }, ['processingTime.sameDay']],
    ['an unknown key', { workingDays: 2, days: 2 }, ['processingTime.days']],
  ])('%s', (_name, time, expected) => {
    expect(fields(timeProblems(time, 'processingTime'))).toEqual(expected);
  });
});

describe('feeProblems: fee rules', () => {
  const form = new Set(['soBanSao', 'doiTuongMienPhi']);
  it.each<[string, unknown, string[]]>([
    ['a fixed 50.000 đ charge', [fee()], []],
    ['free (0 đ)', [fee({ amountVnd: 0 })], []],
    ['8.000 đ a copy counted in soBanSao', [fee({ basis: 'per_copy', amountVnd: 8_000, copiesField: 'soBanSao' })], []],
    ['a per-copy fee without its form field', [fee({ basis: 'per_copy' })], ['fees[0].copiesField']],
    ['a per-copy fee counting a field the form lacks', [fee({ basis: 'per_copy', copiesField: 'soBan' })], ['fees[0].copiesField']],
    ['a negative amount', [fee({ amountVnd: -1 })], ['fees[0].amountVnd']],
    ['an amount with đồng fractions', [fee({ amountVnd: 1000.5 })], ['fees[0].amountVnd']],
    ['an amount as text', [fee({ amountVnd: '50000' })], ['fees[0].amountVnd']],
    ['over 1.000.000.000 đ', [fee({ amountVnd: 1_000_000_001 })], ['fees[0].amountVnd']],
    ['an unknown kind', [fee({ kind: 'tax' })], ['fees[0].kind']],
    ['a repeated code', [fee(), fee()], ['fees[1].code']],
    ['exemptions claimed in a form field', [fee({ exemptions: [{ code: 'NCC', description: 'Người có công' }], exemptionField: 'doiTuongMienPhi' })], []],
    ['exemptions without their form field', [fee({ exemptions: [{ code: 'NCC', description: 'Người có công' }] })], ['fees[0].exemptionField']],
    ['not a list', fee(), ['fees']],
  ])('%s', (_name, fees, expected) => {
    expect(fields(feeProblems(fees, form))).toEqual(expected);
  });
});

describe('componentProblems: the documents of a dossier', () => {
  const c = (over: Record<string, unknown> = {}) => ({
    code: 'TK',
    name: 'Tờ khai',
    originals: 1,
    certifiedCopies: 0,
    photocopies: 0,
    required: true,
    ...over,
  });
  it.each<[string, unknown, string[]]>([
    ['one original declaration', [c()], []],
    ['two documents', [c(), c({ code: 'GTTT', name: 'Giấy tờ tùy thân', originals: 0, photocopies: 1, required: false })], []],
    ['a negative count', [c({ originals: -1 })], ['components[0].originals']],
    ['100 copies', [c({ photocopies: 100 })], ['components[0].photocopies']],
    ['required as text', [c({ required: 'yes' })], ['components[0].required']],
    ['a repeated code', [c(), c()], ['components[1].code']],
    ['no name', [c({ name: ' ' })], ['components[0].name']],
  ])('%s', (_name, components, expected) => {
    expect(fields(componentProblems(components))).toEqual(expected);
  });
});

const base: ProcedureContent = {
  name: 'Cấp bản sao Trích lục hộ tịch',
  field: 'Hộ tịch',
  fieldCode: 'G15-TP07',
  receivingLevels: ['commune'],
  decidingLevel: 'commune',
  onlineLevel: 3,
  processingTime: { workingDays: 1 },
  resultName: 'Bản sao',
  legalBasis: [],
  components: [{ code: 'TK', name: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, required: true }],
  fees: [{ code: 'FEE_1', kind: 'charge', name: 'Lệ phí', basis: 'fixed', amountVnd: 8_000, payment: 'before' }],
  formSchema: { type: 'object', properties: { soBanSao: { type: 'integer', minimum: 1 } } },
  workflow: [
    { code: 'TIEP_NHAN', name: 'Tiếp nhận', level: 'commune', sector: 'one_stop', sharePercent: 20 },
    { code: 'TRA_KET_QUA', name: 'Trả kết quả', level: 'commune', sector: 'one_stop', sharePercent: 80 },
  ],
  national: {
    processingTimes: [{ channel: 'online', case: null, workingDays: 1, published: { value: 1, unit: 'WORKING_DAY' } }],
    feesByChannel: [{ channel: 'online', fees: [] }],
    feeNotes: [],
    results: [],
  },
};

describe('draftProblems and contentWithEdits', () => {
  it('the content as it stands is a valid draft', () => {
    expect(draftProblems(editsOfContent(base), true)).toEqual([]);
  });

  it('reports every part at its field at once', () => {
    const edits = {
      ...editsOfContent(base),
      fees: [fee({ amountVnd: -5 })],
      processingTime: { workingDays: 0 },
      formSchema: { type: 'object', properties: { a: { type: 'strin' } } },
    };
    expect(fields(draftProblems(edits as never, true))).toEqual(
      expect.arrayContaining(['fees[0].amountVnd', 'processingTime.workingDays', 'formSchema/properties/a/type']),
    );
  });

  it('times per channel are refused for a procedure of our own, which publishes none', () => {
    expect(fields(draftProblems(editsOfContent(base), false))).toEqual(['processingTimes']);
  });

  it('a changed fee becomes our own (kept, charged on every channel); unchanged parts keep what the import published', () => {
    const edits = { ...editsOfContent(base), fees: [{ ...base.fees[0], amountVnd: 10_000 }] };
    const content = contentWithEdits(base, edits);
    expect(content.fees[0].amountVnd).toBe(10_000);
    expect(content.national?.kept).toEqual(['fees']);
    expect(content.national?.processingTimes).toBe(base.national?.processingTimes);
  });

  it('an edited channel time is published as working days', () => {
    const content = contentWithEdits(base, { ...editsOfContent(base), processingTimes: [{ channel: 'online', case: null, workingDays: 2 }] });
    expect(content.national?.processingTimes).toEqual([{ channel: 'online', case: null, workingDays: 2, published: { value: 2, unit: 'WORKING_DAY' } }]);
    expect(content.national?.kept).toBeUndefined();
  });
});

describe('an imported procedure is a valid draft as it stands (long component names, repeated channel times)', () => {
  const dir = join(__dirname, 'national', 'sample-records');
  const records = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  it.each(planImport(records).accepted.map(({ procedure }) => [procedure.code, procedure] as const))('%s', (_code, procedure) => {
    expect(draftProblems(editsOfContent(importedContent(procedure, null)), true)).toEqual([]);
  });
});
