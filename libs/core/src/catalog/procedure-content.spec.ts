import { canonicalJson, importedContent, versionDecision, type ProcedureContent } from './procedure-content';
import type { NationalProcedure } from './national/national-procedure';

const content = (fee: number): ProcedureContent => ({
  name: 'Cấp bản sao Trích lục hộ tịch', field: 'Hộ tịch', fieldCode: 'G15-TP07', receivingLevels: ['commune'], decidingLevel: 'commune', onlineLevel: 3,
  processingTime: { workingDays: 1 }, components: [], resultName: 'Bản sao', legalBasis: [], formSchema: { type: 'object' }, workflow: [],
  fees: [{ code: 'FEE_1', kind: 'charge', name: 'Lệ phí', basis: 'fixed', amountVnd: fee, payment: 'before' }], national: null,
});

describe('versionDecision: a new version exactly when the content changes', () => {
  it.each<[string, { version: number; content: ProcedureContent } | null, ProcedureContent, ReturnType<typeof versionDecision>]>([
    ['a new procedure is version 1', null, content(8000), { kind: 'create', version: 1 }],
    ['the same content keeps the version', { version: 3, content: content(8000) }, content(8000), { kind: 'unchanged', version: 3 }],
    ['a fee change is the next version', { version: 3, content: content(8000) }, content(10000), { kind: 'new_version', version: 4 }],
  ])('%s', (_name, stored, incoming, expected) => {
    expect(versionDecision(stored, incoming)).toEqual(expected);
  });

  it('key order does not count as a change (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });
});

describe('importedContent: our e-form and workflow survive an import', () => {
  const mapped = { ...content(8000), code: '2.000635', national: { processingTimes: [], feesByChannel: [], feeNotes: [], results: [] } } as unknown as NationalProcedure;
  it('keeps ours when we have them', () => {
    const ours = { formSchema: { type: 'object', title: 'Tờ khai' }, workflow: [{ code: 'TN', name: 'Tiếp nhận', level: 'commune' as const, sector: 'one_stop' as const, sharePercent: 100 }] };
    expect(importedContent(mapped, ours)).toMatchObject(ours);
  });
  it('gives a new procedure a generic form and a four-step workflow whose shares add up to 100', () => {
    const c = importedContent(mapped, null);
    expect(c.formSchema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(c.workflow.map((s) => [s.code, s.level, s.sector])).toEqual([
      ['TIEP_NHAN', 'commune', 'one_stop'], ['XU_LY', 'commune', 'general'], ['PHE_DUYET', 'commune', 'general'], ['TRA_KET_QUA', 'commune', 'one_stop'],
    ]);
    expect(c.workflow.reduce((s, w) => s + w.sharePercent, 0)).toBe(100);
    expect(c).not.toHaveProperty('code');
  });
});
